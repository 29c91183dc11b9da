/**
 * Per-figure data files: `data/regions/<province code>.json`, one TopoJSON atlas per province-level unit,
 * cut from `china-2m.json` so that a figure of one province fetches what it draws and not the national
 * file (Guangdong: about 69 KB gzipped instead of 182 KB for `china-10m.json`).
 *
 * ```
 *  china-2m.json ──select──▶ the province's units + every unit of the provinces around it (its context box)
 *      ──Visvalingam per arc──▶ fine arcs (the province's units: 300 m)
 *                               coarse arcs (everything else: 2.5 km)  ── shared arcs stay shared
 *      ──quantise (1e5 steps over the file's box)──▶ data/regions/<code>.json (+ index.json)
 *  the same, simplified to what MapLibre draws of the file at the zoom of the province's whole figure
 *      ──▶ data/regions/<code>.overview.json  (where that is at least 3 × coarser than the file: a figure's
 *          first view fetches it, the region file once the reader zooms in)
 * ```
 *
 * Each file has the objects of the national files (`prefectures`, `provinces`, `nation`, `scsIslands`,
 * `tenDashLine`, `neighbors`), so `loadAtlas({ url })` reads it like them; `nation` holds only the national
 * border and coast within the file, as lines (a MultiLineString), not the country's polygon.
 *
 * Run by `npm run build:data` (data/build/build.ts calls {@link writeRegionFiles} after china-2m.json is
 * written), or alone on the current china-2m.json: `npx tsx data/build/regions.ts`. Deterministic: no time,
 * no randomness, keys in a fixed order; two runs give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { presimplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import { CONTEXT_SHARE, growBox } from '../../src/maplibre/style/scope.ts';

type Pos = [number, number];
type Box = [number, number, number, number];
interface Geom {
  type: string;
  id?: string;
  arcs?: unknown;
  properties?: Record<string, unknown>;
}

/** Simplification of the arcs a figure looks at (its province and the units touching it), in metres. */
export const FINE_INTERVAL_M = 300;
/** Simplification of the context around them, in metres. */
export const COARSE_INTERVAL_M = 2500;
/** Islands (rings of one closed arc) smaller than this are left out: of the province, and of the context (km²). */
export const FINE_MIN_ISLAND_KM2 = 0.5;
export const COARSE_MIN_ISLAND_KM2 = 30;
/** Quantisation steps over each file's bounding box. */
export const REGION_QUANTIZATION = 1e5;
/**
 * The figure an overview is made for: a figure of data of the whole province in a map box this size (CSS
 * pixels; the render benchmark's desktop size) with its legend over the map (the widest embed.css allows).
 * Narrower figures fit at a lower zoom, where the overview is finer than a pixel still; a figure whose first
 * view reaches the overview's `maxZoom` (wider, or with no legend beside the map) draws from the region file.
 */
export const OVERVIEW_REFERENCE = { width: 800, height: 600, legendWidth: 260 } as const;
/** An overview is written only where its interval is at least this many times {@link FINE_INTERVAL_M}. */
export const OVERVIEW_MIN_GAIN = 3;
/** The context around the province in an overview: this many times the province's interval (at least {@link COARSE_INTERVAL_M}). */
export const OVERVIEW_CONTEXT_FACTOR = 4;

/** An overview file (`regions/<code>.overview.json`): the region file simplified for the first view of the province's whole figure. */
export interface RegionOverview {
  /** The overview draws as the region file does below this zoom; at it and above, the region file is needed. */
  maxZoom: number;
  /** Simplification of the province's own arcs, in metres (the region file: {@link FINE_INTERVAL_M}). */
  fineIntervalM: number;
  /** Simplification of the context, in metres (the region file: {@link COARSE_INTERVAL_M}). */
  coarseIntervalM: number;
  bytes: number;
  gzipBytes: number;
  sha256: string;
}

/** One line of `data/regions/index.json`. */
export interface RegionIndexEntry {
  /** Province code; the file is `regions/<code>.json`. */
  code: string;
  /** `[west, south, east, north]` of the province. */
  bounds: Box;
  /** `[west, south, east, north]` of the context the file covers. */
  context: Box;
  /** Province codes whose units are all in the file: the province first, then those touching it. */
  provinces: string[];
  /** `[west, south, east, north]` a figure of the whole province is fitted to (the embed's framing on the file). */
  frame: Box;
  /** Whether that figure shows the 南海诸岛 inset. */
  inset: boolean;
  bytes: number;
  gzipBytes: number;
  sha256: string;
  /** The overview file, where there is one. */
  overview?: RegionOverview;
}

