/**
 * Spatial relations of layouts on the atlas: areas, neighbours, point-in-region, distances, reach and
 * topological relations. Every function that needs unit geometry takes the loaded atlas as an explicit
 * argument after its subjects; optional settings come last in an options object.
 */
export * from './area-of.ts';
export * from './assign-regions.ts';
export * from './county-fallback.ts';
export * from './county-seats.ts';
export * from './coverage.ts';
export * from './distance-km.ts';
export * from './hubs-of.ts';
export * from './link-length-km.ts';
export * from './membership.ts';
export * from './nearest-hub.ts';
export * from './neighbors.ts';
export * from './reach-ring.ts';
export * from './region-at.ts';
export * from './region-index.ts';
export * from './relate.ts';
export * from './within-reach.ts';
