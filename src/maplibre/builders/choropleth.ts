/**
 * `choroplethLayers`: values by division code, classed with d3-scale (quantize, quantile or threshold). The
 * fill colour is a MapLibre `step` expression over the same class breaks the legend prints, so the map and
 * its legend cannot disagree.
 */
import { scaleLinear, scaleQuantile, scaleQuantize, scaleThreshold } from 'd3-scale';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { unitName } from '../support/geometry.ts';
import { type BuilderOptions, collection, type LayerSet, type LegendEntry } from '../support/layer-set.ts';
import type { Stack } from '../support/stack.ts';
import { t } from '../support/text.ts';

/** How values are cut into classes. */
export type ChoroplethScale = 'quantize' | 'quantile' | 'threshold';

/** Defaults of {@link ChoroplethOptions}, read by {@link choroplethLayers}. */
export const CHOROPLETH_DEFAULTS = { classes: 5, opacity: 0.85, name: 'choropleth' } as const;

/** Options of {@link choroplethLayers}. */
export interface ChoroplethOptions extends BuilderOptions {
  /** `quantize`: equal intervals; `quantile`: equal counts; `threshold`: the given `thresholds`. */
  scale: ChoroplethScale;
  /**
   * Number of classes for quantize and quantile.
   * @default 5
   */
  classes?: number;
  /** Class breaks for `threshold` (ascending); n breaks make n + 1 classes. */
  thresholds?: number[];
  /** Class colours, light to dark (default: the theme ramp, interpolated to the number of classes). */
  colors?: string[];
  /** Legend title, e.g. `土地面积（km²）`. */
  title?: string;
  /** Number format of the legend. Default: 3 significant digits, grouped. */
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
  const at = scaleLinear<string>()
    .domain(ramp.map((_, i) => i / (ramp.length - 1)))
    .range(ramp);
  return Array.from({ length: n }, (_, i) => at(n === 1 ? 0.5 : i / (n - 1)));
}

/**
 * Sources and layers that colour units by value: units with a value and a boundary are drawn, classed by
 * a d3 scale; the fill is a `step` expression over the class breaks, and `stops` (also in the legend)
 * lists the same breaks with their colours and counts. Codes without a boundary are listed as not drawn.
 *
 * @example
 * ```ts
 * const set = choroplethLayers({ '440100': 7434, '440300': 1997 }, { atlas, scale: 'quantile', classes: 2 });
 * set.stops.map((s) => s.color);
 * ```
 */
export function choroplethLayers(
  values: Record<string, number> | Map<string, number>,
  options: ChoroplethOptions,
): ChoroplethLayerSet {
  const name = options.name ?? CHOROPLETH_DEFAULTS.name;
  const ctx = startBuild(name, options);
  const { atlas, theme, lang, id, notDrawn } = ctx;
  const opacity = options.opacity ?? CHOROPLETH_DEFAULTS.opacity;
  const entries = (values instanceof Map ? [...values] : Object.entries(values)).filter(
    ([, v]) => typeof v === 'number' && Number.isFinite(v),
  );
  const drawn = entries.filter(([code]) => atlas.has(code));
  const missing = entries.filter(([code]) => !atlas.has(code));
  const data = drawn.map(([, v]) => v);
  const lo = data.length ? Math.min(...data) : 0;
  const hi = data.length ? Math.max(...data) : 0;

  let breaks: number[];
  let n: number;
  if (options.scale === 'threshold') {
    breaks = [...(options.thresholds ?? [])].sort((a, b) => a - b);
    n = breaks.length + 1;
  } else if (options.scale === 'quantile') {
    n = options.classes ?? CHOROPLETH_DEFAULTS.classes;
    const q = scaleQuantile<number>()
      .domain(data)
      .range(Array.from({ length: n }, (_, i) => i));
    breaks = q.quantiles();
  } else {
    n = options.classes ?? CHOROPLETH_DEFAULTS.classes;
    const q = scaleQuantize<number>()
      .domain([lo, hi])
      .range(Array.from({ length: n }, (_, i) => i));
    breaks = q.thresholds();
  }
  const colors = options.colors?.length === n ? options.colors : rampColors(options.colors ?? theme.ramp, n);
  // The same rule as MapLibre's `step`: class i holds breaks[i - 1] <= v < breaks[i].
  const classOf = scaleThreshold<number, number>()
    .domain(breaks)
    .range(Array.from({ length: n }, (_, i) => i));
  const stops: ChoroplethStop[] = colors.map((color, i) => ({
    from: i === 0 ? lo : breaks[i - 1]!,
    to: i === n - 1 ? hi : breaks[i]!,
    color,
    count: data.filter((v) => classOf(v) === i).length,
  }));

  const features = drawn.map(([code, value]): Feature<Polygon | MultiPolygon> => {
    const unit = atlas.feature(code);
    return {
      type: 'Feature',
      properties: {
        item: name,
        itemType: 'choropleth',
        status: 'verified',
        weak: false,
        code,
        value,
        label: unitName(atlas, code, lang),
      },
      geometry: unit.geometry,
    };
  });
  const fill: ExpressionSpecification = ['step', ['get', 'value'], colors[0]!];
  breaks.forEach((b, i) => {
    fill.push(b, colors[i + 1]!);
  });
  const layers: [Stack, LayerSpecification][] = [
    [
      'area',
      {
        id: id('fill'),
        type: 'fill',
        source: id('areas'),
        paint: { 'fill-color': fill, 'fill-opacity': opacity },
      },
    ],
    [
      'outline',
      {
        id: id('line'),
        type: 'line',
        source: id('areas'),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': theme.choroplethLine, 'line-width': 0.8 },
      },
    ],
  ];
  const format =
    options.format ??
    ((v: number) =>
      new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumSignificantDigits: 3 }).format(v));
  const legendEntries: LegendEntry[] = stops.map((s) => ({
    label: `${format(s.from)} – ${format(s.to)}`,
    swatch: { kind: 'fill', color: s.color, opacity },
    note: `${s.count} ${t('units', lang)}`,
  }));
  for (const [code] of missing) notDrawn.push({ label: code, note: t('noGeometry', lang) });
  const set = finishBuild(ctx, {
    sources: { areas: collection(features) },
    layers,
    legend: [
      { key: `choropleth-${name}`, title: options.title ?? t('choropleth', lang), entries: legendEntries },
    ],
    status: false,
    items: [],
  });
  return { ...set, stops };
}
