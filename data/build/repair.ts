/**
 * Repairs of the quantised topology that mapshaper's `-clean` leaves invalid under the OGC rules (checked
 * independently with GEOS by test/atlas/validity.test.ts):
 *
 * - a ring that touches itself at one vertex (snapping) is split there into two rings: a separate part, or a
 *   hole touching its shell at that one point, both valid;
 * - a small part of a multi-part unit that overlaps another part of the same unit after simplification and
 *   quantisation (an island snapped onto the coast) is dropped from every object that uses it.
 *
 * Works on arcs in quantised integer coordinates, so shared borders stay shared.
 */
import type { Topology } from 'topojson-specification';

type Pt = [number, number];
type Arcs = number[][];
type Polys = number[][][];
interface Geom {
  type: string;
  id?: string | number;
  arcs?: unknown;
}

/** Absolute integer coordinates of every arc (the topology is delta-encoded when quantised). */
function decodeArcs(topo: Topology): Pt[][] {
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x, y] as Pt;
    });
  });
}

function encodeArcs(arcs: Pt[][]): number[][][] {
  return arcs.map((arc) => {
    let px = 0;
    let py = 0;
    return arc.map(([x, y]) => {
      const d = [x - px, y - py];
      px = x;
      py = y;
      return d;
    });
  });
}

const arcPoints = (arcs: Pt[][], i: number): Pt[] => (i >= 0 ? arcs[i]! : arcs[~i]!.slice().reverse());

function ringPoints(arcs: Pt[][], ring: number[]): Pt[] {
  const pts: Pt[] = [];
  ring.forEach((a, k) => {
    const p = arcPoints(arcs, a);
    pts.push(...(k === 0 ? p : p.slice(1)));
  });
  return pts;
}

function signedArea(pts: Pt[]): number {
  let s = 0;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++)
    s += (pts[j]![0] - pts[i]![0]) * (pts[j]![1] + pts[i]![1]);
  return s / 2;
}

