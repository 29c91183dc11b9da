/**
 * Honest rendering without county boundaries: which codes of a layout the atlas can draw as polygons, and
 * which county-level members must fall back to their parent's outline plus a labelled seat point, with the
 * note the map must show. Pure data; the renderer turns it into layers.
 */

import type { Feature, FeatureCollection, Point } from 'geojson';
import { type CodeInfo, lookupCode } from '../codes/index.ts';
import type { Bilingual } from '../errors/index.ts';
import type { Layout, LayoutItem, LayoutItemType } from '../layouts/schema.ts';
import { COUNTY_SEATS, type SeatPoint } from './county-seats.ts';
import { optionsOf } from './internal/input.ts';

/** One layout item that names a unit. */
export interface MemberRef {
  id: string;
  type: LayoutItemType;
  name: string;
  group?: string;
  /** The item covers only part of the unit (`coverage` given). */
  partial: boolean;
}

/** A county-level member without geometry. */
export interface FallbackUnit {
  code: string;
  name: string;
  nameEn: string;
  /** Code of the unit whose outline stands in (the prefecture, or the province for units directly under one). */
  outline: string;
  /** Its seat, or null when no sourced coordinate exists (then the unit is only named in the note). */
  seat: SeatPoint | null;
  /** Items naming this unit, in layout order. */
  items: MemberRef[];
}

/** Properties of a seat point feature. */
export interface SeatProperties {
  code: string;
  name: string;
  nameEn: string;
  /** The outline code. */
  outline: string;
  status: SeatPoint['status'];
  source: string;
  /** First item naming the unit (for styling by role). */
  item: string;
  itemType: LayoutItemType;
  /** Every item naming the unit, comma-separated ids. */
  items: string;
  /** The unit is only partly covered by the first item. */
  partial: boolean;
}

export interface CountyFallback {
  /** Whether every member has geometry (no fallback, no note). */
  complete: boolean;
  /** Member codes drawn as polygons, sorted. */
  withGeometry: string[];
  /** County-level members without geometry, sorted by code. */
  withoutGeometry: FallbackUnit[];
  /** Codes whose outlines stand in for missing counties (deduplicated, sorted). */
  outlines: string[];
  /** Seat points of the members without geometry that have a seat. */
  seats: FeatureCollection<Point, SeatProperties>;
  /** Short note to show on the map, or null when complete: `县级边界未加载` / `County boundaries not loaded`. */
  note: Bilingual | null;
  /** Longer text for a legend or caption: what stands in, and which units have no seat point. */
  detail: Bilingual | null;
}

export interface CountyFallbackOptions {
  /** Seats by code, added to (and overriding) the built-in {@link COUNTY_SEATS}. */
  seats?: Record<string, SeatPoint>;
}

interface CodeRef {
  code: string;
  partial: boolean;
}

/**
 * The codes an item names as members (areas, poles, link ends, corridor nodes), in order.
 *
 * @example
 * ```ts
 * memberCodes(link).map((r) => r.code); // [from, to]
 * ```
 */
export function memberCodes(item: LayoutItem): CodeRef[] {
  const m = (list: readonly { code: string; coverage?: unknown }[] | undefined): CodeRef[] =>
    (list ?? []).map((x) => ({ code: x.code, partial: x.coverage !== undefined }));
  switch (item.type) {
    case 'metro-circle':
      return [...(item.core ? [{ code: item.core, partial: false }] : []), ...m(item.members)];
    case 'hub-layout':
      return [...m(item.centre.members), ...item.poles.map((p) => ({ code: p.code, partial: false }))];
    case 'hub':
      return [];
    case 'eco-zone':
    case 'economic-zone':
    case 'city-role':
      return m(item.members);
    case 'link':
      return [
        { code: item.from, partial: false },
        { code: item.to, partial: false },
      ];
    case 'corridor':
      return item.nodes.flatMap((n) => (n.code ? [{ code: n.code, partial: n.coverage !== undefined }] : []));
  }
}

/**
 * Which members of a layout have boundaries in `atlas` and which county-level members fall back to their
 * parent's outline and a seat point, with the note to show. `atlas` needs only `has(code)`: pass the
 * {@link Atlas} (with or without imported county extensions).
 *
 * @example
 * ```ts
 * import { mianyang } from 'quyu/layouts/mianyang';
 * const fb = countyFallback(mianyang, await loadAtlas());
 * fb.note?.zh;          // '县级边界未加载'
 * fb.outlines;          // ['510100', '510700'] (金堂县 is in 成都, the nine others in 绵阳)
 * fb.seats.features.length; // 10: a seat point for each county member
 * fb.seats.features.filter((f) => f.properties.status !== 'sourced').length; // those only approximate
 * ```
 */
