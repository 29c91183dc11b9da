/**
 * `hubLayers`: hub layouts (一中心三极点: a centre area and pole cities) and hubs (airports, ports, rail
 * hubs, platforms …) as symbols by kind, sized by tier. A hub whose location has no sourced point is never
 * drawn at an invented place: it is listed in the legend as "位置未核实 / location not verified", and in
 * the tooltip of its pole.
 */
import type { Feature, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Hub, HubKind, HubLayout, LayoutItem } from '../../layouts/schema.ts';
import type { Theme } from '../style/themes.ts';
import { areaFeatures, areaLayerSpecs, colourProps, labelFeature } from '../support/areas.ts';
import { arc, drawableCode, feature, unitLabel, unitName, unitPoint } from '../support/geometry.ts';
import { shortName } from '../support/label-text.ts';
import {
  type BuilderOptions,
  boundsOf,
  collection,
  geojsonSource,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
  resolveOptions,
  type ShapeName,
  unionBounds,
} from '../support/layer-set.ts';
import { sizeForRadius, symbolImage } from '../support/patterns.ts';
import { byStatus, isDarkTheme, labelColor, statusLegend } from '../support/style-helpers.ts';
import { isWeak, itemName, t } from '../support/text.ts';

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

/** Hub kinds in words. */
export const HUB_KIND_TEXT: Record<HubKind, { zh: string; en: string }> = {
  airport: { zh: '机场', en: 'Airport' },
  port: { zh: '港口', en: 'Port' },
  'rail-hub': { zh: '铁路枢纽', en: 'Rail hub' },
  'logistics-base': { zh: '物流基地', en: 'Logistics base' },
  'corridor-node': { zh: '通道节点', en: 'Corridor node' },
  platform: { zh: '合作平台', en: 'Platform' },
  'free-trade-zone': { zh: '自贸区', en: 'Free-trade zone' },
  'high-tech-zone': { zh: '高新区', en: 'High-tech zone' },
  'new-area': { zh: '新区', en: 'New area' },
  'science-city': { zh: '科学城', en: 'Science city' },
  institution: { zh: '机构', en: 'Institution' },
  other: { zh: '其他', en: 'Other' },
};

const TIER_SIZE: Record<HubTier, number> = { 1: 1.15, 2: 0.9, 3: 0.75 };

/** Options of {@link hubLayers}. */
export interface HubOptions extends BuilderOptions {
  /**
   * Tier of a hub (1 largest). Default: 1 for hubs a hub layout in `items` names (centre or pole hubs),
   * 2 for airports, ports and rail hubs, 3 for the rest.
   */
  getTier?: (hub: Hub, referenced: boolean) => HubTier;
  /** Draw schematic connections from a hub layout's centre to its poles. Default `true`. */
  connectors?: boolean;
  /** Items a centre may name by `ref` (e.g. the whole layout), for the centre's English name. */
  refs?: readonly LayoutItem[];
}

function defaultTier(hub: Hub, referenced: boolean): HubTier {
  if (referenced) return 1;
  return hub.kind === 'airport' || hub.kind === 'port' || hub.kind === 'rail-hub' ? 2 : 3;
}

/**
 * Sources and layers for hub layouts and hubs: the centre as an emphasised area, each pole city outlined
 * with a ring marker, schematic connections from centre to poles, and every hub with a sourced point as a
 * symbol (shape by kind, size by tier). Hubs without a point are listed, not drawn.
 *
 * @example
 * ```ts
 * const layout = guangdong.items.find((i) => i.id === 'gd-hub-1c3p');
 * const hubs = guangdong.items.filter((i) => i.type === 'hub' && layout.hubs?.includes(i.id));
 * const set = hubLayers([layout, ...hubs], { atlas });
 * set.legend.find((s) => s.key === 'not-verified')?.entries.map((e) => e.label); // ['湛江西站', …]
 * ```
 */
