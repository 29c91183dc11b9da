/**
 * The one validation of polygons given by users, shared by the importer and by every relation that takes
 * GeoJSON (`areaOf`, `relate`, `coverage`, …), so that nothing computes on a shape it has not checked:
 *
 * 1. structure: every position is two (or more: extra dimensions are dropped) finite numbers, every ring an
 *    array of positions, nothing empty;
 * 2. closed rings (RFC 7946): the importer closes open rings and counts them; the relations reject them;
 * 3. rings of at least four positions and some area;
 * 4. coordinates: WGS-84 degrees, not swapped, not Web Mercator metres ({@link classifyBox});
 * 5. holes inside their shells and smaller than them;
 * 6. winding (RFC 7946: exterior counter-clockwise) is normalised; it never changes an answer.
 */
import type { Position } from 'geojson';
import type { Bilingual, QuyuErrorCode } from '../errors/index.ts';
import { classifyBox } from './coordinates.ts';
import { ringSignedArea } from './planar.ts';
import { forEachNearSegmentPair, properlyCross } from './segments.ts';

/** Where a check reports a problem (the importer's collector has this signature). */
export type Report = (
  code: QuyuErrorCode,
  path: string,
  value: unknown,
  problem: Bilingual,
  fix: Bilingual,
) => void;

const STRUCTURE_FIX: Bilingual = {
  zh: '坐标须为 [经度, 纬度] 数值对（RFC 7946）',
  en: 'Coordinates must be [longitude, latitude] number pairs (RFC 7946)',
};

/**
 * Reads the coordinates of a Polygon or MultiPolygon as MultiPolygon coordinates (2D copies), checking
 * steps 1–3. Returns undefined (after reporting) when the geometry is unusable.
 */
export function readPolygonCoordinates(
  type: 'Polygon' | 'MultiPolygon',
  coordinates: unknown,
  path: string,
  report: Report,
  options: { closeRings: boolean; what?: Bilingual },
): { polygons: Position[][][]; ringsClosed: number } | undefined {
  const what = options.what ?? { zh: '', en: '' };
  const bad = (at: string, value: unknown, zh: string, en: string, fix: Bilingual = STRUCTURE_FIX) => {
    report('invalid-input', at, value, { zh: `${what.zh}${zh}`, en: `${what.en}${en}` }, fix);
    return undefined;
  };
  if (!Array.isArray(coordinates))
    return bad(
      `${path}.coordinates`,
      coordinates,
      '的坐标不是数组',
      ' has coordinates that are not an array',
    );
  const raw = type === 'Polygon' ? [coordinates] : coordinates;
  const polygons: Position[][][] = [];
  let ringsClosed = 0;
  let positions = 0;
  for (let p = 0; p < raw.length; p++) {
    const poly = raw[p];
    const polyPath = type === 'Polygon' ? `${path}.coordinates` : `${path}.coordinates[${p}]`;
    if (!Array.isArray(poly))
      return bad(polyPath, poly, '的多边形不是环的数组', ' has a polygon that is not an array of rings');
    if (poly.length === 0)
      return bad(polyPath, poly, '有一个空多边形（没有环）', ' has an empty polygon (no rings)', {
        zh: '请删除空的多边形，或补上其边界',
        en: 'Remove the empty polygon or give its boundary',
      });
    const rings: Position[][] = [];
    for (let r = 0; r < poly.length; r++) {
      const ring = poly[r];
      const ringPath = `${polyPath}[${r}]`;
      if (!Array.isArray(ring))
        return bad(ringPath, ring, '的环不是坐标数组', ' has a ring that is not an array of positions');
      const out: Position[] = [];
      for (let i = 0; i < ring.length; i++) {
        const q = ring[i];
        if (!Array.isArray(q) || q.length < 2)
          return bad(
            `${ringPath}[${i}]`,
            q,
            '的坐标不是 [经度, 纬度]',
            ' has a position that is not [lng, lat]',
          );
        const x = q[0];
        const y = q[1];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
          return bad(
            `${ringPath}[${i}]`,
            q,
            '的坐标不是有限数值',
            ' has a coordinate that is not a finite number',
          );
        out.push([x, y]);
      }
      positions += out.length;
      const a = out[0];
      const b = out[out.length - 1];
      if (a && b && (a[0] !== b[0] || a[1] !== b[1])) {
        if (!options.closeRings)
          return bad(
            ringPath,
            `${out.length} positions, first ${JSON.stringify(a)} ≠ last ${JSON.stringify(b)}`,
            '的环没有闭合（首尾坐标不同）',
            ' has a ring that is not closed (its first and last positions differ)',
            {
              zh: 'RFC 7946 要求环的最后一个坐标与第一个相同：请在末尾补上第一个坐标',
              en: 'RFC 7946 rings end with their first position: append the first position to the ring',
            },
          );
        out.push([a[0]!, a[1]!]);
        ringsClosed++;
      }
      if (!options.closeRings && (out.length < 4 || ringSignedArea(out) === 0))
        return bad(
          ringPath,
          `${out.length} positions`,
          '的环少于三个不同顶点或面积为零',
          ' has a ring with fewer than three distinct vertices, or no area',
          { zh: '请删除退化的环', en: 'Remove the degenerate ring' },
        );
      rings.push(out);
    }
    polygons.push(rings);
  }
  if (positions === 0)
    return bad(
      `${path}.coordinates`,
      coordinates,
      '的几何为空（没有坐标）',
      ' has an empty geometry (no coordinates)',
      { zh: '请删除该几何，或补上其边界', en: 'Remove the geometry or give its boundary' },
    );
  return { polygons, ringsClosed };
}

