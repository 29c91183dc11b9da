/**
 * Colour schemes for choropleths: Cynthia Brewer's ColorBrewer 2.0 schemes as d3-scale-chromatic ships them
 * (a maintained package, the same colours as colorbrewer2.org), with ColorBrewer's own colour-blind rating.
 *
 * The rating is ColorBrewer 2.0's `properties.blind` of each scheme (colorbrewer2.org, "colorblind safe"):
 * every sequential scheme is rated safe; of the diverging schemes BrBG, PiYG, PRGn, PuOr, RdBu and RdYlBu
 * are safe, RdGy is "possibly" safe (not marked here), RdYlGn and Spectral are not.
 */
import {
  schemeBlues,
  schemeBrBG,
  schemeBuGn,
  schemeBuPu,
  schemeGnBu,
  schemeGreens,
  schemeGreys,
  schemeOranges,
  schemeOrRd,
  schemePiYG,
  schemePRGn,
  schemePuBu,
  schemePuBuGn,
  schemePuOr,
  schemePuRd,
  schemePurples,
  schemeRdBu,
  schemeRdGy,
  schemeRdPu,
  schemeRdYlBu,
  schemeRdYlGn,
  schemeReds,
  schemeSpectral,
  schemeYlGn,
  schemeYlGnBu,
  schemeYlOrBr,
  schemeYlOrRd,
} from 'd3-scale-chromatic';

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

const SCHEMES = {
  Blues: ['sequential', true, schemeBlues],
  Greens: ['sequential', true, schemeGreens],
  Greys: ['sequential', true, schemeGreys],
  Oranges: ['sequential', true, schemeOranges],
  Purples: ['sequential', true, schemePurples],
  Reds: ['sequential', true, schemeReds],
  BuGn: ['sequential', true, schemeBuGn],
  BuPu: ['sequential', true, schemeBuPu],
  GnBu: ['sequential', true, schemeGnBu],
  OrRd: ['sequential', true, schemeOrRd],
  PuBu: ['sequential', true, schemePuBu],
  PuBuGn: ['sequential', true, schemePuBuGn],
  PuRd: ['sequential', true, schemePuRd],
  RdPu: ['sequential', true, schemeRdPu],
  YlGn: ['sequential', true, schemeYlGn],
  YlGnBu: ['sequential', true, schemeYlGnBu],
  YlOrBr: ['sequential', true, schemeYlOrBr],
  YlOrRd: ['sequential', true, schemeYlOrRd],
  BrBG: ['diverging', true, schemeBrBG],
  PiYG: ['diverging', true, schemePiYG],
  PRGn: ['diverging', true, schemePRGn],
  PuOr: ['diverging', true, schemePuOr],
  RdBu: ['diverging', true, schemeRdBu],
  RdYlBu: ['diverging', true, schemeRdYlBu],
  RdGy: ['diverging', false, schemeRdGy],
  RdYlGn: ['diverging', false, schemeRdYlGn],
  Spectral: ['diverging', false, schemeSpectral],
} as const satisfies Record<string, readonly [PaletteKind, boolean, readonly (readonly string[])[]]>;

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
  const [kind, colorBlindSafe, colors] = SCHEMES[id];
  return { id, kind, colorBlindSafe, colors };
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
  const scheme = SCHEMES[id]?.[2];
  if (!scheme) throw new RangeError(`unknown palette ${String(id).slice(0, 40)}`);
  const k = Math.max(2, Math.min(9, Math.round(n)));
  if (k === 2) return [scheme[3]![0]!, scheme[3]![2]!];
  return [...scheme[k]!];
}
