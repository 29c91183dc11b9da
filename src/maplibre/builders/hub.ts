/**
 * `hubLayers`: hubs (airports, ports, rail hubs, platforms …) as symbols by kind, sized by tier. A hub whose
 * location has no sourced point is never drawn at an invented place: it is listed in the legend as
 * "位置未核实 / location not verified". Hub layouts (a centre and poles) have their own builder,
 * `hubLayoutLayers`; `hubLayers` still accepts them beside hubs and draws both.
 */
import type { Feature, Point, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Hub, HubKind, HubLayout } from '../../layouts/schema.ts';
import { HUB_KIND_WORDS } from '../../text/index.ts';
import type { Theme } from '../style/themes.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { feature, unitName } from '../support/geometry.ts';
import {
  collection,
  type LayerSet,
  type LegendEntry,
  mergeLayerSets,
  type OverlayProperties,
  type ShapeName,
} from '../support/layer-set.ts';
import { symbolImage } from '../support/patterns.ts';
import type { Stack } from '../support/stack.ts';
import { byStatus } from '../support/style-helpers.ts';
import { isWeak, itemName, t } from '../support/text.ts';
import { type HubLayoutOptions, hubLayoutLayers } from './hub-layout.ts';

/** Importance of a hub: 1 draws largest. */
export type HubTier = 1 | 2 | 3;

/** Symbol shape and colour group of each hub kind: kinds differ by shape, so they read without colour. */
export const HUB_SYMBOLS: Record<HubKind, { shape: ShapeName; group: keyof Theme['hubColors'] }> = {
  airport: { shape: 'plane', group: 'transport' },
  port: { shape: 'square', group: 'transport' },
  'rail-hub': { shape: 'circle', group: 'transport' },
  'logistics-base': { shape: 'cross', group: 'transport' },
  'corridor-node': { shape: 'triangle-down', group: 'transport' },
  platform: { shape: 'diamond', group: 'platform' },
  'free-trade-zone': { shape: 'hexagon', group: 'platform' },
  'high-tech-zone': { shape: 'pentagon', group: 'platform' },
  'new-area': { shape: 'triangle', group: 'platform' },
  'science-city': { shape: 'star', group: 'science' },
  institution: { shape: 'house', group: 'science' },
  other: { shape: 'ring', group: 'platform' },
};

/** Hub kinds in words (alias of `HUB_KIND_WORDS` of quyu's word table). */
export const HUB_KIND_TEXT = HUB_KIND_WORDS;

const TIER_SIZE: Record<HubTier, number> = { 1: 1.15, 2: 0.9, 3: 0.75 };

/** Options of {@link hubLayers}. */
export interface HubOptions extends HubLayoutOptions {
  /**
   * Tier of a hub (1 largest). Default: 1 for hubs a hub layout names (centre or pole hubs), 2 for
   * airports, ports and rail hubs, 3 for the rest.
   */
  getTier?: (hub: Hub, referenced: boolean) => HubTier;
  /**
   * Hub layouts whose hubs count as referenced (tier 1 by default). Default: the hub layouts among the
   * items, else those among `refs`.
   */
  layouts?: readonly HubLayout[];
}

function defaultTier(hub: Hub, referenced: boolean): HubTier {
  if (referenced) return 1;
  return hub.kind === 'airport' || hub.kind === 'port' || hub.kind === 'rail-hub' ? 2 : 3;
}

/**
 * Sources and layers for hubs: every hub with a sourced point as a symbol (shape by kind, size by tier);
 * hubs without a point are listed, not drawn. Hub layouts among `items` are drawn with
 * {@link hubLayoutLayers} and merged in.
 *
 * @example
 * ```ts
 * import { guangdong } from 'quyu/layouts/guangdong';
 * const hubs = guangdong.items.filter((i): i is Hub => i.type === 'hub');
 * const set = hubLayers(hubs, { atlas, getTier: (hub) => (hub.kind === 'airport' ? 1 : 3) });
 * set.legend.find((s) => s.key === 'not-verified')?.entries.map((e) => e.label); // hubs without a sourced point
 * ```
 */
export function hubLayers(items: (HubLayout | Hub)[], options: HubOptions): LayerSet {
  const layouts = items.filter((i): i is HubLayout => i.type === 'hub-layout');
  const hubs = items.filter((i): i is Hub => i.type === 'hub');
  const set = hubSymbols(hubs, {
    ...options,
    layouts:
      options.layouts ??
      (layouts.length
        ? layouts
        : (options.refs ?? []).filter((i): i is HubLayout => i.type === 'hub-layout')),
  });
  if (!layouts.length) return set;
  return mergeLayerSets([hubLayoutLayers(layouts, { ...options, hubs: options.hubs ?? hubs }), set]);
}

