/**
 * The embed runtime: turns a validated map spec into an accessible figure — title, map, one legend, notes,
 * source line, text description, export buttons — and tells a parent page its height.
 *
 * ```
 *  figure.quyu-embed
 *   ├ header   h2.quyu-title · p.quyu-subtitle
 *   ├ div.quyu-body   div.quyu-map (MapLibre, scale bar bottom-left, 南海诸岛 inset bottom-right)
 *   │                 div.quyu-legend-box (one legend, collapsible: over the map's top-left corner on wide
 *   │                                      screens, below the map at phone width — embed.css decides)
 *   └ footer   p.quyu-notes · p.quyu-source · details.quyu-description · div.quyu-actions
 * ```
 *
 * Everything from the spec is untrusted: text goes in with `textContent` only, user text that shares a
 * line with the product's own words is isolated (`<bdi>`, `dir="auto"`), links only as validated http(s)
 * URLs, and no inline script or style is created (styles come from `embed.css`; sizes are set through the
 * CSSOM, which a strict `style-src` allows), so the page works under a strict Content-Security-Policy.
 */
import type * as MapLibre from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import { Atlas } from '../atlas/atlas.ts';
import { loadAtlas } from '../atlas/load.ts';
import type { Layout, Source } from '../layouts/schema.ts';
import { addLayerSet, styleWithLayerSet } from '../maplibre/map/add-layer-set.ts';
import type { LayoutHandle } from '../maplibre/map/add-layout.ts';
import { SouthChinaSeaInset } from '../maplibre/map/inset.ts';
import { LegendControl } from '../maplibre/map/legend.ts';
import { baseStyle } from '../maplibre/style/base-style.ts';
import { type Box, boxContains } from '../maplibre/style/scope.ts';
import { type LegendSection, mergeLayerSets } from '../maplibre/support/layer-set.ts';
import { labelled, uiWord } from '../text/index.ts';
import { describeFigure, type FigureData, figureData, figureLegend } from './figure.ts';
import {
  cameraFor,
  type FirstPaint,
  type Padding,
  paintFirst,
  regionProvince,
  viewBounds,
} from './first-paint.ts';
import { BASE_MAP_EXTENT, type Frame, frameOf } from './framing.ts';
import { resolveLayouts } from './layouts.ts';
import { REGION_REACH, type RegionReach } from './region-reach.generated.ts';
import type { MapSpec } from './spec.ts';

/** What the embed needs from its environment. */
export interface EmbedDeps {
  /**
   * The maplibre-gl module (the page decides how it is loaded and where its worker lives), or a promise of
   * it, or a function that loads it: `() => import('maplibre-gl')` starts loading only once the static
   * first frame is on screen, so the script does not compete with it.
   */
  maplibregl: typeof MapLibre | Promise<typeof MapLibre> | (() => Promise<typeof MapLibre>);
  /** URL of the atlas file (`china-10m.json`); default: the file in the package. */
  atlasUrl?: string;
  /** The atlas itself, loaded or as a topology (a single-file figure carries it inline). */
  atlas?: Atlas | Topology;
  /**
   * URL of a province's region file (`data/regions/<code>.json`): a figure focused on one province loads it
   * instead of `atlasUrl` (Guangdong: 69 KB instead of 182 KB gzipped). Default: none (always `atlasUrl`).
   */
  regionUrl?: (province: string) => string | undefined;
  /**
   * URL of a province's overview file (`data/regions/<code>.overview.json`, where the province has one:
   * 20 of 34; its zoom is `overview.maxZoom` in `data/regions/index.json`, Guangdong 6). Used together with
   * `regionUrl`: a figure with no layouts, focused on exactly that province, whose first view lies below
   * that zoom loads the overview instead of the region file (Guangdong: 47 KB instead of 69 KB gzipped,
   * half the vertices; below that zoom the province's borders differ by about a pixel, what MapLibre's own
   * simplification of a tile does). The region file follows only when the reader zooms in to that zoom,
   * exports a PNG at a scale that reaches it, or exports an SVG (a failed fetch fires an `error` event on
   * the map, and the next zoom tries again). A figure whose legend turns out narrower than the widest one
   * and whose view then reaches that zoom fetches the region file at once, after the overview. Default:
   * none (the region file at once).
   */
  regionOverviewUrl?: (province: string) => string | undefined;
  /** Draw the static first frame before MapLibre (`first-paint.ts`). Default `true`. */
  firstPaint?: boolean;
  /** Id sent with height messages, so a host page with several embeds can tell them apart. */
  embedId?: string;
}