export function countyFallback(
  layout: Layout,
  atlas: { has(code: string): boolean },
  options: CountyFallbackOptions = {},
): CountyFallback {
  options = optionsOf(options);
  return countyFallbackWith(layout, atlas, lookupCode, options);
}

/** What {@link countyFallbackWith} needs to know of a code. */
export type CodeLookup = (code: string) => Pick<CodeInfo, 'name' | 'nameEn' | 'level' | 'parent'> | undefined;

/**
 * {@link countyFallback} with the code lookup passed in, for bundles that must not carry the full code
 * tables (the renderer passes a lookup built from the layout's own member names).
 *
 * @example
 * ```ts
 * countyFallbackWith(mianyang, atlas, (code) => ({ name: code, nameEn: code, level: 'county', parent: '510700' }));
 * ```
 */
export function countyFallbackWith(
  layout: Layout,
  atlas: { has(code: string): boolean },
  lookup: CodeLookup,
  options: CountyFallbackOptions = {},
): CountyFallback {
  options = optionsOf(options);
  const seats = { ...COUNTY_SEATS, ...options.seats };
  const refs = new Map<string, MemberRef[]>();
  for (const item of layout.items) {
    for (const { code, partial } of memberCodes(item)) {
      const list = refs.get(code) ?? [];
      if (!list.some((r) => r.id === item.id))
        list.push({
          id: item.id,
          type: item.type,
          name: item.name,
          ...(item.group ? { group: item.group } : {}),
          partial,
        });
      refs.set(code, list);
    }
  }
  const withGeometry: string[] = [];
  const withoutGeometry: FallbackUnit[] = [];
  for (const [code, items] of [...refs.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const info = lookup(code);
    if (!info) continue;
    if (atlas.has(code)) {
      withGeometry.push(code);
      continue;
    }
    if (info.level !== 'county' || !info.parent) continue;
    const prefecture = info.parent;
    const outline = atlas.has(prefecture) ? prefecture : `${code.slice(0, 2)}0000`;
    withoutGeometry.push({
      code,
      name: info.name,
      nameEn: info.nameEn,
      outline,
      seat: seats[code] ?? null,
      items,
    });
  }
  const outlines = [...new Set(withoutGeometry.map((u) => u.outline))].sort();
  const features: Feature<Point, SeatProperties>[] = withoutGeometry
    .filter((u) => u.seat)
    .map((u) => ({
      type: 'Feature',
      id: u.code,
      properties: {
        code: u.code,
        name: u.name,
        nameEn: u.nameEn,
        outline: u.outline,
        status: u.seat!.status,
        source: u.seat!.source,
        item: u.items[0]!.id,
        itemType: u.items[0]!.type,
        items: u.items.map((i) => i.id).join(','),
        partial: u.items[0]!.partial,
      },
      geometry: { type: 'Point', coordinates: [u.seat!.point[0], u.seat!.point[1]] },
    }));
  const complete = withoutGeometry.length === 0;
  let detail: Bilingual | null = null;
  if (!complete) {
    const outlineNames = outlines.map((c) => lookup(c)?.name ?? c);
    const outlineNamesEn = outlines.map((c) => lookup(c)?.nameEn ?? c);
    const noSeat = withoutGeometry.filter((u) => !u.seat);
    detail = {
      zh:
        `县级边界未加载：${withoutGeometry.map((u) => u.name).join('、')}以所属${outlineNames.join('、')}的轮廓和县级政府驻地点表示，不是县界。` +
        (noSeat.length ? `${noSeat.map((u) => u.name).join('、')}无可靠驻地坐标，未标点。` : ''),
      en:
        `County boundaries not loaded: ${withoutGeometry.map((u) => u.nameEn).join(', ')} are shown by the outline of ${outlineNamesEn.join(', ')} and their government seats, not by county borders.` +
        (noSeat.length ? ` No sourced seat for ${noSeat.map((u) => u.nameEn).join(', ')}: not marked.` : ''),
    };
  }
  return {
    complete,
    withGeometry,
    withoutGeometry,
    outlines,
    seats: { type: 'FeatureCollection', features },
    note: complete ? null : { zh: '县级边界未加载', en: 'County boundaries not loaded' },
    detail,
  };
}
