/**
 * Geometry repair after conversion to WGS-84:
 * 1. snapping: vertices closer than `snapM` to an earlier vertex take its position, so that neighbours whose
 *    shared border differs by float noise share vertices (and, later, arcs);
 * 2. per ring: repeated vertices removed, rings with fewer than three distinct vertices or no area dropped;
 * 3. per feature: rings that cross themselves or each other are rebuilt by a polygon union (@turf/union);
 * 4. winding: exterior rings counter-clockwise and holes clockwise (RFC 7946).
 */
import { featureCollection, multiPolygon } from '@turf/helpers';
import union from '@turf/union';
import type { Position } from 'geojson';
import { distanceM, M_PER_DEG_LAT, M_PER_DEG_LNG, ringSignedArea, round7, VertexIds } from '../geo/planar.ts';
import { hasCrossings } from '../geo/polygons.ts';
import type { RepairReport } from './types.ts';

/** A new, empty repair report. */
export function emptyRepairs(ringsClosed = 0): RepairReport {
  return {
    ringsClosed,
    ringsReversed: 0,
    ringsDropped: 0,
    duplicateVerticesRemoved: 0,
    featuresRebuilt: 0,
    verticesSnapped: 0,
  };
}

/**
 * Snaps the vertices of every feature (in order) onto the first vertex seen within `snapM` metres.
 * Returns new coordinate arrays; the input is not modified.
 */
export function snapVertices(
  features: readonly Position[][][][],
  snapM: number,
  report: RepairReport,
): Position[][][][] {
  if (!(snapM > 0))
    return features.map((polys) => polys.map((p) => p.map((r) => r.map((q) => [q[0]!, q[1]!]))));
  let maxLat = 0;
  for (const polys of features)
    for (const poly of polys)
      for (const ring of poly) for (const q of ring) maxLat = Math.max(maxLat, Math.abs(q[1]!));
  const cellY = snapM / M_PER_DEG_LAT;
  const cellX = snapM / (M_PER_DEG_LNG * Math.cos((Math.min(maxLat, 85) * Math.PI) / 180));
  // Most cells hold one vertex: stored bare, a list only from the second one on.
  const grid = new Map<number, Position | Position[]>();
  const ids = new VertexIds();
  const canonical: Position[] = [];
  // Cell keys: column * ROWS + row, unique for any lon/lat cell of at least 1 cm.
  const ROWS = 4e7;
  const snap = (q: Position): Position => {
    const id = ids.id(q);
    const known = canonical[id];
    if (known) return known;
    const cx = Math.floor(q[0]! / cellX);
    const cy = Math.floor(q[1]! / cellY);
    let best: Position | undefined;
    let bestD = snapM;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const entry = grid.get((cx + dx) * ROWS + cy + dy);
        if (!entry) continue;
        for (const c of typeof entry[0] === 'number' ? [entry as Position] : (entry as Position[])) {
          const d = distanceM(q, c);
          if (d <= bestD) {
            bestD = d;
            best = c;
          }
        }
      }
    if (best) {
      report.verticesSnapped++;
      canonical[id] = best;
      return best;
    }
    const own: Position = [q[0]!, q[1]!];
    canonical[id] = own;
    const cell = cx * ROWS + cy;
    const entry = grid.get(cell);
    if (!entry) grid.set(cell, own);
    else if (typeof entry[0] === 'number') grid.set(cell, [entry as Position, own]);
    else (entry as Position[]).push(own);
    return own;
  };
  return features.map((polys) => polys.map((poly) => poly.map((ring) => ring.map(snap))));
}

function cleanRing(ring: readonly Position[], report: RepairReport): Position[] | null {
  const out: Position[] = [];
  for (const q of ring) {
    const last = out[out.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) {
      report.duplicateVerticesRemoved++;
      continue;
    }
    out.push(q);
  }
  // Closing vertex: the ring was closed on reading; snapping may have merged the last two vertices.
  const a = out[0];
  const b = out[out.length - 1];
  if (a && b && (a[0] !== b[0] || a[1] !== b[1])) out.push(a);
  if (out.length < 4 || ringSignedArea(out) === 0) {
    report.ringsDropped++;
    return null;
  }
  return out;
}

/**
 * The repaired polygons of one feature (RFC 7946 winding, no crossings), or an empty list when nothing valid
 * is left.
 */
export function repairPolygons(polys: readonly Position[][][], report: RepairReport): Position[][][] {
  const cleaned: Position[][][] = [];
  for (const poly of polys) {
    const outer = poly[0] ? cleanRing(poly[0], report) : null;
    if (!outer) {
      report.ringsDropped += Math.max(0, poly.length - 1);
      continue;
    }
    const rings = [outer];
    for (const hole of poly.slice(1)) {
      const h = cleanRing(hole, report);
      if (h) rings.push(h);
    }
    cleaned.push(rings);
  }
  if (cleaned.length === 0) return [];
  let out = cleaned;
  if (hasCrossings(cleaned)) {
    report.featuresRebuilt++;
    const f = multiPolygon(cleaned);
    const u = union(featureCollection([f, f]));
    if (!u) return [];
    out = u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
  } else {
    for (const poly of out) {
      poly.forEach((ring, i) => {
        const area = ringSignedArea(ring);
        if ((i === 0 && area < 0) || (i > 0 && area > 0)) {
          ring.reverse();
          report.ringsReversed++;
        }
      });
    }
  }
  return out.map((poly) => poly.map((ring) => ring.map((q) => [round7(q[0]!), round7(q[1]!)])));
}
