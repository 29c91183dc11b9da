/**
 * `ecoZoneLayers`: ecological zones (生态功能区, 生态发展区, 生态廊道, 自然保护区, 国家公园) as pattern fills
 * over their member units, and a marker where a zone has a sourced point. The pattern says the kind, so
 * zones read without colour.
 */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { EcoZone, EcoZoneKind } from '../../layouts/schema.ts';
import { ECO_ZONE_KIND_WORDS } from '../../text/index.ts';
import { areaFeatures, areaLayerSpecs, colourProps, labelFeature } from '../support/areas.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { feature } from '../support/geometry.ts';
import {
  type BuilderOptions,
  collection,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
} from '../support/layer-set.ts';
import { type PatternKind, patternImage, symbolImage } from '../support/patterns.ts';
import { byStatus, outlineColor } from '../support/style-helpers.ts';
import { isWeak, itemName, t } from '../support/text.ts';

/** The pattern of each eco-zone kind. */
export const ECO_PATTERNS: Record<EcoZoneKind, PatternKind> = {
  'ecological-function-zone': 'hatch',
  'ecological-development-area': 'hatch',
  'ecological-corridor': 'horizontal',
  'ecological-programme': 'dots',
  'nature-reserve': 'cross',
  'national-park': 'cross',
};

/** Eco-zone kinds in words (alias of `ECO_ZONE_KIND_WORDS` of quyu's word table). */
export const ECO_KIND_TEXT = ECO_ZONE_KIND_WORDS;

/** Options of {@link ecoZoneLayers}. */
export interface EcoZoneOptions extends BuilderOptions {
  /** Colour of the zone at `index` (default: the theme's eco green for all). */
  getColor?: (item: EcoZone, index: number) => string;
}

/**
 * Sources and layers for ecological zones: a light green fill under a pattern by kind (diagonal hatching
 * for function zones and development areas, cross-hatching for reserves and parks, lines for corridors,
 * dots for programmes), outlines dashed for weak statuses, and a marker at a sourced point. Zone parts of
 * units (a reserve inside a county) hatch the whole unit lightly, with a note: the boundary of the part is
 * not in the atlas.
 *
 * @example
 * ```ts
 * import { guangdong } from 'quyu/layouts/guangdong';
 * const zones = guangdong.items.filter((i): i is EcoZone => i.type === 'eco-zone');
 * const set = ecoZoneLayers(zones, { atlas });
 * set.legend[0]!.entries.map((e) => e.note); // each zone's kind in words, e.g. '生态发展区'
 * ```
 */
export function ecoZoneLayers(items: EcoZone[], options: EcoZoneOptions): LayerSet {
  const ctx = startBuild('eco', options);
  const { atlas, theme, lang, id, images, notDrawn } = ctx;
  const polygons: Feature<Polygon | MultiPolygon, OverlayProperties>[] = [];
  const points: Feature<Point, OverlayProperties>[] = [];
  const entries: LegendEntry[] = [];
  const dashes = new Set<string>();
  items.forEach((item, index) => {
    const color = options.getColor?.(item, index) ?? theme.eco;
    const kind = ECO_PATTERNS[item.kind];
    const patternId = id(`${kind}-${index}`);
    const area = areaFeatures(
      atlas,
      {
        item,
        members: item.members,
        color,
        partialPattern: patternId,
        wholePattern: patternId,
        properties: { ...colourProps(theme, color), kind: item.kind },
      },
      lang,
    );
    polygons.push(...area.polygons);
    for (const f of area.polygons) dashes.add(String(f.properties.dash));
    const point = item.location?.point;
    if (point) {
      const status = item.location?.status ?? item.status;
      points.push(
        feature(
          { type: 'Point', coordinates: [point[0], point[1]] },
          {
            item: item.id,
            itemType: item.type,
            status,
            weak: isWeak(status) || isWeak(item.status),
            label: itemName(item, lang),
            color,
            role: 'marker',
            ...colourProps(theme, color),
          },
        ),
      );
    } else if (area.labelPoint) {
      points.push(
        labelFeature(area.labelPoint, item, itemName(item, lang), color, colourProps(theme, color)),
      );
    }
    if (!area.polygons.length && !point) {
      notDrawn.push({ label: itemName(item, lang), note: t('noMembers', lang) });
      return;
    }
    if (area.polygons.length) {
      images[patternId] ??= patternImage(kind, color, { lineWidth: kind === 'dots' ? 1.3 : 1.1 });
    }
    entries.push({
      label: itemName(item, lang),
      swatch: { kind: 'fill', color, opacity: 0.15, outline: outlineColor(theme, color), pattern: kind },
      note: ECO_ZONE_KIND_WORDS[item.kind][lang],
    });
  });
  const markerIcon = id('marker');
  const layers = areaLayerSpecs(id, theme, {
    dashes,
    patterns: polygons.length > 0,
    fillOpacity: 0.14,
    labels: false,
  });
  const markers = points.some((p) => p.properties.role === 'marker');
  if (markers) images[markerIcon] = symbolImage('triangle', theme.eco, { size: 16, halo: theme.iconHalo });
  layers.push([
    'symbol',
    {
      id: id('label'),
      type: 'symbol',
      source: id('labels'),
      layout: {
        ...(markers
          ? {
              'icon-image': ['case', ['==', ['get', 'role'], 'marker'], markerIcon, ''],
              'icon-allow-overlap': true,
            }
          : {}),
        'text-field': ['get', 'label'],
        'text-font': theme.fontBold,
        'text-size': 14,
        'text-max-width': 8,
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.9,
        'text-optional': true,
      },
      paint: {
        'text-color': ['get', 'textColor'],
        'text-halo-color': theme.overlayHalo,
        'text-halo-width': 1.8,
        'text-opacity': byStatus(1, 0.8),
        'icon-opacity': byStatus(1, 0.6),
      },
    },
  ]);
  return finishBuild(ctx, {
    sources: { areas: collection(polygons), labels: collection(points) },
    layers,
    legend: [{ key: 'eco', title: t('ecoZones', lang), entries }],
    status: { areas: true },
    items,
  });
}
