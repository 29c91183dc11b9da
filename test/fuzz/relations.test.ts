/**
 * Fuzz: relations on user GeoJSON. Broken shapes (open rings, NaN, swapped axes, metres, holes outside
 * shells, empty and null geometries, 3D positions, bow-ties) give a QuyuError or a sound answer, never a bare
 * Error or a silently wrong number; valid shapes are related exactly as a plain Turf computation on the
 * whole geometries (the oracle the box-clipping prefilter must match).
 */
import turfArea from '@turf/area';
import booleanIntersects from '@turf/boolean-intersects';
import turfDifference from '@turf/difference';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/atlas/index.ts';
import { loadAtlas } from '../../src/atlas/index.ts';
import { areaOf, coverage, distanceKm, relate, withinReach } from '../../src/relations/index.ts';
import { deepFreeze } from '../robustness/helpers.ts';
import { expectTypedOutcome, params } from './config.ts';

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '10m' });
});

/** A star-shaped ring around a centre (counter-clockwise, closed). */
const ring = fc
  .record({
    x: fc.double({ min: 100, max: 121, noNaN: true }),
    y: fc.double({ min: 21, max: 42, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), { minLength: 3, maxLength: 12 }),
  })
  .map(({ x, y, radii }) => [
    ...radii.map((r, i) => [
      x + r * Math.cos((2 * Math.PI * i) / radii.length),
      y + r * Math.sin((2 * Math.PI * i) / radii.length),
    ]),
    [x + radii[0]!, y],
  ]);

const MUTATIONS = [
  'none',
  'reverse',
  'open',
  'nan',
  'swap',
  'metres',
  'hole-outside',
  'hole-inside',
  'empty',
  'null-feature',
  'no-features',
  '3d',
  'one-number',
  'bow-tie',
  'twice',
  'wrong-type',
  'string-coords',
  'degenerate',
] as const;
type Mutation = (typeof MUTATIONS)[number];

