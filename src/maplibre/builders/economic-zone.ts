/**
 * `economicZoneLayers`: economic regions, circles, belts and platforms (经济区, 一核一带, 五区, 合作平台) as
 * member areas merged on the topology, one colour each, partly included units hatched.
 */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { EconomicZone, EconomicZoneCategory } from '../../layouts/schema.ts';
import { areaFeatures, areaLayerSpecs, colourProps, labelFeature } from '../support/areas.ts';
import {
  type BuilderOptions,
  boundsOf,
  collection,
  geojsonSource,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
  resolveOptions,
} from '../support/layer-set.ts';
import { patternImage } from '../support/patterns.ts';
import { outlineColor, statusLegend } from '../support/style-helpers.ts';
import { itemName, t } from '../support/text.ts';

/** Economic-zone categories in words. */
export const ECONOMIC_ZONE_CATEGORY_TEXT: Record<EconomicZoneCategory, { zh: string; en: string }> = {
  'economic-region': { zh: '经济区', en: 'Economic region' },
  'economic-circle': { zh: '经济圈', en: 'Economic circle' },
  'development-belt': { zh: '发展带', en: 'Development belt' },
  platform: { zh: '合作平台', en: 'Platform' },
  'industry-cluster': { zh: '产业集群', en: 'Industry cluster' },
  programme: { zh: '专项工程', en: 'Programme' },
  enclave: { zh: '飞地', en: 'Enclave' },
  'industry-transfer': { zh: '产业转移', en: 'Industry transfer' },
  other: { zh: '其他', en: 'Other' },
};

/** Options of {@link economicZoneLayers}. */
export interface EconomicZoneOptions extends BuilderOptions {
  /** Colour of the zone at `index` (default: the theme palette in order). */
  getColor?: (item: EconomicZone, index: number) => string;
  /** Fill opacity. Default 0.3. */
  fillOpacity?: number;
}

/**
 * Sources and layers for economic zones: each zone's members merged into one area in its own colour with
 * its name, partial members hatched with a note, weak statuses dashed and lighter. Zones that name no
 * members are listed under "not drawn".
 *
 * @example
 * ```ts
 * const fiveRegions = sichuan.items.filter((i) => i.type === 'economic-zone' && i.id.startsWith('sc-5r-'));
 * const set = economicZoneLayers(fiveRegions, { atlas });
 * ```
 */
export function economicZoneLayers(items: EconomicZone[], options: EconomicZoneOptions): LayerSet {
  const { atlas, theme, lang, prefix } = resolveOptions(options);
  const id = (name: string) => `${prefix}zone-${name}`;
  const polygons: Feature<Polygon | MultiPolygon, OverlayProperties>[] = [];
  const labels: Feature<Point, OverlayProperties>[] = [];
  const images: LayerSet['images'] = {};
  const entries: LegendEntry[] = [];
  const notDrawn: LegendEntry[] = [];
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
            ? { excludes: item.excludes.map((m) => m.name ?? m.code).join(lang === 'zh' ? '、' : ', ') }
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
      note: ECONOMIC_ZONE_CATEGORY_TEXT[item.category][lang],
    });
  });
  const partial = polygons.some((f) => f.properties.part === 'partial');
  const fc = collection(polygons);
  const legend: LayerSet['legend'] = [{ key: 'zones', title: t('economicZones', lang), entries }];
  if (partial) {
    legend.push({
      key: 'key',
      title: '',
      entries: [
        {
          label: t('partial', lang),
          swatch: { kind: 'fill', color: theme.overlayText, opacity: 0, pattern: 'hatch', dash: [1, 1.6] },
        },
      ],
    });
  }
  legend.push(statusLegend(theme, lang));
  if (notDrawn.length) legend.push({ key: 'not-drawn', title: t('notDrawnTitle', lang), entries: notDrawn });
  return {
    sources: { [id('areas')]: geojsonSource(fc), [id('labels')]: geojsonSource(collection(labels)) },
    layers: areaLayerSpecs(id, theme, { dashes, patterns: partial, fillOpacity: options.fillOpacity ?? 0.3 }),
    images,
    legend,
    items: Object.fromEntries(items.map((i) => [i.id, i])),
    bounds: boundsOf(fc),
  };
}
