/**
 * Compares every unit of the shipped atlas with an independent prefecture-level dataset: area ratio and
 * border offset (distance from our border vertices to the reference border), per unit, per province and
 * overall. Run by hand, not in CI; the reference is fetched for comparison only and never committed.
 *
 *   npx tsx scripts/compare-atlas.ts --git /path/to/GeoMapData_CN/.git [--atlas data/china-2m.json] [--json out.json]
 *   npx tsx scripts/compare-atlas.ts --dir /path/to/GeoMapData_CN        (a checked-out copy)
 *
 * Reference layout expected: `province/<province code>.json`, GeoJSON FeatureCollections of the
 * prefecture-level units of each province with `properties.adcode`, in GCJ-02 (as DataV GeoAtlas publishes
 * them); they are converted to WGS-84 here with gcoord, like the atlas' own input.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import turfArea from '@turf/area';
import gcoord from 'gcoord';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

type Geom = Polygon | MultiPolygon;
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const gitDir = opt('git');
const dir = opt('dir');
const atlasFile = opt('atlas') ?? 'data/china-2m.json';
if (!gitDir && !dir) {
  console.error('compare-atlas: pass --git <reference .git folder> or --dir <checked-out reference folder>');
  process.exit(2);
}

function readReference(path: string): string | undefined {
  if (dir) {
    const p = join(dir, path);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  }
  try {
    return execFileSync('git', [`--git-dir=${gitDir}`, 'show', `HEAD:${path}`], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

const polys = (g: Geom): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const toWgs = (g: Geom): Geom => ({
  type: 'MultiPolygon',
  coordinates: polys(g).map((p) =>
    p.map((r) => r.map((v) => gcoord.transform([v[0]!, v[1]!], gcoord.GCJ02, gcoord.WGS84) as number[])),
  ),
});

/** Metres per degree at a latitude (local planar approximation). */
const mPerDeg = (lat: number) => [111_320 * Math.cos((lat * Math.PI) / 180), 110_540] as const;

/** Median and 90th percentile distance (m) from up to 400 of our border vertices to the reference border. */
function borderOffset(ours: Geom, ref: Geom): { median: number; p90: number } {
  const segs: [number, number, number, number][] = [];
  for (const p of polys(ref))
    for (const r of p)
      for (let i = 0; i + 1 < r.length; i++) segs.push([r[i]![0]!, r[i]![1]!, r[i + 1]![0]!, r[i + 1]![1]!]);
  const CELL = 0.05;
  const grid = new Map<string, number[]>();
  segs.forEach(([x1, y1, x2, y2], i) => {
    for (let x = Math.floor(Math.min(x1, x2) / CELL); x <= Math.floor(Math.max(x1, x2) / CELL); x++)
      for (let y = Math.floor(Math.min(y1, y2) / CELL); y <= Math.floor(Math.max(y1, y2) / CELL); y++) {
        const k = `${x},${y}`;
        const l = grid.get(k) ?? [];
        l.push(i);
        grid.set(k, l);
      }
  });
  const verts = polys(ours).flatMap((p) => p.flat());
  const step = Math.max(1, Math.floor(verts.length / 400));
  const d: number[] = [];
  for (let i = 0; i < verts.length; i += step) {
    const [px, py] = verts[i] as [number, number];
    const [kx, ky] = mPerDeg(py);
    let best = Infinity;
    for (let ring = 0; ring < 40 && best === Infinity; ring++) {
      const cx = Math.floor(px / CELL);
      const cy = Math.floor(py / CELL);
      for (let x = cx - ring; x <= cx + ring; x++)
        for (let y = cy - ring; y <= cy + ring; y++) {
          if (Math.max(Math.abs(x - cx), Math.abs(y - cy)) !== ring) continue;
          for (const s of grid.get(`${x},${y}`) ?? []) {
            const [x1, y1, x2, y2] = segs[s]!;
            const ax = (x1 - px) * kx;
            const ay = (y1 - py) * ky;
            const bx = (x2 - px) * kx;
            const by = (y2 - py) * ky;
            const dx = bx - ax;
            const dy = by - ay;
            const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
            best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
          }
        }
      // One more ring after the first hit: a closer segment may sit in the next cells.
      if (best !== Infinity && ring < 39) ring = 39;
    }
    if (best !== Infinity) d.push(best);
  }
  d.sort((a, b) => a - b);
  return { median: d[Math.floor(d.length / 2)] ?? NaN, p90: d[Math.floor(d.length * 0.9)] ?? NaN };
}

