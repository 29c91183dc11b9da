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
 *
 * With a `focus` the style is scoped to the figure (`scope.ts`): units and their names only in the focus and
 * the ring around it, provinces as coarse context beyond, everything cut at the edge of the context box;
 * land comes from the provinces there. The names of the focus units show at every zoom, as many as fit
 * (larger units first): a figure fitted to its focus names its units at any width.
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
import { geojsonSource } from '../support/layer-set.ts';
import { COUNTRY_LABELS, SEA_LABELS } from '../support/place-labels.ts';
import {
  type Box,
  boxesMeet,
  clipToBox,
  type FigureScope,
  type Focus,
  featuresInBox,
  figureScope,
  geometryBox,
} from './scope.ts';
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
  /**
   * Zoom from which the names of prefecture-level units appear (without a `focus`; with one, the focus
   * units are named at every zoom). Default `4`: a province fitted into a phone's width (zoom 4–5) is named.
   */
  prefectureLabelMinZoom?: number;
  /**
   * What the figure looks at: codes of its units (a province code stands for its units) or a box
   * `[west, south, east, north]`. With a focus the style is scoped: full detail and names in the focus and
   * the ring around it, provinces beyond, nothing outside the context box a view fitted to the focus can show.
   */
  focus?: Focus;
  /**
   * With a `focus`: the box `[west, south, east, north]` (degrees) the figure's first view shows, e.g.
   * `viewBounds(camera, width, height)` from `quyu/embed`. The context then reaches at least a tenth of the
   * view's larger side beyond it, so that a tall or narrow figure shows no edge of the base map (the
   * default context, the focus box grown by its larger side, covers a province fitted to phones and to
   * 700–1,000 px wide figures). Ignored without a focus.
   */
  view?: Box;
  /** Codes whose base-map name is left out, because an overlay names them (see {@link omitBaseLabels}). */
  omitLabels?: readonly string[];
  /**
   * Codes of prefecture-level units the figure's own layers draw whole, fill and outline (a choropleth's
   * areas): left out of the base map's unit source (`prefectures`), so their geometry is not drawn, tiled
   * and held twice. Their names stay. Default: none.
   */
  drawnUnits?: readonly string[];
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

function withoutUnits<G extends Geometry>(fc: FeatureCollection<G>, codes: readonly string[] | undefined) {
  if (!codes?.length) return fc;
  const drawn = new Set(codes);
  return { ...fc, features: fc.features.filter((f) => !drawn.has(String(f.id))) };
}

/**
 * A complete MapLibre style of China's provinces and prefecture-level units, drawn offline from the atlas.
 *
 * @example
 * const atlas = await loadAtlas({ resolution: '10m' });
 * const map = new maplibregl.Map({ container: 'map', style: baseStyle({ atlas, theme: 'light', lang: 'zh' }) });
 */
