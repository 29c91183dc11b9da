/**
 * `quyu/import`: bring your own boundaries. `importBoundaries` turns county-level (or any coded) boundaries
 * into a TopoJSON atlas extension for `loadAtlas({ extensions })`. (What to draw for county-based layouts
 * when no county boundaries are loaded, `countyFallback`, is in the core: `quyu`.)
 */
export { CRS_NAMES } from './crs.ts';
export { importBoundaries } from './import-boundaries.ts';
export { RESOLUTION_SPECS } from './topology.ts';
export type * from './types.ts';
