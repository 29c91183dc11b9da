/**
 * Areas against official figures (data/areas/official.csv, one sourced row per figure): every unit whose
 * territory the change list touches is either within 2 % of its official total area, or carries a
 * `boundaryNote` saying why its extent is approximate; units whose polygons include water carry their
 * official land area and an `areaNote`.
 */
import { readFileSync } from 'node:fs';
import turfArea from '@turf/area';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChanges } from '../../data/build/changes.ts';
import { type Atlas, areaOf, loadAtlas, lookupCode, RETIRED_CODES } from '../../src/index.ts';

const official = csvParse(readFileSync('data/areas/official.csv', 'utf8'));
const totals = official.filter((r) => r.kind === 'total');
const lands = official.filter((r) => r.kind === 'land');

let atlases: Atlas[];
beforeAll(async () => {
  atlases = [await loadAtlas({ resolution: '10m' }), await loadAtlas({ resolution: '2m' })];
});

/** Atlas units whose territory a row of the change list touches. */
function touchedUnits(atlas: Atlas): Set<string> {
  const current = (code: string) =>
    lookupCode(code) ? [code] : [...(RETIRED_CODES[code]?.successors ?? [])];
  const unitOf = (code: string) => {
    let c: string | null | undefined = code;
    while (c) {
      if (atlas.has(c)) return c;
      c = lookupCode(c)?.parent;
    }
    return undefined;
  };
  const out = new Set<string>();
  const units = (codes: string[]) =>
    new Set(
      codes
        .flatMap(current)
        .map(unitOf)
        .filter((u): u is string => !!u && !u.endsWith('0000')),
    );
  for (const r of readChanges()) {
    let before = new Set<string>();
    let after = new Set<string>();
    if (r.kind === 'moved' || r.kind === 'boundary') {
      before = units(r.from_parent.split(';'));
      after = units(r.to_parent.split(';'));
    } else if (r.kind === 'abolished' && (r.code.endsWith('00') || r.from_parent.endsWith('0000'))) {
      // An atlas-level unit abolished: its successors gain its territory.
      after = units(r.successor.split(';'));
    } else if (r.kind === 'created' && r.to_parent.endsWith('0000') && atlas.has(r.code)) {
      after = new Set([r.code]);
    }
    const same = before.size === after.size && [...before].every((u) => after.has(u));
    if (same && r.kind !== 'abolished' && r.kind !== 'created') continue;
    for (const u of [...before, ...after]) out.add(u);
  }
  return out;
}

describe('official areas', () => {
  it("every row has a source on the publisher's domain", () => {
    for (const r of official) {
      expect(r.publisher, r.code).toBeTruthy();
      expect(r.url, r.code).toMatch(/^https?:\/\/[^/]*\.(gov\.cn|gov\.mo|gov\.hk)\//);
    }
  });

  for (const r of totals) {
    it(`${r.name} ${r.code}: within 2 % of ${r.area_km2} km² (${r.publisher})`, () => {
      for (const atlas of atlases) {
        const km2 = turfArea(atlas.feature(r.code!)) / 1e6;
        expect(
          Math.abs(km2 / Number(r.area_km2) - 1),
          `${atlas.resolution}: ${km2.toFixed(0)} km²`,
        ).toBeLessThan(0.02);
      }
    });
  }

  it('every unit the change list touches is within 2 % of a cited figure, or carries a boundaryNote', () => {
    for (const atlas of atlases) {
      const unchecked: string[] = [];
      for (const u of touchedUnits(atlas)) {
        const checked = totals.some((r) => r.code === u);
        if (!checked && !atlas.feature(u).properties.boundaryNote) unchecked.push(u);
      }
      expect(unchecked, atlas.resolution).toEqual([]);
    }
  });

  for (const r of lands) {
    it(`${r.name} ${r.code}: polygons include water, marked with landAreaKm2 ${r.area_km2} and an areaNote`, () => {
      for (const atlas of atlases) {
        const p = atlas.feature(r.code!).properties;
        expect(p.landAreaKm2).toBe(Number(r.area_km2));
        expect(p.areaNote).toMatch(/陆地面积/);
        expect(p.areaNoteEn).toMatch(/land area/);
        const km2 = turfArea(atlas.feature(r.code!)) / 1e6;
        expect(km2, 'the polygons are larger than the land').toBeGreaterThan(Number(r.area_km2));
        const notes = areaOf([r.code!], atlas).properties.notes;
        expect(notes.find((n) => n.kind === 'water')?.landAreaKm2).toBe(Number(r.area_km2));
      }
    });
  }
});