/** The hubs alone. */
function hubSymbols(hubs: Hub[], options: HubOptions): LayerSet {
  const ctx = startBuild('hub', options);
  const { atlas, theme, lang, id, images } = ctx;
  const halo = theme.iconHalo;
  const referenced = new Set<string>();
  for (const l of options.layouts ?? []) {
    for (const h of l.hubs ?? []) referenced.add(h);
    for (const p of l.poles) for (const h of p.hubs ?? []) referenced.add(h);
  }
  // Hubs: one image per kind and status class, only for the kinds present.
  const hubFeatures: Feature<Point, OverlayProperties>[] = [];
  const unplaced: LegendEntry[] = [];
  const kindsPresent = new Set<HubKind>();
  for (const hub of hubs) {
    const status = hub.location.status ?? hub.status;
    const weak = isWeak(hub.status) || isWeak(status);
    const point = hub.location.point;
    if (!point) {
      const where =
        hub.location.unit && atlas.has(hub.location.unit) ? unitName(atlas, hub.location.unit, lang) : '';
      unplaced.push({
        label: itemName(hub, lang),
        note: [HUB_KIND_WORDS[hub.kind][lang], where].filter(Boolean).join(' · '),
      });
      continue;
    }
    kindsPresent.add(hub.kind);
    const sym = HUB_SYMBOLS[hub.kind];
    const icon = id(`${hub.kind}${weak ? '-weak' : ''}`);
    if (!images[icon]) {
      images[icon] = symbolImage(sym.shape, theme.hubColors[sym.group], {
        size: 18,
        hollow: weak,
        halo,
      });
    }
    const tier = (options.getTier ?? defaultTier)(hub, referenced.has(hub.id));
    hubFeatures.push(
      feature(
        { type: 'Point', coordinates: [point[0], point[1]] as Position },
        {
          item: hub.id,
          itemType: hub.type,
          status: weak ? (isWeak(hub.status) ? hub.status : status) : hub.status,
          weak,
          label: weak ? `${itemName(hub, lang)} ?` : itemName(hub, lang),
          kind: hub.kind,
          tier,
          size: TIER_SIZE[tier],
          icon,
          textColor: theme.overlayText,
        },
      ),
    );
  }
  // Draw the most important hubs on top and label them first.
  hubFeatures.sort((a, b) => Number(b.properties.tier) - Number(a.properties.tier));

  const layers: [Stack, LayerSpecification][] = [];
  if (hubFeatures.length) {
    layers.push(
      [
        // Text that gives way: placement runs from the top layer down, so hub icons and the poles' and
        // centres' labels (class `symbol`) are placed before hub names (class `label`).
        'label',
        {
          id: id('name'),
          type: 'symbol',
          source: id('hubs'),
          layout: {
            'symbol-sort-key': ['get', 'tier'],
            'text-field': ['get', 'label'],
            'text-font': theme.font,
            'text-size': ['match', ['get', 'tier'], 1, 12, 11],
            'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
            'text-radial-offset': ['*', ['get', 'size'], 0.95],
            'text-max-width': 9,
          },
          paint: {
            'text-color': ['get', 'textColor'],
            'text-halo-color': theme.overlayHalo,
            'text-halo-width': 1.4,
            'text-opacity': byStatus(1, 0.75),
          },
        },
      ],
      [
        'symbol',
        {
          id: id('symbol'),
          type: 'symbol',
          source: id('hubs'),
          layout: {
            'icon-image': ['get', 'icon'],
            'icon-size': ['get', 'size'],
            'icon-allow-overlap': true,
            'symbol-sort-key': ['get', 'tier'],
          },
          paint: { 'icon-opacity': byStatus(1, 0.75) },
        },
      ],
    );
  }
  const entries: LegendEntry[] = [];
  for (const kind of Object.keys(HUB_SYMBOLS) as HubKind[]) {
    if (!kindsPresent.has(kind)) continue;
    const sym = HUB_SYMBOLS[kind];
    entries.push({
      label: HUB_KIND_WORDS[kind][lang],
      swatch: { kind: 'symbol', shape: sym.shape, color: theme.hubColors[sym.group] },
    });
  }
  if (hubFeatures.some((f) => f.properties.weak)) {
    entries.push({
      label: t('statusWeakSymbol', lang),
      swatch: { kind: 'symbol', shape: 'circle', color: theme.hubColors.transport, hollow: true },
    });
  }
  const legend: LayerSet['legend'] = [{ key: 'hubs', title: t('hubs', lang), entries }];
  if (unplaced.length)
    legend.push({ key: 'not-verified', title: t('notVerifiedTitle', lang), entries: unplaced });
  return finishBuild(ctx, {
    sources: hubFeatures.length ? { hubs: collection(hubFeatures) } : {},
    layers,
    legend,
    status: { areas: false, points: true },
    items: hubs,
  });
}
