/**
 * Colour schemes for choropleths: Cynthia Brewer's ColorBrewer 2.0 schemes as d3-scale-chromatic ships them
 * (a maintained package, the same colours as colorbrewer2.org), with ColorBrewer's own colour-blind rating.
 * The colours are generated from the package into `palettes.generated.ts` (data/build/palettes.ts says why).
 *
 * The rating is ColorBrewer 2.0's `properties.blind` of each scheme (colorbrewer2.org, "colorblind safe"):
 * every sequential scheme is rated safe; of the diverging schemes BrBG, PiYG, PRGn, PuOr, RdBu and RdYlBu
 * are safe, RdGy is "possibly" safe (not marked here), RdYlGn and Spectral are not.
 */
import { COLORBREWER } from './palettes.generated.ts';

/** `sequential`: light to dark, for amounts; `diverging`: two hues from a neutral middle, for change. */
export type PaletteKind = 'sequential' | 'diverging';

/** One colour scheme. */
export interface Palette {
  id: PaletteId;
  kind: PaletteKind;
  /** Rated colour-blind safe by ColorBrewer 2.0. */
  colorBlindSafe: boolean;
  /** Colours for 3 to 9 classes: `colors[n]` has n colours, light to dark (diverging: one end to the other). */
  colors: readonly (readonly string[])[];
}

/** ColorBrewer's sets of 3 to 9 colours, indexed by class count (`[k]` has k colours; 0–2 empty). */
function sets(id: string): readonly (readonly string[])[] {
  const packed = COLORBREWER[id] ?? [];
  return [
    [],
    [],
    [],
    ...packed.map((s) => Array.from({ length: s.length / 6 }, (_, i) => `#${s.slice(i * 6, i * 6 + 6)}`)),
  ];
}

const SCHEMES = {
  Blues: ['sequential', true],
  Greens: ['sequential', true],
  Greys: ['sequential', true],
  Oranges: ['sequential', true],
  Purples: ['sequential', true],
  Reds: ['sequential', true],
  BuGn: ['sequential', true],
  BuPu: ['sequential', true],
  GnBu: ['sequential', true],
  OrRd: ['sequential', true],
  PuBu: ['sequential', true],
  PuBuGn: ['sequential', true],
  PuRd: ['sequential', true],
  RdPu: ['sequential', true],
  YlGn: ['sequential', true],
  YlGnBu: ['sequential', true],
  YlOrBr: ['sequential', true],
  YlOrRd: ['sequential', true],
  BrBG: ['diverging', true],
  PiYG: ['diverging', true],
  PRGn: ['diverging', true],
  PuOr: ['diverging', true],
  RdBu: ['diverging', true],
  RdYlBu: ['diverging', true],
  RdGy: ['diverging', false],
  RdYlGn: ['diverging', false],
  Spectral: ['diverging', false],
} as const satisfies Record<string, readonly [PaletteKind, boolean]>;

/** Ids of the colour schemes, ColorBrewer's names (`Blues`, `YlOrRd`, `RdBu` …). */
export const PALETTE_IDS = Object.keys(SCHEMES) as (keyof typeof SCHEMES)[];

/** A colour scheme id. */
export type PaletteId = keyof typeof SCHEMES;

/**
 * Every colour scheme with its kind and colour-blind rating, in the order of {@link PALETTE_IDS}.
 *
 * @example
 * ```ts
 * PALETTES.filter((p) => p.kind === 'diverging' && p.colorBlindSafe).map((p) => p.id);
 * // ['BrBG', 'PiYG', 'PRGn', 'PuOr', 'RdBu', 'RdYlBu']
 * ```
 */
export const PALETTES: readonly Palette[] = PALETTE_IDS.map((id) => {
  const [kind, colorBlindSafe] = SCHEMES[id];
  return { id, kind, colorBlindSafe, colors: sets(id) };
});

/**
 * `n` colours of a scheme (2 to 9): ColorBrewer's own set for 3 to 9 classes; for 2, the ends of the
 * 3-class set.
 *
 * @example
 * ```ts
 * paletteColors('Blues', 3); // ['#deebf7', '#9ecae1', '#3182bd']
 * ```
 */
export function paletteColors(id: PaletteId, n: number): string[] {
  const scheme = PALETTES[PALETTE_IDS.indexOf(id)]?.colors;
  if (!scheme) throw new RangeError(`unknown palette ${String(id).slice(0, 40)}`);
  const k = Math.max(2, Math.min(9, Math.round(n)));
  if (k === 2) return [scheme[3]![0]!, scheme[3]![2]!];
  return [...scheme[k]!];
}