/** A rendered embed. */
export interface Embed {
  map: MapLibre.Map;
  /** The atlas the map draws (for a figure drawn from a province's overview: the overview until the region file replaces it). */
  atlas: Atlas;
  layouts: Layout[];
  handles: LayoutHandle[];
  spec: MapSpec;
  /** The data layers: resolved keys (matched, ambiguous, unmatched rows), classes and "no data" units. */
  data: FigureData[];
  /** The one legend, as the screen, the PNG and the SVG show it. */
  legend: LegendSection[];
  /** What the view frames, and whether the 南海诸岛 inset is shown. */
  frame: Frame;
  /** The generated text description (data first, then the layouts). */
  description: string;
  /** Resolves on the map's first `idle`. */
  idle: Promise<void>;
  /** PNG of the whole figure (title, map, legend, inset, notes, source line) at 1x or 2x. */
  toPng(scale?: 1 | 2): Promise<Blob>;
  /** The same figure as a static SVG, for print. */
  toSvg(): Promise<Blob>;
  remove(): void;
}

let figureCount = 0;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A block of user text: its direction from its first strong character, isolated from what follows. */
function userBlock<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string) {
  const e = el(tag, className, text);
  e.dir = 'auto';
  return e;
}

/** User text inside a line of the product's own words: a `<bdi>`, so it cannot reorder them. */
function bdi(text: string, className = ''): HTMLElement {
  return el('bdi', className, text);
}

/**
 * Sends the embed's height to the parent page (quyu's message and Datawrapper's convention).
 *
 * @example
 * ```ts
 * postHeight(document.querySelector('figure')!, 'fig1'); // parent receives { type: 'quyu-height', id: 'fig1', height }
 * ```
 */
export function postHeight(root: HTMLElement, embedId: string): void {
  if (window.parent === window) return;
  const height = Math.ceil(root.getBoundingClientRect().height);
  window.parent.postMessage({ type: 'quyu-height', id: embedId, height }, '*');
  window.parent.postMessage({ 'datawrapper-height': { [embedId]: height } }, '*');
}

/**
 * Whether a figure needs the county-level rows of the code table and gazetteer (a chunk of their own): for
 * layouts, and for data keyed by names or by county-level codes. A figure keyed by province and
 * prefecture codes draws without them, sooner.
 */
function needsCounties(spec: MapSpec): boolean {
  return (
    spec.layouts.length > 0 ||
    spec.layers.some((l) => l.within !== undefined || Object.keys(l.values).some((k) => !/^\d{4}00$/.test(k)))
  );
}

function nationalAtlas(spec: MapSpec, deps: EmbedDeps): Promise<Atlas> {
  if (deps.atlas instanceof Atlas) return Promise.resolve(deps.atlas);
  const counties = needsCounties(spec);
  if (deps.atlas) return loadAtlas({ topology: deps.atlas, counties });
  return loadAtlas(deps.atlasUrl ? { url: deps.atlasUrl, counties } : { counties });
}

/** A figure drawn from a province's overview file, and what replaces it once the reader zooms in. */
interface Overview {
  /** URL of the province's region file. */
  regionUrl: string;
  /** At this zoom and above the region file is drawn instead (`overviewMaxZoom` in {@link REGION_REACH}). */
  maxZoom: number;
}

/**
 * The atlas a figure needs: a figure focused on one province loads that province's region file
 * (`deps.regionUrl`), unless it draws a unit the region file does not hold, or it is fitted to the whole
 * province and its first view in a map box `width` × `height` reaches beyond the file
 * ({@link viewLeavesRegion}); otherwise the national file. A figure of data of the whole province whose
 * first view, with the widest legend over the map that the box allows (`overviewLegendWidth`; the
 * narrowest view it can have), lies below the province's `overviewMaxZoom` loads the overview
 * (`deps.regionOverviewUrl`) instead of the region file: `overview` says so (the figure checks its actual
 * view once framed).
 */
