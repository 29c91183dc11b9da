/**
 * A choropleth by division code: the land area of Guangdong's prefecture-level units, computed from the
 * atlas' boundaries (so the numbers are the map's own, not an official statistic). `?scale=` picks the
 * classing: quantile (default), quantize or threshold.
 */
import area from '@turf/area';
import { loadAtlas } from 'quyu';
import nationalAtlasUrl from 'quyu/data/china-10m.json?url';
import { addLayerSet, baseStyle, type ChoroplethScale, choroplethLayers, LegendControl } from 'quyu/maplibre';
import { pageTheme } from './lib/layout-page.ts';
import { maplibregl, params, signalFailure, signalIdle } from './lib/map.ts';

try {
  const { theme, lang } = pageTheme();
  const scaleParam = params.get('scale');
  const scale: ChoroplethScale =
    scaleParam === 'quantize' || scaleParam === 'threshold' ? scaleParam : 'quantile';
  const atlas = await loadAtlas({ url: params.get('atlas') ?? nationalAtlasUrl });
  const values: Record<string, number> = {};
  for (const unit of atlas.prefectures({ province: '440000' })) {
    values[unit.id] = Math.round(area(unit) / 1e6);
  }
  const set = choroplethLayers(values, {
    atlas,
    theme,
    lang,
    scale,
    classes: 5,
    thresholds: [2000, 5000, 10000, 15000],
    title: lang === 'zh' ? '面积（km²）' : 'Area (km²)',
  });
  const map = new maplibregl.Map({
    container: 'map',
    style: baseStyle({ atlas, theme, lang }),
    bounds: [
      [108.2, 20.1],
      [117.6, 25.6],
    ],
    fitBoundsOptions: { padding: { left: 200, top: 20, right: 20, bottom: 20 } },
    fadeDuration: 0,
    attributionControl: false,
  });
  signalIdle(map);
  map.addControl(
    new LegendControl({
      title: lang === 'zh' ? '广东各地级市面积' : 'Guangdong: area of prefecture-level units',
      subtitle:
        lang === 'zh'
          ? '由地图边界计算（非官方统计）'
          : 'Computed from the map boundaries (not an official statistic)',
      sections: set.legend,
      theme,
      lang,
    }),
    'top-left',
  );
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.on('load', () => addLayerSet(map, set));
} catch (error) {
  signalFailure(error);
}