function inside(p: Pt, pts: Pt[]): boolean {
  let c = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

function polygonsOf(g: Geom): Polys | null {
  if (g.type === 'Polygon') return [g.arcs as Arcs];
  if (g.type === 'MultiPolygon') return g.arcs as Polys;
  return null;
}

function setPolygons(g: Geom, polys: Polys) {
  if (polys.length === 1) {
    g.type = 'Polygon';
    g.arcs = polys[0];
  } else {
    g.type = 'MultiPolygon';
    g.arcs = polys;
  }
}

/**
 * Inserts into an arc every vertex of the same ring that lies exactly on one of the arc's segments (a ring
 * touching itself at a vertex of one pass and an edge of the other): the shape is unchanged, and the touch
 * becomes a repeated vertex that the ring split below handles.
 */
function insertTouchVertices(arcs: Pt[][], geoms: Geom[]): number {
  const CELL = 4096;
  let inserted = 0;
  for (const g of geoms) {
    for (const poly of polygonsOf(g) ?? []) {
      for (const ring of poly) {
        const segs: { arc: number; k: number; a: Pt; b: Pt }[] = [];
        for (const a of ring) {
          const id = a >= 0 ? a : ~a;
          const pts = arcs[id]!;
          for (let k = 0; k + 1 < pts.length; k++) segs.push({ arc: id, k, a: pts[k]!, b: pts[k + 1]! });
        }
        const grid = new Map<string, number[]>();
        segs.forEach((sg, i) => {
          const [x0, x1] = [Math.min(sg.a[0], sg.b[0]), Math.max(sg.a[0], sg.b[0])].map((v) =>
            Math.floor(v / CELL),
          );
          const [y0, y1] = [Math.min(sg.a[1], sg.b[1]), Math.max(sg.a[1], sg.b[1])].map((v) =>
            Math.floor(v / CELL),
          );
          for (let x = x0!; x <= x1!; x++)
            for (let y = y0!; y <= y1!; y++) {
              const key = `${x},${y}`;
              const list = grid.get(key) ?? [];
              list.push(i);
              grid.set(key, list);
            }
        });
        const adds: { arc: number; k: number; p: Pt }[] = [];
        for (const sg of segs) {
          const p = sg.a;
          for (const i of grid.get(`${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`) ?? []) {
            const t = segs[i]!;
            if ((t.a[0] === p[0] && t.a[1] === p[1]) || (t.b[0] === p[0] && t.b[1] === p[1])) continue;
            const cross = (t.b[0] - t.a[0]) * (p[1] - t.a[1]) - (t.b[1] - t.a[1]) * (p[0] - t.a[0]);
            if (cross !== 0) continue;
            if (p[0] < Math.min(t.a[0], t.b[0]) || p[0] > Math.max(t.a[0], t.b[0])) continue;
            if (p[1] < Math.min(t.a[1], t.b[1]) || p[1] > Math.max(t.a[1], t.b[1])) continue;
            adds.push({ arc: t.arc, k: t.k, p });
          }
        }
        // Insert from the end of each arc so earlier indices stay valid.
        adds.sort((x, y) => x.arc - y.arc || y.k - x.k);
        for (const add of adds) {
          const pts = arcs[add.arc]!;
          const [a, b] = [pts[add.k]!, pts[add.k + 1]!];
          if (!a || !b) continue;
          const d = (q: Pt) => Math.abs(q[0] - a[0]) + Math.abs(q[1] - a[1]);
          if (d(add.p) >= d(b)) continue;
          pts.splice(add.k + 1, 0, [add.p[0], add.p[1]]);
          inserted++;
        }
      }
    }
  }
  return inserted;
}

/** Splits arcs so that every vertex where a ring touches itself is an arc endpoint. */
function splitArcsAtTouches(topo: Topology, arcs: Pt[][], geoms: Geom[]): number {
  const cuts = new Map<number, Set<number>>();
  for (const g of geoms) {
    for (const poly of polygonsOf(g) ?? []) {
      for (const ring of poly) {
        const seen = new Map<string, number>();
        const where: [number, number][] = [];
        ring.forEach((a, k) => {
          const p = arcPoints(arcs, a);
          p.forEach((_, j) => {
            if (k > 0 && j === 0) return;
            where.push([a, j]);
          });
        });
        const pts = ringPoints(arcs, ring);
        pts.slice(0, -1).forEach((p, idx) => {
          const key = `${p[0]},${p[1]}`;
          if (!seen.has(key)) {
            seen.set(key, idx);
            return;
          }
          for (const at of [seen.get(key)!, idx]) {
            const [a, j] = where[at]!;
            const n = arcs[a >= 0 ? a : ~a]!.length;
            const pos = a >= 0 ? j : n - 1 - j;
            if (pos > 0 && pos < n - 1) {
              const id = a >= 0 ? a : ~a;
              const set = cuts.get(id) ?? new Set<number>();
              set.add(pos);
              cuts.set(id, set);
            }
          }
        });
      }
    }
  }
  if (!cuts.size) return 0;
  // Arc i becomes pieces [i, new1, new2, ...] in order; references are rewritten in every object.
  const pieces = new Map<number, number[]>();
  for (const [id, set] of [...cuts].sort((a, b) => a[0] - b[0])) {
    const positions = [...set].sort((a, b) => a - b);
    const pts = arcs[id]!;
    const bounds = [0, ...positions, pts.length - 1];
    const ids: number[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const piece = pts.slice(bounds[k]!, bounds[k + 1]! + 1);
      if (k === 0) {
        arcs[id] = piece;
        ids.push(id);
      } else {
        arcs.push(piece);
        ids.push(arcs.length - 1);
      }
    }
    pieces.set(id, ids);
  }
  const rewrite = (ring: number[]) =>
    ring.flatMap((a) => {
      const id = a >= 0 ? a : ~a;
      const ids = pieces.get(id);
      if (!ids) return [a];
      return a >= 0 ? ids : ids.map((i) => ~i).reverse();
    });
  for (const obj of Object.values(topo.objects) as unknown as { geometries: Geom[] }[]) {
    for (const g of obj.geometries) {
      const polys = polygonsOf(g);
      if (polys)
        setPolygons(
          g,
          polys.map((p) => p.map(rewrite)),
        );
      else if (g.type === 'LineString') g.arcs = rewrite(g.arcs as number[]);
      else if (g.type === 'MultiLineString') g.arcs = (g.arcs as Arcs).map(rewrite);
    }
  }
  return cuts.size;
}

/** Splits every ring that passes twice through a vertex (now an arc endpoint) into simple rings. */
function splitRing(arcs: Pt[][], ring: number[]): number[][] {
  const starts = ring.map((a) => arcPoints(arcs, a)[0]!);
  for (let s = 0; s < ring.length; s++) {
    for (let t = s + 1; t < ring.length; t++) {
      if (starts[s]![0] === starts[t]![0] && starts[s]![1] === starts[t]![1]) {
        const loop = ring.slice(s, t);
        const rest = [...ring.slice(t), ...ring.slice(0, s)];
        // A loop of zero area (out and back along the same arcs) is a spike: dropped.
        return [...splitRing(arcs, loop), ...splitRing(arcs, rest)].filter(
          (l) => signedArea(ringPoints(arcs, l)) !== 0,
        );
      }
    }
  }
  return [ring];
}

function repairSelfTouching(arcs: Pt[][], geoms: Geom[]): string[] {
  const fixed: string[] = [];
  for (const g of geoms) {
    const polys = polygonsOf(g);
    if (!polys) continue;
    let changed = false;
    const out: Polys = [];
    for (const poly of polys) {
      const shellLoops = splitRing(arcs, poly[0]!);
      const holeLoops = poly.slice(1).flatMap((h) => splitRing(arcs, h));
      if (shellLoops.length === 1 && holeLoops.length === poly.length - 1) {
        out.push(poly);
        continue;
      }
      changed = true;
      const sign = Math.sign(signedArea(ringPoints(arcs, poly[0]!)));
      const shells = shellLoops.filter((l) => Math.sign(signedArea(ringPoints(arcs, l))) === sign);
      const holes = [
        ...shellLoops.filter((l) => Math.sign(signedArea(ringPoints(arcs, l))) !== sign),
        ...holeLoops,
      ];
      const made: Polys = shells.map((s) => [s]);
      for (const h of holes) {
        const hp = ringPoints(arcs, h);
        // Loops start at the touching vertex; the next vertex decides which shell holds the hole.
        const probe = hp[1] ?? hp[0]!;
        const host =
          made.find((m) => inside(probe, ringPoints(arcs, m[0]!))) ??
          made.reduce((a, b) =>
            Math.abs(signedArea(ringPoints(arcs, a[0]!))) > Math.abs(signedArea(ringPoints(arcs, b[0]!)))
              ? a
              : b,
          );
        host.push(h);
      }
      out.push(...made);
    }
    if (changed) {
      setPolygons(g, out);
      fixed.push(String(g.id));
    }
  }
  return fixed;
}

function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

/**
 * Whether part `small` overlaps or touches part `big` along its shell: a vertex inside the shell or on one of
 * its edges (and not inside one of its holes), or crossing edges.
 */
function partsOverlap(big: Pt[], small: Pt[], bigHoles: Pt[][] = []): boolean {
  const onEdge = (p: Pt) => {
    for (let j = 0; j + 1 < big.length; j++) {
      const [a, b] = [big[j]!, big[j + 1]!];
      const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
      if (
        cross === 0 &&
        Math.min(a[0], b[0]) <= p[0] &&
        p[0] <= Math.max(a[0], b[0]) &&
        Math.min(a[1], b[1]) <= p[1] &&
        p[1] <= Math.max(a[1], b[1])
      )
        return true;
    }
    return false;
  };
  const onBigVertex = new Set(big.map((p) => `${p[0]},${p[1]}`));
  const inHole = (p: Pt) => bigHoles.some((h) => inside(p, h));
  if (small.some((p) => !onBigVertex.has(`${p[0]},${p[1]}`) && (onEdge(p) || inside(p, big)) && !inHole(p)))
    return true;
  for (let i = 0; i + 1 < small.length; i++)
    for (let j = 0; j + 1 < big.length; j++)
      if (segmentsCross(small[i]!, small[i + 1]!, big[j]!, big[j + 1]!)) return true;
  return false;
}

function bbox(pts: Pt[]) {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n] as const;
}

