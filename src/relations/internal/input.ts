/**
 * Input coercion and validation shared by the relations: points, places (points, hubs, codes) and the
 * atlas argument. Every failure is a bilingual {@link QuyuError} naming the path, the value and the fix.
 */
import type { Feature, Point } from 'geojson';
import type { Atlas } from '../../atlas/index.ts';
import { seatedAncestor } from '../../atlas/seats.ts';
import { requireCode } from '../../codes/index.ts';
import { checkNumberOption, fail } from '../../errors/index.ts';
import { checkLngLat } from '../../geo/coordinates.ts';
import type { Hub, LayoutItem } from '../../layouts/schema.ts';

/** `[lng, lat]` in WGS-84 decimal degrees. */
export type LngLat = readonly [number, number];

/** A point given as `[lng, lat]`, a GeoJSON Point geometry or a Point feature. */
export type PointInput = LngLat | readonly number[] | Point | Feature<Point>;

/** Throws unless `[lng, lat]` are finite WGS-84 degrees, naming a likely swap (the rule of `src/geo`). */
export { checkLngLat } from '../../geo/coordinates.ts';

function badPoint(value: unknown, path: string): never {
  return fail({
    code: 'invalid-input',
    path,
    value,
    problem: { zh: '不是一个点', en: 'Not a point' },
    fix: {
      zh: '请使用 [经度, 纬度]、GeoJSON Point 或 Point 要素',
      en: 'Use [lng, lat], a GeoJSON Point or a Point feature',
    },
  });
}

/** Coordinates of a point input, unvalidated (NaN when the shape is wrong is not possible: throws). */
export function rawLngLat(value: unknown, path: string): [number, number] {
  let c: unknown = value;
  if (c && typeof c === 'object' && !Array.isArray(c) && !ArrayBuffer.isView(c)) {
    const o = c as { type?: unknown; geometry?: unknown; coordinates?: unknown };
    if (o.type === 'Feature') {
      const g = o.geometry as { type?: unknown; coordinates?: unknown } | null;
      if (g?.type !== 'Point') badPoint(value, path);
      c = g!.coordinates;
    } else if (o.type === 'Point') c = o.coordinates;
    else badPoint(value, path);
  }
  if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number')
    badPoint(value, path);
  return [c[0] as number, c[1] as number];
}

/** Validated `[lng, lat]` of a point input. */
export function toLngLat(value: unknown, path: string): [number, number] {
  const p = rawLngLat(value, path);
  checkLngLat(p[0], p[1], path, value);
  return p;
}

/** Throws unless `atlas` looks like a loaded atlas. */
export function requireAtlas(atlas: unknown, path = 'atlas'): Atlas {
  const a = atlas as Partial<Atlas> | undefined;
  if (a && typeof a.feature === 'function' && typeof a.prefectures === 'function' && a.topology) {
    return atlas as Atlas;
  }
  return fail({
    code: 'invalid-input',
    path,
    value: atlas === undefined ? undefined : typeof atlas,
    problem: { zh: '缺少地图数据（atlas）', en: 'Missing atlas' },
    fix: {
      zh: '请传入 await loadAtlas() 的结果',
      en: 'Pass the result of await loadAtlas()',
    },
  });
}

function isHub(value: unknown): value is Hub {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === 'hub';
}

/** The point of a hub item; throws when no source gives one. */
export function hubPoint(hub: Hub, path: string): [number, number] {
  const p = hub.location?.point;
  if (!p) {
    return fail({
      code: 'invalid-input',
      path: `${path}.location.point`,
      value: hub.id,
      problem: {
        zh: `枢纽 ${hub.name} 没有坐标（来源未给出）`,
        en: `Hub ${hub.nameEn ?? hub.name} has no point (no source gives one)`,
      },
      fix: {
        zh: '请补充有来源的 location.point，或不使用该枢纽',
        en: 'Add a sourced location.point, or leave this hub out',
      },
    });
  }
  return toLngLat(p, `${path}.location.point`);
}

/** A place: a point input, a hub item, or a unit code (its seat, 人民政府驻地). */
export type Place = PointInput | Hub | string;

/**
 * `[lng, lat]` of a place; codes need the atlas and stand for the unit's seat (`atlas.seat`), not its label
 * point. A code without a seat in the atlas (a county, unless `loadAtlas({ seats })`) throws `no-seat`,
 * unless `approximate`: then the seat of the nearest unit above it that has one is used.
 */
export function placeLngLat(
  value: Place | LayoutItem,
  path: string,
  atlas?: Atlas,
  approximate = false,
): [number, number] {
  if (typeof value === 'string') {
    requireCode(value, path);
    const a = requireAtlas(atlas);
    if (approximate) {
      const code = seatedAncestor(value, (c) => a.hasSeat(c));
      if (code) return a.seat(code);
    }
    return a.seat(value);
  }
  if (isHub(value)) return hubPoint(value, path);
  return toLngLat(value, path);
}

/** Throws unless `km` is a positive finite number. */
/** Half the Earth's circumference (km): no two points are farther apart along the surface. */
const MAX_KM = 20_015;

export function checkKm(km: number, path = 'km'): void {
  if (typeof km === 'number' && Number.isFinite(km) && km > 0 && km <= MAX_KM) return;
  fail({
    code: 'out-of-range',
    path,
    value: km,
    problem: {
      zh: `距离必须是不超过 ${MAX_KM} 的正数（公里）`,
      en: `The distance must be a positive number of kilometres, at most ${MAX_KM}`,
    },
    fix: { zh: '例如 50 表示 50 公里', en: 'For example 50 for 50 km' },
  });
}

/** The options object of a call: `{}` for undefined, null or anything that is not an object. */
export function optionsOf<T extends object>(options: T | null | undefined): Partial<T> {
  return options && typeof options === 'object' ? options : {};
}

/** Vertices of a geodesic ring (`steps` of `reachRing` and `coverage`). */
export const STEPS_BOUNDS = { min: 3, max: 1024 } as const;

/** The `steps` option: its default when undefined, else an integer within {@link STEPS_BOUNDS}. */
export function stepsOption(steps: unknown, fallback: number): number {
  if (steps === undefined) return fallback;
  return checkNumberOption('steps', steps, { ...STEPS_BOUNDS, integer: true, example: fallback });
}
