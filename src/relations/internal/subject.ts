/**
 * Resolving the subject of `areaOf`, `relate` and `coverage`: a layout item or a list of codes to a
 * {@link Scope} on the atlas, or user polygons to their geometries.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Atlas } from '../../atlas/index.ts';
import { fail } from '../../errors/index.ts';
import type { LayoutItem } from '../../layouts/schema.ts';
import { readUserGeoJSON } from './geojson.ts';
import { requireAtlas } from './input.ts';
import { type AreaItem, membersOf, requireAreaItem, resolveScope, type Scope } from './scope.ts';

/** A polygon feature or geometry drawn by the user, or a collection of them. */
export type UserPolygons =
  | Polygon
  | MultiPolygon
  | Feature<Polygon | MultiPolygon>
  | FeatureCollection<Polygon | MultiPolygon>;

/** Options of {@link areaOf}. */
export interface AreaOfOptions {
  /** Use the members of this variant (its `label`) instead of the current ones. */
  variant?: string;
}

const GEOJSON_TYPES = new Set([
  'Feature',
  'FeatureCollection',
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** Whether `x` is a layout item (not GeoJSON, which may carry a string id too). */
export function isItem(x: unknown): x is LayoutItem {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  const o = x as { id?: unknown; type?: unknown };
  return typeof o.id === 'string' && typeof o.type === 'string' && !GEOJSON_TYPES.has(o.type);
}

/** User polygons, validated (see `src/geo/polygons.ts`) and merged into one MultiPolygon. */
export function polygonsOfUser(input: UserPolygons, path: string): MultiPolygon {
  return (readUserGeoJSON(input, path, false) as { g: MultiPolygon }).g;
}

/** Throws when a scope has nothing drawn (used where an empty area would give a misleading answer). */
export function requireNonEmpty(scope: Scope, path: string, subject: unknown): Scope {
  if (!scope.empty) return scope;
  const id = (subject as { id?: unknown } | null)?.id;
  return fail({
    code: 'invalid-input',
    path,
    value: typeof id === 'string' ? id : subject,
    problem: { zh: '该区域没有列出任何带代码的成员', en: 'The area lists no member codes' },
    fix: {
      zh: '其范围可能只以文字给出（见 scope 字段）；请补充成员代码',
      en: 'Its scope may be given only in words (see its `scope`); add member codes',
    },
  });
}

/** The scope of an area subject (item or codes). */
export function scopeOfSubject(
  subject: AreaItem | readonly string[],
  atlas: Atlas,
  path: string,
  options: AreaOfOptions = {},
): Scope {
  const a = requireAtlas(atlas);
  if (Array.isArray(subject)) {
    const codes = subject as readonly string[];
    return resolveScope(
      a,
      codes.map((code, i) => ({ member: { code }, path: `${path}[${i}]` })),
      [],
    );
  }
  const item = requireAreaItem(subject as LayoutItem, path);
  const { members, excludes } = membersOf(item, options.variant, path);
  return resolveScope(a, members, excludes);
}
