import { readFileSync } from 'node:fs';
import kinks from '@turf/kinks';
import { buildMosaic } from '../src/import/mosaic.ts';
import { repairPolygons, emptyRepairs, snapVertices } from '../src/import/repair.ts';
import { loadAtlas } from '../src/index.ts';
import { polygonsOf } from '../src/geo/planar.ts';
const fc = JSON.parse(readFileSync('test/fixtures/synthetic-mianyang-counties.geojson', 'utf8'));
const g = fc.features[7].geometry;
const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
[ring[100], ring[300]] = [ring[300], ring[100]];
const atlas = await loadAtlas({ resolution: '2m' });
const r7 = (v: number) => Math.round(v * 1e7) / 1e7;
const snapped = snapVertices(fc.features.map((f: any) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((p: any) => p.map((r: any) => r.map((q: any) => [r7(q[0]), r7(q[1])])))), 1, emptyRepairs());
const units = fc.features.map((f: any, i: number) => ({ code: String(f.properties.adcode), parent: '510700', polygons: repairPolygons(snapped[i], emptyRepairs()) }));
const m2 = buildMosaic(units, [{ code: '510700', polygons: polygonsOf(atlas.feature('510700').geometry) }], { gapAreaKm2: 1, gapWidthM: 300 });
for (const [c, p] of m2.polygons) { const k = kinks({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: p } } as any).features; console.log(c, p.length, k.length, JSON.stringify(k.map((f: any) => f.geometry.coordinates))); }
