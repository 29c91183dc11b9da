/**
 * What every pure layer builder returns, and the options they share.
 *
 * ```
 *  layout items ──▶ builder (metroCircleLayers, linkLayers, …) ──▶ LayerSet
 *                                                                   ├─ sources  (inline GeoJSON, WGS-84)
 *                                                                   ├─ layers   (LayerSpecification[])
 *                                                                   ├─ images   (RGBA patterns and icons)
 *                                                                   ├─ legend   (sections the LegendControl draws)
 *                                                                   ├─ items    (item by id, for events and tooltips)
 *                                                                   └─ bounds   ([w, s, e, n] of everything drawn)
 * ```
 * Builders never touch a map or the DOM, so they run and are tested in Node. `addLayout` adds a LayerSet to a map.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayoutItem, Status } from '../../layouts/schema.ts';
import type { Lang } from '../../text/index.ts';
import { geometryBox } from '../style/scope.ts';
import { type Theme, type ThemeName, themes } from '../style/themes.ts';
import type { RgbaImage } from './patterns.ts';
import { sortByStack } from './stack.ts';

/**
 * The part of a loaded atlas the builders read. quyu's `Atlas` satisfies it; so does any object with these
 * methods (e.g. an atlas of imported county units, or synthetic polygons in a benchmark).
 */
export interface LayerAtlas {
  /** Whether the atlas has a boundary for `code`. */
  has(code: string): boolean;
  /** The unit as a feature; `properties.name`, `nameEn`, `labelX`, `labelY` are read when present. */
  feature(code: string): Feature<Polygon | MultiPolygon>;
  /** The merged area of several units, exact on the topology. */
  merge(codes: string[]): MultiPolygon;
  /** Whether `seat` knows the unit's seat (optional: without it markers go to label points). */
  hasSeat?(code: string): boolean;
  /** The unit's seat `[lng, lat]` (人民政府驻地), where its marker goes. */
  seat?(code: string): readonly [number, number];
  /** Imported county-level units of a prefecture (optional: quyu's `Atlas` has it), to name `coverage.counties`. */
  counties?(options: { prefecture?: string }): Feature<Polygon | MultiPolygon>[];
}

/** Label language of overlays and legends (quyu's one language type, `src/text`). */
export type { Lang };

/** Defaults of {@link BuilderOptions}, read by every builder. */
export const BUILDER_DEFAULTS = { theme: 'light', lang: 'zh', idPrefix: 'quyu-' } as const;

/** Options every builder takes. */
export interface BuilderOptions {
  /** Where member areas and label points come from. */
  atlas: LayerAtlas;
  /**
   * A built-in theme name or a theme object.
   * @default 'light'
   */
  theme?: ThemeName | Theme;
  /**
   * Label language.
   * @default 'zh'
   */
  lang?: Lang;
  /**
   * Prefix of every source, layer and image id, e.g. `'quyu-guangdong-'`. Two sets with different prefixes
   * can share a map.
   * @default 'quyu-'
   */
  idPrefix?: string;
}

/** One swatch of the legend, drawn as a small SVG. */
export type LegendSwatch =
  | {
      kind: 'fill';
      color: string;
      opacity?: number;
      outline?: string;
      /** Outline dash in line widths, e.g. `[2, 1.5]`. */
      dash?: number[];
      /** A hatched or dotted fill. */
      pattern?: 'hatch' | 'cross' | 'dots' | 'horizontal';
      /** Thicker outline (core, centre). */
      strong?: boolean;
    }
  | { kind: 'line'; color: string; width?: number; dash?: number[]; arrow?: 'end' | 'both'; opacity?: number }
  | { kind: 'symbol'; shape: ShapeName; color: string; hollow?: boolean; size?: number; opacity?: number }
  | { kind: 'ring'; color: string; filled?: boolean; radius?: number; opacity?: number };

/** Shapes of point symbols (hub kinds, markers). */
export type ShapeName =
  | 'plane'
  | 'square'
  | 'circle'
  | 'diamond'
  | 'star'
  | 'hexagon'
  | 'pentagon'
  | 'triangle'
  | 'triangle-down'
  | 'ring'
  | 'cross'
  | 'house';

/** One line of the legend: a swatch and its text. */
export interface LegendEntry {
  label: string;
  swatch?: LegendSwatch;
  /** Smaller text under the label (e.g. a member list, a date). */
  note?: string;
}

/** A titled group of legend lines. */
export interface LegendSection {
  /** Stable key, used to merge sections from several builders (e.g. `status`). */
  key: string;
  title: string;
  entries: LegendEntry[];
}

/** What a builder returns: sources and layers for MapLibre, plus what the legend and events need. */
export interface LayerSet {
  sources: Record<string, GeoJSONSourceSpecification>;
  layers: LayerSpecification[];
  /** Pattern and icon images the layers reference (`fill-pattern`, `icon-image`), by id. */
  images: Record<string, RgbaImage>;
  legend: LegendSection[];
  /** The items drawn (or listed as not drawn), by id. */
  items: Record<string, LayoutItem>;
  /** `[west, south, east, north]` of everything drawn, or null when nothing has geometry. */
  bounds: [number, number, number, number] | null;
}