const KM_PER_DEG = 111.32;

function decodeArcs(topology: Topology): Pos[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    if (!t) return arc.map((p) => [p[0]!, p[1]!] as Pos);
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0]!;
      y += p[1]!;
      return [
        Math.round((x * t.scale[0] + t.translate[0]) * 1e7) / 1e7,
        Math.round((y * t.scale[1] + t.translate[1]) * 1e7) / 1e7,
      ] as Pos;
    });
  });
}

/** Arc indices a geometry uses (non-negative), in order. */
function arcsOf(g: Geom): number[] {
  const out: number[] = [];
  const visit = (a: unknown) => {
    if (typeof a === 'number') out.push(a < 0 ? ~a : a);
    else if (Array.isArray(a)) for (const x of a) visit(x);
  };
  visit(g.arcs);
  return out;
}

function boxOfArcs(arcs: Pos[][], ids: number[]): Box {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const i of ids)
    for (const [x, y] of arcs[i]!) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  return [w, s, e, n];
}

const inBox = (p: Pos, b: Box) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * The province's box grown by {@link CONTEXT_SHARE} of its larger side (in km) on every side, as the scoped
 * base map grows it ({@link growBox}), rounded outwards to 0.001°.
 */
export function contextBox(b: Box): Box {
  const [w, s, e, n] = growBox(b, CONTEXT_SHARE);
  return [
    Math.floor(w * 1e3) / 1e3,
    Math.floor(s * 1e3) / 1e3,
    Math.ceil(e * 1e3) / 1e3,
    Math.ceil(n * 1e3) / 1e3,
  ];
}

/** Visvalingam weight: the triangle's area in km² (planar, longitudes scaled at the triangle's latitude). */
function areaKm2(t: [number, number, number][]): number {
  const [a, b, c] = t as unknown as [[number, number], [number, number], [number, number]];
  const kx = KM_PER_DEG * Math.cos((b[1] * Math.PI) / 180);
  return (
    Math.abs(
      (a[0] - c[0]) * kx * (b[1] - a[1]) * KM_PER_DEG - (a[0] - b[0]) * kx * (c[1] - a[1]) * KM_PER_DEG,
    ) / 2
  );
}

/**
 * The points of an arc kept at `minKm2`: endpoints always; a closed arc (a whole ring) keeps at least four
 * points, so no island vanishes.
 */
function simplifyArc(arc: [number, number, number][], minKm2: number): Pos[] {
  const kept = arc.filter((p) => p[2] >= minKm2);
  const closed = arc.length > 3 && arc[0]![0] === arc.at(-1)![0] && arc[0]![1] === arc.at(-1)![1];
  if (closed && kept.length < 4) {
    const inner = arc
      .slice(1, -1)
      .map((p, i) => ({ p, i }))
      .sort((x, y) => y.p[2] - x.p[2] || x.i - y.i)
      .slice(0, 2)
      .sort((x, y) => x.i - y.i)
      .map((x) => x.p);
    return [arc[0]!, ...inner, arc.at(-1)!].map((p) => [p[0], p[1]]);
  }
  return kept.map((p) => [p[0], p[1]]);
}

/** Rewrites arc references of a geometry through `map` (old index → new index). */
function remap(arcs: unknown, map: Map<number, number>): unknown {
  if (typeof arcs === 'number') {
    const j = map.get(arcs < 0 ? ~arcs : arcs)!;
    return arcs < 0 ? ~j : j;
  }
  return (arcs as unknown[]).map((a) => remap(a, map));
}

/** A geometry with keys in a fixed order (type, arcs, properties, id), arcs remapped. */
function writeGeom(g: Geom, map: Map<number, number>): Geom {
  return {
    type: g.type,
    arcs: remap(g.arcs, map),
    ...(g.properties ? { properties: g.properties } : {}),
    ...(g.id !== undefined ? { id: g.id } : {}),
  };
}

