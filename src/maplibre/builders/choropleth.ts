/**
 * `choroplethLayers`: values by division code, classed by one of four rules — equal counts (quantile),
 * equal intervals (quantize), natural breaks (Ckmeans, simple-statistics) or given thresholds — and coloured
 * from a ColorBrewer scheme or the theme ramp. Each unit's class colour is computed here once and carried
 * on its feature, so the map, its legend and the PNG/SVG exports cannot disagree. Units without a value
 * (missing, `null`, `NaN`) are drawn and counted as "no data", never dropped.
 *
 * ```
 *  values ─▶ finite values ─▶ breaks (quantile · quantize · ckmeans · threshold) ─▶ class of each unit ─▶ colour
 *         └▶ null / NaN / listed in noData ─────────────────────────────────────────▶ "no data" class
 * ```
 * The layers are stacked as `data`: below every overlay's areas and outlines, by rule.
 */
import { scaleLinear, scaleQuantile, scaleQuantize, scaleThreshold } from 'd3-scale';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { ckmeans } from 'simple-statistics';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { unitName } from '../support/geometry.ts';
import { type BuilderOptions, collection, type LayerSet, type LegendEntry } from '../support/layer-set.ts';
import type { Stack } from '../support/stack.ts';
import { t } from '../support/text.ts';
import { type PaletteId, paletteColors } from './palettes.ts';

/**
 * How values are cut into classes: `quantile` (equal counts), `quantize` (equal intervals), `ckmeans`
 * (natural breaks: Wang & Song's optimal 1-D k-means, as simple-statistics computes it) or `threshold`
 * (the given `thresholds`).
 */
export type ChoroplethScale = 'quantize' | 'quantile' | 'ckmeans' | 'threshold';

/** Defaults of {@link ChoroplethOptions}, read by {@link choroplethLayers}. */
export const CHOROPLETH_DEFAULTS = { classes: 5, opacity: 0.85, name: 'choropleth' } as const;

/** Options of {@link choroplethLayers}. */
export interface ChoroplethOptions extends BuilderOptions {
  /** `quantize`: equal intervals; `quantile`: equal counts; `ckmeans`: natural breaks; `threshold`: the given `thresholds`. */
  scale: ChoroplethScale;
  /**
   * Number of classes for quantize, quantile and ckmeans (2–9). Quantile and ckmeans never make more
   * classes than there are distinct values, so no class is empty.
   * @default 5
   */
  classes?: number;
  /** Class breaks for `threshold` (ascending); n breaks make n + 1 classes. */
  thresholds?: number[];
  /** A ColorBrewer scheme (`Blues`, `YlOrRd`, `RdBu` …: `PALETTE_IDS`). Default: the theme ramp. */
  palette?: PaletteId;
  /** Class colours, light to dark (overrides `palette`; interpolated when their number differs). */
  colors?: string[];
  /** Legend title, e.g. `土地面积（km²）`. */
  title?: string;
  /** Number format of the legend. Default: grouped digits, no decimals from 1,000 up, else up to 2. */
  format?: (value: number) => string;
  /**
   * Fill opacity.
   * @default 0.85
   */
  opacity?: number;
  /**
   * Id of this choropleth (part of the layer ids), so several can share a map.
   * @default 'choropleth'
   */
  name?: string;
  /**
   * Units drawn as "no data" besides those whose value is `null` or `NaN`, e.g. the other units of the
   * province the data covers (codes that also have a value keep it).
   */
  noData?: readonly string[];
}

/** One class of a choropleth: values from `from` (inclusive) to `to` (exclusive; the last is inclusive). */
export interface ChoroplethStop {
  from: number;
  to: number;
  color: string;
  /** Number of units in the class. */
  count: number;
}

/** A choropleth's layer set plus its classes. */
export interface ChoroplethLayerSet extends LayerSet {
  stops: ChoroplethStop[];
  /** Codes drawn as "no data" (no value, `null`, `NaN`, or listed in `noData`), in input order. */
  noData: string[];
  /** The colour of the "no data" class. */
  noDataColor: string;
}

/**
 * Colours for `n` classes from a ramp, interpolated with d3-scale.
 *
 * @example
 * ```ts
 * rampColors(['#f7fbff', '#08306b'], 5); // five colours, light to dark
 * ```
 */
export function rampColors(ramp: string[], n: number): string[] {
  if (n <= 0) return [];
  if (ramp.length === n) return [...ramp];
  if (ramp.length === 1) return Array.from({ length: n }, () => ramp[0]!);
  const at = scaleLinear<string>()
    .domain(ramp.map((_, i) => i / (ramp.length - 1)))
    .range(ramp);
  return Array.from({ length: n }, (_, i) => at(n === 1 ? 0.5 : i / (n - 1)));
}

/**
 * The class breaks of `values` (finite numbers) for a scale: ascending, distinct, each the lower bound of
 * the class above it (MapLibre's `step` rule: class i holds `breaks[i - 1] <= v < breaks[i]`).
 *
 * @example
 * ```ts
 * classBreaks([1, 2, 3, 10, 11, 12], 'ckmeans', 2); // [10]
 * ```
 */
