/**
 * The polygon union `Atlas.merge` uses to join units of different topologies (imported counties with
 * bundled units): @turf/union (polyclip-ts, exact arithmetic). A module of its own, imported by `loadAtlas`
 * only when extensions are given.
 */
import turfUnion from '@turf/union';
import type { MultiPolygon } from 'geojson';

/**
 * The union of multipolygons: parts that share borders are joined, no area counts twice.
 *
 * @example
 * ```ts
 * import type { MultiPolygon } from 'geojson';
 * const square = (x: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]] });
 * unionParts([square(0), square(1)]).coordinates.length; // 1: one polygon of 2 × 1
 * ```
 */
export function unionParts(parts: MultiPolygon[]): MultiPolygon {
  const nonEmpty = parts.filter((p) => p.coordinates.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? { type: 'MultiPolygon', coordinates: [] };
  const u = turfUnion({
    type: 'FeatureCollection',
    features: nonEmpty.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  });
  if (!u) return { type: 'MultiPolygon', coordinates: [] };
  return u.geometry.type === 'Polygon'
    ? { type: 'MultiPolygon', coordinates: [u.geometry.coordinates] }
    : u.geometry;
}
