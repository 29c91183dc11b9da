/**
 * `linkLayers`: directed links between two units (对口帮扶, 产业转移, 飞地, 双向飞地, 一体化, 合作) as curved
 * arcs with arrowheads. Colour by kind and width by an optional value, both through d3-scale; every kind
 * also has its own dash pattern, so kinds read without colour (print, colour-blind readers).
 */
import { scaleOrdinal, scaleSqrt } from 'd3-scale';
import type { Feature, LineString, Point, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { LinkKind, TransferLink } from '../../layouts/schema.ts';
import { weakestStatus } from '../../layouts/status.ts';
import { LINK_KIND_WORDS } from '../../text/index.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { arc, drawableCode, feature, screenBearing, unitLabel, unitPoint } from '../support/geometry.ts';
import {
  type BuilderOptions,
  collection,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
} from '../support/layer-set.ts';
import { arrowImage, sizeForRadius, symbolImage } from '../support/patterns.ts';
import type { Stack } from '../support/stack.ts';
import { byStatus, dashedLineLayers, queryMarkLayer } from '../support/style-helpers.ts';
import { isWeak, itemName, t } from '../support/text.ts';

/** The link kinds in legend order. */
export const LINK_KINDS: readonly LinkKind[] = [
  'counterpart-aid',
  'industry-transfer',
  'enclave',
  'two-way-enclave',
  'integration',
  'partnership',
];

/** Dash pattern of each link kind (null: solid). */
export const LINK_DASHES: Record<LinkKind, number[] | null> = {
  'counterpart-aid': null,
  'industry-transfer': [4, 2],
  enclave: [1, 1.5],
  'two-way-enclave': [4, 1.5, 1, 1.5],
  integration: [6, 1.5, 1, 1.5, 1, 1.5],
  partnership: [8, 3],
};

/** Where each kind draws arrowheads: at the recipient, at both ends, or none (mutual links). */
export const LINK_ARROWS: Record<LinkKind, 'end' | 'both' | 'none'> = {
  'counterpart-aid': 'end',
  'industry-transfer': 'end',
  enclave: 'end',
  'two-way-enclave': 'both',
  integration: 'none',
  partnership: 'none',
};

/** Link kinds in words (alias of `LINK_KIND_WORDS` of quyu's word table). */
export const LINK_KIND_TEXT = LINK_KIND_WORDS;

/** Defaults of {@link LinkOptions}, read by {@link linkLayers}. */
export const LINK_DEFAULTS = { widthRange: [1.5, 7], width: 2.4, curvature: 0.2 } as const;

/** Options of {@link linkLayers}. */
export interface LinkOptions extends BuilderOptions {
  /** A magnitude per link (e.g. funds, projects); widths scale with its square root. Default: none (equal widths). */
  getValue?: (link: TransferLink) => number | undefined;
  /**
   * Line widths in pixels for the smallest and largest value.
   * @default [1.5, 7]
   */
  widthRange?: [number, number];
  /**
   * Line width in pixels when no link has a value.
   * @default 2.4
   */
  width?: number;
  /**
   * Bend of the arcs as a share of their length.
   * @default 0.2
   */
  curvature?: number;
  /** Legend title of the value (e.g. `帮扶资金（亿元）`). */
  valueLabel?: string;
}

/**
 * Sources and layers for links: arcs from `from` to `to` bending to the right of travel (so A→B and B→A
 * stay apart), arrowheads near the recipient, dots at the ends. Weak links are lighter and carry a "?" at
 * their middle. Ends at a county without a boundary sit at its parent unit and make the link weak.
 *
 * @example
 * ```ts
 * const aid = guangdong.items.filter((i): i is TransferLink => i.type === 'link' && i.kind === 'counterpart-aid');
 * const set = linkLayers(aid, { atlas, lang: 'zh' });
 * ```
 */
export function linkLayers(items: TransferLink[], options: LinkOptions): LayerSet {
  const ctx = startBuild('link', options);
  const { atlas, theme, lang, id, images, notDrawn } = ctx;
  const curvature = options.curvature ?? LINK_DEFAULTS.curvature;
  const color = scaleOrdinal<LinkKind, string>().domain(LINK_KINDS).range(theme.linkPalette);
  const values = items.map((l) => options.getValue?.(l)).filter((v): v is number => typeof v === 'number');
  const [w0, w1] = options.widthRange ?? LINK_DEFAULTS.widthRange;
  const plain = options.width ?? LINK_DEFAULTS.width;
  const width = values.length
    ? scaleSqrt()
        .domain([0, Math.max(...values)])
        .range([w0, w1])
    : () => plain;
  const lines: Feature<LineString, OverlayProperties>[] = [];
  const marks: Feature<Point, OverlayProperties>[] = [];
  const ends = new Map<string, Feature<Point, OverlayProperties>>();
  const halo = theme.iconHalo;
  const endIcon = id('end');

  for (const link of items) {
    const a = drawableCode(atlas, link.from);
    const b = drawableCode(atlas, link.to);
    if (!a || !b || a === b) {
      notDrawn.push({ label: itemName(link, lang), note: t('noGeometry', lang) });
      continue;
    }
    const approximate = a !== link.from || b !== link.to;
    const status = approximate ? weakestStatus([link.status, 'inferred']) : link.status;
    const weak = isWeak(status);
    const c = color(link.kind);
    const v = options.getValue?.(link);
    const w = typeof v === 'number' ? width(v) : width(0);
    const props: OverlayProperties = {
      item: link.id,
      itemType: link.type,
      status,
      weak,
      label: itemName(link, lang),
      kind: link.kind,
      color: c,
      width: Math.round((weak ? w * 0.8 : w) * 100) / 100,
      dash: link.kind,
      from: link.from,
      to: link.to,
      ...(typeof v === 'number' ? { value: v } : {}),
      ...(approximate ? { note: t('approximate', lang) } : {}),
    };
    const pa = unitPoint(atlas, a);
    const pb = unitPoint(atlas, b);
    const line = arc(pa, pb, curvature, 40);
    lines.push(feature({ type: 'LineString', coordinates: line }, props));
    const arrowId = id(`arrow-${link.kind}`);
    const arrows = LINK_ARROWS[link.kind];
    if (arrows !== 'none') {
      images[arrowId] ??= arrowImage(c, { halo, size: 14 });
      const at = (i: number, reverse: boolean) =>
        marks.push(
          feature(
            { type: 'Point', coordinates: line[i]! },
            {
              ...props,
              mark: 'arrow',
              icon: arrowId,
              rotate: (screenBearing(line, i) + (reverse ? 180 : 0)) % 360,
              scale: Math.max(0.8, Math.min(1.6, w / LINK_DEFAULTS.width)),
            },
          ),
        );
      at(line.length - 5, false);
      if (arrows === 'both') at(4, true);
    }
    if (weak) {
      marks.push(
        feature(
          { type: 'Point', coordinates: line[Math.floor(line.length / 2)]! },
          { ...props, mark: 'query', label: '?' },
        ),
      );
    }
    for (const [code, p] of [
      [a, pa],
      [b, pb],
    ] as [string, Position][]) {
      if (!ends.has(code)) {
        ends.set(
          code,
          feature(
            { type: 'Point', coordinates: p },
            {
              ...props,
              mark: 'end',
              code,
              unitLabel: true,
              icon: endIcon,
              label: unitLabel(atlas, code, lang),
              note: undefined,
            },
          ),
        );
      }
    }
  }

  if (ends.size)
    images[endIcon] = symbolImage('circle', theme.overlayText, {
      size: sizeForRadius(3.2, 1.3),
      haloWidth: 1.3,
      halo,
    });
  const kinds = [...new Set(lines.map((l) => l.properties.kind as LinkKind))];
  const layers: [Stack, LayerSpecification][] = [
    [
      'line',
      {
        id: id('casing'),
        type: 'line',
        source: id('lines'),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': halo,
          'line-width': ['+', ['get', 'width'], 2.5],
          'line-opacity': byStatus(0.75, 0.4),
        },
      },
    ],
    ...dashedLineLayers(
      {
        id: id('line'),
        type: 'line',
        source: id('lines'),
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': ['get', 'color'],
          'line-width': ['get', 'width'],
          'line-opacity': byStatus(0.95, 0.5),
        },
      },
      LINK_DASHES,
      kinds,
    ).map((l): [Stack, LayerSpecification] => ['line', l]),
    [
      'symbol',
      {
        // A dot and the unit's name: the icon takes part in label collisions, so the base map's own label
        // of the same unit gives way instead of being overdrawn.
        id: id('end'),
        type: 'symbol',
        source: id('marks'),
        filter: ['==', ['get', 'mark'], 'end'],
        layout: {
          'icon-image': ['get', 'icon'],
          'icon-allow-overlap': true,
          'text-field': ['get', 'label'],
          'text-font': theme.fontBold,
          'text-size': 12,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.6,
          'text-optional': true,
        },
        paint: {
          'text-color': theme.overlayText,
          'text-halo-color': theme.overlayHalo,
          'text-halo-width': 1.5,
        },
      },
    ],
    [
      'symbol',
      {
        id: id('arrow'),
        type: 'symbol',
        source: id('marks'),
        filter: ['==', ['get', 'mark'], 'arrow'],
        layout: {
          'icon-image': ['get', 'icon'],
          'icon-size': ['get', 'scale'],
          'icon-rotate': ['get', 'rotate'],
          'icon-rotation-alignment': 'map',
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
        paint: { 'icon-opacity': byStatus(1, 0.6) },
      },
    ],
    ['symbol', queryMarkLayer(id('query'), id('marks'), ['==', ['get', 'mark'], 'query'], theme, halo)],
  ];

  const entries: LegendEntry[] = LINK_KINDS.filter((k) => kinds.includes(k)).map((k) => ({
    label: LINK_KIND_WORDS[k][lang],
    swatch: {
      kind: 'line',
      color: color(k),
      width: plain,
      ...(LINK_DASHES[k] ? { dash: LINK_DASHES[k] } : {}),
      ...(LINK_ARROWS[k] !== 'none' ? { arrow: LINK_ARROWS[k] as 'end' | 'both' } : {}),
    },
  }));
  if (values.length) {
    const max = Math.max(...values);
    const min = Math.min(...values);
    for (const v of min === max ? [max] : [min, max]) {
      entries.push({
        label: `${options.valueLabel ?? ''} ${v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}`.trim(),
        swatch: { kind: 'line', color: theme.overlayText, width: width(v) },
      });
    }
  }
  return finishBuild(ctx, {
    sources: { lines: collection(lines), marks: collection([...ends.values(), ...marks]) },
    layers,
    legend: [{ key: 'links', title: t('links', lang), entries }],
    status: { areas: false, lines: true },
    items,
    bounds: ['lines'],
  });
}
