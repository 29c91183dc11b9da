/**
 * Putting a {@link LayerSet} on a map and taking it off again. Fills and lines go below the base map's
 * labels; overlay symbols go on top of everything, so that place names stay readable over coloured areas
 * and overlay labels win label collisions. Among quyu's own layers the stacking class decides (`STACK`):
 * a second layout's areas go under the first one's outlines and lines, never over them.
 */
import type { LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { LayerSet } from '../support/layer-set.ts';
import { STACK, sortByStack, stackRank } from '../support/stack.ts';

/**
 * The id of the first symbol layer of the map's style that is not in `exclude`, or undefined: the default
 * place for overlay fills and lines, just under the base map's labels.
 *
 * @example
 * ```ts
 * map.addLayer({ id: 'my-fill', type: 'fill', source: 'my-areas' }, firstSymbolLayer(map)); // under the base map's labels
 * ```
 */
export function firstSymbolLayer(map: MapLibreMap, exclude: Set<string> = new Set()): string | undefined {
  return map.getStyle().layers.find((l) => l.type === 'symbol' && !exclude.has(l.id))?.id;
}

/**
 * Adds the images, sources and layers of `set`. Layers go in their stacking class among the overlays
 * already on the map (areas under outlines under lines under points under labels and symbols); non-symbol
 * layers also stay under the base map's labels (its first symbol layer, or `beforeId`), symbol layers on
 * top. Existing ids are replaced.
 *
 * @example
 * ```ts
 * addLayerSet(map, choroplethLayers({ '440100': 1882, '440300': 1779 }, { atlas, scale: 'quantile' }));
 * ```
 */
export function addLayerSet(map: MapLibreMap, set: LayerSet, beforeId?: string): void {
  for (const [id, img] of Object.entries(set.images)) {
    if (map.hasImage(id)) map.removeImage(id);
    map.addImage(
      id,
      { width: img.width, height: img.height, data: img.data },
      { pixelRatio: img.pixelRatio },
    );
  }
  removeLayerSet(map, set);
  for (const [id, source] of Object.entries(set.sources)) map.addSource(id, source);
  for (const layer of sortByStack(set.layers)) map.addLayer(layer, placeBefore(map, layer, beforeId));
}

/** The id of the layer `layer` goes before: the first overlay of a higher class, else the base labels. */
function placeBefore(map: MapLibreMap, layer: LayerSpecification, beforeId?: string): string | undefined {
  const rank = stackRank(layer) ?? STACK.indexOf(layer.type === 'symbol' ? 'symbol' : 'line');
  const symbol = layer.type === 'symbol';
  for (const id of map.getLayersOrder()) {
    const other = map.getLayer(id);
    if (!other) continue;
    const otherRank = stackRank(other);
    if (otherRank !== undefined) {
      if (otherRank > rank) return id;
    } else if (!symbol && (beforeId ? id === beforeId : other.type === 'symbol')) return id;
  }
  return undefined;
}

/**
 * Removes the layers, sources and images of `set` that are on the map.
 *
 * @example
 * ```ts
 * const set = metroCircleLayers(circles, { atlas });
 * addLayerSet(map, set);
 * removeLayerSet(map, set);
 * ```
 */
export function removeLayerSet(map: MapLibreMap, set: LayerSet, images = false): void {
  for (const layer of set.layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
  for (const id of Object.keys(set.sources)) if (map.getSource(id)) map.removeSource(id);
  if (images) for (const id of Object.keys(set.images)) if (map.hasImage(id)) map.removeImage(id);
}

/**
 * A style with `set` already in it, for maps that should draw overlays from their first frame (no second
 * pass after `load`): sources merged, fills and lines before the style's first symbol layer (or `beforeId`),
 * symbols on top. Images are not part of a style: add them with `map.addImage` or on `styleimagemissing`.
 *
 * @example
 * ```ts
 * const set = choroplethLayers(values, { atlas, scale: 'quantile' });
 * new maplibregl.Map({ container: 'map', style: styleWithLayerSet(baseStyle({ atlas }), set) });
 * ```
 */
export function styleWithLayerSet(
  style: StyleSpecification,
  set: LayerSet,
  beforeId?: string,
): StyleSpecification {
  const at = beforeId
    ? style.layers.findIndex((l) => l.id === beforeId)
    : style.layers.findIndex((l) => l.type === 'symbol');
  const cut = at < 0 ? style.layers.length : at;
  return {
    ...style,
    sources: { ...style.sources, ...set.sources },
    layers: [
      ...style.layers.slice(0, cut),
      ...sortByStack(set.layers).filter((l) => l.type !== 'symbol'),
      ...style.layers.slice(cut),
      ...sortByStack(set.layers).filter((l) => l.type === 'symbol'),
    ],
  };
}
