import turfArea from '@turf/area';
import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import type { Atlas } from '../atlas/index.ts';
import { requireCode } from '../codes/index.ts';
import { fail } from '../errors/index.ts';
import { boxesMeet, boxOf, clipToBox } from '../geo/polygons.ts';
import type { LayoutItem } from '../layouts/schema.ts';
import { guardTurf, readUserGeoJSON } from './internal/geojson.ts';
import { hubPoint, optionsOf, type PointInput, requireAtlas, toLngLat } from './internal/input.ts';
import type { AreaItem } from './internal/scope.ts';
import { differenceOf, type Scope } from './internal/scope.ts';
import { isItem, requireNonEmpty, scopeOfSubject } from './internal/subject.ts';
import { neighbors } from './neighbors.ts';

/**
 * How two things relate (DE-9IM in words, as Turf's boolean predicates):
 * - `equal`: the same region;
 * - `within`: `a` lies inside `b` (boundaries may touch) and is not equal to it;
 * - `contains`: the reverse;
 * - `overlaps`: their interiors meet, neither contains the other;
 * - `touches`: they meet only on their boundaries;
 * - `disjoint`: they do not meet.
 */
export type Relation = 'equal' | 'within' | 'contains' | 'overlaps' | 'touches' | 'disjoint';

/** What {@link relate} accepts: a code, a list of codes, a layout item, or GeoJSON. */
export type RelateInput =
  | string
  | readonly string[]
  | LayoutItem
  | PointInput
  | Geometry
  | Feature
  | FeatureCollection;

/** Options of {@link relate}. */
export interface RelateOptions {
  /**
   * When a member is only partly included (see {@link areaOf}), the true relation may depend on the part the
   * atlas cannot draw; `relate` then throws. With `approximate: true` it relates the drawn geometries
   * (partial members drawn whole) instead.
   */
  approximate?: boolean;
}

/** One side: a point, a scope on the atlas, or free geometry. */
type Side =
  | { kind: 'point'; p: [number, number] }
  | { kind: 'scope'; scope: Scope }
  | { kind: 'geometry'; g: MultiPolygon };

/** A resolved shape: a point or polygons. */
type Shape = { kind: 'point'; p: [number, number] } | { kind: 'polygons'; g: MultiPolygon };

function side(x: RelateInput, atlas: Atlas | undefined, path: string): Side {
  if (typeof x === 'string') {
    requireCode(x, path);
    return { kind: 'scope', scope: scopeOfSubject([x], atlas as Atlas, path) };
  }
  if (Array.isArray(x)) {
    if (x.length >= 2 && typeof x[0] === 'number') return { kind: 'point', p: toLngLat(x, path) };
    const scope = scopeOfSubject(x as readonly string[], atlas as Atlas, path);
    return { kind: 'scope', scope: requireNonEmpty(scope, path, x) };
  }
  if (isItem(x)) {
    const item = x as LayoutItem;
    if (item.type === 'hub') return { kind: 'point', p: hubPoint(item, path) };
    const scope = scopeOfSubject(item as AreaItem, atlas as Atlas, path);
    return { kind: 'scope', scope: requireNonEmpty(scope, path, item) };
  }
  const shape = readUserGeoJSON(x, path, true);
  return shape.kind === 'point' ? shape : { kind: 'geometry', g: shape.g };
}

/** The shapes a side may stand for: its certain part and its drawn part (one shape when exact). */
function shapes(s: Side): Shape[] {
  if (s.kind === 'point') return [s];
  if (s.kind === 'geometry') return [{ kind: 'polygons', g: s.g }];
  const sc = s.scope;
  const drawn: Shape = { kind: 'polygons', g: sc.drawn() };
  return sc.partial ? [{ kind: 'polygons', g: sc.certainGeometry() }, drawn] : [drawn];
}

/**
 * A set of atlas units: `certain` units wholly belong, `partial` units with some non-empty part, `maybe`
 * units with a part that may be empty.
 */
interface UnitSet {
  certain: Set<string>;
  partial: Set<string>;
  maybe: Set<string>;
}

type Tri = boolean | undefined;

function unitSet(scope: Scope, drawnOnly: boolean): UnitSet {
  if (drawnOnly) return { certain: new Set(scope.units), partial: new Set(), maybe: new Set() };
  const certain = new Set(scope.certain);
  const maybe = new Set(scope.maybe);
  return { certain, partial: new Set(scope.units.filter((u) => !certain.has(u) && !maybe.has(u))), maybe };
}

const has = (s: UnitSet, u: string) => s.certain.has(u) || s.partial.has(u) || s.maybe.has(u);

