import turfDistance from '@turf/distance';
import type { Atlas } from '../atlas/index.ts';
import { type HubInput, locateHubs } from './internal/hubs.ts';
import { type Place, placeLngLat } from './internal/input.ts';

export type { HubInput } from './internal/hubs.ts';

/** Result of {@link nearestHub}. */
export interface NearestHub {
  /** The nearest hub as given (a hub item or a point). */
  hub: HubInput;
  /** Its position in the input list. */
  index: number;
  /** Great-circle distance in km. */
  km: number;
  /** Ids of hub items left out because no source gives them a point (they might be nearer). */
  unlocated: string[];
}

/**
 * The hub nearest to a place (great-circle distance in km, see {@link distanceKm}), or null when no hub has
 * a point. A place given as a unit code is measured from the unit's seat (人民政府驻地, `atlas.seat`), not
 * from its label point; a county code needs `loadAtlas({ seats })` or throws `no-seat`. Hub items whose `location.point` is null are left out and listed in `unlocated`, never guessed.
 * On equal distances the first hub in the list wins.
 *
 * @example
 * ```ts
 * const hubs = hubsOf(guangdong).filter((h) => h.kind === 'airport');
 * const near = nearestHub([113.12, 23.02], hubs); // 佛山 city hall
 * near?.hub;  // the 广州白云国际机场 item
 * near?.km;   // ≈ 45
 * nearestHub('440600', hubs, atlas);  // from 佛山's seat (佛山市人民政府)
 * ```
 */
export function nearestHub(place: Place, hubs: readonly HubInput[], atlas?: Atlas): NearestHub | null {
  const from = placeLngLat(place, 'place', atlas);
  const { located, unlocated } = locateHubs(hubs, 'hubs');
  let best: NearestHub | null = null;
  for (const h of located) {
    const km = turfDistance(from, h.point, { units: 'kilometers' });
    if (!best || km < best.km) best = { hub: hubs[h.index]!, index: h.index, km, unlocated };
  }
  return best;
}
