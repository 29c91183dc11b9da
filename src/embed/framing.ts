/**
 * Framing a figure: what the view shows. The rule is "fit the data, and never let one far item pull the
 * view":
 *
 * 1. a choropleth frames its units (those with values and those drawn as "no data");
 * 2. otherwise a layout frames the units its items name inside the layout's home region (`region`:
 *    Guangdong's 海南自由贸易港 item names 海南, which is drawn but does not move the view);
 * 3. the South China Sea islands never stretch a frame: a unit's polygons that lie wholly in the South
 *    China Sea (三沙's islands, Hainan province's) are left out, and the figure gets the 南海诸岛 inset;
 * 4. without a home region, units far from the others (more than four times the median distance from the
 *    median centre) are left out of the frame;
 * 5. data that spans the country frames the national view, with the inset.
 *
 * Pure and synchronous (an atlas and the code table), so it is tested in Node.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { lookupCode } from '../codes/index.ts';
import type { Layout, LayoutItem } from '../layouts/schema.ts';
import { matchRegion } from '../names/gazetteer.ts';
import type { MapSpec } from './spec.ts';

/** `[west, south, east, north]` in degrees. */
export type Bounds = [number, number, number, number];

/** The mainland and Hainan island: the national view (the islands go to the inset). */
export const NATIONAL_FRAME: Bounds = [73.4, 17.8, 135.1, 53.6];

/**
 * What the base map covers: its neighbouring land is cut at 60°E, 150°E, 5°S and 58°N, so a view must stay
 * inside (a wide national view would otherwise show the cut as a straight line at 60°E).
 */
export const BASE_MAP_EXTENT: Bounds = [60, -5, 150, 58];

/** Polygons wholly inside this box are South China Sea islands, shown in the inset, not framed. */
const SCS_BOX: Bounds = [106, 2.5, 123, 17.8];

/** The frame of a figure. */
export interface Frame {
  bounds: Bounds;
  /** Whether the figure shows the 南海诸岛 inset. */
  inset: boolean;
  /** Whether the frame is the national view. */
  national: boolean;
  /** Codes drawn but left out of the frame (far from the rest, or outside the home region). */
  leftOut: string[];
}

/** The part of an atlas framing reads. */
export interface FrameAtlas {
  has(code: string): boolean;
  feature(code: string): { geometry: Polygon | MultiPolygon };
}

interface UnitExtent {
  code: string;
  bounds: Bounds;
  /** The unit has polygons in the South China Sea (drawn in the inset). */
  islands: boolean;
}

function ringBounds(ring: Position[]): Bounds {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of ring) {
    if (x! < w) w = x!;
    if (x! > e) e = x!;
    if (y! < s) s = y!;
    if (y! > n) n = y!;
  }
  return [w, s, e, n];
}

const inside = (b: Bounds, box: Bounds) =>
  b[0] >= box[0] && b[1] >= box[1] && b[2] <= box[2] && b[3] <= box[3];

function union(a: Bounds | null, b: Bounds): Bounds {
  return a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : b;
}

/** The unit drawn for `code`: itself, or its nearest ancestor the atlas draws (a county → its prefecture). */
function drawnUnit(code: string, atlas: FrameAtlas): string | undefined {
  let c: string | null | undefined = code;
  for (let i = 0; i < 3 && c; i++) {
    if (atlas.has(c)) return c;
    c = lookupCode(c)?.parent;
  }
  return undefined;
}

/**
 * The extent of a unit without its South China Sea islands (Hainan province frames Hainan island), and
 * whether it has such islands.
 *
 * @example
 * ```ts
 * unitExtent('460000', atlas); // { code: '460000', bounds: [108.6, 18.1, 111.1, 20.2] (about), islands: true }
 * ```
 */
export function unitExtent(code: string, atlas: FrameAtlas): UnitExtent {
  const g = atlas.feature(code).geometry;
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).filter((p) => p[0]?.length);
  const boxes = polygons.map((p) => ringBounds(p[0]!));
  const size = (b: Bounds) => (b[2] - b[0]) * (b[3] - b[1]);
  // The main body: the largest polygon, with the polygons near it (coastal islands within 1°).
  let biggest: Bounds | null = null;
  for (const b of boxes) if (!biggest || size(b) > size(biggest)) biggest = b;
  if (!biggest) return { code, bounds: NATIONAL_FRAME, islands: false };
  const near = (b: Bounds, m: Bounds) =>
    b[0] <= m[2] + 1 && b[2] >= m[0] - 1 && b[1] <= m[3] + 1 && b[3] >= m[1] - 1;
  let main: Bounds = biggest;
  let islands = false;
  // Grow the body island by island (an archipelago's chain stays whole); what stays apart is remote.
  let changed = true;
  const used = new Set<number>();
  while (changed) {
    changed = false;
    boxes.forEach((b, i) => {
      if (used.has(i) || !near(b, main)) return;
      if (inside(b, SCS_BOX) && !inside(main, SCS_BOX)) return;
      used.add(i);
      main = union(main, b);
      changed = true;
    });
  }
  boxes.forEach((b, i) => {
    if (!used.has(i) && inside(b, SCS_BOX)) islands = true;
  });
  return { code, bounds: main, islands };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The frame of a set of units (codes of the atlas or below it): rules 3–5 of this module.
 *
 * @example
 * ```ts
 * frameOfCodes(['440100', '440300'], atlas).bounds; // Guangzhou and Shenzhen
 * frameOfCodes(['460000'], atlas).inset; // true: Hainan island framed, the islands in the inset
 * ```
 */
