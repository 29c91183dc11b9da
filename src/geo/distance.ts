/**
 * Distance from a point to the boundary of a polygon, fast: the polygon's edges are indexed once (Flatbush,
 * cached per geometry) in a local equirectangular projection; a query takes the planar-nearest edges from the
 * index and measures only those with Turf's geodesic point-to-line distance. Near a unit (tens of km) the
 * answer is Turf's to the metre; far away (hundreds of km) the edge chosen may differ from Turf's by the
 * projection's distortion, under 1 %.
 */
import { lineString, point as turfPoint } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Edges measured exactly: the planar nearest ones. */
const MAX_EXACT = 16;

interface EdgeIndex {
  kx: number;
  /** Projected edge end points: x0, y0, x1, y1 per edge. */
  seg: Float64Array;
  index: Flatbush | null;
}

const cache = new WeakMap<object, EdgeIndex>();

function edgeIndex(g: Polygon | MultiPolygon): EdgeIndex {
  let e = cache.get(g);
  if (e) return e;
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let n = 0;
  let lat = 0;
  let count = 0;
  for (const poly of polys)
    for (const ring of poly) {
      n += Math.max(0, ring.length - 1);
      for (const q of ring) {
        lat += q[1]!;
        count++;
      }
    }
  const kx = Math.cos(((count ? lat / count : 0) * Math.PI) / 180);
  const seg = new Float64Array(4 * n);
  const index = n > 0 ? new Flatbush(n) : null;
  let k = 0;
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) {
        const x0 = ring[i - 1]![0]! * kx;
        const y0 = ring[i - 1]![1]!;
        const x1 = ring[i]![0]! * kx;
        const y1 = ring[i]![1]!;
        seg.set([x0, y0, x1, y1], 4 * k++);
        index!.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
      }
  index?.finish();
  e = { kx, seg, index };
  cache.set(g, e);
  return e;
}

function planarD2(seg: Float64Array, i: number, x: number, y: number): number {
  const ax = seg[4 * i]! - x;
  const ay = seg[4 * i + 1]! - y;
  const dx = seg[4 * i + 2]! - x - ax;
  const dy = seg[4 * i + 3]! - y - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
  t = t < 0 ? 0 : Math.min(t, 1);
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  return cx * cx + cy * cy;
}

/** Distance in km from `p` to the nearest boundary point of a Polygon or MultiPolygon (Infinity if empty). */
export function distanceToBoundaryKm(p: readonly [number, number], g: Polygon | MultiPolygon): number {
  const { kx, seg, index } = edgeIndex(g);
  if (!index) return Number.POSITIVE_INFINITY;
  const x = p[0] * kx;
  const y = p[1];
  // Nearest by box distance first; the exact planar distance of the first few bounds the search.
  const first = index.neighbors(x, y, MAX_EXACT);
  let bound = Infinity;
  for (const i of first) bound = Math.min(bound, planarD2(seg, i, x, y));
  // A little slack: the box distance of the nearest edge may round one ulp above its own distance.
  const near = index
    .neighbors(x, y, Infinity, Math.sqrt(bound) * (1 + 1e-9) + 1e-12)
    .map((i) => ({ i, d2: planarD2(seg, i, x, y) }))
    .sort((a, b) => a.d2 - b.d2)
    .slice(0, MAX_EXACT);
  const pt = turfPoint([p[0], p[1]]);
  let km = Number.POSITIVE_INFINITY;
  for (const { i } of near) {
    const line = lineString([
      [seg[4 * i]! / kx, seg[4 * i + 1]!],
      [seg[4 * i + 2]! / kx, seg[4 * i + 3]!],
    ]);
    km = Math.min(km, pointToLineDistance(pt, line, { units: 'kilometers' }));
  }
  return km;
}
