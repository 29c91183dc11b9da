/**
 * Fuzz: `assignRegions` and `regionAt` against the Turf oracle (`@turf/boolean-point-in-polygon` over the
 * units, lowest code first) on points placed exactly on borders, vertices and grid lines, and on garbage.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/atlas/index.ts';
import { loadAtlas } from '../../src/atlas/index.ts';
import { classifyPoint } from '../../src/geo/coordinates.ts';
import { assignRegions, regionAt } from '../../src/relations/index.ts';
import { bboxLoop, borderPoints } from '../relations/helpers.ts';
import { deepFreeze } from '../robustness/helpers.ts';
import { expectTypedOutcome, params } from './config.ts';

let atlas: Atlas;
let border: [number, number][];
let oracle: (x: number, y: number) => string | null;
let oracleProvince: (x: number, y: number) => string | null;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '10m' });
  border = borderPoints(atlas, 7);
  oracle = bboxLoop(atlas.prefectures());
  oracleProvince = bboxLoop(atlas.provinces());
});

const inChina = fc.tuple(
  fc.double({ min: 73, max: 135, noNaN: true }),
  fc.double({ min: 3, max: 54, noNaN: true }),
);
const onGrid = fc
  .tuple(fc.integer({ min: 3 * 16, max: 54 * 16 }), fc.double({ min: 73, max: 135, noNaN: true }))
  .map(([j, x]) => [x, j / 16] as [number, number])
  .chain((p) => fc.constantFrom(p, [Math.round(p[0] * 16) / 16, p[1]] as [number, number]));
const onBorder = fc.nat().map((i) => border[i % border.length]!);
const garbage = fc.tuple(
  fc.oneof(fc.double(), fc.constantFrom(Number.NaN, 200, -0, 1e308, 43.8)),
  fc.oneof(fc.double(), fc.constantFrom(Number.NaN, 95, 87.6, 1e7)),
);

describe('fuzz: point in region against the Turf oracle', () => {
  it('assignRegions (array and Float64Array) and regionAt agree with Turf on borders, vertices, grid lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(onBorder, onGrid, inChina), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (pts, province) => {
          const level = province ? 'province' : 'prefecture';
          const ref = province ? oracleProvince : oracle;
          const input = deepFreeze(pts.map((p) => [p[0], p[1]] as [number, number]));
          const got = assignRegions(input, atlas, { level });
          const typed = assignRegions(Float64Array.from(pts.flat()), atlas, { level });
          pts.forEach((p, i) => {
            const want = ref(p[0], p[1]);
            expect({ p, got: got[i] }).toEqual({ p, got: want });
            expect(typed[i]).toBe(want);
            expect(regionAt(p, atlas, { level })).toBe(want);
          });
        },
      ),
      params(300),
    );
  });

  it('any pair of numbers: a code, null, or a QuyuError by the point rule', () => {
    fc.assert(
      fc.property(garbage, (p) => {
        const cls = classifyPoint(p[0], p[1]);
        const out = expectTypedOutcome(() => regionAt(p, atlas));
        const ok = cls === 'china' || cls === 'lonlat';
        if (ok) expect(out === null || typeof out === 'string').toBe(true);
        else expect(out).toBeUndefined();
        expectTypedOutcome(() => assignRegions([p], atlas));
      }),
      params(300),
    );
  });
});
