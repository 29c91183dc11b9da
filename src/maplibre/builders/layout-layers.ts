/**
 * `layoutLayers`: a whole layout as one LayerSet, each item type through its builder, stacked by rule
 * (`STACK`: areas under outlines under lines under points under labels and symbols, whichever builder drew
 * them), one legend, and each unit labelled once.
 */

import type {
  CityRole,
  Corridor,
  EconomicZone,
  EcoZone,
  Hub,
  HubLayout,
  Layout,
  LayoutItem,
  MetroCircle,
  TransferLink,
} from '../../layouts/schema.ts';
import { countyFallbackWith } from '../../relations/county-fallback.ts';
import type { BuilderOptions, LayerSet } from '../support/layer-set.ts';
import { mergeLayerSets } from '../support/layer-set.ts';
import { dedupeUnitLabels } from '../support/unit-labels.ts';
import { cityRoleLayers } from './city-role.ts';
import { corridorLayers } from './corridor.ts';
import { countyFallbackLayers, layoutLookup } from './county-fallback.ts';
import { ecoZoneLayers } from './eco-zone.ts';
import { economicZoneLayers } from './economic-zone.ts';
import { type HubOptions, hubLayers } from './hub.ts';
import { hubLayoutLayers } from './hub-layout.ts';
import { type LinkOptions, linkLayers } from './link.ts';
import { type MetroCircleOptions, metroCircleLayers } from './metro-circle.ts';

/** Which items of a layout to draw: ids, or a predicate. */
export type ItemSelection = readonly string[] | ((item: LayoutItem) => boolean);

/** Defaults of {@link LayoutLayersOptions}, read by {@link layoutLayers}. */
export const LAYOUT_LAYERS_DEFAULTS = { counties: 'partial' } as const;

/** Options of {@link layoutLayers}. */
export interface LayoutLayersOptions extends BuilderOptions {
  /** Items to draw (default: all). Hubs named by a selected hub layout are drawn with it. */
  items?: ItemSelection;
  /** See {@link MetroCircleOptions.commutingRing}. */
  commutingRing?: MetroCircleOptions['commutingRing'];
  /** See {@link HubOptions.getTier}. */
  getTier?: HubOptions['getTier'];
  /** See {@link LinkOptions.getValue}. */
  getLinkValue?: LinkOptions['getValue'];
  /**
   * County-level members that have no boundary in the atlas: `'partial'` draws their stand-in unit
   * (prefecture) hatched as partly included; `'seats'` outlines the prefecture and marks each county by its
   * seat point, with the note "县级边界未加载" ({@link countyFallbackLayers}) — for layouts made of counties
   * (Mianyang).
   * @default 'partial'
   */
  counties?: 'partial' | 'seats';
}

/**
 * The items of `layout` that `selection` picks, plus the hubs that selected hub layouts name.
 *
 * @example
 * ```ts
 * selectItems(guangdong, ['gd-hub-1c3p']).length; // the layout and its 13 hubs
 * ```
 */
export function selectItems(layout: Layout, selection?: ItemSelection): LayoutItem[] {
  if (!selection) return layout.items;
  const pick =
    typeof selection === 'function' ? selection : (item: LayoutItem) => selection.includes(item.id);
  const chosen = new Set(layout.items.filter(pick).map((i) => i.id));
  for (const item of layout.items) {
    if (item.type !== 'hub-layout' || !chosen.has(item.id)) continue;
    for (const h of item.hubs ?? []) chosen.add(h);
    for (const p of item.poles) for (const h of p.hubs ?? []) chosen.add(h);
  }
  return layout.items.filter((i) => chosen.has(i.id));
}

/**
 * Sources, layers, images and legend of a whole layout (or the selected items), drawn by the builders of
 * each item type, stacked by rule (areas → outlines → lines → points → labels), one legend, each unit
 * labelled once.
 *
 * @example
 * ```ts
 * const set = layoutLayers(guangdong, { atlas, items: (i) => i.type === 'metro-circle' });
 * set.layers.length > 0; // true
 * ```
 */
export function layoutLayers(layout: Layout, options: LayoutLayersOptions): LayerSet {
  let items = selectItems(layout, options.items);
  let fallback: LayerSet | undefined;
  if ((options.counties ?? LAYOUT_LAYERS_DEFAULTS.counties) === 'seats') {
    const fb = countyFallbackWith({ ...layout, items }, options.atlas, layoutLookup(layout, options.atlas));
    if (!fb.complete) {
      fallback = countyFallbackLayers(
        { ...layout, items },
        { ...options, idPrefix: options.idPrefix, fallback: fb },
      );
      const missing = new Set(fb.withoutGeometry.map((u) => u.code));
      // Areas keep only members with geometry; an area made only of such counties is drawn by its seats.
      items = items.flatMap((item) => {
        if (!('members' in item)) return [item];
        const kept = item.members.filter((m) => !missing.has(m.code));
        if (kept.length === item.members.length) return [item];
        return kept.length ? [{ ...item, members: kept } as LayoutItem] : [];
      });
    }
  }
  const of = <T extends LayoutItem['type']>(type: T) =>
    items.filter((i): i is Extract<LayoutItem, { type: T }> => i.type === type);
  const base: BuilderOptions = {
    atlas: options.atlas,
    theme: options.theme,
    lang: options.lang,
    idPrefix: options.idPrefix,
  };
  const sets: LayerSet[] = [];
  const economic = of('economic-zone') as EconomicZone[];
  const eco = of('eco-zone') as EcoZone[];
  const metro = of('metro-circle') as MetroCircle[];
  const hubLayouts = of('hub-layout') as HubLayout[];
  const hubs = of('hub') as Hub[];
  const corridors = of('corridor') as Corridor[];
  const links = of('link') as TransferLink[];
  const roles = of('city-role') as CityRole[];
  if (economic.length) sets.push(economicZoneLayers(economic, base));
  if (eco.length) sets.push(ecoZoneLayers(eco, base));
  if (metro.length) sets.push(metroCircleLayers(metro, { ...base, commutingRing: options.commutingRing }));
  if (corridors.length) sets.push(corridorLayers(corridors, base));
  if (links.length) sets.push(linkLayers(links, { ...base, getValue: options.getLinkValue }));
  if (roles.length) sets.push(cityRoleLayers(roles, base));
  if (hubLayouts.length) {
    sets.push(hubLayoutLayers(hubLayouts, { ...base, refs: layout.items, hubs: of('hub') as Hub[] }));
  }
  if (hubs.length) {
    sets.push(
      hubLayers(hubs, { ...base, getTier: options.getTier, layouts: hubLayouts, refs: layout.items }),
    );
  }
  if (fallback) sets.push(fallback);
  const set = dedupeUnitLabels(mergeLayerSets(sets), new Set());
  return { ...set, items: Object.fromEntries(selectItems(layout, options.items).map((i) => [i.id, i])) };
}
