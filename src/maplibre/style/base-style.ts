/**
 * `baseStyle`: a complete, offline MapLibre style drawn from quyu's atlas — no tile server, no token,
 * no glyph server. Labels are rasterised locally from the browser's fonts (MapLibre ≥ 5.11 draws every
 * glyph locally when a style has no `glyphs` key; `text-font` names act as CSS font families).
 *
 * Draw order, bottom to top:
 * ```
 *  sea (background) ─ neighbours ─ land (prefectures) ─ prefecture borders ─ province borders
 *  ─ national border (casing + line) ─ South China Sea islands ─ ten-dash line ─ labels
 * ```
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { shortName } from '../support/label-text.ts';
import { COUNTRY_LABELS, SEA_LABELS } from '../support/place-labels.ts';
import { type Theme, type ThemeName, themes } from './themes.ts';

/**
 * The part of a loaded atlas that `baseStyle` reads: decoded GeoJSON per TopoJSON object, and label
 * points of the units. quyu's `loadAtlas()` result satisfies it; so does any object with these two methods.
 */
export interface BaseAtlas {
  /** Features of one atlas object. */
  geojson(
    object: 'prefectures' | 'provinces' | 'nation' | 'scsIslands' | 'tenDashLine' | 'neighbors',
  ): FeatureCollection;
  /** One label point (inside the polygon) per unit, with the unit's properties (`name`, `nameEn`, `level`, ...). */
  labels(object: 'provinces' | 'prefectures'): FeatureCollection<Point>;
}

/** Options of {@link baseStyle}. */
export interface BaseStyleOptions {
  /** The loaded atlas (e.g. the national-view `china-10m` file). */
  atlas: BaseAtlas;
  /** A built-in theme name or a theme object. Default `'light'`. */
  theme?: ThemeName | Theme;
  /** Label language: Chinese names (`'zh'`, default) or English names (`'en'`, falling back to Chinese). */
  lang?: 'zh' | 'en';
  /** Draw labels at all. Default `true`. */
  labels?: boolean;
  /** Zoom from which prefecture labels appear. Default `5`. */
  prefectureLabelMinZoom?: number;
  /** Prefix of every source and layer id. Default `'quyu-'`. */
  idPrefix?: string;
}

/** Ids of the sources `baseStyle` creates, without the prefix. */
export const BASE_SOURCES = [
  'neighbors',
  'prefectures',
  'provinces',
  'nation',
  'scs-islands',
  'ten-dash-line',
  'neighbor-labels',
  'province-labels',
  'prefecture-labels',
  'sea-labels',
] as const;

/**
 * A complete MapLibre style of China's provinces and prefecture-level units, drawn offline from the atlas.
 *
 * @example
 * const atlas = await loadAtlas({ resolution: '10m' });
 * const map = new maplibregl.Map({ container: 'map', style: baseStyle({ atlas, theme: 'light', lang: 'zh' }) });
 */
