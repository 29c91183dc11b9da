import turfArea from '@turf/area';
import type { Feature, MultiPolygon } from 'geojson';
import type { Atlas } from '../atlas/index.ts';
import type { LayoutItem } from '../layouts/schema.ts';
import { optionsOf } from './internal/input.ts';
import type { Approximation, AreaItem } from './internal/scope.ts';
import {
  type AreaOfOptions,
  isItem,
  polygonsOfUser,
  scopeOfSubject,
  type UserPolygons,
} from './internal/subject.ts';

export type { Approximation, AreaItem } from './internal/scope.ts';
export type { AreaOfOptions, UserPolygons } from './internal/subject.ts';

/** Properties of the feature returned by {@link areaFeature}. */
export interface AreaProperties {
  /** The item's id (null for code lists and user polygons). */
  id: string | null;
  /** The item's name (null for code lists and user polygons). */
  name: string | null;
  /** The atlas units merged on the topology, sorted (empty for user polygons). */
  units: string[];
  /** Extension units (imported counties) added with Turf union. */
  added: string[];
  /** Extension units cut out with Turf difference (exclusions). */
  cut: string[];
  /**
   * True when the geometry is larger than the item's true scope because some members could not be drawn
   * exactly (see `approximations`). Never silently pretended: check this before quoting `areaKm2`.
   */
  partial: boolean;
  /**
   * True when the item lists no member codes (e.g. a scope given only in words, see the item's `scope`):
   * the geometry is then empty, which is not the item's true area.
   */
  empty: boolean;
  /** Each member or exclusion that was approximated, and how. */
  approximations: Approximation[];
  /**
   * Notes on the drawn units that affect the area: `water` for units whose polygons include water (三沙's
   * reefs and banks, 东沙's atoll, harbours and estuaries of 香港, 澳门, 珠海) with their official land area,
   * and `approximate` for units whose extent is approximate (see the unit's `boundaryNote`).
   */
  notes: AreaNote[];
  /**
   * Geodesic area of the drawn geometry in km² (`@turf/area`). This is the area of the polygons, not land
   * area: the source does not separate land from water, so coastal units include some intertidal and
   * estuary water, and the units listed in `notes` with kind `water` much more (三沙: about 5,700–6,400 km²
   * of polygons against about 20 km² of land). Use `notes[].landAreaKm2` where land area matters.
   */
  areaKm2: number;
}

/** A note on one unit of an {@link areaFeature} result. */
export interface AreaNote {
  /** The unit's code. */
  code: string;
  /** `water`: the polygons include water; `approximate`: the extent is approximate. */
  kind: 'water' | 'approximate';
  /** Official land area in km² (kind `water` only). */
  landAreaKm2?: number;
  /** The note in Chinese. */
  zh: string;
  /** The note in English. */
  en: string;
}

function notesOf(units: readonly string[], atlas: Atlas | undefined): AreaNote[] {
  if (!atlas) return [];
  const notes: AreaNote[] = [];
  for (const code of units) {
    if (!atlas.has(code)) continue;
    const p = atlas.feature(code).properties;
    if (p.areaNote)
      notes.push({ code, kind: 'water', landAreaKm2: p.landAreaKm2, zh: p.areaNote, en: p.areaNoteEn ?? '' });
    if (p.boundaryNote)
      notes.push({ code, kind: 'approximate', zh: p.boundaryNote, en: p.boundaryNoteEn ?? '' });
  }
  return notes;
}

