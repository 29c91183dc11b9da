/**
 * `corridorLayers`: corridors (走廊, 通道, 轴) as smooth lines through their ordered nodes. Nodes are the
 * sourced points when given, else the label points of their units; a node at a county without a boundary
 * sits at its parent unit and makes the corridor weak (approximate).
 */
import { scaleOrdinal } from 'd3-scale';
import type { Feature, LineString, Point, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Corridor, CorridorKind } from '../../layouts/schema.ts';
import { weakestStatus } from '../../layouts/status.ts';
import { CORRIDOR_KIND_WORDS } from '../../text/index.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { drawableCode, feature, smoothLine, unitLabel, unitPoint } from '../support/geometry.ts';
import {
  type BuilderOptions,
  collection,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
} from '../support/layer-set.ts';
import { sizeForRadius, symbolImage } from '../support/patterns.ts';
import type { Stack } from '../support/stack.ts';
import { byStatus, dashedLineLayers, labelColor, queryMarkLayer } from '../support/style-helpers.ts';
import { isWeak, itemName, t } from '../support/text.ts';

/** Corridor kinds in legend order. */
export const CORRIDOR_KINDS: readonly CorridorKind[] = [
  'science-technology',
  'axis',
  'transport',
  'rail',
  'road',
  'bridge',
];

/** Dash pattern of each corridor kind (null: solid). Science-technology corridors also get a wide band. */
export const CORRIDOR_DASHES: Record<CorridorKind, number[] | null> = {
  'science-technology': null,
  axis: [6, 2, 1.5, 2],
  transport: [4, 1.5],
  rail: [3, 1.5],
  road: null,
  bridge: [1.5, 1],
};

/** Corridor kinds in words (alias of `CORRIDOR_KIND_WORDS` of quyu's word table). */
export const CORRIDOR_KIND_TEXT = CORRIDOR_KIND_WORDS;

/** Defaults of {@link CorridorOptions}, read by {@link corridorLayers}. */
export const CORRIDOR_DEFAULTS = { width: 3 } as const;

/** Options of {@link corridorLayers}. */
export interface CorridorOptions extends BuilderOptions {
  /**
   * Line width in pixels.
   * @default 3
   */
  width?: number;
}

/**
 * Sources and layers for corridors: a smooth line through the ordered nodes (a wide translucent band under
 * science-technology corridors), node dots, and the name along the line. Kinds differ by dash pattern as
 * well as colour; weak corridors are lighter and carry a "?".
 *
 * @example
 * ```ts
 * const corridors = guangzhouShenzhen.items.filter((i) => i.type === 'corridor');
 * const set = corridorLayers(corridors, { atlas });
 * ```
 */
