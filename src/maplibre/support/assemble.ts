/**
 * The skeleton every layer builder shares: {@link startBuild} resolves the options once (atlas, theme,
 * language, id prefix) and {@link finishBuild} turns what the builder drew into a {@link LayerSet} — sources
 * named by the prefix, layers in their stacking class, the status key and the "not drawn" list appended
 * to the legend, items and bounds — so each builder holds only what is its own.
 *
 * ```
 *  options ──▶ startBuild(concept) ──▶ BuildContext { atlas, theme, lang, id(), images, notDrawn }
 *                                          │  the builder draws features, layers (each with a Stack) and legend sections
 *                                          ▼
 *                                     finishBuild ──▶ LayerSet
 * ```
 *
 * Stacking ({@link Stack}) is explicit, by rule: data below overlays, areas under outlines under lines under
 * points under symbols, whichever builder or layout drew them. `mergeLayerSets`, `layoutLayers` and
 * `addLayerSet` order layers by it.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { LayoutItem } from '../../layouts/schema.ts';
import type { Lang } from '../../text/index.ts';
import type { Theme } from '../style/themes.ts';
import {
  type BuilderOptions,
  boundsOf,
  geojsonSource,
  type LayerAtlas,
  type LayerSet,
  type LegendEntry,
  type LegendSection,
  resolveOptions,
  unionBounds,
} from './layer-set.ts';
import { type Stack, stacked } from './stack.ts';
import { statusLegend } from './style-helpers.ts';
import { t } from './text.ts';

/** What a builder works with: its resolved options and the parts every builder fills. */
export interface BuildContext {
  atlas: LayerAtlas;
  theme: Theme;
  lang: Lang;
  /** The id of a source, layer or image of this builder: `<prefix><concept>-<name>`. */
  id(name: string): string;
  /** Images the layers reference, by id. */
  images: LayerSet['images'];
  /** Items (or parts of them) that could not be drawn, listed under "not drawn". */
  notDrawn: LegendEntry[];
}

/**
 * The start of every builder: options resolved with their defaults, ids under `concept`.
 *
 * @example
 * ```ts
 * const ctx = startBuild('metro', { atlas });
 * ctx.id('areas'); // 'quyu-metro-areas'
 * ```
 */
export function startBuild(concept: string, options: BuilderOptions): BuildContext {
  const { atlas, theme, lang, prefix } = resolveOptions(options);
  return {
    atlas,
    theme,
    lang,
    id: (name) => `${prefix}${concept}-${name}`,
    images: {},
    notDrawn: [],
  };
}

/** What a builder drew, for {@link finishBuild}. */
export interface BuildParts {
  /** Feature collections by source name (the source id is `ctx.id(name)`). */
  sources: Record<string, FeatureCollection>;
  /** Layers with their stacking class, in drawing order within a class. */
  layers: [Stack, LayerSpecification][];
  /** The builder's own legend sections. */
  legend: LegendSection[];
  /** The status key to append: what the builder draws (areas, lines, points), or false for none. */
  status: { areas?: boolean; lines?: boolean; points?: boolean } | false;
  /** The items drawn or listed. */
  items: readonly LayoutItem[];
  /** Names of the sources whose extent is the set's bounds. Default: every source. */
  bounds?: string[];
}

/**
 * The end of every builder: the {@link LayerSet} of what it drew.
 *
 * @example
 * ```ts
 * import type { FeatureCollection } from 'geojson';
 * import type { LayerSpecification } from 'maplibre-gl';
 * const ctx = startBuild('my-concept', { atlas });
 * const fill: LayerSpecification = { id: ctx.id('fill'), type: 'fill', source: ctx.id('areas') };
 * const areas: FeatureCollection = { type: 'FeatureCollection', features: [] };
 * const set = finishBuild(ctx, { sources: { areas }, layers: [['area', fill]], legend: [], status: { areas: true }, items: [] });
 * set.layers[0].metadata; // { 'quyu:stack': 'area' }
 * ```
 */
export function finishBuild(ctx: BuildContext, parts: BuildParts): LayerSet {
  const sources: LayerSet['sources'] = {};
  for (const [name, fc] of Object.entries(parts.sources)) sources[ctx.id(name)] = geojsonSource(fc);
  let bounds: LayerSet['bounds'] = null;
  for (const name of parts.bounds ?? Object.keys(parts.sources)) {
    const fc = parts.sources[name];
    if (fc) bounds = unionBounds(bounds, boundsOf(fc));
  }
  const legend = [...parts.legend];
  if (parts.status) legend.push(statusLegend(ctx.theme, ctx.lang, parts.status));
  if (ctx.notDrawn.length) {
    legend.push({ key: 'not-drawn', title: t('notDrawnTitle', ctx.lang), entries: ctx.notDrawn });
  }
  return {
    sources,
    layers: parts.layers.map(([stack, layer]) => stacked(stack, layer)),
    images: ctx.images,
    legend,
    items: Object.fromEntries(parts.items.map((i) => [i.id, i])),
    bounds,
  };
}
