/**
 * Geometry the builders derive from the atlas: which units a member list draws (whole, partial or not at
 * all), merged areas, label points, and the curves of links and corridors.
 *
 * A member whose code has no boundary in the atlas (a county-level unit, when no county atlas is loaded) is
 * drawn as *part* of its stand-in unit ({@link standInUnit}: its prefecture, else its province), never as
 * the whole:
 * ```
 *  member 441202 端州区 (county, not in atlas) ──▶ 441200 肇庆市 drawn hatched, note "仅部分纳入：端州区"
 *  member 440300 深圳市 with coverage          ──▶ 440300 drawn hatched, note from coverage
 *  member 440100 广州市                        ──▶ part of the merged solid area
 * ```
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { standInUnit } from '../../atlas/stand-in.ts';
import type { Member, Status } from '../../layouts/schema.ts';
import { weakestStatus } from '../../layouts/status.ts';
import { listOf } from '../../text/index.ts';
import { shortName } from './label-text.ts';
import type { LayerAtlas } from './layer-set.ts';

/** A member list resolved against the atlas. */
export interface ResolvedMembers {
  /** Units drawn whole, with the member each comes from. */
  whole: { code: string; member: Member; status: Status }[];
  /** Units drawn as partial: the unit drawn, the members inside it, and their weakest status. */
  partial: { code: string; members: Member[]; status: Status; approximate: boolean }[];
  /** Members with no drawable unit at all. */
  missing: Member[];
}

/**
 * The code of the unit that draws `code`: quyu's one stand-in rule ({@link standInUnit}) — itself when the
 * atlas has it, else its prefecture, else its province; undefined when none is in the atlas.
 */
export function drawableCode(atlas: LayerAtlas, code: string): string | undefined {
  return standInUnit(code, atlas);
}

/**
 * Sorts members into units drawn whole, units drawn as partial, and members that cannot be drawn.
 * A member's status is the weakest of its own and the item's.
 *
 * @example
 * ```ts
 * resolveMembers(atlas, circle.members, circle.status).partial[0].code; // '441200'
 * ```
 */
export function resolveMembers(atlas: LayerAtlas, members: Member[], itemStatus: Status): ResolvedMembers {
  const whole = new Map<string, { code: string; member: Member; status: Status }>();
  const partial = new Map<
    string,
    { code: string; members: Member[]; status: Status; approximate: boolean }
  >();
  const missing: Member[] = [];
  for (const member of members) {
    const status = weakestStatus([itemStatus, member.status ?? itemStatus]);
    // A partial member whose part is listed as counties, with those counties loaded: drawn exactly.
    const counties = coverageCounties(atlas, member);
    if (counties) {
      for (const c of counties) if (!whole.has(c)) whole.set(c, { code: c, member, status });
      continue;
    }
    const code = drawableCode(atlas, member.code);
    if (!code) {
      missing.push(member);
      continue;
    }
    if (code === member.code && !member.coverage) {
      if (!whole.has(code)) whole.set(code, { code, member, status });
      continue;
    }
    const entry = partial.get(code);
    if (entry) {
      entry.members.push(member);
      entry.status = weakestStatus([entry.status, status]);
    } else partial.set(code, { code, members: [member], status, approximate: code !== member.code });
  }
  // A unit that belongs whole is not also drawn as partial.
  for (const code of whole.keys()) partial.delete(code);
  return { whole: [...whole.values()], partial: [...partial.values()], missing };
}

/**
 * The codes of `member.coverage.counties` (codes, or names of imported counties of the member's prefecture)
 * when every one of them has a boundary in the atlas; otherwise undefined (the member stays partial).
 */
export function coverageCounties(atlas: LayerAtlas, member: Member): string[] | undefined {
  const listed = member.coverage?.counties;
  if (!listed?.length) return undefined;
  const byName = new Map<string, string>();
  if (atlas.counties)
    for (const f of atlas.counties({ prefecture: member.code })) {
      const name = (f.properties as { name?: string } | null)?.name;
      if (name && f.id !== undefined) byName.set(name, String(f.id));
    }
  const codes = listed.map((c) => (/^\d{6}$/.test(c.trim()) ? c.trim() : byName.get(c.trim())));
  return codes.every((c): c is string => c !== undefined && atlas.has(c)) ? codes : undefined;
}

