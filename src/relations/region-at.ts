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
   */
  level?: RegionLevel;
}

/**
 * The code of the unit that contains a point, or null when no unit does (sea, abroad). Exact against the
 * atlas' decoded polygons: the same answer as `@turf/boolean-point-in-polygon` over every unit. A point on
 * a shared border lies in both units; the **lowest code wins**. Uses the cached {@link regionIndex}
 * (built on first use). Throws a {@link QuyuError} for a malformed or out-of-range point, naming a likely
 * `[lat, lng]` swap.
 *
 * @example
 * ```ts
 * const atlas = await loadAtlas();
 * regionAt([114.0597, 22.5414], atlas);                      // '440300' (深圳)
 * regionAt([114.0597, 22.5414], atlas, { level: 'province' }); // '440000'
 * regionAt([120, 20], atlas);                                // null (sea)
 * ```
 */
export function regionAt(lngLat: PointInput, atlas: Atlas, options: RegionOptions = {}): string | null {
  options = optionsOf(options);
  const [lng, lat] = toLngLat(lngLat, 'lngLat');
  return regionIndex(requireAtlas(atlas), { level: options.level ?? 'prefecture' }).codeAt(lng, lat);
}
