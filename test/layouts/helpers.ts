/** Shared helpers of the layout tests. */
import type { Layout, LayoutItem, Member } from '../../src/layouts/schema.ts';

/** Every member-like list of an item, with its path, e.g. `members`, `variants[0].members`, `centre.members`. */
export function memberLists(item: LayoutItem): [string, readonly Member[]][] {
  const out: [string, readonly Member[]][] = [];
  if ('members' in item) out.push(['members', item.members]);
  if ('variants' in item && item.variants) {
    item.variants.forEach((v, k) => {
      if (v.members) out.push([`variants[${k}].members`, v.members]);
    });
  }
  if (item.type === 'economic-zone' && item.excludes) out.push(['excludes', item.excludes]);
  if (item.type === 'hub-layout') out.push(['centre.members', item.centre.members]);
  return out;
}

/** Every code a layout refers to, with its path. */
export function allCodes(layout: Layout): [string, string][] {
  const out: [string, string][] = [];
  layout.items.forEach((item, i) => {
    const at = `items[${i}]`;
    for (const [p, list] of memberLists(item)) {
      list.forEach((m, k) => {
        out.push([`${at}.${p}[${k}].code`, m.code]);
      });
    }
    if (item.type === 'metro-circle' && item.core) out.push([`${at}.core`, item.core]);
    if (item.type === 'hub-layout') {
      item.poles.forEach((p, k) => {
        out.push([`${at}.poles[${k}].code`, p.code]);
      });
    }
    if (item.type === 'link') out.push([`${at}.from`, item.from], [`${at}.to`, item.to]);
    if (item.type === 'corridor')
      item.nodes.forEach((n, k) => {
        if (n.code) out.push([`${at}.nodes[${k}].code`, n.code]);
      });
    if ((item.type === 'hub' || item.type === 'eco-zone') && item.location?.unit)
      out.push([`${at}.location.unit`, item.location.unit]);
  });
  return out;
}

/** Counts pinned per built-in layout. */
export function summarize(layout: Layout) {
  const byType: Record<string, number> = {};
  for (const item of layout.items) byType[item.type] = (byType[item.type] ?? 0) + 1;
  let members = 0;
  for (const item of layout.items) for (const [, list] of memberLists(item)) members += list.length;
  const hubs = layout.items.filter((i) => i.type === 'hub');
  return {
    items: layout.items.length,
    members,
    hubs: hubs.length,
    hubsWithPoint: hubs.filter((h) => h.type === 'hub' && h.location.point).length,
    links: byType.link ?? 0,
    sources: layout.sources?.length ?? 0,
    byType,
  };
}
