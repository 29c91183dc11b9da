/**
 * Overview files (`data/regions/<code>.overview.json`): what a figure of a whole province draws first,
 * before the reader zooms in. The embed swaps each of the map's GeoJSON sources for the region file's
 * version in place, so an overview must hold the same objects, the same features with the same properties
 * and the same context box as its region file, and only less geometry. Below its `overviewMaxZoom` it
 * must look like the region file as MapLibre draws it (MapLibre simplifies each tile by a pixel itself,
 * GEOJSON_TILING): measured here as the distance of every vertex of the region file from the overview's
 * line, in pixels of the tiles MapLibre draws just below that zoom.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { REGION_REACH } from '../../src/embed/region-reach.generated.ts';
import { wholeProvinceZoom } from '../../src/embed/render.ts';
import { GEOJSON_TILING } from '../../src/maplibre/support/layer-set.ts';

const ROOT = join(import.meta.dirname, '../..');
type Box = [number, number, number, number];
interface Entry {
  code: string;
  frame: Box;
  overview?: { maxZoom: number; fineIntervalM: number; coarseIntervalM: number };
}
const index = JSON.parse(readFileSync(join(ROOT, 'data/regions/index.json'), 'utf8')) as Entry[];
const withOverview = index.filter((r) => r.overview);
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'data/regions', name), 'utf8')) as Topology;

/** Absolute positions of every arc (TopoJSON's quantised deltas decoded). */
function arcPositions(t: Topology): [number, number][][] {
  const { scale, translate } = t.transform!;
  return t.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as [number, number];
    });
  });
}

/** Distance in km from `p` to the segment a–b (planar, longitudes scaled at p's latitude). */
function segmentKm(p: [number, number], a: [number, number], b: [number, number]): number {
  const k = Math.cos((p[1] * Math.PI) / 180) * 111.32;
  const ax = (a[0] - p[0]) * k;
  const ay = (a[1] - p[1]) * 111.32;
  const dx = (b[0] - p[0]) * k - ax;
  const dy = (b[1] - p[1]) * 111.32 - ay;
  const l = dx * dx + dy * dy;
  const t = l ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

describe('overview files', () => {
  it('are listed in the index and in REGION_REACH alike, for the provinces drawn at low zoom', () => {
    // 20 of 34 provinces: the small ones (Beijing, Shanghai, Hainan's islands …) fit at a zoom where an
    // overview would gain too little.
    expect(withOverview.length).toBeGreaterThanOrEqual(15);
    for (const r of index) expect(REGION_REACH[r.code]?.overviewMaxZoom).toBe(r.overview?.maxZoom);
    expect(REGION_REACH['440000']?.overviewMaxZoom).toBe(6);
    expect(REGION_REACH['310000']?.overviewMaxZoom).toBeUndefined();
  });

  it('hold the same objects, features, properties and context box as their region files, with fewer vertices', () => {
    for (const r of withOverview) {
      const detail = read(`${r.code}.json`);
      const overview = read(`${r.code}.overview.json`);
      expect((overview as { context?: Box }).context).toEqual((detail as { context?: Box }).context);
      expect(Object.keys(overview.objects)).toEqual(Object.keys(detail.objects));
      for (const name of Object.keys(detail.objects)) {
        // topojson-client decodes both: the same features in the same order, with the same properties.
        const d = feature(detail, detail.objects[name]!) as unknown as GeoJSON.FeatureCollection;
        const o = feature(overview, overview.objects[name]!) as unknown as GeoJSON.FeatureCollection;
        expect(o.features.map((f) => [f.id, f.properties, f.geometry?.type])).toEqual(
          d.features.map((f) => [f.id, f.properties, f.geometry?.type]),
        );
      }
      const vertices = (t: Topology) => t.arcs.reduce((n, a) => n + a.length, 0);
      expect(vertices(overview), r.code).toBeLessThan(vertices(detail) * 0.7);
    }
  });

  it("differ from the region file by about a pixel of MapLibre's tiles below overviewMaxZoom: the province's borders within 1 px (99.9 % of vertices; all within 1.5 px), the coarser context within 2.5 px (99 %)", () => {
    for (const r of withOverview) {
      const detail = read(`${r.code}.json`);
      const overview = read(`${r.code}.overview.json`);
      // Both files keep the same arcs (the same selection, simplified apart): arc i is arc i.
      expect(overview.arcs.length).toBe(detail.arcs.length);
      const province = new Set<number>();
      const collect = (a: unknown): void => {
        if (typeof a === 'number') province.add(a < 0 ? ~a : a);
        else if (Array.isArray(a)) for (const b of a) collect(b);
      };
      const units = (detail.objects.prefectures as unknown as { geometries: { id: string; arcs: unknown }[] })
        .geometries;
      for (const g of units) if (g.id.slice(0, 2) === r.code.slice(0, 2)) collect(g.arcs);
      // A pixel of the 512-pixel tiles MapLibre draws just below overviewMaxZoom, at the frame's north edge.
      const north = Math.max(Math.abs(r.frame[1]), Math.abs(r.frame[3]));
      const pixelKm =
        (40_075.016686 * Math.cos((north * Math.PI) / 180)) / 512 / 2 ** (r.overview!.maxZoom - 1);
      const d = arcPositions(detail);
      const o = arcPositions(overview);
      const own: number[] = [];
      const context: number[] = [];
      d.forEach((arc, i) => {
        const line = o[i]!;
        for (const p of arc) {
          let km = Number.POSITIVE_INFINITY;
          for (let j = 0; j + 1 < line.length; j++) km = Math.min(km, segmentKm(p, line[j]!, line[j + 1]!));
          (province.has(i) ? own : context).push(km / pixelKm);
        }
      });
      own.sort((a, b) => a - b);
      context.sort((a, b) => a - b);
      expect(quantile(own, 0.999), `${r.code} p99.9`).toBeLessThanOrEqual(GEOJSON_TILING.tolerance);
      expect(own.at(-1), `${r.code} max`).toBeLessThanOrEqual(1.5 * GEOJSON_TILING.tolerance);
      expect(quantile(context, 0.99), `${r.code} context p99`).toBeLessThanOrEqual(
        2.5 * GEOJSON_TILING.tolerance,
      );
    }
  });

  it("are drawn for a figure of the whole province at the benchmark's sizes: a phone, and 800 × 600 with the legend over the map", () => {
    const max = REGION_REACH['440000']!.overviewMaxZoom!;
    expect(wholeProvinceZoom('440000', 343, 517)).toBeLessThan(max);
    expect(wholeProvinceZoom('440000', 800, 600, { legendWidth: 260 })).toBeLessThan(max);
    // Wider, or with no legend beside the map, the first view reaches the zoom where the region file is drawn.
    expect(wholeProvinceZoom('440000', 1280, 800, { legendWidth: 260 })).toBeGreaterThanOrEqual(max);
    expect(wholeProvinceZoom('440000', 800, 600)).toBeGreaterThanOrEqual(max);
    expect(wholeProvinceZoom('999999', 800, 600)).toBeNaN();
  });
});