/** The names of the members inside a partial unit, for its note (`端州区、鼎湖区`). */
export function memberNames(members: Member[], lang: 'zh' | 'en'): string {
  const names = members.map((m) => m.name ?? m.code);
  const counties = members.flatMap((m) => m.coverage?.counties ?? []);
  return listOf([...new Set([...names, ...counties])], lang);
}

/**
 * Where a unit's marker goes: its seat (人民政府驻地, `atlas.seat(code)`) when the atlas knows it, so that city
 * points, link ends, corridor nodes and metro-circle rings sit where the city is; else its label point
 * ({@link unitLabelPoint}). quyu's `Atlas` knows the seats of all its units (and of counties with
 * `loadAtlas({ seats })`).
 *
 * @example
 * ```ts
 * unitPoint(atlas, '230100');      // [126.54667, 45.80788]: 哈尔滨's seat in 松北区
 * unitLabelPoint(atlas, '230100'); // the label point, deep inside the polygon, 110 km east
 * ```
 */
export function unitPoint(atlas: LayerAtlas, code: string): Position {
  if (atlas.seat && atlas.hasSeat?.(code)) return [...atlas.seat(code)];
  return unitLabelPoint(atlas, code);
}

/**
 * Where a unit's name goes on the map: the atlas' label point (`labelX`, `labelY`, deepest inside the
 * polygon) when present, else the centre of its bounding box. For area labels, not for city markers.
 *
 * @example
 * ```ts
 * unitLabelPoint(atlas, '440100'); // [113.5…, 23.3…]: inside 广州市, away from its borders
 * ```
 */
export function unitLabelPoint(atlas: LayerAtlas, code: string): Position {
  const f = atlas.feature(code);
  const p = f.properties as { labelX?: unknown; labelY?: unknown } | null;
  if (typeof p?.labelX === 'number' && typeof p.labelY === 'number') return [p.labelX, p.labelY];
  const [w, s, e, n] = bboxOf(f.geometry);
  return [(w + e) / 2, (s + n) / 2];
}

/** The unit's name from the atlas (`properties.name`, or `nameEn` in English), else its code. */
export function unitName(atlas: LayerAtlas, code: string, lang: 'zh' | 'en'): string {
  const p = atlas.feature(code).properties as { name?: unknown; nameEn?: unknown } | null;
  if (lang === 'en' && typeof p?.nameEn === 'string' && p.nameEn) return p.nameEn;
  return typeof p?.name === 'string' ? p.name : code;
}

/**
 * The unit's name as map labels print it: the short Chinese form (广州, 香港, 新疆) or the English name.
 */
export function unitLabel(atlas: LayerAtlas, code: string, lang: 'zh' | 'en'): string {
  const name = unitName(atlas, code, lang);
  if (lang === 'en') return name;
  const level = (atlas.feature(code).properties as { level?: unknown } | null)?.level;
  return shortName(
    name,
    typeof level === 'string' ? level : code.endsWith('0000') ? 'province' : 'prefecture',
  );
}

/**
 * A label point for a merged area: the area's centroid when it lies inside, else the candidate (member
 * label points) nearest to it.
 */
export function areaLabelPoint(area: MultiPolygon, candidates: Position[]): Position | undefined {
  const c = centroid(area);
  if (!c) return candidates[0];
  if (booleanPointInPolygon(c, area)) return c;
  let best: Position | undefined;
  let bestD = Infinity;
  for (const p of candidates) {
    const d = (p[0]! - c[0]!) ** 2 + (p[1]! - c[1]!) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return best;
}

/** Area-weighted centroid of the outer rings (planar, in degrees), or undefined for an empty geometry. */
export function centroid(g: Polygon | MultiPolygon): Position | undefined {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  let x = 0;
  let y = 0;
  for (const poly of polys) {
    const ring = poly[0];
    if (!ring) continue;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j]!;
      const [x1, y1] = ring[i]!;
      const cross = x0! * y1! - x1! * y0!;
      a += cross;
      x += (x0! + x1!) * cross;
      y += (y0! + y1!) * cross;
    }
  }
  if (a === 0) return undefined;
  return [x / (3 * a), y / (3 * a)];
}

