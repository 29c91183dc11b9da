/**
 * A grid index over the atlas for exact point-in-region lookups at millions of points per second.
 *
 * ```
 *   ┌────┬────┬────┬────┐   Each cell of a uniform grid is, after the build,
 *   │ A  │ A ╱│ B  │ B  │   - an interior cell: wholly inside one unit (A, B) or outside every unit (·);
 *   ├────┼──╱─┼────┼────┤     a lookup is one array read;
 *   │ A  │ ╱B │ B  │ ·  │   - a border cell (╱): crossed by the edges of some units (within 1e-9°).
 *   └────┴────┴────┴────┘     Only these need an exact test, and only against the units listed for the
 *                             cell, each using only its edges in the cell's row band.
 * ```
 *
 * The exact test is the one `@turf/boolean-point-in-polygon` runs (point-in-polygon-hao's crossing rule with
 * an exact orientation predicate), restricted to the edges that can contribute, so answers are identical to
 * a plain Turf loop over the same decoded features, on borders too: a point on a boundary lies in every unit
 * whose closed polygon contains it, and the **lowest code wins** (the order of a plain loop over the units
 * sorted by code).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Atlas } from '../atlas/index.ts';
import { checkNumberOption, fail } from '../errors/index.ts';
import { optionsOf, requireAtlas } from './internal/input.ts';
import { orientSign } from './internal/orient.ts';

/**
 * Which units a point is assigned to: the atlas' finest units (`prefecture`), its provinces, or county-level
 * units (`county`: imported counties where loaded, see {@link Atlas.countyLevelUnits}).
 */
export type RegionLevel = 'prefecture' | 'province' | 'county';

/** Options of {@link regionIndex}. */
export interface RegionIndexOptions {
  /**
   * `'prefecture'` (default): the atlas' finest units, i.e. `atlas.prefectures()` (prefecture-level units,
   * county-level units directly under a province or municipality, and 台湾/香港/澳门 whole).
   * `'province'`: the 34 province-level units.
   * `'county'`: county-level units: the counties of `loadAtlas({ extensions })` where they are loaded, and
   * the atlas' own county-level units (Beijing's districts …); a point inside a prefecture whose counties
   * are not loaded gets null (nothing is known there at county level).
   */
  level?: RegionLevel;
  /**
   * Grid cell size in degrees (default 1/16°, about 7 km), from 1/64 to 10 (other values throw a
   * {@link QuyuError} `out-of-range`). Smaller cells leave fewer points for the exact test but cost memory:
   * 8 MB at 1/16° and 19 MB at 1/32° for the national view. Answers do not depend on it. At most four indexes
   * are cached per atlas (the least recently used is dropped).
   */
  cellDeg?: number;
}

/** Size and build cost of a {@link RegionIndex}. */
export interface RegionIndexStats {
  /** Wall-clock build time in milliseconds (including decoding the features if not yet cached). */
  buildMs: number;
  units: number;
  cellDeg: number;
  cols: number;
  rows: number;
  /** Cells wholly inside one unit. */
  insideCells: number;
  /** Cells wholly outside every unit. */
  outsideCells: number;
  /** Cells that need an exact test. */
  borderCells: number;
  /** Edges stored in row bands (an edge spanning several rows is stored once per row). */
  bandEdges: number;
  /** Approximate memory of the typed arrays, in bytes. */
  bytes: number;
}

/** Margin (degrees) around every edge: cells closer than this to an edge count as border cells. */
const EPS = 1e-9;
const DEFAULT_CELL_DEG = 1 / 16;
/** Bounds of `cellDeg`: below 1/64° the national grid alone would take hundreds of megabytes. */
export const CELL_DEG_BOUNDS = { min: 1 / 64, max: 10 } as const;
/** Indexes kept per atlas (least recently used dropped first). */
const MAX_CACHED = 4;

function checkCellDeg(cellDeg: unknown): number {
  return checkNumberOption('cellDeg', cellDeg, {
    ...CELL_DEG_BOUNDS,
    unit: { zh: '度', en: 'degrees' },
    example: 1 / 16,
  });
}

type Coords = Position[][][];

