/**
 * Overlay coordinate systems. quyu's data is WGS-84; basemaps of Amap (高德) and Tencent use GCJ-02, whose
 * offset of a few hundred metres would put every overlay beside its place. `crs: 'gcj02'` converts the
 * overlays (never the basemap) with gcoord.
 */

import gcoord from 'gcoord';
import type { FeatureCollection } from 'geojson';
import { type OverlayCrs, overlayCrs } from '../../crs/index.ts';
import { fail } from '../../errors/index.ts';
import type { LayerSet } from '../support/layer-set.ts';

export type { OverlayCrs };

/**
 * A copy of `set` with every source's coordinates converted from WGS-84 to `crs` (the same set for
 * `'wgs84'`).
 *
 * @example
 * ```ts
 * const forAmap = convertLayerSet(metroCircleLayers(circles, { atlas }), 'gcj02');
 * ```
 */
export function convertLayerSet(set: LayerSet, crs: OverlayCrs): LayerSet {
  if (toOverlayCrs(crs) === 'wgs84') return set;
  const sources: LayerSet['sources'] = {};
  for (const [id, source] of Object.entries(set.sources)) {
    const data = source.data;
    if (typeof data !== 'object' || data === null) {
      sources[id] = source;
      continue;
    }
    const copy = structuredClone(data) as FeatureCollection;
    sources[id] = {
      ...source,
      data: gcoord.transform(copy as never, gcoord.WGS84, gcoord.GCJ02) as unknown as FeatureCollection,
    };
  }
  let bounds = set.bounds;
  if (bounds) {
    const [w, s] = gcoord.transform([bounds[0], bounds[1]], gcoord.WGS84, gcoord.GCJ02);
    const [e, n] = gcoord.transform([bounds[2], bounds[3]], gcoord.WGS84, gcoord.GCJ02);
    bounds = [w!, s!, e!, n!];
  }
  return { ...set, sources, bounds };
}

/**
 * One `[lng, lat]` from WGS-84 to `crs`.
 *
 * @example
 * ```ts
 * toCrs([113.3, 23.1], 'gcj02'); // ≈ [113.3054, 23.0973]
 * ```
 */
export function toCrs(point: [number, number], crs: OverlayCrs): [number, number] {
  if (toOverlayCrs(crs) === 'wgs84') return point;
  const [x, y] = gcoord.transform(point, gcoord.WGS84, gcoord.GCJ02);
  return [x!, y!];
}

/** The overlay system `crs` names (any spelling of `src/crs`); throws a bilingual error for any other. */
function toOverlayCrs(crs: string): OverlayCrs {
  const c = typeof crs === 'string' ? overlayCrs(crs) : undefined;
  if (c) return c;
  return fail({
    code: 'invalid-input',
    path: 'crs',
    value: crs,
    problem: { zh: '无法把图层转换到该坐标系', en: 'Overlays cannot be converted to this coordinate system' },
    fix: { zh: "请使用 'wgs84' 或 'gcj02'", en: "Use 'wgs84' or 'gcj02'" },
  });
}
