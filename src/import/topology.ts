/**
 * From cleaned WGS-84 units (the mosaic's output: noded, every vertex on its 1e-7° grid) to TopoJSON
 * extensions: one shared-arc topology (topojson-server), then per resolution a topology-preserving
 * simplification (topojson-simplify, Visvalingam with spherical areas; every ring keeps at least three
 * vertices) and quantisation to a metric grid.
 *
 * ```
 *  units ─▶ topology (shared arcs) ─▶ presimplify ─▶ keep ≥ 3 per ring ─▶ drop < (2 m)² (2m) or (1 km)² (10m)
 *     ─▶ arcs that cross once simplified: kept whole, until none cross
 *     ─▶ quantise (1 m or 10 m, on multiples of 1e-7°) ─▶ arcs cross or a ring is pinched? grid halved
 *        (down to 1e-7° itself, which loses nothing: the topology is then exactly the valid one above)
 * ```
 *
 * Validity (OGC, as GEOS checks it) follows from two invariants: the unsimplified topology has no crossing
 * (the mosaic noded it), and every arc whose simplified form crosses is restored whole, so the simplified
 * topology has none either; quantisation is then refined until it adds none.
 */

import type { MultiPolygon, Polygon, Position } from 'geojson';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import { labelPointOf } from '../atlas/label-point.ts';
import type { CodeInfo } from '../codes/index.ts';
import { M_PER_DEG_LAT, metresPerDegree, ringSignedArea } from '../geo/planar.ts';
import { forEachNearSegmentPair, properlyCross } from '../geo/segments.ts';
import { MOSAIC_SCALE } from './mosaic.ts';
import type { Extension, ExtensionMeta, ImportResolution } from './types.ts';

/** Mean Earth radius (metres), to turn spherical excess into square metres. */
const EARTH_RADIUS_M = 6_371_008.8;

/** How each resolution is built. */
export const RESOLUTION_SPECS: Record<
  ImportResolution,
  { intervalM: number; gridM: number; minRingM2: number }
> = {
  '2m': { intervalM: 2, gridM: 1, minRingM2: 100 },
  '10m': { intervalM: 1000, gridM: 10, minRingM2: 1_000_000 },
};

/**
 * The units without rings smaller than `minM2` (holes and extra parts): at a resolution that cannot show
 * them they only break validity after simplification. The units must still tile, so a small part goes only
 * when its area stays covered or was never inner: an enclave (a part inside a small hole, which goes too:
 * the surrounding unit keeps the area) or an island that borders no other unit. A small part that
 * borders other units elsewhere (a sliver the cleaning gave it between two neighbours) stays: dropping it
 * would leave a hole between them.
 */
function withoutTinyRings(units: readonly BuiltUnit[], minM2: number): BuiltUnit[] {
  const m2 = (ring: Position[]) => {
    const [kx] = metresPerDegree(ring[0]![1]!);
    return Math.abs(ringSignedArea(ring)) * kx * M_PER_DEG_LAT;
  };
  const key = (q: Position) => `${q[0]},${q[1]}`;
  const edge = (a: Position, b: Position) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
  };
  // Small holes, and the edges of small parts (which unit drew them).
  const holes: { ring: Position[]; vertices: Set<string> }[] = [];
  const partEdges = new Map<string, number>();
  units.forEach((u, i) => {
    for (const p of u.polygons) {
      for (const h of p.slice(1)) if (m2(h) < minM2) holes.push({ ring: h, vertices: new Set(h.map(key)) });
      if (m2(p[0]!) < minM2)
        for (let k = 0; k + 1 < p[0]!.length; k++) partEdges.set(edge(p[0]![k]!, p[0]![k + 1]!), i);
    }
  });
  // Edges of small parts that another unit's ring also has.
  const shared = new Set<string>();
  if (partEdges.size)
    units.forEach((u, i) => {
      for (const p of u.polygons)
        for (const r of p)
          for (let k = 0; k + 1 < r.length; k++) {
            const e = edge(r[k]!, r[k + 1]!);
            const owner = partEdges.get(e);
            if (owner !== undefined && owner !== i) shared.add(e);
          }
    });
  // Inside a small hole (another unit's, or its own with other parts in it): the hole goes, so must the part.
  const insideHole = (ring: Position[]) =>
    holes.some((h) => ring.every((q) => h.vertices.has(key(q)) || pointInRing(q, h.ring)));
  const dropPart = (p: Position[][]) => {
    const shell = p[0]!;
    if (m2(shell) >= minM2) return false;
    if (insideHole(shell)) return true;
    for (let k = 0; k + 1 < shell.length; k++) if (shared.has(edge(shell[k]!, shell[k + 1]!))) return false;
    return true;
  };
  return units.map((u) => {
    const big = u.polygons.filter((p) => !dropPart(p));
    const kept = (big.length ? big : [u.polygons.slice().sort((a, b) => m2(b[0]!) - m2(a[0]!))[0]!]).map(
      (p) => [p[0]!, ...p.slice(1).filter((h) => m2(h) >= minM2)],
    );
    return { ...u, polygons: kept };
  });
}

