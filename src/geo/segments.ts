/**
 * A spatial index over the segments of lines or rings (lon/lat), answering the two questions the importer
 * asks of the bundled atlas: how far is a point from the nearest boundary, and is it inside these rings.
 */
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { M_PER_DEG_LAT, metresPerDegree } from './planar.ts';

/** The nearest point on the indexed segments to a query point. */
export interface Nearest {
  /** Distance in metres (local equirectangular). */
  distanceM: number;
  /** East and north components (metres) of the vector from the query point to the nearest point. */
  dx: number;
  dy: number;
  /** Unit normal (east, north) of the nearest segment, for offsets along the boundary's normal. */
  nx: number;
  ny: number;
}

export class SegmentIndex {
  /** Segment endpoints: x0, y0, x1, y1 for each segment. */
  readonly #seg: Float64Array;
  readonly #index: Flatbush | null;
  readonly size: number;

  /** Indexes every segment of `lines` whose box meets `bbox` (all of them when no box is given). */
  constructor(lines: Iterable<readonly Position[]>, bbox?: readonly [number, number, number, number]) {
    const coords: number[] = [];
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1]!;
        const b = line[i]!;
        const x0 = a[0]!;
        const y0 = a[1]!;
        const x1 = b[0]!;
        const y1 = b[1]!;
        if (x0 === x1 && y0 === y1) continue;
        if (
          bbox &&
          (Math.max(x0, x1) < bbox[0] ||
            Math.min(x0, x1) > bbox[2] ||
            Math.max(y0, y1) < bbox[1] ||
            Math.min(y0, y1) > bbox[3])
        )
          continue;
        coords.push(x0, y0, x1, y1);
      }
    }
    this.#seg = Float64Array.from(coords);
    this.size = coords.length / 4;
    if (this.size === 0) {
      this.#index = null;
      return;
    }
    const index = new Flatbush(this.size);
    const s = this.#seg;
    for (let i = 0; i < this.size; i++) {
      const k = i * 4;
      index.add(
        Math.min(s[k]!, s[k + 2]!),
        Math.min(s[k + 1]!, s[k + 3]!),
        Math.max(s[k]!, s[k + 2]!),
        Math.max(s[k + 1]!, s[k + 3]!),
      );
    }
    index.finish();
    this.#index = index;
  }

  /**
   * The nearest point on any segment within `maxM` metres of `p`, or null when none is that close.
   */
  nearest(p: readonly number[], maxM: number): Nearest | null {
    if (!this.#index) return null;
    const px = p[0]!;
    const py = p[1]!;
    const [kx, ky] = metresPerDegree(py);
    const rx = maxM / kx;
    const ry = maxM / M_PER_DEG_LAT;
    const s = this.#seg;
    let best: Nearest | null = null;
    for (const i of this.#index.search(px - rx, py - ry, px + rx, py + ry)) {
      const k = i * 4;
      // Segment in local metres relative to p.
      const ax = (s[k]! - px) * kx;
      const ay = (s[k + 1]! - py) * ky;
      const bx = (s[k + 2]! - px) * kx;
      const by = (s[k + 3]! - py) * ky;
      const ex = bx - ax;
      const ey = by - ay;
      const len2 = ex * ex + ey * ey;
      let t = len2 > 0 ? -(ax * ex + ay * ey) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const qx = ax + t * ex;
      const qy = ay + t * ey;
      const d = Math.hypot(qx, qy);
      if (d <= maxM && (!best || d < best.distanceM)) {
        const len = Math.sqrt(len2) || 1;
        best = { distanceM: d, dx: qx, dy: qy, nx: -ey / len, ny: ex / len };
      }
    }
    return best;
  }

  /**
   * Whether `p` is inside the indexed rings (even-odd rule; meaningful only when the lines are closed rings).
   */
  contains(p: readonly number[]): boolean {
    if (!this.#index) return false;
    const px = p[0]!;
    const py = p[1]!;
    const s = this.#seg;
    let inside = false;
    for (const i of this.#index.search(px, py, Infinity, py)) {
      const k = i * 4;
      const x0 = s[k]!;
      const y0 = s[k + 1]!;
      const x1 = s[k + 2]!;
      const y1 = s[k + 3]!;
      if (y0 > py !== y1 > py && px < ((x1 - x0) * (py - y0)) / (y1 - y0) + x0) inside = !inside;
    }
    return inside;
  }
}

/** Sign of the turn a → b → c (positive: counter-clockwise). */
const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/**
 * Calls `visit(i, j)` (i < j) for every pair of segments whose bounding boxes meet; segments are packed as
 * `x0, y0, x1, y1` in `segs`. Stops early when `visit` returns true, and then returns true.
 *
 * @example
 * ```ts
 * forEachNearSegmentPair([0, 0, 1, 1, 0, 1, 1, 0], (i, j) => properlyCross([0, 0, 1, 1, 0, 1, 1, 0], i, j)); // true
 * ```
 */
export function forEachNearSegmentPair(
  segs: ArrayLike<number>,
  visit: (i: number, j: number) => boolean | undefined,
): boolean {
  const count = Math.floor(segs.length / 4);
  if (count < 2) return false;
  const index = new Flatbush(count);
  const box = (k: number) =>
    [
      Math.min(segs[k]!, segs[k + 2]!),
      Math.min(segs[k + 1]!, segs[k + 3]!),
      Math.max(segs[k]!, segs[k + 2]!),
      Math.max(segs[k + 1]!, segs[k + 3]!),
    ] as const;
  for (let i = 0; i < count; i++) index.add(...box(i * 4));
  index.finish();
  for (let i = 0; i < count; i++) {
    for (const j of index.search(...box(i * 4))) {
      if (j > i && visit(i, j) === true) return true;
    }
  }
  return false;
}

/**
 * Whether segments `i` and `j` of `segs` cross at an interior point or overlap along a line (touching at
 * an end point is not crossing).
 */
export function properlyCross(segs: ArrayLike<number>, i: number, j: number): boolean {
  const k = i * 4;
  const m = j * 4;
  const [ax, ay, bx, by] = [segs[k]!, segs[k + 1]!, segs[k + 2]!, segs[k + 3]!];
  const [cx, cy, dx, dy] = [segs[m]!, segs[m + 1]!, segs[m + 2]!, segs[m + 3]!];
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  if (o1 === 0 && o2 === 0) {
    // Collinear: an overlap longer than a point counts.
    const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
    const [p0, p1] = useX ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
    const [q0, q1] = useX ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
    return Math.min(p1, q1) - Math.max(p0, q0) > 0;
  }
  return false;
}
