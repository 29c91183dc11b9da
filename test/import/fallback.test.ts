import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { childrenOf } from '../../src/codes/index.ts';
import { importBoundaries } from '../../src/import/index.ts';
import type { Layout } from '../../src/layouts/index.ts';
import { mianyang } from '../../src/layouts/mianyang.ts';
import { COUNTY_SEATS, countyFallback, memberCodes } from '../../src/relations/index.ts';
import { atlas2m, FIXTURE_FILE, fixture } from './helpers.ts';

let atlas: Atlas;
let withCounties: Atlas;

beforeAll(async () => {
  atlas = await atlas2m();
  const { extension } = await importBoundaries(fixture(), { file: FIXTURE_FILE, atlas });
  withCounties = await loadAtlas({ resolution: '2m', topology: atlas.topology, extensions: [extension] });
});

describe('countyFallback(layout, atlas) without county boundaries (Mianyang 一核两翼三区)', () => {
  it('names every county member as falling back to its prefecture outline, with the note', () => {
    const fb = countyFallback(mianyang, atlas);
    expect(fb.complete).toBe(false);
    // The nine counties of 绵阳, and 金堂县 (成都) as a node of the 绵阳—金堂 intercity railway.
    expect(fb.withoutGeometry.map((u) => u.code)).toEqual(['510121', ...childrenOf('510700')]);
    expect(fb.outlines).toEqual(['510100', '510700']);
    expect(fb.note).toEqual({ zh: '县级边界未加载', en: 'County boundaries not loaded' });
    expect(fb.detail!.zh).toMatch(
      /^县级边界未加载：金堂县、涪城区、游仙区.*以所属成都市、绵阳市的轮廓和县级政府驻地点表示，不是县界。/,
    );
    // Every member has a seat (游仙区's is approximate, from the boundary source), so nothing is left unmarked.
    expect(fb.detail!.zh).toMatch(/不是县界。$/);
    expect(fb.detail!.en).not.toMatch(/No sourced seat/);
  });

  it('says which county members have no seat and are not marked (余杭区 has none in data/seats.json)', () => {
    const withYuhang: Layout = {
      ...mianyang,
      items: [
        ...mianyang.items,
        {
          type: 'economic-zone',
          category: 'other',
          id: 'yh',
          name: '余杭',
          status: 'verified',
          members: [{ code: '330110' }],
        },
      ],
    };
    expect(Object.hasOwn(COUNTY_SEATS, '330110')).toBe(false);
    const fb = countyFallback(withYuhang, atlas);
    expect(fb.withoutGeometry.filter((u) => !u.seat).map((u) => u.code)).toEqual(['330110']);
    expect(fb.seats.features.map((f) => f.id)).not.toContain('330110');
    expect(fb.detail!.zh).toMatch(/。余杭区无可靠驻地坐标，未标点。$/);
    expect(fb.detail!.en).toMatch(/\. No sourced seat for Yuhang District: not marked\.$/);
  });

  it('draws the prefecture and other prefecture-level members as polygons', () => {
    const fb = countyFallback(mianyang, atlas);
    expect(fb.withGeometry).toContain('510700');
    expect(fb.withGeometry.every((c) => atlas.has(c))).toBe(true);
  });

  it('gives a seat point for the 10 counties with a seat in data/seats.json, none invented', () => {
    const fb = countyFallback(mianyang, atlas);
    const seated = fb.withoutGeometry.filter((u) => Object.hasOwn(COUNTY_SEATS, u.code)).map((u) => u.code);
    expect(seated).toHaveLength(10);
    expect(fb.seats.features.map((f) => f.id).sort()).toEqual(seated.sort());
    expect(fb.withoutGeometry.filter((u) => !u.seat)).toEqual([]);
    // 游仙区: the county position of the boundary source, not checked against a second source.
    expect(fb.seats.features.find((f) => f.id === '510704')!.properties.status).toBe('approximate');
    for (const f of fb.seats.features) {
      const outline = atlas.feature(f.properties.outline);
      expect(booleanPointInPolygon(f.geometry, outline), String(f.id)).toBe(true);
    }
    const zitong = fb.seats.features.find((f) => f.id === '510725')!;
    expect(zitong.properties).toMatchObject({ name: '梓潼县', status: 'sourced', outline: '510700' });
  });

  it("carries each seat's layout roles for styling (first item, every item)", () => {
    const fb = countyFallback(mianyang, atlas);
    const fucheng = fb.seats.features.find((f) => f.id === '510703')!.properties;
    expect(fucheng.item).toBe('my-1core');
    expect(fucheng.itemType).toBe('economic-zone');
    expect(fucheng.items.split(',')).toEqual(expect.arrayContaining(['my-1core', 'my-3zones-1']));
    const jiangyou = fb.withoutGeometry.find((u) => u.code === '510781')!;
    expect(jiangyou.items.find((i) => i.id === 'my-3zones-1')).toMatchObject({
      partial: true,
      group: '三区',
    });
  });

  it('takes seats from options over the bundled ones (e.g. a user-sourced seat for 游仙区)', () => {
    const fb = countyFallback(mianyang, atlas, {
      seats: { '510704': { point: [104.77, 31.48], status: 'sourced', source: 'test' } },
    });
    expect(fb.seats.features).toHaveLength(10);
    expect(fb.seats.features.find((f) => f.id === '510704')).toMatchObject({
      geometry: { coordinates: [104.77, 31.48] },
      properties: { status: 'sourced', source: 'test' },
    });
  });
});

