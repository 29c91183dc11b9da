/**
 * Options, progress events and the report of `importBoundaries`.
 */
import type { Topology } from 'topojson-specification';
import type { Atlas } from '../atlas/index.ts';
import type { Level } from '../codes/index.ts';
import type { CrsName } from '../crs/index.ts';
import type { QuyuIssue } from '../errors/index.ts';

/** Coordinate systems the importer recognises: quyu's one list (`src/crs`). */
export type { CrsName };

/**
 * Resolutions the importer writes, named like the bundled atlas files they pair with:
 * - `2m`: every vertex kept (snapped, quantised to a 1 m grid), for `loadAtlas({ resolution: '2m' })`;
 * - `10m`: Visvalingam simplification dropping vertices whose effective triangle is smaller than (1 km)²,
 *   quantised to a 10 m grid, for `loadAtlas({ resolution: '10m' })` and small maps.
 */
export type ImportResolution = '2m' | '10m';

/** Steps of an import, in order. */
export type ImportStep =
  | 'read'
  | 'codes'
  | 'crs'
  | 'convert'
  | 'repair'
  | 'containment'
  | 'topology'
  | 'simplify'
  | 'done';

/** One progress event. */
export interface ImportProgress {
  step: ImportStep;
  /** What happens or happened, in English (the CLI prints it). */
  message: string;
  /** Milliseconds since the import started. */
  elapsedMs: number;
}

export interface ImportOptions {
  /** Name of the input for messages (the CLI passes the file name). Default `input`. */
  file?: string;
  /** The input's coordinate system, or `auto` (default) to detect it by comparison with the bundled atlas. */
  crs?: CrsName | 'auto';
  /** Resolutions to build. Default `['2m']`. */
  resolutions?: ImportResolution[];
  /** Keep only features of this level (others are dropped with a warning). Without it, mixed levels fail. */
  level?: Level;
  /**
   * Where the code is: a property name, or `id` for the feature id. Default: the first of `id` (feature id),
   * `adcode` (DataV), `code`, `gb`, `ADCODE`, `CODE`, `GB`, `id` (property) that holds a value.
   */
  codeField?: string;
  /** TopoJSON input: the object to read. Default: every object. */
  object?: string;
  /** Codes to replace before validation, e.g. `{ '510724': '510705' }` (安县 → 安州区, 2016). */
  recode?: Record<string, string>;
  /** Drop features whose code is not in the 2023 table (with a warning) instead of failing. */
  skipUnknown?: boolean;
  /**
   * How far (metres) a child's vertices may lie outside its parent in the bundled atlas before it is reported.
   * The atlas follows a generalised source, so a few hundred metres are normal. Default 1000.
   */
  toleranceM?: number;
  /** Vertices closer than this (metres) are merged so that shared borders share vertices. Default 1. */
  snapM?: number;
  /** The reference atlas (default: the bundled `2m` atlas, loaded on first use). */
  atlas?: Atlas;
  /** Called at each step. */
  onProgress?: (event: ImportProgress) => void;
}

/** How one coordinate-system hypothesis fits the bundled atlas. */
export interface CrsCandidate {
  crs: CrsName;
  /** Median distance (metres) from the input's outer-boundary vertices, converted this way, to the atlas' boundaries. */
  medianM: number;
}

/** What the importer concluded about the coordinate system. */
export interface CrsReport {
  /** The input's coordinate system. */
  crs: CrsName;
  /** `given` by the caller, or `detected` by comparison with the atlas. */
  method: 'given' | 'detected';
  /** Whether coordinates were converted (false for WGS-84 input). */
  converted: boolean;
  /** Each hypothesis tested, best first (empty when given). */
  candidates: CrsCandidate[];
  /** Outer-boundary vertices compared, and how many lie within 1 km of an atlas boundary. */
  samples: number;
  matched: number;
  /** After conversion: median distance (metres) of matched vertices to the atlas boundaries. */
  residualM: number | null;
  /**
   * After conversion: the translation (metres east, north) that best moves the input onto the atlas' boundaries
   * (least squares along boundary normals); null when the boundaries do not constrain it.
   */
  offsetM: { east: number; north: number } | null;
}

/** Repairs made to the geometry. */
export interface RepairReport {
  ringsClosed: number;
  ringsReversed: number;
  /** Rings with fewer than three distinct vertices, removed. */
  ringsDropped: number;
  duplicateVerticesRemoved: number;
  /** Features whose rings crossed themselves or each other, rebuilt by a polygon union. */
  featuresRebuilt: number;
  /** Vertices moved onto a vertex closer than `snapM`. */
  verticesSnapped: number;
}

/** Result of the check that a unit lies within its parent. */
export interface ContainmentResult {
  code: string;
  parent: string;
  /** Vertices tested, and how many lie outside the parent by more than the tolerance. */
  checked: number;
  outside: number;
  /** Largest distance (metres) of a vertex outside the parent. */
  maxOutsideM: number;
}

/** Numbers of one built resolution. */
export interface ResolutionReport {
  arcs: number;
  vertices: number;
  /** Arcs left unsimplified because their simplified form crossed another arc or itself. */
  arcsKeptWhole: number;
  /** Quantisation grid (metres): the resolution's grid, or finer where the grid made arcs cross. */
  gridM: number;
  /** Length of the JSON text. */
  bytes: number;
}

/** Everything the importer did. */
export interface ImportReport {
  file: string;
  format: 'geojson' | 'topojson' | 'datav';
  /** Name of the extension's object: `counties`, `prefectures` or `provinces`. */
  object: 'counties' | 'prefectures' | 'provinces';
  level: Level;
  /** Codes imported, sorted. */
  codes: string[];
  crs: CrsReport;
  repairs: RepairReport;
  containment: ContainmentResult[];
  resolutions: Partial<Record<ImportResolution, ResolutionReport>>;
  /** Problems that did not stop the import (same shape as errors). */
  warnings: QuyuIssue[];
  elapsedMs: number;
}

/** Provenance written into each extension (`topology.quyu`). */
export interface ExtensionMeta {
  kind: 'quyu-extension';
  version: 1;
  object: ImportReport['object'];
  resolution: ImportResolution;
  crs: 'WGS84';
  sourceFile: string;
  sourceCrs: CrsName;
  codeTable: '2023';
  codes: string[];
}

/** A TopoJSON atlas extension as `importBoundaries` returns it. */
export type Extension = Topology & { quyu: ExtensionMeta };

export interface ImportResult {
  /** The extension of the first requested resolution. */
  extension: Extension;
  /** Every requested resolution. */
  extensions: Partial<Record<ImportResolution, Extension>>;
  report: ImportReport;
}
