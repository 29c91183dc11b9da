/**
 * Resolves what an area item covers in terms of atlas geometry: which finest units are drawn whole, which
 * of them wholly belong ("certain"), which extension units (imported counties) are added or cut, and which
 * members could only be approximated. `areaOf`, `relate` and `coverage` share it.
 */

import turfDifference from '@turf/difference';
import turfUnion from '@turf/union';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Atlas, UnitFeature } from '../../atlas/index.ts';
import { standInCandidates, standInUnit } from '../../atlas/stand-in.ts';
import { childrenOf, lookupCode, requireCode } from '../../codes/index.ts';
import { fail } from '../../errors/index.ts';
import type { LayoutItem, Member } from '../../layouts/schema.ts';

/** Layout items that describe an area by member codes. */
export type AreaItem = Extract<
  LayoutItem,
  { type: 'metro-circle' | 'economic-zone' | 'eco-zone' | 'city-role' | 'hub-layout' }
>;

/** How a member that the atlas cannot draw exactly was drawn instead. */
export interface Approximation {
  /** The code as the item lists it (a member, or an excluded unit). */
  code: string;
  /** The atlas unit drawn whole in its place (for an exclusion: the unit it could not be cut from). */
  drawnAs: string;
  /**
   * - `coverage`: the member has a `coverage` (only part of the unit belongs) that cannot be drawn from its
   *   description; the whole unit is drawn;
   * - `no-boundary`: the code is a county-level unit without a boundary in the atlas; its stand-in unit
   *   (`standInUnit`: its prefecture, else its province) is drawn whole;
   * - `exclusion-not-cut`: an excluded county has no boundary in the atlas, so it is still inside the drawn
   *   unit.
   */
  reason: 'coverage' | 'no-boundary' | 'exclusion-not-cut';
}

const EMPTY: MultiPolygon = { type: 'MultiPolygon', coordinates: [] };

interface AtlasSets {
  finest: Set<string>;
  provinces: Set<string>;
}
const sets = new WeakMap<Atlas, AtlasSets>();
export function atlasSets(atlas: Atlas): AtlasSets {
  let s = sets.get(atlas);
  if (!s) {
    s = {
      finest: new Set(atlas.prefectures().map((f) => f.id)),
      provinces: new Set(atlas.provinces().map((f) => f.id)),
    };
    sets.set(atlas, s);
  }
  return s;
}

export function toMultiPolygon(g: Polygon | MultiPolygon | null | undefined): MultiPolygon {
  if (!g) return EMPTY;
  return g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
}

function fc(geoms: (Polygon | MultiPolygon)[]): FeatureCollection<Polygon | MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: geoms.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  };
}

/** Turf union of polygons (no topology). */
export function unionOf(geoms: (Polygon | MultiPolygon)[]): MultiPolygon {
  const parts = geoms.filter((g) => g.coordinates.length > 0);
  if (parts.length === 0) return EMPTY;
  if (parts.length === 1) return toMultiPolygon(parts[0]);
  return toMultiPolygon(turfUnion(fc(parts))?.geometry);
}

/** Turf difference `a − b`. */
export function differenceOf(a: MultiPolygon, b: MultiPolygon): MultiPolygon {
  if (a.coordinates.length === 0 || b.coordinates.length === 0) return a;
  return toMultiPolygon(turfDifference(fc([a, b]))?.geometry);
}

/** What an area covers on one atlas. */
export class Scope {
  /** Finest atlas units drawn whole (merged on the topology), sorted. */
  readonly units: string[];
  /** The drawn units that wholly belong. */
  readonly certain: string[];
  /**
   * Drawn units that may hold no part of the area at all (the units of a province listed with a coverage);
   * every other drawn unit holds a non-empty part.
   */
  readonly maybe: string[];
  /** Extension units added (union), with whether they wholly belong. */
  readonly added: { feature: UnitFeature; whole: boolean }[];
  /** Extension units cut out (difference). */
  readonly cut: UnitFeature[];
  readonly approximations: Approximation[];
  readonly #atlas: Atlas;
  #drawn?: MultiPolygon;
  #certain?: MultiPolygon;

  constructor(
    atlas: Atlas,
    units: Set<string>,
    certain: Set<string>,
    added: { feature: UnitFeature; whole: boolean }[],
    cut: UnitFeature[],
    approximations: Approximation[],
    maybe: Set<string> = new Set(),
  ) {
    this.#atlas = atlas;
    this.units = [...units].sort();
    this.certain = [...certain].sort();
    this.maybe = [...maybe].filter((u) => units.has(u) && !certain.has(u)).sort();
    this.added = added;
    this.cut = cut;
    this.approximations = approximations;
  }