/** Whether `a` lies inside `b` (true, false, or undefined when the partial parts decide). */
function subset(a: UnitSet, b: UnitSet): Tri {
  let sure = true;
  for (const u of a.certain) {
    if (!has(b, u)) return false; // u lies outside b
    if (!b.certain.has(u)) sure = false;
  }
  for (const u of a.partial) {
    if (!has(b, u)) return false; // a's part of u is not empty and lies outside b
    if (!b.certain.has(u)) sure = false;
  }
  let common = false;
  for (const u of a.maybe) {
    if (!b.certain.has(u)) sure = false;
    if (has(b, u)) common = true;
  }
  if (sure) return true;
  // a is not empty: when none of its units is in b at all, some part of it lies outside b.
  if (!common && a.certain.size + a.partial.size === 0) return false;
  return undefined;
}

function interiorsMeet(a: UnitSet, b: UnitSet): Tri {
  for (const u of a.certain) if (b.certain.has(u) || b.partial.has(u)) return true;
  for (const u of b.certain) if (a.partial.has(u)) return true;
  for (const u of [...a.certain, ...a.partial, ...a.maybe]) if (has(b, u)) return undefined;
  return false;
}

/** Whether the two meet at all, given that their interiors do not. */
function boundariesMeet(a: UnitSet, b: UnitSet, atlas: Atlas): Tri {
  let maybe = false;
  for (const u of [...a.certain, ...a.partial, ...a.maybe]) {
    for (const n of neighbors(u, atlas, { level: 'prefecture' })) {
      if (!has(b, n)) continue;
      if (a.certain.has(u) && b.certain.has(n)) return true;
      maybe = true;
    }
  }
  return maybe ? undefined : false;
}

/**
 * The relation of two unit sets on the topology, or undefined when it depends on which part of a partial
 * unit belongs. Units of one atlas level have disjoint interiors, so sets decide containment and overlap,
 * and shared arcs (neighbours) decide touching.
 */
function relateUnits(a: UnitSet, b: UnitSet, atlas: Atlas): Relation | undefined {
  const size = (s: UnitSet) => s.certain.size + s.partial.size + s.maybe.size;
  if (size(a) === 0 || size(b) === 0) return 'disjoint';
  const ab = subset(a, b);
  const ba = subset(b, a);
  if (ab === true && ba === true) return 'equal';
  if (ab === true && ba === false) return 'within';
  if (ab === false && ba === true) return 'contains';
  if (ab !== false || ba !== false) return undefined;
  const meet = interiorsMeet(a, b);
  if (meet === true) return 'overlaps';
  if (meet === undefined) return undefined;
  const touch = boundariesMeet(a, b, atlas);
  if (touch === undefined) return undefined;
  return touch ? 'touches' : 'disjoint';
}

const flip: Record<Relation, Relation> = {
  equal: 'equal',
  within: 'contains',
  contains: 'within',
  overlaps: 'overlaps',
  touches: 'touches',
  disjoint: 'disjoint',
};

function areaM2(g: MultiPolygon): number {
  return g.coordinates.length ? turfArea(g) : 0;
}

function relatePointPolygons(p: [number, number], g: MultiPolygon): Relation {
  if (g.coordinates.length === 0) return 'disjoint';
  if (booleanPointInPolygon(p, g, { ignoreBoundary: true })) return 'within';
  if (booleanPointInPolygon(p, g)) return 'touches';
  return 'disjoint';
}

/**
 * Polygons against polygons, on the parts that can matter: with `box(x)` the bounding box of `x`,
 * `a − b = (a − box(b)) ∪ ((a ∩ box(b)) − (b ∩ box(a)))`, so `area(a − b) = area(a) − area(a ∩ box(b)) +
 * area((a ∩ box(b)) − (b ∩ box(a)))`. The box clips are linear-time, and Turf's clipping then sees only the
 * few vertices near the other shape (a province against a 1° square: its vertices in the square).
 */
function relatePolygons(a: MultiPolygon, b: MultiPolygon, path: string): Relation {
  const boxA = boxOf(a.coordinates);
  const boxB = boxOf(b.coordinates);
  if (!boxesMeet(boxA, boxB)) return 'disjoint';
  const areaA = areaM2(a);
  const areaB = areaM2(b);
  if (areaA === 0 || areaB === 0) return 'disjoint';
  // Noise of Turf's clipping on shared boundaries: 1 m² plus a billionth of the smaller area.
  const tol = 1 + 1e-9 * Math.min(areaA, areaB);
  const ac: MultiPolygon = { type: 'MultiPolygon', coordinates: clipToBox(a.coordinates, boxB) };
  const bc: MultiPolygon = { type: 'MultiPolygon', coordinates: clipToBox(b.coordinates, boxA) };
  const areaAc = ac.coordinates === a.coordinates ? areaA : areaM2(ac);
  const areaBc = bc.coordinates === b.coordinates ? areaB : areaM2(bc);
  const aOut = areaA - areaAc + guardTurf(() => areaM2(differenceOf(ac, bc)), path);
  const bOut = areaB - areaBc + guardTurf(() => areaM2(differenceOf(bc, ac)), path);
  if (aOut <= tol && bOut <= tol) return 'equal';
  if (aOut <= tol) return 'within';
  if (bOut <= tol) return 'contains';
  if (areaA - aOut > tol) return 'overlaps';
  return guardTurf(() => booleanIntersects(a, b), path) ? 'touches' : 'disjoint';
}