export function baseStyle(options: BaseStyleOptions): StyleSpecification {
  const { atlas, lang = 'zh', labels = true, prefectureLabelMinZoom = 4, idPrefix = 'quyu-' } = options;
  const theme = typeof options.theme === 'object' ? options.theme : themes[options.theme ?? 'light'];
  const id = (name: string) => `${idPrefix}${name}`;

  const units = atlas.geojson('prefectures');
  const provinces = atlas.geojson('provinces');
  const scope: FigureScope | undefined = options.focus
    ? figureScope(options.focus, units, provinces, options.view)
    : undefined;
  const cut = (fc: FeatureCollection): FeatureCollection => (scope ? clipToBox(fc, scope.context) : fc);
  const sources: Record<string, SourceSpecification> = {
    [id('neighbors')]: geojsonSource(cut(atlas.geojson('neighbors'))),
    // Scoped: the units reaching into the ring, whole (their outlines are drawn: a cut at the ring would
    // draw the ring's edge as a straight border); land from the provinces (coarse context).
    [id('prefectures')]: geojsonSource(
      withoutUnits(scope ? featuresInBox(units, scope.ring) : units, options.drawnUnits),
    ),
    [id('provinces')]: geojsonSource(cut(provinces)),
    [id('nation')]: geojsonSource(cut(atlas.geojson('nation'))),
    [id('scs-islands')]: geojsonSource(cut(atlas.geojson('scsIslands'))),
    [id('ten-dash-line')]: geojsonSource(cut(atlas.geojson('tenDashLine'))),
  };
  const layers: LayerSpecification[] = [
    { id: id('sea'), type: 'background', paint: { 'background-color': theme.sea } },
    // Fills whose edges a line layer draws are not antialiased: MapLibre would draw every edge a second
    // time (its fill-outline pass, with two more shader programs to compile before the first frame).
    {
      id: id('neighbor-fill'),
      type: 'fill',
      source: id('neighbors'),
      paint: { 'fill-color': theme.neighborLand, 'fill-antialias': false },
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
      source: id(scope ? 'provinces' : 'prefectures'),
      // Its edges: the unit and province lines inside, the nation's line along the border and the coast.
      paint: { 'fill-color': theme.land, 'fill-antialias': false },
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
    const inside = (fc: FeatureCollection<Point>, box: Box | undefined, keep?: (code: string) => boolean) =>
      box
        ? {
            ...fc,
            features: fc.features.filter((f) => {
              const [x, y] = f.geometry.coordinates as [number, number];
              return boxesMeet([x, y, x, y], box) && (!keep || keep(String(f.id ?? '')));
            }),
          }
        : fc;
    const focusProvinces = new Set([...(scope?.units ?? [])].map((c) => `${c.slice(0, 2)}0000`));
    sources[id('neighbor-labels')] = geojsonSource(withLabels(inside(COUNTRY_LABELS, scope?.context), lang));
    // Scoped: the provinces around are named; the focus province is named by its units.
    sources[id('province-labels')] = geojsonSource(
      withLabels(
        inside(atlas.labels('provinces'), scope?.context, (c) => !focusProvinces.has(c)),
        lang,
      ),
    );
    const unitLabels = withLabels(inside(atlas.labels('prefectures'), scope?.ring), lang);
    if (scope) {
      // Focus units first, larger units first: where names collide, the figure's own and the large ones stay.
      const geometries = new Map(units.features.map((f) => [String(f.id), f.geometry]));
      for (const f of unitLabels.features) {
        const code = String(f.id);
        f.properties = {
          ...f.properties,
          rank: (scope.units.has(code) ? 0 : 1e6) - boxArea(geometries.get(code)),
        };
      }
    }
    sources[id('prefecture-labels')] = geojsonSource(unitLabels);
    sources[id('sea-labels')] = geojsonSource(withLabels(inside(SEA_LABELS, scope?.context), lang));
    const omit = options.omitLabels?.length ? omitFilter(options.omitLabels) : undefined;
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
        ...(scope ? {} : { minzoom: prefectureLabelMinZoom }),
        // Scoped, a province-level unit of the finest level (香港, 澳门) is named once, in bold, by the
        // province names (which move beside their point where they must), not also here.
        ...(scope
          ? { filter: omit ? ['all', omit, NOT_PROVINCE_LEVEL] : NOT_PROVINCE_LEVEL }
          : omit
            ? { filter: omit }
            : {}),
        metadata: { [BASE_LABELS_KEY]: true, ...(scope ? { [BASE_FILTER_KEY]: NOT_PROVINCE_LEVEL } : {}) },
        layout: {
          'text-field': name,
          'text-font': theme.font,
          'text-size': scope
            ? ['interpolate', ['linear'], ['zoom'], 4, 10, 6, 12, 9, 15]
            : ['interpolate', ['linear'], ['zoom'], Math.max(prefectureLabelMinZoom, 5), 11, 9, 15],
          'text-padding': 2,
          'text-max-width': 6,
          ...(scope
            ? {
                'symbol-sort-key': ['get', 'rank'],
                // A figure names its units: a name that would collide at its point (汕头 between 揭阳 and
                // 潮州) moves beside it rather than disappear.
                'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
                'text-radial-offset': 0.3,
              }
            : {}),
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
        ...(omit ? { filter: omit } : {}),
        metadata: { [BASE_LABELS_KEY]: true },
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
    if (scope) {
      // Scoped: the figure's units are placed before the provinces around (MapLibre places the top layer
      // first), so a neighbour's name never pushes out the name of a unit the figure is about.
      const i = layers.findIndex((l) => l.id === id('prefecture-label'));
      layers.push(...layers.splice(i, 1));
    }
  }

  return {
    version: 8,
    name: `quyu ${theme.name}`,
    metadata: {
      'quyu:theme': theme.name,
      'quyu:lang': lang,
      ...(scope ? { 'quyu:scope': { focus: scope.focus, ring: scope.ring, context: scope.context } } : {}),
    },
    sources,
    layers,
  };
}

/** Metadata key of a name layer's own filter, which {@link omitBaseLabels} keeps. */
const BASE_FILTER_KEY = 'quyu:base-filter';

/** A filter keeping the names of units that are not province-level. */
const NOT_PROVINCE_LEVEL: ExpressionSpecification = ['!=', ['get', 'level'], 'province'];

/** Metadata key of the base map's name layers (units and provinces), which {@link omitBaseLabels} filters. */
export const BASE_LABELS_KEY = 'quyu:base-labels';

function omitFilter(codes: readonly string[]): ExpressionSpecification {
  return ['!', ['in', ['to-string', ['get', 'code']], ['literal', [...codes]]]];
}

/** The map calls that {@link omitBaseLabels} needs (a MapLibre `Map` has them). */
export interface LabelledMap {
  getStyle(): { layers?: { id: string; metadata?: unknown }[] } | undefined;
  getLayer(id: string): unknown;
  setFilter(id: string, filter: ExpressionSpecification | null): unknown;
}

/**
 * Leaves out the base map's names of these units (an overlay names them: 绵阳 once, at its seat, not also
 * at the polygon's label point). Each call replaces the list; an empty list shows every name again.
 *
 * @example
 * ```ts
 * omitBaseLabels(map, ['510700']); // the overlay's 绵阳 is the only one
 * ```
 */
export function omitBaseLabels(map: LabelledMap, codes: readonly string[]): void {
  for (const layer of map.getStyle()?.layers ?? []) {
    const meta = layer.metadata as Record<string, unknown> | undefined;
    if (meta?.[BASE_LABELS_KEY] !== true || !map.getLayer(layer.id)) continue;
    const own = meta[BASE_FILTER_KEY] as ExpressionSpecification | undefined;
    const omit = codes.length ? omitFilter(codes) : undefined;
    map.setFilter(layer.id, own && omit ? ['all', omit, own] : (own ?? omit ?? null));
  }
}

/** Area of the geometry's box in thousandths of a square degree, rounded (a rank, not a measure). */
function boxArea(g: Geometry | null | undefined): number {
  const b = g ? geometryBox(g) : null;
  return b ? Math.round((b[2] - b[0]) * (b[3] - b[1]) * 1000) : 0;
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