/** Drops small parts that overlap a larger part of the same unit; returns `unit: dropped part` labels. */
function dropOverlappingParts(topo: Topology, arcs: Pt[][], units: Geom[]): string[] {
  const dropped = new Set<string>();
  const log: string[] = [];
  for (const g of units) {
    const polys = polygonsOf(g);
    if (!polys || polys.length < 2) continue;
    const shells = polys.map((p) => ringPoints(arcs, p[0]!));
    const areas = shells.map((s) => Math.abs(signedArea(s)));
    const boxes = shells.map(bbox);
    const keep: Polys = [];
    polys.forEach((p, i) => {
      const overlapsBigger = polys.some((_, j) => {
        if (j === i || areas[j]! < areas[i]!) return false;
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) return false;
        return partsOverlap(
          shells[j]!,
          shells[i]!,
          polys[j]!.slice(1).map((h) => ringPoints(arcs, h)),
        );
      });
      if (overlapsBigger) {
        dropped.add(
          p[0]!
            .map((a) => (a >= 0 ? a : ~a))
            .sort((x, y) => x - y)
            .join(','),
        );
        log.push(`${g.id}: part of ${shells[i]!.length - 1} vertices`);
      } else keep.push(p);
    });
    if (keep.length !== polys.length) setPolygons(g, keep);
  }
  if (!dropped.size) return log;
  // The same island is a part of its province and of the nation (same arcs): drop it there too.
  for (const obj of Object.values(topo.objects) as unknown as { geometries: Geom[] }[]) {
    for (const g of obj.geometries) {
      const polys = polygonsOf(g);
      if (!polys) continue;
      const keep = polys.filter(
        (p) =>
          !dropped.has(
            p[0]!
              .map((a) => (a >= 0 ? a : ~a))
              .sort((x, y) => x - y)
              .join(','),
          ),
      );
      if (keep.length !== polys.length && keep.length) setPolygons(g, keep);
    }
  }
  return log;
}

/** Repairs the topology in place; returns what was changed, for the build's log. */
export function repairTopology(topo: Topology, unitObject: string): string[] {
  const arcs = decodeArcs(topo);
  const all = (Object.values(topo.objects) as unknown as { geometries: Geom[] }[]).flatMap(
    (o) => o.geometries,
  );
  const log: string[] = [];
  const touched = insertTouchVertices(arcs, all);
  if (touched) log.push(`${touched} vertices inserted where a ring touches its own edge`);
  const cut = splitArcsAtTouches(topo, arcs, all);
  if (cut) log.push(`${cut} arcs split at self-touching vertices`);
  const fixed = repairSelfTouching(arcs, all);
  if (fixed.length) log.push(`self-touching rings split in ${[...new Set(fixed)].join(', ')}`);
  const units = (topo.objects[unitObject] as unknown as { geometries: Geom[] }).geometries;
  const dropped = dropOverlappingParts(topo, arcs, units);
  if (dropped.length) log.push(`overlapping parts dropped: ${dropped.join('; ')}`);
  (topo as { arcs: number[][][] }).arcs = encodeArcs(arcs);
  return log;
}
