/**
 * `addLayout`: one call that puts a layout on a MapLibre map — layers, legend, tooltips, the South China
 * Sea inset for national views — and returns a handle to hide, fit, listen to and remove it.
 *
 * Adding the same layout twice with the same `idPrefix` *replaces* the first: the earlier handle's layers,
 * legend and listeners are removed (that handle becomes inert), so calling `addLayout` again with new
 * options (another theme, language or selection) is safe. Different prefixes add independent copies.
 *
 * Several layouts on one map share the map's furniture: **one legend** (sections merged, titles joined,
 * sources listed once), one inset, and each unit labelled once (the layout added first keeps the label;
 * hiding or removing it hands the label on).
 */
import type {
  ControlPosition,
  FitBoundsOptions,
  GeoJSONSource,
  MapGeoJSONFeature,
  Map as MapLibreMap,
  MapMouseEvent,
} from 'maplibre-gl';
import type { Layout, LayoutItem, Member, Source } from '../../layouts/schema.ts';
import { itemName, type Lang, uiWord } from '../../text/index.ts';
import { type LayoutLayersOptions, layoutLayers } from '../builders/layout-layers.ts';
import { omitBaseLabels } from '../style/base-style.ts';
import { convertLayerSet, type OverlayCrs } from '../style/crs.ts';
import {
  BUILDER_DEFAULTS,
  type LayerSet,
  type LegendSection,
  mergeLegends,
  resolveTheme,
} from '../support/layer-set.ts';
import { outlineOnly } from '../support/outline-only.ts';
import { dedupeUnitLabels } from '../support/unit-labels.ts';
import { addLayerSet, removeLayerSet } from './add-layer-set.ts';
import { type InsetAtlas, SouthChinaSeaInset } from './inset.ts';
import { LegendControl, type LegendOptions } from './legend.ts';
import { Tooltip, tooltipContent } from './tooltip.ts';

/** Defaults of {@link AddLayoutOptions}, read by {@link addLayout}. */
export const ADD_LAYOUT_DEFAULTS = {
  crs: 'wgs84',
  legend: 'top-left',
  tooltip: true,
  areas: 'filled',
} as const;

/** Options of {@link addLayout}. */
export interface AddLayoutOptions extends LayoutLayersOptions {
  /**
   * Coordinate system of the basemap: `'wgs84'` (quyu's base style, OpenStreetMap-based styles) or
   * `'gcj02'` (Amap / Tencent tiles), to which the overlays are converted.
   * @default 'wgs84'
   */
  crs?: OverlayCrs;
  /** Id of a layer to insert fills and lines before. Default: the base style's first symbol layer. */
  beforeId?: string;
  /**
   * Join the map's legend (`true` or a position), or draw none (`false`). Layouts on one map share one
   * legend; the first layout that joins places it. On a map narrower than 600 px (a phone) the legend
   * starts closed under a "图例 · Legend" heading the reader opens, so it does not cover the figure.
   * @default 'top-left'
   */
  legend?: boolean | ControlPosition;
  /** Legend title. Default: the layout's title (several layouts: their titles joined). */
  title?: string;
  /** Legend subtitle. */
  subtitle?: string;
  /**
   * Show tooltips on hover.
   * @default true
   */
  tooltip?: boolean;
  /**
   * `'outline'` draws the layout's areas as outlines only (no fill, no hatching), for a layout drawn over
   * data such as a choropleth; `'filled'` as usual.
   * @default 'filled'
   */
  areas?: 'filled' | 'outline';
  /**
   * Add the 南海诸岛 inset (needs an atlas with `geojson()`, like quyu's `Atlas`): `false`, `true`, or its
   * position. Default: on for national layouts (`region` 'China'), off otherwise.
   */
  inset?: boolean | ControlPosition;
}