export function classBreaks(
  values: readonly number[],
  scale: ChoroplethScale,
  classes: number = CHOROPLETH_DEFAULTS.classes,
  thresholds: readonly number[] = [],
): number[] {
  const data = values.filter((v) => Number.isFinite(v));
  const n = Math.max(1, Math.min(9, Math.round(classes)));
  if (scale === 'threshold')
    return [...new Set(thresholds.filter((x) => Number.isFinite(x)))].sort((a, b) => a - b);
  if (!data.length) return [];
  const distinct = new Set(data).size;
  if (scale === 'ckmeans') {
    const k = Math.min(n, distinct);
    if (k < 2) return [];
    return ckmeans(data, k)
      .slice(1)
      .map((cluster) => cluster[0]!);
  }
  if (scale === 'quantile') {
    const q = scaleQuantile<number>()
      .domain(data)
      .range(Array.from({ length: Math.min(n, distinct) }, (_, i) => i));
    const lo = Math.min(...data);
    // Repeated values can make two quantiles equal: keep each break once, and none at the minimum.
    return [...new Set(q.quantiles())].filter((b) => b > lo);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === hi) return [];
  return scaleQuantize<number>()
    .domain([lo, hi])
    .range(Array.from({ length: n }, (_, i) => i))
    .thresholds();
}

/**
 * The default legend number format: grouped digits; no decimals from 1,000 up, else up to 2 (3 significant
 * digits below 1).
 *
 * @example
 * ```ts
 * formatValue(134673.16); // '134,673'
 * formatValue(0.01234, 'en'); // '0.0123'
 * ```
 */
export function formatValue(value: number, lang: 'zh' | 'en' = 'zh'): string {
  const abs = Math.abs(value);
  // The same text as `Intl.NumberFormat('zh-CN' | 'en', { maximumFractionDigits, maximumSignificantDigits })`
  // (both locales group by three with ',' and use '.'; ICU rounds the shortest decimal form of the number,
  // half away from zero; test/maplibre/format-value.test.ts compares the two on 20,000 values), without it:
  // the first formatter a page makes loads the locale's data, 13–25 ms on the main thread before a figure's
  // first frame. Out of that range (past 2⁵³, below 1e-90, ±Infinity, NaN), Intl itself.
  if (!(abs < 2 ** 53) || (abs > 0 && abs < 1e-90)) return intlFormat(value, lang);
  const decimal = plainDecimal(abs);
  // Below 1: three significant digits (they take precedence over the fraction digits, as in Intl).
  const fraction = abs > 0 && abs < 1 ? decimal.slice(2).search(/[1-9]/) + 3 : abs >= 1000 ? 0 : 2;
  const text = roundDecimal(decimal, fraction)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',') + (dot < 0 ? '' : text.slice(dot));
  return value < 0 && /[1-9]/.test(grouped) ? `-${grouped}` : grouped;
}

/** The shortest decimal form of a non-negative number below 2⁵³, without an exponent. */
function plainDecimal(abs: number): string {
  const s = String(abs);
  const e = s.indexOf('e');
  if (e < 0) return s;
  // Only numbers below 1e-6 are written with an exponent here.
  return `0.${'0'.repeat(-Number(s.slice(e + 1)) - 1)}${s.slice(0, e).replace('.', '')}`;
}

/** A decimal string rounded to `fraction` digits after the point, half away from zero. */
function roundDecimal(s: string, fraction: number): string {
  const dot = s.indexOf('.');
  if (dot < 0 || s.length - dot - 1 <= fraction) return s;
  const digits = (s.slice(0, dot) + s.slice(dot + 1, dot + 1 + fraction)).split('');
  if (s.charCodeAt(dot + 1 + fraction) >= 53 /* '5' */) {
    let i = digits.length - 1;
    for (; i >= 0 && digits[i] === '9'; i--) digits[i] = '0';
    if (i < 0) digits.unshift('1');
    else digits[i] = String(Number(digits[i]) + 1);
  }
  const whole = digits.length - fraction;
  return fraction ? `${digits.slice(0, whole).join('')}.${digits.slice(whole).join('')}` : digits.join('');
}

function intlFormat(value: number, lang: 'zh' | 'en'): string {
  const small = Math.abs(value) < 1;
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    maximumFractionDigits: small ? 3 : 0,
    ...(small ? { maximumSignificantDigits: 3 } : {}),
  }).format(value);
}