export function baseStyle(options: BaseStyleOptions): StyleSpecification {
  const { atlas, lang = 'zh', labels = true, prefectureLabelMinZoom = 5, idPrefix = 'quyu-' } = options;
  const theme = typeof options.theme === 'object' ? options.theme : themes[options.theme ?? 'light'];
  const id = (name: string) => `${idPrefix}${name}`;

  const sources: Record<string, SourceSpecification> = {
    [id('neighbors')]: geojsonSource(atlas.geojson('neighbors')),
    [id('prefectures')]: geojsonSource(atlas.geojson('prefectures')),
    [id('provinces')]: geojsonSource(atlas.geojson('provinces')),
    [id('nation')]: geojsonSource(atlas.geojson('nation')),
    [id('scs-islands')]: geojsonSource(atlas.geojson('scsIslands')),
    [id('ten-dash-line')]: geojsonSource(atlas.geojson('tenDashLine')),
  };
  const layers: LayerSpecification[] = [
    { id: id('sea'), type: 'background', paint: { 'background-color': theme.sea } },
    {
      id: id('neighbor-fill'),
      type: 'fill',
      source: id('neighbors'),
      paint: { 'fill-color': theme.neighborLand },
    },
    {
      id: id('neighbor-line'),
      type: 'line',
      source: id('neighbors'),
      paint: { 'line-color': theme.neighborLine, 'line-width': zoomWidth(0.5, 1.2) },
    },
    {
      id: id('land'),
      type: 'fill',
      source: id('prefectures'),
      paint: { 'fill-color': theme.land },
    },
    {
      id: id('prefecture-line'),
      type: 'line',
      source: id('prefectures'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.prefectureLine, 'line-width': zoomWidth(0.35, 1) },
    },
    {
      id: id('province-line'),
      type: 'line',
      source: id('provinces'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.provinceLine,
        'line-width': zoomWidth(0.9, 2),
        ...(theme.provinceDash ? { 'line-dasharray': theme.provinceDash } : {}),
      },
    },
    {
      id: id('nation-casing'),
      type: 'line',
      source: id('nation'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.nationCasing, 'line-width': zoomWidth(3, 6) },
    },
    {
      id: id('nation-line'),
      type: 'line',
      source: id('nation'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.nationLine, 'line-width': zoomWidth(1, 2.2) },
    },
    {
      id: id('scs-islands-fill'),
      type: 'fill',
      source: id('scs-islands'),
      paint: { 'fill-color': theme.land, 'fill-outline-color': theme.nationLine },
    },
    {
      id: id('ten-dash-line-fill'),
      type: 'fill',
      source: id('ten-dash-line'),
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': theme.tenDashLine },
    },
    {
      id: id('ten-dash-line'),
      type: 'line',
      source: id('ten-dash-line'),
      paint: { 'line-color': theme.tenDashLine, 'line-width': zoomWidth(1.2, 2.5) },
    },
  ];

  if (labels) {
    const name: ExpressionSpecification = ['get', 'label'];
    sources[id('neighbor-labels')] = geojsonSource(withLabels(COUNTRY_LABELS, lang));
    sources[id('province-labels')] = geojsonSource(withLabels(atlas.labels('provinces'), lang));
    sources[id('prefecture-labels')] = geojsonSource(withLabels(atlas.labels('prefectures'), lang));
    sources[id('sea-labels')] = geojsonSource(withLabels(SEA_LABELS, lang));
    layers.push(
      {
        id: id('sea-label'),
        type: 'symbol',
        source: id('sea-labels'),
        layout: {
          'text-field': name,
          'text-font': theme.font,
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 15],
          'text-letter-spacing': lang === 'zh' ? 0.4 : 0.1,
        },
        paint: { 'text-color': theme.seaText, 'text-halo-color': theme.sea, 'text-halo-width': 1 },
      },
      {
        id: id('neighbor-label'),
        type: 'symbol',
        source: id('neighbor-labels'),
        layout: {
          'text-field': name,
          'text-font': theme.font,
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 10, 7, 14],
          'text-padding': 4,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: { 'text-color': theme.neighborText, 'text-halo-color': theme.textHalo, 'text-halo-width': 1 },
      },
      {
        id: id('prefecture-label'),
        type: 'symbol',
        source: id('prefecture-labels'),
        minzoom: prefectureLabelMinZoom,
        layout: {
          'text-field': name,
          'text-font': theme.font,
          'text-size': ['interpolate', ['linear'], ['zoom'], prefectureLabelMinZoom, 11, 9, 15],
          'text-padding': 2,
          'text-max-width': 6,
        },
        paint: {
          'text-color': theme.prefectureText,
          'text-halo-color': theme.textHalo,
          'text-halo-width': 1.2,
        },
      },
      {
        id: id('province-label'),
        type: 'symbol',
        source: id('province-labels'),
        layout: {
          'text-field': name,
          'text-font': theme.fontBold,
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 12, 6, 16, 9, 20],
          'text-padding': 2,
          // Small units (天津, 上海, 香港, 澳门) move their label beside the point rather than lose it.
          'text-variable-anchor': ['center', 'left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.4,
          'text-max-width': 8,
        },
        paint: {
          'text-color': theme.provinceText,
          'text-halo-color': theme.textHalo,
          'text-halo-width': 1.5,
        },
      },
    );
  }

  return {
    version: 8,
    name: `quyu ${theme.name}`,
    metadata: { 'quyu:theme': theme.name, 'quyu:lang': lang },
    sources,
    layers,
  };
}

function geojsonSource(data: FeatureCollection): SourceSpecification {
  return { type: 'geojson', data, tolerance: 0.25 };
}

function zoomWidth(atZoom3: number, atZoom8: number): DataDrivenPropertyValueSpecification<number> {
  return ['interpolate', ['exponential', 1.4], ['zoom'], 3, atZoom3, 8, atZoom8];
}

/** Copies label points with a `label` property: the short Chinese name, or the English name. */
function withLabels<G extends Geometry>(fc: FeatureCollection<G>, lang: 'zh' | 'en'): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature<G> => {
      const p = f.properties ?? {};
      const zh = typeof p.name === 'string' ? shortName(p.name, String(p.level ?? '')) : '';
      const en = typeof p.nameEn === 'string' && p.nameEn !== '' ? p.nameEn : zh;
      return { ...f, properties: { ...p, label: lang === 'en' ? en : zh } };
    }),
  };
}
