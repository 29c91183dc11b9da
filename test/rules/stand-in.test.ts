/**
 * One stand-in rule, one answer: every code of the code table goes through every layer that draws or
 * measures a code without a boundary — the map builders (areas, markers, links), `areaOf` and `relate` —
 * and each must pick the unit `standInUnit` picks (or refuse, where it picks none).
 */
import type { FeatureCollection, Point } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas, standInUnit } from '../../src/atlas/index.ts';
import { allCodes } from '../../src/codes/index.ts';
import type { CityRole, EconomicZone, TransferLink } from '../../src/layouts/schema.ts';
import { cityRoleLayers, economicZoneLayers, linkLayers } from '../../src/maplibre/index.ts';
import { unitPoint } from '../../src/maplibre/support/geometry.ts';
import { areaOf, relate } from '../../src/relations/index.ts';

let atlas: Atlas;
let codes: string[];
let expected: Map<string, string | undefined>;

beforeAll(async () => {
  atlas = await loadAtlas();
  codes = allCodes().map((c) => c.code);
  expected = new Map(codes.map((c) => [c, standInUnit(c, atlas)]));
});

const source = { id: 't', title: 'test', publisher: 'test', url: 'https://example.org/', date: '2024-01-01' };

describe('the stand-in unit, through every caller', () => {
  it('covers the whole code table, and every code has a stand-in (胡杨河 659010 → 新疆 650000)', () => {
    expect(codes.length).toBeGreaterThan(3000);
    expect([...expected].filter(([, v]) => !v)).toEqual([]);
    expect(expected.get('659010')).toBe('650000');
    expect(expected.get('441202')).toBe('441200');
  });

  it('economicZoneLayers draws each code as its stand-in: whole when it is the unit, else hatched', () => {
    const items = codes.map(
      (code): EconomicZone => ({
        id: `z${code}`,
        type: 'economic-zone',
        name: code,
        category: 'other',
        members: [{ code }],
        status: 'verified',
        source,
      }),
    );
    const set = economicZoneLayers(items, { atlas });
    const fc = Object.values(set.sources)[0]!.data as FeatureCollection;
    const drawn = new Map<string, string>();
    for (const f of fc.features) {
      const p = f.properties as { item: string; part: string; code?: string; members?: string };
      drawn.set(p.item.slice(1), p.part === 'partial' ? p.code! : p.members!);
      if (p.part === 'whole') expect(p.members).toBe(p.item.slice(1));
    }
    const wrong = codes.filter((c) => drawn.get(c) !== expected.get(c));
    expect(wrong).toEqual([]);
  });

  it('cityRoleLayers puts each code at its stand-in, marked approximate when it is not the code itself', () => {
    const items = codes.map(
      (code): CityRole => ({
        id: `r${code}`,
        type: 'city-role',
        name: code,
        role: 'node',
        members: [{ code }],
        status: 'verified',
        source,
      }),
    );
    const set = cityRoleLayers(items, { atlas });
    const markers = Object.entries(set.sources).find(([k]) => k.endsWith('markers'))![1]
      .data as FeatureCollection<Point>;
    const wrong: string[] = [];
    for (const f of markers.features) {
      const p = f.properties as { code: string; note?: string };
      const at = unitPoint(atlas, expected.get(p.code)!);
      const approximate = expected.get(p.code) !== p.code;
      if (f.geometry.coordinates.join() !== at.join() || Boolean(p.note) !== approximate) wrong.push(p.code);
    }
    expect(markers.features.length).toBe(codes.length);
    expect(wrong).toEqual([]);
  });

  it('linkLayers ends each link at the stand-in of its code', () => {
    const items = codes.map(
      (code): TransferLink => ({
        id: `l${code}`,
        type: 'link',
        name: code,
        kind: 'partnership',
        from: code,
        to: code.startsWith('65') ? '460000' : '650000',
        status: 'verified',
        source,
      }),
    );
    const set = linkLayers(items, { atlas });
    const lines = Object.entries(set.sources).find(([k]) => k.endsWith('lines'))![1]
      .data as FeatureCollection;
    const wrong: string[] = [];
    for (const f of lines.features) {
      const p = f.properties as { from: string };
      const first = (f.geometry as { coordinates: number[][] }).coordinates[0]!;
      const at = unitPoint(atlas, expected.get(p.from)!);
      if (Math.abs(first[0]! - at[0]!) > 1e-5 || Math.abs(first[1]! - at[1]!) > 1e-5) wrong.push(p.from);
    }
    expect(lines.features.length).toBe(codes.length);
    expect(wrong).toEqual([]);
  });

  it('areaOf measures each code as its stand-in, and lists the approximation', () => {
    const wrong: string[] = [];
    for (const code of codes) {
      const props = areaOf([code], atlas).properties;
      const up = expected.get(code)!;
      const units =
        up.endsWith('0000') && !atlas.prefectures().some((f) => f.id === up)
          ? atlas
              .prefectures({ province: up })
              .map((f) => f.id)
              .sort()
          : [up];
      const approx = props.approximations[0];
      const ok =
        props.units.join() === units.join() &&
        (up === code
          ? props.approximations.length === 0
          : approx?.drawnAs === up && approx.reason === 'no-boundary');
      if (!ok) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('relate answers for 胡杨河, 新星 and 白杨 (659010–659012) with approximate: true, and refuses without', () => {
    for (const code of ['659010', '659011', '659012']) {
      expect(relate([code], ['650000'], atlas, { approximate: true })).toBe('equal');
      expect(() => relate([code], ['650000'], atlas)).toThrow(/unsupported|approximate|部分/i);
    }
  });
});
