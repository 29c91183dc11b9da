import turfDistance from '@turf/distance';
import type { Atlas } from '../atlas/index.ts';
import { type Place, placeLngLat } from './internal/input.ts';

export type { LngLat, Place, PointInput } from './internal/input.ts';

/**
 * Great-circle distance in kilometres between two places (`@turf/distance`: haversine on a sphere of
 * radius 6,371.0088 km; within 0.5 % of the WGS-84 ellipsoid). A place is `[lng, lat]`, a GeoJSON Point
 * or Point feature, a hub item (its sourced `location.point`), or a unit code, which stands for the unit's
 * label point (inside its polygon, not its government seat) and needs the atlas. Points follow the same rule
 * as {@link regionAt}: a `[lat, lng]` swap (e.g. 乌鲁木齐 as `[43.83, 87.62]`), a number that is not finite,
 * out of range or in Web Mercator metres throws a {@link QuyuError}.
 *
 * @example
 * ```ts
 * distanceKm([113.2644, 23.1291], [114.0597, 22.5414]); // ≈ 104 (广州 → 深圳 city halls)
 * distanceKm('440100', '440300', atlas);                // between the two units' label points
 * ```
 */
export function distanceKm(a: Place, b: Place, atlas?: Atlas): number {
  return turfDistance(placeLngLat(a, 'a', atlas), placeLngLat(b, 'b', atlas), { units: 'kilometers' });
}
