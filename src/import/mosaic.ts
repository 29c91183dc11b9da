/**
 * Cleaning imported units the way mapshaper's `-clean` and `-mosaic` do, on one planar arrangement:
 * gaps and overlaps between neighbours removed, holes that are not real enclaves filled, every unit clipped
 * to its parent and its parent tiled exactly by its children where the input allows, borders shared
 * vertex for vertex.
 *
 * ```
 *  unit rings ─┐                      ┌─ face covered by one child of its parent      ─▶ that child
 *  parent rings┴─ node (1e-7° grid) ─▶ faces ─┼─ covered by several (overlap)          ─▶ neighbour with the longest border
 *   (the atlas'     every crossing          ├─ inside a parent, covered by none (gap)  ─▶ neighbour with the longest border
 *    finest units)  is a vertex             │     (thin or small gaps only: a missing unit is reported, not absorbed)
 *                                           ├─ outside every parent                     ─▶ clipped (reported)
 *                                           └─ another parent's (a real enclave)         ─▶ left to that parent
 *  faces of one unit ─dissolve─▶ rings (shells counter-clockwise, holes clockwise, RFC 7946)
 * ```
 *
 * Coordinates are integers on a 1e-7° grid (about 1 cm), the precision of everything quyu writes; crossings
 * are rounded to the grid and the noding repeats until no two segments cross. Each segment remembers, per
 * unit, whether that unit's interior lies on its left, so the coverage of every face follows from its
 * neighbour's by crossing one segment — no point-in-polygon test per face.
 */
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { edgeKey, M_PER_DEG_LAT, M_PER_DEG_LNG } from '../geo/planar.ts';
import { orientSign } from '../relations/internal/orient.ts';

/** Holes of the input's union up to this area (km²) are filled: the smallest county-level unit is larger. */
const HOLE_KM2 = 50;

/**
 * Grid of the arrangement: 1e-7° (about 1 cm); every vertex of the cleaned units lies on it (the topology
 * step quantises on multiples of it, so its finest grid loses nothing).
 */
export const MOSAIC_SCALE = 1e7;
const SCALE = MOSAIC_SCALE;

/** A unit to clean. */
export interface MosaicUnit {
  code: string;
  /** The atlas unit it must lie in and tile (null: clean against its neighbours only). */
  parent: string | null;
  polygons: Position[][][];
}

/** A parent outline (an atlas unit). */
export interface MosaicParent {
  code: string;
  polygons: Position[][][];
}

/** Options of {@link buildMosaic}. */
export interface MosaicOptions {
  /** Gaps smaller than this are filled (km²). */
  gapAreaKm2: number;
  /** Gaps thinner than this (mean width 2·area/perimeter, metres) are filled whatever their area. */
  gapWidthM: number;
  /**
   * Parents whose children are all in the input (by the code table): a gap there cannot be a missing unit's
   * place, so a gap a child borders is filled whatever its size and shape (each reported in `gapsAssigned`).
   */
  completeParents?: ReadonlySet<string>;
}

/** Count and area of a kind of defect. */
export interface DefectStats {
  count: number;
  km2: number;
}

/** What the cleaning found and did. */
export interface MosaicReport {
  /** Holes of the input's union (areas no unit covers, surrounded by units), before cleaning. */
  inputHoles: DefectStats;
  /** Gaps inside a parent that no child covered (holes, slivers along the parent's outline), filled. */
  gapsFilled: DefectStats;
  /** Overlaps between units (the same area claimed by two or more), each given to one unit. */
  overlaps: DefectStats;
  /** Parts of units outside their parent (or inside another parent), clipped. */
  outsideParent: DefectStats;
  /**
   * Holes of the output's union (areas no unit covers, surrounded by units): real enclaves (territory of an
   * atlas unit outside the imported parents, or of no parent) and gaps left (`gapsLeft`) that units surround.
   */
  holesKept: DefectStats;
  /**
   * Gaps neither small nor thin, in parents whose children are all in the input (so not a missing unit's
   * place), each given whole to the neighbour with the longest shared border: a child of the same parent
   * where one borders it (`acrossParents` false), else a unit of another parent. Counted in `gapsFilled` too.
   */
  gapsAssigned: { parent: string; code: string; km2: number; acrossParents: boolean }[];
  /**
   * Gaps too large to be a drawing defect in parents with a child missing from the input (the missing
   * unit's place), or that no unit borders (an island of the parent no child draws): left uncovered.
   */
  gapsLeft: DefectStats;
  /** Gap area (km²) no child of its parent reached, given to a neighbour of another parent (no hole left). */
  filledAcrossParents: number;
  /** Per parent: its area, the area its children cover after cleaning, and what does not tile. */
  tiling: { parent: string; parentKm2: number; childrenKm2: number; residualKm2: number }[];
  /** Per unit: area moved in (gaps, overlaps won) and out (clipped, overlaps lost), km². */
  changes: { code: string; addedKm2: number; removedKm2: number }[];
  /** Vertices, segments and faces of the arrangement; noding passes. */
  stats: { vertices: number; edges: number; faces: number; passes: number };
}

