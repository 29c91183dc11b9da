/**
 * Theme tokens for quyu's base style and layers: one plain object per theme, so a theme is easy to read,
 * copy and override (`{ ...light, sea: '#cfe0ee' }`).
 */

/** Colours, widths and fonts of a base-style theme. Colours are CSS colour strings. */
export interface Theme {
  /** Theme name, also used in layer metadata. */
  name: string;
  /** Sea and everything outside land (the map background). */
  sea: string;
  /** China's land. */
  land: string;
  /** Land of neighbouring countries. */
  neighborLand: string;
  /** Borders of neighbouring countries. */
  neighborLine: string;
  /** Borders between prefecture-level units. */
  prefectureLine: string;
  /** Borders between provinces. */
  provinceLine: string;
  /** Dash pattern of province borders in line widths (e.g. the dash-dot 省界 of standard maps), or null for solid. */
  provinceDash: number[] | null;
  /** National border and coastline of China. */
  nationLine: string;
  /** A wide, light band under the national border that lifts it off the sea and the neighbours. */
  nationCasing: string;
  /** The South China Sea islands' outline and the ten-dash line. */
  tenDashLine: string;
  /** Province labels. */
  provinceText: string;
  /** Prefecture labels. */
  prefectureText: string;
  /** Neighbouring countries' labels. */
  neighborText: string;
  /** Sea names: a darker shade of the sea, so they read as water. */
  seaText: string;
  /** Halo around every label. */
  textHalo: string;
  /** `text-font` stack for ordinary labels; names act as CSS font families (no `glyphs` in the style). */
  font: string[];
  /** `text-font` stack for emphasised labels (provinces). */
  fontBold: string[];
}

/** The default theme: warm land on a pale sea, for screens. */
export const light: Theme = {
  name: 'light',
  sea: '#d4e4f0',
  land: '#fbf9f3',
  neighborLand: '#ecebe6',
  neighborLine: '#bdbab2',
  prefectureLine: '#d2c9b8',
  provinceLine: '#8f8270',
  provinceDash: null,
  nationLine: '#6d5a4b',
  nationCasing: 'rgba(255, 255, 255, 0.7)',
  tenDashLine: '#6d5a4b',
  provinceText: '#2e2a26',
  prefectureText: '#5c5650',
  neighborText: '#8f8c86',
  seaText: '#5b84a8',
  textHalo: 'rgba(255, 255, 255, 0.9)',
  font: ['Noto Sans CJK SC', 'sans-serif'],
  fontBold: ['Noto Sans CJK SC Bold', 'sans-serif'],
};

/** Dark land on a near-black sea, for dashboards and night screens. */
export const dark: Theme = {
  name: 'dark',
  sea: '#0f1923',
  land: '#1f2731',
  neighborLand: '#171d25',
  neighborLine: '#323a45',
  prefectureLine: '#354050',
  provinceLine: '#76859a',
  provinceDash: null,
  nationLine: '#aab6c5',
  nationCasing: 'rgba(15, 25, 35, 0.6)',
  tenDashLine: '#aab6c5',
  provinceText: '#e8ecf1',
  prefectureText: '#b3bcc8',
  neighborText: '#6c7684',
  seaText: '#4f6b85',
  textHalo: 'rgba(15, 25, 35, 0.9)',
  font: ['Noto Sans CJK SC', 'sans-serif'],
  fontBold: ['Noto Sans CJK SC Bold', 'sans-serif'],
};

/** Black on white with a serif face, for print and PDF export; survives greyscale copying. */
export const print: Theme = {
  name: 'print',
  sea: '#eef2f5',
  land: '#ffffff',
  neighborLand: '#f3f3f3',
  neighborLine: '#a6a6a6',
  prefectureLine: '#b5b5b5',
  provinceLine: '#444444',
  provinceDash: [4, 1.5, 1, 1.5],
  nationLine: '#111111',
  nationCasing: 'rgba(255, 255, 255, 0.8)',
  tenDashLine: '#111111',
  provinceText: '#111111',
  prefectureText: '#333333',
  neighborText: '#777777',
  seaText: '#6f7f8c',
  textHalo: 'rgba(255, 255, 255, 0.95)',
  font: ['Noto Serif CJK SC', 'serif'],
  fontBold: ['Noto Serif CJK SC Bold', 'serif'],
};

/** Built-in themes by name. */
export const themes = { light, dark, print } as const;

/** Name of a built-in theme. */
export type ThemeName = keyof typeof themes;
