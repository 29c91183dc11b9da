export type { AtlasObject, UnitFeature, UnitProperties } from './atlas.ts';
export { Atlas } from './atlas.ts';
export type { LoadAtlasOptions, Resolution } from './load.ts';
export { ATLAS_FILES, loadAtlas } from './load.ts';
export type {
  LoadSeatsOptions,
  MissingSeat,
  MissingSeatStatus,
  SeatPosition,
  SeatRecord,
  SeatSource,
  SeatStatus,
  SeatsFile,
} from './seats.ts';
export { atlasSeat, loadAtlasSeats, loadSeats, SeatTable } from './seats.ts';
export { type DrawsCodes, standInCandidates, standInUnit } from './stand-in.ts';
