import turfDistance from '@turf/distance';
import type { Atlas } from '../atlas/index.ts';
import { type Place, placeLngLat } from './internal/input.ts';

export type { LngLat, Place, PointInput } from './internal/input.ts';

/**
 * Great-circle distance in kilometres between two places (`@turf/distance`: haversine on a sphere of
 * radius 6,371.0088 km; within 0.5 % of the WGS-84 ellipsoid). A place is `[lng, lat]`, a GeoJSON Point
 * or Point feature, a hub item (its sourced `location.point`), or a unit code, which stands for the
 * unit's **seat** (人民政府驻地, `atlas.seat(code)`: where its government sits; sources and statuses in
 * data/seats.json) and needs the atlas. Distances between units are seat to seat, never between label
 * points (哈尔滨's label point lies 110 km from the city). County codes need every unit's seat:
 * `loadAtlas({ seats: await loadSeats() })`.
 *
 * Throws a {@link QuyuError}: `unknown-code`, `no-seat` (a code whose seat is not known, with the reason),
 * `invalid-input`/`swapped-coordinates`/`out-of-range` for bad points (the same rule as {@link regionAt}: a
 * `[lat, lng]` swap such as 乌鲁木齐 as `[43.83, 87.62]`, numbers that are not finite, out of range or in Web
 * Mercator metres), `invalid-input` when a code is given
 * without the atlas.
 *
 * @example
 * ```ts
 * distanceKm([113.2644, 23.1291], [114.0597, 22.5414]); // ≈ 104 (广州 → 深圳 city halls)
 * distanceKm('230100', '230600', atlas);                // ≈ 141: 哈尔滨 → 大庆, seat to seat
 * const seats = await loadSeats();
 * distanceKm('510726', '510703', await loadAtlas({ seats })); // a county to a district, seat to seat
 * ```
 */
export function distanceKm(a: Place, b: Place, atlas?: Atlas): number {
  return turfDistance(placeLngLat(a, 'a', atlas), placeLngLat(b, 'b', atlas), { units: 'kilometers' });
}
