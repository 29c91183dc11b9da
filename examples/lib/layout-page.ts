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
    const atlas = await loadAtlas({ url: params.get('atlas') ?? nationalAtlasUrl, extensions });
    const { layout, bounds, title, subtitle, panel, ...rest } = options;
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
    window.__quyuLayout = handle;
    // Only tests need the atlas later; otherwise it (and its decoded units) can be collected.
    if (params.has('test')) window.__quyuAtlas = atlas;
    return { map, atlas, handle };
  } catch (error) {
    signalFailure(error);
    return undefined;
  }
}
