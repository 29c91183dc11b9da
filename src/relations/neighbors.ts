import { type Adjacency, unitAdjacency } from '../atlas/adjacency.ts';
import type { Atlas } from '../atlas/index.ts';
import { requireCode } from '../codes/index.ts';
import { fail } from '../errors/index.ts';
import { optionsOf, requireAtlas } from './internal/input.ts';
import type { RegionLevel } from './region-index.ts';

/** Options of {@link neighbors}. */
export interface NeighborsOptions {
  /**
   * Which object of the atlas to look in. By default a province code (`xx0000`) is looked up among the
   * provinces and any other code among the finest units; 台湾/香港/澳门 (710000/810000/820000) are in both
   * and default to the finest units (香港's neighbour is then 深圳, with `level: 'province'` it is 广东).
   */
  level?: RegionLevel;
}

/**
 * The codes of the units that touch `code` (share a border, or at least one point), sorted, from the
 * atlas topology: two units are neighbours when they share an arc or an arc end point. This finds every
 * pair that `@turf/boolean-intersects` finds on the decoded polygons, in well under a millisecond per unit
 * once the adjacency of the atlas level is built (a few milliseconds, cached per atlas).
 *
 * Units of extension topologies (imported counties) answer with their neighbours in the same extension
 * (shared arcs of the imported topology).
 *
 * @example
 * ```ts
 * const atlas = await loadAtlas();
 * neighbors('440600', atlas).includes('440100'); // true: 佛山 borders 广州
 * neighbors('810000', atlas);                     // ['440300'] (香港 — 深圳)
 * neighbors('810000', atlas, { level: 'province' }); // ['440000']
 * ```
 */
export function neighbors(code: string, atlas: Atlas, options: NeighborsOptions = {}): string[] {
  options = optionsOf(options);
  const a = requireAtlas(atlas);
  const info = requireCode(code);
  // Imported counties: their neighbours in their extension (shared arcs).
  if (a.isExtensionUnit(code)) return a.neighbors(code);
  const of = (level: RegionLevel): Adjacency =>
    unitAdjacency(a.topology, level === 'province' ? 'provinces' : 'prefectures');
  const wanted: RegionLevel =
    (options.level === 'county' ? 'prefecture' : options.level) ??
    (info.level === 'province' && !of('prefecture').at.has(code) ? 'province' : 'prefecture');
  const adj = of(wanted);
  const i = adj.at.get(code);
  if (i === undefined) {
    if (a.has(code)) {
      return fail({
        code: 'unsupported',
        path: 'code',
        value: code,
        problem: {
          zh:
            wanted === 'province'
              ? '该代码不是省级单位'
              : '该单位不在地图数据的拓扑中（来自扩展数据或属于其他层级）',
          en:
            wanted === 'province'
              ? 'This code is not a province-level unit'
              : 'This unit is not part of the atlas topology (an extension unit or another level)',
        },
        fix: {
          zh: "请使用地图数据中的最细一级单位或省级单位，或指定 level: 'province'",
          en: "Use a finest-level or province-level unit of the atlas, or pass level: 'province'",
        },
      });
    }
    a.feature(code); // throws: known code without a boundary (a county), with the fix
  }
  return adj.lists[i!]!.map((j) => adj.codes[j]!);
}
