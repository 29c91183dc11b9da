import { readFileSync } from 'node:fs';
import * as chromatic from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { palettesModule } from '../../data/build/palettes.ts';
import { PALETTE_IDS, PALETTES, paletteColors } from '../../src/maplibre/builders/palettes.ts';

describe('ColorBrewer palettes', () => {
  it('the generated module is what data/build/palettes.ts writes today (npm run build:data)', () => {
    const file = readFileSync(
      new URL('../../src/maplibre/builders/palettes.generated.ts', import.meta.url),
      'utf8',
    );
    expect(file).toBe(palettesModule());
  });

  it("every scheme and class count has d3-scale-chromatic's colours", () => {
    for (const p of PALETTES) {
      const scheme = (chromatic as unknown as Record<string, readonly (readonly string[])[]>)[
        `scheme${p.id}`
      ]!;
      for (let k = 3; k <= 9; k++) expect(p.colors[k], `${p.id}[${k}]`).toEqual(scheme[k]);
    }
    expect(PALETTE_IDS).toHaveLength(27);
  });

  it('paletteColors gives 2 to 9 colours, and refuses an unknown scheme', () => {
    expect(paletteColors('Blues', 3)).toEqual(['#deebf7', '#9ecae1', '#3182bd']);
    expect(paletteColors('Blues', 2)).toEqual(['#deebf7', '#3182bd']);
    expect(paletteColors('RdBu', 12)).toHaveLength(9);
    expect(() => paletteColors('Nope' as 'Blues', 3)).toThrow(RangeError);
  });
});
