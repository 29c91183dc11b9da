import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Atlas,
  areaOf,
  loadAtlas,
  membership,
  QuyuError,
  type RelateInput,
  type Relation,
  relate,
} from '../../src/index.ts';
import { fixtures, item, prng, subjectOf, syntheticCounty } from './helpers.ts';

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '10m' });
});

const RELATIONS: Relation[] = ['within', 'contains', 'touches', 'overlaps', 'disjoint', 'equal'];

describe.each(RELATIONS)('relate(a, b) fixtures: test/relations/%s/{true,false}', (relation) => {
  const { true: yes, false: no } = fixtures(relation);
  it.each(yes.map((f) => [f.name, f] as const))(`is '${relation}' for %s`, (_, f) => {
    expect(relate(subjectOf(f.a) as RelateInput, subjectOf(f.b) as RelateInput, atlas)).toBe(relation);
  });
  it.each(no.map((f) => [f.name, f] as const))(`is not '${relation}' for %s`, (_, f) => {
    expect(relate(subjectOf(f.a) as RelateInput, subjectOf(f.b) as RelateInput, atlas)).not.toBe(relation);
  });
});

describe('relate(a, b, atlas): known facts', () => {
  it('深圳 lies in the 深圳 metropolitan circle (guangdong gd-mc-sz), 广州 only touches it', () => {
    const sz = item('guangdong', 'gd-mc-sz');
    expect(relate('440300', sz, atlas)).toBe('within');
    expect(relate(sz, '440300', atlas)).toBe('contains');
    expect(relate('440100', sz, atlas)).toBe('touches');
  });

  it('佛山 borders 广州', () => {
    expect(relate('440600', '440100', atlas)).toBe('touches');
  });

  it('refuses to guess for 北川 and 成渝 (北川 has no boundary at this level, 绵阳 is only partly in)', () => {
    const cy = item('sichuan', 'sc-cy');
    try {
      relate('510726', cy, atlas);
      throw new Error('did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(QuyuError);
      expect((e as QuyuError).code).toBe('unsupported');
      expect((e as QuyuError).message).toContain('510726→510700');
    }
    // The codes alone say it: 北川 is excluded from 成渝.
    expect(membership('510726', cy).status).toBe('excluded');
    // The drawn geometries, on request: 绵阳 is drawn whole.
    expect(relate('510726', cy, atlas, { approximate: true })).toBe('within');
  });

  it('with county boundaries imported, 北川 is cut out of 成渝 and touches it (synthetic county square)', async () => {
    // NOT the real boundary of 北川: a 0.03° square around its seat, inside 绵阳.
    const ext = syntheticCounty('510726', '北川羌族自治县', '510700', [104.4682, 31.6172], 0.03);
    const withCounties = await loadAtlas({ topology: atlas.topology, extensions: [ext] });
    expect(relate('510726', '510700', withCounties)).toBe('within');
    const cy = item('sichuan', 'sc-cy');
    expect(relate('510726', cy, withCounties, { approximate: true })).toBe('touches');
  });

  it('a province listed with a coverage may hold any of its units: decided only where that cannot matter', () => {
    const zone = {
      type: 'economic-zone' as const,
      id: 'z',
      name: 'z',
      status: 'verified' as const,
      category: 'other' as const,
      members: [{ code: '440000', coverage: { description: 'part of Guangdong' } }],
    };
    expect(relate(zone, '230100', atlas)).toBe('disjoint');
    expect(relate('440300', zone, atlas, { approximate: true })).toBe('within');
    expect(() => relate('440300', zone, atlas)).toThrow(/cannot draw exactly/);
  });

  it('relates hubs by their points', () => {
    const baiyun = item('guangdong', 'hub-guangzhou-baiyun-international-airport');
    expect(relate(baiyun, '440100', atlas)).toBe('within');
    expect(relate('440000', baiyun, atlas)).toBe('contains');
    const unlocated = item('guangdong', 'hub-chaozhou-main-platform-for-orderly-industrial-transfer');
    expect(() => relate(unlocated, '445100', atlas)).toThrow(/has no point/);
  });

  it('throws for items without an area or without coded members', () => {
    expect(() => relate(item('guangdong', 'gd-zm-integration'), '440100', atlas)).toThrow(/no area/);
    expect(() => relate(item('national', 'cn-mc-01'), '320100', atlas)).toThrow(/no member codes/);
    expect(() =>
      relate(
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
        '440100',
        atlas,
      ),
    ).toThrow(/Unsupported geometry/);
    expect(() => relate('999999', '440100', atlas)).toThrow(/Unknown division code/);
  });
});

describe('relate(a, b, atlas): the geometry path agrees with the topology path', () => {
  it('gives the same relation for merged polygons as for their unit sets (30 random pairs of unit groups)', () => {
    const units = atlas.prefectures().map((f) => f.id);
    const r = prng(8);
    const group = () => {
      // A unit and some of its neighbours: groups that touch, overlap or nest.
      const seed = units[Math.floor(r() * units.length)]!;
      const around = atlas.neighbors(seed).filter(() => r() < 0.5);
      return [seed, ...around];
    };
    const seen = new Set<Relation>();
    for (let k = 0; k < 30; k++) {
      const a = group();
      const b = r() < 0.5 ? group() : [...a.slice(0, 1), ...atlas.neighbors(a[0]!).slice(0, 2)];
      const byUnits = relate(a, b, atlas);
      const byGeometry = relate(areaOf(a, atlas), areaOf(b, atlas));
      expect(byGeometry, `${a} vs ${b}`).toBe(byUnits);
      seen.add(byUnits);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
