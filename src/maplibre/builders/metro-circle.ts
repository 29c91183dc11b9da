/**
 * `metroCircleLayers`: metropolitan circles (都市圈) as member areas merged on the topology, with the core
 * city emphasised, partly included units hatched, and an optional commuting ring.
 */
import circle from '@turf/circle';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { MetroCircle } from '../../layouts/schema.ts';
import { areaFeatures, areaLayerSpecs, colourProps, labelFeature } from '../support/areas.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { feature, unitLabel, unitPoint } from '../support/geometry.ts';
import {
  type BuilderOptions,
  collection,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
} from '../support/layer-set.ts';
import { patternImage, symbolImage } from '../support/patterns.ts';
import { byStatus, outlineColor, partialKey } from '../support/style-helpers.ts';
import { isWeak, itemName, t } from '../support/text.ts';

/** Defaults of {@link MetroCircleOptions}, read by {@link metroCircleLayers}. */
export const METRO_CIRCLE_DEFAULTS = { commutingRing: false } as const;

/** Options of {@link metroCircleLayers}. */
export interface MetroCircleOptions extends BuilderOptions {
  /**
   * Draw a commuting ring around each core city: `true` uses each circle's `commutingRadiusKm` (circles
   * without one get none); a number is the radius in km for circles without their own.
   * @default false
   */
  commutingRing?: boolean | number;
  /** Colour of the circle at `index` (default: the theme palette in order). */
  getColor?: (item: MetroCircle, index: number) => string;
}

/**
 * Sources and layers for metropolitan circles: each circle's members merged into one area in its own
 * colour, the core city darker with a marker, partly included units (a county of a prefecture, a listed
 * part) hatched with a note, weak statuses dashed and lighter.
 *
 * @example
 * ```ts
 * const circles = guangdong.items.filter((i) => i.type === 'metro-circle');
 * const { sources, layers, images } = metroCircleLayers(circles, { atlas, theme: 'light' });
 * ```
 */
