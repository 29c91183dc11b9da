import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { isKnownCode } from '../../src/codes/index.ts';
import { defineLayout } from '../../src/layouts/define.ts';
import { guangdong } from '../../src/layouts/guangdong.ts';
import { guangzhouShenzhen } from '../../src/layouts/guangzhou-shenzhen.ts';
import { heilongjiang } from '../../src/layouts/heilongjiang.ts';
import { layoutJsonSchema } from '../../src/layouts/json-schema.ts';
import { mianyang } from '../../src/layouts/mianyang.ts';
import { national } from '../../src/layouts/national.ts';
import type { Layout } from '../../src/layouts/schema.ts';
import { sichuan } from '../../src/layouts/sichuan.ts';
import { allCodes, memberLists, summarize } from './helpers.ts';

const builtins: Layout[] = [guangdong, guangzhouShenzhen, sichuan, heilongjiang, mianyang, national];

describe('built-in layouts', () => {
  it.each(builtins.map((l) => [l.id, l] as const))('%s: every code exists in the code table', (_, layout) => {
    const unknown = allCodes(layout).filter(([, code]) => !isKnownCode(code));
    expect(unknown).toEqual([]);
  });

  it.each(builtins.map((l) => [l.id, l] as const))(
    '%s: every fact has a source and a status',
    (_, layout) => {
      const missing: string[] = [];
      layout.items.forEach((item, i) => {
        if (!item.source?.title) missing.push(`items[${i}].source`);
        if (!item.status) missing.push(`items[${i}].status`);
        for (const [p, list] of memberLists(item)) {
          list.forEach((m, k) => {
            if (!m.source?.title) missing.push(`items[${i}].${p}[${k}].source`);
            if (!m.status) missing.push(`items[${i}].${p}[${k}].status`);
          });
        }
        if ('location' in item && item.location) {
          if (!item.location.source) missing.push(`items[${i}].location.source`);
          if (!item.location.status) missing.push(`items[${i}].location.status`);
          if (item.location.point === null && item.location.status !== 'uncertain')
            missing.push(`items[${i}].location.status (null point must be uncertain)`);
        }
      });
      expect(missing).toEqual([]);
    },
  );

  it.each(builtins.map((l) => [l.id, l] as const))(
    'defineLayout(%s) accepts it without warnings',
    (_, layout) => {
      const defined = defineLayout(layout);
      expect(defined.warnings).toEqual([]);
      expect(defined.items).toEqual(layout.items);
    },
  );

  it('layoutJsonSchema validates every built-in layout (ajv)', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(layoutJsonSchema);
    for (const layout of builtins) {
      const ok = validate(JSON.parse(JSON.stringify(layout)));
      expect(validate.errors ?? [], layout.id).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('summary counts are pinned (a data change must show up here)', () => {
    const counts = Object.fromEntries(builtins.map((l) => [l.id, summarize(l)]));
    expect(counts).toEqual({
      guangdong: {
        items: 63,
        members: 123,
        hubs: 21,
        hubsWithPoint: 13,
        links: 15,
        sources: 38,
        byType: {
          'economic-zone': 15,
          'metro-circle': 5,
          link: 15,
          'city-role': 3,
          'hub-layout': 1,
          corridor: 1,
          'eco-zone': 2,
          hub: 21,
        },
      },
      'guangzhou-shenzhen': {
        items: 53,
        members: 46,
        hubs: 19,
        hubsWithPoint: 5,
        links: 1,
        sources: 14,
        byType: { link: 1, 'economic-zone': 18, corridor: 11, 'city-role': 3, 'metro-circle': 1, hub: 19 },
      },
      sichuan: {
        items: 26,
        members: 105,
        hubs: 6,
        hubsWithPoint: 5,
        links: 1,
        sources: 14,
        byType: { 'economic-zone': 10, link: 1, 'eco-zone': 1, 'metro-circle': 1, 'city-role': 7, hub: 6 },
      },
      heilongjiang: {
        items: 14,
        members: 7,
        hubs: 6,
        hubsWithPoint: 3,
        links: 0,
        sources: 5,
        byType: { 'economic-zone': 4, 'city-role': 3, 'eco-zone': 1, hub: 6 },
      },
      mianyang: {
        items: 45,
        members: 47,
        hubs: 8,
        hubsWithPoint: 1,
        links: 1,
        sources: 12,
        byType: { 'city-role': 4, 'economic-zone': 9, corridor: 14, 'eco-zone': 9, link: 1, hub: 8 },
      },
      national: {
        items: 18,
        members: 24,
        hubs: 0,
        hubsWithPoint: 0,
        links: 0,
        sources: 5,
        byType: { 'metro-circle': 18 },
      },
    });
  });

  it('guangdong: five metropolitan circles with 2023 plans and dated variants', () => {
    const circles = guangdong.items.filter((i) => i.type === 'metro-circle');
    expect(circles.map((c) => c.core)).toEqual(['440100', '440300', '440400', '440500', '440800']);
    for (const c of circles) {
      expect(c.plan?.date).toBe('2023-10-25');
      expect(c.variants?.length).toBeGreaterThan(0);
    }
  });

  it('guangdong: 一中心三极点 has the GBA centre and the poles 汕头, 湛江, 韶关', () => {
    const hl = guangdong.items.find((i) => i.type === 'hub-layout');
    expect(hl?.type).toBe('hub-layout');
    if (hl?.type !== 'hub-layout') return;
    expect(hl.centre.members).toHaveLength(11);
    expect(hl.poles.map((p) => p.code)).toEqual(['440500', '440800', '440200']);
  });

  it('sichuan: 成渝地区双城经济圈 excludes 北川 and 平武', () => {
    const cy = sichuan.items.find((i) => i.id === 'sc-cy');
    expect(cy?.type).toBe('economic-zone');
    if (cy?.type !== 'economic-zone') return;
    expect(cy.excludes?.map((m) => m.code)).toEqual(expect.arrayContaining(['510726', '510727']));
  });

  it('national: 18 circles in NDRC order with reply dates', () => {
    expect(national.items.map((i) => i.name)[0]).toBe('南京都市圈');
    expect(national.items.map((i) => i.name)[17]).toBe('长春现代化都市圈');
    for (const c of national.items) expect(c.type === 'metro-circle' && c.approved).toBeTruthy();
  });
});