/** The region file of one province, built from the national 2m topology. */
export function regionTopology(
  national: Topology,
  code: string,
  intervals: { fineM: number; coarseM: number } = { fineM: FINE_INTERVAL_M, coarseM: COARSE_INTERVAL_M },
): { topology: Topology; context: Box; bounds: Box; provinces: string[] } {
  const arcs = decodeArcs(national);
  const objects = national.objects as Record<string, { geometries: Geom[] }>;
  const provinces = objects.provinces!.geometries;
  const units = objects.prefectures!.geometries;
  const own = provinces.find((p) => p.id === code);
  if (!own) throw new Error(`regions: no province ${code} in china-2m.json`);
  const bounds = boxOfArcs(arcs, arcsOf(own)).map((v) => round(v)) as Box;
  const context = contextBox(bounds);

  // Provinces with a point in the context box: their outlines are the coarse context.
  const reaches = (g: Geom) => arcsOf(g).some((a) => arcs[a]!.some((p) => inBox(p, context)));
  const inProvinces = provinces.filter(reaches);
  const ownArcs = new Set(arcsOf(own));
  // Provinces touching this one come with all their units (a figure may name them); the others as outlines.
  const touching = new Set(
    inProvinces
      .filter((p) => p.id === code || arcsOf(p).some((a) => ownArcs.has(a)))
      .map((p) => String(p.id)),
  );
  const unitsIn = units.filter(
    (u) => touching.has(`${String(u.id).slice(0, 2)}0000`) || touching.has(String(u.id)),
  );
  // The province's own arcs (its units' borders, and where the ring of units around touches it) are fine;
  // everything else coarse.
  const fine = new Set(units.filter((u) => String(u.id).slice(0, 2) === code.slice(0, 2)).flatMap(arcsOf));

  // The national border and coast: arcs that only one province uses, kept where a province of the file has them.
  const uses = new Map<number, number>();
  for (const p of provinces) for (const a of new Set(arcsOf(p))) uses.set(a, (uses.get(a) ?? 0) + 1);
  const nationArcs = [...new Set(inProvinces.flatMap(arcsOf))]
    .filter((a) => uses.get(a) === 1)
    .sort((a, b) => a - b);

  const pick = (name: string) => objects[name]!.geometries.filter(reaches);
  const ringKm2 = (ring: Pos[]) => {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
    const lat = ring[0]![1];
    return Math.abs(a / 2) * KM_PER_DEG * KM_PER_DEG * Math.cos((lat * Math.PI) / 180);
  };
  const scs = pick('scsIslands');
  const dashes = pick('tenDashLine');
  const neighbors = pick('neighbors');

  // Small islands: a ring made of one closed arc below the size limit goes, everywhere it is used; a
  // geometry keeps at least its largest polygon.
  const dropped = new Set<number>();
  for (const a of new Set([...inProvinces, ...unitsIn, ...scs, ...neighbors].flatMap(arcsOf))) {
    const arc = arcs[a]!;
    const [x0, y0] = arc[0]!;
    const [x1, y1] = arc.at(-1)!;
    if (x0 !== x1 || y0 !== y1) continue;
    if (ringKm2(arc) < (fine.has(a) ? FINE_MIN_ISLAND_KM2 : COARSE_MIN_ISLAND_KM2)) dropped.add(a);
  }
  const withoutIslands = (g: Geom): Geom => {
    const isDropped = (ring: unknown) =>
      Array.isArray(ring) &&
      ring.length === 1 &&
      dropped.has((ring[0] as number) < 0 ? ~(ring[0] as number) : (ring[0] as number));
    if (g.type === 'Polygon') {
      const rings = g.arcs as unknown[];
      return { ...g, arcs: [rings[0], ...rings.slice(1).filter((r) => !isDropped(r))] };
    }
    if (g.type !== 'MultiPolygon') return g;
    const polys = g.arcs as unknown[][];
    const kept = polys
      .filter((p) => !isDropped(p[0]))
      .map((p) => [p[0], ...p.slice(1).filter((r) => !isDropped(r))]);
    if (kept.length) return { ...g, arcs: kept };
    const size = (p: unknown[]) => ringKm2(arcs[arcsOf({ type: 'x', arcs: p[0] })[0]!]!);
    const largest = [...polys].sort((a, b) => size(b) - size(a))[0]!;
    return { ...g, arcs: [[largest[0]]] };
  };
  for (const list of [inProvinces, unitsIn, scs, neighbors])
    list.splice(0, list.length, ...list.map(withoutIslands));
  const used = [
    ...new Set([
      ...inProvinces.flatMap(arcsOf),
      ...unitsIn.flatMap(arcsOf),
      ...scs.flatMap(arcsOf),
      ...dashes.flatMap(arcsOf),
      ...neighbors.flatMap(arcsOf),
    ]),
  ].sort((a, b) => a - b);
  const index = new Map(used.map((a, i) => [a, i]));

  // Visvalingam weights on the used arcs only (absolute coordinates, weight in km²).
  const weighted = presimplify(
    { type: 'Topology', objects: {}, arcs: used.map((a) => arcs[a]!) } as never,
    areaKm2 as never,
  ).arcs as unknown as [number, number, number][][];
  const fineKm2 = (intervals.fineM / 1000) ** 2;
  const coarseKm2 = (intervals.coarseM / 1000) ** 2;
  const simplified = weighted.map((arc, i) => simplifyArc(arc, fine.has(used[i]!) ? fineKm2 : coarseKm2));

  // Quantise and delta-encode over the file's own box.
  const all = simplified.flat();
  const box: Box = [
    Math.min(...all.map((p) => p[0])),
    Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])),
    Math.max(...all.map((p) => p[1])),
  ];
  const q = REGION_QUANTIZATION - 1;
  const scale: Pos = [(box[2] - box[0]) / q || 1, (box[3] - box[1]) / q || 1];
  const translate: Pos = [box[0], box[1]];
  const quantArcs = simplified.map((arc) => {
    let px = 0;
    let py = 0;
    const out: Pos[] = [];
    for (const [x, y] of arc) {
      const qx = Math.round((x - translate[0]) / scale[0]);
      const qy = Math.round((y - translate[1]) / scale[1]);
      if (out.length && qx === px && qy === py) continue;
      out.push([qx - px, qy - py]);
      px = qx;
      py = qy;
    }
    // An arc whose points fell on one grid cell keeps two points (topology needs both ends).
    if (out.length === 1) out.push([0, 0]);
    return out;
  });

  const nationObject = {
    type: 'GeometryCollection',
    geometries: nationArcs.length
      ? [
          {
            type: 'MultiLineString',
            arcs: nationArcs.filter((a) => index.has(a)).map((a) => [index.get(a)!]),
            properties: objects.nation!.geometries[0]!.properties,
            id: objects.nation!.geometries[0]!.id,
          },
        ]
      : [],
  };
  const collection = (gs: Geom[]) => ({
    type: 'GeometryCollection',
    geometries: gs.map((g) => writeGeom(g, index)),
  });
  const ordered = [code, ...[...touching].filter((p) => p !== code).sort()];
  const topology = {
    type: 'Topology',
    // The box inside which the file holds all there is to draw (a foreign member, as TopoJSON allows; not a
    // `bbox`: provinces reaching into it come whole, so data lies beyond it too). A figure whose view leaves
    // it would show the edge of the file's data: quyu/embed draws such a figure from a national file.
    context,
    transform: { scale, translate },
    objects: {
      nation: nationObject,
      provinces: collection(inProvinces),
      prefectures: collection(unitsIn),
      scsIslands: collection(scs),
      tenDashLine: collection(dashes),
      neighbors: collection(neighbors),
    },
    arcs: quantArcs,
  } as unknown as Topology;
  return { topology, context, bounds, provinces: ordered };
}