export function corridorLayers(items: Corridor[], options: CorridorOptions): LayerSet {
  const ctx = startBuild('corridor', options);
  const { atlas, theme, lang, id, images, notDrawn } = ctx;
  const color = scaleOrdinal<CorridorKind, string>().domain(CORRIDOR_KINDS).range(theme.corridorPalette);
  const w = options.width ?? CORRIDOR_DEFAULTS.width;
  const halo = theme.iconHalo;
  const lines: Feature<LineString, OverlayProperties>[] = [];
  const nodes: Feature<Point, OverlayProperties>[] = [];
  const named = new Set<string>();

  for (const item of items) {
    const points: Position[] = [];
    const codes: (string | undefined)[] = [];
    let approximate = false;
    for (const node of item.nodes) {
      if (node.point) {
        points.push([node.point[0], node.point[1]]);
        codes.push(undefined);
        continue;
      }
      const code = node.code ? drawableCode(atlas, node.code) : undefined;
      if (!code) continue;
      if (code !== node.code) approximate = true;
      const p = unitPoint(atlas, code);
      const last = points[points.length - 1];
      // Two nodes in the same unit (e.g. 南沙区 and 广州市) would draw a zero-length hop.
      if (last && last[0] === p[0] && last[1] === p[1]) continue;
      points.push(p);
      codes.push(code);
    }
    if (points.length < 2) {
      notDrawn.push({
        label: itemName(item, lang),
        note: item.nodes.length ? t('noGeometry', lang) : t('noMembers', lang),
      });
      continue;
    }
    const status = approximate ? weakestStatus([item.status, 'inferred']) : item.status;
    const c = color(item.kind);
    const props: OverlayProperties = {
      item: item.id,
      itemType: item.type,
      status,
      weak: isWeak(status),
      label: itemName(item, lang),
      kind: item.kind,
      color: c,
      textColor: labelColor(theme, c),
      dash: item.kind,
      band: item.kind === 'science-technology',
      ...(approximate ? { note: t('approximate', lang) } : {}),
    };
    const line = smoothLine(points, 16);
    lines.push(feature({ type: 'LineString', coordinates: line }, props));
    const icon = id(`node-${item.kind}`);
    images[icon] ??= symbolImage('circle', c, { size: sizeForRadius(4.5), halo, hollow: true });
    points.forEach((p, i) => {
      const code = codes[i];
      // A node shared by several corridors (广州 of 广深港 and 广珠澳) is named once.
      const key = `${p[0]},${p[1]}`;
      const label = code && !named.has(key) ? unitLabel(atlas, code, lang) : '';
      named.add(key);
      nodes.push(
        feature(
          { type: 'Point', coordinates: p },
          { ...props, node: i, icon, label, ...(code ? { code, unitLabel: true } : {}) },
        ),
      );
    });
    if (props.weak) {
      // Off the nodes, a third of the way along.
      nodes.push(
        feature(
          { type: 'Point', coordinates: line[Math.floor(line.length * 0.3)]! },
          { ...props, node: -1, label: '?' },
        ),
      );
    }
  }

  const kinds = [...new Set(lines.map((l) => l.properties.kind as CorridorKind))];
  const layers: [Stack, LayerSpecification][] = [
    [
      'line',
      {
        id: id('band'),
        type: 'line',
        source: id('lines'),
        filter: ['==', ['get', 'band'], true],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ['get', 'color'],
          'line-width': w * 4.5,
          'line-opacity': byStatus(0.22, 0.12),
        },
      },
    ],
    [
      'line',
      {
        id: id('casing'),
        type: 'line',
        source: id('lines'),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': halo, 'line-width': w + 2.5, 'line-opacity': byStatus(0.8, 0.45) },
      },
    ],
    ...dashedLineLayers(
      {
        id: id('line'),
        type: 'line',
        source: id('lines'),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': ['get', 'color'], 'line-width': w, 'line-opacity': byStatus(1, 0.55) },
      },
      CORRIDOR_DASHES,
      kinds,
    ).map((l): [Stack, LayerSpecification] => ['line', l]),
    [
      'symbol',
      {
        id: id('node'),
        type: 'symbol',
        source: id('nodes'),
        filter: ['>=', ['get', 'node'], 0],
        layout: {
          'icon-image': ['get', 'icon'],
          'icon-allow-overlap': true,
          'text-field': ['get', 'label'],
          'text-font': theme.fontBold,
          'text-size': 12,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.7,
          'text-optional': true,
        },
        paint: {
          'icon-opacity': byStatus(1, 0.75),
          'text-color': theme.overlayText,
          'text-halo-color': theme.overlayHalo,
          'text-halo-width': 1.5,
        },
      },
    ],
    [
      'symbol',
      {
        id: id('label'),
        type: 'symbol',
        source: id('lines'),
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 400,
          'text-field': ['get', 'label'],
          'text-font': theme.fontBold,
          'text-size': 13,
          'text-offset': [0, -1.5],
          'text-max-angle': 35,
        },
        paint: {
          'text-color': ['get', 'textColor'],
          'text-halo-color': theme.overlayHalo,
          'text-halo-width': 1.8,
          'text-opacity': byStatus(1, 0.8),
        },
      },
    ],
    ['symbol', queryMarkLayer(id('query'), id('nodes'), ['==', ['get', 'node'], -1], theme, halo)],
  ];
  const entries: LegendEntry[] = CORRIDOR_KINDS.filter((k) => kinds.includes(k)).map((k) => ({
    label: CORRIDOR_KIND_WORDS[k][lang],
    swatch: {
      kind: 'line',
      color: color(k),
      width: 3,
      ...(CORRIDOR_DASHES[k] ? { dash: CORRIDOR_DASHES[k] } : {}),
    },
  }));
  return finishBuild(ctx, {
    sources: { lines: collection(lines), nodes: collection(nodes) },
    layers,
    legend: [{ key: 'corridors', title: t('corridors', lang), entries }],
    status: { areas: false, lines: true },
    items,
    bounds: ['lines'],
  });
}
