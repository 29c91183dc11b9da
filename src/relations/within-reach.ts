import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfDistance from '@turf/distance';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import type { MultiLineString } from 'geojson';
import type { Atlas, UnitFeature } from '../atlas/index.ts';
import { requireCode } from '../codes/index.ts';
import { fail } from '../errors/index.ts';
import { type HubInput, locateHubs } from './internal/hubs.ts';
import { checkKm, optionsOf, requireAtlas } from './internal/input.ts';

/** One unit within reach, see {@link withinReach}. */
export interface InReach {
  code: string;
  /** Position of the deciding hub in the input list. */
  hubIndex: number;
  /** Its id, or null for a plain point. */
  hubId: string | null;
  /**
   * `mode: 'any'`: distance in km from the hub to the nearest point of the unit (0 when the hub is inside).
   * `mode: 'whole'`: distance to the farthest point of the unit.
   */
  km: number;
}

/** Result of {@link withinReach}. */
export interface WithinReach {
  /** The units within reach, nearest first (ties by code). */
  units: InReach[];
  /** Ids of hub items left out because no source gives them a point (they might reach more units). */
  unlocated: string[];
}

/** Options of {@link withinReach}. */
export interface WithinReachOptions {
  /**
   * `'any'` (default): some part of the unit lies within `km` of a hub.
   * `'whole'`: the whole unit lies within `km` of one hub.
   */
  mode?: 'any' | 'whole';
}

const KM_PER_DEG = (Math.PI / 180) * 6371.0088;

function ringsOf(f: UnitFeature): number[][][] {
  const g = f.geometry;
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Which units lie within `km` (great-circle distance) of the hubs, with the deciding hub and distance,
 * sorted by distance then code. `'any'` measures from the hub to the unit's nearest boundary point (0 when
 * the hub lies inside, `@turf/nearest-point-on-line`); `'whole'` to its farthest vertex, which for units and
 * distances of this size is the farthest point. Hub items without a sourced point are left out and listed
 * in `unlocated`. Units are atlas codes (finest units, provinces, or imported counties). Hubs are points (their
 * own sourced point, not a unit's); to measure from a city, pass its seat: `atlas.seat(code)`.
 *
 * @example
 * ```ts
 * const airports = hubsOf(guangdong).filter((h) => h.kind === 'airport');
 * const units = atlas.prefectures({ province: '440000' }).map((f) => f.id);
 * withinReach(units, airports, 50, atlas).units; // [{ code: '440100', hubId: 'hub-guangzhou-…', km: 0 }, …]
 * withinReach(units, airports, 150, atlas, { mode: 'whole' }).units.map((r) => r.code);
 * ```
 */
export function withinReach(
  units: readonly string[],
  hubs: readonly HubInput[],
  km: number,
  atlas: Atlas,
  options: WithinReachOptions = {},
): WithinReach {
  options = optionsOf(options);
  checkKm(km);
  const a = requireAtlas(atlas);
  const mode = options.mode ?? 'any';
  if (mode !== 'any' && mode !== 'whole') {
    fail({
      code: 'invalid-input',
      path: 'mode',
      value: mode,
      problem: { zh: '未知的模式', en: 'Unknown mode' },
      fix: { zh: "请使用 'any' 或 'whole'", en: "Use 'any' or 'whole'" },
    });
  }
  if (!Array.isArray(units)) {
    fail({
      code: 'invalid-input',
      path: 'units',
      value: units,
      problem: { zh: '单位必须是代码数组', en: 'Units must be an array of codes' },
      fix: { zh: "例如 ['440100', '440300']", en: "For example ['440100', '440300']" },
    });
  }
  const { located, unlocated } = locateHubs(hubs, 'hubs');
  const out: InReach[] = [];
  units.forEach((code, i) => {
    requireCode(code, `units[${i}]`);
    const f = a.feature(code);
    const [, south, , north] = bbox(f);
    const rings = ringsOf(f);
    let best: InReach | undefined;
    for (const h of located) {
      const [x, y] = h.point;
      const gap = y < south ? south - y : y > north ? y - north : 0;
      if (gap * KM_PER_DEG > km) continue; // lower bound: a path must cover the latitude difference
      let d: number;
      if (mode === 'any') {
        if (booleanPointInPolygon([x, y], f)) d = 0;
        else {
          const lines: MultiLineString = { type: 'MultiLineString', coordinates: rings };
          d = nearestPointOnLine(lines, [x, y], { units: 'kilometers' }).properties.dist;
        }
      } else {
        d = 0;
        for (const ring of rings)
          for (const v of ring) {
            const dv = turfDistance([x, y], v, { units: 'kilometers' });
            if (dv > d) d = dv;
          }
      }
      if (d <= km && (!best || d < best.km)) best = { code, hubIndex: h.index, hubId: h.id, km: d };
    }
    if (best) out.push(best);
  });
  out.sort((p, q) => p.km - q.km || (p.code < q.code ? -1 : p.code > q.code ? 1 : 0));
  return { units: out, unlocated };
}
