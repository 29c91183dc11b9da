import type { Atlas } from '../atlas/index.ts';
import type { PointInput } from './internal/input.ts';
import { optionsOf, requireAtlas, toLngLat } from './internal/input.ts';
import { type RegionLevel, regionIndex } from './region-index.ts';

/** Options of {@link regionAt} and {@link assignRegions}. */
export interface RegionOptions {
  /**
   * `'prefecture'` (default): the atlas' finest units (prefecture-level units, county-level units directly
   * under a province or municipality such as Beijing's districts, and 台湾/香港/澳门 whole).
   * `'province'`: the 34 province-level units.
   * `'county'`: county-level units, where imported counties are loaded (`loadAtlas({ extensions })`) and the
   * atlas' own county-level units; null inside a prefecture whose counties are not loaded.
   */
  level?: RegionLevel;
}

/** A point as MapLibre's events and `LngLat` give it (also quyu's `LayoutPointerEvent.lngLat`). */
export interface LngLatObject {
  lng: number;
  lat: number;
}

/**
 * The code of the unit that contains a point, or null when no unit does (sea, abroad). Exact against the
 * atlas' decoded polygons: the same answer as `@turf/boolean-point-in-polygon` over every unit. A point on
 * a shared border lies in both units; the **lowest code wins**. Uses the cached {@link regionIndex}
 * (built on first use). The point is `[lng, lat]`, a GeoJSON Point (or Point feature), or `{ lng, lat }` as
 * map click events give it. Throws a {@link QuyuError} for a malformed or out-of-range point, naming a
 * likely `[lat, lng]` swap.
 *
 * @example
 * ```ts
 * const atlas = await loadAtlas();
 * regionAt([114.0597, 22.5414], atlas);                      // '440300' (深圳)
 * regionAt([114.0597, 22.5414], atlas, { level: 'province' }); // '440000'
 * regionAt([120, 20], atlas);                                // null (sea)
 * handle.on('click', (e) => console.log(regionAt(e.lngLat, atlas))); // { lng, lat } from a map event
 * ```
 */
export function regionAt(
  lngLat: PointInput | LngLatObject,
  atlas: Atlas,
  options: RegionOptions = {},
): string | null {
  options = optionsOf(options);
  const [lng, lat] = toLngLat(fromLngLatObject(lngLat), 'lngLat');
  return regionIndex(requireAtlas(atlas), { level: options.level ?? 'prefecture' }).codeAt(lng, lat);
}

/** `{ lng, lat }` (MapLibre's `LngLat`, a click event's `lngLat`) as `[lng, lat]`; anything else as it is. */
function fromLngLatObject(p: PointInput | LngLatObject): PointInput {
  if (p && typeof p === 'object' && !Array.isArray(p) && !('type' in p)) {
    const { lng, lat } = p as Partial<LngLatObject>;
    if (typeof lng === 'number' && typeof lat === 'number') return [lng, lat];
  }
  return p as PointInput;
}
