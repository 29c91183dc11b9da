/**
 * The embed runtime: turns a validated map spec into an accessible figure — title, map, legend, source
 * line, text description, export buttons — and tells a parent page its height.
 *
 * Everything from the spec is untrusted: text goes in with `textContent` only, links only as validated
 * http(s) URLs, and no inline script or style is created (styles come from `embed.css`), so the page works
 * under a strict Content-Security-Policy.
 */
import type * as MapLibre from 'maplibre-gl';
import type { Atlas } from '../atlas/atlas.ts';
import { loadAtlas } from '../atlas/load.ts';
import type { Layout } from '../layouts/schema.ts';
import { choroplethLayers } from '../maplibre/builders/choropleth.ts';
import { addLayerSet, styleWithLayerSet } from '../maplibre/map/add-layer-set.ts';
import { addLayout, joinLegend, type LayoutHandle } from '../maplibre/map/add-layout.ts';
import { SouthChinaSeaInset } from '../maplibre/map/inset.ts';
import { baseStyle } from '../maplibre/style/base-style.ts';
import { labelled, uiWord } from '../text/index.ts';
import { describeLayout } from './describe.ts';
import { exportPng } from './export.ts';
import { exportSvg } from './export-svg.ts';
import { type FirstPaint, paintFirst, regionProvince } from './first-paint.ts';
import { resolveLayouts } from './layouts.ts';
import { type MapSpec, resolveChoroplethValues } from './spec.ts';

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
  /**
   * URL of a province's region file (`data/regions/<code>.json`): a figure focused on one province loads it
   * instead of `atlasUrl` (Guangdong: 53 KB instead of 182 KB gzipped). Default: none (always `atlasUrl`).
   */
  regionUrl?: (province: string) => string | undefined;
  /** Draw the static first frame before MapLibre (`first-paint.ts`). Default `true`. */
  firstPaint?: boolean;
  /** Id sent with height messages, so a host page with several embeds can tell them apart. */
  embedId?: string;
}

/** A rendered embed. */
export interface Embed {
  map: MapLibre.Map;
  atlas: Atlas;
  layouts: Layout[];
  handles: LayoutHandle[];
  spec: MapSpec;
  /** The generated text description. */
  description: string;
  /** Resolves on the map's first `idle`. */
  idle: Promise<void>;
  /** PNG of the whole figure (title, map, legend, inset, source line) at 1x or 2x. */
  toPng(scale?: 1 | 2): Promise<Blob>;
  /** The same figure as a static SVG, for print. */
  toSvg(): Promise<Blob>;
  remove(): void;
}

const NATIONAL: [[number, number], [number, number]] = [
  [73.4, 17.5],
  [135.1, 53.6],
];

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

