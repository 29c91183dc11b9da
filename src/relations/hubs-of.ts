import { fail } from '../errors/index.ts';
import type { Hub, Layout, LayoutItem } from '../layouts/schema.ts';

/**
 * The hub items of a layout, or only those an item refers to (its `hubs`, and for a hub layout also its
 * poles' hubs), in the order they are referenced. Feed the result to {@link nearestHub}, {@link withinReach}
 * or {@link coverage}. Unknown hub ids throw a {@link QuyuError}.
 *
 * @example
 * ```ts
 * import { sichuan } from 'quyu/layouts/sichuan';
 * const cy = sichuan.items.find((i) => i.id === 'sc-cy');
 * hubsOf(sichuan, cy).map((h) => h.id); // the three airports of 成渝
 * hubsOf(sichuan).length;              // every hub of the layout
 * ```
 */
export function hubsOf(layout: Layout | readonly LayoutItem[], item?: LayoutItem | string): Hub[] {
  const items: readonly LayoutItem[] = Array.isArray(layout) ? layout : (layout as Layout).items;
  const hubs = items.filter((i): i is Hub => i.type === 'hub');
  if (item === undefined) return hubs;
  const it = typeof item === 'string' ? items.find((i) => i.id === item) : item;
  if (!it) {
    return fail({
      code: 'invalid-input',
      path: 'item',
      value: item,
      problem: { zh: '布局中没有这个条目', en: 'The layout has no such item' },
      fix: { zh: '请使用布局中某个条目的 id', en: 'Use the id of an item of the layout' },
    });
  }
  const ids = [...(it.hubs ?? [])];
  if (it.type === 'hub-layout') for (const p of it.poles) ids.push(...(p.hubs ?? []));
  if (it.type === 'hub') ids.push(it.id);
  const byId = new Map(hubs.map((h) => [h.id, h]));
  const out: Hub[] = [];
  const seen = new Set<string>();
  ids.forEach((id, k) => {
    if (seen.has(id)) return;
    seen.add(id);
    const h = byId.get(id);
    if (!h) {
      fail({
        code: 'invalid-input',
        path: `item.hubs[${k}]`,
        value: id,
        problem: { zh: '引用了不存在的枢纽', en: 'Reference to a hub that does not exist' },
        fix: {
          zh: '请使用本布局中某个 type 为 "hub" 的条目的 id',
          en: 'Use the id of an item of type "hub" in this layout',
        },
      });
    }
    out.push(h!);
  });
  return out;
}
