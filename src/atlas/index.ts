export type { AtlasObject, UnitFeature, UnitProperties } from './atlas.ts';
export { Atlas } from './atlas.ts';
export type { LoadAtlasOptions, Resolution } from './load.ts';
export { ATLAS_FILES, loadAtlas } from './load.ts';
export { type DrawsCodes, standInCandidates, standInUnit } from './stand-in.ts';
