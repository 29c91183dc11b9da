/**
 * `hubLayoutLayers`: hub layouts (一中心三极点: a centre area and pole cities) as the centre's emphasised
 * area, a ring marker at each pole and schematic connections from the centre to the poles. The hubs a
 * layout names are drawn by `hubLayers`; a pole whose hubs have no sourced point says so in its tooltip.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Hub, HubLayout, LayoutItem } from '../../layouts/schema.ts';
import { labelled, listOf } from '../../text/index.ts';
import { areaFeatures, areaLayerSpecs, colourProps, labelFeature } from '../support/areas.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { arc, drawableCode, feature, unitLabel, unitPoint } from '../support/geometry.ts';
import { shortName } from '../support/label-text.ts';
import {
  type BuilderOptions,
  collection,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
} from '../support/layer-set.ts';
import { sizeForRadius, symbolImage } from '../support/patterns.ts';
import type { Stack } from '../support/stack.ts';
import { byStatus, labelColor } from '../support/style-helpers.ts';
import { isWeak, itemName, t } from '../support/text.ts';

/** Defaults of {@link HubLayoutOptions}, read by {@link hubLayoutLayers}. */
export const HUB_LAYOUT_DEFAULTS = { connectors: true } as const;

/** Options of {@link hubLayoutLayers}. */
export interface HubLayoutOptions extends BuilderOptions {
  /**
   * Draw schematic connections from a hub layout's centre to its poles.
   * @default true
   */
  connectors?: boolean;
  /** Items a centre may name by `ref` (e.g. the whole layout), for the centre's English name. */
  refs?: readonly LayoutItem[];
  /** The hubs the layouts name, so that a pole can list those without a sourced point. */
  hubs?: readonly Hub[];
}

/**
 * Sources and layers for hub layouts: the centre as an emphasised area labelled "中心 · …", each pole city
 * outlined with a ring marker labelled "极点 · …", and schematic connections from centre to poles.
 *
 * @example
 * ```ts
 * import { guangdong } from 'quyu/layouts/guangdong';
 * const layouts = guangdong.items.filter((i): i is HubLayout => i.type === 'hub-layout');
 * const hubs = guangdong.items.filter((i): i is Hub => i.type === 'hub');
 * const set = hubLayoutLayers(layouts, { atlas, hubs, refs: guangdong.items });
 * set.legend[0]!.entries.map((e) => e.label); // the centre's name, '极点', '示意联系'
 * ```
 */
export function hubLayoutLayers(items: HubLayout[], options: HubLayoutOptions): LayerSet {
  const ctx = startBuild('hub-layout', options);
  const { atlas, theme, lang, id, images } = ctx;
  const hubById = new Map((options.hubs ?? []).map((h) => [h.id, h]));
  const connectorsOn = options.connectors ?? HUB_LAYOUT_DEFAULTS.connectors;
  const polygons: Feature<Polygon | MultiPolygon, OverlayProperties>[] = [];
  const markers: Feature<Point, OverlayProperties>[] = [];
  const connectors: Feature<LineString, OverlayProperties>[] = [];
  const dashes = new Set<string>();
  const accent = theme.accent;
  const poleColor = theme.palette[1 % theme.palette.length]!;

  for (const layout of items) {
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
            ? { note: `${labelled(t('notVerified', lang), lang)}${listOf(unverified, lang)}` }
            : {}),
        }),
      );
      if (connectorsOn && centre.labelPoint) {
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
  }
  for (const f of polygons) dashes.add(String(f.properties.dash));

  const entries: LegendEntry[] = [];
  if (items.length) {
    entries.push(
      {
        label:
          items.length === 1
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

  const layers: [Stack, LayerSpecification][] = [];
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
    layers.push([
      'line',
      {
        id: id('connector'),
        type: 'line',
        source: id('connectors'),
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': accent, 'line-width': 1.5, 'line-dasharray': [2, 2], 'line-opacity': 0.8 },
      },
    ]);
  }
  if (markers.length) {
    const poleColorText = labelColor(theme, poleColor);
    images[id('pole-ring')] = symbolImage('ring', poleColorText, {
      size: sizeForRadius(10),
      halo: theme.iconHalo,
      ringWidth: 3,
    });
    images[id('pole-dot')] = symbolImage('circle', poleColorText, {
      size: sizeForRadius(3.5, 1),
      halo: theme.iconHalo,
      haloWidth: 1,
    });
    layers.push(
      [
        'headline',
        {
          // Icons take part in label collisions: the base map's label of the pole city, and any hub's label,
          // give way to a pole's name.
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
        },
      ],
      [
        'symbol',
        {
          id: id('pole-dot'),
          type: 'symbol',
          source: id('markers'),
          filter: ['==', ['get', 'role'], 'pole'],
          layout: { 'icon-image': id('pole-dot'), 'icon-allow-overlap': true, 'icon-ignore-placement': true },
        },
      ],
    );
  }
  const sources: Record<string, FeatureCollection> = {};
  if (polygons.length) sources.areas = collection(polygons);
  if (connectors.length) sources.connectors = collection(connectors);
  if (markers.length) sources.markers = collection(markers);
  return finishBuild(ctx, {
    sources,
    layers,
    legend: [{ key: 'hub-layout', title: t('hubLayout', lang), entries }],
    status: { areas: true },
    items,
    bounds: ['areas'],
  });
}
