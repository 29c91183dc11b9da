/**
 * Which units of the atlas touch: quyu's one rule for neighbours, read by `Atlas.neighbors` and by
 * `neighbors`. Two units are neighbours when they share an arc or an arc end point (a junction) of the
 * topology — the pairs `@turf/boolean-intersects` finds on the decoded polygons, including units that meet
 * at a single point.
 */
import type { GeometryObject, Topology } from 'topojson-specification';

/** The adjacency of one object of a topology: codes, their index, and each unit's neighbours (sorted). */
export interface Adjacency {
  codes: string[];
  at: Map<string, number>;
  lists: number[][];
}

type ArcGeometry = GeometryObject & { arcs?: number[][] | number[][][]; id?: string | number };

const cache = new WeakMap<Topology, Partial<Record<string, Adjacency>>>();

/**
 * The adjacency of `object` (`prefectures` or `provinces`) of `topology`, built once per topology and
 * object (a few milliseconds) and cached.
 *
 * @example
 * ```ts
 * const adj = unitAdjacency(atlas.topology, 'prefectures');
 * adj.lists[adj.at.get('440600')!]!.map((i) => adj.codes[i]).includes('440100'); // true: 佛山 touches 广州
 * ```
 */
export function unitAdjacency(topology: Topology, object: string): Adjacency {
  let perTopology = cache.get(topology);
  if (!perTopology) {
    perTopology = {};
    cache.set(topology, perTopology);
  }
  perTopology[object] ??= build(topology, object);
  return perTopology[object]!;
}

/**
 * The codes of the units of `object` that touch `code`, sorted; undefined when `code` is not in `object`.
 *
 * @example
 * ```ts
 * touchingUnits(atlas.topology, 'provinces', '440000')?.includes('450000'); // true: 广东 touches 广西
 * ```
 */
export function touchingUnits(topology: Topology, object: string, code: string): string[] | undefined {
  const adj = unitAdjacency(topology, object);
  const i = adj.at.get(code);
  return i === undefined ? undefined : adj.lists[i]!.map((j) => adj.codes[j]!);
}

function build(topology: Topology, object: string): Adjacency {
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