function relateShapes(a: Shape, b: Shape): Relation {
  if (a.kind === 'point' && b.kind === 'point')
    return a.p[0] === b.p[0] && a.p[1] === b.p[1] ? 'equal' : 'disjoint';
  if (a.kind === 'point') return relatePointPolygons(a.p, (b as { g: MultiPolygon }).g);
  if (b.kind === 'point') return flip[relatePointPolygons(b.p, a.g)];
  return relatePolygons(a.g, b.g, '');
}

function undecidable(sides: Side[]): never {
  const approx = sides.flatMap((s) => (s.kind === 'scope' ? s.scope.approximations : []));
  const list = approx.map((p) => `${p.code}→${p.drawnAs} (${p.reason})`).join(', ');
  return fail({
    code: 'unsupported',
    path: '',
    value: list,
    problem: {
      zh: '关系取决于地图数据无法精确绘制的部分成员（仅部分属于、无边界的县级单位或未能扣除的排除单位）',
      en: 'The relation depends on members the atlas cannot draw exactly (partial members, counties without a boundary, or exclusions that could not be cut)',
    },
    fix: {
      zh: '请通过 quyu import 导入县级边界并以 loadAtlas({ extensions }) 加载；或传入 { approximate: true } 以比较绘制出的几何',
      en: 'Import county boundaries with `quyu import` and pass them as loadAtlas({ extensions }); or pass { approximate: true } to relate the drawn geometries',
    },
  });
}

/**
 * How `a` relates to `b`: `'equal' | 'within' | 'contains' | 'overlaps' | 'touches' | 'disjoint'`.
 * Each side is a unit code, a list of codes, a layout item (an area item by its members, see
 * {@link areaOf}; a hub by its point), or GeoJSON (a point, or polygons).
 *
 * - Two sets of atlas units are related on the topology, exactly: by their common units and, when they
 *   share none, by {@link neighbors} (touching) — no polygon clipping, no slivers. A partial member counts
 *   as some non-empty part of its unit, which often still decides (深圳都市圈 overlaps 大湾区 because
 *   深汕, a part of 汕尾, lies outside it).
 * - Anything else (points, user polygons, imported counties) is related on geometry: point-in-polygon for
 *   points; for polygons the areas of the Turf differences `a − b` and `b − a` (equal when both vanish,
 *   within 1 m² plus 1e-9 of the smaller area) and `@turf/boolean-intersects` for touching. Each side is
 *   first clipped to the other's bounding box (linear time), so a province against a small square costs
 *   the square's neighbourhood, not the province. User GeoJSON is checked first as in {@link areaOf}.
 * - Partial members: the true region of an item lies between its certain part and its drawn part (partial
 *   members drawn whole). `relate` answers only when that settles the relation; otherwise it throws a
 *   {@link QuyuError} (`unsupported`) naming the approximated members — unless `approximate: true`, which
 *   relates the drawn geometries.
 *
 * @example
 * ```ts
 * const sz = guangdong.items.find((i): i is MetroCircle => i.id === 'gd-mc-sz')!;
 * relate('440300', sz, atlas);            // 'within': 深圳 lies in the 深圳 metropolitan circle
 * relate('440600', '440100', atlas);      // 'touches': 佛山 borders 广州
 * relate([114.06, 22.54], '440300', atlas); // 'within'
 * relate(['440100', '440600'], '440100', atlas); // 'contains'
 * ```
 */
export function relate(a: RelateInput, b: RelateInput, atlas?: Atlas, options: RelateOptions = {}): Relation {
  options = optionsOf(options);
  if (atlas !== undefined) requireAtlas(atlas);
  const sa = side(a, atlas, 'a');
  const sb = side(b, atlas, 'b');
  if (sa.kind === 'scope' && sa.scope.unitsOnly && sb.kind === 'scope' && sb.scope.unitsOnly) {
    const drawnOnly = !!options.approximate;
    const r = relateUnits(unitSet(sa.scope, drawnOnly), unitSet(sb.scope, drawnOnly), atlas!);
    return r ?? undecidable([sa, sb]);
  }
  const as = shapes(sa);
  const bs = shapes(sb);
  const drawn = relateShapes(as.at(-1)!, bs.at(-1)!);
  if (options.approximate) return drawn;
  // The true region lies between the certain and the drawn shape: answer only when all bounds agree.
  for (const x of as) for (const y of bs) if (relateShapes(x, y) !== drawn) undecidable([sa, sb]);
  return drawn;
}