/** Open-addressing table of integer grid points → ids. */
class PointTable {
  xs = new Float64Array(1 << 16);
  ys = new Float64Array(1 << 16);
  n = 0;
  #slots = new Int32Array(1 << 17).fill(-1);
  #mask = (1 << 17) - 1;

  #hash(x: number, y: number): number {
    return (Math.imul(x | 0, 0x9e3779b1) ^ Math.imul((y | 0) + 0x7f4a7c15, 0x85ebca77)) >>> 0;
  }

  id(x: number, y: number): number {
    let s = this.#hash(x, y) & this.#mask;
    for (;;) {
      const k = this.#slots[s]!;
      if (k < 0) break;
      if (this.xs[k] === x && this.ys[k] === y) return k;
      s = (s + 1) & this.#mask;
    }
    const id = this.n++;
    if (id >= this.xs.length) {
      const xs = new Float64Array(this.xs.length * 2);
      xs.set(this.xs);
      this.xs = xs;
      const ys = new Float64Array(this.ys.length * 2);
      ys.set(this.ys);
      this.ys = ys;
    }
    this.xs[id] = x;
    this.ys[id] = y;
    this.#slots[s] = id;
    if (this.n * 2 > this.#slots.length) this.#grow();
    return id;
  }

  #grow(): void {
    const size = this.#slots.length * 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    for (let k = 0; k < this.n; k++) {
      let s = this.#hash(this.xs[k]!, this.ys[k]!) & this.#mask;
      while (this.#slots[s]! >= 0) s = (s + 1) & this.#mask;
      this.#slots[s] = k;
    }
  }
}

/** Sign of the turn a → b → c (exact for the grid's integers). */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return orientSign(by - ay, bx - ax, cy - ay, cx - ax);
}

/**
 * Per segment, per owner: +n when the owner's interior lies n times on the left of lo → hi. Stored as
 * `[owner, count, owner, count, …]`.
 */
type Delta = number[];

function addDelta(d: Delta, owner: number, count: number): void {
  for (let i = 0; i < d.length; i += 2) {
    if (d[i] === owner) {
      d[i + 1]! += count;
      if (d[i + 1] === 0) d.splice(i, 2);
      return;
    }
  }
  if (count !== 0) d.push(owner, count);
}

/**
 * Cleans `units` against each other and against their `parents`; returns each unit's cleaned polygons
 * (units left with no area are absent) and the report.
 */
