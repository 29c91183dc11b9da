/**
 * baseStyle themes: `?theme=light|dark|print`, `?lang=zh|en`, `?center=lng,lat&zoom=z` for a closer view.
 */

import { loadAtlas } from 'quyu';
import nationalAtlasUrl from 'quyu/data/china-10m.json?url';
import { baseStyle, type ThemeName, themes } from 'quyu/maplibre';
import { CHINA_BOUNDS, maplibregl, params, signalFailure, signalIdle } from './lib/map.ts';

const themeParam = params.get('theme') ?? 'light';
const theme: ThemeName = themeParam in themes ? (themeParam as ThemeName) : 'light';
const center = params.get('center')?.split(',').map(Number) as [number, number] | undefined;

try {
  const atlas = await loadAtlas({ url: params.get('atlas') ?? nationalAtlasUrl });
  const map = new maplibregl.Map({
    container: 'map',
    style: baseStyle({ atlas, theme, lang: params.get('lang') === 'en' ? 'en' : 'zh' }),
    ...(center ? { center, zoom: Number(params.get('zoom') ?? 6) } : { bounds: CHINA_BOUNDS }),
    fitBoundsOptions: { padding: 8 },
    fadeDuration: 0,
    attributionControl: false,
  });
  signalIdle(map);
} catch (error) {
  signalFailure(error);
}
