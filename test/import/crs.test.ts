import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { SegmentIndex } from '../../src/geo/segments.ts';
import { importBoundaries } from '../../src/import/index.ts';
import {
  atlas2m,
  decode,
  FIXTURE_FILE,
  fixture,
  indexOf,
  ringsOf,
  shift,
  vertexDistances,
} from './helpers.ts';

let atlas: Atlas;
let a10: Atlas;
let sichuanLines: SegmentIndex;

beforeAll(async () => {
  atlas = await atlas2m();
  a10 = await loadAtlas({ resolution: '10m' });
  sichuanLines = new SegmentIndex(ringsOf({ features: atlas.prefectures({ province: '510000' }) }));
});

/** Sichuan's 21 prefecture-level units of an atlas as a FeatureCollection (a deep copy). */
function sichuan(source: Atlas) {
  return structuredClone({ type: 'FeatureCollection', features: source.prefectures({ province: '510000' }) });
}

describe('coordinate-system detection on synthetic shifts of the bundled atlas', () => {
  for (const crs of ['GCJ02', 'BD09'] as const) {
    it(`detects ${crs} in the Mianyang county fixture and undoes it to within 20 m`, async () => {
      const { extension, report } = await importBoundaries(shift(fixture(), crs), {
        file: FIXTURE_FILE,
        atlas,
      });
      expect(report.crs).toMatchObject({ crs, method: 'detected', converted: true });
      expect(report.crs.candidates[0]!.crs).toBe(crs);
      // The wrong hypotheses are hundreds of metres off, the right one within a metre.
      expect(report.crs.candidates[1]!.medianM).toBeGreaterThan(150);
      expect(report.crs.residualM).toBeLessThan(1);
      const d = vertexDistances(decode(extension), indexOf(fixture()));
      console.log(
        `fixture ${crs}: candidates`,
        report.crs.candidates,
        `max vertex error ${d.max.toFixed(2)} m`,
      );
      expect(d.max).toBeLessThan(20);
    });

    it(`detects ${crs} in Sichuan's prefectures (2m atlas) and lands within 20 m of the atlas`, async () => {
      const { extension, report } = await importBoundaries(shift(sichuan(atlas), crs), {
        file: 'sichuan.json',
        atlas,
      });
      expect(report.crs.crs).toBe(crs);
      expect(report.object).toBe('prefectures');
      const d = vertexDistances(decode(extension, 'prefectures'), sichuanLines);
      console.log(
        `Sichuan ${crs}: candidates`,
        report.crs.candidates,
        `max vertex error ${d.max.toFixed(2)} m`,
      );
      expect(d.max).toBeLessThan(20);
      expect(report.crs.offsetM).not.toBeNull();
      expect(Math.hypot(report.crs.offsetM!.east, report.crs.offsetM!.north)).toBeLessThan(5);
      // These units are already in the atlas: said, not hidden.
      expect(report.warnings.some((w) => /already in the bundled atlas/.test(w.problem.en))).toBe(true);
    });
  }

  it('recognises WGS-84 input and leaves it alone', async () => {
    const { report } = await importBoundaries(sichuan(atlas), { file: 'sichuan.json', atlas });
    expect(report.crs).toMatchObject({ crs: 'WGS84', converted: false });
    expect(report.crs.residualM).toBeLessThan(1);
  });

  it('still picks GCJ-02 when the input is another, coarser source (the 10m atlas, 1 km simplification)', async () => {
    const { report } = await importBoundaries(shift(sichuan(a10), 'GCJ02'), {
      file: 'sichuan-10m.json',
      atlas,
    });
    console.log('coarse GCJ02 source: candidates', report.crs.candidates, 'offset', report.crs.offsetM);
    expect(report.crs.crs).toBe('GCJ02');
    // Shape differences of a generalised source are tens of metres; the offset estimate averages them out.
    expect(report.crs.residualM).toBeLessThan(60);
    expect(Math.hypot(report.crs.offsetM!.east, report.crs.offsetM!.north)).toBeLessThan(20);
    expect(report.crs.candidates[1]!.medianM).toBeGreaterThan(3 * report.crs.residualM!);
  });

  it('detects Web Mercator metres (EPSG:3857) and Baidu Mercator (BD09MC)', async () => {
    for (const crs of ['EPSG3857', 'BD09MC'] as const) {
      const { extension, report } = await importBoundaries(shift(fixture(), crs), {
        file: FIXTURE_FILE,
        atlas,
      });
      expect(report.crs.crs).toBe(crs);
      expect(report.crs.candidates.map((c) => c.crs).sort()).toEqual([
        'BD09MC',
        'EPSG3857',
        'EPSG3857-GCJ02',
      ]);
      expect(vertexDistances(decode(extension), indexOf(fixture())).max).toBeLessThan(20);
    }
  });

  it('uses a given crs without testing others, and still measures the residual', async () => {
    const { report } = await importBoundaries(shift(fixture(), 'GCJ02'), {
      file: FIXTURE_FILE,
      atlas,
      crs: 'GCJ02',
    });
    expect(report.crs).toMatchObject({ crs: 'GCJ02', method: 'given', candidates: [] });
    expect(report.crs.residualM).toBeLessThan(1);
  });

  it('warns when the given crs leaves a large residual (BD-09 data declared as WGS-84 stays ~600 m off)', async () => {
    const { report } = await importBoundaries(shift(fixture(), 'BD09'), {
      file: FIXTURE_FILE,
      atlas,
      crs: 'WGS84',
    });
    expect(report.crs.residualM).toBeGreaterThan(300);
    expect(report.warnings.map((w) => w.problem.en).join('\n')).toMatch(/still differs .* by a median of/);
  });
});