/**
 * The simplification of a province's overview: its province arcs at half a pixel of the 512-pixel tiles
 * MapLibre draws the figure of the whole province with ({@link OVERVIEW_REFERENCE}; MapLibre itself
 * simplifies each tile by a pixel, `GEOJSON_TILING`), measured at the frame's northern edge and rounded down
 * to 100 m; the context {@link OVERVIEW_CONTEXT_FACTOR} times coarser. Below `maxZoom` (the next tile zoom)
 * the province's borders differ from the region file's by about what MapLibre's own simplification of a
 * tile does (99.9 % of vertices within a pixel, all within 1.5), the context by about 2.5 pixels (99 %)
 * (`test/atlas/region-overviews.test.ts`). Undefined where the gain is too small to ship a second file
 * ({@link OVERVIEW_MIN_GAIN}).
 *
 * @example
 * ```ts
 * await overviewIntervals([109.65122, 20.21445, 117.18866, 25.51933], false); // Guangdong's frame: { maxZoom: 6, fineM: 1100, coarseM: 4400 }
 * ```
 */
export async function overviewIntervals(
  frame: Box,
  inset: boolean,
): Promise<{ maxZoom: number; fineM: number; coarseM: number } | undefined> {
  const { cameraFor, metresPerPixel } = await import('../../src/embed/first-paint.ts');
  const { framePadding } = await import('../../src/embed/render.ts');
  const { width, height, legendWidth } = OVERVIEW_REFERENCE;
  const padding = framePadding(width, legendWidth, inset);
  const tileZoom = Math.floor(cameraFor(frame, width, height, padding).zoom);
  const north = Math.max(Math.abs(frame[1]), Math.abs(frame[3]));
  const pixelM = metresPerPixel(north, tileZoom);
  const fineM = Math.floor(pixelM / 2 / 100) * 100;
  if (fineM < OVERVIEW_MIN_GAIN * FINE_INTERVAL_M) return undefined;
  return {
    maxZoom: tileZoom + 1,
    fineM,
    coarseM: Math.max(COARSE_INTERVAL_M, OVERVIEW_CONTEXT_FACTOR * fineM),
  };
}