async function atlasOf(
  spec: MapSpec,
  deps: EmbedDeps,
  layouts: Promise<Layout[]>,
  width: number,
  height: number,
  legendWidth: number | undefined,
  overviewLegendWidth: number,
): Promise<{ atlas: Atlas; overview?: Overview }> {
  const focusCodes = typeof spec.focus === 'object' && 'codes' in spec.focus ? spec.focus.codes : [];
  const province = deps.atlas ? undefined : regionProvince(focusCodes);
  const region = province ? deps.regionUrl?.(province) : undefined;
  // Only a map box with a size can be judged (a figure not laid out yet is drawn as before).
  const whole = focusCodes.length === 1 && focusCodes[0] === province && width > 0 && height > 0;
  if (!region || (whole && viewLeavesRegion(province!, width, height, { inset: spec.inset, legendWidth })))
    return { atlas: await nationalAtlas(spec, deps) };
  const maxZoom = REGION_REACH[province!]?.overviewMaxZoom;
  const overviewUrl =
    whole && !spec.layouts.length && maxZoom !== undefined ? deps.regionOverviewUrl?.(province!) : undefined;
  const overview =
    overviewUrl &&
    wholeProvinceZoom(province!, width, height, { inset: spec.inset, legendWidth: overviewLegendWidth }) <
      maxZoom!
      ? { regionUrl: region, maxZoom: maxZoom! }
      : undefined;
  const atlas = await loadAtlas({ url: overview ? overviewUrl! : region, counties: needsCounties(spec) });
  // Keys that are not codes (names) are resolved by the gazetteer later: any unit of the country may match.
  const keys = spec.layers.flatMap((l) => Object.keys(l.values));
  if (keys.some((k) => !/^\d{6}$/.test(k))) return { atlas: await nationalAtlas(spec, deps) };
  const drawn = [
    ...(await layouts)
      .flatMap((l) => JSON.stringify(l.items).match(/"\d{6}"/g) ?? [])
      .map((c) => c.slice(1, -1)),
    ...keys,
  ];
  return drawn.every((c) => atlas.has(c) || !/^[1-8]\d{5}$/.test(c))
    ? { atlas, overview }
    : { atlas: await nationalAtlas(spec, deps) };
}

/** Options of {@link viewLeavesRegion}. */
export interface ViewLeavesRegionOptions {
  /** Whether the figure shows the 南海诸岛 inset (the spec's `inset`); default: as the whole province's figure. */
  inset?: boolean;
  /**
   * Width in CSS pixels of the legend lying over the map (0: below it), when it is known before the data
   * (a figure with layouts takes the widest its legend can be); unknown when absent.
   */
  legendWidth?: number;
}

/**
 * Whether the first view of a figure fitted to the whole of `province`, in a map box `width` × `height` CSS
 * pixels, reaches beyond the province's region file ({@link REGION_REACH}): the embed then fetches the
 * national file and not the region file first. With the legend's width (`options.legendWidth`) the answer
 * is exact. Without it, only a view that leaves at the top or bottom counts: a legend over the map pads the
 * left side only, which can lower the zoom but never moves the view's centre north or south, so such a view
 * leaves whatever the legend; one that leaves at a side is found once the legend is placed. False for a code
 * without a region file.
 *
 * @example
 * ```ts
 * viewLeavesRegion('440000', 343, 1000); // true: a phone figure 1,000 px tall shows far beyond Guangdong's file
 * viewLeavesRegion('440000', 800, 520); // false
 * viewLeavesRegion('440000', 620, 520, { legendWidth: 260 }); // true: a wide legend beside a narrow map
 * ```
 */
export function viewLeavesRegion(
  province: string,
  width: number,
  height: number,
  options: ViewLeavesRegionOptions = {},
): boolean {
  const reach = REGION_REACH[province];
  if (!reach) return false;
  const { camera, w, h } = wholeProvinceCamera(reach, width, height, options);
  const view = viewBounds(camera, w, h);
  if (options.legendWidth !== undefined) return !boxContains(reach.context, view);
  return view[1] < reach.context[1] || view[3] > reach.context[3];
}

/** The first camera of a figure fitted to the whole province of `reach` in a map box of whole pixels `w` × `h`. */
function wholeProvinceCamera(
  reach: RegionReach,
  width: number,
  height: number,
  options: ViewLeavesRegionOptions,
) {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const padding = framePadding(w, options.legendWidth ?? 0, options.inset ?? reach.inset);
  return { camera: cameraFor(reach.frame, w, h, padding), w, h };
}

