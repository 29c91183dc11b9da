import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { isKnownCode } from '../../src/codes/index.ts';
import { BUILTIN_LAYOUT_IDS, BUILTIN_LAYOUT_INFO } from '../../src/layouts/builtins.ts';
import { defineLayout } from '../../src/layouts/define.ts';
import { layoutJsonSchema } from '../../src/layouts/json-schema.ts';
import { loadGazetteer } from '../../src/names/load.ts';
import { allCodes, BUILTINS, memberListsWithHolder } from './helpers.ts';

const byId = Object.fromEntries(BUILTINS.map((l) => [l.id, l]));

// County-level codes below need the county part of the gazetteer (loaded on demand).
beforeAll(() => loadGazetteer());

describe('built-in layouts', () => {
  it('the list of built-in layouts is the data folder, in its order', () => {
    expect(BUILTINS.map((l) => l.id)).toEqual([...BUILTIN_LAYOUT_IDS]);
    for (const id of BUILTIN_LAYOUT_IDS) expect(BUILTIN_LAYOUT_INFO[id].title).toBe(byId[id]!.title);
  });

  it('every built-in layout is a package entry point (vite library entries, exports map)', async () => {
    const { default: config } = await import('../../vite.config.ts');
    const entries = (config.build!.lib as { entry: Record<string, string> }).entry;
    for (const id of BUILTIN_LAYOUT_IDS) expect(entries[`layouts/${id}`], id).toBe(`src/layouts/${id}.ts`);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(pkg.exports['./layouts/*']).toEqual({
      types: './dist/types/layouts/*.d.ts',
      import: './dist/layouts/*.js',
    });
  });

  it.each(BUILTINS.map((l) => [l.id, l] as const))('%s: every code exists in the code table', (_, layout) => {
    const unknown = allCodes(layout).filter(([, code]) => !isKnownCode(code));
    expect(unknown).toEqual([]);
  });

  it.each(BUILTINS.map((l) => [l.id, l] as const))(
    '%s: every fact has a source and a status, its own or the one it inherits',
    (_, layout) => {
      const missing: string[] = [];
      layout.items.forEach((item, i) => {
        if (!item.source?.title) missing.push(`items[${i}].source`);
        if (!item.status) missing.push(`items[${i}].status`);
        for (const [p, list, holder] of memberListsWithHolder(item)) {
          list.forEach((m, k) => {
            if (!(m.source ?? holder.source)?.title) missing.push(`items[${i}].${p}[${k}].source`);
            if (!(m.status ?? holder.status)) missing.push(`items[${i}].${p}[${k}].status`);
          });
        }
        if ('location' in item && item.location) {
          const status = item.location.status ?? item.status;
          if (item.location.point === null && status !== 'uncertain')
            missing.push(`items[${i}].location.status (null point must be uncertain)`);
        }
      });
      expect(missing).toEqual([]);
    },
  );

  it.each(BUILTINS.map((l) => [l.id, l] as const))(
    '%s: a member restates no source or status it inherits',
    (_, layout) => {
      const restated: string[] = [];
      layout.items.forEach((item, i) => {
        for (const [p, list, holder] of memberListsWithHolder(item)) {
          list.forEach((m, k) => {
            if (m.source && m.source === holder.source) restated.push(`items[${i}].${p}[${k}].source`);
            if (m.status && m.status === holder.status) restated.push(`items[${i}].${p}[${k}].status`);
          });
        }
      });
      expect(restated).toEqual([]);
    },
  );

  it.each(BUILTINS.map((l) => [l.id, l] as const))(
    'defineLayout(%s) accepts it without warnings',
    (_, layout) => {
      const defined = defineLayout(layout);
      expect(defined.warnings).toEqual([]);
      expect(defined.items).toEqual(layout.items);
    },
  );

  it('layoutJsonSchema validates every built-in layout (ajv)', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(layoutJsonSchema);
    for (const layout of BUILTINS) {
      const ok = validate(JSON.parse(JSON.stringify(layout)));
      expect(validate.errors ?? [], layout.id).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('every layout lists exactly the sources its items cite', () => {
    for (const layout of BUILTINS) {
      const cited = new Set<string>();
      const walk = (x: unknown, key?: string) => {
        if (Array.isArray(x)) for (const y of x) walk(y, key);
        else if (x && typeof x === 'object') {
          if ((key === 'source' || key === 'seeAlso') && 'title' in x)
            cited.add((x as unknown as { id: string }).id);
          else for (const [k, y] of Object.entries(x)) walk(y, k);
        }
      };
      walk(layout.items);
      expect(new Set(layout.sources?.map((s) => s.id)), layout.id).toEqual(cited);
    }
  });

  it('guangdong: five metropolitan circles with 2023 plans and dated variants', () => {
    const circles = byId.guangdong!.items.filter((i) => i.type === 'metro-circle');
    expect(circles.map((c) => c.core)).toEqual(['440100', '440300', '440400', '440500', '440800']);
    for (const c of circles) {
      expect(c.plan?.date).toBe('2023-10-25');
      expect(c.variants?.length).toBeGreaterThan(0);
    }
  });

  it('guangdong: 一中心三极点 has the GBA centre and the poles 汕头, 湛江, 韶关', () => {
    const hl = byId.guangdong!.items.find((i) => i.type === 'hub-layout');
    expect(hl?.type).toBe('hub-layout');
    if (hl?.type !== 'hub-layout') return;
    expect(hl.centre.members).toHaveLength(11);
    expect(hl.poles.map((p) => p.code)).toEqual(['440500', '440800', '440200']);
  });

  it('one structure in several layouts is one object: 广州都市圈 in guangdong and guangzhou-shenzhen', () => {
    const a = byId.guangdong!.items.find((i) => i.id === 'gd-mc-gz');
    const b = byId['guangzhou-shenzhen']!.items.find((i) => i.id === 'gd-mc-gz');
    expect(a).toBeDefined();
    expect(b).toBe(a);
  });

  it('national: circles whose members another layout lists have the same members', () => {
    const codes = (layout: string, id: string) => {
      const item = byId[layout]!.items.find((i) => i.id === id);
      return item && 'members' in item ? item.members.map((m) => m.code) : [];
    };
    expect(codes('national', 'cn-mc-11')).toEqual(codes('guangdong', 'gd-mc-gz'));
    expect(codes('national', 'cn-mc-12')).toEqual(codes('guangdong', 'gd-mc-sz'));
    expect(codes('national', 'cn-mc-03')).toEqual(codes('sichuan', 'sc-cd-mc'));
  });

  it('sichuan: 成渝地区双城经济圈 excludes 北川 and 平武', () => {
    const cy = byId.sichuan!.items.find((i) => i.id === 'sc-cy');
    expect(cy?.type).toBe('economic-zone');
    if (cy?.type !== 'economic-zone') return;
    expect(cy.excludes?.map((m) => m.code)).toEqual(expect.arrayContaining(['510726', '510727']));
  });

  it('national: 18 circles in NDRC order with reply dates', () => {
    const national = byId.national!;
    expect(national.items).toHaveLength(18);
    expect(national.items.map((i) => i.name)[0]).toBe('南京都市圈');
    expect(national.items.map((i) => i.name)[17]).toBe('长春现代化都市圈');
    for (const c of national.items) expect(c.type === 'metro-circle' && c.approved).toBeTruthy();
  });
});
