/**
 * Fuzz: the importer on broken GeoJSON and TopoJSON (open rings, NaN, bad arc indices, null geometries,
 * metres, 3D positions, huge rings, odd properties): an import or a QuyuError, never a bare Error, and the
 * frozen input unchanged.
 */
import fc from 'fast-check';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/atlas/index.ts';
import { importBoundaries } from '../../src/import/index.ts';
import { atlas2m, fixture, shift } from '../import/helpers.ts';
import { deepFreeze } from '../robustness/helpers.ts';
import { expectTypedOutcomeAsync, materialize, nasty, params } from './config.ts';
import { replaceNth } from './mutate.ts';

let atlas: Atlas;
let topo: Topology;
beforeAll(async () => {
  atlas = await atlas2m();
  topo = topology({ counties: fixture() } as never) as unknown as Topology;
});

const GEOJSON_MUTATIONS = [
  'none',
  'open',
  'nan',
  'null-geometry',
  'metres',
  '3d',
  'huge-ring',
  'properties',
  'empty',
  'node',
] as const;
const TOPO_MUTATIONS = ['none', 'bad-arc', 'null-geometry', 'no-arcs', 'node'] as const;

function mutateGeoJSON(m: (typeof GEOJSON_MUTATIONS)[number], k: number, by: unknown): unknown {
  const fc0 = fixture();
  const f = fc0.features[k % fc0.features.length]!;
  const g = f.geometry as { type: string; coordinates: unknown };
  const rings = (g.type === 'Polygon' ? g.coordinates : (g.coordinates as unknown[][])[0]) as number[][][];
  switch (m) {
    case 'none':
      return fc0;
    case 'open':
      rings[0]!.pop();
      return fc0;
    case 'nan':
      rings[0]![1] = [Number.NaN, 31];
      return fc0;
    case 'null-geometry':
      (f as { geometry: unknown }).geometry = null;
      return fc0;
    case 'metres':
      return shift(fc0, 'EPSG3857');
    case '3d':
      for (const r of rings) for (const p of r) p.push(500);
      return fc0;
    case 'huge-ring': {
      // 50,000 vertices along the first edge: the cost must stay linear.
      const [a, b] = [rings[0]![0]!, rings[0]![1]!];
      const extra = Array.from({ length: 50_000 }, (_, i) => [
        a[0]! + ((b[0]! - a[0]!) * i) / 50_000,
        a[1]! + ((b[1]! - a[1]!) * i) / 50_000,
      ]);
      rings[0]!.splice(1, 0, ...extra.slice(1));
      return fc0;
    }
    case 'properties':
      (f as { properties: unknown }).properties = by;
      return fc0;
    case 'empty':
      (f as { geometry: unknown }).geometry = { type: 'MultiPolygon', coordinates: [] };
      return fc0;
    case 'node':
      return replaceNth(fc0, k * 7919, by);
  }
}

function mutateTopo(m: (typeof TOPO_MUTATIONS)[number], k: number, by: unknown): unknown {
  const t = JSON.parse(JSON.stringify(topo)) as Topology & {
    objects: { counties: { geometries: { arcs?: unknown; type: unknown }[] } };
  };
  const geoms = t.objects.counties.geometries;
  const g = geoms[k % geoms.length]!;
  switch (m) {
    case 'none':
      return t;
    case 'bad-arc':
      g.arcs = [[[t.arcs.length + 5]]];
      g.type = 'MultiPolygon';
      return t;
    case 'null-geometry':
      g.type = null;
      delete g.arcs;
      return t;
    case 'no-arcs':
      return { ...t, arcs: undefined };
    case 'node':
      return replaceNth(t, k * 104_729, by);
  }
}

describe('fuzz: importBoundaries', () => {
  it('broken GeoJSON and TopoJSON: an extension or a QuyuError; the frozen input unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.constant('geojson' as const), fc.constantFrom(...GEOJSON_MUTATIONS)),
          fc.tuple(fc.constant('topojson' as const), fc.constantFrom(...TOPO_MUTATIONS)),
        ),
        fc.nat(),
        nasty,
        fc.boolean(),
        async ([kind, m], k, by, asText) => {
          const input =
            kind === 'geojson'
              ? mutateGeoJSON(m as never, k, materialize(by))
              : mutateTopo(m as never, k, materialize(by));
          let text: string | undefined;
          try {
            text = asText ? JSON.stringify(input) : undefined;
          } catch {
            text = undefined;
          }
          deepFreeze(input);
          const out = await expectTypedOutcomeAsync(() =>
            importBoundaries(text ?? input, { atlas, file: 'in.json' }),
          );
          if (out) expect(out.report.codes.length).toBeGreaterThan(0);
        },
      ),
      params(32),
    );
  });
});
