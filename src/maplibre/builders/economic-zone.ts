/**
 * `economicZoneLayers`: economic regions, circles, belts and platforms (经济区, 一核一带, 五区, 合作平台) as
 * member areas merged on the topology, one colour each, partly included units hatched.
 */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { EconomicZone } from '../../layouts/schema.ts';
import { ECONOMIC_ZONE_CATEGORY_WORDS, listOf } from '../../text/index.ts';
import { areaFeatures, areaLayerSpecs, colourProps, labelFeature } from '../support/areas.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import {
  type BuilderOptions,
  collection,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
} from '../support/layer-set.ts';
import { patternImage } from '../support/patterns.ts';
import { outlineColor, partialKey } from '../support/style-helpers.ts';
import { itemName, t } from '../support/text.ts';

/** Economic-zone categories in words (alias of `ECONOMIC_ZONE_CATEGORY_WORDS` of quyu's word table). */
export const ECONOMIC_ZONE_CATEGORY_TEXT = ECONOMIC_ZONE_CATEGORY_WORDS;

/** Defaults of {@link EconomicZoneOptions}, read by {@link economicZoneLayers}. */
export const ECONOMIC_ZONE_DEFAULTS = { fillOpacity: 0.3 } as const;

/** Options of {@link economicZoneLayers}. */
export interface EconomicZoneOptions extends BuilderOptions {
  /** Colour of the zone at `index` (default: the theme palette in order). */
  getColor?: (item: EconomicZone, index: number) => string;
  /**
   * Fill opacity of whole areas (weak ones get half, partial ones less).
   * @default 0.3
   */
  fillOpacity?: number;
}

/**
 * Sources and layers for economic zones: each zone's members merged into one area in its own colour with
 * its name, partial members hatched with a note, weak statuses dashed and lighter. Zones that name no
 * members are listed under "not drawn".
 *
 * @example
 * ```ts
 * import { sichuan } from 'quyu/layouts/sichuan';
 * const fiveRegions = sichuan.items.filter((i) => i.type === 'economic-zone' && i.id.startsWith('sc-5r-'));
 * const set = economicZoneLayers(fiveRegions as EconomicZone[], { atlas, lang: 'en' });
 * set.legend[0]!.entries.length; // 5: one colour per region, its category as a note
 * ```
 */
export function economicZoneLayers(items: EconomicZone[], options: EconomicZoneOptions): LayerSet {
  const ctx = startBuild('zone', options);
  const { atlas, theme, lang, id, images, notDrawn } = ctx;
  const polygons: Feature<Polygon | MultiPolygon, OverlayProperties>[] = [];
  const labels: Feature<Point, OverlayProperties>[] = [];
  const entries: LegendEntry[] = [];
  const dashes = new Set<string>();
  items.forEach((item, index) => {
    const color = options.getColor?.(item, index) ?? theme.palette[index % theme.palette.length]!;
    const hatch = id(`hatch-${index}`);
    const area = areaFeatures(
      atlas,
      {
        item,
        members: item.members,
        color,
        partialPattern: hatch,
        properties: {
          ...colourProps(theme, color),
          category: item.category,
          ...(item.excludes?.length
            ? {
                excludes: listOf(
                  item.excludes.map((m) => m.name ?? m.code),
                  lang,
                ),
              }
            : {}),
        },
      },
      lang,
    );
    if (!area.polygons.length) {
      notDrawn.push({ label: itemName(item, lang), note: t('noMembers', lang) });
      return;
    }
    polygons.push(...area.polygons);
    for (const f of area.polygons) {
      dashes.add(String(f.properties.dash));
      if (f.properties.part === 'partial') {
        images[hatch] ??= patternImage('hatch', outlineColor(theme, color), { lineWidth: 1.2 });
      }
    }
    if (area.labelPoint) {
      labels.push(
        labelFeature(area.labelPoint, item, itemName(item, lang), color, colourProps(theme, color)),
      );
    }
    entries.push({
      label: itemName(item, lang),
      swatch: { kind: 'fill', color, opacity: 0.35, outline: outlineColor(theme, color) },
      note: ECONOMIC_ZONE_CATEGORY_WORDS[item.category][lang],
    });
  });
  const partial = polygons.some((f) => f.properties.part === 'partial');
  const legend: LayerSet['legend'] = [{ key: 'zones', title: t('economicZones', lang), entries }];
  if (partial) legend.push({ key: 'key', title: '', entries: [partialKey(theme, lang)] });
  return finishBuild(ctx, {
    sources: { areas: collection(polygons), labels: collection(labels) },
    layers: areaLayerSpecs(id, theme, {
      dashes,
      patterns: partial,
      fillOpacity: options.fillOpacity ?? ECONOMIC_ZONE_DEFAULTS.fillOpacity,
    }),
    legend,
    status: { areas: true },
    items,
    bounds: ['areas'],
  });
}
