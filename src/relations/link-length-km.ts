import turfDistance from '@turf/distance';
import type { Atlas } from '../atlas/index.ts';
import { fail } from '../errors/index.ts';
import type { Corridor, TransferLink } from '../layouts/schema.ts';
import { optionsOf, placeLngLat } from './internal/input.ts';

/** Options of {@link linkLengthKm}. */
export interface LinkLengthOptions {
  /**
   * A node given by a county code without a seat in the atlas (no `loadAtlas({ seats })`) throws
   * `no-seat` by default. With `approximate: true` the seat of its prefecture (the nearest unit above it
   * with a seat) stands in.
   */
  approximate?: boolean;
}

/**
 * The great-circle length in km of a link (`from` → `to`) or of a corridor (the sum over its consecutive
 * nodes). A node given by a point uses that point; a node given by a code uses the unit's seat
 * (人民政府驻地, `atlas.seat`, sources in data/seats.json), which needs the atlas. A corridor needs two
 * nodes. Give nodes a sourced `point` for real distances between stations.
 *
 * @example
 * ```ts
 * const link = guangdong.items.find((i): i is TransferLink => i.type === 'link')!;
 * linkLengthKm(link, atlas);     // 湛江 → 茂名 (gd-zm-integration), between the two seats
 * linkLengthKm(corridor, atlas); // sum of its legs
 * linkLengthKm(corridor, atlas, { approximate: true }); // county nodes at their prefecture's seat
 * ```
 */
export function linkLengthKm(
  link: TransferLink | Corridor,
  atlas?: Atlas,
  options: LinkLengthOptions = {},
): number {
  options = optionsOf(options);
  const approx = !!options.approximate;
  const type = (link as { type?: unknown } | null)?.type;
  if (type === 'link') {
    const l = link as TransferLink;
    const a = placeLngLat(l.from, 'link.from', atlas, approx);
    const b = placeLngLat(l.to, 'link.to', atlas, approx);
    return turfDistance(a, b, { units: 'kilometers' });
  }
  if (type === 'corridor') {
    const c = link as Corridor;
    if (c.nodes.length < 2) {
      fail({
        code: 'invalid-input',
        path: 'link.nodes',
        value: c.nodes.length,
        problem: {
          zh: '走廊至少需要两个节点才能计算长度',
          en: 'A corridor needs at least two nodes to have a length',
        },
        fix: { zh: '请补充节点（代码或坐标）', en: 'Add nodes (codes or points)' },
      });
    }
    const pts = c.nodes.map((n, k) => {
      const path = `link.nodes[${k}]`;
      if (n.point) return placeLngLat(n.point, `${path}.point`);
      if (n.code) return placeLngLat(n.code, `${path}.code`, atlas, approx);
      return fail({
        code: 'invalid-input',
        path,
        value: n,
        problem: { zh: '走廊节点既没有代码也没有坐标', en: 'Corridor node has neither a code nor a point' },
        fix: { zh: '请提供 code 或 point', en: 'Give a code or a point' },
      });
    });
    let km = 0;
    for (let k = 1; k < pts.length; k++) km += turfDistance(pts[k - 1]!, pts[k]!, { units: 'kilometers' });
    return km;
  }
  return fail({
    code: 'invalid-input',
    path: 'link.type',
    value: type,
    problem: { zh: '不是连接或走廊', en: 'Not a link or a corridor' },
    fix: {
      zh: "请传入 type 为 'link' 或 'corridor' 的条目",
      en: "Pass an item of type 'link' or 'corridor'",
    },
  });
}