function polygonsOf(g: Polygon | MultiPolygon): Coords {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** A growable typed buffer. */
class Grow<T extends Float64Array | Int32Array> {
  a: T;
  n = 0;
  constructor(readonly make: (n: number) => T) {
    this.a = make(1024);
  }
  /** Makes room for `k` more values. */
  reserve(k: number): void {
    if (this.n + k <= this.a.length) return;
    const b = this.make(Math.max(this.a.length * 2, this.n + k));
    b.set(this.a);
    this.a = b;
  }
  push(v: number): void {
    this.reserve(1);
    this.a[this.n++] = v;
  }
  done(): T {
    return this.a.slice(0, this.n) as T;
  }
}
const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);

/** The arrays of a built grid. */
interface Grid {
  x0: number;
  y0: number;
  d: number;
  cols: number;
  rows: number;
  /** ≥ 0: unit index; −1: outside; ≤ −2: border cell `−2 − value`. */
  cells: Int32Array;
  borderStart: Int32Array;
  candUnit: Int32Array;
  /** Band of the candidate's edges in the cell's row, or −1 when the cell lies wholly inside the unit. */
  candBand: Int32Array;
  bandStart: Int32Array;
  /** 4 numbers per edge: ax, ay, bx, by. */
  edges: Float64Array;
  /** Polygon of each band edge (edges of one band are grouped by polygon). */
  edgePoly: Int32Array;
  borderCells: number;
  insideCells: number;
}

function bounds(polys: Coords[]): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const unit of polys)
    for (const poly of unit)
      for (const ring of poly)
        for (const p of ring) {
          const x = p[0]!;
          const y = p[1]!;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : [0, 0, 1, 1];
}

/**
 * Builds the grid: per unit, (1) its edges go into row bands (two passes: count, then write, so each band's
 * edges are contiguous and grouped by polygon), (2) every cell within EPS of an edge is marked touched by
 * the unit (conservative rasterisation), (3) a scanline fill marks the untouched cells whose centre lies
 * inside one of its polygons: those lie wholly inside. Then each cell becomes an interior value or a border
 * cell with its candidate units in code order.
 */
