import { readFileSync } from 'node:fs';
import gcoord from 'gcoord';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { QuyuError, type QuyuIssue } from '../../src/errors/index.ts';
import { SegmentIndex } from '../../src/geo/segments.ts';

export const FIXTURE = 'test/fixtures/synthetic-mianyang-counties.geojson';
export const FIXTURE_FILE = 'synthetic-mianyang-counties.geojson';

type Fc = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

/** A fresh copy of the synthetic Mianyang county fixture (WGS-84, DataV-style properties). */
export function fixture(): Fc {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fc;
}

let atlas2: Promise<Atlas> | undefined;
/** The bundled 2m atlas (loaded once per test file). */
export function atlas2m(): Promise<Atlas> {
  atlas2 ??= loadAtlas({ resolution: '2m' });
  return atlas2;
}

/** Shifts every coordinate of a GeoJSON object from WGS-84 into another system (gcoord, in place). */
export function shift<T>(geojson: T, crs: 'GCJ02' | 'BD09' | 'EPSG3857' | 'BD09MC'): T {
  gcoord.transform(geojson as never, gcoord.WGS84, gcoord[crs]);
  return geojson;
}

/** The rings of a FeatureCollection of polygons. */
export function ringsOf(fc: { features: { geometry: Polygon | MultiPolygon }[] }): Position[][] {
  return fc.features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
  );
}

/** Decoded features of an extension's object. */
export function decode(topology: Topology, object = 'counties'): Fc {
  return topoFeature(topology, topology.objects[object] as never) as unknown as Fc;
}

/**
 * Distances (metres) from every vertex of `fc` to the nearest line of `reference`: the largest and the median.
 */
export function vertexDistances(fc: Fc, reference: SegmentIndex): { max: number; median: number } {
  const d: number[] = [];
  for (const ring of ringsOf(fc)) for (const p of ring) d.push(reference.nearest(p, 5000)?.distanceM ?? 5000);
  d.sort((a, b) => a - b);
  return { max: d.at(-1)!, median: d[d.length >> 1]! };
}

export function indexOf(fc: Fc): SegmentIndex {
  return new SegmentIndex(ringsOf(fc));
}

/** The issues of the QuyuError thrown by `run` (fails when nothing or something else is thrown). */
export async function issuesOf(run: () => Promise<unknown>): Promise<QuyuIssue[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof QuyuError) return e.issues;
    throw e;
  }
  throw new Error('expected a QuyuError, nothing was thrown');
}

/** Signed planar area: positive for counter-clockwise rings. */
export function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2;
}
