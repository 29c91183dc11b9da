/**
 * Label points, one rule for the bundled atlas and for imported boundaries: the pole of inaccessibility of
 * a unit's largest part (polylabel), found to {@link LABEL_POINT_PRECISION} degrees and rounded to 1e-4°.
 * `data/build/build.ts` made the atlas' `labelX`/`labelY` with this precision; `quyu import` uses this
 * function, so an imported county's label sits where the atlas would have put it.
 */
import type { Position } from 'geojson';
import polylabel from 'polylabel';

/** Precision of the pole of inaccessibility, in degrees (about 100 m). */
export const LABEL_POINT_PRECISION = 0.001;

function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return a / 2;
}

/**
 * A point inside a unit for its label: the pole of inaccessibility of its largest part, rounded to 1e-4°.
 *
 * @example
 * ```ts
 * labelPointOf([[[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]]]); // [2, 1]
 * ```
 */
export function labelPointOf(polygons: readonly (readonly Position[][])[]): [number, number] {
  let best: readonly Position[][] | undefined;
  let bestArea = -1;
  for (const p of polygons) {
    const a = Math.abs(ringArea(p[0]!));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const pt = polylabel(best as number[][][], LABEL_POINT_PRECISION);
  return [Math.round(pt[0]! * 1e4) / 1e4, Math.round(pt[1]! * 1e4) / 1e4];
}