/**
 * The zoom of the first view of a figure fitted to the whole of `province` in a map box `width` × `height`
 * CSS pixels (the legend over the map as `options.legendWidth` says; none when absent): compared with the
 * province's `overviewMaxZoom` ({@link REGION_REACH}) to tell whether its overview file will do. NaN for a
 * code without a region file.
 *
 * @example
 * ```ts
 * wholeProvinceZoom('440000', 800, 600, { legendWidth: 260 }); // 5.4…: below Guangdong's overviewMaxZoom, 6
 * wholeProvinceZoom('440000', 800, 600); // 6.0…: no legend beside the map, the region file is drawn
 * ```
 */
export function wholeProvinceZoom(
  province: string,
  width: number,
  height: number,
  options: ViewLeavesRegionOptions = {},
): number {
  const reach = REGION_REACH[province];
  if (!reach) return Number.NaN;
  return wholeProvinceCamera(reach, width, height, options).camera.zoom;
}

/**
 * Resolves once the browser has drawn the current DOM: after the next animation frame, in the task that
 * follows it. A hidden page runs no animation frames, so it resolves after 100 ms at the latest.
 */
function framePresented(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}

/**
 * The padding, in CSS pixels, with which a figure fits its frame into a map box `width` pixels wide: a
 * margin of 4 % of the width (12–30 px), 10 px more at the bottom for the scale bar, room on the right for
 * the 南海诸岛 inset, and on the left for a legend lying over the map (`legendWidth`, 0 when it lies below),
 * unless the legend is half the width or more.
 *
 * @example
 * ```ts
 * framePadding(800, 260, false); // { top: 30, bottom: 40, right: 30, left: 306 }
 * framePadding(343, 0, false); // a phone, legend below the map: { top: 13.72, bottom: 23.72, right: 13.72, left: 13.72 }
 * ```
 */
export function framePadding(
  width: number,
  legendWidth: number,
  inset: boolean,
): { top: number; bottom: number; left: number; right: number } {
  const legend = legendWidth > 0 ? legendWidth + 16 : 0;
  const side = Math.max(12, Math.min(30, width * 0.04));
  return {
    top: side,
    bottom: side + (inset ? 0 : 10),
    right: side + (inset ? Math.min(120, width * 0.2) : 0),
    left: side + (legend < width * 0.5 ? legend : 0),
  };
}

/** The widest legend box over the map, in CSS pixels (embed.css: `.quyu-legend-box { max-width: min(260px, 45%) }`). */
const LEGEND_MAX_WIDTH = 260;

/** Whether the legend box sits over the map (wide screens) rather than below it (phones): embed.css decides. */
function legendOverMap(box: HTMLElement): boolean {
  return getComputedStyle(box).position === 'absolute';
}

/**
 * Renders a map spec into `root` (which it empties first) and resolves when the map exists.
 *
 * @example
 * ```ts
 * import * as maplibregl from 'maplibre-gl';
 * const spec = parseMapSpec({ layouts: ['guangdong'], title: '广东五大都市圈', show: { types: ['metro-circle'] } });
 * const embed = await renderEmbed(document.querySelector('#figure')!, spec, { maplibregl });
 * await embed.idle;
 * const png = await embed.toPng(2);
 * ```
 */