/** What hover and click handlers receive. */
export interface LayoutPointerEvent {
  /** The item under the pointer, with its full typed data; null when the pointer left the layout. */
  item: LayoutItem | null;
  /** The member unit under the pointer, when the feature draws one member. */
  member?: Member;
  /** The feature's properties (status, code, note, …). */
  properties: Record<string, unknown>;
  lngLat: { lng: number; lat: number };
  point: { x: number; y: number };
}

type Handler = (event: LayoutPointerEvent) => void;

/** The handle `addLayout` returns. */
export interface LayoutHandle {
  /** The id prefix of every layer and source, e.g. `quyu-guangdong-`. */
  readonly id: string;
  /** What is on the map: sources, layers, images, legend sections, items, bounds. */
  readonly layerSet: LayerSet;
  /** The map's one legend, which this layout joined (undefined with `legend: false`). */
  readonly legend: LegendControl | undefined;
  /** The map's 南海诸岛 inset, when this layout asked for one. */
  readonly inset: SouthChinaSeaInset | undefined;
  /** Resolves once the layers are on the map (at once, or when the style has loaded). */
  readonly ready: Promise<void>;
  /** Removes layers, sources, images, legend, inset, tooltip and listeners. Safe to call twice. */
  remove(): void;
  /** Shows or hides everything the layout added. */
  setVisible(visible: boolean): void;
  isVisible(): boolean;
  /** Moves the camera to the layout's extent (leaving room for the map's legend). */
  fitBounds(options?: FitBoundsOptions): void;
  /** Listens to hover (also fired with `item: null` on leaving) or click; returns a function that unsubscribes. */
  on(type: 'hover' | 'click', handler: Handler): () => void;
}

/** One layout on a map, as the map's shared furniture sees it. */
interface Joined {
  handle: LayoutHandle;
  /** The layer set before unit labels were shared out. */
  base: LayerSet;
  /** What is on the map now. */
  shown: LayerSet;
  added: () => boolean;
  visible: () => boolean;
  legend: boolean;
  title: string;
  subtitle: string | undefined;
  sources: Source[];
  inset: boolean;
}

/** What the layouts on one map share: the legend, the inset and the unit labels. */
interface MapFurniture {
  layouts: Map<string, Joined>;
  /** Legend sections of layer sets added without a layout (a choropleth), by a key of their own. */
  extras: Map<symbol, LegendSection[]>;
  legend?: { control: LegendControl; position: ControlPosition };
  inset?: SouthChinaSeaInset;
}

const registry = new WeakMap<MapLibreMap, MapFurniture>();

function furnitureOf(map: MapLibreMap): MapFurniture {
  let f = registry.get(map);
  if (!f) {
    f = { layouts: new Map(), extras: new Map() };
    registry.set(map, f);
  }
  return f;
}

/** Redraws the map's one legend from the visible layouts that joined it; removes it when none is left. */
function updateLegend(map: MapLibreMap, f: MapFurniture, theme: LegendOptions['theme'], lang: Lang): void {
  const joined = [...f.layouts.values()].filter((j) => j.legend);
  const visible = joined.filter((j) => j.visible());
  const extras = [...f.extras.values()];
  if (!joined.length && !extras.length) {
    if (f.legend) map.removeControl(f.legend.control);
    f.legend = undefined;
    return;
  }
  const options: LegendOptions = {
    title: [...new Set(visible.map((j) => j.title))].join(' · '),
    subtitle: visible.length === 1 ? visible[0]!.subtitle : undefined,
    sections: mergeLegends([...visible.map((j) => j.shown.legend), ...extras]),
    sources: visible.flatMap((j) => j.sources),
    theme,
    lang,
  };
  f.legend?.control.update(options);
  f.legend?.control.setVisible(visible.length > 0 || extras.length > 0);
}

