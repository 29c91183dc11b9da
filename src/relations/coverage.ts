import turfArea from '@turf/area';
import turfCircle from '@turf/circle';
import type { Atlas } from '../atlas/index.ts';
import { type HubInput, locateHubs } from './internal/hubs.ts';
import { checkKm, optionsOf, stepsOption } from './internal/input.ts';
import type { AreaItem } from './internal/scope.ts';
import { type Approximation, differenceOf, unionOf } from './internal/scope.ts';
import {
  type AreaOfOptions,
  isItem,
  polygonsOfUser,
  requireNonEmpty,
  scopeOfSubject,
  type UserPolygons,
} from './internal/subject.ts';

/** Result of {@link coverage}. */
export interface CoverageResult {
  /** Share of the area within reach, 0..1. */
  share: number;
  /** Area in km² (of the drawn geometry, see `partial`). */
  areaKm2: number;
  /** Part of it within reach of a hub, in km². */
  coveredKm2: number;
  /** True when the area was approximated (members drawn whole, see {@link areaOf}). */
  partial: boolean;
  approximations: Approximation[];
  /** Ids of hub items left out because no source gives them a point. */
  unlocated: string[];
}

/** Options of {@link coverage}. */
export interface CoverageOptions extends AreaOfOptions {
  /**
   * Vertices of each reach ring: an integer from 3 to 1024 (default 128; others throw a {@link QuyuError}
   * `out-of-range`). The ring is inscribed, 0.04 % short in area at 128.
   */
  steps?: number;
}

/**
 * The share of an area that lies within `km` (great-circle distance) of at least one hub: the area minus
 * the union of the hubs' geodesic rings, with Turf difference and `@turf/area`. Hubs are points (a hub item's
 * own sourced point; for a city, its seat `atlas.seat(code)`), never a unit's label point. The area is a layout item,
 * a list of codes or user polygons, as for {@link areaOf}; approximated members are reported, not hidden.
 *
 * @example
 * ```ts
 * const cy = sichuan.items.find((i): i is EconomicZone => i.id === 'sc-cy')!;
 * const c = coverage(cy, hubsOf(sichuan, cy), 100, atlas);
 * c.share;   // ≈ 0.34: a third of the drawn 成渝 area lies within 100 km of its airports
 * c.partial; // true: 绵阳, 达州, 雅安 are drawn whole although parts are excluded
 * ```
 */
export function coverage(
  area: AreaItem | readonly string[] | UserPolygons,
  hubs: readonly HubInput[],
  km: number,
  atlas?: Atlas,
  options: CoverageOptions = {},
): CoverageResult {
  checkKm(km);
  options = optionsOf(options);
  const steps = stepsOption(options.steps, 128);
  let geometry: ReturnType<typeof unionOf>;
  let approximations: Approximation[] = [];
  if (Array.isArray(area) || isItem(area)) {
    const scope = requireNonEmpty(
      scopeOfSubject(area as AreaItem, atlas as Atlas, 'area', options),
      'area',
      area,
    );
    geometry = scope.drawn();
    approximations = scope.approximations;
  } else geometry = polygonsOfUser(area as UserPolygons, 'area');
  const { located, unlocated } = locateHubs(hubs, 'hubs');
  const rings = unionOf(located.map((h) => turfCircle(h.point, km, { steps, units: 'kilometers' }).geometry));
  const areaKm2 = geometry.coordinates.length ? turfArea(geometry) / 1e6 : 0;
  const outside = differenceOf(geometry, rings);
  const outsideKm2 = outside.coordinates.length ? turfArea(outside) / 1e6 : 0;
  const coveredKm2 = Math.max(0, areaKm2 - outsideKm2);
  return {
    share: areaKm2 > 0 ? coveredKm2 / areaKm2 : 0,
    areaKm2,
    coveredKm2,
    partial: approximations.length > 0,
    approximations,
    unlocated,
  };
}