const topo = JSON.parse(readFileSync(atlasFile, 'utf8')) as Topology;
const units = (
  feature(topo, topo.objects.prefectures!) as unknown as {
    features: Feature<Geom, { name: string; boundaryNote?: string }>[];
  }
).features;
const refByCode = new Map<string, Geom>();
const provinces = [...new Set(units.map((u) => `${String(u.id).slice(0, 2)}0000`))];
for (const p of provinces) {
  const text = readReference(`province/${p}.json`);
  if (!text) continue;
  for (const f of (JSON.parse(text) as { features: Feature<Geom, { adcode: number }>[] }).features)
    if (f.geometry) refByCode.set(String(f.properties.adcode), toWgs(f.geometry));
}
console.log(`compare-atlas: ${atlasFile} (${units.length} units) against ${refByCode.size} reference units`);

interface Row {
  code: string;
  name: string;
  oursKm2: number;
  refKm2: number;
  ratio: number;
  median: number;
  p90: number;
  note: boolean;
}
const rows: Row[] = [];
const missing: string[] = [];
for (const u of units) {
  const code = String(u.id);
  const ref = refByCode.get(code);
  if (!ref) {
    missing.push(`${code} ${u.properties.name}`);
    continue;
  }
  const oursKm2 = turfArea(u) / 1e6;
  const refKm2 = turfArea(ref) / 1e6;
  const { median, p90 } = borderOffset(u.geometry, ref);
  rows.push({
    code,
    name: u.properties.name,
    oursKm2,
    refKm2,
    ratio: oursKm2 / refKm2,
    median,
    p90,
    note: !!u.properties.boundaryNote,
  });
}
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const pct = (r: number) => `${((r - 1) * 100).toFixed(1)} %`;
const within = (t: number) => rows.filter((r) => Math.abs(r.ratio - 1) <= t).length;
console.log(
  `units compared: ${rows.length}; without a reference unit: ${missing.length} (${missing.join(', ')})`,
);
console.log(`area within 2 %: ${within(0.02)}; within 5 %: ${within(0.05)}; within 10 %: ${within(0.1)}`);
console.log(
  `border offset, median of unit medians: ${med(rows.map((r) => r.median)).toFixed(0)} m; median of unit 90th percentiles: ${med(rows.map((r) => r.p90)).toFixed(0)} m`,
);
console.log('\nper province (median of unit medians, m; units outside 5 % area):');
for (const p of provinces) {
  const rs = rows.filter((r) => r.code.startsWith(p.slice(0, 2)));
  if (!rs.length) continue;
  const off = rs.filter((r) => Math.abs(r.ratio - 1) > 0.05).map((r) => `${r.name} ${pct(r.ratio)}`);
  console.log(
    `  ${p}: ${med(rs.map((r) => r.median)).toFixed(0)} m${off.length ? `; ${off.join(', ')}` : ''}`,
  );
}
const watch = [
  '510100',
  '512000',
  '220100',
  '220300',
  '659006',
  '652800',
  '370100',
  '500157',
  '500109',
  '460300',
  '820000',
  '440400',
  '810000',
];
console.log('\nunits of the change list and coastal units:');
for (const code of watch) {
  const r = rows.find((x) => x.code === code);
  if (r)
    console.log(
      `  ${r.code} ${r.name}: ours ${r.oursKm2.toFixed(0)} km², reference ${r.refKm2.toFixed(0)} km² (${pct(r.ratio)}), border median ${r.median.toFixed(0)} m, p90 ${r.p90.toFixed(0)} m${r.note ? ' [boundaryNote]' : ''}`,
    );
  else console.log(`  ${code}: no reference unit`);
}
console.log('\nlargest area differences:');
for (const r of [...rows].sort((a, b) => Math.abs(b.ratio - 1) - Math.abs(a.ratio - 1)).slice(0, 15))
  console.log(
    `  ${r.code} ${r.name}: ${pct(r.ratio)} (${r.oursKm2.toFixed(0)} vs ${r.refKm2.toFixed(0)} km²)${r.note ? ' [boundaryNote]' : ''}`,
  );
const jsonOut = opt('json');
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ atlasFile, rows, missing }, null, 1)}\n`);
