/**
 * The cleaning (`buildMosaic`) and the per-resolution topology (`buildExtensions`) on small synthetic
 * units, where every number can be checked by hand. Coordinates are on the cleaning's 1e-7° grid, near
 * 104° E 30° N (1e-2° ≈ 963 m east, 1,109 m north).
 *
 * ```
 *  30.020 ┌──────────────┬──────────────┐   parent P: the whole rectangle; children A (left) and B (right)
 *         │              │   gap G      │   G: 1.93 km × 0.55 km = 1.07 km², 430 m wide on average:
 *  30.015 │      A       ├──────────────┤      neither small (≤ 1 km²) nor thin (≤ 300 m)
 *         │              │      B       │   G borders B along 1.93 km, A along 0.55 km
 *  30.000 └──────────────┴──────────────┘
 *       104.00         104.02         104.04
 * ```
 */
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookupCode } from '../../src/codes/index.ts';
import { buildMosaic } from '../../src/import/mosaic.ts';
import { buildExtensions } from '../../src/import/topology.ts';
import { loadGazetteer } from '../../src/names/load.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Position[][] => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

const A = { code: 'A', parent: 'P', polygons: [box(104, 30, 104.02, 30.02)] };
const B = { code: 'B', parent: 'P', polygons: [box(104.02, 30, 104.04, 30.015)] };
const P = { code: 'P', polygons: [box(104, 30, 104.04, 30.02)] };
const options = { gapAreaKm2: 1, gapWidthM: 300 };

describe('buildMosaic: gaps neither small nor thin', () => {
  it('buildMosaic(units, parents) leaves them uncovered when a child may be missing (gapsLeft)', () => {
    const { polygons, report } = buildMosaic([A, B], [P], options);
    expect(report.gapsLeft.count).toBe(1);
    expect(report.gapsLeft.km2).toBeCloseTo(1.07, 1);
    expect(report.gapsAssigned).toEqual([]);
    expect(polygons.get('B')![0]![0]).toHaveLength(5);
    // Open to the parent's outline: not a hole of the output.
    expect(report.holesKept.count).toBe(0);
  });

  it('buildMosaic(units, parents, { completeParents }) gives each whole to the longest border, reported', () => {
    const { polygons, report } = buildMosaic([A, B], [P], { ...options, completeParents: new Set(['P']) });
    expect(report.gapsLeft).toEqual({ count: 0, km2: 0 });
    expect(report.gapsAssigned).toEqual([
      { parent: 'P', code: 'B', km2: expect.closeTo(1.07, 1), acrossParents: false },
    ]);
    expect(report.gapsFilled.km2).toBeCloseTo(1.07, 1);
    // B now reaches the parent's top edge, and the two children tile it.
    const ys = polygons.get('B')![0]![0]!.map((q) => q[1]!);
    expect(Math.max(...ys)).toBe(30.02);
    const tiling = report.tiling.find((t) => t.parent === 'P')!;
    expect(Math.abs(tiling.residualKm2)).toBeLessThan(1e-3);
    expect(report.changes).toContainEqual({ code: 'B', addedKm2: expect.closeTo(1.07, 1), removedKm2: 0 });
  });

  it('buildMosaic keeps a real enclave (another parent’s territory inside) as a hole, and counts it', () => {
    // The parent has a hole (an enclave of another unit of the atlas); so does its only child.
    const hole = box(104.01, 30.005, 104.012, 30.007)[0]!.slice().reverse();
    const parent = { code: 'P', polygons: [[box(104, 30, 104.04, 30.02)[0]!, hole]] };
    const child = { code: 'A', parent: 'P', polygons: [[box(104, 30, 104.04, 30.02)[0]!, hole]] };
    const { polygons, report } = buildMosaic([child], [parent], {
      ...options,
      completeParents: new Set(['P']),
    });
    expect(polygons.get('A')![0]).toHaveLength(2);
    expect(report.holesKept.count).toBe(1);
    expect(report.holesKept.km2).toBeCloseTo(0.0428, 3);
    expect(report.gapsFilled.count).toBe(0);
  });
});

describe('buildExtensions: rings too small for a resolution', () => {
  beforeAll(() => loadGazetteer());

  it('keeps a small part wedged between two other units (dropping it would open a hole between them)', () => {
    // C's sliver T (about 5 m², under 2m's 100 m²) lies between A's straight edge and B's bent one.
    const a: Position[] = [
      [104, 30],
      [104.01, 30],
      [104.01, 30.005],
      [104.01, 30.0051],
      [104.01, 30.01],
      [104, 30.01],
      [104, 30],
    ];
    const b: Position[] = [
      [104.01, 30],
      [104.02, 30],
      [104.02, 30.01],
      [104.01, 30.01],
      [104.01, 30.0051],
      [104.01001, 30.00505],
      [104.01, 30.005],
      [104.01, 30],
    ];
    const t: Position[] = [
      [104.01, 30.005],
      [104.01001, 30.00505],
      [104.01, 30.0051],
      [104.01, 30.005],
    ];
    const island = box(104.1, 30, 104.12, 30.02)[0]!;
    const islet = box(104.2, 30, 104.20005, 30.00005)[0]!; // 5 m × 5.5 m, bordering no unit: dropped
    const unit = (code: string, polygons: Position[][][]) => ({ code, info: lookupCode(code)!, polygons });
    const { extensions } = buildExtensions(
      [unit('510703', [[a]]), unit('510704', [[b]]), unit('510705', [[island], [t], [islet]])],
      'counties',
      ['2m'],
      {} as never,
    );
    const ext = extensions['2m']! as unknown as Topology;
    const fc = feature(ext, ext.objects.counties!) as unknown as {
      features: { id: string; geometry: { type: string; coordinates: unknown[] } }[];
    };
    const c = fc.features.find((f) => f.id === '510705')!;
    expect(c.geometry.type).toBe('MultiPolygon');
    expect(c.geometry.coordinates).toHaveLength(2);
  });
});
