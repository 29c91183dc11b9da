import turfArea from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, areaOf, loadAtlas, QuyuError } from '../../src/index.ts';
import { item, LAYOUTS, syntheticCounty } from './helpers.ts';

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '10m' });
});

const AREA_TYPES = new Set(['metro-circle', 'economic-zone', 'eco-zone', 'city-role', 'hub-layout']);
const SHENZHEN_SEAT: [number, number] = [114.0597, 22.5414];
const BEICHUAN_SEAT: [number, number] = [104.4682, 31.6172];

/** Signed planar area: positive for counter-clockwise rings. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2;
}

const unitAreaKm2 = (codes: string[]) => codes.reduce((s, c) => s + turfArea(atlas.feature(c)) / 1e6, 0);

describe('areaOf(item, atlas)', () => {
  it('merges the 深圳 metropolitan circle on the topology; 深圳 lies inside; 深汕 is flagged, not hidden', () => {
    const area = areaOf(item('guangdong', 'gd-mc-sz'), atlas);
    expect(area.type).toBe('Feature');
    expect(area.geometry.type).toBe('MultiPolygon');
    expect(area.properties).toMatchObject({
      id: 'gd-mc-sz',
      name: '深圳都市圈',
      units: ['440300', '441300', '441500', '441900'],
      partial: true,
      empty: false,
      approximations: [{ code: '441500', drawnAs: '441500', reason: 'coverage' }],
    });
    expect(booleanPointInPolygon(SHENZHEN_SEAT, area)).toBe(true);
    // Exact merge: the area equals the sum of its units (no slivers, no overlaps).
    const sum = unitAreaKm2(area.properties.units);
    expect(Math.abs(area.properties.areaKm2 - sum) / sum).toBeLessThan(1e-9);
  });

  it('flags the exclusions of 成渝 it cannot cut (北川, 平武, …) and the partial members', () => {
    const area = areaOf(item('sichuan', 'sc-cy'), atlas);
    expect(area.properties.partial).toBe(true);
    expect(area.properties.approximations).toContainEqual({
      code: '510726',
      drawnAs: '510700',
      reason: 'exclusion-not-cut',
    });
    expect(area.properties.approximations).toContainEqual({
      code: '510700',
      drawnAs: '510700',
      reason: 'coverage',
    });
    // Drawn whole, 绵阳 (and with it 北川's seat) is inside the drawn geometry: that is what `partial` warns of.
    expect(booleanPointInPolygon(BEICHUAN_SEAT, area)).toBe(true);
  });

  it('cuts an excluded county out when its boundary is imported (synthetic county square)', async () => {
    // NOT the real boundary of 北川: a 0.03° square around its seat, inside 绵阳.
    const ext = syntheticCounty('510726', '北川羌族自治县', '510700', BEICHUAN_SEAT, 0.03);
    const withCounties = await loadAtlas({ topology: atlas.topology, extensions: [ext] });
    const before = areaOf(item('sichuan', 'sc-cy'), atlas);
    const after = areaOf(item('sichuan', 'sc-cy'), withCounties);
    expect(after.properties.cut).toEqual(['510726']);
    expect(booleanPointInPolygon(BEICHUAN_SEAT, after)).toBe(false);
    const squareKm2 = turfArea(withCounties.feature('510726')) / 1e6;
    expect(before.properties.areaKm2 - after.properties.areaKm2).toBeCloseTo(squareKm2, 3);
    expect(after.properties.approximations.map((a) => a.code)).not.toContain('510726');
    // 绵阳 stays flagged: its coverage says more counties are out (平武 has no boundary here).
    expect(after.properties.partial).toBe(true);
  });

  it('draws county members exactly when their boundaries are imported, and as their prefecture otherwise', async () => {
    const variant = { variant: '2022 协调指引' };
    const sz2022 = areaOf(item('guangdong', 'gd-mc-sz'), atlas, variant);
    expect(sz2022.properties.units).toEqual(['440300', '441300', '441500', '441900']);
    expect(sz2022.properties.approximations.map((a) => [a.code, a.drawnAs, a.reason])).toEqual([
      ['441302', '441300', 'no-boundary'],
      ['441303', '441300', 'no-boundary'],
      ['441323', '441300', 'no-boundary'],
      ['441322', '441300', 'no-boundary'],
      ['441500', '441500', 'coverage'], // the 深汕 zone, drawn as 汕尾
    ]);
    const ext = syntheticCounty('441302', '惠城区', '441300', [114.38, 23.08], 0.02);
    const withCounties = await loadAtlas({ topology: atlas.topology, extensions: [ext] });
    const exact = areaOf(['440300', '441302'], withCounties);
    expect(exact.properties).toMatchObject({ units: ['440300'], added: ['441302'], partial: false });
  });

  it('covers centre members and poles of a hub layout', () => {
    const area = areaOf(item('guangdong', 'gd-hub-1c3p'), atlas);
    for (const code of ['440100', '440300', '440500', '440800', '440200'])
      expect(area.properties.units).toContain(code);
  });

  it('uses the members of a variant, and refuses an unknown variant', () => {
    expect(() => areaOf(item('guangdong', 'gd-mc-sz'), atlas, { variant: 'nope' })).toThrow(
      /no such variant/,
    );
  });

  it('returns an empty geometry, flagged `empty`, for an item whose scope is only given in words', () => {
    const area = areaOf(item('national', 'cn-mc-01'), atlas);
    expect(area.geometry.coordinates).toEqual([]);
    expect(area.properties).toMatchObject({ empty: true, units: [], areaKm2: 0 });
  });

  it('refuses items without an area (links, corridors, hubs) with a bilingual error', () => {
    try {
      areaOf(item('guangdong', 'gd-zm-integration'), atlas);
      throw new Error('did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(QuyuError);
      expect((e as QuyuError).issues[0]).toMatchObject({ code: 'unsupported', path: 'subject.type' });
    }
    expect(() => areaOf(item('guangdong', 'gd-mc-sz'))).toThrow(/Missing atlas/);
  });

  it('every area item of every built-in layout: a valid, RFC 7946-wound MultiPolygon equal to its units', () => {
    let count = 0;
    for (const [name, layout] of Object.entries(LAYOUTS)) {
      for (const it of layout.items) {
        if (!AREA_TYPES.has(it.type)) continue;
        count++;
        const area = areaOf(it, atlas);
        const label = `${name} ${it.id}`;
        expect(area.geometry.type, label).toBe('MultiPolygon');
        for (const poly of area.geometry.coordinates)
          poly.forEach((ring, k) => {
            expect(ring[0], label).toEqual(ring.at(-1));
            expect(signedArea(ring) > 0, `${label} ring ${k}`).toBe(k === 0);
          });
        if (area.properties.units.length) {
          const sum = unitAreaKm2(area.properties.units);
          expect(Math.abs(area.properties.areaKm2 - sum) / sum, label).toBeLessThan(1e-9);
        }
        expect(area.properties.partial, label).toBe(area.properties.approximations.length > 0);
      }
    }
    expect(count).toBeGreaterThan(100);
  });
});

describe('areaOf(codes | polygons)', () => {
  it('merges a list of codes; a province stands for its units', () => {
    const gf = areaOf(['440100', '440600'], atlas);
    expect(gf.properties).toMatchObject({ id: null, units: ['440100', '440600'], partial: false });
    expect(gf.geometry.coordinates).toHaveLength(1); // one piece: they share a border
    expect(areaOf(['440000'], atlas).properties.units).toHaveLength(21);
  });

  it('merges user polygons with Turf union (no topology, no atlas needed)', () => {
    const sq = (x: number, y: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, y],
          [x + 2, y],
          [x + 2, y + 2],
          [x, y + 2],
          [x, y],
        ],
      ],
    });
    const merged = areaOf({
      type: 'FeatureCollection',
      features: [sq(0, 0), sq(1, 1)].map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
    });
    expect(merged.geometry.coordinates).toHaveLength(1);
    const one = turfArea(sq(0, 0));
    expect(merged.properties.areaKm2 * 1e6).toBeGreaterThan(one);
    expect(merged.properties.areaKm2 * 1e6).toBeLessThan(2 * one);
    expect(() => areaOf({ type: 'Point', coordinates: [0, 0] } as never)).toThrow(
      /Use a Polygon or MultiPolygon/,
    );
  });

  it('validates codes', () => {
    expect(() => areaOf(['440100', '999999'], atlas)).toThrow(/subject\[1\]\.code/);
  });
});