/** Adds the map's one legend when it has none yet. */
function ensureLegend(
  map: MapLibreMap,
  f: MapFurniture,
  options: LegendOptions,
  position: ControlPosition,
): void {
  if (f.legend) return;
  // On a narrow map (a phone) the legend would cover the figure: it starts closed, under a "图例" heading
  // the reader opens.
  const narrow = map.getContainer().clientWidth < 600 && !options.collapsible;
  const control = new LegendControl({
    ...options,
    sections: [],
    ...(narrow ? { collapsible: uiWord('legend', options.lang ?? 'zh'), open: false } : {}),
  });
  map.addControl(control, position);
  f.legend = { control, position };
}

/**
 * Adds legend sections to the map's one legend — the legend that layouts added with {@link addLayout}
 * join — e.g. those of a choropleth added with `addLayerSet`. Returns a function that takes them out again.
 *
 * @example
 * ```ts
 * const set = choroplethLayers({ '440100': 1882, '440300': 1779 }, { atlas, scale: 'quantile', title: '人口（万）' });
 * addLayerSet(map, set);
 * const leave = joinLegend(map, set.legend);
 * leave(); // the sections leave the legend; the legend goes when nothing is left in it
 * ```
 */
export function joinLegend(
  map: MapLibreMap,
  sections: LegendSection[],
  options: { theme?: LegendOptions['theme']; lang?: Lang; position?: ControlPosition } = {},
): () => void {
  const f = furnitureOf(map);
  const key = Symbol('legend sections');
  const lang = options.lang ?? BUILDER_DEFAULTS.lang;
  f.extras.set(key, sections);
  ensureLegend(
    map,
    f,
    { sections: [], theme: options.theme, lang },
    options.position ?? ADD_LAYOUT_DEFAULTS.legend,
  );
  updateLegend(map, f, options.theme, lang);
  return () => {
    if (f.extras.delete(key)) updateLegend(map, f, options.theme, lang);
  };
}

/** Shares unit labels out among the visible layouts in the order they were added; updates changed sources. */
function relabel(map: MapLibreMap, f: MapFurniture): void {
  const taken = new Set<string>();
  for (const j of f.layouts.values()) {
    if (!j.visible()) continue;
    const next = dedupeUnitLabels(j.base, taken);
    if (j.added()) {
      for (const [id, source] of Object.entries(next.sources)) {
        if (source !== j.shown.sources[id])
          (map.getSource(id) as GeoJSONSource | undefined)?.setData(source.data as never);
      }
    }
    j.shown = next;
  }
  syncBaseLabels(map, f, taken);
}

/** The base map does not repeat a name an overlay draws: its names of the units overlays label are left out. */
function syncBaseLabels(map: MapLibreMap, f: MapFurniture, taken?: Set<string>): void {
  if (!styleReady(map)) return;
  const codes = taken ?? new Set<string>();
  if (!taken) {
    for (const j of f.layouts.values()) {
      if (!j.visible() || !j.added()) continue;
      for (const s of Object.values(j.shown.sources)) {
        const data = s.data as { features?: { properties?: Record<string, unknown> | null }[] } | undefined;
        for (const feat of data?.features ?? []) {
          const p = feat.properties;
          if (p?.unitLabel === true && typeof p.code === 'string' && p.label) codes.add(p.code);
        }
      }
    }
  }
  omitBaseLabels(map, [...codes].sort());
}

/**
 * Adds a layout to a map and returns a handle. Builds the layers with the pure builders
 * ({@link layoutLayers}), converts them for GCJ-02 basemaps when asked, inserts fills under the base map's
 * labels and overlay labels on top, joins the map's one legend, adds tooltips, and the 南海诸岛 inset for
 * national views.
 *
 * @example
 * ```ts
 * const map = new maplibregl.Map({ container: 'map', style: baseStyle({ atlas }) });
 * const gd = addLayout(map, guangdong, { atlas, items: (i) => i.type === 'metro-circle' });
 * gd.fitBounds();
 * gd.on('click', (e) => console.log(e.item?.name, e.member?.code));
 * ```
 */
