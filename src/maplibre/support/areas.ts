/**
 * Areas made of member units, shared by the metropolitan-circle, economic-zone, eco-zone and hub-layout
 * builders: one merged feature per item for the members that belong whole, one hatched feature per unit
 * that belongs in part, and a label point.
 *
 * ```
 *  features (source <prefix><concept>-areas)      layers (bottom → top)
 *   part=whole   merged members, status groups      <concept>-fill        colour, lighter when weak
 *   part=core    the core unit                      <concept>-pattern     hatching of partial units (and eco fills)
 *   part=partial one per partly included unit       <concept>-outline-*   solid / weak dashed / partial dotted
 *  points (source <prefix><concept>-labels)         <concept>-label       item names
 * ```
 */
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { LayoutItem, Member, Status } from '../../layouts/schema.ts';
import { weakestStatus } from '../../layouts/status.ts';
import { labelled } from '../../text/index.ts';
import type { Theme } from '../style/themes.ts';
import {
  areaLabelPoint,
  bboxOf,
  feature,
  memberNames,
  resolveMembers,
  unitLabelPoint,
  unitName,
} from './geometry.ts';
import type { Lang, LayerAtlas, OverlayProperties } from './layer-set.ts';
import type { Stack } from './stack.ts';
import {
  byStatus,
  dashedLineLayers,
  labelColor,
  labelLayout,
  outlineColor,
  PARTIAL_DASH,
  WEAK_DASH,
} from './style-helpers.ts';
import { isWeak, itemName, t } from './text.ts';

/** What one item contributes to an area layer set. */
export interface AreaSpec {
  item: LayoutItem;
  members: Member[];
  /** Fill colour. */
  color: string;
  /** Image id of the hatching drawn over partly included units. */
  partialPattern: string;
  /** Image id of a pattern drawn over the whole area too (eco zones). */
  wholePattern?: string;
  /** Code of a core unit drawn with emphasis. */
  core?: string;
  /** Extra properties for every feature of the item. */
  properties?: Record<string, unknown>;
  /** Label text; default the item's name. */
  label?: string;
}

/** Features of one item. */
export interface AreaFeatures {
  polygons: Feature<Polygon | MultiPolygon, OverlayProperties>[];
  /** Label point (null when nothing was drawn). */
  labelPoint: Position | null;
  /** Members that could not be drawn at all. */
  missing: Member[];
  bounds: [number, number, number, number] | null;
}

/**
 * Features of an item made of member units: merged whole members (one feature per status class), partial
 * units, and the core unit.
 */
export function areaFeatures(atlas: LayerAtlas, spec: AreaSpec, lang: Lang): AreaFeatures {
  const { item } = spec;
  const resolved = resolveMembers(atlas, spec.members, item.status);
  const polygons: AreaFeatures['polygons'] = [];
  const base = (status: Status, extra: Record<string, unknown>): OverlayProperties => ({
    item: item.id,
    itemType: item.type,
    status,
    weak: isWeak(status),
    label: spec.label ?? itemName(item, lang),
    color: spec.color,
    ...spec.properties,
    ...extra,
  });
  // Whole members, merged on the topology: strong and weak ones apart so each can be styled.
  const groups = new Map<boolean, { codes: string[]; statuses: Status[] }>();
  for (const w of resolved.whole) {
    const weak = isWeak(w.status);
    const g = groups.get(weak) ?? { codes: [], statuses: [] };
    g.codes.push(w.code);
    g.statuses.push(w.status);
    groups.set(weak, g);
  }
  const allWhole: string[] = [];
  for (const [weak, g] of [...groups].sort((a, b) => Number(a[0]) - Number(b[0]))) {
    allWhole.push(...g.codes);
    const status = weakestStatus(g.statuses);
    polygons.push(
      feature(
        atlas.merge(g.codes),
        base(status, {
          part: 'whole',
          dash: weak ? 'weak' : 'solid',
          members: g.codes.join(','),
          ...(spec.wholePattern ? { pattern: spec.wholePattern } : {}),
        }),
      ),
    );
  }
  for (const p of resolved.partial) {
    const names = memberNames(p.members, lang);
    polygons.push(
      feature(
        atlas.feature(p.code).geometry,
        base(p.status, {
          part: 'partial',
          dash: 'partial',
          code: p.code,
          pattern: spec.partialPattern,
          note: `${labelled(t('partialNote', lang), lang)}${names}`,
        }),
      ),
    );
  }
  if (spec.core) {
    const code = resolved.whole.find((w) => w.code === spec.core)
      ? spec.core
      : atlas.has(spec.core)
        ? spec.core
        : undefined;
    if (code) {
      const status = item.status;
      polygons.push(
        feature(atlas.feature(code).geometry, base(status, { part: 'core', dash: 'core', code })),
      );
    }
  }
  let labelPoint: Position | null = null;
  if (allWhole.length) {
    labelPoint =
      areaLabelPoint(
        atlas.merge(allWhole),
        allWhole.map((c) => unitLabelPoint(atlas, c)),
      ) ?? null;
  } else if (spec.core && atlas.has(spec.core)) labelPoint = unitLabelPoint(atlas, spec.core);
  else if (resolved.partial[0]) labelPoint = unitLabelPoint(atlas, resolved.partial[0].code);
  let bounds: [number, number, number, number] | null = null;
  for (const f of polygons) {
    const b = bboxOf(f.geometry);
    bounds = bounds
      ? [
          Math.min(bounds[0], b[0]),
          Math.min(bounds[1], b[1]),
          Math.max(bounds[2], b[2]),
          Math.max(bounds[3], b[3]),
        ]
      : b;
  }
  return { polygons, labelPoint, missing: resolved.missing, bounds };
}

