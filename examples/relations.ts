/**
 * Relations example: click a hub of the Guangdong layout to draw its reach ring (`reachRing`, a geodesic
 * circle) and highlight the prefecture-level units within reach (`withinReach`). `?hub=<id>&km=<n>`
 * selects one at load (used by the browser test).
 */

import { hubsOf, loadAtlas, reachRing, withinReach } from 'quyu';
import nationalAtlasUrl from 'quyu/data/china-10m.json?url';
import { guangdong } from 'quyu/layouts/guangdong';
import { addLayout, baseStyle } from 'quyu/maplibre';
import { maplibregl, params, signalFailure, signalIdle } from './lib/map.ts';

try {
  const atlas = await loadAtlas({ url: nationalAtlasUrl });
  const lang = params.get('lang') === 'en' ? 'en' : 'zh';
  const map = new maplibregl.Map({
    container: 'map',
    style: baseStyle({ atlas, lang }),
    bounds: [
      [109.5, 20.2],
      [117.4, 25.6],
    ],
    fadeDuration: 0,
    attributionControl: false,
  });
  signalIdle(map);
  const hubs = hubsOf(guangdong).filter((h) => h.location.point && ['airport', 'port'].includes(h.kind));
  const handle = addLayout(map, guangdong, {
    atlas,
    lang,
    items: hubs.map((h) => h.id),
    title: lang === 'zh' ? '广东的机场与港口' : "Guangdong's airports and ports",
  });
  const units = atlas.prefectures({ province: '440000' }).map((f) => f.id);
  const kmInput = document.getElementById('km') as HTMLInputElement;
  const kmOut = document.getElementById('km-out')!;
  const result = document.getElementById('result')!;
  let selected = params.get('hub') ?? undefined;
  kmInput.value = params.get('km') ?? kmInput.value;

  const update = () => {
    const km = Number(kmInput.value);
    kmOut.textContent = `${km} km`;
    const hub = hubs.find((h) => h.id === selected);
    const ringSource = map.getSource('reach-ring') as import('maplibre-gl').GeoJSONSource | undefined;
    const unitSource = map.getSource('reach-units') as import('maplibre-gl').GeoJSONSource | undefined;
    if (!hub || !ringSource || !unitSource) return;
    const ring = reachRing(hub, km);
    const reach = withinReach(units, [hub], km, atlas);
    ringSource.setData(ring);
    unitSource.setData({
      type: 'FeatureCollection',
      features: reach.units.map((u) => atlas.feature(u.code)),
    });
    const names = reach.units.map((u) => `${atlas.feature(u.code).properties.name}（${u.km.toFixed(0)} km）`);
    result.textContent =
      lang === 'zh'
        ? `${hub.name} ${km} 公里内的地级单位（${names.length} 个）：${names.join('、')}`
        : `${hub.nameEn ?? hub.name}: ${names.length} units within ${km} km: ${names.join(', ')}`;
  };

  map.on('load', () => {
    map.addSource('reach-units', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addSource('reach-ring', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const before = map.getStyle().layers.find((l) => l.type === 'symbol')?.id;
    map.addLayer(
      {
        id: 'reach-units',
        type: 'fill',
        source: 'reach-units',
        paint: { 'fill-color': '#e69f00', 'fill-opacity': 0.35 },
      },
      before,
    );
    map.addLayer(
      {
        id: 'reach-ring',
        type: 'line',
        source: 'reach-ring',
        paint: { 'line-color': '#d55e00', 'line-width': 2, 'line-dasharray': [2, 1] },
      },
      before,
    );
    update();
  });
  handle.on('click', (e) => {
    if (e.item?.type !== 'hub') return;
    selected = e.item.id;
    update();
  });
  kmInput.addEventListener('input', update);
} catch (error) {
  signalFailure(error);
}
