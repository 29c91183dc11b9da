/**
 * `countyFallbackLayers`: how a county-based layout is drawn when the atlas has no county boundaries —
 * honestly. No county polygon is approximated: the parent prefecture is outlined, each county is its seat
 * point (where a sourced coordinate exists) labelled and coloured by the first item that names it, and the
 * legend carries the note "县级边界未加载 / County boundaries not loaded" with what stands in.
 *
 * ```
 *  member 510703 涪城区 (county, not in atlas) ──▶ 510700 绵阳市 outlined (dashed)
 *                                              └─▶ seat point 涪城区, colour of its item (一核)
 * ```
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Layout } from '../../layouts/schema.ts';
import { type CodeLookup, type CountyFallback, countyFallbackWith } from '../../relations/county-fallback.ts';
import { itemName, listOf } from '../../text/index.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import {
  type BuilderOptions,
  collection,
  emptyLayerSet,
  type LayerAtlas,
  type LayerSet,
  type LegendEntry,
} from '../support/layer-set.ts';
import type { Stack } from '../support/stack.ts';
import { t } from '../support/text.ts';

/**
 * Names and levels of codes from the atlas and the layout's own member names: enough for the county
 * fallback, without bundling the full code tables into the renderer. A county-level code the atlas does not
 * draw is named as the layout names it (in both languages).
 *
 * @example
 * ```ts
 * layoutLookup(mianyang, atlas)('510703')?.name; // '涪城区'
 * ```
 */
export function layoutLookup(layout: Layout, atlas: LayerAtlas): CodeLookup {
  const names = new Map<string, string>();
  for (const item of layout.items) {
    const lists = [
      'members' in item ? item.members : [],
      item.type === 'corridor' ? item.nodes : [],
      item.type === 'hub-layout' ? [...item.centre.members, ...item.poles] : [],
    ];
    for (const list of lists)
      for (const m of list) if (m.code && m.name && !names.has(m.code)) names.set(m.code, m.name);
  }
  return (code) => {
    if (atlas.has(code)) {
      const p = atlas.feature(code).properties as {
        name?: string;
        nameEn?: string;
        level?: string;
        parent?: string | null;
      };
      const level = (p.level ?? 'prefecture') as 'province' | 'prefecture' | 'county';
      return { name: p.name ?? code, nameEn: p.nameEn ?? code, level, parent: p.parent ?? null };
    }
    if (!/^\d{6}$/.test(code) || code.endsWith('00')) return undefined;
    const name = names.get(code) ?? code;
    return { name, nameEn: name, level: 'county', parent: `${code.slice(0, 4)}00` };
  };
}

/** Options of {@link countyFallbackLayers}. */
export interface CountyFallbackLayersOptions extends BuilderOptions {
  /** The fallback computed already (default: `countyFallback(layout, atlas)`). */
  fallback?: CountyFallback;
}

function outlineOf(g: Polygon | MultiPolygon): MultiLineString {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return { type: 'MultiLineString', coordinates: polys.flatMap((p) => p as Position[][]) };
}

/**
 * Layers for the county-level members of `layout` that have no boundary in the atlas: parent outlines,
 * labelled seat points by item, and a legend section with the note. Empty when every member has geometry.
 *
 * @example
 * ```ts
 * const set = countyFallbackLayers(mianyang, { atlas });
 * set.legend[0].title; // '县级边界未加载'
 * ```
 */
export function countyFallbackLayers(layout: Layout, options: CountyFallbackLayersOptions): LayerSet {
  const ctx = startBuild('counties', options);
  const { atlas, theme, lang, id } = ctx;
  const fb = options.fallback ?? countyFallbackWith(layout, atlas, layoutLookup(layout, atlas));
  if (fb.complete || !fb.note) return emptyLayerSet();

  // One colour per item that names a county, in layout order.
  const itemIds = [...new Set(fb.withoutGeometry.flatMap((u) => u.items.map((i) => i.id)))];
  const colorOf = (item: string) => theme.palette[Math.max(0, itemIds.indexOf(item)) % theme.palette.length]!;
  const outlines: Feature<LineString | MultiLineString>[] = fb.outlines
    .filter((c) => atlas.has(c))
    .map((c) => ({
      type: 'Feature',
      properties: { code: c, label: '' },
      geometry: outlineOf(atlas.feature(c).geometry as Polygon | MultiPolygon),
    }));
  const seats = fb.seats.features.map((f) => ({
    ...f,
    properties: {
      ...f.properties,
      label: lang === 'en' ? f.properties.nameEn : f.properties.name,
      color: colorOf(f.properties.item),
      weak: f.properties.status !== 'sourced',
    },
  }));
  const layers: [Stack, LayerSpecification][] = [
    [
      'outline',
      {
        id: id('outline'),
        type: 'line',
        source: id('outlines'),
        paint: { 'line-color': theme.panel.muted, 'line-width': 1.6, 'line-dasharray': [3, 2] },
      },
    ],
    [
      'point',
      {
        id: id('seat'),
        type: 'circle',
        source: id('seats'),
        paint: {
          'circle-radius': 6,
          'circle-color': ['get', 'color'],
          'circle-opacity': ['case', ['get', 'weak'], 0.45, 1],
          'circle-stroke-color': theme.iconHalo,
          'circle-stroke-width': 1.5,
        },
      },
    ],
    [
      'symbol',
      {
        id: id('seat-label'),
        type: 'symbol',
        source: id('seats'),
        layout: {
          'text-field': ['get', 'label'],
          'text-font': theme.fontBold,
          'text-size': 12,
          'text-offset': [0, 1.1],
          'text-anchor': 'top',
          'text-allow-overlap': false,
        },
        paint: {
          'text-color': theme.overlayText,
          'text-halo-color': theme.overlayHalo,
          'text-halo-width': 1.5,
        },
      },
    ],
  ];
  const entries: LegendEntry[] = itemIds.map((itemId) => {
    const item = layout.items.find((i) => i.id === itemId);
    const counties = fb.withoutGeometry.filter((u) => u.items.some((i) => i.id === itemId));
    return {
      label: item ? itemName(item, lang) : itemId,
      swatch: { kind: 'ring', color: colorOf(itemId), filled: true, radius: 5 },
      note: listOf(
        counties.map((u) => (lang === 'en' ? u.nameEn : u.name)),
        lang,
      ),
    };
  });
  entries.push({
    label: t('parentOutline', lang),
    swatch: { kind: 'line', color: theme.panel.muted, width: 1.6, dash: [3, 2] },
  });
  return finishBuild(ctx, {
    sources: { outlines: collection(outlines), seats: collection(seats) },
    layers,
    legend: [
      {
        key: 'county-fallback',
        title: fb.note[lang],
        entries: [...entries, ...(fb.detail ? [{ label: fb.detail[lang] }] : [])],
      },
    ],
    status: false,
    items: [],
    bounds: ['outlines'],
  });
}