/**
 * The merged geometry of a layout item's members (or of a list of codes) as an RFC 7946 feature.
 *
 * - Members that are atlas units are merged on the atlas topology (topojson-client `merge`): exact, no
 *   slivers. A province code stands for all its units. A hub layout covers its centre members and poles.
 * - Exclusions (`excludes` of an economic zone) are left out when they are atlas units, and cut out with
 *   Turf difference when they are imported extension units (counties).
 * - **Partial members are never silently drawn as exact.** A member with a `coverage` (only part of the unit
 *   belongs) is drawn as the whole unit, a county without a boundary in the atlas as its whole prefecture,
 *   and an exclusion without a boundary stays inside; each such case is listed in
 *   `properties.approximations` and sets `properties.partial: true`. With imported county boundaries
 *   (`loadAtlas({ extensions })`), counties listed in `coverage.counties` and county members are drawn
 *   exactly (added with Turf union).
 * - User polygons (no topology) are first checked as the importer checks boundaries (closed rings of four or
 *   more finite positions, holes inside their shells, WGS-84 degrees — not swapped, not Web Mercator metres —
 *   no empty or null geometries; a {@link QuyuError} names each problem), winding is normalised, and
 *   overlapping parts are merged with Turf union.
 *
 * For the area as a number, use {@link areaKm2}.
 *
 * @example
 * ```ts
 * import { guangdong } from 'quyu/layouts/guangdong';
 * const atlas = await loadAtlas();
 * const sz = guangdong.items.find((i): i is MetroCircle => i.id === 'gd-mc-sz')!;
 * const area = areaFeature(sz, atlas);
 * area.properties.units;          // ['440300', '441300', '441500', '441900']
 * area.properties.partial;        // true: 深汕特别合作区 is drawn as the whole of 汕尾 441500
 * area.properties.approximations; // [{ code: '441500', drawnAs: '441500', reason: 'coverage' }]
 * area.geometry.type;             // 'MultiPolygon', ready for a GeoJSON source or Turf
 * areaFeature(['820000'], atlas).properties.notes[0].landAreaKm2; // 33.3: 澳门's polygon includes water
 * ```
 */
export function areaFeature(
  subject: AreaItem | LayoutItem | readonly string[] | UserPolygons,
  atlas?: Atlas,
  options: AreaOfOptions = {},
): Feature<MultiPolygon, AreaProperties> {
  options = optionsOf(options);
  if (!Array.isArray(subject) && !isItem(subject)) {
    const geometry = polygonsOfUser(subject as UserPolygons, 'subject');
    return feature(geometry, {
      id: null,
      name: null,
      units: [],
      added: [],
      cut: [],
      partial: false,
      empty: geometry.coordinates.length === 0,
      approximations: [],
      notes: [],
    });
  }
  const scope = scopeOfSubject(subject as AreaItem | readonly string[], atlas as Atlas, 'subject', options);
  const item = Array.isArray(subject) ? undefined : (subject as AreaItem);
  return feature(scope.drawn(), {
    id: item?.id ?? null,
    name: item?.name ?? null,
    units: scope.units,
    added: scope.added.map((a) => a.feature.id),
    cut: scope.cut.map((f) => f.id),
    partial: scope.partial,
    empty: scope.empty,
    approximations: scope.approximations,
    notes: notesOf(scope.units, atlas),
  });
}

/**
 * The geodesic area in km² (`@turf/area`) of a layout item's members, a list of codes or user polygons:
 * the number {@link areaFeature} measures. Where members could only be approximated (a county without a
 * boundary, a member that belongs only in part) the number is that of the larger drawn area: check
 * `areaFeature(…).properties.partial` before quoting it.
 *
 * @example
 * ```ts
 * const atlas = await loadAtlas();
 * Math.round(areaKm2(['440100', '440600'], atlas)); // 广佛: about 11,200 km²
 * ```
 */
export function areaKm2(
  subject: AreaItem | LayoutItem | readonly string[] | UserPolygons,
  atlas?: Atlas,
  options: AreaOfOptions = {},
): number {
  return areaFeature(subject, atlas, options).properties.areaKm2;
}

/**
 * The merged area of a layout item as a GeoJSON feature: the earlier name of {@link areaFeature}.
 *
 * @deprecated It returns a Feature, not a number: use {@link areaFeature}, or {@link areaKm2} for km².
 * @example
 * ```ts
 * areaOf(['440100', '440600'], atlas).properties.areaKm2; // the same as areaKm2(['440100', '440600'], atlas)
 * ```
 */
export const areaOf: typeof areaFeature = areaFeature;

function feature(
  geometry: MultiPolygon,
  props: Omit<AreaProperties, 'areaKm2'>,
): Feature<MultiPolygon, AreaProperties> {
  const areaKm2 = geometry.coordinates.length ? turfArea(geometry) / 1e6 : 0;
  return {
    type: 'Feature',
    ...(props.id ? { id: props.id } : {}),
    properties: { ...props, areaKm2 },
    geometry,
  };
}