/** Bounding box `[w, s, e, n]` of MultiPolygon coordinates. */
export function boxOf(polygons: readonly Position[][][]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const poly of polygons)
    for (const ring of poly)
      for (const q of ring) {
        const x = q[0]!;
        const y = q[1]!;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  return [w, s, e, n];
}

/** Planar point-in-ring test, the boundary counting as inside. */
function inRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
    const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
    const cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
    if (
      cross === 0 &&
      Math.min(xi, xj) <= x &&
      x <= Math.max(xi, xj) &&
      Math.min(yi, yj) <= y &&
      y <= Math.max(yi, yj)
    )
      return true;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Hole vertices tested against their shell (evenly spread): bounds the cost on huge rings. */
const HOLE_SAMPLES = 32;

/**
 * Whether a hole lies outside its shell or is not smaller than it: its box leaves the shell's box, its
 * area is not smaller, or more than half of up to 32 of its vertices lie outside the shell. A hole that
 * touches its shell (an enclave sharing a border vertex, or a vertex moved onto the shell by snapping)
 * is inside: a vertex on the border tests either way by rounding, so one vertex does not decide.
 */
export function holeOutsideShell(shell: readonly Position[], hole: readonly Position[]): boolean {
  const [sw, ss, se, sn] = boxOf([[shell as Position[]]]);
  const [hw, hs, he, hn] = boxOf([[hole as Position[]]]);
  if (hw < sw || hs < ss || he > se || hn > sn) return true;
  if (Math.abs(ringSignedArea(hole)) >= Math.abs(ringSignedArea(shell))) return true;
  const step = Math.max(1, Math.floor(hole.length / HOLE_SAMPLES));
  let outside = 0;
  let sampled = 0;
  for (let i = 0; i < hole.length; i += step) {
    sampled++;
    if (!inRing(hole[i]![0]!, hole[i]![1]!, shell)) outside++;
  }
  return outside * 2 > sampled;
}

/**
 * Step 5: reports every hole that lies outside its shell or is larger than it. `where(p, r)` names the
 * ring in the input. Returns whether all holes are inside.
 */
export function checkHoles(
  polygons: readonly Position[][][],
  report: Report,
  where: (polygon: number, ring: number) => string,
  what: Bilingual = { zh: '', en: '' },
): boolean {
  let ok = true;
  polygons.forEach((poly, p) => {
    for (let r = 1; r < poly.length; r++) {
      if (!holeOutsideShell(poly[0]!, poly[r]!)) continue;
      ok = false;
      report(
        'invalid-input',
        where(p, r),
        `ring ${r} of polygon ${p}`,
        {
          zh: `${what.zh}的内环（洞）不在外环之内，或比外环还大`,
          en: `${what.en} has a hole that is not inside its shell, or is larger than it`,
        },
        {
          zh: '每个多边形的第一个环是外环，其余为其中的洞：请检查环的顺序，或把它作为单独的多边形',
          en: "A polygon's first ring is its shell and the others are holes inside it: check the ring order, or make it a polygon of its own",
        },
      );
    }
  });
  return ok;
}

/** Whether any two non-adjacent edges of the rings cross or overlap (touching at a vertex is allowed). */
export function hasCrossings(polys: readonly Position[][][]): boolean {
  const segs: number[] = [];
  const ringOf: number[] = [];
  const posOf: number[] = [];
  const lenOf: number[] = [];
  let ringId = 0;
  for (const poly of polys)
    for (const ring of poly) {
      const n = ring.length - 1;
      for (let i = 0; i < n; i++) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        segs.push(a[0]!, a[1]!, b[0]!, b[1]!);
        ringOf.push(ringId);
        posOf.push(i);
        lenOf.push(n);
      }
      ringId++;
    }
  if (segs.length / 4 < 3) return false;
  return forEachNearSegmentPair(segs, (i, j) => {
    if (ringOf[i] === ringOf[j]) {
      const d = Math.abs(posOf[i]! - posOf[j]!);
      if (d === 1 || d === lenOf[i]! - 1) return false;
    }
    return properlyCross(segs, i, j);
  });
}

/** Step 6: RFC 7946 winding (exterior counter-clockwise, holes clockwise), in place; returns rings reversed. */
export function normaliseWinding(polygons: Position[][][]): number {
  let reversed = 0;
  for (const poly of polygons)
    poly.forEach((ring, i) => {
      const area = ringSignedArea(ring);
      if ((i === 0 && area < 0) || (i > 0 && area > 0)) {
        ring.reverse();
        reversed++;
      }
    });
  return reversed;
}