const fileFacts = (buf: Buffer) => ({
  bytes: buf.length,
  gzipBytes: gzipSync(buf, { level: 9 }).length,
  sha256: createHash('sha256').update(buf).digest('hex'),
});

/**
 * Writes `regions/<code>.json` for every province of the national 2m topology, its overview
 * `regions/<code>.overview.json` where {@link overviewIntervals} gives one, and `regions/index.json` (each
 * file's province, bounds, context box, the provinces it holds whole, the frame of the province's whole
 * figure, sizes and sha256, and its overview's). Returns the index.
 *
 * @example
 * ```ts
 * const index = await writeRegionFiles(join(ROOT, 'data'), readFileSync('data/china-2m.json'));
 * index.find((r) => r.code === '440000')!.gzipBytes; // about 69 KB
 * ```
 */
export async function writeRegionFiles(
  dataDir: string,
  china2m: Buffer | string,
): Promise<RegionIndexEntry[]> {
  const { loadAtlas } = await import('../../src/atlas/load.ts');
  const { frameOfCodes } = await import('../../src/embed/framing.ts');
  const national = JSON.parse(china2m.toString()) as Topology;
  const dir = join(dataDir, 'regions');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const index: RegionIndexEntry[] = [];
  const codes = (national.objects.provinces as unknown as { geometries: Geom[] }).geometries
    .map((g) => String(g.id))
    .sort();
  for (const code of codes) {
    const r = regionTopology(national, code);
    const buf = Buffer.from(JSON.stringify(r.topology));
    writeFileSync(join(dir, `${code}.json`), buf);
    // The frame of the province's whole figure, by the embed's own framing on the file.
    const frame = frameOfCodes([code], await loadAtlas({ topology: r.topology, counties: false }));
    const r5 = (b: readonly number[]) => b.map((v) => Math.round(v * 1e5) / 1e5) as Box;
    const entry: RegionIndexEntry = {
      code,
      bounds: r.bounds,
      context: r.context,
      provinces: r.provinces,
      frame: r5(frame.bounds),
      inset: frame.inset,
      ...fileFacts(buf),
    };
    const o = await overviewIntervals(entry.frame, entry.inset);
    if (o) {
      const overview = regionTopology(national, code, { fineM: o.fineM, coarseM: o.coarseM });
      const obuf = Buffer.from(JSON.stringify(overview.topology));
      writeFileSync(join(dir, `${code}.overview.json`), obuf);
      entry.overview = {
        maxZoom: o.maxZoom,
        fineIntervalM: o.fineM,
        coarseIntervalM: o.coarseM,
        ...fileFacts(obuf),
      };
    }
    index.push(entry);
  }
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  return index;
}

/**
 * The module `src/embed/region-reach.generated.ts`: for each region file (its index entry), the frame a
 * figure of its whole province is fitted to (`frameOfCodes([code])` on that file: the box of the
 * province's units, islands far off left out), whether that figure shows the 南海诸岛 inset, the file's
 * context box, and the zoom below which its overview draws as the file does. With it the embed tells,
 * before fetching anything, whether a figure's first view reaches beyond the region file (a phone figure
 * much taller than wide) and fetches the national file instead, and whether the overview will do. Rounded
 * to 1e-5° (about 1 m).
 *
 * @example
 * ```ts
 * writeFileSync('src/embed/region-reach.generated.ts', regionReachModule(index));
 * ```
 */
