/**
 * One answer for a point everywhere: a grid of points (valid, swapped, out of range, projected, not finite)
 * goes through every caller of the coordinate rule in `src/geo/coordinates.ts`, and each must answer as the
 * rule says. Before, 乌鲁木齐 written as [lat, lng] was a swap for `defineLayout`, `null` for `regionAt` and
 * 4,945 km for `distanceKm`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/atlas/index.ts';
import { loadAtlas } from '../../src/atlas/index.ts';
import { QuyuError } from '../../src/errors/index.ts';
import { type CoordinateClass, classifyPoint } from '../../src/geo/coordinates.ts';
import { checkDomain } from '../../src/import/crs.ts';
import { Issues } from '../../src/import/issues.ts';
import { defineLayout } from '../../src/layouts/define.ts';
import {
  assignRegions,
  distanceKm,
  reachRing,
  regionAt,
  relate,
  withinReach,
} from '../../src/relations/index.ts';

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '10m' });
});

type Answer = 'ok' | string;

function answer(run: () => unknown): Answer {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (!(e instanceof QuyuError)) throw e;
    return e.issues[0]!.code;
  }
}

/** What a point caller must answer for each class. */
const POINT_ANSWER: Record<CoordinateClass, Answer> = {
  china: 'ok',
  lonlat: 'ok',
  swapped: 'swapped-coordinates',
  'not-finite': 'out-of-range',
  metres: 'out-of-range',
  'out-of-range': 'out-of-range',
};
/** The importer takes boundaries in China only, in degrees or Web Mercator metres. */
const BOX_ANSWER: Record<CoordinateClass, Answer> = {
  china: 'ok',
  lonlat: 'out-of-range',
  swapped: 'swapped-coordinates',
  'not-finite': 'out-of-range',
  metres: 'ok',
  'out-of-range': 'out-of-range',
};

function grid(): [number, number][] {
  const pts: [number, number][] = [];
  for (let x = -200; x <= 200; x += 25) for (let y = -100; y <= 100; y += 20) pts.push([x, y]);
  for (let x = 70; x <= 140; x += 5) for (let y = 0; y <= 60; y += 5) pts.push([x, y], [y, x]);
  pts.push(
    [87.6168, 43.8256], // 乌鲁木齐
    [43.8256, 87.6168], // 乌鲁木齐 as [lat, lng]
    [113.2644, 23.1291],
    [23.1291, 113.2644],
    [Number.NaN, 23],
    [113, Number.POSITIVE_INFINITY],
    [12_600_000, 2_650_000], // Web Mercator metres of 广州
    [200, 10],
    [10, 200],
    [-0, 0],
    [180, 90],
    [72, 2],
    [137, 55],
  );
  return pts;
}

const hubLayout = (p: [number, number]) => ({
  id: 'x',
  title: 't',
  region: 'r',
  items: [
    {
      type: 'hub',
      id: 'h',
      name: 'h',
      kind: 'airport',
      location: { point: p },
      status: 'verified',
      source: { title: 's' },
    },
  ],
});

describe('the point rule gives one answer in every caller', () => {
  it('乌鲁木齐 written as [lat, lng] is a swap everywhere, with the fix [87.6168, 43.8256]', () => {
    const p: [number, number] = [43.8256, 87.6168];
    for (const run of [
      () => defineLayout(hubLayout(p)),
      () => regionAt(p, atlas),
      () => distanceKm(p, [87.6, 43.8]),
      () => assignRegions([p], atlas),
    ]) {
      let e: unknown;
      try {
        run();
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(QuyuError);
      expect((e as QuyuError).issues[0]!.code).toBe('swapped-coordinates');
      expect((e as QuyuError).issues[0]!.fix.en).toContain('[87.6168, 43.8256]');
    }
  });

  it('a grid of points: defineLayout, regionAt, assignRegions (array and Float64Array), distanceKm, reachRing, relate, withinReach and the importer agree', () => {
    const target: [number, number] = [113.26, 23.13];
    let checked = 0;
    for (const p of grid()) {
      const cls = classifyPoint(p[0], p[1]);
      const expected = POINT_ANSWER[cls];
      const answers: Record<string, Answer> = {
        defineLayout: answer(() => defineLayout(hubLayout(p))),
        regionAt: answer(() => regionAt(p, atlas)),
        assignRegions: answer(() => assignRegions([p], atlas)),
        assignRegionsTyped: answer(() => assignRegions(Float64Array.from(p), atlas)),
        distanceKm: answer(() => distanceKm(p, target)),
        distanceKmB: answer(() => distanceKm(target, p)),
        reachRing: answer(() => reachRing(p, 10)),
        relate: answer(() => relate(p, '440100', atlas)),
        relateGeoJSON: answer(() => relate({ type: 'Point', coordinates: p } as never, '440100', atlas)),
        withinReach: answer(() => withinReach(['440100'], [p], 50, atlas)),
      };
      for (const [caller, a] of Object.entries(answers))
        expect({ point: p, cls, caller, answer: a }).toEqual({ point: p, cls, caller, answer: expected });
      const issues = new Issues('f');
      const imported = answer(() =>
        checkDomain(
          [{ path: 'features[0]', code: null, name: null, bbox: [p[0], p[1], p[0], p[1]] }],
          issues,
        ),
      );
      expect({ point: p, cls, importer: imported }).toEqual({ point: p, cls, importer: BOX_ANSWER[cls] });
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });
});
