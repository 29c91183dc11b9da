/**
 * Labels drawn once: features that name a unit carry `unitLabel: true` and its `code` (a metropolitan
 * circle's core city, the ends of links, the nodes of corridors, the cities of city roles). Where several
 * builders or several layouts on one map name the same unit, the first keeps its text and the others keep
 * only their marker — never "广州 ● 广州".
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSet } from './layer-set.ts';

/**
 * A copy of `set` in which every unit label whose code is in `taken`, or labelled earlier in `set`, has an
 * empty text; the codes it labels are added to `taken`. Sources without a change are shared, not copied.
 *
 * @example
 * ```ts
 * const taken = new Set<string>();
 * const a = dedupeUnitLabels(layoutLayers(guangdong, { atlas }), taken);
 * const b = dedupeUnitLabels(layoutLayers(guangzhouShenzhen, { atlas, idPrefix: 'gs-' }), taken); // 广州 labelled once
 * ```
 */
export function dedupeUnitLabels(set: LayerSet, taken: Set<string>): LayerSet {
  const sources: LayerSet['sources'] = {};
  for (const [id, source] of Object.entries(set.sources)) {
    const data = source.data as FeatureCollection | string | undefined;
    if (!data || typeof data !== 'object' || !('features' in data)) {
      sources[id] = source;
      continue;
    }
    let changed = false;
    const features = data.features.map((f) => {
      const p = f.properties as { unitLabel?: unknown; code?: unknown; label?: unknown } | null;
      if (p?.unitLabel !== true || typeof p.code !== 'string' || !p.label) return f;
      if (taken.has(p.code)) {
        changed = true;
        return { ...f, properties: { ...f.properties, label: '' } };
      }
      taken.add(p.code);
      return f;
    });
    sources[id] = changed ? { ...source, data: { ...data, features } } : source;
  }
  return { ...set, sources };
}
