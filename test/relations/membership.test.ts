import { beforeAll, describe, expect, it } from 'vitest';
import { type EconomicZone, membership } from '../../src/index.ts';
import { loadGazetteer } from '../../src/names/load.ts';
import { item } from './helpers.ts';

// County-level codes below need the county part of the gazetteer (loaded on demand).
beforeAll(() => loadGazetteer());

const zone = (members: EconomicZone['members'], excludes?: EconomicZone['excludes']): EconomicZone => ({
  type: 'economic-zone',
  id: 'z',
  name: 'z',
  status: 'verified',
  category: 'other',
  members,
  ...(excludes ? { excludes } : {}),
});

describe('membership(code, item)', () => {
  it('北川 (510726) lies outside 成渝: the Sichuan layout lists it in `excludes`', () => {
    const cy = item('sichuan', 'sc-cy');
    expect(membership('510726', cy)).toEqual({ status: 'excluded', via: '510726' });
    expect(membership('510727', cy)).toEqual({ status: 'excluded', via: '510727' });
    expect(membership('511781', cy)).toEqual({ status: 'excluded', via: '511781' });
  });

  it('answers member, partial, unknown and outside from the code hierarchy', () => {
    const cy = item('sichuan', 'sc-cy');
    expect(membership('510100', cy)).toEqual({ status: 'member', via: '510100' });
    expect(membership('510104', cy)).toEqual({ status: 'member', via: '510100' }); // a district of 成都
    expect(membership('510700', cy)).toEqual({ status: 'partial', via: '510700' }); // listed with a coverage
    expect(membership('510704', cy)).toEqual({ status: 'unknown', via: '510700' }); // 绵阳 only partly listed
    expect(membership('510000', cy).status).toBe('partial'); // Sichuan contains members
    expect(membership('230100', cy)).toEqual({ status: 'outside', via: null });
  });

  it('深圳 is a member of the 深圳 metropolitan circle', () => {
    expect(membership('440300', item('guangdong', 'gd-mc-sz'))).toEqual({ status: 'member', via: '440300' });
  });

  it('a whole member with an excluded county is partial; counties named in a coverage are members', () => {
    const z = zone([{ code: '510700' }], [{ code: '510726' }]);
    expect(membership('510700', z)).toEqual({ status: 'partial', via: '510700' });
    expect(membership('510704', z)).toEqual({ status: 'member', via: '510700' });
    const named = zone([{ code: '510700', coverage: { counties: ['北川羌族自治县', '510727'] } }]);
    expect(membership('510726', named)).toEqual({ status: 'member', via: '510700' });
    expect(membership('510727', named)).toEqual({ status: 'member', via: '510700' });
    expect(membership('510704', named)).toEqual({ status: 'unknown', via: '510700' });
  });

  it('reads variants and hub-layout poles', () => {
    const sz = item('guangdong', 'gd-mc-sz');
    expect(membership('440300', sz, { variant: '2022 协调指引' }).status).toBe('member');
    expect(membership('441302', sz, { variant: '2022 协调指引' }).status).toBe('member'); // a whole county listed
    expect(membership('441300', sz, { variant: '2022 协调指引' }).status).toBe('partial');
    expect(membership('441324', sz, { variant: '2022 协调指引' }).status).toBe('outside'); // 龙门县, not listed
    expect(membership('441500', sz, { variant: '2022 协调指引' }).status).toBe('partial'); // 深汕, listed with a coverage
    expect(membership('440500', item('guangdong', 'gd-hub-1c3p')).status).toBe('member');
  });

  it('throws for unknown codes and items without members', () => {
    expect(() => membership('999999', item('sichuan', 'sc-cy'))).toThrow(/Unknown division code/);
    expect(() => membership('440100', item('guangdong', 'gd-zm-integration'))).toThrow(/no area/);
  });
});