export async function renderEmbed(root: HTMLElement, spec: MapSpec, deps: EmbedDeps): Promise<Embed> {
  const lang = spec.lang;
  const embedId = deps.embedId ?? 'quyu';
  root.replaceChildren();
  root.classList.add('quyu-embed', `quyu-theme-${spec.theme}`);
  root.lang = lang === 'zh' ? 'zh-CN' : 'en';
  // The layouts' data first: its requests leave before the figure's elements are built. The atlas is chosen
  // once the map box has its size (a figure much taller than wide needs the national file).
  const layoutsLoaded = resolveLayouts(spec);

  const header = el('header', 'quyu-header');
  if (spec.title) header.append(userBlock('h2', 'quyu-title', spec.title));
  if (spec.subtitle) header.append(userBlock('p', 'quyu-subtitle', spec.subtitle));
  const body = el('div', 'quyu-body');
  const mapBox = el('div', 'quyu-map');
  // CSSOM, not a style attribute: allowed under a strict style-src. The legend reads the map's height.
  mapBox.style.height = `${spec.height}px`;
  body.style.setProperty('--quyu-map-height', `${spec.height}px`);
  const legendBox = el('div', 'quyu-legend-box');
  body.append(mapBox, legendBox);
  const footer = el('footer', 'quyu-footer');
  if (spec.notes) footer.append(userBlock('p', 'quyu-notes', spec.notes));
  const sourceLine = el('p', 'quyu-source');
  if (spec.source) {
    sourceLine.append(labelled(uiWord('source', lang), lang));
    if (spec.sourceUrl) {
      const a = el('a', 'quyu-source-link');
      a.append(bdi(spec.source));
      a.href = spec.sourceUrl; // validated http(s) by the spec schema
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      sourceLine.append(a);
    } else sourceLine.append(bdi(spec.source));
    sourceLine.append(' · ');
  }
  sourceLine.append(uiWord('review', lang));
  const details = el('details', 'quyu-description');
  const summary = el('summary', 'quyu-description-title', uiWord('description', lang));
  const descText = el('p', 'quyu-description-text');
  descText.dir = 'auto';
  details.append(summary, descText);
  const actions = el('div', 'quyu-actions');
  const png1 = el('button', 'quyu-button', uiWord('png', lang));
  const png2 = el('button', 'quyu-button', uiWord('png2', lang));
  const svgButton = el('button', 'quyu-button', uiWord('svg', lang));
  png1.type = 'button';
  png2.type = 'button';
  svgButton.type = 'button';
  actions.append(png1, png2, svgButton);
  footer.append(sourceLine, details, actions);
  root.append(header, body, footer);
  // A figure with layouts shows its legend with them, after the map: it is framed with the widest legend
  // embed.css lets lie over the map (0 when the legend lies below it), which can only make the view larger
  // than it will be, and that width is known now. A figure of data alone places its legend once the data
  // is read.
  const layoutLegendWidth = (width: number) =>
    legendOverMap(legendBox) ? Math.min(LEGEND_MAX_WIDTH, width * 0.45) : 0;
  const mapWidth = mapBox.clientWidth;
  const atlasLoaded = atlasOf(
    spec,
    deps,
    layoutsLoaded,
    mapWidth,
    mapBox.clientHeight,
    spec.layouts.length ? layoutLegendWidth(mapWidth) : undefined,
    layoutLegendWidth(mapWidth),
  );

  const [{ atlas: loadedAtlas, overview: loadedOverview }, layouts] = await Promise.all([
    atlasLoaded,
    layoutsLoaded,
  ]);

  const types = spec.show?.types;
  const ids = spec.show?.ids;
  const selected = (item: Layout['items'][number]) =>
    (!types || types.includes(item.type)) && (!ids || ids.includes(item.id));
  const basemap = spec.basemap;
  const quyuBase = basemap === 'quyu';

  // One legend for the figure: the data's classes, then the overlays (figureLegend).
  const sources: Source[] = layouts.flatMap((l) =>
    l.items.filter(selected).flatMap((i) => (i.source ? [i.source] : [])),
  );
  let legend: LegendSection[] = [];
  const showLegend = (sections: LegendSection[]) => {
    legend = sections;
    legendBox.replaceChildren();
    legendBox.hidden = !sections.length;
    if (!sections.length) return;
    const control = new LegendControl({
      sections,
      sources,
      theme: spec.theme,
      lang,
      collapsible: uiWord('legend', lang),
      layout: 'panel',
    });
    legendBox.append(control.onAdd(undefined as unknown as MapLibre.Map));
  };

  // The figure on one atlas: its data, frame, the focus of its scoped base map and the box its first view
  // shows. A figure of data alone shows its legend now (its width is part of the frame's padding); one with
  // layouts once they are on the map.
  const figureOn = (atlas: Atlas) => {
    const data = figureData(spec, atlas);
    const dataCodes = data.flatMap((d) => [
      ...Object.keys(d.resolved.values).filter((c) => d.resolved.values[c] !== null),
      ...d.noData,
    ]);
    const frame = frameOf(spec, layouts, dataCodes, atlas);
    // A figure that does not show the whole country gets a base map scoped to it: full detail and names
    // in its focus and the ring around it, provinces beyond (its units named at every width).
    const focusCodes = (
      typeof spec.focus === 'object' && 'codes' in spec.focus ? spec.focus.codes : dataCodes
    ).filter((c) => !frame.leftOut.includes(c));
    const focus =
      frame.national || !quyuBase
        ? undefined
        : focusCodes.length && !layouts.length
          ? { codes: focusCodes }
          : { bounds: [...frame.bounds] as Box };
    if (!layouts.length) showLegend(figureLegend(spec, data, []));
    const width = Math.max(1, Math.round(mapBox.clientWidth));
    const height = Math.max(1, Math.round(mapBox.clientHeight));
    // The legend of a figure with layouts comes with them, after the map: see layoutLegendWidth.
    const legendWidth = layouts.length ? layoutLegendWidth(width) : undefined;
    const camera = cameraFor(frame.bounds, width, height, padding(frame, legendWidth));
    const view = focus ? viewBounds(camera, width, height) : undefined;
    return { atlas, data, dataCodes, frame, focus, view, zoom: camera.zoom };
  };
  // The frame's padding leaves room for the legend where it lies over the map.
  const padding = (frame: Frame, legendWidth?: number): Padding =>
    framePadding(
      mapBox.clientWidth,
      legendWidth ?? (!legendBox.hidden && legendOverMap(legendBox) ? legendBox.offsetWidth : 0),
      frame.inset,
    );
  let figure = figureOn(loadedAtlas);
  let overview = loadedOverview;
  // A region file holds everything only inside its context box: a view reaching beyond it (a figure much
  // taller than wide, or narrow with its legend over the map) is drawn from the national file instead, so
  // that it never shows the edge of the data.
  const regionReach = (loadedAtlas.topology as { context?: Box }).context;
  if (figure.view && regionReach && !boxContains(regionReach, figure.view) && !deps.atlas) {
    figure = figureOn(await nationalAtlas(spec, deps));
    overview = undefined;
  } else if (overview && figure.zoom >= overview.maxZoom) {
    // Framed with its actual legend, the view reaches the zoom where the overview no longer will do.
    figure = figureOn(await loadAtlas({ url: overview.regionUrl, counties: needsCounties(spec) }));
    overview = undefined;
  }
  const { frame, focus, view } = figure;
  let { atlas, data } = figure;

  const description = describeFigure(spec, data, layouts);
  descText.textContent = description;
  descText.id = `quyu-description-${++figureCount}`;
  // Without alt text of its own, the map is described by the generated description.
  if (!spec.alt) mapBox.setAttribute('aria-describedby', descText.id);
  mapBox.setAttribute('role', 'region');
  mapBox.setAttribute(
    'aria-label',
    `${spec.alt ?? spec.title ?? uiWord('mapLabel', lang)} ${uiWord('keys', lang)}`,
  );

  const b = frame.bounds;
  // Units the data draws whole (fill and outline) are left out of the base map's units: not tiled twice.
  const drawnUnits = data.flatMap((d) =>
    Object.values(d.set.sources).flatMap((source) =>
      typeof source.data === 'object' && 'features' in source.data
        ? source.data.features.map((f) => String(f.properties?.code ?? ''))
        : [],
    ),
  );
  const quyuStyle = quyuBase
    ? baseStyle({ atlas, theme: spec.theme, lang, focus, view, drawnUnits })
    : undefined;
  const style = basemap === 'quyu' ? quyuStyle! : basemap.style;
  // On quyu's base map the figure's data is part of the style MapLibre is made with: its worker takes the
  // data with the base map's sources, rather than in a second round once the style has loaded (the
  // Guangdong figure of the render benchmark at phone size idled about 50 ms sooner, measured by hand on
  // 2 December over 11 rounds). The sets are merged first, so their layers stack by class as
  // `addLayerSet` stacks them. Data with images (patterns, icons) needs the map for them, and a basemap
  // brought by the user is not edited: both join on `load`.
  const styleWithData = quyuStyle && styleWithLayerSet(quyuStyle, mergeLayerSets(data.map((d) => d.set)));
  const dataInStyle = basemap === 'quyu' && data.every((d) => !Object.keys(d.set.images).length);
  const crs = basemap === 'quyu' ? 'wgs84' : basemap.crs;
  if (quyuBase && frame.national) {
    // A national view on a wide figure: the map grows taller rather than show more than 84° of longitude
    // (beyond it the base map's neighbouring land ends in a straight line at 60°E).
    const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const need = Math.ceil(
      ((mapBox.clientWidth || 800) * (merc(b[3]) - merc(b[1]))) / ((84 * Math.PI) / 180),
    );
    if (need > spec.height) {
      mapBox.style.height = `${Math.min(need, 2000)}px`;
      body.style.setProperty('--quyu-map-height', `${Math.min(need, 2000)}px`);
    }
  }

  // The width and padding the figure is framed with, read before the map exists: read again once MapLibre
  // has put in its canvas and controls, they would force a second style and layout pass (about 10 ms at
  // phone size) while MapLibre starts. A figure with layouts shows its legend only then, and reads again.
  const framedWidth = mapBox.clientWidth;
  const framedPadding = padding(frame);

  // Paint first: a figure of data alone is drawn as a static SVG (same style, features and camera) before
  // maplibre-gl has loaded; MapLibre replaces it on its first complete frame.
  let first: FirstPaint | undefined;
  if (quyuStyle && deps.firstPaint !== false && !layouts.length && !frame.national && !frame.inset) {
    first = paintFirst(mapBox, styleWithData!, {
      bounds: [...b] as [number, number, number, number],
      padding: framedPadding,
      label: spec.alt ?? spec.title ?? uiWord('mapLabel', lang),
    });
  }
  // The static frame reaches the screen before maplibre-gl's script is fetched and evaluated: evaluating it
  // (about 100 ms) right after the SVG is inserted would hold that frame back.
  if (first) await framePresented();
  // The layout builders load only for figures that draw layouts (with maplibre-gl, before the map exists:
  // the legend and the layouts join the map in the same task as it is made).
  const [maplibregl, layoutModule] = await Promise.all([
    typeof deps.maplibregl === 'function' ? deps.maplibregl() : deps.maplibregl,
    layouts.length ? import('../maplibre/map/add-layout.ts') : undefined,
  ]);
  const map = new maplibregl.Map({
    container: mapBox,
    style: dataInStyle ? styleWithData! : style,
    ...(first
      ? first.camera
      : {
          bounds: [
            [b[0], b[1]],
            [b[2], b[3]],
          ] as [[number, number], [number, number]],
          fitBoundsOptions: { padding: 20 },
        }),
    // The base map's neighbouring land is cut at 60°E/150°E: never show beyond it.
    ...(quyuBase
      ? {
          maxBounds: [
            [BASE_MAP_EXTENT[0], BASE_MAP_EXTENT[1]],
            [BASE_MAP_EXTENT[2], BASE_MAP_EXTENT[3]],
          ] as [[number, number], [number, number]],
        }
      : {}),
    attributionControl: false,
    // quyu's own styles are validated by its tests (style-spec, every theme, language, layout and the
    // choropleth); a user's basemap style is validated as MapLibre does by default.
    validateStyle: !quyuBase,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    fadeDuration: 0,
  });
  map.getCanvas().setAttribute('aria-label', spec.alt ?? spec.title ?? uiWord('mapLabel', lang));
  first?.handOver(map);
  const idle = new Promise<void>((resolve, reject) => {
    map.once('idle', () => resolve());
    map.once('error', (e: MapLibre.ErrorEvent) => reject(e.error));
  });
  // A figure drawn from its province's overview takes the region file's detail once the reader zooms in to
  // where the overview's simplification would show, or exports the figure: the same features from the
  // same style functions, so each GeoJSON source of the map gets its detailed data in place.
  let detailLoading: Promise<void> | undefined;
  let removed = false;
  const loadDetail = (): Promise<void> => {
    if (!overview) return detailLoading ?? Promise.resolve();
    const { regionUrl } = overview;
    detailLoading ??= loadAtlas({ url: regionUrl, counties: needsCounties(spec) }).then(
      async (detail) => {
        // A figure removed meanwhile has no map to update.
        if (removed) return;
        const detailData = figureData(spec, detail);
        const base = baseStyle({ atlas: detail, theme: spec.theme, lang, focus, view, drawnUnits });
        const sources: StyleSpecification['sources'] = dataInStyle
          ? styleWithLayerSet(base, mergeLayerSets(detailData.map((d) => d.set))).sources
          : Object.assign({}, base.sources, ...detailData.map((d) => d.set.sources));
        const updated = new Promise<void>((resolve) => map.once('idle', () => resolve()));
        for (const [id, source] of Object.entries(sources)) {
          const target = map.getSource(id) as MapLibre.GeoJSONSource | undefined;
          if (source.type === 'geojson' && target?.setData) target.setData(source.data);
        }
        atlas = detail;
        data = detailData;
        embed.atlas = detail;
        embed.data = detailData;
        overview = undefined;
        await updated;
      },
      (error: unknown) => {
        // The overview stays on the map; the next zoom or export tries again.
        detailLoading = undefined;
        throw error;
      },
    );
    return detailLoading;
  };
  if (overview) {
    const maxZoom = overview.maxZoom;
    map.on('zoom', () => {
      if (!overview || map.getZoom() < maxZoom) return;
      // Reported as MapLibre reports a tile it could not load: an `error` event on the map (logged when
      // nothing listens). The overview stays, and the next zoom tries again.
      loadDetail().catch((error: unknown) => {
        if ('ErrorEvent' in maplibregl)
          map.fire(new maplibregl.ErrorEvent(error instanceof Error ? error : new Error(String(error))));
      });
    });
  }
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  // The scale bar sits bottom-left, under the legend's reach (the legend box stops above it).
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');

  // Layouts drawn over data are outlines only, so they never hide the data.
  const handles: LayoutHandle[] = (layoutModule ? layouts : []).map((layout) =>
    layoutModule!.addLayout(map, layout, {
      atlas,
      theme: spec.theme,
      lang,
      crs,
      items: types || ids ? selected : undefined,
      legend: false,
      inset: false,
      areas: data.length ? 'outline' : 'filled',
    }),
  );
  for (const d of dataInStyle ? [] : data) {
    const add = () => addLayerSet(map, d.set);
    if (map.isStyleLoaded()) add();
    else map.once('load', add);
  }
  if (layouts.length)
    showLegend(
      figureLegend(
        spec,
        data,
        handles.map((h) => h.layerSet),
      ),
    );

  let inset: SouthChinaSeaInset | undefined;
  if (frame.inset) {
    inset = new SouthChinaSeaInset({ atlas, theme: spec.theme, lang });
    map.addControl(inset, 'bottom-right');
  }

  // Frame the data, leaving room for the legend where it lies over the map. Refit when the width changes,
  // until the reader moves the map.
  let moved = false;
  map.on('movestart', (e: { originalEvent?: unknown }) => {
    if (e.originalEvent) moved = true;
  });
  const refit = () => {
    map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: padding(frame), animate: false },
    );
  };
  // A map made at the static frame's camera is framed already; the others are framed now (a figure with
  // layouts beside the legend it now shows).
  if (!first) refit();
  let lastWidth = framedWidth;
  const onResize = () => {
    const w = mapBox.clientWidth;
    if (w && w !== lastWidth && !moved) {
      // MapLibre's own resize observer may run after this one: without resizing first, the fit would use
      // the map's previous size (a phone figure whose scroll bar came or went was framed for the old width).
      map.resize();
      refit();
    }
    lastWidth = w;
  };
  const resizeObserver = new ResizeObserver(onResize);
  resizeObserver.observe(mapBox);

  const exportOptions = () => ({
    map,
    root,
    spec,
    atlas,
    legend,
    legendBelow: legend.length > 0 && !legendOverMap(legendBox),
    layerSets: [...data.map((d) => d.set), ...handles.map((h) => h.layerSet)],
    inset: Boolean(inset),
  });
  const embed: Embed = {
    map,
    atlas,
    layouts,
    handles,
    spec,
    data,
    legend,
    frame,
    description,
    idle,
    // The exporters (and d3-geo) load on first use: a reader who never exports never fetches them.
    toPng: async (scale = 1) => {
      // An export whose scale reaches overviewMaxZoom would show the overview's simplification: the region file first.
      if (overview && map.getZoom() + Math.log2(scale) >= overview.maxZoom) await loadDetail();
      return (await import('./export.ts')).exportPng({ ...exportOptions(), handles, scale });
    },
    // An SVG is read at any size: always from the region file.
    toSvg: async () => {
      await loadDetail();
      return (await import('./export-svg.ts')).exportSvg({ ...exportOptions(), handles });
    },
    remove() {
      removed = true;
      resizeObserver.disconnect();
      heightObserver.disconnect();
      for (const h of handles) h.remove();
      map.remove();
      root.replaceChildren();
    },
  };

  const download = async (scale: 1 | 2 | 'svg') => {
    const blob = scale === 'svg' ? await embed.toSvg() : await embed.toPng(scale);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    const name = (spec.title ?? layouts[0]?.id ?? 'quyu')
      .replace(/[\\/:*?"<>|\s\u202a-\u202e\u2066-\u2069]+/g, '-')
      .replace(/\p{Cc}+/gu, '-')
      .slice(0, 80);
    a.download = scale === 'svg' ? `${name}.svg` : `${name}${scale === 2 ? '@2x' : ''}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  png1.addEventListener('click', () => void download(1));
  png2.addEventListener('click', () => void download(2));
  svgButton.addEventListener('click', () => void download('svg'));

  const report = () => postHeight(root, embedId);
  const heightObserver = new ResizeObserver(report);
  heightObserver.observe(root);
  details.addEventListener('toggle', report);
  report();
  return embed;
}
