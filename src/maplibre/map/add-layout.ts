/**
 * `addLayout`: one call that puts a layout on a MapLibre map — layers, legend, tooltips, the South China
 * Sea inset for national views — and returns a handle to hide, fit, listen to and remove it.
 *
 * Adding the same layout twice with the same `idPrefix` *replaces* the first: the earlier handle's layers,
 * legend and listeners are removed (that handle becomes inert), so calling `addLayout` again with new
 * options (another theme, language or selection) is safe. Different prefixes add independent copies.
 */
import type {
  ControlPosition,
  FitBoundsOptions,
  MapGeoJSONFeature,
  Map as MapLibreMap,
  MapMouseEvent,
} from 'maplibre-gl';
import type { Layout, LayoutItem, Member, Source } from '../../layouts/schema.ts';
import { type LayoutLayersOptions, layoutLayers } from '../builders/layout-layers.ts';
import { convertLayerSet, type OverlayCrs } from '../style/crs.ts';
import type { LayerSet } from '../support/layer-set.ts';
import { resolveTheme } from '../support/layer-set.ts';
import { addLayerSet, removeLayerSet } from './add-layer-set.ts';
import { type InsetAtlas, SouthChinaSeaInset } from './inset.ts';
import { LegendControl } from './legend.ts';
import { Tooltip, tooltipContent } from './tooltip.ts';

/** Options of {@link addLayout}. */
export interface AddLayoutOptions extends LayoutLayersOptions {
  /**
   * Coordinate system of the basemap: `'wgs84'` (default; quyu's base style, OpenStreetMap-based styles) or
   * `'gcj02'` (Amap / Tencent tiles), to which the overlays are converted.
   */
  crs?: OverlayCrs;
  /** Id of a layer to insert fills and lines before. Default: the base style's first symbol layer. */
  beforeId?: string;
  /** Add a legend control: `false`, or its position. Default `'top-left'`. */
  legend?: boolean | ControlPosition;
  /** Legend title. Default: the layout's title. */
  title?: string;
  /** Legend subtitle. */
  subtitle?: string;
  /** Show tooltips on hover. Default `true`. */
  tooltip?: boolean;
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
  /** What was added: sources, layers, images, legend sections, items, bounds. */
  readonly layerSet: LayerSet;
  readonly legend: LegendControl | undefined;
  readonly inset: SouthChinaSeaInset | undefined;
  /** Resolves once the layers are on the map (at once, or when the style has loaded). */
  readonly ready: Promise<void>;
  /** Removes layers, sources, images, legend, inset, tooltip and listeners. Safe to call twice. */
  remove(): void;
  /** Shows or hides everything the layout added. */
  setVisible(visible: boolean): void;
  isVisible(): boolean;
  /** Moves the camera to the layout's extent (leaving room for the legend). */
  fitBounds(options?: FitBoundsOptions): void;
  /** Listens to hover (also fired with `item: null` on leaving) or click; returns a function that unsubscribes. */
  on(type: 'hover' | 'click', handler: Handler): () => void;
}

const registry = new WeakMap<MapLibreMap, Map<string, LayoutHandle>>();

/**
 * Adds a layout to a map and returns a handle. Builds the layers with the pure builders
 * ({@link layoutLayers}), converts them for GCJ-02 basemaps when asked, inserts fills under the base map's
 * labels and overlay labels on top, adds a legend and tooltips, and the 南海诸岛 inset for national views.
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
  const id = `${options.idPrefix ?? 'quyu-'}${layout.id}-`;
  const lang = options.lang ?? 'zh';
  const theme = resolveTheme(options.theme);
  const onMap = registry.get(map) ?? new Map<string, LayoutHandle>();
  registry.set(map, onMap);
  onMap.get(id)?.remove();

  const set = convertLayerSet(layoutLayers(layout, { ...options, idPrefix: id }), options.crs ?? 'wgs84');
  // Keep only what the handle needs: the atlas (and its topology) can be collected once the layers are built.
  const legendSide =
    typeof options.legend === 'string' && options.legend.endsWith('right')
      ? ('right' as const)
      : ('left' as const);
  const beforeId = options.beforeId;
  let removed = false;
  let visible = true;
  const handlers = { hover: new Set<Handler>(), click: new Set<Handler>() };

  let legend: LegendControl | undefined;
  if (options.legend !== false) {
    legend = new LegendControl({
      title: options.title ?? (lang === 'en' && layout.titleEn ? layout.titleEn : layout.title),
      subtitle: options.subtitle,
      sections: set.legend,
      sources: sourcesOf(Object.values(set.items)),
      theme,
      lang,
    });
    map.addControl(legend, typeof options.legend === 'string' ? options.legend : 'top-left');
  }
  let inset: SouthChinaSeaInset | undefined;
  const wantInset = options.inset ?? layout.region === 'China';
  const atlas = options.atlas as Partial<InsetAtlas>;
  if (wantInset && typeof atlas.geojson === 'function') {
    inset = new SouthChinaSeaInset({ atlas: atlas as InsetAtlas, theme, lang });
    map.addControl(inset, typeof wantInset === 'string' ? wantInset : 'bottom-right');
  }
  const tooltip = options.tooltip === false ? undefined : new Tooltip(map.getContainer(), theme);

  const layerIds = set.layers.map((l) => l.id);
  const featureAt = (point: { x: number; y: number }): MapGeoJSONFeature | undefined => {
    const layers = layerIds.filter((l) => map.getLayer(l));
    if (!layers.length) return undefined;
    return map
      .queryRenderedFeatures([point.x, point.y], { layers })
      .find((f) => f.properties?.item !== undefined);
  };
  const eventOf = (e: MapMouseEvent, f: MapGeoJSONFeature | undefined): LayoutPointerEvent => {
    const properties = (f?.properties ?? {}) as Record<string, unknown>;
    const item = f ? (set.items[String(properties.item)] ?? null) : null;
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

  let added = false;
  const add = () => {
    if (removed || added) return;
    added = true;
    addLayerSet(map, set, beforeId);
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
    layerSet: set,
    legend,
    inset,
    ready,
    remove() {
      if (removed) return;
      removed = true;
      if (added) {
        map.off('mousemove', onMove);
        map.off('mouseout', onOut);
        map.off('click', onClick);
        if (map.getStyle()) removeLayerSet(map, set, true);
      }
      if (legend) map.removeControl(legend);
      if (inset) map.removeControl(inset);
      tooltip?.remove();
      if (hovering) map.getCanvas().style.cursor = '';
      handlers.hover.clear();
      handlers.click.clear();
      if (onMap.get(id) === handle) onMap.delete(id);
    },
    setVisible(v: boolean) {
      visible = v;
      if (added && !removed) {
        for (const l of layerIds)
          if (map.getLayer(l)) map.setLayoutProperty(l, 'visibility', v ? 'visible' : 'none');
      }
      legend?.setVisible(v);
      inset?.setVisible(v);
      if (!v) onOut();
    },
    isVisible: () => visible,
    fitBounds(fit: FitBoundsOptions = {}) {
      const b = set.bounds;
      if (!b) return;
      const legendWidth = legend?.element?.offsetWidth ?? 0;
      const padding = { top: 40, bottom: 40, left: 40, right: 60 };
      if (legendWidth) padding[legendSide] += legendWidth + 10;
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
  onMap.set(id, handle);
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
