/**
 * Exact sign of a 2×2 determinant, the one predicate the point-in-polygon test needs.
 *
 * `orientSign(u1, u2, v1, v2)` is the sign of `u2·v1 − u1·v2`, computed exactly for any finite doubles
 * (no overflow or underflow at geographic magnitudes). It equals the sign of `orient2d(u1, u2, v1, v2, 0, 0)`
 * from `robust-predicates`, which `point-in-polygon-hao` (behind `@turf/boolean-point-in-polygon`) calls
 * per edge, so the fast index answers exactly as Turf does, even for points on an edge.
 *
 * Method (Shewchuk): a floating-point filter decides almost every call; otherwise both products are
 * split into exact pairs (Dekker's TwoProduct) and their difference is formed as a 4-term non-overlapping
 * expansion whose largest non-zero term has the sign of the exact value.
 */

const EPSILON = 1.1102230246251565e-16;
const ERR_BOUND = (3 + 16 * EPSILON) * EPSILON;
const SPLITTER = 134217729; // 2^27 + 1

/** Exact sign (−1, 0 or 1) of `u2 * v1 - u1 * v2`. */
export function orientSign(u1: number, u2: number, v1: number, v2: number): number {
  const left = u2 * v1;
  const right = u1 * v2;
  const det = left - right;
  if (Math.abs(det) >= ERR_BOUND * Math.abs(left + right)) return det > 0 ? 1 : det < 0 ? -1 : 0;
  return exactSign(u2, v1, u1, v2);
}

/** Exact sign of `a * b - c * d`. */
function exactSign(a: number, b: number, c: number, d: number): number {
  // TwoProduct(a, b) = s1 + s0 exactly.
  const s1 = a * b;
  let t = SPLITTER * a;
  let ahi = t - (t - a);
  let alo = a - ahi;
  t = SPLITTER * b;
  let bhi = t - (t - b);
  let blo = b - bhi;
  const s0 = alo * blo - (s1 - ahi * bhi - alo * bhi - ahi * blo);
  // TwoProduct(c, d) = t1 + t0 exactly.
  const t1 = c * d;
  t = SPLITTER * c;
  ahi = t - (t - c);
  alo = c - ahi;
  t = SPLITTER * d;
  bhi = t - (t - d);
  blo = d - bhi;
  const t0 = alo * blo - (t1 - ahi * bhi - alo * bhi - ahi * blo);
  // Two-Two-Diff: (s1 + s0) − (t1 + t0) = x3 + x2 + x1 + x0, non-overlapping, increasing magnitude.
  let i = s0 - t0;
  let bv = s0 - i;
  const x0 = s0 - (i + bv) + (bv - t0);
  const j = s1 + i;
  bv = j - s1;
  const k = s1 - (j - bv) + (i - bv);
  i = k - t1;
  bv = k - i;
  const x1 = k - (i + bv) + (bv - t1);
  const x3 = j + i;
  bv = x3 - j;
  const x2 = j - (x3 - bv) + (i - bv);
  const top = x3 !== 0 ? x3 : x2 !== 0 ? x2 : x1 !== 0 ? x1 : x0;
  return top > 0 ? 1 : top < 0 ? -1 : 0;
}