  /** True when the scope is exactly a set of atlas units (no extension geometry). */
  get unitsOnly(): boolean {
    return this.added.length === 0 && this.cut.length === 0;
  }

  /** True when nothing could be drawn (e.g. an item whose scope is given only in words). */
  get empty(): boolean {
    return this.units.length === 0 && this.added.length === 0;
  }

  get partial(): boolean {
    return this.approximations.length > 0;
  }

  #geometry(units: string[], added: UnitFeature[]): MultiPolygon {
    let g = units.length ? this.#atlas.merge(units) : EMPTY;
    if (added.length) g = unionOf([g, ...added.map((f) => f.geometry)]);
    if (this.cut.length && g.coordinates.length)
      g = differenceOf(g, unionOf(this.cut.map((f) => f.geometry)));
    return g;
  }

  /** The drawn geometry (approximated members drawn whole). */
  drawn(): MultiPolygon {
    this.#drawn ??= this.#geometry(
      this.units,
      this.added.map((a) => a.feature),
    );
    return this.#drawn;
  }

  /** The part that certainly belongs (approximated members left out). */
  certainGeometry(): MultiPolygon {
    if (!this.partial) return this.drawn();
    this.#certain ??= this.#geometry(
      this.certain,
      this.added.filter((a) => a.whole).map((a) => a.feature),
    );
    return this.#certain;
  }
}

/** Counties listed in a coverage, as codes among the descendants of `parent`; undefined if any is unknown. */
function coverageCounties(counties: readonly string[], parent: string): string[] | undefined {
  const below = new Map<string, string>();
  const walk = (c: string) => {
    for (const k of childrenOf(c)) {
      const info = lookupCode(k)!;
      below.set(k, k);
      below.set(info.name, k);
      walk(k);
    }
  };
  walk(parent);
  const out: string[] = [];
  for (const c of counties) {
    const code = below.get(c.trim());
    if (!code) return undefined;
    out.push(code);
  }
  return out;
}

const AREA_TYPES = new Set(['metro-circle', 'economic-zone', 'eco-zone', 'city-role', 'hub-layout']);

/** Throws unless the item describes an area by member codes. */
export function requireAreaItem(item: LayoutItem, path: string): AreaItem {
  if (!item || typeof item !== 'object' || !AREA_TYPES.has(item.type)) {
    return fail({
      code: 'unsupported',
      path: `${path}.type`,
      value: (item as { type?: unknown } | null)?.type,
      problem: { zh: '该类型的条目没有面积', en: 'Items of this type have no area' },
      fix: {
        zh: '适用于 metro-circle、economic-zone、eco-zone、city-role 与 hub-layout；枢纽请用 reachRing，连接与走廊请用 linkLengthKm',
        en: 'Use a metro-circle, economic-zone, eco-zone, city-role or hub-layout item; use reachRing for hubs and linkLengthKm for links and corridors',
      },
    });
  }
  return item as AreaItem;
}

/** The members of an item (or a variant of it), with the path they come from. */
export function membersOf(
  item: AreaItem,
  variant: string | undefined,
  path: string,
): { members: { member: Member; path: string }[]; excludes: { member: Member; path: string }[] } {
  if (variant !== undefined) {
    const variants = 'variants' in item ? (item.variants ?? []) : [];
    const k = variants.findIndex((v) => v.label === variant);
    if (k < 0) {
      return fail({
        code: 'invalid-input',
        path: 'variant',
        value: variant,
        problem: { zh: '该条目没有这个版本', en: 'The item has no such variant' },
        fix: {
          zh: `可用的版本：${variants.map((v) => v.label).join('、') || '（无）'}`,
          en: `Available variants: ${variants.map((v) => v.label).join(', ') || '(none)'}`,
        },
      });
    }
    const v = variants[k]!;
    return {
      members: (v.members ?? []).map((member, i) => ({
        member,
        path: `${path}.variants[${k}].members[${i}]`,
      })),
      excludes: [],
    };
  }
  switch (item.type) {
    case 'hub-layout':
      return {
        members: [
          ...item.centre.members.map((member, i) => ({ member, path: `${path}.centre.members[${i}]` })),
          ...item.poles.map((p, i) => ({
            member: { code: p.code, name: p.name },
            path: `${path}.poles[${i}]`,
          })),
        ],
        excludes: [],
      };
    case 'economic-zone':
      return {
        members: item.members.map((member, i) => ({ member, path: `${path}.members[${i}]` })),
        excludes: (item.excludes ?? []).map((member, i) => ({ member, path: `${path}.excludes[${i}]` })),
      };
    default:
      return {
        members: item.members.map((member, i) => ({ member, path: `${path}.members[${i}]` })),
        excludes: [],
      };
  }
}

