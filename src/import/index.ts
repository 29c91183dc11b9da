/**
 * `quyu/import`: bring your own boundaries. `importBoundaries` turns county-level (or any coded) boundaries
 * into a TopoJSON atlas extension for `loadAtlas({ extensions })`; `countyFallback` tells a renderer what to
 * draw for county-based layouts when no county boundaries are loaded.
 */
export type { SeatPoint } from './county-seats.ts';
export { COUNTY_SEATS } from './county-seats.ts';
export { CRS_NAMES } from './crs.ts';
export type {
  CountyFallback,
  CountyFallbackOptions,
  FallbackUnit,
  MemberRef,
  SeatProperties,
} from './fallback.ts';
export { countyFallback, memberCodes } from './fallback.ts';
export { importBoundaries } from './import-boundaries.ts';
export { RESOLUTION_SPECS } from './topology.ts';
export type * from './types.ts';