export function hubLayers(items: (HubLayout | Hub)[], options: HubOptions): LayerSet {
  const { atlas, theme, lang, prefix } = resolveOptions(options);
  const id = (name: string) => `${prefix}hub-${name}`;
  const layouts = items.filter((i): i is HubLayout => i.type === 'hub-layout');
  const hubs = items.filter((i): i is Hub => i.type === 'hub');
  const hubById = new Map(hubs.map((h) => [h.id, h]));
  const referenced = new Set<string>();
  for (const l of layouts) {
    for (const h of l.hubs ?? []) referenced.add(h);
    for (const p of l.poles) for (const h of p.hubs ?? []) referenced.add(h);
  }
  const polygons: Feature<Polygon | MultiPolygon, OverlayProperties>[] = [];
  const markers: Feature<Point, OverlayProperties>[] = [];
  const connectors: Feature<LineString, OverlayProperties>[] = [];
  const dashes = new Set<string>();
  const entries: LegendEntry[] = [];
  const accent = theme.accent;
  const images: LayerSet['images'] = {};
  const halo = isDarkTheme(theme) ? theme.land : '#ffffff';
  const poleColor = theme.palette[1 % theme.palette.length]!;

  for (const layout of layouts) {
    const ref = options.refs?.find((i) => i.id === layout.centre.ref);
    const centreName =
      lang === 'en' && ref?.nameEn
        ? ref.nameEn.replace(/\s*\(.*\)$/, '')
        : (layout.centre.name ?? itemName(layout, lang));
    const centreLabel = `${t('centre', lang)} · ${centreName}`;
    const centre = areaFeatures(
      atlas,
      {
        item: layout,
        members: layout.centre.members,
        color: accent,
        partialPattern: id('hatch'),
        properties: { ...colourProps(theme, accent), role: 'centre' },
        label: centreLabel,
      },
      lang,
    );
    polygons.push(...centre.polygons);
    if (centre.labelPoint) {
      markers.push(
        labelFeature(centre.labelPoint, layout, centreLabel, accent, {
          role: 'centre-label',
          ...colourProps(theme, accent),
        }),
      );
    }
    for (const pole of layout.poles) {
      const short = atlas.has(pole.code)
        ? unitLabel(atlas, pole.code, lang)
        : lang === 'zh'
          ? shortName(pole.name ?? pole.code, 'prefecture')
          : (pole.name ?? pole.code);
      const label = `${t('pole', lang)} · ${short}`;
      const area = areaFeatures(
        atlas,
        {
          item: layout,
          members: [{ code: pole.code, name: pole.name, status: pole.status, source: pole.source }],
          color: poleColor,
          partialPattern: id('hatch'),
          properties: { ...colourProps(theme, poleColor), role: 'pole', code: pole.code },
          label,
        },
        lang,
      );
      polygons.push(...area.polygons);
      const unverified = (pole.hubs ?? [])
        .map((h) => hubById.get(h))
        .filter((h): h is Hub => !!h && !h.location.point)
        .map((h) => itemName(h, lang));
      const drawn = drawableCode(atlas, pole.code);
      const polePoint = drawn ? unitPoint(atlas, drawn) : area.labelPoint;
      if (!polePoint) continue;
      markers.push(
        labelFeature(polePoint, layout, label, poleColor, {
          role: 'pole',
          code: pole.code,
          ...colourProps(theme, poleColor),
          ...(unverified.length
            ? {
                note: `${t('notVerified', lang)}${lang === 'zh' ? '：' : ': '}${unverified.join(lang === 'zh' ? '、' : ', ')}`,
              }
            : {}),
        }),
      );
      if (options.connectors !== false && centre.labelPoint) {
        connectors.push(
          feature(
            { type: 'LineString', coordinates: arc(centre.labelPoint, polePoint, 0.12, 24) },
            {
              item: layout.id,
              itemType: layout.type,
              status: layout.status,
              weak: isWeak(layout.status),
              label: '',
              color: accent,
            },
          ),
        );
      }
    }
    for (const f of polygons) dashes.add(String(f.properties.dash));
  }
  if (layouts.length) {
    entries.push(
      {
        label:
          layouts.length === 1
            ? String(
                markers.find((m) => m.properties.role === 'centre-label')?.properties.label ??
                  t('centre', lang),
              )
            : t('centre', lang),
        swatch: { kind: 'fill', color: accent, opacity: 0.3, outline: accent, strong: true },
      },
      { label: t('pole', lang), swatch: { kind: 'ring', color: labelColor(theme, poleColor), radius: 6 } },
    );
    if (connectors.length) {
      entries.push({
        label: t('schematic', lang),
        swatch: { kind: 'line', color: accent, dash: [2, 2], width: 1.5 },
      });
    }
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
        note: [HUB_KIND_TEXT[hub.kind][lang], where].filter(Boolean).join(' · '),
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

  const layers: LayerSpecification[] = [];
  if (polygons.length) {
    layers.push(
      ...areaLayerSpecs(id, theme, {
        dashes,
        patterns: polygons.some((f) => f.properties.pattern),
        labels: false,
        fillOpacity: 0.22,
        outlineWidth: 2,
      }),
    );
  }
  if (connectors.length) {
    layers.push({
      id: id('connector'),
      type: 'line',
      source: id('connectors'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': accent, 'line-width': 1.5, 'line-dasharray': [2, 2], 'line-opacity': 0.8 },
    });
  }
  // Label placement runs from the top layer down: hub icons (always drawn, and blocking), then pole and
  // centre labels, then hub names. So the hierarchy holds: a hub name gives way to a pole's.
  if (hubFeatures.length) {
    layers.push({
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
    });
  }
  if (markers.length) {
    const poleColorText = labelColor(theme, poleColor);
    images[id('pole-ring')] = symbolImage('ring', poleColorText, {
      size: sizeForRadius(10),
      halo,
      ringWidth: 3,
    });
    images[id('pole-dot')] = symbolImage('circle', poleColorText, {
      size: sizeForRadius(3.5, 1),
      halo,
      haloWidth: 1,
    });
    layers.push({
      // Icons take part in label collisions: the base map's label of the pole city gives way.
      id: id('label'),
      type: 'symbol',
      source: id('markers'),
      layout: {
        'icon-image': ['match', ['get', 'role'], 'pole', id('pole-ring'), ''],
        'icon-allow-overlap': true,
        'text-field': ['get', 'label'],
        'text-font': theme.fontBold,
        'text-size': ['match', ['get', 'role'], 'centre-label', 16, 14],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': ['match', ['get', 'role'], 'pole', 1.1, 0],
        'text-max-width': 10,
        'text-optional': true,
      },
      paint: {
        'icon-opacity': byStatus(1, 0.6),
        'text-color': ['get', 'textColor'],
        'text-halo-color': theme.overlayHalo,
        'text-halo-width': 1.8,
      },
    });
    layers.push({
      id: id('pole-dot'),
      type: 'symbol',
      source: id('markers'),
      filter: ['==', ['get', 'role'], 'pole'],
      layout: { 'icon-image': id('pole-dot'), 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    });
  }
  if (hubFeatures.length) {
    layers.push({
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
    });
  }
  for (const kind of Object.keys(HUB_SYMBOLS) as HubKind[]) {
    if (!kindsPresent.has(kind)) continue;
    const sym = HUB_SYMBOLS[kind];
    entries.push({
      label: HUB_KIND_TEXT[kind][lang],
      swatch: { kind: 'symbol', shape: sym.shape, color: theme.hubColors[sym.group] },
    });
  }
  if (hubFeatures.some((f) => f.properties.weak)) {
    entries.push({
      label: t('statusWeakSymbol', lang),
      swatch: { kind: 'symbol', shape: 'circle', color: theme.hubColors.transport, hollow: true },
    });
  }

  const areaFc = collection(polygons);
  const hubFc = collection(hubFeatures);
  const legend: LayerSet['legend'] = [
    { key: 'hubs', title: layouts.length ? t('hubLayout', lang) : t('hubs', lang), entries },
    statusLegend(theme, lang, { areas: layouts.length > 0, points: !layouts.length }),
  ];
  if (unplaced.length)
    legend.push({ key: 'not-verified', title: t('notVerifiedTitle', lang), entries: unplaced });
  const sources: LayerSet['sources'] = {};
  if (polygons.length) sources[id('areas')] = geojsonSource(areaFc);
  if (connectors.length) sources[id('connectors')] = geojsonSource(collection(connectors));
  if (markers.length) sources[id('markers')] = geojsonSource(collection(markers));
  if (hubFeatures.length) sources[id('hubs')] = geojsonSource(hubFc);
  return {
    sources,
    layers,
    images,
    legend,
    items: Object.fromEntries((items as LayoutItem[]).map((i) => [i.id, i])),
    bounds: unionBounds(boundsOf(areaFc), boundsOf(hubFc)),
  };
}
