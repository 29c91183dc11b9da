/**
 * Input coercion and validation shared by the relations: points, places (points, hubs, codes) and the
 * atlas argument. Every failure is a bilingual {@link QuyuError} naming the path, the value and the fix.
 */
import type { Feature, Point } from 'geojson';
import type { Atlas } from '../../atlas/index.ts';
import { seatedAncestor } from '../../atlas/seats.ts';
import { requireCode } from '../../codes/index.ts';
import { fail } from '../../errors/index.ts';
import type { Hub, LayoutItem } from '../../layouts/schema.ts';

/** `[lng, lat]` in WGS-84 decimal degrees. */
export type LngLat = readonly [number, number];

/** A point given as `[lng, lat]`, a GeoJSON Point geometry or a Point feature. */
export type PointInput = LngLat | readonly number[] | Point | Feature<Point>;

/** Rough bounding box of China (with its seas), to tell swapped coordinates from real ones. */
const CHINA = { west: 73, east: 136, south: 3, north: 54 };

function inChina(lng: number, lat: number): boolean {
  return lng >= CHINA.west && lng <= CHINA.east && lat >= CHINA.south && lat <= CHINA.north;
}

/** Throws unless `[lng, lat]` are finite and in range; names a likely swap. */
export function checkLngLat(lng: number, lat: number, path: string, value: unknown = [lng, lat]): void {
  if (Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90) return;
  if (inChina(lat, lng)) {
    fail({
      code: 'swapped-coordinates',
      path,
      value,
      problem: { zh: '经纬度似乎写反了', en: 'Longitude and latitude look swapped' },
      fix: {
        zh: `点的格式是 [经度, 纬度]；请改为 [${lat}, ${lng}]`,
        en: `Points are [lng, lat]; use [${lat}, ${lng}]`,
      },
    });
  }
  fail({
    code: 'out-of-range',
    path,
    value,
    problem: { zh: '经纬度无效或超出范围', en: 'Longitude or latitude invalid or out of range' },
    fix: {
      zh: '经度应在 -180 到 180 之间，纬度应在 -90 到 90 之间（WGS-84 十进制度，有限数值）',
      en: 'Longitude must be within -180..180 and latitude within -90..90 (finite WGS-84 decimal degrees)',
    },
  });
}

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