export function frameOfCodes(codes: readonly string[], atlas: FrameAtlas): Frame {
  const units = [
    ...new Set(codes.map((c) => drawnUnit(c, atlas)).filter((c): c is string => Boolean(c))),
  ].map((c) => unitExtent(c, atlas));
  if (!units.length) return { bounds: NATIONAL_FRAME, inset: true, national: true, leftOut: [] };
  let kept = units;
  const leftOut: string[] = [];
  if (units.length >= 3) {
    const centre = (u: UnitExtent) => [(u.bounds[0] + u.bounds[2]) / 2, (u.bounds[1] + u.bounds[3]) / 2];
    const cs = units.map(centre);
    const mx = median(cs.map((c) => c[0]!));
    const my = median(cs.map((c) => c[1]!));
    const dist = cs.map(([x, y]) => Math.hypot(x! - mx, y! - my));
    const limit = Math.max(4 * median(dist), 3);
    kept = units.filter((_, i) => dist[i]! <= limit);
    for (const [i, u] of units.entries()) if (dist[i]! > limit) leftOut.push(u.code);
  }
  let bounds: Bounds | null = null;
  for (const u of kept) bounds = union(bounds, u.bounds);
  const b = bounds!;
  // Data across the country: the standard national view.
  if (b[2] - b[0] > 40 || (b[2] - b[0] > 25 && b[3] - b[1] > 18)) {
    return { bounds: NATIONAL_FRAME, inset: true, national: true, leftOut };
  }
  return { bounds: b, inset: kept.some((u) => u.islands), national: false, leftOut };
}

const CODE_KEYS = new Set(['code', 'core', 'from', 'to', 'unit']);

/** The division codes an item names (members, cores, centres, poles, link ends, corridor nodes, hub units). */
export function itemCodes(item: LayoutItem): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string, depth: number) => {
    if (depth > 6) return;
    if (typeof v === 'string') {
      if (CODE_KEYS.has(key) && /^\d{6}$/.test(v)) out.push(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key, depth + 1);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k, depth + 1);
  };
  walk(item, '', 0);
  return out;
}

/**
 * The home region of a layout (`region`: `Guangdong`, `Mianyang, Sichuan`, `China`) as a code, or null.
 *
 * @example
 * ```ts
 * homeRegion({ region: 'Guangdong' }); // '440000'
 * homeRegion({ region: 'China' }); // '100000'
 * ```
 */
export function homeRegion(layout: Pick<Layout, 'region'>): string | null {
  if (/^(China|中国|全国)$/i.test(layout.region.trim())) return '100000';
  const m = matchRegion(layout.region, { suggestions: 0 });
  return m.status === 'matched' ? m.code : null;
}

const under = (code: string, home: string) =>
  home.endsWith('0000')
    ? code.slice(0, 2) === home.slice(0, 2)
    : home.endsWith('00')
      ? code.slice(0, 4) === home.slice(0, 4)
      : code === home;

/**
 * The frame of a figure (rules 1–5 of this module): the spec's `focus` when it names one, else the data.
 *
 * @example
 * ```ts
 * frameOf(parseMapSpec({ layouts: ['guangdong'] }), [guangdong], [], atlas).bounds; // Guangdong, not the South China Sea
 * ```
 */
export function frameOf(
  spec: Pick<MapSpec, 'focus' | 'inset' | 'show'>,
  layouts: readonly Layout[],
  dataCodes: readonly string[],
  atlas: FrameAtlas,
): Frame {
  const focus = spec.focus;
  const withInset = (f: Frame): Frame => (spec.inset === undefined ? f : { ...f, inset: spec.inset });
  if (focus === 'national')
    return withInset({ bounds: NATIONAL_FRAME, inset: true, national: true, leftOut: [] });
  if (focus && typeof focus === 'object' && 'bounds' in focus) {
    return { bounds: focus.bounds, inset: spec.inset ?? false, national: false, leftOut: [] };
  }
  if (focus && typeof focus === 'object' && 'codes' in focus)
    return withInset(frameOfCodes(focus.codes, atlas));
  if (dataCodes.length) return withInset(frameOfCodes(dataCodes, atlas));
  const types = spec.show?.types;
  const ids = spec.show?.ids;
  const codes: string[] = [];
  const leftOut: string[] = [];
  let national = false;
  for (const layout of layouts) {
    const home = homeRegion(layout);
    if (home === '100000') national = true;
    const items = layout.items.filter(
      (i) => (!types || types.includes(i.type)) && (!ids || ids.includes(i.id)),
    );
    const all = items.flatMap(itemCodes);
    const inHome = home && home !== '100000' ? all.filter((c) => under(c, home)) : all;
    codes.push(...(inHome.length ? inHome : all));
    if (inHome.length) leftOut.push(...all.filter((c) => !inHome.includes(c)));
  }
  if (national) return withInset({ bounds: NATIONAL_FRAME, inset: true, national: true, leftOut: [] });
  const frame = frameOfCodes(codes, atlas);
  return withInset({ ...frame, leftOut: [...new Set([...leftOut, ...frame.leftOut])] });
}