export function buildMosaic(
  units: readonly MosaicUnit[],
  parents: readonly MosaicParent[],
  options: MosaicOptions,
): { polygons: Map<string, Position[][][]>; report: MosaicReport } {
  const nUnits = units.length;
  const owners = [...units.map((u) => u.code), ...parents.map((p) => p.code)];
  const parentIndex = new Map(parents.map((p, i) => [p.code, nUnits + i]));
  const tileParent = units.map((u) => (u.parent !== null ? (parentIndex.get(u.parent) ?? -1) : -1));
  const freeUnits = units.flatMap((_, u) => (tileParent[u]! < 0 ? [u] : []));
  const childrenOf = new Map<number, number[]>();
  tileParent.forEach((p, u) => {
    if (p >= 0) childrenOf.set(p, [...(childrenOf.get(p) ?? []), u]);
  });

  // ── Segments ────────────────────────────────────────────────────────────────────────────────────────
  const pts = new PointTable();
  const segKey = new Map<number, number>();
  let segLo: number[] = [];
  let segHi: number[] = [];
  let segDelta: (Delta | null)[] = [];
  const addSegment = (a: number, b: number, delta: Delta): number => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = edgeKey(lo, hi);
    const sign = a < b ? 1 : -1;
    let s = segKey.get(key);
    if (s === undefined) {
      s = segLo.length;
      segKey.set(key, s);
      segLo.push(lo);
      segHi.push(hi);
      segDelta.push([]);
    }
    const d = segDelta[s]!;
    for (let i = 0; i < delta.length; i += 2) addDelta(d, delta[i]!, delta[i + 1]! * sign);
    return s;
  };
  const addRings = (owner: number, polygons: readonly Position[][][]) => {
    for (const poly of polygons) {
      poly.forEach((ring, ri) => {
        const ids: number[] = [];
        for (const q of ring) {
          const id = pts.id(Math.round(q[0]! * SCALE), Math.round(q[1]! * SCALE));
          if (ids[ids.length - 1] !== id) ids.push(id);
        }
        if (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
        if (ids.length < 3) return;
        // Interior on the left: shells counter-clockwise, holes clockwise.
        let area = 0;
        const x0 = pts.xs[ids[0]!]!;
        const y0 = pts.ys[ids[0]!]!;
        for (let i = 0; i < ids.length; i++) {
          const a = ids[i]!;
          const b = ids[(i + 1) % ids.length]!;
          area += (pts.xs[a]! - x0) * (pts.ys[b]! - y0) - (pts.xs[b]! - x0) * (pts.ys[a]! - y0);
        }
        if (area === 0) return;
        const wantPositive = ri === 0;
        if (area > 0 !== wantPositive) ids.reverse();
        for (let i = 0; i < ids.length; i++) addSegment(ids[i]!, ids[(i + 1) % ids.length]!, [owner, 1]);
      });
    }
  };
  units.forEach((u, i) => {
    addRings(i, u.polygons);
  });
  parents.forEach((p, i) => {
    addRings(nUnits + i, p.polygons);
  });

  // ── Noding: every crossing and touching becomes a shared vertex ─────────────────────────────────────
  let dirty = new Set<number>();
  for (let s = 0; s < segLo.length; s++) if (segDelta[s]!.length) dirty.add(s);
  let passes = 0;
  const X = (p: number) => pts.xs[p]!;
  const Y = (p: number) => pts.ys[p]!;
  while (dirty.size > 0 && passes < 30) {
    passes++;
    const alive: number[] = [];
    for (let s = 0; s < segLo.length; s++) if (segDelta[s] && segDelta[s]!.length) alive.push(s);
    const index = new Flatbush(Math.max(1, alive.length));
    for (const s of alive) {
      const a = segLo[s]!;
      const b = segHi[s]!;
      index.add(Math.min(X(a), X(b)), Math.min(Y(a), Y(b)), Math.max(X(a), X(b)), Math.max(Y(a), Y(b)));
    }
    if (alive.length === 0) index.add(0, 0, 0, 0);
    index.finish();
    const splits = new Map<number, number[]>();
    const split = (s: number, p: number) => {
      if (p === segLo[s] || p === segHi[s]) return;
      const list = splits.get(s);
      if (list) list.push(p);
      else splits.set(s, [p]);
    };
    /** Whether p lies strictly inside segment s (collinear and between its ends). */
    const inside = (s: number, p: number) => {
      const a = segLo[s]!;
      const b = segHi[s]!;
      if (p === a || p === b) return false;
      if (orient(X(a), Y(a), X(b), Y(b), X(p), Y(p)) !== 0) return false;
      return (
        Math.min(X(a), X(b)) <= X(p) &&
        X(p) <= Math.max(X(a), X(b)) &&
        Math.min(Y(a), Y(b)) <= Y(p) &&
        Y(p) <= Math.max(Y(a), Y(b))
      );
    };
    for (const i of dirty) {
      const a = segLo[i]!;
      const b = segHi[i]!;
      if (!segDelta[i]?.length) continue;
      const ax = X(a);
      const ay = Y(a);
      const bx = X(b);
      const by = Y(b);
      for (const k of index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
        const j = alive[k]!;
        if (j === i || (dirty.has(j) && j < i)) continue;
        const c = segLo[j]!;
        const d = segHi[j]!;
        if (inside(i, c)) split(i, c);
        if (inside(i, d)) split(i, d);
        if (inside(j, a)) split(j, a);
        if (inside(j, b)) split(j, b);
        if (a === c || a === d || b === c || b === d) continue;
        const cx = X(c);
        const cy = Y(c);
        const dx = X(d);
        const dy = Y(d);
        const o1 = orient(ax, ay, bx, by, cx, cy);
        const o2 = orient(ax, ay, bx, by, dx, dy);
        const o3 = orient(cx, cy, dx, dy, ax, ay);
        const o4 = orient(cx, cy, dx, dy, bx, by);
        if (o1 * o2 < 0 && o3 * o4 < 0) {
          // A proper crossing: the point, rounded to the grid, becomes a vertex of both.
          const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
          const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
          const p = pts.id(Math.round(ax + t * (bx - ax)), Math.round(ay + t * (by - ay)));
          split(i, p);
          split(j, p);
        }
      }
    }
    dirty = new Set();
    for (const [s, list] of splits) {
      const delta = segDelta[s]!;
      const lo = segLo[s]!;
      const hi = segHi[s]!;
      segDelta[s] = null;
      segKey.delete(edgeKey(lo, hi));
      const ex = X(hi) - X(lo);
      const ey = Y(hi) - Y(lo);
      const along = (p: number) => (X(p) - X(lo)) * ex + (Y(p) - Y(lo)) * ey;
      const chain = [lo, ...[...new Set(list)].sort((p, q) => along(p) - along(q)), hi];
      for (let k = 0; k + 1 < chain.length; k++) {
        if (chain[k] === chain[k + 1]) continue;
        const n = addSegment(chain[k]!, chain[k + 1]!, delta);
        dirty.add(n);
      }
    }
  }

  // ── Half-edges: edge e is lo → hi (2e) and hi → lo (2e + 1) ───────────────────────────────────────
  const edges: number[] = [];
  for (let s = 0; s < segLo.length; s++) if (segDelta[s]?.length) edges.push(s);
  const nE = edges.length;
  const lo = new Int32Array(nE);
  const hi = new Int32Array(nE);
  const delta: Delta[] = [];
  edges.forEach((s, e) => {
    lo[e] = segLo[s]!;
    hi[e] = segHi[s]!;
    delta.push(segDelta[s]!);
  });
  segLo = [];
  segHi = [];
  segDelta = [];
  segKey.clear();
  const nV = pts.n;
  const origin = (h: number) => (h & 1 ? hi[h >> 1]! : lo[h >> 1]!);
  const dest = (h: number) => (h & 1 ? lo[h >> 1]! : hi[h >> 1]!);
  const off = new Int32Array(nV + 1);
  for (let e = 0; e < nE; e++) {
    off[lo[e]! + 1]!++;
    off[hi[e]! + 1]!++;
  }
  for (let v = 0; v < nV; v++) off[v + 1]! += off[v]!;
  const out = new Int32Array(2 * nE);
  const fill = off.slice(0, nV);
  for (let h = 0; h < 2 * nE; h++) out[fill[origin(h)]!++] = h;
  const angle = new Float64Array(2 * nE);
  for (let h = 0; h < 2 * nE; h++) {
    const o = origin(h);
    const t = dest(h);
    angle[h] = Math.atan2(Y(t) - Y(o), X(t) - X(o));
  }
  const pos = new Int32Array(2 * nE);
  for (let v = 0; v < nV; v++) {
    const a = off[v]!;
    const b = off[v + 1]!;
    if (b - a > 1) {
      const slice = Array.from(out.subarray(a, b)).sort((p, q) => angle[p]! - angle[q]!);
      out.set(slice, a);
    }
    for (let k = a; k < b; k++) pos[out[k]!] = k - a;
  }
  /** The outgoing half-edge just clockwise of outgoing half-edge g around its origin. */
  const clockwise = (g: number) => {
    const v = origin(g);
    const deg = off[v + 1]! - off[v]!;
    return out[off[v]! + ((pos[g]! - 1 + deg) % deg)]!;
  };
  const next = (h: number) => clockwise(h ^ 1);

  // ── Walks (face boundaries), their areas, components ────────────────────────────────────────────────
  const walkOf = new Int32Array(2 * nE).fill(-1);
  const walkStart: number[] = [];
  const walkArea: number[] = []; // signed, grid units²
  const walkM2: number[] = [];
  const kx = (y: number) => M_PER_DEG_LNG * Math.cos(((y / SCALE) * Math.PI) / 180);
  for (let h0 = 0; h0 < 2 * nE; h0++) {
    if (walkOf[h0]! >= 0) continue;
    const w = walkStart.length;
    walkStart.push(h0);
    const x0 = X(origin(h0));
    const y0 = Y(origin(h0));
    let area = 0;
    let h = h0;
    let guard = 0;
    do {
      walkOf[h] = w;
      const a = origin(h);
      const b = dest(h);
      area += (X(a) - x0) * (Y(b) - y0) - (X(b) - x0) * (Y(a) - y0);
      h = next(h);
      if (++guard > 4 * nE + 4) throw new Error('mosaic: a face walk does not close');
    } while (h !== h0);
    walkArea.push(area / 2);
    walkM2.push(((area / 2) * kx(y0) * M_PER_DEG_LAT) / (SCALE * SCALE));
  }
  const nW = walkStart.length;
  const parentOfV = new Int32Array(nV).map((_, i) => i);
  const find = (v: number): number => {
    while (parentOfV[v] !== v) {
      parentOfV[v] = parentOfV[parentOfV[v]!]!;
      v = parentOfV[v]!;
    }
    return v;
  };
  for (let e = 0; e < nE; e++) {
    const a = find(lo[e]!);
    const b = find(hi[e]!);
    if (a !== b) parentOfV[a] = b;
  }
  const compOfWalk = (w: number) => find(origin(walkStart[w]!));
  // Per component: its outer walk (most negative area) and its rightmost vertex.
  const outerWalk = new Map<number, number>();
  for (let w = 0; w < nW; w++) {
    const c = compOfWalk(w);
    const cur = outerWalk.get(c);
    if (cur === undefined || walkArea[w]! < walkArea[cur]!) outerWalk.set(c, w);
  }
  const rightmost = new Map<number, number>();
  for (let v = 0; v < nV; v++) {
    if (off[v + 1] === off[v]) continue;
    const c = find(v);
    const r = rightmost.get(c);
    if (r === undefined || X(v) > X(r) || (X(v) === X(r) && Y(v) > Y(r))) rightmost.set(c, v);
  }
  // What encloses each component: the face hit first by a ray from its rightmost vertex towards +x.
  const edgeIndex = new Flatbush(Math.max(1, nE));
  for (let e = 0; e < nE; e++) {
    const a = lo[e]!;
    const b = hi[e]!;
    edgeIndex.add(Math.min(X(a), X(b)), Math.min(Y(a), Y(b)), Math.max(X(a), X(b)), Math.max(Y(a), Y(b)));
  }
  if (nE === 0) edgeIndex.add(0, 0, 0, 0);
  edgeIndex.finish();
  const enclosing = new Map<number, number>(); // component → walk on whose left it lies, −1: unbounded
  for (const [c, v] of rightmost) {
    const vx = X(v);
    const vy = Y(v);
    let best = Infinity;
    let bestWalk = -1;
    for (const e of edgeIndex.search(vx, vy, Infinity, vy)) {
      if (find(lo[e]!) === c) continue;
      const a = lo[e]!;
      const b = hi[e]!;
      const ay = Y(a);
      const by = Y(b);
      if (ay > vy === by > vy) continue;
      const x = X(a) + ((vy - ay) * (X(b) - X(a))) / (by - ay);
      if (x <= vx || x >= best) continue;
      best = x;
      // v lies left of the upward half-edge.
      bestWalk = walkOf[ay < by ? 2 * e : 2 * e + 1]!;
    }
    enclosing.set(c, bestWalk);
  }
  /** The bounded face (a positive walk) a walk lies in, or −1 for the unbounded face. */
  const faceMemo = new Int32Array(nW).fill(-2);
  const faceOf = (w: number): number => {
    if (faceMemo[w] !== -2) return faceMemo[w]!;
    let f: number;
    if (walkArea[w]! > 0) f = w;
    else {
      const c = compOfWalk(w);
      const e = outerWalk.get(c) === w ? enclosing.get(c)! : -1;
      f = e < 0 ? -1 : faceOf(e);
    }
    faceMemo[w] = f;
    return f;
  };

  // ── Coverage of every face ───────────────────────────────────────────────────────────────────────────
  const cov: (Delta | null)[] = new Array(nW).fill(null);
  const deltaOf = (h: number): Delta => (h & 1 ? negate(delta[h >> 1]!) : delta[h >> 1]!);
  const labelled = new Set<number>();
  const labelComponent = (c: number) => {
    if (labelled.has(c)) return;
    labelled.add(c);
    const start = outerWalk.get(c)!;
    const f = faceOf(start);
    if (f >= 0) labelComponent(compOfWalk(f));
    cov[start] = f >= 0 ? cov[f]!.slice() : [];
    const queue = [start];
    while (queue.length) {
      const w = queue.pop()!;
      const here = cov[w]!;
      const h0 = walkStart[w]!;
      let h = h0;
      do {
        const w2 = walkOf[h ^ 1]!;
        if (cov[w2] === null) {
          const there = here.slice();
          const d = deltaOf(h);
          for (let i = 0; i < d.length; i += 2) addDelta(there, d[i]!, -d[i + 1]!);
          cov[w2] = there;
          queue.push(w2);
        }
        h = next(h);
      } while (h !== h0);
    }
  };
  for (const c of outerWalk.keys()) labelComponent(c);

  // ── Ownership ────────────────────────────────────────────────────────────────────────────────────────
  const NONE = -1;
  const PENDING_OVERLAP = -2;
  const PENDING_GAP = -3;
  const owner = new Int32Array(nW).fill(NONE);
  const candidates = new Map<number, number[]>();
  const gapParent = new Int32Array(nW).fill(-1);
  const report: MosaicReport = {
    inputHoles: { count: 0, km2: 0 },
    gapsFilled: { count: 0, km2: 0 },
    overlaps: { count: 0, km2: 0 },
    outsideParent: { count: 0, km2: 0 },
    holesKept: { count: 0, km2: 0 },
    gapsAssigned: [],
    gapsLeft: { count: 0, km2: 0 },
    filledAcrossParents: 0,
    tiling: [],
    changes: [],
    stats: { vertices: nV, edges: nE, faces: 0, passes },
  };
  const added = new Float64Array(nUnits);
  const removed = new Float64Array(nUnits);
  const km2 = (w: number) => walkM2[w]! / 1e6;
  let faces = 0;
  let outsideRegions = 0;
  for (let w = 0; w < nW; w++) {
    if (walkArea[w]! <= 0) continue;
    faces++;
    const c = cov[w]!;
    const inUnits: number[] = [];
    let parent = -1;
    for (let i = 0; i < c.length; i += 2) {
      if (c[i + 1] === 0) continue;
      if (c[i]! < nUnits) inUnits.push(c[i]!);
      else if (parent < 0 || owners[c[i]!]! < owners[parent]!) parent = c[i]!;
    }
    inUnits.sort((a, b) => a - b);
    const free = inUnits.filter((u) => tileParent[u]! < 0);
    let cand: number[];
    if (parent >= 0) {
      cand = inUnits.filter((u) => tileParent[u] === parent);
      if (cand.length === 0) cand = free;
    } else cand = free;
    const clipped = inUnits.filter((u) => !cand.includes(u));
    if (clipped.length) {
      for (const u of clipped) removed[u]! += km2(w);
      report.outsideParent.km2 += km2(w);
      outsideRegions++;
    }
    if (cand.length === 1) owner[w] = cand[0]!;
    else if (cand.length > 1) {
      owner[w] = PENDING_OVERLAP;
      candidates.set(w, cand);
      report.overlaps.count++;
      report.overlaps.km2 += km2(w);
    } else if (parent >= 0 && childrenOf.has(parent)) {
      owner[w] = PENDING_GAP;
      gapParent[w] = parent;
    } else if (parent < 0 && inUnits.length === 0 && freeUnits.length > 0) {
      // A hole among units cleaned without a parent: a gap if it is enclosed by them (decided below).
      owner[w] = PENDING_GAP;
      gapParent[w] = -2;
    }
  }
  report.outsideParent.count = outsideRegions;
  report.stats.faces = faces;

  // Gap regions: connected gap faces of one parent. Filled when small or thin; otherwise left (a missing
  // unit, or a lake of the parent).
  const lengthM = (h: number) => {
    const a = origin(h);
    const b = dest(h);
    return Math.hypot(((X(b) - X(a)) * kx(Y(a))) / SCALE, ((Y(b) - Y(a)) * M_PER_DEG_LAT) / SCALE);
  };
  const leftOwnerRaw = (h: number) => {
    const f = faceOf(walkOf[h]!);
    return f < 0 ? NONE : owner[f]!;
  };
  const coveredByInput = (w: number) => {
    const c = cov[w]!;
    for (let i = 0; i < c.length; i += 2) if (c[i]! < nUnits && c[i + 1] !== 0) return true;
    return false;
  };
  // A region of faces: from w0, across every edge whose other face `joins` (each face taken once: `seen`,
  // `take`); every other edge of the region's outline goes to `outline(h, f2)` (f2 < 0: the outside).
  // Returns the faces and their area in m².
  const floodFaces = (
    w0: number,
    joins: (f2: number, w: number) => boolean,
    seen: (f: number) => boolean,
    take: (f: number) => void,
    outline: (h: number, f2: number) => void,
  ) => {
    const members = [w0];
    take(w0);
    let area = 0;
    for (let k = 0; k < members.length; k++) {
      const w = members[k]!;
      area += walkM2[w]!;
      const h0 = walkStart[w]!;
      let h = h0;
      do {
        const f2 = faceOf(walkOf[h ^ 1]!);
        if (!joins(f2, w)) outline(h, f2);
        else if (!seen(f2)) {
          take(f2);
          members.push(f2);
        }
        h = next(h);
      } while (h !== h0);
    }
    return { members, area };
  };
  const regionOf = new Int32Array(nW).fill(-1);
  const largeGaps: number[] = [];
  for (let w0 = 0; w0 < nW; w0++) {
    if (owner[w0] !== PENDING_GAP || regionOf[w0]! >= 0) continue;
    let perimeter = 0;
    let touchesUnit = false;
    let enclosedByUnits = true;
    const { members, area } = floodFaces(
      w0,
      (f2, w) => f2 >= 0 && owner[f2] === PENDING_GAP && gapParent[f2] === gapParent[w],
      (f) => regionOf[f]! >= 0,
      (f) => {
        regionOf[f] = w0;
      },
      (h, f2) => {
        perimeter += lengthM(h);
        const o2 = f2 < 0 ? NONE : owner[f2]!;
        if (o2 >= 0 || o2 === PENDING_OVERLAP) touchesUnit = true;
        // A hole of the input's union: every face around it is covered by some input unit.
        // (A gap of the neighbouring parent continues the same hole.)
        if (f2 < 0 || (!coveredByInput(f2) && owner[f2] !== PENDING_GAP)) enclosedByUnits = false;
      },
    );
    const kmArea = area / 1e6;
    const thin = perimeter > 0 && (2 * area) / perimeter <= options.gapWidthM;
    // A hole the input's units surround inside their parent is not a missing unit's place: filled up to
    // HOLE_KM2 (a county is larger); gaps open to the parent's outline only when small or thin, or when
    // every child of the parent is in the input (then no missing unit can be its place).
    const small = kmArea <= options.gapAreaKm2 || thin || (enclosedByUnits && kmArea <= HOLE_KM2);
    const complete = gapParent[w0]! >= 0 && options.completeParents?.has(owners[gapParent[w0]!]!) === true;
    const fill = touchesUnit && (small || complete) && (gapParent[w0] !== -2 || enclosedByUnits);
    if (fill) {
      report.gapsFilled.count++;
      report.gapsFilled.km2 += kmArea;
      if (!small) largeGaps.push(w0);
    } else {
      for (const w of members) owner[w] = NONE;
      if (gapParent[w0]! >= 0) {
        report.gapsLeft.count++;
        report.gapsLeft.km2 += kmArea;
      }
    }
  }
  // Large gaps of complete parents go whole to one neighbour: the longest shared border, within the
  // parent where a child borders them. (Others wait for the rounds below, face by face.)
  for (const w0 of largeGaps) {
    const parent = gapParent[w0]!;
    const members: number[] = [];
    for (let w = 0; w < nW; w++) if (regionOf[w] === w0) members.push(w);
    const len = new Map<number, number>();
    for (const w of members) {
      const h0 = walkStart[w]!;
      let h = h0;
      do {
        const o2 = leftOwnerRaw(h ^ 1);
        if (o2 >= 0) len.set(o2, (len.get(o2) ?? 0) + lengthM(h));
        h = next(h);
      } while (h !== h0);
    }
    const pick = (inParent: boolean) => {
      let best = -1;
      let bestLen = 0;
      for (const [o, l] of len) {
        if (inParent && tileParent[o] !== parent) continue;
        if (l > bestLen || (l === bestLen && best >= 0 && o < best)) [best, bestLen] = [o, l];
      }
      return best;
    };
    const within = pick(true);
    const best = within >= 0 ? within : pick(false);
    if (best < 0) continue;
    let area = 0;
    for (const w of members) {
      owner[w] = best;
      area += km2(w);
    }
    added[best]! += area;
    if (within < 0) report.filledAcrossParents += area;
    report.gapsAssigned.push({
      parent: owners[parent]!,
      code: owners[best]!,
      km2: round3(area),
      acrossParents: within < 0,
    });
  }

  // Enclosed empty regions: connected faces for which `empty` holds, every face around them not empty
  // (none on the outside). Counted into `into` (count, km²).
  const countEnclosed = (empty: (w: number) => boolean, into: { count: number; km2: number }) => {
    const seen = new Uint8Array(nW);
    for (let w0 = 0; w0 < nW; w0++) {
      if (walkArea[w0]! <= 0 || seen[w0] || !empty(w0)) continue;
      let enclosed = true;
      const { area } = floodFaces(
        w0,
        (f2) => f2 >= 0 && empty(f2),
        (f) => seen[f] === 1,
        (f) => {
          seen[f] = 1;
        },
        (_h, f2) => {
          if (f2 < 0) enclosed = false;
        },
      );
      if (enclosed) {
        into.count++;
        into.km2 += area / 1e6;
      }
    }
  };
  // Holes of the input's union: faces no unit covers.
  countEnclosed((w) => !coveredByInput(w), report.inputHoles);

  // Pending faces go to the candidate with the longest shared border, in rounds (a face whose neighbours
  // are all pending waits for them).
  let pending: number[] = [];
  for (let w = 0; w < nW; w++) if (owner[w] === PENDING_GAP || owner[w] === PENDING_OVERLAP) pending.push(w);
  // First within each face's parent; then, for gaps no child of their parent reaches (a sliver the
  // parent's outline leaves behind a neighbour of another parent), to any neighbour: never a hole.
  for (const relaxed of [false, true]) {
    while (pending.length) {
      const decided: [number, number][] = [];
      const still: number[] = [];
      for (const w of pending) {
        const allowed =
          owner[w] === PENDING_OVERLAP
            ? candidates.get(w)!
            : relaxed
              ? null
              : gapParent[w]! >= 0
                ? childrenOf.get(gapParent[w]!)!
                : freeUnits;
        const len = new Map<number, number>();
        const h0 = walkStart[w]!;
        let h = h0;
        do {
          const o2 = leftOwnerRaw(h ^ 1);
          if (o2 >= 0 && (!allowed || allowed.includes(o2))) len.set(o2, (len.get(o2) ?? 0) + lengthM(h));
          h = next(h);
        } while (h !== h0);
        let best = -1;
        let bestLen = 0;
        for (const [o, l] of len)
          if (l > bestLen || (l === bestLen && best >= 0 && o < best)) [best, bestLen] = [o, l];
        if (best >= 0) decided.push([w, best]);
        else still.push(w);
      }
      for (const [w, o] of decided) {
        const was = owner[w]!;
        owner[w] = o;
        if (was === PENDING_GAP) {
          added[o]! += km2(w);
          if (relaxed) report.filledAcrossParents += km2(w);
        } else for (const u of candidates.get(w)!) if (u !== o) removed[u]! += km2(w);
      }
      pending = still;
      if (decided.length === 0) break;
    }
  }
  // Nothing borders them any more (an overlap whose claimants all lost it elsewhere): the lowest code.
  for (const w of pending) {
    const cand = owner[w] === PENDING_OVERLAP ? candidates.get(w)! : [];
    owner[w] = cand.length ? cand[0]! : NONE;
  }

  // Holes of the output: faces no unit owns.
  countEnclosed((w) => owner[w] === NONE, report.holesKept);

  // ── Dissolve: the rings of each unit ─────────────────────────────────────────────────────────────────
  const leftOwner = (h: number) => {
    const f = faceOf(walkOf[h]!);
    return f < 0 ? NONE : owner[f]!;
  };
  const used = new Uint8Array(2 * nE);
  const rings = new Map<number, number[][]>();
  for (let h0 = 0; h0 < 2 * nE; h0++) {
    if (used[h0]) continue;
    const c = leftOwner(h0);
    if (c < 0 || leftOwner(h0 ^ 1) === c) continue;
    const ring: number[] = [];
    let h = h0;
    let guard = 0;
    do {
      used[h] = 1;
      ring.push(origin(h));
      let g = clockwise(h ^ 1);
      while (leftOwner(g ^ 1) === c) g = clockwise(g);
      h = g;
      if (++guard > 2 * nE + 2) throw new Error('mosaic: a ring does not close');
    } while (h !== h0);
    const list = rings.get(c) ?? [];
    // A ring that passes a vertex twice (a shell touching its own hole, two lobes meeting at a point) is
    // split there into simple rings, as OGC validity (GEOS) wants them.
    list.push(...splitAtRepeats(ring));
    rings.set(c, list);
  }
  const polygons = new Map<string, Position[][][]>();
  const childrenKm2 = new Map<number, number>();
  for (const [c, list] of rings) {
    const shells: { ring: number[]; area: number; ids: Set<number>; holes: number[][] }[] = [];
    const holes: number[][] = [];
    for (const r of list) {
      const a = ringArea(r, X, Y);
      if (a > 0) shells.push({ ring: r, area: a, ids: new Set(r), holes: [] });
      else if (a < 0) holes.push(r);
    }
    shells.sort((p, q) => p.area - q.area);
    for (const hole of holes) {
      const home = shells.find((s) => {
        const p = hole.find((v) => !s.ids.has(v));
        return p !== undefined && inRing(X(p), Y(p), s.ring, X, Y);
      });
      (home ?? shells[shells.length - 1])?.holes.push(hole);
    }
    const toPos = (r: number[]): Position[] => {
      const ps = r.map((v): Position => [X(v) / SCALE, Y(v) / SCALE]);
      ps.push(ps[0]!);
      return ps;
    };
    const polys = shells
      .slice()
      .sort((p, q) => q.area - p.area)
      .map((s) => [toPos(s.ring), ...s.holes.map(toPos)]);
    polygons.set(owners[c]!, polys);
  }
  for (let w = 0; w < nW; w++) {
    if (walkArea[w]! <= 0 || owner[w]! < 0) continue;
    const p = tileParent[owner[w]!]!;
    if (p >= 0) childrenKm2.set(p, (childrenKm2.get(p) ?? 0) + km2(w));
  }
  const parentKm2 = new Map<number, number>();
  for (let w = 0; w < nW; w++) {
    if (walkArea[w]! <= 0) continue;
    const c = cov[w]!;
    for (let i = 0; i < c.length; i += 2)
      if (c[i]! >= nUnits && c[i + 1] !== 0) parentKm2.set(c[i]!, (parentKm2.get(c[i]!) ?? 0) + km2(w));
  }
  for (const [p] of [...childrenOf].sort((a, b) => (owners[a[0]]! < owners[b[0]]! ? -1 : 1))) {
    const pk = parentKm2.get(p) ?? 0;
    const ck = childrenKm2.get(p) ?? 0;
    report.tiling.push({
      parent: owners[p]!,
      parentKm2: round3(pk),
      childrenKm2: round3(ck),
      residualKm2: round3(pk - ck),
    });
  }
  for (let u = 0; u < nUnits; u++) {
    if (added[u]! > 0 || removed[u]! > 0)
      report.changes.push({ code: owners[u]!, addedKm2: round3(added[u]!), removedKm2: round3(removed[u]!) });
  }
  for (const k of ['inputHoles', 'gapsFilled', 'overlaps', 'outsideParent', 'holesKept', 'gapsLeft'] as const)
    report[k].km2 = round3(report[k].km2);
  report.filledAcrossParents = round3(report.filledAcrossParents);
  return { polygons, report };
}

