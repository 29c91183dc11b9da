/**
 * The reviewed change list (data/changes/divisions.csv) is data; these tests check that every row holds in
 * what quyu ships: the code tables, the retired codes and the atlas geometry.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChangeRow, OFFICIAL_URL, readChanges } from '../../data/build/changes.ts';
import { CORRECTIONS } from '../../data/build/corrections.ts';
import { type Atlas, loadAtlas, lookupCode, RETIRED_CODES } from '../../src/index.ts';

const rows = readChanges();
const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as {
  unitsWithoutGeometry: { id: string }[];
};
const noted = new Map<string, string[]>();
for (const c of CORRECTIONS) if (c.op === 'note') for (const ch of c.changes) noted.set(ch, c.units);
const redrawn = new Set(CORRECTIONS.flatMap((c) => (c.op === 'county-outline' ? [c.change] : [])));

/** The current code(s) a code stands for: itself, or its successors if it was retired. */
function current(code: string): string[] {
  if (lookupCode(code)) return [code];
  const r = RETIRED_CODES[code];
  return r ? [...r.successors] : [];
}

/** The atlas unit (finest level) that holds a current code. */
function atlasUnitOf(code: string, atlas: Atlas): string | undefined {
  let c: string | null | undefined = code;
  while (c) {
    if (atlas.has(c)) return c;
    c = lookupCode(c)?.parent;
  }
  return undefined;
}

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '2m' });
});

describe('data/changes/divisions.csv', () => {
  it('has sourced rows only: a publisher, a title and a URL on an official domain each', () => {
    expect(rows.length).toBeGreaterThan(200);
    for (const r of rows) {
      expect(r.publisher, r.code).not.toBe('');
      expect(r.url, r.code).toMatch(OFFICIAL_URL);
    }
  });

  it('includes the moves, creations and abolitions the atlas must reflect', () => {
    const has = (kind: ChangeRow['kind'], code: string) =>
      rows.some((r) => r.kind === kind && r.code === code);
    expect(has('moved', '512081')).toBe(true); // 简阳 资阳 → 成都, 2016
    expect(has('moved', '220381')).toBe(true); // 公主岭 四平 → 长春, 2020
    expect(has('abolished', '371200')).toBe(true); // 莱芜 → 济南, 2019
    expect(has('created', '653228') && has('created', '653229')).toBe(true); // 和康县, 和安县, 2024
    expect(has('abolished', '500105') && has('abolished', '500112') && has('created', '500157')).toBe(true);
    expect(has('boundary', '500109')).toBe(true); // 北碚区, 2025
    expect(has('boundary', '659006')).toBe(true); // 铁门关, 2020 and 2024
  });
});

describe('every row is applied', () => {
  for (const r of rows) {
    it(`${r.date} ${r.kind} ${r.code} ${r.name}`, () => {
      switch (r.kind) {
        case 'created': {
          const now = current(r.code);
          expect(
            now.length,
            'the created unit is in the code tables or retired with a successor',
          ).toBeGreaterThan(0);
          if (lookupCode(r.code)?.name === r.name) {
            const parent = lookupCode(r.code)!.parent;
            expect(current(r.to_parent)).toContain(parent);
          }
          // A unit created directly under a province is an atlas unit: drawn, or listed without geometry and noted.
          if (lookupCode(r.code) && lookupCode(r.code)!.parent?.endsWith('0000') && !r.code.endsWith('00')) {
            const drawn = atlas.has(r.code);
            const listed = manifest.unitsWithoutGeometry.some((u) => u.id === r.code) && noted.has(r.code);
            expect(drawn || listed, 'drawn, or without geometry and noted').toBe(true);
          }
          break;
        }
        case 'abolished': {
          const info = lookupCode(r.code);
          if (info) expect(info.name, 'a reused code names another unit').not.toBe(r.name);
          else {
            expect(RETIRED_CODES[r.code], 'retired with successors').toBeDefined();
            for (const s of RETIRED_CODES[r.code]!.successors) expect(lookupCode(s), s).toBeDefined();
            expect(RETIRED_CODES[r.code]!.date).toBe(r.date);
          }
          expect(atlas.has(r.code) && lookupCode(r.code)?.name === r.name).toBe(false);
          break;
        }
        case 'renamed':
        case 'recoded':
        case 'moved': {
          const next = r.new_code || r.code;
          if (r.new_code && r.new_code !== r.code && !lookupCode(r.code))
            expect(RETIRED_CODES[r.code]?.successors, 'the old code names its successor').toEqual(
              current(next),
            );
          expect(current(next).length, 'the new code is current or retired with a successor').toBeGreaterThan(
            0,
          );
          if (r.kind === 'moved' && lookupCode(next)) {
            expect(lookupCode(next)!.parent).toBe(r.to_parent);
            // Drawn in its new prefecture: the county outline moved territory (see vintage.test.ts).
            const from = atlasUnitOf(r.from_parent, atlas);
            const to = atlasUnitOf(r.to_parent, atlas);
            if (from !== to) expect(redrawn.has(r.code), 'redrawn with a county outline').toBe(true);
          }
          break;
        }
        case 'boundary': {
          // Part of a unit's territory moved to a unit of another atlas unit: drawn, or both units noted.
          const units = noted.get(r.code);
          expect(units, 'a note row names this change').toBeDefined();
          for (const side of [r.from_parent, r.to_parent].flatMap((c) => c.split(';'))) {
            for (const c of current(side)) {
              const u = atlasUnitOf(c, atlas)!;
              expect(atlas.feature(u).properties.boundaryNote, `${u} carries a boundaryNote`).toBeTruthy();
            }
          }
          break;
        }
      }
    });
  }
});