/** A label point feature for an item. */
export function labelFeature(
  point: Position,
  item: LayoutItem,
  label: string,
  color: string,
  extra: Record<string, unknown> = {},
): Feature<Point, OverlayProperties> {
  return feature(
    { type: 'Point', coordinates: point },
    {
      item: item.id,
      itemType: item.type,
      status: item.status,
      weak: isWeak(item.status),
      label,
      color,
      ...extra,
    },
  );
}

/** Options of {@link areaLayerSpecs}. */
export interface AreaLayerOptions {
  /** Fill opacity of whole areas (weak areas get about half). */
  fillOpacity?: number;
  /** Fill opacity of the core unit. */
  coreOpacity?: number;
  /** Outline width of whole areas in pixels. */
  outlineWidth?: number;
  /** Label size in pixels. */
  labelSize?: number;
  /** Layers with these ids draw the labels; false for none. */
  labels?: boolean;
  /** Which dash classes occur (for the outline layers). */
  dashes: Iterable<string>;
  /** Whether any feature has a `pattern`. */
  patterns: boolean;
}

/** The fill, pattern, outline and label layers of an area layer set, each with its stacking class. */
export function areaLayerSpecs(
  id: (name: string) => string,
  theme: Theme,
  options: AreaLayerOptions,
): [Stack, LayerSpecification][] {
  const { fillOpacity = 0.3, coreOpacity = 0.5, outlineWidth = 1.6, labelSize = 14, labels = true } = options;
  const areas = id('areas');
  const layers: [Stack, LayerSpecification][] = [
    [
      'area',
      {
        id: id('fill'),
        type: 'fill',
        source: areas,
        paint: {
          'fill-color': ['get', 'color'],
          'fill-opacity': [
            'match',
            ['get', 'part'],
            'core',
            byStatus(coreOpacity, coreOpacity * 0.6),
            'partial',
            byStatus(fillOpacity * 0.4, fillOpacity * 0.25),
            byStatus(fillOpacity, fillOpacity * 0.5),
          ],
        },
      },
    ],
  ];
  if (options.patterns) {
    layers.push([
      'area',
      {
        id: id('pattern'),
        type: 'fill',
        source: areas,
        filter: ['has', 'pattern'],
        paint: { 'fill-pattern': ['get', 'pattern'], 'fill-opacity': byStatus(0.9, 0.55) },
      },
    ]);
  }
  layers.push(
    ...dashedLineLayers(
      {
        id: id('outline'),
        type: 'line',
        source: areas,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': ['get', 'outline'],
          'line-width': [
            'match',
            ['get', 'part'],
            'core',
            outlineWidth + 0.8,
            'partial',
            Math.max(1, outlineWidth - 0.6),
            outlineWidth,
          ],
          'line-opacity': byStatus(0.95, 0.75),
        },
      },
      { solid: null, core: null, weak: WEAK_DASH, partial: PARTIAL_DASH },
      options.dashes,
    ).map((l): [Stack, LayerSpecification] => ['outline', l]),
  );
  if (labels) {
    layers.push([
      'symbol',
      {
        id: id('label'),
        type: 'symbol',
        source: id('labels'),
        layout: {
          ...labelLayout(theme, labelSize),
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.6,
        },
        paint: {
          'text-color': ['get', 'textColor'],
          'text-halo-color': theme.overlayHalo,
          'text-halo-width': 1.6,
          'text-opacity': byStatus(1, 0.8),
        },
      },
    ]);
  }
  return layers;
}

/** Adds `outline` and `textColor` to features drawn in `color`. */
export function colourProps(theme: Theme, color: string): { outline: string; textColor: string } {
  return { outline: outlineColor(theme, color), textColor: labelColor(theme, color) };
}

/** The name of a unit, for notes (`肇庆市`). */
export { unitName };
