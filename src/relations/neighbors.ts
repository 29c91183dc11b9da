import type { GeometryObject, Topology } from 'topojson-specification';
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

type Adjacency = { codes: string[]; at: Map<string, number>; lists: number[][] };

const cache = new WeakMap<Atlas, Partial<Record<RegionLevel, Adjacency>>>();

type ArcGeometry = GeometryObject & { arcs?: number[][] | number[][][]; id?: string | number };

/** Units sharing an arc or an arc end point (a junction) are neighbours: the pairs that touch. */
function adjacency(topology: Topology, object: 'prefectures' | 'provinces'): Adjacency {
  const geoms = (topology.objects[object] as { geometries: ArcGeometry[] }).geometries;
  const codes = geoms.map((g) => String(g.id));
  const quantized = !!topology.transform;
  // Arc end points as keys: exact integers for quantized topologies, strings otherwise.
  const key = (x: number, y: number): number | string =>
    quantized && x >= 0 && y >= 0 && x < 2 ** 20 && y < 2 ** 32 ? x * 2 ** 32 + y : `${x},${y}`;
  const endKeys = new Map<number, [number | string, number | string]>();
  const ends = (arcId: number): [number | string, number | string] => {
    let e = endKeys.get(arcId);
    if (e) return e;
    const arc = topology.arcs[arcId]!;
    let x = 0;
    let y = 0;
    if (quantized) {
      for (const p of arc) {
        x += p[0]!;
        y += p[1]!;
      }
    } else [x, y] = arc.at(-1) as [number, number];
    e = [key(arc[0]![0]!, arc[0]![1]!), key(x, y)];
    endKeys.set(arcId, e);
    return e;
  };
  const arcOwners = new Map<number, number[]>();
  const pointOwners = new Map<number | string, number[]>();
  const add = <K>(map: Map<K, number[]>, k: K, g: number) => {
    const list = map.get(k);
    if (!list) map.set(k, [g]);
    else if (list.at(-1) !== g) list.push(g);
  };
  geoms.forEach((g, gi) => {
    const rings: number[][] =
      g.type === 'Polygon'
        ? (g.arcs as number[][])
        : g.type === 'MultiPolygon'
          ? (g.arcs as number[][][]).flat()
          : [];
    for (const ring of rings) {
      for (const a of ring) {
        const id = a < 0 ? ~a : a;
        add(arcOwners, id, gi);
        for (const k of ends(id)) add(pointOwners, k, gi);
      }
    }
  });
  const sets = codes.map(() => new Set<number>());
  for (const owners of [...arcOwners.values(), ...pointOwners.values()]) {
    if (owners.length < 2) continue;
    for (const i of owners) for (const j of owners) if (i !== j) sets[i]!.add(j);
  }
  const lists = sets.map((s) => [...s].sort((a, b) => (codes[a]! < codes[b]! ? -1 : 1)));
  return { codes, at: new Map(codes.map((c, i) => [c, i])), lists };
}

/**
 * The codes of the units that touch `code` (share a border, or at least one point), sorted, from the
 * atlas topology: two units are neighbours when they share an arc or an arc end point. This finds every
 * pair that `@turf/boolean-intersects` finds on the decoded polygons, in well under a millisecond per unit
 * once the adjacency of the atlas level is built (a few milliseconds, cached per atlas).
 *
 * Units of extension topologies (imported counties) have no shared arcs with the atlas and are refused.
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
  let perAtlas = cache.get(a);
  if (!perAtlas) {
    perAtlas = {};
    cache.set(a, perAtlas);
  }
  const of = (level: RegionLevel): Adjacency =>
    (perAtlas[level] ??= adjacency(a.topology, level === 'province' ? 'provinces' : 'prefectures'));
  const wanted: RegionLevel =
    options.level ??
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
