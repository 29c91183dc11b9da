/**
 * Explicit stacking of overlay layers, by rule: data below overlays — a choropleth's units under the overlays'
 * areas under their outlines under lines under points under symbols — whichever builder or layout drew them. Builders tag each layer
 * ({@link stacked}); `mergeLayerSets`, `layoutLayers` and `addLayerSet` order by the tag, never by ids.
 */
import type { LayerSpecification } from 'maplibre-gl';

/**
 * Stacking classes of overlay layers, bottom to top. Every layer a builder returns carries one in
 * `metadata['quyu:stack']`.
 */
export const STACK = ['data', 'area', 'outline', 'line', 'point', 'label', 'symbol', 'headline'] as const;

/**
 * A stacking class: `data` (a choropleth's classed units: the figure's data, under every overlay), `area` fills, `outline`s of areas, `line`s, `point` circles, `label`s (text that gives
 * way: MapLibre places labels from the top layer down), `symbol`s (icons and the labels that win) and
 * `headline`s (the names a figure is about, e.g. a hub layout's poles: placed before any other label).
 */
export type Stack = (typeof STACK)[number];

/** The metadata key of the stacking class. */
export const STACK_KEY = 'quyu:stack';

/**
 * `layer` tagged with its stacking class.
 *
 * @example
 * ```ts
 * stacked('line', { id: 'my-line', type: 'line', source: 'my-lines' }).metadata; // { 'quyu:stack': 'line' }
 * ```
 */
export function stacked<L extends LayerSpecification>(
  stack: Stack,
  layer: L,
): L & { metadata: Record<string, unknown> } {
  const metadata: Record<string, unknown> = { ...(layer.metadata as object | undefined), [STACK_KEY]: stack };
  return { ...layer, metadata };
}

/**
 * The stacking rank of a layer (its index in {@link STACK}), or undefined for a layer quyu did not build.
 */
export function stackRank(layer: { metadata?: unknown }): number | undefined {
  const s = (layer.metadata as Record<string, unknown> | undefined)?.[STACK_KEY];
  const i = STACK.indexOf(s as Stack);
  return i < 0 ? undefined : i;
}

/**
 * Layers in stacking order; within a class, in the order given (a stable sort). Layers without a class
 * keep the rank of a symbol when they are symbols, else of a line.
 *
 * @example
 * ```ts
 * const set = mergeLayerSets([linkLayers([], { atlas }), metroCircleLayers([], { atlas })]);
 * sortByStack(set.layers).map((l) => l.type); // fills first, then lines, then symbols
 * ```
 */
export function sortByStack<L extends LayerSpecification>(layers: readonly L[]): L[] {
  const rank = (l: L) =>
    stackRank(l) ?? (l.type === 'symbol' ? STACK.indexOf('symbol') : STACK.indexOf('line'));
  return layers
    .map((l, i) => [l, i] as const)
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
    .map(([l]) => l);
}