function boundsOfCodes(atlas: Atlas, codes: string[]): [[number, number], [number, number]] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const code of codes) visit(atlas.feature(code).geometry.coordinates);
  return [
    [w, s],
    [e, n],
  ];
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

  const header = el('header', 'quyu-header');
  if (spec.title) header.append(el('h2', 'quyu-title', spec.title));
  if (spec.subtitle) header.append(el('p', 'quyu-subtitle', spec.subtitle));
  const mapBox = el('div', 'quyu-map');
  // CSSOM, not a style attribute: allowed under a strict style-src.
  mapBox.style.height = `${spec.height}px`;
  const footer = el('footer', 'quyu-footer');
  const sourceLine = el('p', 'quyu-source');
  if (spec.source) {
    sourceLine.append(labelled(uiWord('source', lang), lang));
    if (spec.sourceUrl) {
      const a = el('a', 'quyu-source-link', spec.source);
      a.href = spec.sourceUrl; // validated http(s) by the spec schema
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      sourceLine.append(a);
    } else sourceLine.append(spec.source);
    sourceLine.append(' · ');
  }
  sourceLine.append(uiWord('review', lang));
  const details = el('details', 'quyu-description');
  const summary = el('summary', 'quyu-description-title', uiWord('description', lang));
  const descText = el('p', 'quyu-description-text');
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
  root.append(header, mapBox, footer);

  // A figure of one province loads that province's region file; the national file when it draws more.
  const focusCodes = typeof spec.focus === 'object' && 'codes' in spec.focus ? spec.focus.codes : [];
  const province = regionProvince(focusCodes);
  const region = province ? deps.regionUrl?.(province) : undefined;
  // County names load only when a choropleth key may need them (a name, not a code).
  const counties =
    spec.layers.some((l) => Object.keys(l.values).some((k) => !/^\d{6}$/.test(k))) || spec.layouts.length > 0;
  const national = () => loadAtlas(deps.atlasUrl ? { url: deps.atlasUrl, counties } : { counties });
  const loaded = await Promise.all([region ? loadAtlas({ url: region }) : national(), resolveLayouts(spec)]);
  const layouts = loaded[1];
  let atlas = loaded[0];
  if (region) {
    const drawn = [
      ...layouts.flatMap((l) => JSON.stringify(l.items).match(/"\d{6}"/g) ?? []).map((c) => c.slice(1, -1)),
      ...spec.layers.flatMap((l) => Object.keys(l.values).filter((k) => /^\d{6}$/.test(k))),
    ];
    if (!drawn.every((c) => atlas.has(c) || !/^[1-8]\d{5}$/.test(c))) atlas = await national();
  }

  const types = spec.show?.types;
  const ids = spec.show?.ids;
  const description = layouts
    .map((l) => describeLayout(l, lang, { types, ids }))
    .join(lang === 'zh' ? '' : ' ');
  descText.textContent = description;
  mapBox.setAttribute('role', 'region');
  mapBox.setAttribute('aria-label', `${spec.title ?? uiWord('mapLabel', lang)}. ${uiWord('keys', lang)}`);

  const nationalView =
    spec.focus === 'national' || (!spec.focus && layouts.some((l) => l.region === 'China'));
  const bounds =
    spec.focus === 'national'
      ? NATIONAL
      : spec.focus && 'codes' in spec.focus
        ? boundsOfCodes(atlas, spec.focus.codes)
        : spec.focus && 'bounds' in spec.focus
          ? ([
              [spec.focus.bounds[0], spec.focus.bounds[1]],
              [spec.focus.bounds[2], spec.focus.bounds[3]],
            ] as [[number, number], [number, number]])
          : NATIONAL;
  // A figure with a focus gets a base map scoped to it (its units named at every width).
  const focus =
    spec.focus && spec.focus !== 'national'
      ? 'codes' in spec.focus
        ? { codes: spec.focus.codes }
        : { bounds: spec.focus.bounds as [number, number, number, number] }
      : undefined;
  const quyuStyle =
    spec.basemap === 'quyu' ? baseStyle({ atlas, theme: spec.theme, lang, focus }) : undefined;
  const style = spec.basemap === 'quyu' ? quyuStyle! : spec.basemap.style;
  const crs = spec.basemap === 'quyu' ? 'wgs84' : spec.basemap.crs;
  const choropleths = spec.layers.map((layer, i) => {
    // Keys may be names or codes: the gazetteer resolves them; what did not match is said in the legend.
    const resolved = resolveChoroplethValues(layer.values);
    const set = choroplethLayers(resolved.values, {
      atlas,
      theme: spec.theme,
      lang,
      scale: layer.scale,
      classes: layer.classes,
      thresholds: layer.thresholds,
      title: layer.label,
      name: `choropleth-${i}`,
    });
    if (resolved.note) {
      set.legend.push({
        key: `choropleth-${i}-unmatched`,
        title: lang === 'zh' ? '未匹配的行' : 'Rows not matched',
        entries: [{ label: resolved.note[lang] }],
      });
    }
    return set;
  });
  // Paint first: the static frame of the style and the choropleths, before maplibre-gl has loaded.
  let first: FirstPaint | undefined;
  if (quyuStyle && deps.firstPaint !== false && spec.focus && !spec.layouts.length) {
    const withOverlays = choropleths.reduce((st, set) => styleWithLayerSet(st, set), quyuStyle);
    first = paintFirst(mapBox, withOverlays, {
      bounds: [bounds[0][0], bounds[0][1], bounds[1][0], bounds[1][1]],
      label: spec.title ?? uiWord('mapLabel', lang),
    });
  }
  const maplibregl = await (typeof deps.maplibregl === 'function' ? deps.maplibregl() : deps.maplibregl);
  const map = new maplibregl.Map({
    container: mapBox,
    style,
    ...(first ? first.camera : { bounds, fitBoundsOptions: { padding: 20 } }),
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    fadeDuration: 0,
  });
  map.getCanvas().setAttribute('aria-label', spec.title ?? uiWord('mapLabel', lang));
  first?.handOver(map);
  const idle = new Promise<void>((resolve, reject) => {
    map.once('idle', () => resolve());
    map.once('error', (e: MapLibre.ErrorEvent) => reject(e.error));
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');

  const handles = layouts.map((layout, i) =>
    addLayout(map, layout, {
      atlas,
      theme: spec.theme,
      lang,
      crs,
      items:
        types || ids
          ? (item) => (!types || types.includes(item.type)) && (!ids || ids.includes(item.id))
          : undefined,
      legend: spec.legend ? 'top-left' : false,
      // One legend for the figure: every layout joins it under the figure's title.
      title: spec.title,
      subtitle: i === 0 ? spec.subtitle : undefined,
      inset: false,
    }),
  );
  choropleths.forEach((set) => {
    const add = () => addLayerSet(map, set);
    if (map.isStyleLoaded()) add();
    else map.once('load', add);
    // One legend for the figure: the choropleth's classes join the layouts' legend.
    if (spec.legend) joinLegend(map, set.legend, { theme: spec.theme, lang });
  });
  let inset: SouthChinaSeaInset | undefined;
  if (spec.inset ?? nationalView) {
    inset = new SouthChinaSeaInset({ atlas, theme: spec.theme, lang });
    map.addControl(inset, 'bottom-right');
  }
  if (!spec.focus && !nationalView) handles[0]?.fitBounds({ animate: false });

  const embed: Embed = {
    map,
    atlas,
    layouts,
    handles,
    spec,
    description,
    idle,
    toPng: (scale = 1) => exportPng({ map, root, spec, handles, atlas, inset: Boolean(inset), scale }),
    toSvg: () => exportSvg({ map, spec, handles, atlas, inset: Boolean(inset) }),
    remove() {
      for (const h of handles) h.remove();
      map.remove();
      root.replaceChildren();
    },
  };

  const download = async (scale: 1 | 2 | 'svg') => {
    const blob = scale === 'svg' ? await embed.toSvg() : await embed.toPng(scale);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    const name = (spec.title ?? layouts[0]?.id ?? 'quyu').replace(/[\\/:*?"<>|\s]+/g, '-');
    a.download = scale === 'svg' ? `${name}.svg` : `${name}${scale === 2 ? '@2x' : ''}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  png1.addEventListener('click', () => void download(1));
  png2.addEventListener('click', () => void download(2));
  svgButton.addEventListener('click', () => void download('svg'));

  const report = () => postHeight(root, embedId);
  new ResizeObserver(report).observe(root);
  details.addEventListener('toggle', report);
  report();
  return embed;
}