function buildGrid(polys: Coords[], d: number): Grid {
  const [minX, minY, maxX, maxY] = bounds(polys);
  const inv = 1 / d;
  const x0 = minX - d;
  const y0 = minY - d;
  const cols = Math.floor((maxX - x0) * inv) + 2;
  const rows = Math.floor((maxY - y0) * inv) + 2;
  const nCells = cols * rows;
  const colOf = (x: number) => Math.floor((x - x0) * inv);
  const rowOf = (y: number) => Math.floor((y - y0) * inv);

  const touchStamp = new Int32Array(nCells).fill(-1);
  const owner = new Int32Array(nCells).fill(-1);
  const multiWhole = new Map<number, number[]>();
  const touchCell = new Grow(i32);
  const touchUnit = new Grow(i32);
  const edges = new Grow(f64);
  const edgePoly = new Grow(i32);
  const bandStart = new Grow(i32);
  /** Per unit: first row and band id per row (−1 when none). */
  const unitR0 = new Int32Array(polys.length);
  const unitBands: Int32Array[] = [];
  let crossings = new Float64Array(64);

  for (let u = 0; u < polys.length; u++) {
    const unit = polys[u]!;
    let uy0 = Number.POSITIVE_INFINITY;
    let uy1 = Number.NEGATIVE_INFINITY;
    for (const poly of unit)
      for (const ring of poly)
        for (const p of ring) {
          if (p[1]! < uy0) uy0 = p[1]!;
          if (p[1]! > uy1) uy1 = p[1]!;
        }
    if (!Number.isFinite(uy0)) {
      unitBands.push(new Int32Array(0));
      continue;
    }
    const r0 = Math.max(0, rowOf(uy0 - EPS));
    const r1 = Math.min(rows - 1, rowOf(uy1 + EPS));
    const nr = r1 - r0 + 1;

    // Pass 1: edges per row band.
    const count = new Int32Array(nr);
    for (const poly of unit)
      for (const ring of poly)
        for (let k = 0; k + 1 < ring.length; k++) {
          const ay = ring[k]![1]!;
          const by = ring[k + 1]![1]!;
          const br0 = Math.max(r0, rowOf(Math.min(ay, by) - EPS));
          const br1 = Math.min(r1, rowOf(Math.max(ay, by) + EPS));
          for (let r = br0; r <= br1; r++) count[r - r0]!++;
        }
    const ids = new Int32Array(nr).fill(-1);
    const at = new Int32Array(nr);
    let total = 0;
    for (let i = 0; i < nr; i++) {
      if (count[i] === 0) continue;
      ids[i] = bandStart.n;
      bandStart.push(edgePoly.n + total);
      at[i] = edgePoly.n + total;
      total += count[i]!;
    }
    edges.reserve(4 * total);
    edgePoly.reserve(total);
    edges.n += 4 * total;
    edgePoly.n += total;
    unitR0[u] = r0;
    unitBands.push(ids);

    // Pass 2: write the band edges (polygon by polygon, so grouped by polygon) and rasterise.
    const E = edges.a;
    const P = edgePoly.a;
    for (let pi = 0; pi < unit.length; pi++) {
      for (const ring of unit[pi]!) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const ax = ring[k]![0]!;
          const ay = ring[k]![1]!;
          const bx = ring[k + 1]![0]!;
          const by = ring[k + 1]![1]!;
          const ex0 = Math.min(ax, bx);
          const ex1 = Math.max(ax, bx);
          const ey0 = Math.min(ay, by);
          const ey1 = Math.max(ay, by);
          const br0 = Math.max(r0, rowOf(ey0 - EPS));
          const br1 = Math.min(r1, rowOf(ey1 + EPS));
          for (let r = br0; r <= br1; r++) {
            const e = at[r - r0]!++;
            E[4 * e] = ax;
            E[4 * e + 1] = ay;
            E[4 * e + 2] = bx;
            E[4 * e + 3] = by;
            P[e] = pi;
          }
          // Conservative rasterisation: every cell within EPS of the edge.
          const c0 = Math.max(0, colOf(ex0 - EPS));
          const c1 = Math.min(cols - 1, colOf(ex1 + EPS));
          const slope = ax === bx ? 0 : (by - ay) / (bx - ax);
          for (let c = c0; c <= c1; c++) {
            const cx0 = x0 + c * d;
            let xl = Math.max(cx0, ex0);
            let xr = Math.min(cx0 + d, ex1);
            if (xl > xr) xl = xr = cx0 > ex1 ? ex1 : ex0;
            let ylo = ey0;
            let yhi = ey1;
            if (ax !== bx) {
              const ya = ay + (xl - ax) * slope;
              const yb = ay + (xr - ax) * slope;
              ylo = Math.max(ey0, Math.min(ya, yb));
              yhi = Math.min(ey1, Math.max(ya, yb));
            }
            const rr0 = Math.max(0, rowOf(ylo - EPS));
            const rr1 = Math.min(rows - 1, rowOf(yhi + EPS));
            for (let r = rr0; r <= rr1; r++) {
              const cell = r * cols + c;
              if (touchStamp[cell] !== u) {
                touchStamp[cell] = u;
                touchCell.push(cell);
                touchUnit.push(u);
              }
            }
          }
        }
      }
    }

    // Scanline fill, polygon by polygon (a cell is inside the unit when inside any of its polygons):
    // untouched cells whose centre is inside lie wholly inside.
    for (let i = 0; i < nr; i++) {
      const band = ids[i]!;
      if (band < 0) continue;
      const r = r0 + i;
      const yc = y0 + (r + 0.5) * d;
      const start = bandStart.a[band]!;
      const end = start + count[i]!;
      let g = start;
      while (g < end) {
        const pi = P[g]!;
        let n = 0;
        let e = g;
        for (; e < end && P[e] === pi; e++) {
          const ay = E[4 * e + 1]!;
          const by = E[4 * e + 3]!;
          if (ay > yc !== by > yc) {
            const ax = E[4 * e]!;
            const bx = E[4 * e + 2]!;
            if (n === crossings.length) {
              const bigger = new Float64Array(n * 2);
              bigger.set(crossings);
              crossings = bigger;
            }
            crossings[n++] = ax + ((yc - ay) * (bx - ax)) / (by - ay);
          }
        }
        g = e;
        if (n < 2) continue;
        const xs = crossings.subarray(0, n).sort();
        for (let k = 0; k + 1 < n; k += 2) {
          const cs = Math.max(0, Math.ceil((xs[k]! - x0) * inv - 0.5));
          const ce = Math.min(cols - 1, Math.floor((xs[k + 1]! - x0) * inv - 0.5));
          for (let c = cs; c <= ce; c++) {
            const cell = r * cols + c;
            if (touchStamp[cell] === u) continue;
            const o = owner[cell]!;
            if (o === -1) owner[cell] = u;
            else if (o !== u) {
              const more = multiWhole.get(cell);
              if (!more) multiWhole.set(cell, [u]);
              else if (!more.includes(u)) more.push(u);
            }
          }
        }
      }
    }
  }
  bandStart.push(edgePoly.n);

  // Group the touches by cell (counting sort; units stay in increasing order).
  const nt = touchCell.n;
  const tc = touchCell.a;
  const tu = touchUnit.a;
  const first = new Int32Array(nCells + 1);
  for (let k = 0; k < nt; k++) first[tc[k]! + 1]!++;
  for (let c = 0; c < nCells; c++) first[c + 1]! += first[c]!;
  const byCell = new Int32Array(nt);
  const fill = touchStamp; // no longer needed: reuse its memory
  fill.set(first.subarray(0, nCells));
  for (let k = 0; k < nt; k++) byCell[fill[tc[k]!]!++] = tu[k]!;

  const cells = owner; // interior values stay; border cells are rewritten below
  const borderStart = new Grow(i32);
  const candUnit = new Grow(i32);
  const candBand = new Grow(i32);
  const cand: number[] = [];
  let insideCells = 0;
  for (let cell = 0; cell < nCells; cell++) {
    const t0 = first[cell]!;
    const t1 = first[cell + 1]!;
    const more = t0 === t1 && multiWhole.size === 0 ? undefined : multiWhole.get(cell);
    if (t0 === t1 && !more) {
      if (owner[cell]! >= 0) insideCells++;
      continue;
    }
    const row = Math.floor(cell / cols);
    // Candidates as unit * 2 + (1 when wholly inside), sorted by unit.
    cand.length = 0;
    for (let k = t0; k < t1; k++) cand.push(byCell[k]! * 2);
    if (owner[cell]! >= 0) cand.push(owner[cell]! * 2 + 1);
    if (more) for (const u of more) cand.push(u * 2 + 1);
    cand.sort((a, b) => a - b);
    cells[cell] = -2 - borderStart.n;
    borderStart.push(candUnit.n);
    for (const c of cand) {
      const u = c >> 1;
      if (c & 1) {
        candUnit.push(u);
        candBand.push(-1);
        break; // wholly inside: later candidates can never win
      }
      const band = unitBands[u]![row - unitR0[u]!];
      if (band === undefined || band < 0) throw new Error(`region index: no band for unit ${u} row ${row}`);
      candUnit.push(u);
      candBand.push(band);
    }
  }
  const borderCells = borderStart.n;
  borderStart.push(candUnit.n);
  return {
    x0,
    y0,
    d,
    cols,
    rows,
    cells,
    borderStart: borderStart.done(),
    candUnit: candUnit.done(),
    candBand: candBand.done(),
    bandStart: bandStart.done(),
    edges: edges.done(),
    edgePoly: edgePoly.done(),
    borderCells,
    insideCells,
  };
}

