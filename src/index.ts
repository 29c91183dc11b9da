/**
 * quyu: China's regional-development layouts as data, maps and spatial relations.
 * The core entry point (no DOM, no maplibre-gl): atlas, code tables, place names, errors.
 */
export * from './atlas/index.ts';
export * from './codes/index.ts';
export * from './crs/index.ts';
export * from './errors/index.ts';
export * from './layouts/index.ts';
export * from './names/index.ts';
export * from './relations/index.ts';
export * from './text/index.ts';