/** `[west, south, east, north]` of a polygon geometry. */
export function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const poly of polys) {
    for (const [x, y] of poly[0] ?? []) {
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < s) s = y!;
      if (y! > n) n = y!;
    }
  }
  return [w, s, e, n];
}

/** A feature with a geometry and properties. */
export function feature<G extends Feature['geometry'], P>(geometry: G, properties: P): Feature<G, P> {
  return { type: 'Feature', properties, geometry };
}

// ── Curves, in the Web Mercator plane so that they look right on the map ──

const RAD = Math.PI / 180;

function toMercator([lng, lat]: Position): [number, number] {
  return [lng!, Math.log(Math.tan(Math.PI / 4 + (lat! * RAD) / 2)) / RAD];
}

function fromMercator([x, y]: [number, number]): Position {
  return [round6(x), round6((2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD)];
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * A curved arc from `a` to `b`: a quadratic Bézier whose control point lies `curvature` × the chord length
 * to the right of the direction of travel, so that A→B and B→A do not overlap.
 *
 * @example
 * ```ts
 * arc([113.3, 23.1], [116.1, 24.3], 0.2, 32).length; // 33 positions
 * ```
 */
export function arc(a: Position, b: Position, curvature = 0.2, segments = 32): Position[] {
  const p0 = toMercator(a);
  const p2 = toMercator(b);
  const dx = p2[0] - p0[0];
  const dy = p2[1] - p0[1];
  // Right of travel in a y-up plane is (dy, -dx).
  const c: [number, number] = [(p0[0] + p2[0]) / 2 + dy * curvature, (p0[1] + p2[1]) / 2 - dx * curvature];
  const out: Position[] = [];
  for (let i = 0; i <= segments; i++) {
    const s = i / segments;
    const u = 1 - s;
    out.push(
      fromMercator([
        u * u * p0[0] + 2 * u * s * c[0] + s * s * p2[0],
        u * u * p0[1] + 2 * u * s * c[1] + s * s * p2[1],
      ]),
    );
  }
  return out;
}

/**
 * A smooth line through `points` in order (centripetal Catmull–Rom); two points give a straight line.
 *
 * @example
 * ```ts
 * smoothLine([[113.3, 23.1], [114.1, 22.6], [114.2, 22.3]]).length > 3; // true
 * ```
 */
export function smoothLine(points: Position[], segments = 12): Position[] {
  if (points.length < 3) return points.map((p) => [p[0]!, p[1]!]);
  const m = points.map(toMercator);
  const out: Position[] = [];
  for (let i = 0; i < m.length - 1; i++) {
    const p0 = m[i - 1] ?? m[i]!;
    const p1 = m[i]!;
    const p2 = m[i + 1]!;
    const p3 = m[i + 2] ?? p2;
    for (let k = 0; k < segments; k++) out.push(fromMercator(catmullRom(p0, p1, p2, p3, k / segments)));
  }
  out.push(fromMercator(m[m.length - 1]!));
  return out;
}

function catmullRom(
  p0: [number, number],
  p1: [number, number],
  p2: [number, number],
  p3: [number, number],
  s: number,
): [number, number] {
  // Uniform Catmull–Rom with end tangents clamped (p0 = p1 or p3 = p2 at the ends).
  const s2 = s * s;
  const s3 = s2 * s;
  const f = (a: number, b: number, c: number, d: number) =>
    0.5 * (2 * b + (-a + c) * s + (2 * a - 5 * b + 4 * c - d) * s2 + (-a + 3 * b - 3 * c + d) * s3);
  return [f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])];
}

/**
 * The direction of travel at position `i` of a line, in degrees clockwise from north on the Mercator map
 * (what `icon-rotate` with `icon-rotation-alignment: map` expects).
 */
export function screenBearing(line: Position[], i: number): number {
  const a = toMercator(line[Math.max(0, i - 1)]!);
  const b = toMercator(line[Math.min(line.length - 1, i + 1)]!);
  return Math.round((Math.atan2(b[0] - a[0], b[1] - a[1]) / RAD) * 10) / 10;
}
