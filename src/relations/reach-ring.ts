import turfCircle from '@turf/circle';
import type { Feature, Polygon } from 'geojson';
import { fail } from '../errors/index.ts';
import type { HubInput } from './internal/hubs.ts';
import { locateHubs } from './internal/hubs.ts';
import { checkKm, optionsOf, stepsOption } from './internal/input.ts';

/** Properties of a {@link reachRing}. */
export interface ReachRingProperties {
  /** The hub's id, or null for a plain point. */
  hub: string | null;
  /** The hub's name, or null for a plain point. */
  name: string | null;
  /** The radius in km. */
  km: number;
}

/** Options of {@link reachRing}. */
export interface ReachRingOptions {
  /**
   * Vertices of the ring: an integer from 3 to 1024 (default 64; others throw a {@link QuyuError}
   * `out-of-range`). The polygon is inscribed in the true circle: its area is short by
   * about (2π/steps)²/6, 0.16 % at 64 and 0.04 % at 128.
   */
  steps?: number;
}

/**
 * A geodesic circle of `km` around a hub: every vertex lies exactly `km` (great-circle distance) from the
 * hub's point (`@turf/circle`, not `@turf/buffer`). The centre is the hub's own sourced point (an airport,
 * a station), or the point given; to draw the reach of a city, give its seat: `reachRing(atlas.seat(code), km)`. A hub item without a sourced point throws a
 * {@link QuyuError}.
 *
 * @example
 * ```ts
 * const airport = guangdong.items.find((i): i is Hub => i.id === 'hub-guangzhou-baiyun-international-airport')!;
 * const ring = reachRing(airport, 50); // Feature<Polygon>, properties { hub, name, km: 50 }
 * reachRing([113.26, 23.13], 30, { steps: 128 });
 * ```
 */
export function reachRing(
  hub: HubInput,
  km: number,
  options: ReachRingOptions = {},
): Feature<Polygon, ReachRingProperties> {
  checkKm(km);
  const steps = stepsOption(optionsOf(options).steps, 64);
  const { located, unlocated } = locateHubs([hub], 'hub');
  if (unlocated.length) {
    fail({
      code: 'invalid-input',
      path: 'hub.location.point',
      value: unlocated[0],
      problem: { zh: '该枢纽没有坐标（来源未给出）', en: 'The hub has no point (no source gives one)' },
      fix: {
        zh: '请补充有来源的 location.point，或不使用该枢纽',
        en: 'Add a sourced location.point, or leave this hub out',
      },
    });
  }
  const h = located[0]!;
  const name = h.id ? ((hub as { name?: string }).name ?? null) : null;
  return turfCircle(h.point, km, { steps, units: 'kilometers', properties: { hub: h.id, name, km } });
}
