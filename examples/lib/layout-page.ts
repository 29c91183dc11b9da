/**
 * What the layout example pages share: load the atlas, draw the offline base map in the theme and language
 * of the query string (`?theme=light|dark|print&lang=zh|en`), add a layout with `addLayout`, frame it, and
 * signal the first `idle` to the tests.
 */

import type { Layout } from 'quyu';
import { type Atlas, loadAtlas } from 'quyu';
import nationalAtlasUrl from 'quyu/data/china-10m.json?url';
import {
  type AddLayoutOptions,
  addLayout,
  baseStyle,
  type LayoutHandle,
  type ThemeName,
  themes,
} from 'quyu/maplibre';
import { InfoPanel } from './info-panel.ts';
import { maplibregl, params, signalFailure, signalIdle } from './map.ts';

declare global {
  interface Window {
    /** The page's layout handle, for tests of hover, visibility and removal. */
    __quyuLayout?: LayoutHandle;
    /** The page's atlas, for tests that add layouts themselves. */
    __quyuAtlas?: Atlas;
  }
}

/** Theme and language from the query string. */
export function pageTheme(): { theme: ThemeName; lang: 'zh' | 'en' } {
  const t = params.get('theme') ?? 'light';
  return { theme: t in themes ? (t as ThemeName) : 'light', lang: params.get('lang') === 'en' ? 'en' : 'zh' };
}

/** Options of {@link layoutPage}. */
export interface LayoutPageOptions
  extends Omit<AddLayoutOptions, 'atlas' | 'theme' | 'lang' | 'title' | 'subtitle'> {
  layout: Layout;
  /** Legend title in each language (default: the layout's title). */
  title?: { zh: string; en: string };
  subtitle?: { zh: string; en: string };
  /** Fixed view `[[west, south], [east, north]]`; default: the layout's extent. */
  bounds?: [[number, number], [number, number]];
  /** The "sources and notes" panel (default: on, except under `?test`, where goldens are compared). */
  panel?: boolean;
  /**
   * County boundaries: `'local'` loads the extension `npm run build:counties` writes
   * (`/counties/counties-10m.json`) when it exists, and draws county members as county shapes; otherwise
   * (and under `?test`, where goldens are compared) counties fall back to seats. The page says which mode it
   * is in.
   */
  countyExtension?: 'local';
}

/** The county extension built locally by `npm run build:counties`, if there is one. */
async function localCounties(): Promise<object | null> {
  // Only on the dev server (mode `development`): the extension is for the developer's own eyes, never part of
  // a built gallery (`import.meta.env.DEV` is not enough: a build run with NODE_ENV=test has DEV true).
  if (import.meta.env.MODE !== 'development') return null;
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}counties/counties-10m.json`);
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
    return await res.json();
  } catch {
    return null;
  }
}

/** A small note on the map saying how counties are drawn. */
function countyModeNote(map: import('maplibre-gl').Map, loaded: boolean, lang: 'zh' | 'en'): void {
  const el = document.createElement('div');
  el.className = 'quyu-county-mode';
  el.dataset.mode = loaded ? 'counties' : 'seats';
  el.textContent = loaded
    ? lang === 'en'
      ? 'County boundaries: local extension (npm run build:counties), not for publication'
      : '县级边界：本地构建的扩展数据（npm run build:counties），不宜公开发表'
    : lang === 'en'
      ? 'County boundaries not loaded: counties shown by their seats (run npm run build:counties)'
      : '县级边界未加载：以县级政府驻地表示（可运行 npm run build:counties）';
  el.setAttribute('role', 'note');
  el.style.cssText =
    'position:absolute;left:8px;top:8px;z-index:2;padding:4px 8px;font:12px system-ui,sans-serif;background:rgba(255,255,255,.85);border-radius:4px;max-width:60%';
  map.getContainer().appendChild(el);
}

/** A map page that shows one layout (or some of its items). */
export async function layoutPage(
  options: LayoutPageOptions,
): Promise<{ map: import('maplibre-gl').Map; atlas: Atlas; handle: LayoutHandle } | undefined> {
  try {
    const { theme, lang } = pageTheme();
    // `?extension=<url>`: an atlas extension made by `quyu import` (e.g. county boundaries).
    const extensionUrl = params.get('extension');
    const extensions = extensionUrl ? [await (await fetch(extensionUrl)).json()] : [];
    const local =
      options.countyExtension === 'local' && !extensionUrl && !params.has('test')
        ? await localCounties()
        : null;
    if (local) extensions.push(local);
    const atlas = await loadAtlas({ url: params.get('atlas') ?? nationalAtlasUrl, extensions });
    const { layout, bounds, title, subtitle, panel, countyExtension, ...rest } = options;
    if (countyExtension && local) rest.counties = 'partial';
    const map = new maplibregl.Map({
      container: 'map',
      style: baseStyle({ atlas, theme, lang }),
      bounds: bounds ?? [
        [73.4, 17.5],
        [135.1, 53.6],
      ],
      fadeDuration: 0,
      attributionControl: false,
    });
    signalIdle(map);
    const handle = addLayout(map, layout, {
      ...rest,
      atlas,
      theme,
      lang,
      ...(title ? { title: title[lang] } : {}),
      ...(subtitle ? { subtitle: subtitle[lang] } : {}),
    });
    if (!bounds) handle.fitBounds({ animate: false });
    if (panel ?? !params.has('test')) {
      map.addControl(new InfoPanel(layout, Object.values(handle.layerSet.items), lang), 'top-right');
    }
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    if (countyExtension && !params.has('test')) countyModeNote(map, local !== null, lang);
    window.__quyuLayout = handle;
    // Only tests need the atlas later; otherwise it (and its decoded units) can be collected.
    if (params.has('test')) window.__quyuAtlas = atlas;
    return { map, atlas, handle };
  } catch (error) {
    signalFailure(error);
    return undefined;
  }
}