/**
 * An exact point-in-region index over one level of an atlas. Build one with {@link regionIndex} (cached per
 * atlas and level); {@link regionAt} and {@link assignRegions} use it.
 *
 * @example
 * ```ts
 * const index = regionIndex(atlas);
 * index.codeAt(113.2644, 23.1291);   // '440100'
 * index.stats.borderCells;           // cells that need an exact test
 * ```
 */
export class RegionIndex {
  /** The level the index answers for. */
  readonly level: RegionLevel;
  /** Unit codes, sorted; `indexAt` returns positions in this list. */
  readonly codes: readonly string[];
  readonly stats: RegionIndexStats;

  readonly #x0: number;
  readonly #y0: number;
  readonly #inv: number;
  readonly #cols: number;
  readonly #rows: number;
  readonly #cells: Int32Array;
  readonly #borderStart: Int32Array;
  readonly #candUnit: Int32Array;
  readonly #candBand: Int32Array;
  readonly #bandStart: Int32Array;
  readonly #edges: Float64Array;
  readonly #edgePoly: Int32Array;

  /** @internal Use {@link regionIndex}. */
  constructor(level: RegionLevel, codes: string[], geometries: (Polygon | MultiPolygon)[], cellDeg: number) {
    const t0 = performance.now();
    checkCellDeg(cellDeg);
    this.level = level;
    this.codes = codes;
    const g = buildGrid(geometries.map(polygonsOf), cellDeg);
    this.#x0 = g.x0;
    this.#y0 = g.y0;
    this.#inv = 1 / g.d;
    this.#cols = g.cols;
    this.#rows = g.rows;
    this.#cells = g.cells;
    this.#borderStart = g.borderStart;
    this.#candUnit = g.candUnit;
    this.#candBand = g.candBand;
    this.#bandStart = g.bandStart;
    this.#edges = g.edges;
    this.#edgePoly = g.edgePoly;
    this.stats = {
      buildMs: performance.now() - t0,
      units: codes.length,
      cellDeg,
      cols: g.cols,
      rows: g.rows,
      insideCells: g.insideCells,
      outsideCells: g.cols * g.rows - g.insideCells - g.borderCells,
      borderCells: g.borderCells,
      bandEdges: g.edgePoly.length,
      bytes:
        g.cells.byteLength +
        g.borderStart.byteLength +
        g.candUnit.byteLength +
        g.candBand.byteLength +
        g.bandStart.byteLength +
        g.edges.byteLength +
        g.edgePoly.byteLength,
    };
  }