/** A closed vertex cycle split at every repeated vertex into cycles that visit each vertex once. */
function splitAtRepeats(ring: number[]): number[][] {
  const out: number[][] = [];
  const stack: number[] = [];
  const at = new Map<number, number>();
  for (const v of ring) {
    const k = at.get(v);
    if (k !== undefined) {
      const loop = stack.splice(k + 1);
      for (const u of loop) at.delete(u);
      if (loop.length >= 2) out.push([v, ...loop]);
      continue;
    }
    at.set(v, stack.length);
    stack.push(v);
  }
  if (stack.length >= 3) out.push(stack);
  return out.filter((r) => r.length >= 3);
}

function negate(d: Delta): Delta {
  const out = d.slice();
  for (let i = 1; i < out.length; i += 2) out[i] = -out[i]!;
  return out;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function ringArea(r: number[], X: (p: number) => number, Y: (p: number) => number): number {
  let a = 0;
  const x0 = X(r[0]!);
  const y0 = Y(r[0]!);
  for (let i = 0; i < r.length; i++) {
    const p = r[i]!;
    const q = r[(i + 1) % r.length]!;
    a += (X(p) - x0) * (Y(q) - y0) - (X(q) - x0) * (Y(p) - y0);
  }
  return a / 2;
}

function inRing(
  px: number,
  py: number,
  r: number[],
  X: (p: number) => number,
  Y: (p: number) => number,
): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const xi = X(r[i]!);
    const yi = Y(r[i]!);
    const xj = X(r[j]!);
    const yj = Y(r[j]!);
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