describe('countyFallback(layout, atlas) with imported county boundaries', () => {
  it('draws every Mianyang county as a polygon; only 金堂县 (成都, not imported) still falls back', () => {
    const fb = countyFallback(mianyang, withCounties);
    for (const code of childrenOf('510700')) expect(fb.withGeometry).toContain(code);
    expect(fb.withoutGeometry.map((u) => u.code)).toEqual(['510121']);
    expect(fb.outlines).toEqual(['510100']);
    expect(fb.seats.features.map((f) => f.id)).toEqual(['510121']); // 金堂县's seat, 赵镇
    expect(fb.note).not.toBeNull();
  });

  it('is complete, with no note, when every county member has geometry', () => {
    const onlyMianyang: Layout = {
      ...mianyang,
      items: mianyang.items.filter((i) => !memberCodes(i).some((m) => m.code === '510121')),
    };
    const fb = countyFallback(onlyMianyang, withCounties);
    expect(fb).toMatchObject({ complete: true, withoutGeometry: [], outlines: [], note: null, detail: null });
    expect(countyFallback(onlyMianyang, atlas).complete).toBe(false);
  });
});

describe('memberCodes(item)', () => {
  it('lists the codes of every item type (core, members, poles, link ends, corridor nodes)', () => {
    const layout: Layout = {
      id: 't',
      title: 't',
      region: 't',
      items: [
        {
          type: 'metro-circle',
          id: 'mc',
          name: 'mc',
          status: 'verified',
          core: '440100',
          members: [{ code: '440600' }],
        },
        {
          type: 'hub-layout',
          id: 'hl',
          name: 'hl',
          status: 'verified',
          centre: { members: [{ code: '440300', coverage: { description: 'part' } }] },
          poles: [{ code: '440500' }],
        },
        {
          type: 'link',
          id: 'ln',
          name: 'ln',
          status: 'verified',
          kind: 'partnership',
          from: '440100',
          to: '510703',
        },
        {
          type: 'corridor',
          id: 'co',
          name: 'co',
          status: 'verified',
          kind: 'road',
          nodes: [{ point: [104, 31] }, { code: '510781' }],
        },
        {
          type: 'hub',
          id: 'hb',
          name: 'hb',
          status: 'verified',
          kind: 'airport',
          location: { point: [104.74, 31.43], unit: '510703' },
        },
      ],
    };
    expect(layout.items.map((i) => memberCodes(i).map((m) => `${m.code}${m.partial ? '*' : ''}`))).toEqual([
      ['440100', '440600'],
      ['440300*', '440500'],
      ['440100', '510703'],
      ['510781'],
      [],
    ]);
    const fb = countyFallback(layout, atlas);
    expect(fb.withoutGeometry.map((u) => u.code)).toEqual(['510703', '510781']);
    expect(fb.withoutGeometry[0]!.items.map((i) => i.id)).toEqual(['ln']);
  });
});
