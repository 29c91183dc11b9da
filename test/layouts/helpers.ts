/** Shared helpers of the layout tests. */
import { loadBuiltinLayout } from '../../src/layouts/builtin-loaders.ts';
import { BUILTIN_LAYOUT_IDS } from '../../src/layouts/builtins.ts';
import type { Layout, LayoutItem, Member, Source, Status } from '../../src/layouts/schema.ts';

/** Every built-in layout, in the order of `data/layouts/` (the list is generated, never typed). */
export const BUILTINS: Layout[] = await Promise.all(BUILTIN_LAYOUT_IDS.map(loadBuiltinLayout));

/** Every member-like list of an item, with its path, e.g. `members`, `variants[0].members`, `centre.members`. */
export function memberLists(item: LayoutItem): [string, readonly Member[]][] {
  return memberListsWithHolder(item).map(([p, list]) => [p, list]);
}

/** A list's holder: whose source and status its members inherit (variant, centre, else the item). */
export interface Holder {
  source?: Source | undefined;
  status?: Status | undefined;
}

/** Like {@link memberLists}, with the holder each list inherits its source and status from. */
export function memberListsWithHolder(item: LayoutItem): [string, readonly Member[], Holder][] {
  const out: [string, readonly Member[], Holder][] = [];
  if ('members' in item) out.push(['members', item.members, item]);
  if ('variants' in item && item.variants) {
    item.variants.forEach((v, k) => {
      if (v.members)
        out.push([
          `variants[${k}].members`,
          v.members,
          { source: v.source ?? item.source, status: v.status ?? item.status },
        ]);
    });
  }
  if (item.type === 'economic-zone' && item.excludes) out.push(['excludes', item.excludes, item]);
  if (item.type === 'hub-layout')
    out.push([
      'centre.members',
      item.centre.members,
      { source: item.centre.source ?? item.source, status: item.centre.status ?? item.status },
    ]);
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