/**
 * Properties every overlay feature carries, so that expressions, tooltips and events can read them.
 * Geometry-specific builders add their own (`color`, `width`, `kind`, …).
 */
export interface OverlayProperties {
  /** Id of the layout item the feature draws. */
  item: string;
  /** The item's type (`metro-circle`, `hub`, …). */
  itemType: LayoutItem['type'];
  /** The weakest of the item's and the member's status. */
  status: Status;
  /** `status` is `inferred` or `uncertain`: drawn dashed and lighter. */
  weak: boolean;
  /** Text of the feature's label in the chosen language. */
  label: string;
  /** Code of the member unit the feature draws, when it draws one unit. */
  code?: string;
  /** A note for the tooltip, e.g. which part of a unit belongs. */
  note?: string;
  [key: string]: unknown;
}

/** An empty LayerSet. */
export function emptyLayerSet(): LayerSet {
  return { sources: {}, layers: [], images: {}, legend: [], items: {}, bounds: null };
}

/** Resolves the theme option. */
export function resolveTheme(theme: ThemeName | Theme | undefined): Theme {
  return typeof theme === 'object' ? theme : themes[theme ?? BUILDER_DEFAULTS.theme];
}

/** Resolves the shared options with their defaults. */
export function resolveOptions(options: BuilderOptions): {
  atlas: LayerAtlas;
  theme: Theme;
  lang: Lang;
  prefix: string;
} {
  return {
    atlas: options.atlas,
    theme: resolveTheme(options.theme),
    lang: options.lang ?? BUILDER_DEFAULTS.lang,
    prefix: options.idPrefix ?? BUILDER_DEFAULTS.idPrefix,
  };
}

/**
 * How quyu's GeoJSON sources are tiled (base map and overlays alike, so shared borders simplify alike):
 * simplified by up to 1 pixel (MapLibre's default 0.375), with a 32-pixel buffer around each 512-pixel tile
 * (default 128; enough for the widest line, 6 px). Measured on the render benchmark's Guangdong figure in
 * headless Chromium: from `new Map` to the first `idle` in 960 ms instead of 1,330 (tolerance 0.3, buffer
 * 128; medians of 5), the outlines within a pixel of the static first frame's.
 */
export const GEOJSON_TILING = { tolerance: 1, buffer: 32 } as const;

/** A GeoJSON source of inline data, tiled as {@link GEOJSON_TILING} says. */
export function geojsonSource(data: FeatureCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data, ...GEOJSON_TILING };
}

/** A FeatureCollection. */
export function collection<G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

/**
 * Merges LayerSets: layers in their stacking class (areas under lines under points, see `STACK`), and
 * within a class those of later sets above earlier ones; one legend ({@link mergeLegends}).
 *
 * @example
 * ```ts
 * const set = mergeLayerSets([metroCircleLayers(circles, { atlas }), hubLayers(hubs, { atlas })]);
 * ```
 */
export function mergeLayerSets(sets: LayerSet[]): LayerSet {
  const out = emptyLayerSet();
  for (const set of sets) {
    Object.assign(out.sources, set.sources);
    out.layers.push(...set.layers);
    Object.assign(out.images, set.images);
    Object.assign(out.items, set.items);
    out.bounds = unionBounds(out.bounds, set.bounds);
  }
  out.layers = sortByStack(out.layers);
  out.legend = mergeLegends(sets.map((s) => s.legend));
  return out;
}

/** Where a legend section goes: the item sections first, then the status key, then what is not drawn. */
const SECTION_RANK: Record<string, number> = { status: 1, 'not-verified': 2, 'not-drawn': 3 };

/**
 * Several legends as one: sections with the same key merged (an entry with the same label once), in
 * order of first appearance, then the status key, then what was not verified or not drawn. What every
 * legend of quyu shows — on a map with two layouts, in the PNG and SVG exports — comes from here.
 *
 * @example
 * ```ts
 * const one = mergeLegends([layoutLayers(guangdong, { atlas }).legend, layoutLayers(sichuan, { atlas }).legend]);
 * one.filter((s) => s.key === 'status').length; // 1
 * ```
 */
export function mergeLegends(legends: readonly (readonly LegendSection[])[]): LegendSection[] {
  const out: LegendSection[] = [];
  for (const legend of legends) {
    for (const section of legend) {
      const existing = out.find((s) => s.key === section.key);
      if (!existing) out.push({ ...section, entries: [...section.entries] });
      else {
        for (const entry of section.entries) {
          if (!existing.entries.some((e) => e.label === entry.label)) existing.entries.push(entry);
        }
      }
    }
  }
  const rank = (key: string) => SECTION_RANK[key] ?? 0;
  return out
    .map((s, i) => [s, i] as const)
    .sort((a, b) => rank(a[0].key) - rank(b[0].key) || a[1] - b[1])
    .map(([s]) => s);
}

/** Union of two bounding boxes. */
export function unionBounds(
  a: [number, number, number, number] | null,
  b: [number, number, number, number] | null,
): [number, number, number, number] | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/**
 * Bounding box `[west, south, east, north]` of a FeatureCollection (the union of its features'
 * {@link geometryBox}: outer rings bound polygons), or null when it has no coordinates.
 */
export function boundsOf(fc: FeatureCollection): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (const f of fc.features) box = unionBounds(box, geometryBox(f.geometry));
  return box;
}