/** Whether a point lies strictly inside a ring (even-odd; points on the ring may go either way). */
function pointInRing(q: Position, ring: readonly Position[]): boolean {
  const x = q[0]!;
  const y = q[1]!;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A repaired unit ready for the topology. */
export interface BuiltUnit {
  code: string;
  info: CodeInfo;
  polygons: Position[][][];
}

/**
 * A point inside the unit for its label: quyu's one label-point rule (`src/atlas/label-point.ts`), the
 * same as the bundled atlas'.
 */
export function labelPoint(polygons: readonly Position[][][]): [number, number] {
  return labelPointOf(polygons);
}

type ArcGeom = { type: string | null; arcs?: unknown; id?: unknown; properties?: unknown };
type Ring = number[];

function ringsOfGeometry(g: ArcGeom): Ring[] {
  if (g.type === 'Polygon') return g.arcs as Ring[];
  if (g.type === 'MultiPolygon') return (g.arcs as Ring[][]).flat();
  return [];
}

/** Keep-shapes: every ring keeps at least three vertices however far it is simplified. */
function keepShapes(rings: Ring[], arcs: number[][][], minWeight: number): void {
  for (const ring of rings) {
    let kept = 0;
    const interior: number[][] = [];
    for (const a of ring) {
      const arc = arcs[a < 0 ? ~a : a]!;
      for (let i = 0; i < arc.length - 1; i++) if (arc[i]![2]! >= minWeight) kept++;
      for (let i = 1; i < arc.length - 1; i++) if (arc[i]![2]! < minWeight) interior.push(arc[i]!);
    }
    if (kept >= 3) continue;
    interior.sort((p, q) => q[2]! - p[2]!);
    for (const p of interior.slice(0, 3 - kept)) p[2] = Infinity;
  }
}

/**
 * Indexes of arcs (absolute coordinates) with a segment that crosses a segment of another arc, or a
 * non-adjacent segment of its own, or overlaps one along a line. Arcs meeting at their end points (junctions)
 * are fine: that is how a topology joins them.
 */
export function crossingArcs(arcs: readonly (readonly number[][])[]): Set<number> {
  const segs: number[] = [];
  const arcOf: number[] = [];
  const posOf: number[] = [];
  arcs.forEach((arc, a) => {
    for (let i = 0; i < arc.length - 1; i++) {
      segs.push(arc[i]![0]!, arc[i]![1]!, arc[i + 1]![0]!, arc[i + 1]![1]!);
      arcOf.push(a);
      posOf.push(i);
    }
  });
  const bad = new Set<number>();
  forEachNearSegmentPair(segs, (i, j) => {
    const a = arcOf[i]!;
    const b = arcOf[j]!;
    if (a === b) {
      const d = Math.abs(posOf[i]! - posOf[j]!);
      if (d === 1 || d === arcs[a]!.length - 2) return false;
    }
    if (properlyCross(segs, i, j)) {
      bad.add(a);
      bad.add(b);
    }
    return false;
  });
  return bad;
}

/** Absolute (grid) coordinates of a delta-encoded quantised arc. */
function absolute(arc: readonly number[][]): number[][] {
  let x = 0;
  let y = 0;
  return arc.map((p) => {
    x += p[0]!;
    y += p[1]!;
    return [x, y];
  });
}

/** Whether some ring of a quantised topology passes through one grid point twice (GEOS: self-intersection). */
function pinched(topo: Topology): boolean {
  for (const o of Object.values(topo.objects)) {
    for (const g of (o as { geometries?: ArcGeom[] }).geometries ?? []) {
      for (const ring of ringsOfGeometry(g)) {
        const pts = ringPositions(topo, ring);
        const seen = new Set<string>();
        for (let i = 0; i + 1 < pts.length; i++) {
          const k = `${pts[i]![0]},${pts[i]![1]}`;
          if (seen.has(k)) return true;
          seen.add(k);
        }
      }
    }
  }
  return false;
}

/** Absolute coordinates of a ring of a quantised topology. */
function ringPositions(topo: Topology, ring: Ring): number[][] {
  const out: number[][] = [];
  for (const a of ring) {
    const abs = absolute(topo.arcs[a < 0 ? ~a : a]!);
    if (a < 0) abs.reverse();
    out.push(...(out.length ? abs.slice(1) : abs));
  }
  return out;
}

function countVertices(topo: Topology): number {
  let n = 0;
  for (const arc of topo.arcs) n += arc.length;
  return n;
}

/**
 * One extension per resolution from cleaned units (and, per resolution, how many arcs kept every vertex
 * because their simplified form crossed another arc, the grid in metres, and how many arcs still cross or
 * rings are pinched at the finest grid: 0 unless the units were not noded on the 1e-7° grid), with
 * properties like the bundled atlas' units (`name`, `nameEn`, `level`, `parent`, `labelX`, `labelY`) and
 * `id` = code.
 */
export function buildExtensions(
  units: readonly BuiltUnit[],
  object: ExtensionMeta['object'],
  resolutions: readonly ImportResolution[],
  meta: Omit<ExtensionMeta, 'resolution' | 'object' | 'codes'>,
): {
  extensions: Record<string, Extension>;
  unsimplified: Record<string, number>;
  grids: Record<string, number>;
  invalids: Record<string, number>;
} {
  const sorted = units.slice().sort((a, b) => a.code.localeCompare(b.code));
  const featuresAt = (minM2: number) =>
    withoutTinyRings(sorted, minM2).map((u) => {
      const [labelX, labelY] = labels.get(u.code)!;
      const geometry: Polygon | MultiPolygon =
        u.polygons.length === 1
          ? { type: 'Polygon', coordinates: u.polygons[0]! }
          : { type: 'MultiPolygon', coordinates: u.polygons };
      return {
        type: 'Feature' as const,
        id: u.code,
        properties: {
          name: u.info.name,
          nameEn: u.info.nameEn,
          level: u.info.level,
          parent: u.info.parent,
          labelX,
          labelY,
        },
        geometry,
      };
    });
  const codes = sorted.map((u) => u.code);
  // Label points from the full geometry, whatever the resolution drops.
  const labels = new Map(sorted.map((u) => [u.code, labelPoint(u.polygons)]));
  const out: Record<string, Extension> = {};
  const unsimplified: Record<string, number> = {};
  const grids: Record<string, number> = {};
  const invalids: Record<string, number> = {};
  for (const res of resolutions) {
    const spec = RESOLUTION_SPECS[res];
    // A fresh topology per resolution: simplification and quantisation must not leak between them.
    const features = featuresAt(spec.minRingM2);
    const base = topology({ [object]: { type: 'FeatureCollection', features } } as never) as Topology;
    let topo: Topology = base;
    if (spec.intervalM > 0) {
      const pre = presimplify(base, sphericalTriangleArea);
      const minWeight = (spec.intervalM / EARTH_RADIUS_M) ** 2;
      const rings = Object.values(pre.objects).flatMap((o) =>
        ((o as { geometries: ArcGeom[] }).geometries ?? []).flatMap(ringsOfGeometry),
      );
      const weighted = pre.arcs as unknown as number[][][];
      keepShapes(rings, weighted, minWeight);
      topo = simplify(pre, minWeight);
      // Simplified arcs may cross each other (or themselves, or collapse onto a neighbour along a line):
      // such arcs keep every vertex, until none cross. It ends: the unsimplified arcs do not cross.
      const restored = new Set<number>();
      for (;;) {
        const fix = [...crossingArcs(topo.arcs)].filter((a) => !restored.has(a));
        if (fix.length === 0) break;
        for (const a of fix) {
          for (const p of weighted[a]!) p[2] = Infinity;
          restored.add(a);
        }
        topo = simplify(pre, minWeight);
      }
      unsimplified[res] = restored.size;
    }
    const bbox = topo.bbox ?? base.bbox!;
    const [kx] = metresPerDegree((bbox[1] + bbox[3]) / 2);
    // Snapping to the grid may make arcs closer than a grid step cross, or pass a ring through one point
    // twice: then a grid half as coarse. Grids are whole multiples of the mosaic's 1e-7° lattice, with the
    // origin on it, so the last one (1e-7°) moves no vertex and the topology stays as valid as it is.
    const origin = [Math.floor(bbox[0] * MOSAIC_SCALE), Math.floor(bbox[1] * MOSAIC_SCALE)];
    let gridM = spec.gridM;
    let quantised: Topology;
    let sx: number;
    let sy: number;
    let invalid = 0;
    for (;;) {
      sx = Math.max(1, Math.round((gridM / kx) * MOSAIC_SCALE));
      sy = Math.max(1, Math.round((gridM / M_PER_DEG_LAT) * MOSAIC_SCALE));
      quantised = quantize(topo as Topology<never>, {
        scale: [sx / MOSAIC_SCALE, sy / MOSAIC_SCALE],
        translate: [origin[0]! / MOSAIC_SCALE, origin[1]! / MOSAIC_SCALE],
      });
      invalid = crossingArcs(quantised.arcs.map(absolute)).size + (pinched(quantised) ? 1 : 0);
      if (invalid === 0 || !(sx > 1 || sy > 1)) break;
      gridM /= 2;
    }
    quantised.bbox = bbox;
    // The grid as written: the coarser of its two steps, in metres.
    grids[res] =
      Math.round(Math.max((sx / MOSAIC_SCALE) * kx, (sy / MOSAIC_SCALE) * M_PER_DEG_LAT) * 1e4) / 1e4;
    // Not expected (the finest grid moves nothing): reported, never hidden.
    invalids[res] = invalid;
    // Rings that quantisation left without area (smaller than the grid) are removed.
    const filtered = filter(quantised, (ring: Ring) => {
      const pts = ringPositions(quantised, ring);
      return pts.length >= 4 && ringSignedArea(pts) !== 0;
    });
    const ext: Extension = {
      type: 'Topology',
      bbox: bbox.map((v) => Math.round(v * 1e7) / 1e7) as Topology['bbox'],
      transform: filtered.transform,
      quyu: { ...meta, object, resolution: res, codes },
      objects: filtered.objects,
      arcs: filtered.arcs,
    };
    out[res] = ext;
  }
  return { extensions: out, unsimplified, grids, invalids };
}

/** Arcs and vertices of a topology. */
export function topologySize(topo: Topology): { arcs: number; vertices: number } {
  return { arcs: topo.arcs.length, vertices: countVertices(topo) };
}