/**
 * Step 4 for a whole input: reports when its box is swapped, projected (Web Mercator metres) or out of
 * range. Returns whether the coordinates are usable WGS-84 degrees.
 */
export function checkDegrees(
  polygons: readonly Position[][][],
  path: string,
  report: Report,
  what: Bilingual = { zh: '', en: '' },
): boolean {
  const b = boxOf(polygons);
  const cls = classifyBox(...b);
  const value = b.map((v) => Math.round(v * 1e4) / 1e4);
  switch (cls) {
    case 'china':
    case 'lonlat':
      return true;
    case 'swapped':
      report(
        'swapped-coordinates',
        path,
        value,
        {
          zh: `${what.zh}的坐标顺序颠倒（纬度在前）`,
          en: `${what.en} has its coordinates swapped (latitude first)`,
        },
        {
          zh: 'GeoJSON 坐标为 [经度, 纬度]：请交换两轴',
          en: 'GeoJSON positions are [longitude, latitude]: swap the axes',
        },
      );
      return false;
    case 'metres':
      report(
        'out-of-range',
        path,
        value,
        {
          zh: `${what.zh}的坐标看起来是 Web 墨卡托米制坐标（EPSG:3857），不是经纬度`,
          en: `${what.en} has coordinates that look like Web Mercator metres (EPSG:3857), not degrees`,
        },
        {
          zh: '请先转换为 WGS-84 经纬度；或用 quyu import 导入，它会识别并转换坐标系',
          en: 'Convert them to WGS-84 degrees first, or import them with quyu import, which detects and converts the system',
        },
      );
      return false;
    default:
      report(
        'out-of-range',
        path,
        value,
        {
          zh: `${what.zh}的坐标超出经纬度范围（外包框 ${value.join(', ')}）`,
          en: `${what.en} has coordinates outside longitude/latitude ranges (bounding box ${value.join(', ')})`,
        },
        {
          zh: '坐标须为 WGS-84 经纬度：经度 -180 到 180，纬度 -90 到 90',
          en: 'Coordinates must be WGS-84 degrees: longitude -180..180, latitude -90..90',
        },
      );
      return false;
  }
}

/** A box `[west, south, east, north]`. */
export type Box = readonly [number, number, number, number];

/** Whether two boxes meet (boundaries included). */
export function boxesMeet(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function clipRing(ring: readonly Position[], box: Box): Position[] {
  let pts: Position[] = ring.slice(0, -1) as Position[];
  // One half-plane per box side: keep where `inside`, cut edges where they cross the side.
  const sides: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0]! >= box[0], (a, b) => cutX(a, b, box[0])],
    [(p) => p[0]! <= box[2], (a, b) => cutX(a, b, box[2])],
    [(p) => p[1]! >= box[1], (a, b) => cutY(a, b, box[1])],
    [(p) => p[1]! <= box[3], (a, b) => cutY(a, b, box[3])],
  ];
  for (const [inside, cut] of sides) {
    if (pts.length === 0) break;
    const out: Position[] = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i]!;
      const prev = pts[(i + pts.length - 1) % pts.length]!;
      const cin = inside(cur);
      if (cin !== inside(prev)) out.push(cut(prev, cur));
      if (cin) out.push(cur);
    }
    pts = out;
  }
  if (pts.length < 3) return [];
  pts.push([pts[0]![0]!, pts[0]![1]!]);
  return ringSignedArea(pts) === 0 ? [] : pts;
}

function cutX(a: Position, b: Position, x: number): Position {
  const t = (x - a[0]!) / (b[0]! - a[0]!);
  return [x, a[1]! + t * (b[1]! - a[1]!)];
}

function cutY(a: Position, b: Position, y: number): Position {
  const t = (y - a[1]!) / (b[1]! - a[1]!);
  return [a[0]! + t * (b[0]! - a[0]!), y];
}

/**
 * The part of polygons inside a box (Sutherland–Hodgman per ring, linear time). Concave parts may leave
 * zero-width bridges along the box sides: harmless for areas and for polygon clipping, which is what the
 * result is for (a prefilter before exact Turf operations on large polygons).
 */
export function clipToBox(polygons: readonly Position[][][], box: Box): Position[][][] {
  const out: Position[][][] = [];
  for (const poly of polygons) {
    const pb = boxOf([poly]);
    if (!boxesMeet(pb, box)) continue;
    if (pb[0] >= box[0] && pb[2] <= box[2] && pb[1] >= box[1] && pb[3] <= box[3]) {
      out.push(poly);
      continue;
    }
    const shell = clipRing(poly[0]!, box);
    if (shell.length === 0) continue;
    const rings = [shell];
    for (const hole of poly.slice(1)) {
      const h = clipRing(hole, box);
      if (h.length) rings.push(h);
    }
    out.push(rings);
  }
  return out;
}