function shape(r: number[][], m: Mutation): unknown {
  const poly = (rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
  const fcOf = (...geoms: unknown[]) => ({
    type: 'FeatureCollection',
    features: geoms.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  });
  switch (m) {
    case 'none':
      return poly([r]);
    case 'reverse':
      return poly([r.slice().reverse()]);
    case 'open':
      return poly([r.slice(0, -1)]);
    case 'nan':
      return poly([r.map((p, i) => (i === 1 ? [Number.NaN, p[1]] : p))]);
    case 'swap':
      return poly([r.map((p) => [p[1], p[0]])]);
    case 'metres':
      return poly([r.map((p) => [p[0]! * 111_320, p[1]! * 120_000])]);
    case 'hole-outside':
      return poly([r, r.map((p) => [p[0]! + 5, p[1]!]).reverse()]);
    case 'hole-inside': {
      const [cx, cy] = [
        r.reduce((s, p) => s + p[0]!, 0) / r.length,
        r.reduce((s, p) => s + p[1]!, 0) / r.length,
      ];
      const d = 0.01;
      return poly([
        r,
        [
          [cx - d, cy - d],
          [cx - d, cy + d],
          [cx + d, cy + d],
          [cx + d, cy - d],
          [cx - d, cy - d],
        ],
      ]);
    }
    case 'empty':
      return { type: 'MultiPolygon', coordinates: [] };
    case 'null-feature':
      return {
        type: 'FeatureCollection',
        features: [null, { type: 'Feature', properties: {}, geometry: poly([r]) }],
      };
    case 'no-features':
      return { type: 'FeatureCollection' };
    case '3d':
      return poly([r.map((p) => [p[0], p[1], 100])]);
    case 'one-number':
      return poly([r.map((p, i) => (i === 2 ? [p[0]] : p))]);
    case 'bow-tie': {
      const [a, b, c, d] = [r[0]!, r[1]!, r[2]!, r[3] ?? r[0]!];
      return poly([[a, c, b, d, a]]);
    }
    case 'twice':
      return fcOf(poly([r]), poly([r]));
    case 'wrong-type':
      return { type: 'LineString', coordinates: r };
    case 'string-coords':
      return poly([r.map((p) => p.map(String))]);
    case 'degenerate':
      return fcOf(poly([r]), poly([[r[0], r[1], r[0]]]));
  }
}

const RELATIONS = ['equal', 'within', 'contains', 'overlaps', 'touches', 'disjoint'];

describe('fuzz: relations on user GeoJSON', () => {
  it('areaOf, relate, coverage, withinReach, distanceKm: a sound answer or a QuyuError', () => {
    fc.assert(
      fc.property(
        ring,
        fc.constantFrom(...MUTATIONS),
        fc.constantFrom('440100', '510000', '110000', '650100'),
        (r, m, code) => {
          const g = deepFreeze(shape(r, m));
          const area = expectTypedOutcome(() => areaOf(g as never));
          if (area) {
            expect(Number.isFinite(area.properties.areaKm2)).toBe(true);
            expect(area.properties.areaKm2).toBeGreaterThan(0);
          }
          const rel = expectTypedOutcome(() => relate(g as never, code, atlas));
          if (rel) expect(RELATIONS).toContain(rel);
          const c = expectTypedOutcome(() =>
            coverage(g as never, [r[0] as [number, number]], 30, atlas, { steps: 16 }),
          );
          if (c) expect(c.share >= 0 && c.share <= 1 + 1e-9).toBe(true);
          expectTypedOutcome(() => withinReach([code], [r[0] as [number, number]], 100, atlas));
          expectTypedOutcome(() => distanceKm(r[0] as [number, number], code, atlas));
          // The outcome of one kind of shape is the same for every relation: checked or not at all.
          if (
            [
              'open',
              'nan',
              'swap',
              'metres',
              'hole-outside',
              'empty',
              'null-feature',
              'no-features',
              'one-number',
              'wrong-type',
              'string-coords',
              'degenerate',
            ].includes(m)
          ) {
            expect(area).toBeUndefined();
            expect(rel).toBeUndefined();
            expect(c).toBeUndefined();
          }
        },
      ),
      params(250),
    );
  });

  it('relate(code, polygon) equals Turf on the whole geometries (the box-clipping prefilter changes nothing)', () => {
    const oracle = (a: MultiPolygon, b: MultiPolygon): string => {
      const fcOf = (x: MultiPolygon, y: MultiPolygon) => ({
        type: 'FeatureCollection' as const,
        features: [x, y].map((geometry) => ({ type: 'Feature' as const, properties: {}, geometry })),
      });
      const areaA = turfArea(a);
      const areaB = turfArea(b);
      const tol = 1 + 1e-9 * Math.min(areaA, areaB);
      const out = (x: MultiPolygon, y: MultiPolygon) => {
        const d = turfDifference(fcOf(x, y));
        return d ? turfArea(d) : 0;
      };
      const aOut = out(a, b);
      const bOut = out(b, a);
      if (aOut <= tol && bOut <= tol) return 'equal';
      if (aOut <= tol) return 'within';
      if (bOut <= tol) return 'contains';
      if (areaA - aOut > tol) return 'overlaps';
      return booleanIntersects(a, b) ? 'touches' : 'disjoint';
    };
    const units = ['440100', '440300', '441900', '510100', '110000', '310000', '420100'];
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.double({ min: 0.02, max: 1.5, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (code, size, dx, dy) => {
          const f = atlas.feature(code);
          const c = [f.properties.labelX + dx * size, f.properties.labelY + dy * size];
          const sq: Polygon = {
            type: 'Polygon',
            coordinates: [
              [
                [c[0]! - size, c[1]! - size],
                [c[0]! + size, c[1]! - size],
                [c[0]! + size, c[1]! + size],
                [c[0]! - size, c[1]! + size],
                [c[0]! - size, c[1]! - size],
              ],
            ],
          };
          const unit = atlas.merge([code]);
          expect(relate(code, sq, atlas)).toBe(
            oracle(unit, { type: 'MultiPolygon', coordinates: [sq.coordinates] }),
          );
        },
      ),
      params(40),
    );
  });
});