  /**
   * Position in {@link RegionIndex.codes} of the unit containing `[lng, lat]`, or −1. Points on a shared
   * border go to the lowest code. No validation: non-finite input gives −1.
   *
   * @example
   * ```ts
   * const index = regionIndex(atlas);
   * index.codes[index.indexAt(114.06, 22.54)]; // '440300'
   * ```
   */
  indexAt(lng: number, lat: number): number {
    const c = Math.floor((lng - this.#x0) * this.#inv);
    const r = Math.floor((lat - this.#y0) * this.#inv);
    if (!(c >= 0 && c < this.#cols && r >= 0 && r < this.#rows)) return -1;
    const v = this.#cells[r * this.#cols + c]!;
    return v >= -1 ? v : this.#border(lng, lat, -2 - v);
  }

  /** The exact test in border cell `b`: the first candidate (in code order) that holds the point. */
  #border(lng: number, lat: number, b: number): number {
    const end = this.#borderStart[b + 1]!;
    for (let k = this.#borderStart[b]!; k < end; k++) {
      const band = this.#candBand[k]!;
      if (band < 0 || this.#inBand(lng, lat, band)) return this.#candUnit[k]!;
    }
    return -1;
  }

  /**
   * {@link RegionIndex.indexAt} for many points at once: `xy` holds interleaved `[lng0, lat0, lng1, …]`;
   * the result holds one unit position (or −1) per point. No validation.
   *
   * @example
   * ```ts
   * const index = regionIndex(atlas);
   * index.indexAll(new Float64Array([113.2644, 23.1291, 120, 20])); // Int32Array [pos of '440100', -1]
   * ```
   */
  indexAll(xy: ArrayLike<number>, out: Int32Array = new Int32Array(xy.length >> 1)): Int32Array {
    const x0 = this.#x0;
    const y0 = this.#y0;
    const inv = this.#inv;
    const cols = this.#cols;
    const rows = this.#rows;
    const cells = this.#cells;
    const n = xy.length >> 1;
    for (let i = 0; i < n; i++) {
      const lng = xy[2 * i]!;
      const lat = xy[2 * i + 1]!;
      const c = Math.floor((lng - x0) * inv);
      const r = Math.floor((lat - y0) * inv);
      if (!(c >= 0 && c < cols && r >= 0 && r < rows)) {
        out[i] = -1;
        continue;
      }
      const v = cells[r * cols + c]!;
      out[i] = v >= -1 ? v : this.#border(lng, lat, -2 - v);
    }
    return out;
  }

  /**
   * Code of the unit containing `[lng, lat]`, or null (see {@link RegionIndex.indexAt}).
   *
   * @example
   * ```ts
   * regionIndex(atlas).codeAt(113.26, 23.13); // '440100'
   * ```
   */
  codeAt(lng: number, lat: number): string | null {
    const i = this.indexAt(lng, lat);
    return i < 0 ? null : this.codes[i]!;
  }

  /** The crossing rule of point-in-polygon-hao over the band's edges; true also on the boundary. */
  #inBand(x: number, y: number, band: number): boolean {
    const edges = this.#edges;
    const polyOf = this.#edgePoly;
    const end = this.#bandStart[band + 1]!;
    let poly = -1;
    let odd = false;
    for (let k = this.#bandStart[band]!; k < end; k++) {
      const p = polyOf[k]!;
      if (p !== poly) {
        if (odd) return true;
        poly = p;
      }
      const o = k * 4;
      const v1 = edges[o + 1]! - y;
      const v2 = edges[o + 3]! - y;
      if (v1 === 0 && v2 === 0) {
        const u1 = edges[o]! - x;
        const u2 = edges[o + 2]! - x;
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        const u1 = edges[o]! - x;
        const u2 = edges[o + 2]! - x;
        // Both ends strictly right of the point: the rule counts crossings of the −x ray only.
        if (u1 > 0 && u2 > 0) continue;
        const f = orientSign(u1, u2, v1, v2);
        if (f === 0) return true;
        if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) odd = !odd;
      }
    }
    return odd;
  }
}

const cache = new WeakMap<Atlas, Map<string, RegionIndex>>();

/**
 * The exact point-in-region index of an atlas level, built on first use (tens of milliseconds for the
 * national view) and cached per atlas, level and cell size.
 *
 * @example
 * ```ts
 * const index = regionIndex(atlas, { level: 'prefecture' });
 * index.codeAt(114.06, 22.54); // '440300'
 * index.stats.buildMs;         // e.g. 60
 * ```
 */
export function regionIndex(atlas: Atlas, options: RegionIndexOptions = {}): RegionIndex {
  requireAtlas(atlas);
  options = optionsOf(options);
  const level = options.level ?? 'prefecture';
  if (level !== 'prefecture' && level !== 'province' && level !== 'county') {
    fail({
      code: 'invalid-input',
      path: 'level',
      value: level,
      problem: { zh: '未知的层级', en: 'Unknown level' },
      fix: {
        zh: "请使用 'prefecture'、'province' 或 'county'",
        en: "Use 'prefecture', 'province' or 'county'",
      },
    });
  }
  const cellDeg = options.cellDeg === undefined ? DEFAULT_CELL_DEG : checkCellDeg(options.cellDeg);
  let perAtlas = cache.get(atlas);
  if (!perAtlas) {
    perAtlas = new Map();
    cache.set(atlas, perAtlas);
  }
  const key = `${level}:${cellDeg}`;
  let index = perAtlas.get(key);
  if (index) {
    // Most recently used last.
    perAtlas.delete(key);
    perAtlas.set(key, index);
  } else {
    const t0 = performance.now();
    const units = (
      level === 'province'
        ? atlas.provinces()
        : level === 'county'
          ? atlas.countyLevelUnits()
          : atlas.prefectures()
    )
      .slice()
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    index = new RegionIndex(
      level,
      units.map((u) => u.id),
      units.map((u) => u.geometry),
      cellDeg,
    );
    (index.stats as { buildMs: number }).buildMs = performance.now() - t0;
    perAtlas.set(key, index);
    if (perAtlas.size > MAX_CACHED) perAtlas.delete(perAtlas.keys().next().value!);
  }
  return index;
}
