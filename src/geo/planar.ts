/**
 * Small planar helpers on lon/lat rings, and metre conversions for local distances. Planar on purpose: they
 * classify rings (winding, largest part) and compare nearby points, never measure areas for reporting.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Metres per degree of latitude (mean, WGS-84). */
export const M_PER_DEG_LAT = 110_574;
/** Metres per degree of longitude at the equator (WGS-84). */
export const M_PER_DEG_LNG = 111_320;

/** Polygons of a Polygon or MultiPolygon, as MultiPolygon coordinates. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Signed planar area of a closed ring in square degrees: positive for counter-clockwise rings (the RFC 7946
 * exterior winding), negative for clockwise ones.
 */
export function ringSignedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    s += (a[0]! - b[0]!) * (a[1]! + b[1]!);
  }
  return s / 2;
}

/** Metres per degree of longitude and latitude at a latitude. */
export function metresPerDegree(lat: number): [number, number] {
  return [M_PER_DEG_LNG * Math.cos((lat * Math.PI) / 180), M_PER_DEG_LAT];
}

/** Local (equirectangular) distance in metres between two nearby lon/lat points. */
export function distanceM(a: readonly number[], b: readonly number[]): number {
  const [kx, ky] = metresPerDegree((a[1]! + b[1]!) / 2);
  return Math.hypot((b[0]! - a[0]!) * kx, (b[1]! - a[1]!) * ky);
}

/** Bounding box `[west, south, east, north]` of many positions. */
export function bboxOfPositions(positions: Iterable<readonly number[]>): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of positions) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Every vertex of MultiPolygon coordinates (closing vertices included). */
export function* verticesOf(polygons: readonly Position[][][]): Generator<Position> {
  for (const poly of polygons) for (const ring of poly) yield* ring;
}

/** Up to `max` items of a list, evenly spread (all of them when the list is short). */
export function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice();
  const out: T[] = [];
  const step = items.length / max;
  for (let i = 0; i < max; i++) out.push(items[Math.floor(i * step)]!);
  return out;
}

/** The median of numbers (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Rounds a coordinate to 1e-7° (about 1 cm), the precision of every coordinate quyu writes. */
export function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

/**
 * Integer ids of distinct vertices (exact coordinate equality), without building a string per vertex. Most
 * longitudes occur with one latitude only, so a map per longitude is made only when a second one shows up.
 */
export class VertexIds {
  readonly #byX = new Map<number, number | Map<number, number>>();
  readonly #ys: number[] = [];

  get size(): number {
    return this.#ys.length;
  }

  /** The id of `[x, y]`, a new one for a vertex not seen before. */
  id(p: readonly number[]): number {
    const x = p[0]!;
    const y = p[1]!;
    const e = this.#byX.get(x);
    if (e === undefined) {
      this.#byX.set(x, this.#ys.length);
      return this.#ys.push(y) - 1;
    }
    if (typeof e === 'number') {
      if (this.#ys[e] === y) return e;
      const id = this.#ys.push(y) - 1;
      this.#byX.set(
        x,
        new Map([
          [this.#ys[e]!, e],
          [y, id],
        ]),
      );
      return id;
    }
    let id = e.get(y);
    if (id === undefined) {
      id = this.#ys.push(y) - 1;
      e.set(y, id);
    }
    return id;
  }
}

/** One number for an undirected edge between two vertex ids (ids below 2^26). */
export function edgeKey(a: number, b: number): number {
  return a < b ? a * 67_108_864 + b : b * 67_108_864 + a;
}