/** Resolves members and exclusions to atlas geometry. */
export function resolveScope(
  atlas: Atlas,
  members: { member: Member; path: string }[],
  excludes: { member: Member; path: string }[],
): Scope {
  const s = atlasSets(atlas);
  const units = new Set<string>();
  const certain = new Set<string>();
  const added: { feature: UnitFeature; whole: boolean }[] = [];
  const cut: UnitFeature[] = [];
  const maybe = new Set<string>();
  let approx: Approximation[] = [];

  const extension = (code: string) => !s.finest.has(code) && !s.provinces.has(code) && atlas.has(code);
  const drawable = (code: string) => s.finest.has(code) || s.provinces.has(code) || atlas.has(code);
  /** The finest atlas units that draw an atlas code (a province: its units; an extension unit: its stand-in's). */
  const unitsOf = (code: string): string[] => {
    if (s.finest.has(code)) return [code];
    if (s.provinces.has(code)) return atlas.prefectures({ province: code }).map((f) => f.id);
    const up = standInCandidates(code)
      .slice(1)
      .find((c) => s.finest.has(c) || s.provinces.has(c));
    return up ? unitsOf(up) : [];
  };

  const addCode = (code: string, whole: boolean, listed: string, path: string) => {
    const info = requireCode(code, path);
    if (s.finest.has(code)) {
      units.add(code);
      if (whole) certain.add(code);
      else approx.push({ code: listed, drawnAs: code, reason: 'coverage' });
    } else if (s.provinces.has(code)) {
      for (const u of unitsOf(code)) {
        units.add(u);
        if (whole) certain.add(u);
        else maybe.add(u);
      }
      if (!whole) approx.push({ code: listed, drawnAs: code, reason: 'coverage' });
    } else if (atlas.has(code)) {
      added.push({ feature: atlas.feature(code), whole });
      if (!whole) approx.push({ code: listed, drawnAs: code, reason: 'coverage' });
    } else {
      // quyu's one stand-in rule: the prefecture, else the province, drawn whole in place of the code.
      const up = standInUnit(code, atlas);
      if (!up) {
        fail({
          code: 'unknown-code',
          path,
          value: code,
          problem: {
            zh: `${info.name} 在地图数据中没有边界，也没有上级单位的边界`,
            en: `${info.nameEn} has no boundary in the atlas, nor has any unit above it`,
          },
          fix: { zh: '请检查代码', en: 'Check the code' },
        });
      }
      if (extension(up!)) added.push({ feature: atlas.feature(up!), whole: false });
      else {
        const under = unitsOf(up!);
        for (const u of under) {
          units.add(u);
          // One prefecture holds the unit; of a province's units, any one may hold none of it.
          if (under.length > 1) maybe.add(u);
        }
      }
      approx.push({ code: listed, drawnAs: up!, reason: 'no-boundary' });
    }
  };

  for (const { member, path } of members) {
    const counties = member.coverage?.counties;
    if (counties?.length) {
      const codes = coverageCounties(counties, member.code);
      if (codes?.every(drawable)) {
        for (const c of codes) addCode(c, true, c, `${path}.coverage.counties`);
        continue;
      }
    }
    addCode(member.code, !member.coverage, member.code, `${path}.code`);
  }

  for (const { member, path } of excludes) {
    const code = member.code;
    requireCode(code, `${path}.code`);
    if (s.finest.has(code)) {
      units.delete(code);
      certain.delete(code);
    } else if (s.provinces.has(code)) {
      for (const f of atlas.prefectures({ province: code })) {
        units.delete(f.id);
        certain.delete(f.id);
      }
    } else if (extension(code)) {
      cut.push(atlas.feature(code));
    } else {
      const up = standInUnit(code, atlas);
      const hit = up ? unitsOf(up).filter((u) => units.has(u)) : [];
      if (hit.length) {
        for (const u of hit) certain.delete(u);
        approx.push({ code, drawnAs: up!, reason: 'exclusion-not-cut' });
      }
    }
  }

  // A member drawn whole because of an approximation, but also listed whole by another member, is exact.
  approx = approx.filter((a) => {
    if (a.reason === 'exclusion-not-cut') return true;
    const under = unitsOf(a.drawnAs);
    return !(under.length && under.every((u) => certain.has(u)));
  });
  return new Scope(atlas, units, certain, added, cut, approx, maybe);
}