/**
 * Sources and layers that colour units by value. Units with a finite value and a boundary are classed
 * ({@link classBreaks}) and coloured; units whose value is `null` or `NaN`, and the codes in `noData`
 * without a value, are drawn in the theme's "no data" colour and counted in the legend's "no data" entry.
 * Codes without a boundary are listed as not drawn. Each feature carries `value`, `class` and `color`.
 * The areas' edges are drawn by the set's line layer (id ending in `-line`: the theme's `choroplethLine`,
 * 0.8 px), not by antialiasing the fill (one pass fewer): keep that layer, or set `fill-antialias` back to
 * `true` on the fill layer (id ending in `-fill`) if you drop it.
 *
 * @example
 * ```ts
 * const set = choroplethLayers({ '440100': 30355.73, '440300': 34606.4, '440500': NaN }, { atlas, scale: 'ckmeans', classes: 2, palette: 'Blues' });
 * set.stops.map((s) => s.count); // [1, 1]
 * set.noData; // ['440500']
 * ```
 */
export function choroplethLayers(
  values: Record<string, number | null> | Map<string, number | null>,
  options: ChoroplethOptions,
): ChoroplethLayerSet {
  const name = options.name ?? CHOROPLETH_DEFAULTS.name;
  const ctx = startBuild(name, options);
  const { atlas, theme, lang, id, notDrawn } = ctx;
  const opacity = options.opacity ?? CHOROPLETH_DEFAULTS.opacity;
  const entries = values instanceof Map ? [...values] : Object.entries(values);
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const seen = new Set<string>();
  const drawn: [string, number][] = [];
  const noData: string[] = [];
  for (const [code, v] of entries) {
    if (seen.has(code)) continue;
    seen.add(code);
    if (!atlas.has(code)) {
      notDrawn.push({ label: code, note: t('noGeometry', lang) });
      continue;
    }
    if (finite(v)) drawn.push([code, v]);
    else noData.push(code);
  }
  for (const code of options.noData ?? []) {
    if (seen.has(code) || !atlas.has(code)) continue;
    seen.add(code);
    noData.push(code);
  }
  const data = drawn.map(([, v]) => v);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!data.length) lo = hi = 0;

  const breaks = classBreaks(data, options.scale, options.classes, options.thresholds);
  const n = breaks.length + 1;
  const colors =
    options.colors?.length === n
      ? options.colors
      : options.colors?.length
        ? rampColors(options.colors, n)
        : options.palette
          ? paletteColors(options.palette, Math.max(n, 2)).slice(n === 1 ? 1 : 0, n === 1 ? 2 : undefined)
          : rampColors(theme.ramp, n);
  const classOf = scaleThreshold<number, number>()
    .domain(breaks)
    .range(Array.from({ length: n }, (_, i) => i));
  const counts = new Array<number>(n).fill(0);
  for (const v of data) counts[classOf(v)]!++;
  const stops: ChoroplethStop[] = colors.map((color, i) => ({
    from: i === 0 ? Math.min(lo, breaks[0] ?? lo) : breaks[i - 1]!,
    to: i === n - 1 ? Math.max(hi, breaks[n - 2] ?? hi) : breaks[i]!,
    color,
    count: counts[i]!,
  }));

  const feature = (code: string, value: number | null): Feature<Polygon | MultiPolygon> => {
    const klass = value === null ? -1 : classOf(value);
    return {
      type: 'Feature',
      properties: {
        item: name,
        itemType: 'choropleth',
        status: 'verified',
        weak: false,
        code,
        value,
        class: klass,
        color: klass < 0 ? theme.noData : colors[klass]!,
        opacity,
        label: unitName(atlas, code, lang),
      },
      geometry: atlas.feature(code).geometry,
    };
  };
  const features = [
    ...drawn.map(([code, v]) => feature(code, v)),
    ...noData.map((code) => feature(code, null)),
  ];
  const layers: [Stack, LayerSpecification][] = [
    [
      'data',
      {
        id: id('fill'),
        type: 'fill',
        source: id('areas'),
        // The line layer below draws every area's edge: no second, antialiased edge from the fill.
        paint: { 'fill-color': ['get', 'color'], 'fill-opacity': opacity, 'fill-antialias': false },
      },
    ],
    [
      'data',
      {
        id: id('line'),
        type: 'line',
        source: id('areas'),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': theme.choroplethLine, 'line-width': 0.8 },
      },
    ],
  ];
  const format = options.format ?? ((v: number) => formatValue(v, lang));
  const units = (count: number) => `${count} ${t('units', lang)}`;
  const legendEntries: LegendEntry[] = stops.map((s) => ({
    label: s.from === s.to ? format(s.from) : `${format(s.from)} – ${format(s.to)}`,
    swatch: { kind: 'fill', color: s.color, opacity },
    note: units(s.count),
  }));
  // The "no data" class is always listed, so a reader knows what a grey unit means (and that none is missing).
  legendEntries.push({
    label: t('noData', lang),
    swatch: { kind: 'fill', color: theme.noData, opacity, outline: theme.prefectureLine },
    note: units(noData.length),
  });
  const set = finishBuild(ctx, {
    sources: { areas: collection(features) },
    layers,
    legend: [
      { key: `choropleth-${name}`, title: options.title ?? t('choropleth', lang), entries: legendEntries },
    ],
    status: false,
    items: [],
  });
  return { ...set, stops, noData, noDataColor: theme.noData };
}
