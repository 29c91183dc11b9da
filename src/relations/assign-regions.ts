import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Atlas } from '../atlas/index.ts';
import { fail } from '../errors/index.ts';
import { CHINA_LONLAT } from '../geo/coordinates.ts';
import { checkLngLat, optionsOf, type PointInput, rawLngLat, requireAtlas } from './internal/input.ts';
import type { RegionOptions } from './region-at.ts';
import { regionIndex } from './region-index.ts';

/** Numeric typed arrays accepted as interleaved `[lng0, lat0, lng1, lat1, …]`. */
export type InterleavedLngLats = Float64Array | Float32Array | Int32Array | Int16Array;

/** Element types accepted (BigInt64Array, BigUint64Array and DataView are not). */
const NUMERIC_ARRAYS = [Float64Array, Float32Array, Int32Array, Int16Array] as const;

/** China's extent: points inside it need no further check (the rest go through the one point rule). */
const [W, S, E, N] = CHINA_LONLAT;

/** Points accepted by {@link assignRegions}. */
export type PointsInput =
  | readonly PointInput[]
  | FeatureCollection<Point>
  | readonly Feature<Point>[]
  | InterleavedLngLats;

/**
 * The code of the unit containing each point (or null), in input order: the bulk form of {@link regionAt},
 * with the same exact answers and tie rule (a point on a shared border goes to the **lowest code**).
 *
 * Points may be an array of `[lng, lat]`, GeoJSON Points or Point features, a FeatureCollection of points,
 * or a typed array of interleaved coordinates `[lng0, lat0, lng1, lat1, …]` (the fastest form; a
 * `Float32Array` carries only ~1 m precision; other element types, such as `BigInt64Array`, throw a
 * {@link QuyuError}). Every point is validated by the same rule as {@link regionAt}: a non-finite or
 * out-of-range coordinate, a `[lat, lng]` swap or Web Mercator metres throw a {@link QuyuError} whose path is `points[i]` (the i-th point, also for typed arrays).
 *
 * Speed: millions of points per second on one core against the national-view atlas (see `npm run bench`);
 * the index is built once per atlas and level (tens of milliseconds) and cached.
 *
 * @example
 * ```ts
 * const atlas = await loadAtlas();
 * assignRegions([[113.2644, 23.1291], [114.0597, 22.5414], [120, 20]], atlas); // ['440100', '440300', null]
 * const xy = new Float64Array([113.2644, 23.1291, 114.0597, 22.5414]);
 * assignRegions(xy, atlas, { level: 'province' }); // ['440000', '440000']
 * ```
 */
export function assignRegions(
  points: PointsInput,
  atlas: Atlas,
  options: RegionOptions = {},
): (string | null)[] {
  options = optionsOf(options);
  const index = regionIndex(requireAtlas(atlas), { level: options.level ?? 'prefecture' });
  let xy: ArrayLike<number>;
  if (ArrayBuffer.isView(points)) {
    if (!NUMERIC_ARRAYS.some((T) => points instanceof T)) {
      fail({
        code: 'invalid-input',
        path: 'points',
        value: points,
        problem: {
          zh: '不支持该类型的坐标数组（只接受数值型数组）',
          en: 'This kind of typed array is not supported (number elements only)',
        },
        fix: {
          zh: '请使用 Float64Array（或 Float32Array、Int32Array、Int16Array），按 [经度0, 纬度0, …] 交错排列',
          en: 'Use a Float64Array (or Float32Array, Int32Array, Int16Array) interleaved as [lng0, lat0, …]',
        },
      });
    }
    const typed = points as InterleavedLngLats;
    if (typed.length % 2 !== 0) {
      fail({
        code: 'invalid-input',
        path: 'points',
        value: `length ${typed.length}`,
        problem: {
          zh: '坐标数组长度必须为偶数',
          en: 'A typed array of coordinates must have an even length',
        },
        fix: {
          zh: '请按 [经度0, 纬度0, 经度1, 纬度1, …] 交错排列',
          en: 'Interleave the coordinates as [lng0, lat0, lng1, lat1, …]',
        },
      });
    }
    for (let i = 0; i < typed.length; i += 2) {
      const lng = typed[i]!;
      const lat = typed[i + 1]!;
      if (!(lng >= W && lng <= E && lat >= S && lat <= N)) checkLngLat(lng, lat, `points[${i / 2}]`);
    }
    xy = typed;
  } else {
    let list: readonly unknown[];
    const fc = points as FeatureCollection<Point>;
    if (!Array.isArray(points) && fc && fc.type === 'FeatureCollection' && Array.isArray(fc.features)) {
      list = fc.features;
    } else if (Array.isArray(points)) list = points;
    else {
      return fail({
        code: 'invalid-input',
        path: 'points',
        value: points,
        problem: { zh: '无法识别的点集合', en: 'Unrecognised collection of points' },
        fix: {
          zh: '请使用 [经度, 纬度] 数组、GeoJSON 点、点要素集合，或交错排列的 Float64Array',
          en: 'Use an array of [lng, lat], GeoJSON points, a FeatureCollection of points, or an interleaved Float64Array',
        },
      });
    }
    const flat = new Float64Array(list.length * 2);
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      let lng: number;
      let lat: number;
      if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') {
        lng = p[0];
        lat = p[1];
      } else [lng, lat] = rawLngLat(p, `points[${i}]`);
      if (!(lng >= W && lng <= E && lat >= S && lat <= N)) checkLngLat(lng, lat, `points[${i}]`, p);
      flat[2 * i] = lng;
      flat[2 * i + 1] = lat;
    }
    xy = flat;
  }
  const found = index.indexAll(xy);
  const codes = index.codes;
  const out = new Array<string | null>(found.length);
  for (let i = 0; i < found.length; i++) {
    const k = found[i]!;
    out[i] = k < 0 ? null : codes[k]!;
  }
  return out;
}
