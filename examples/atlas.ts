/**
 * `npm start`: China's provinces and prefecture-level units from the bundled atlas, drawn offline.
 */

import { loadAtlas } from 'quyu';
import nationalAtlasUrl from 'quyu/data/china-10m.json?url';
import { baseStyle } from 'quyu/maplibre';
import { CHINA_BOUNDS, maplibregl, params, signalFailure, signalIdle } from './lib/map.ts';

try {
  const atlas = await loadAtlas({ url: params.get('atlas') ?? nationalAtlasUrl });
  const map = new maplibregl.Map({
    container: 'map',
    style: baseStyle({ atlas, theme: 'light', lang: params.get('lang') === 'en' ? 'en' : 'zh' }),
    bounds: CHINA_BOUNDS,
    fitBoundsOptions: { padding: 16 },
    fadeDuration: params.has('test') ? 0 : 300,
    attributionControl: { compact: false, customAttribution: 'quyu atlas · 无审图号 (no map review number)' },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  signalIdle(map);
} catch (error) {
  signalFailure(error);
}