export function addLayout(map: MapLibreMap, layout: Layout, options: AddLayoutOptions): LayoutHandle {
  const id = `${options.idPrefix ?? BUILDER_DEFAULTS.idPrefix}${layout.id}-`;
  const lang = options.lang ?? BUILDER_DEFAULTS.lang;
  const theme = resolveTheme(options.theme);
  const furniture = furnitureOf(map);
  furniture.layouts.get(id)?.handle.remove();

  const built = layoutLayers(layout, { ...options, idPrefix: id });
  const base = convertLayerSet(
    (options.areas ?? ADD_LAYOUT_DEFAULTS.areas) === 'outline' ? outlineOnly(built) : built,
    options.crs ?? ADD_LAYOUT_DEFAULTS.crs,
  );
  const legendOption = options.legend ?? ADD_LAYOUT_DEFAULTS.legend;
  const beforeId = options.beforeId;
  let removed = false;
  let visible = true;
  let added = false;
  const handlers = { hover: new Set<Handler>(), click: new Set<Handler>() };

  const joined: Joined = {
    handle: undefined as unknown as LayoutHandle,
    base,
    shown: base,
    added: () => added && !removed,
    visible: () => visible && !removed,
    legend: legendOption !== false,
    title: options.title ?? itemName({ name: layout.title, nameEn: layout.titleEn }, lang),
    subtitle: options.subtitle,
    sources: sourcesOf(Object.values(base.items)),
    inset: false,
  };
  furniture.layouts.set(id, joined);
  relabel(map, furniture);

  if (joined.legend) {
    const position = typeof legendOption === 'string' ? legendOption : ADD_LAYOUT_DEFAULTS.legend;
    ensureLegend(map, furniture, { sections: [], theme, lang }, position);
  }
  updateLegend(map, furniture, theme, lang);
  const legendSide = furniture.legend?.position.endsWith('right') ? ('right' as const) : ('left' as const);

  const wantInset = options.inset ?? layout.region === 'China';
  const atlas = options.atlas as Partial<InsetAtlas>;
  if (wantInset && typeof atlas.geojson === 'function') {
    joined.inset = true;
    if (!furniture.inset) {
      furniture.inset = new SouthChinaSeaInset({ atlas: atlas as InsetAtlas, theme, lang });
      map.addControl(furniture.inset, typeof wantInset === 'string' ? wantInset : 'bottom-right');
    }
  }
  const tooltip =
    (options.tooltip ?? ADD_LAYOUT_DEFAULTS.tooltip) ? new Tooltip(map.getContainer(), theme) : undefined;

  const layerIds = base.layers.map((l) => l.id);
  const featureAt = (point: { x: number; y: number }): MapGeoJSONFeature | undefined => {
    const layers = layerIds.filter((l) => map.getLayer(l));
    if (!layers.length) return undefined;
    return map
      .queryRenderedFeatures([point.x, point.y], { layers })
      .find((f) => f.properties?.item !== undefined);
  };
  const eventOf = (e: MapMouseEvent, f: MapGeoJSONFeature | undefined): LayoutPointerEvent => {
    const properties = (f?.properties ?? {}) as Record<string, unknown>;
    const item = f ? (base.items[String(properties.item)] ?? null) : null;
    const code = typeof properties.code === 'string' ? properties.code : undefined;
    const member = item && code && 'members' in item ? item.members.find((m) => m.code === code) : undefined;
    return {
      item,
      ...(member ? { member } : {}),
      properties,
      lngLat: { lng: e.lngLat.lng, lat: e.lngLat.lat },
      point: { x: e.point.x, y: e.point.y },
    };
  };
  let hovering = false;
  const onMove = (e: MapMouseEvent) => {
    if (!visible) return;
    const f = featureAt(e.point);
    const event = eventOf(e, f);
    if (event.item) {
      hovering = true;
      map.getCanvas().style.cursor = 'pointer';
      tooltip?.show(e.point, tooltipContent(event.item, event.properties, lang, event.member));
      for (const h of handlers.hover) h(event);
    } else if (hovering) {
      hovering = false;
      map.getCanvas().style.cursor = '';
      tooltip?.hide();
      for (const h of handlers.hover) h(event);
    }
  };
  const onOut = () => {
    tooltip?.hide();
    if (hovering) map.getCanvas().style.cursor = '';
    hovering = false;
  };
  const onClick = (e: MapMouseEvent) => {
    if (!visible || !handlers.click.size) return;
    const event = eventOf(e, featureAt(e.point));
    if (event.item) for (const h of handlers.click) h(event);
  };

  const add = () => {
    if (removed || added) return;
    added = true;
    addLayerSet(map, joined.shown, beforeId);
    syncBaseLabels(map, furniture);
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    map.on('click', onClick);
  };
  const ready = new Promise<void>((resolve) => {
    const run = () => {
      add();
      resolve();
    };
    if (styleReady(map)) run();
    else {
      const once = () => {
        map.off('style.load', once);
        map.off('load', once);
        run();
      };
      map.on('style.load', once);
      map.on('load', once);
    }
  });

  const handle: LayoutHandle = {
    id,
    get layerSet() {
      return joined.shown;
    },
    get legend() {
      return joined.legend ? furniture.legend?.control : undefined;
    },
    get inset() {
      return joined.inset ? furniture.inset : undefined;
    },
    ready,
    remove() {
      if (removed) return;
      if (added) {
        map.off('mousemove', onMove);
        map.off('mouseout', onOut);
        map.off('click', onClick);
        if (map.getStyle()) removeLayerSet(map, joined.shown, true);
      }
      removed = true;
      tooltip?.remove();
      if (hovering) map.getCanvas().style.cursor = '';
      handlers.hover.clear();
      handlers.click.clear();
      if (furniture.layouts.get(id) === joined) furniture.layouts.delete(id);
      if (furniture.inset && ![...furniture.layouts.values()].some((j) => j.inset)) {
        map.removeControl(furniture.inset);
        furniture.inset = undefined;
      }
      relabel(map, furniture);
      updateLegend(map, furniture, theme, lang);
    },
    setVisible(v: boolean) {
      visible = v;
      if (added && !removed) {
        for (const l of layerIds)
          if (map.getLayer(l)) map.setLayoutProperty(l, 'visibility', v ? 'visible' : 'none');
      }
      if (!removed) {
        relabel(map, furniture);
        updateLegend(map, furniture, theme, lang);
        const insetUsers = [...furniture.layouts.values()].filter((j) => j.inset && j.visible());
        furniture.inset?.setVisible(insetUsers.length > 0);
      }
      if (!v) onOut();
    },
    isVisible: () => visible,
    fitBounds(fit: FitBoundsOptions = {}) {
      const b = base.bounds;
      if (!b) return;
      const legendWidth = furniture.legend?.control.element?.offsetWidth ?? 0;
      const mapWidth = map.getContainer().clientWidth;
      // A narrow map (a phone) pads less and does not make room beside a legend wider than a third of it:
      // the figure would shrink to nothing; the legend lies over the map instead.
      const edge = mapWidth < 600 ? 16 : 40;
      const padding = { top: edge, bottom: edge, left: edge, right: mapWidth < 600 ? edge : 60 };
      if (legendWidth && legendWidth < mapWidth / 3) padding[legendSide] += legendWidth + 10;
      map.fitBounds(
        [
          [b[0], b[1]],
          [b[2], b[3]],
        ],
        { padding, ...fit },
      );
    },
    on(type, handler) {
      handlers[type].add(handler);
      return () => handlers[type].delete(handler);
    },
  };
  joined.handle = handle;
  return handle;
}

/** Whether the map's style has loaded far enough to take sources and layers. */
function styleReady(map: MapLibreMap): boolean {
  const style = (map as unknown as { style?: { _loaded?: boolean } }).style;
  return style?._loaded === true;
}

function sourcesOf(items: LayoutItem[]): Source[] {
  const out: Source[] = [];
  for (const item of items) if (item.source) out.push(item.source);
  return out;
}
