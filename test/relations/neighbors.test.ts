import bbox from '@turf/bbox';
import booleanIntersects from '@turf/boolean-intersects';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas, neighbors, QuyuError } from '../../src/index.ts';
import { fixtures, syntheticCounty } from './helpers.ts';

let a10: Atlas;
beforeAll(async () => {
  a10 = await loadAtlas({ resolution: '10m' });
});

describe('neighbors(code, atlas) fixtures: test/relations/neighbors/{true,false}', () => {
  const { true: yes, false: no } = fixtures('neighbors');
  const code = (f: { properties: unknown }) => (f.properties as { code: string }).code;
  it.each(yes.map((f) => [f.name, f] as const))('finds %s', (_, f) => {
    expect(neighbors(code(f.a), a10)).toContain(code(f.b));
    expect(neighbors(code(f.b), a10)).toContain(code(f.a));
  });
  it.each(no.map((f) => [f.name, f] as const))('does not find %s', (_, f) => {
    expect(neighbors(code(f.a), a10)).not.toContain(code(f.b));
  });
});

describe('neighbors(code, atlas): against @turf/boolean-intersects', () => {
  it('finds every pair of provinces that booleanIntersects finds, and each pair it reports intersects', () => {
    const units = a10.provinces();
    const boxes = units.map((u) => bbox(u));
    const missed: string[] = [];
    const found = new Set<string>();
    for (let i = 0; i < units.length; i++) {
      for (let j = i + 1; j < units.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
        if (!booleanIntersects(units[i]!, units[j]!)) continue;
        found.add(`${units[i]!.id}-${units[j]!.id}`);
        if (!neighbors(units[i]!.id, a10, { level: 'province' }).includes(units[j]!.id))
          missed.push(`${units[i]!.id}-${units[j]!.id}`);
      }
    }
    expect(missed).toEqual([]);
    const reported = units.flatMap((u) =>
      neighbors(u.id, a10, { level: 'province' })
        .filter((n) => n > u.id)
        .map((n) => `${u.id}-${n}`),
    );
    expect(reported.filter((p) => !found.has(p))).toEqual([]);
  });

  it('reports no false neighbours among the finest units: every reported pair intersects', () => {
    const wrong: string[] = [];
    let pairs = 0;
    for (const u of a10.prefectures()) {
      for (const n of neighbors(u.id, a10)) {
        if (n < u.id) continue;
        pairs++;
        if (!booleanIntersects(u, a10.feature(n))) wrong.push(`${u.id}-${n}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(pairs).toBeGreaterThan(900);
  });

  it('is symmetric, sorted and never lists the unit itself', () => {
    for (const u of a10.prefectures()) {
      const list = neighbors(u.id, a10);
      expect(list).toEqual([...list].sort());
      expect(list).not.toContain(u.id);
      for (const n of list) expect(neighbors(n, a10)).toContain(u.id);
    }
  });

  it('agrees with atlas.neighbors (shared arcs) and adds only point contacts', () => {
    for (const u of a10.prefectures()) {
      const byArcs = a10.neighbors(u.id);
      const mine = neighbors(u.id, a10);
      expect(byArcs.filter((c) => !mine.includes(c))).toEqual([]);
    }
  });
});

describe('neighbors(code, atlas, { level })', () => {
  it('looks up provinces among provinces and 香港 among the finest units unless asked', () => {
    expect(neighbors('440000', a10)).toContain('450000');
    expect(neighbors('810000', a10)).toEqual(['440300']);
    expect(neighbors('810000', a10, { level: 'province' })).toEqual(['440000']);
    expect(neighbors('820000', a10)).toEqual(['440400']);
  });

  it('throws bilingual errors for unknown codes and counties without a boundary; an imported county has its extension neighbours', async () => {
    expect(() => neighbors('999999', a10)).toThrow(QuyuError);
    expect(() => neighbors('510726', a10)).toThrow(/no boundary/);
    expect(() => neighbors('440100', a10, { level: 'province' })).toThrow(/not a province-level unit/);
    const ext = syntheticCounty('510726', '北川羌族自治县', '510700', [104.4682, 31.6172], 0.03);
    const withCounties = await loadAtlas({ topology: a10.topology, extensions: [ext] });
    // An imported county's neighbours are the units of its own extension that touch it: none here.
    expect(neighbors('510726', withCounties)).toEqual([]);
  });
});
