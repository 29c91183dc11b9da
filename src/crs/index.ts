/**
 * The coordinate systems quyu names, in one place: the importer's detection and `--crs` option, the
 * overlays converted for a basemap (`addLayout({ crs })`, the map spec's `basemap.crs`) all read this list
 * and these aliases.
 *
 * - `WGS84`: lon/lat, EPSG:4326 (GPS, OpenStreetMap, official releases in CGCS2000, which differs by < 1 m);
 *   quyu's own data;
 * - `GCJ02`: lon/lat with the GCJ-02 offset (Gaode/AMap, Tencent, DataV GeoAtlas);
 * - `BD09`: lon/lat with Baidu's BD-09 offset;
 * - `EPSG3857`: Web Mercator metres of WGS-84 lon/lat;
 * - `EPSG3857-GCJ02`: Web Mercator metres of GCJ-02 lon/lat (Gaode tiles);
 * - `BD09MC`: Baidu Mercator metres.
 */

/** Every coordinate system quyu knows, lon/lat ones first. */
export const CRS_NAMES = ['WGS84', 'GCJ02', 'BD09', 'EPSG3857', 'EPSG3857-GCJ02', 'BD09MC'] as const;

/** A coordinate system quyu knows. */
export type CrsName = (typeof CRS_NAMES)[number];

/** Whether coordinates are degrees (lon/lat) or projected metres. */
export type Domain = 'lonlat' | 'metres';

/** The domain of each coordinate system. */
export const DOMAIN_OF: Readonly<Record<CrsName, Domain>> = {
  WGS84: 'lonlat',
  GCJ02: 'lonlat',
  BD09: 'lonlat',
  EPSG3857: 'metres',
  'EPSG3857-GCJ02': 'metres',
  BD09MC: 'metres',
};

/** The systems a basemap may use that quyu converts its overlays to, as the map spec and `addLayout` spell them. */
export const OVERLAY_CRS = ['wgs84', 'gcj02'] as const;

/** The coordinate system of a basemap, to which overlays are converted: WGS-84 or GCJ-02. */
export type OverlayCrs = (typeof OVERLAY_CRS)[number];

/** Other spellings people use, lower-case. */
const ALIASES: Record<string, CrsName> = {
  ...Object.fromEntries(CRS_NAMES.map((c) => [c.toLowerCase(), c])),
  wgs: 'WGS84',
  'wgs-84': 'WGS84',
  epsg4326: 'WGS84',
  'epsg:4326': 'WGS84',
  cgcs2000: 'WGS84',
  'gcj-02': 'GCJ02',
  gaode: 'GCJ02',
  amap: 'GCJ02',
  tencent: 'GCJ02',
  'bd-09': 'BD09',
  baidu: 'BD09',
  'epsg:3857': 'EPSG3857',
  webmercator: 'EPSG3857',
};

/**
 * The coordinate system a name means (any case; `WGS-84`, `gcj-02`, `amap`, `baidu`, `EPSG:4326` …), or
 * undefined for an unknown name.
 *
 * @example
 * ```ts
 * crsName('gcj-02');    // 'GCJ02'
 * crsName('EPSG:4326'); // 'WGS84'
 * crsName('mars');      // undefined
 * ```
 */
export function crsName(name: string): CrsName | undefined {
  const key = String(name).trim().toLowerCase();
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

/**
 * The overlay system a name means (`'wgs84'` or `'gcj02'`, any spelling {@link crsName} reads), or undefined
 * when overlays cannot be converted to it.
 *
 * @example
 * ```ts
 * overlayCrs('GCJ02'); // 'gcj02'
 * overlayCrs('BD09');  // undefined
 * ```
 */
export function overlayCrs(name: string): OverlayCrs | undefined {
  const c = crsName(name);
  return c === 'WGS84' ? 'wgs84' : c === 'GCJ02' ? 'gcj02' : undefined;
}