export function metroCircleLayers(items: MetroCircle[], options: MetroCircleOptions): LayerSet {
  const ctx = startBuild('metro', options);
  const { atlas, theme, lang, id, images, notDrawn } = ctx;
  const commutingRing = options.commutingRing ?? METRO_CIRCLE_DEFAULTS.commutingRing;
  const polygons: Feature<Polygon | MultiPolygon, OverlayProperties>[] = [];
  const points: Feature<Point, OverlayProperties>[] = [];
  const rings: Feature<Polygon, OverlayProperties>[] = [];
  const circles: LegendEntry[] = [];
  const dashes = new Set<string>();
  let anyPartial = false;
  let anyCore = false;
  let anyCoreOnly = false;

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
        core: item.core,
        properties: colourProps(theme, color),
      },
      lang,
    );
    if (!area.polygons.length) {
      notDrawn.push({ label: itemName(item, lang), note: t(item.scope ? 'notCoded' : 'noMembers', lang) });
      return;
    }
    polygons.push(...area.polygons);
    for (const f of area.polygons) {
      dashes.add(String(f.properties.dash));
      if (f.properties.part === 'partial') {
        anyPartial = true;
        images[hatch] = patternImage('hatch', outlineColor(theme, color), { lineWidth: 1.2 });
      }
    }
    const label = itemName(item, lang);
    const coreOnly = !area.polygons.some((f) => f.properties.part !== 'core');
    if (item.core && atlas.has(item.core)) {
      anyCore = true;
      const coreIcon = id(`core-${index}`);
      images[coreIcon] = symbolImage('circle', outlineColor(theme, color), {
        size: 11,
        halo: theme.iconHalo,
        haloWidth: 2,
      });
      points.push(
        labelFeature(unitPoint(atlas, item.core), item, unitLabel(atlas, item.core, lang), color, {
          role: 'core',
          code: item.core,
          unitLabel: true,
          icon: coreIcon,
          ...colourProps(theme, color),
          ...(coreOnly ? { note: t('membersNotCoded', lang) } : {}),
        }),
      );
    }
    if (area.labelPoint) {
      points.push(
        labelFeature(area.labelPoint, item, label, color, {
          role: 'label',
          coreOnly,
          ...colourProps(theme, color),
        }),
      );
    }
    const radius = item.commutingRadiusKm ?? (typeof commutingRing === 'number' ? commutingRing : undefined);
    if (commutingRing && radius && item.core && atlas.has(item.core)) {
      const ring = circle(unitPoint(atlas, item.core), radius, { steps: 96, units: 'kilometers' });
      rings.push(
        feature(ring.geometry, {
          item: item.id,
          itemType: item.type,
          status: item.status,
          weak: isWeak(item.status),
          label: `${t('commuting', lang)} ${radius} km`,
          color,
          radiusKm: radius,
        }),
      );
    }
    if (coreOnly) anyCoreOnly = true;
    circles.push({
      label: coreOnly ? `${label}*` : label,
      swatch: { kind: 'fill', color, opacity: coreOnly ? 0.55 : 0.35, outline: outlineColor(theme, color) },
    });
  });

  const layers = areaLayerSpecs(id, theme, {
    dashes,
    patterns: anyPartial,
    labels: false,
  });
  if (rings.length) {
    layers.push([
      'line',
      {
        id: id('ring'),
        type: 'line',
        source: id('rings'),
        paint: {
          'line-color': ['get', 'color'],
          'line-width': 1.4,
          'line-dasharray': [1, 2],
          'line-opacity': 0.9,
        },
      },
    ]);
  }
  layers.push(
    [
      'symbol',
      {
        id: id('core'),
        type: 'symbol',
        source: id('labels'),
        filter: ['==', ['get', 'role'], 'core'],
        layout: {
          'icon-image': ['get', 'icon'],
          'icon-allow-overlap': true,
          'text-field': ['get', 'label'],
          'text-font': theme.fontBold,
          'text-size': 13,
          'text-variable-anchor': ['right', 'left', 'top', 'bottom'],
          'text-radial-offset': 0.7,
          'text-optional': true,
        },
        paint: {
          'icon-opacity': byStatus(1, 0.7),
          'text-color': theme.overlayText,
          'text-halo-color': theme.overlayHalo,
          'text-halo-width': 1.6,
        },
      },
    ],
    [
      'symbol',
      {
        id: id('label'),
        type: 'symbol',
        source: id('labels'),
        filter: ['==', ['get', 'role'], 'label'],
        layout: {
          'text-field': ['get', 'label'],
          'text-font': theme.fontBold,
          'text-size': 15,
          'text-max-width': 10,
          'text-padding': 2,
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.9,
        },
        paint: {
          'text-color': ['get', 'textColor'],
          'text-halo-color': theme.overlayHalo,
          'text-halo-width': 1.8,
          'text-opacity': byStatus(1, 0.8),
        },
      },
    ],
  );

  const key: LegendEntry[] = [];
  if (anyCore)
    key.push({
      label: t('core', lang),
      swatch: { kind: 'ring', color: theme.overlayText, filled: true, radius: 4 },
    });
  if (anyPartial) key.push(partialKey(theme, lang));
  if (anyCoreOnly) key.push({ label: `* ${t('membersNotCoded', lang)}` });
  if (rings.length) {
    key.push({
      label: t('commuting', lang),
      swatch: { kind: 'line', color: theme.overlayText, dash: [1, 2] },
    });
  }
  const legend: LayerSet['legend'] = [{ key: 'metro', title: t('metroCircles', lang), entries: circles }];
  if (key.length) legend.push({ key: 'key', title: '', entries: key });
  return finishBuild(ctx, {
    sources: {
      areas: collection(polygons),
      labels: collection(points),
      ...(rings.length ? { rings: collection(rings) } : {}),
    },
    layers,
    legend,
    status: { areas: true },
    items,
    bounds: ['areas'],
  });
}