export function regionReachModule(index: RegionIndexEntry[]): string {
  const r5 = (b: readonly number[]) => `[${b.map((v) => Math.round(v * 1e5) / 1e5).join(', ')}]`;
  const rows = index.map(
    (r) =>
      `  '${r.code}': { frame: ${r5(r.frame)}, inset: ${r.inset}, context: ${r5(r.context)}${r.overview ? `, overviewMaxZoom: ${r.overview.maxZoom}` : ''} },`,
  );
  return `// Generated by data/build/regions.ts from data/regions/index.json (regionReachModule): do not edit.
import type { Box } from '../maplibre/style/scope.ts';

/** What a region file can draw: see {@link RegionReach}. */
export interface RegionReach {
  /** \`[west, south, east, north]\` a figure of the whole province is fitted to (frameOfCodes on the file). */
  readonly frame: Box;
  /** Whether that figure shows the 南海诸岛 inset. */
  readonly inset: boolean;
  /** \`[west, south, east, north]\` the region file holds everything in (its \`context\` member). */
  readonly context: Box;
  /**
   * Where the province has an overview file (\`data/regions/<code>.overview.json\`): the zoom below which it
   * draws as the region file does (the province's borders within about a pixel, MapLibre's own
   * simplification of a tile; the context within about 2.5 for 99 % of its vertices).
   */
  readonly overviewMaxZoom?: number;
}

/** Per province code, what its region file (\`data/regions/<code>.json\`) can draw. */
export const REGION_REACH: Readonly<Record<string, RegionReach>> = {
${rows.join('\n')}
};
`;
}

/** Fills the `regions` block of data/README.md: one row per file with its provinces, sizes and sha256. */
export function writeRegionReadme(readmePath: string, index: RegionIndexEntry[]): void {
  const readme = readFileSync(readmePath, 'utf8');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const cells = [
    ['file', 'provinces with all their units', 'bytes', 'gzipped (level 9)', 'sha256'],
    ...index.flatMap((r) => [
      [`\`regions/${r.code}.json\``, r.provinces.join(' '), kb(r.bytes), kb(r.gzipBytes), `\`${r.sha256}\``],
      ...(r.overview
        ? [
            [
              `\`regions/${r.code}.overview.json\``,
              `overview of the file above: province ${r.overview.fineIntervalM.toLocaleString('en-US')} m, context ${r.overview.coarseIntervalM.toLocaleString('en-US')} m, below zoom ${r.overview.maxZoom}`,
              kb(r.overview.bytes),
              kb(r.overview.gzipBytes),
              `\`${r.overview.sha256}\``,
            ],
          ]
        : []),
    ]),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const table = [
    line(cells[0]!),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n');
  writeFileSync(
    readmePath,
    readme.replace(
      /<!-- regions:start -->[\s\S]*<!-- regions:end -->/,
      `<!-- regions:start -->\n${table}\n<!-- regions:end -->`,
    ),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const out = process.env.QUYU_BUILD_OUT ? join(process.env.QUYU_BUILD_OUT, 'data') : join(root, 'data');
  const index = await writeRegionFiles(out, readFileSync(join(root, 'data/china-2m.json')));
  const reachOut = process.env.QUYU_BUILD_OUT
    ? join(process.env.QUYU_BUILD_OUT, 'embed')
    : join(root, 'src/embed');
  mkdirSync(reachOut, { recursive: true });
  writeFileSync(join(reachOut, 'region-reach.generated.ts'), regionReachModule(index));
  if (!process.env.QUYU_BUILD_OUT) writeRegionReadme(join(root, 'data/README.md'), index);
  for (const r of index)
    console.log(
      `regions/${r.code}.json: ${(r.bytes / 1024).toFixed(0)} KB, ${(r.gzipBytes / 1024).toFixed(1)} KB gzipped; provinces ${r.provinces.join(' ')}${r.overview ? `; overview ${(r.overview.gzipBytes / 1024).toFixed(1)} KB gzipped (${r.overview.fineIntervalM} m / ${r.overview.coarseIntervalM} m, below zoom ${r.overview.maxZoom})` : ''}`,
    );
}
