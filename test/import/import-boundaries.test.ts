import turfArea from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { neighbors } from 'topojson-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { childrenOf } from '../../src/codes/index.ts';
import { hasCrossings } from '../../src/geo/polygons.ts';
import { type ImportProgress, type ImportResult, importBoundaries } from '../../src/import/index.ts';
import { mianyang } from '../../src/layouts/mianyang.ts';
import { memberCodes } from '../../src/relations/index.ts';
import { atlas2m, decode, FIXTURE_FILE, fixture, indexOf, signedArea, vertexDistances } from './helpers.ts';

let atlas: Atlas;
let result: ImportResult;
let events: ImportProgress[];
let importMs: number;

beforeAll(async () => {
  atlas = await atlas2m();
  events = [];
  const t = performance.now();
  result = await importBoundaries(fixture(), {
    file: FIXTURE_FILE,
    atlas,
    resolutions: ['2m', '10m'],
    onProgress: (e) => events.push(e),
  });
  importMs = performance.now() - t;
  console.log(
    `synthetic Mianyang counties: imported in ${importMs.toFixed(0)} ms`,
    result.report.resolutions,
  );
});

describe('importBoundaries(fixture) — synthetic Mianyang counties (DataV-style GeoJSON, WGS-84)', () => {
  it('reads the DataV format, the nine county codes and their level', () => {
    const r = result.report;
    expect(r.format).toBe('datav');
    expect(r.object).toBe('counties');
    expect(r.level).toBe('county');
    expect(r.codes).toEqual(childrenOf('510700'));
    expect(r.warnings).toEqual([]);
  });

  it('detects WGS-84 (no conversion) with a zero residual', () => {
    expect(r().crs).toMatchObject({ crs: 'WGS84', method: 'detected', converted: false });
    expect(r().crs.residualM).toBeLessThan(1);
    expect(r().crs.candidates.map((c) => c.crs)).toEqual(['WGS84', 'GCJ02', 'BD09']);
  });

  it('reports progress through every step, in order', () => {
    const steps = [...new Set(events.map((e) => e.step))];
    expect(steps).toEqual([
      'read',
      'codes',
      'crs',
      'convert',
      'repair',
      'containment',
      'clean',
      'topology',
      'simplify',
      'done',
    ]);
    expect(events.every((e, i) => i === 0 || e.elapsedMs >= events[i - 1]!.elapsedMs)).toBe(true);
  });

  it('writes one TopoJSON per resolution with provenance in `quyu`', () => {
    for (const res of ['2m', '10m'] as const) {
      const ext = result.extensions[res]!;
      expect(ext.type).toBe('Topology');
      expect(ext.transform).toBeDefined();
      expect(Object.keys(ext.objects)).toEqual(['counties']);
      expect(ext.quyu).toMatchObject({
        kind: 'quyu-extension',
        resolution: res,
        object: 'counties',
        crs: 'WGS84',
        sourceFile: FIXTURE_FILE,
        sourceCrs: 'WGS84',
        codeTable: '2023',
      });
    }
    expect(result.extension).toBe(result.extensions['2m']);
    expect(result.report.resolutions['10m']!.vertices).toBeLessThan(
      result.report.resolutions['2m']!.vertices,
    );
    // What went in and what was done, recorded in the file.
    const meta = result.extension.quyu;
    expect(meta.inputs).toEqual([
      expect.objectContaining({
        name: FIXTURE_FILE,
        format: 'datav',
        features: 9,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(meta.crsFit).toMatchObject({ crs: 'WGS84', method: 'detected' });
    expect(meta.recodes).toEqual([]);
    expect(meta.cleaning?.tiling).toEqual([expect.objectContaining({ parent: '510700' })]);
    expect(meta.licence).toBeNull();
  });

  it('gives each geometry id = code and the properties of the bundled atlas, label point inside', () => {
    const fc = decode(result.extension);
    expect(fc.features.map((f) => f.id)).toEqual(childrenOf('510700'));
    const f = fc.features.find((x) => x.id === '510781')!;
    expect(f.properties).toEqual({
      name: '江油市',
      nameEn: 'Jiangyou',
      level: 'county',
      parent: '510700',
      labelX: expect.any(Number),
      labelY: expect.any(Number),
    });
    for (const u of fc.features) {
      const p = u.properties as { labelX: number; labelY: number };
      expect(booleanPointInPolygon([p.labelX, p.labelY], u), String(u.id)).toBe(true);
    }
  });

  it('winds exterior rings counter-clockwise (RFC 7946) at both resolutions, every ring valid', () => {
    for (const ext of Object.values(result.extensions)) {
      for (const f of decode(ext!).features) {
        const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const poly of polys) {
          expect(signedArea(poly[0]!)).toBeGreaterThan(0);
          for (const hole of poly.slice(1)) expect(signedArea(hole)).toBeLessThan(0);
          for (const ring of poly) expect(ring.length).toBeGreaterThanOrEqual(4);
        }
      }
    }
  });

  it('shares borders as arcs: neighbouring cells are neighbours in the topology', () => {
    const ext = result.extension;
    const geoms = (ext.objects.counties as unknown as { geometries: { id: string }[] }).geometries;
    const lists = neighbors(geoms as never);
    const of = (code: string) =>
      lists[geoms.findIndex((g) => g.id === code)]!.map((i) => geoms[i]!.id).sort();
    // 涪城 (the urban core cell) touches 游仙 and 安州 in the synthetic split.
    expect(of('510703')).toEqual(expect.arrayContaining(['510704', '510705']));
    expect(lists.every((l) => l.length > 0)).toBe(true);
  });

  it('keeps the 2m geometry within 2 m of the fixture, and areas within 0.1 %', () => {
    const input = fixture();
    const d = vertexDistances(decode(result.extension), indexOf(input));
    expect(d.max).toBeLessThan(2);
    const out = decode(result.extension);
    for (const f of input.features) {
      const code = String(f.properties.adcode);
      const g = out.features.find((x) => x.id === code)!;
      expect(Math.abs(turfArea(g) / turfArea(f) - 1), code).toBeLessThan(0.001);
    }
  });

  it('checks every county against 绵阳市 and finds none outside', () => {
    expect(result.report.containment).toHaveLength(9);
    expect(result.report.containment.every((c) => c.parent === '510700' && c.outside === 0)).toBe(true);
  });
});

describe('loadAtlas({ extensions: [imported] })', () => {
  it('accepts the extension: every county of 绵阳 resolves to geometry', async () => {
    const withCounties = await loadAtlas({
      resolution: '2m',
      topology: atlas.topology,
      extensions: [result.extension],
    });
    for (const code of childrenOf('510700')) {
      expect(withCounties.has(code)).toBe(true);
      expect(withCounties.feature(code).properties.parent).toBe('510700');
    }
    expect(withCounties.counties().map((f) => f.id)).toEqual(childrenOf('510700'));
    expect(withCounties.counties({ parent: '510700' })).toHaveLength(9);
    expect(withCounties.counties({ parent: '510600' })).toEqual([]);
  });

  it('resolves every county-level code of the Mianyang layout (一核两翼三区) to geometry', async () => {
    const withCounties = await loadAtlas({
      resolution: '2m',
      topology: atlas.topology,
      extensions: [result.extension],
    });
    const codes = new Set(mianyang.items.flatMap((i) => memberCodes(i).map((m) => m.code)));
    const counties = [...codes].filter((c) => c.startsWith('5107') && c !== '510700');
    expect(counties.length).toBeGreaterThanOrEqual(9);
    for (const c of counties) expect(withCounties.feature(c).geometry.type).toMatch(/Polygon/);
    // Without the extension the same codes have no boundary.
    expect(counties.some((c) => atlas.has(c))).toBe(false);
  });

  it('merges counties of the extension on its topology (一核 = 涪城 + 游仙 + 安州)', async () => {
    const withCounties = await loadAtlas({
      resolution: '2m',
      topology: atlas.topology,
      extensions: [result.extension],
    });
    const core = withCounties.merge(['510703', '510704', '510705']);
    expect(core.type).toBe('MultiPolygon');
    expect(core.coordinates).toHaveLength(1);
    const parts = ['510703', '510704', '510705'].map((c) => turfArea(withCounties.feature(c)));
    const merged = turfArea({ type: 'Feature', properties: {}, geometry: core });
    expect(Math.abs(merged / parts.reduce((a, b) => a + b) - 1)).toBeLessThan(1e-6);
    // With a bundled unit (德阳, a neighbour): each topology merged on its own arcs, then joined.
    const across = withCounties.merge(['510703', '510600']);
    const sum = turfArea(withCounties.feature('510703')) + turfArea(atlas.feature('510600'));
    expect(turfArea({ type: 'Feature', properties: {}, geometry: across }) / sum).toBeCloseTo(1, 3);
  });

  it('works with the 10m extension and the 10m atlas', async () => {
    const a10 = await loadAtlas({ resolution: '10m', extensions: [result.extensions['10m']!] });
    expect(a10.feature('510727').properties.name).toBe('平武县');
  });
});

describe('importBoundaries: simplification keeps the topology valid', () => {
  it("10m: no ring crosses itself or another (Guangdong's 21 units: coasts, islands, narrow estuaries)", async () => {
    const fc = structuredClone({
      type: 'FeatureCollection',
      features: atlas.prefectures({ province: '440000' }),
    });
    const { extensions, report } = await importBoundaries(fc, { atlas, resolutions: ['2m', '10m'] });
    for (const res of ['2m', '10m'] as const) {
      const bad = decode(extensions[res]!, 'prefectures')
        .features.filter((f) =>
          hasCrossings(f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates),
        )
        .map((f) => f.id);
      expect(bad, res).toEqual([]);
    }
    // Arcs whose simplified form would cross are kept whole (none of Guangdong's since the cleaning step
    // nodes the units first); the 10m file is still far smaller.
    expect(report.resolutions['10m']!.arcsKeptWhole).toBeGreaterThanOrEqual(0);
    expect(report.resolutions['10m']!.vertices).toBeLessThan(report.resolutions['2m']!.vertices / 3);
  });
});

function r() {
  return result.report;
}
