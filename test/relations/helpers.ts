/** Shared helpers of the relation tests: seeded randomness, reference Turf loops, border points, fixtures. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Atlas, UnitFeature } from '../../src/atlas/index.ts';
import type { Layout, LayoutItem } from '../../src/layouts/schema.ts';
import { BUILTINS } from '../layouts/helpers.ts';

/** The built-in layouts by id (the list is generated from data/layouts/). */
export const LAYOUTS: Record<string, Layout> = Object.fromEntries(BUILTINS.map((l) => [l.id, l]));

/** The item with this id in a built-in layout. */
export function item(layout: string, id: string): LayoutItem {
  const found = LAYOUTS[layout]?.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in ${layout}`);
  return found;
}

/** mulberry32: a small seeded PRNG returning [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** China's bounding box used for random points: [west, south, east, north]. */
export const CHINA_BBOX = [73.5, 3.8, 135.1, 53.6] as const;

/** `n` random points in a box as an interleaved Float64Array. */
export function randomPoints(n: number, seed: number, box: readonly number[] = CHINA_BBOX): Float64Array {
  const r = prng(seed);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = box[0]! + r() * (box[2]! - box[0]!);
    out[2 * i + 1] = box[1]! + r() * (box[3]! - box[1]!);
  }
  return out;
}

/** Units sorted by code: the order of the tie rule. */
export function sortedUnits(units: UnitFeature[]): UnitFeature[] {
  return units.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The plain reference: `@turf/boolean-point-in-polygon` over every unit in code order, first hit wins. */
export function plainLoop(units: UnitFeature[]): (x: number, y: number) => string | null {
  const sorted = sortedUnits(units);
  return (x, y) => {
    for (const u of sorted) if (booleanPointInPolygon([x, y], u)) return u.id;
    return null;
  };
}

/**
 * The same answers as {@link plainLoop}, faster: a point outside a unit's bounding box cannot lie in the unit
 * or on its boundary, so testing only units whose (inclusive) box holds the point changes nothing.
 */
export function bboxLoop(units: UnitFeature[]): (x: number, y: number) => string | null {
  const sorted = sortedUnits(units);
  const index = new Flatbush(sorted.length);
  for (const u of sorted) {
    const [w, s, e, n] = bbox(u);
    index.add(w, s, e, n);
  }
  index.finish();
  return (x, y) => {
    const hits = index.search(x, y, x, y).sort((a, b) => a - b);
    for (const i of hits) if (booleanPointInPolygon([x, y], sorted[i]!)) return sorted[i]!.id;
    return null;
  };
}

/**
 * Points on and next to every border: decoded arc vertices and edge midpoints (every `stride`-th), each
 * exactly and offset by ±`offset`° in x, y and diagonally.
 */
export function borderPoints(atlas: Atlas, stride = 1, offset = 1e-7): [number, number][] {
  const t = atlas.topology as Topology;
  const tr = t.transform;
  const out: [number, number][] = [];
  const around = (x: number, y: number) => {
    out.push(
      [x, y],
      [x + offset, y],
      [x - offset, y],
      [x, y + offset],
      [x, y - offset],
      [x + offset, y + offset],
      [x - offset, y - offset],
    );
  };
  for (const arc of t.arcs) {
    let qx = 0;
    let qy = 0;
    const pts: [number, number][] = arc.map((p) => {
      if (!tr) return [p[0]!, p[1]!];
      qx += p[0]!;
      qy += p[1]!;
      return [qx * tr.scale[0] + tr.translate[0], qy * tr.scale[1] + tr.translate[1]];
    });
    for (let k = 0; k < pts.length; k += stride) {
      const [x, y] = pts[k]!;
      around(x, y);
      const next = pts[k + 1];
      if (next) around((x + next[0]) / 2, (y + next[1]) / 2);
    }
  }
  return out;
}

/** One Turf-style fixture: a FeatureCollection of two features `a`, `b`. */
export interface Fixture {
  name: string;
  a: Feature;
  b: Feature;
}

/** Reads `test/relations/<name>/{true,false}/*.geojson`. */
export function fixtures(name: string): { true: Fixture[]; false: Fixture[] } {
  const dir = join('test/relations', name);
  const read = (kind: 'true' | 'false'): Fixture[] =>
    readdirSync(join(dir, kind))
      .filter((f) => f.endsWith('.geojson'))
      .sort()
      .map((f) => {
        const fc = JSON.parse(readFileSync(join(dir, kind, f), 'utf8')) as FeatureCollection;
        if (fc.features.length !== 2) throw new Error(`${f}: expected two features`);
        return { name: f, a: fc.features[0]!, b: fc.features[1]! };
      });
  return { true: read('true'), false: read('false') };
}

/**
 * What a fixture feature stands for: `properties.layout` + `properties.item` (a built-in item),
 * `properties.codes` (a list), `properties.code`, or else its geometry.
 */
export function subjectOf(f: Feature): unknown {
  const p = (f.properties ?? {}) as { layout?: string; item?: string; code?: string; codes?: string[] };
  if (p.layout && p.item) return item(p.layout, p.item);
  if (p.codes) return p.codes;
  if (p.code) return p.code;
  return f;
}

/**
 * A synthetic extension topology (as `quyu import` would produce) with one county: a square of `half`
 * degrees around `centre`. Its geometry is NOT the real county boundary; it only exercises the code paths
 * that use imported counties.
 */
export function syntheticCounty(
  code: string,
  name: string,
  parent: string,
  centre: [number, number],
  half: number,
): Topology {
  const [x, y] = centre;
  const ring = [
    [x - half, y - half],
    [x + half, y - half],
    [x + half, y + half],
    [x - half, y + half],
    [x - half, y - half],
  ];
  return {
    type: 'Topology',
    arcs: [ring],
    objects: {
      counties: {
        type: 'GeometryCollection',
        geometries: [
          {
            type: 'Polygon',
            id: code,
            arcs: [[0]],
            properties: { name, nameEn: name, level: 'county', parent, labelX: x, labelY: y },
          },
        ],
      },
    },
  } as Topology;
}

/** Polygon geometry of a feature. */
export function polygonal(f: Feature): Polygon | MultiPolygon {
  return f.geometry as Polygon | MultiPolygon;
}
