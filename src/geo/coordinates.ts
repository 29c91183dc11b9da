/**
 * The one home of quyu's coordinate rules: China's extent, what counts as swapped, out of range or
 * projected, the names of the coordinate systems, and the issues that say so. `defineLayout`, every
 * relation and the importer call these, so a point gets one answer everywhere.
 *
 * ```
 *  classifyBox(w, s, e, n)            lon/lat box of the input (a point is a box of size 0)
 *   ├─ a value not finite ........... 'not-finite'
 *   ├─ [lat, lng] lies in China ..... 'swapped'       e.g. 乌鲁木齐 written [43.83, 87.62]
 *   ├─ inside China's extent ........ 'china'
 *   ├─ inside ±180° / ±90° .......... 'lonlat'        elsewhere on Earth
 *   ├─ Web Mercator metres of China . 'metres'        e.g. [12_600_000, 2_650_000]
 *   └─ anything else ................ 'out-of-range'
 * ```
 */
import { fail, type QuyuIssue } from '../errors/index.ts';

/**
 * China's extent in WGS-84 degrees `[west, south, east, north]`, seas and islands included, with a margin of
 * about 1° (73.5–135.1°E, 3.8–53.6°N without it).
 */
export const CHINA_LONLAT = [72, 2, 137, 55] as const;
/** The same extent in Web Mercator metres (EPSG:3857), with the same margin. */
export const CHINA_METRES = [8.0e6, 2.2e5, 1.53e7, 7.4e6] as const;

export { CRS_NAMES, type CrsName, DOMAIN_OF, type Domain } from '../crs/index.ts';

/** What a box of coordinates looks like, see the module comment. */
export type CoordinateClass = 'not-finite' | 'swapped' | 'china' | 'lonlat' | 'metres' | 'out-of-range';

function within(w: number, s: number, e: number, n: number, box: readonly number[]): boolean {
  return w >= box[0]! && e <= box[2]! && s >= box[1]! && n <= box[3]!;
}

/** Whether `[lng, lat]` lies inside China's extent ({@link CHINA_LONLAT}). */
export function inChina(lng: number, lat: number): boolean {
  return within(lng, lat, lng, lat, CHINA_LONLAT);
}

/**
 * Classifies a box `[west, south, east, north]` of coordinates meant as WGS-84 `[lng, lat]` (a point is a
 * box of size 0). The order of the tests is the rule: a box that lies in China only when read as
 * `[lat, lng]` is swapped even though its numbers are valid degrees.
 */
export function classifyBox(w: number, s: number, e: number, n: number): CoordinateClass {
  if (!(Number.isFinite(w) && Number.isFinite(s) && Number.isFinite(e) && Number.isFinite(n)))
    return 'not-finite';
  if (within(s, w, n, e, CHINA_LONLAT)) return 'swapped';
  if (within(w, s, e, n, CHINA_LONLAT)) return 'china';
  if (w >= -180 && e <= 180 && s >= -90 && n <= 90) return 'lonlat';
  if (within(w, s, e, n, CHINA_METRES)) return 'metres';
  return 'out-of-range';
}

/** {@link classifyBox} of one point; `typeof` checks included (anything but a number is `not-finite`). */
export function classifyPoint(lng: unknown, lat: unknown): CoordinateClass {
  if (typeof lng !== 'number' || typeof lat !== 'number') return 'not-finite';
  return classifyBox(lng, lat, lng, lat);
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The issue for a point of class `cls` given as WGS-84 `[lng, lat]`, or undefined when it is acceptable
 * (`china`, `lonlat`). Codes: `swapped-coordinates` (the fix gives the swapped point), `out-of-range`
 * (not finite, outside ±180°/±90°, or Web Mercator metres).
 */
export function pointIssue(
  cls: CoordinateClass,
  lng: unknown,
  lat: unknown,
  path: string,
  value: unknown = [lng, lat],
): QuyuIssue | undefined {
  switch (cls) {
    case 'china':
    case 'lonlat':
      return undefined;
    case 'swapped':
      return {
        code: 'swapped-coordinates',
        path,
        value,
        problem: { zh: '经纬度似乎写反了', en: 'Longitude and latitude look swapped' },
        fix: {
          zh: `点的格式是 [经度, 纬度]；请改为 [${round(lat as number)}, ${round(lng as number)}]`,
          en: `Points are [lng, lat]; use [${round(lat as number)}, ${round(lng as number)}]`,
        },
      };
    case 'not-finite':
      return {
        code: 'out-of-range',
        path,
        value,
        problem: { zh: '坐标不是有限数值', en: 'A coordinate is not a finite number' },
        fix: {
          zh: '点的格式是 [经度, 纬度]，两个有限数值（WGS-84 十进制度）',
          en: 'A point is [lng, lat], two finite numbers (WGS-84 decimal degrees)',
        },
      };
    case 'metres':
      return {
        code: 'out-of-range',
        path,
        value,
        problem: {
          zh: '坐标看起来是 Web 墨卡托米制坐标（EPSG:3857），不是经纬度',
          en: 'The coordinates look like Web Mercator metres (EPSG:3857), not degrees',
        },
        fix: {
          zh: '请先转换为 WGS-84 经纬度（十进制度）',
          en: 'Convert them to WGS-84 longitude/latitude (decimal degrees) first',
        },
      };
    case 'out-of-range':
      return {
        code: 'out-of-range',
        path,
        value,
        problem: { zh: '经纬度超出范围', en: 'Longitude or latitude out of range' },
        fix: {
          zh: '经度应在 -180 到 180 之间，纬度应在 -90 到 90 之间（WGS-84 十进制度）',
          en: 'Longitude must be within -180..180 and latitude within -90..90 (WGS-84 decimal degrees)',
        },
      };
  }
}

/** Throws the {@link pointIssue} of `[lng, lat]`, if any. */
export function checkLngLat(lng: number, lat: number, path: string, value: unknown = [lng, lat]): void {
  const issue = pointIssue(classifyPoint(lng, lat), lng, lat, path, value);
  if (issue) fail(issue);
}
