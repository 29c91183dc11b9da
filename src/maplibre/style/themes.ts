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

  // ── Overlays: the layers quyu draws on top of a base map ──

  /**
   * Categorical colours for overlay items (metropolitan circles, zones, roles), in order. Okabe–Ito based in
   * the screen themes (safe for colour-blind readers); distinct in lightness in the print theme.
   */
  palette: string[];
  /** Emphasis of core cities and hub-layout centres. */
  accent: string;
  /** Ecological zones (pattern fill and outline). */
  eco: string;
  /** Colours of link kinds (对口帮扶, 产业转移, 飞地, …), in the order of the link-kind list. */
  linkPalette: string[];
  /** Colours of corridor kinds (science-technology, rail, road, bridge, axis, transport). */
  corridorPalette: string[];
  /** Hub symbol colours by group: transport (airport, port, rail …), platforms and zones, science and institutions. */
  hubColors: { transport: string; platform: string; science: string };
  /** Sequential ramp for choropleths, light to dark (interpolated to the number of classes). */
  ramp: string[];
  /** Fill of units without a value in a choropleth. */
  noData: string;
  /** Overlay label text. */
  overlayText: string;
  /** Halo around overlay labels. */
  overlayHalo: string;
  /** Halo around overlay icons and casing under overlay lines, so they lift off any fill. */
  iconHalo: string;
  /** Colour of neutral swatches (the status key of the legend) and notes on the map. */
  neutral: string;
  /** Seams between the units of a choropleth. */
  choroplethLine: string;
  /** Legend, tooltip and inset panels. */
  panel: { background: string; text: string; muted: string; border: string; shadow: string };
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
  palette: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#8c6d1f', '#6a3d9a'],
  accent: '#b2182b',
  eco: '#2e7d32',
  linkPalette: ['#c0392b', '#1f6fb2', '#7b3fa0', '#0f8a6a', '#d98200', '#5d6d7e'],
  corridorPalette: ['#c2185b', '#37474f', '#ef6c00', '#00838f', '#6a1b9a', '#455a64'],
  hubColors: { transport: '#1d3f72', platform: '#b2182b', science: '#00796b' },
  ramp: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'],
  noData: '#eeeeee',
  overlayText: '#1f1b16',
  overlayHalo: 'rgba(255, 255, 255, 0.92)',
  iconHalo: '#ffffff',
  neutral: '#5c5650',
  choroplethLine: 'rgba(255, 255, 255, 0.85)',
  panel: {
    background: 'rgba(255, 255, 255, 0.94)',
    text: '#2e2a26',
    muted: '#6b655e',
    border: '#d8d1c4',
    shadow: '0 1px 4px rgba(0, 0, 0, 0.18)',
  },
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
  palette: ['#56b4e9', '#f0b840', '#3cc49a', '#e391c3', '#ff7f3f', '#a5d8f3', '#d9c27a', '#b39ddb'],
  accent: '#ff6b6b',
  eco: '#66bb6a',
  linkPalette: ['#ff7b6b', '#6fb7ff', '#c792ea', '#4fd1a5', '#ffb74d', '#a0aec0'],
  corridorPalette: ['#f06292', '#cfd8dc', '#ffb74d', '#4dd0e1', '#ba68c8', '#90a4ae'],
  hubColors: { transport: '#8ec5ff', platform: '#ff8a80', science: '#69f0ae' },
  ramp: ['#1e2d3d', '#22577a', '#38a3a5', '#57cc99', '#c7f9cc'],
  noData: '#2a323c',
  overlayText: '#f3f5f8',
  overlayHalo: 'rgba(15, 25, 35, 0.92)',
  iconHalo: '#1f2731',
  neutral: '#c8d0da',
  choroplethLine: 'rgba(15, 25, 35, 0.7)',
  panel: {
    background: 'rgba(23, 31, 41, 0.94)',
    text: '#e8ecf1',
    muted: '#9aa6b4',
    border: '#3a4654',
    shadow: '0 1px 4px rgba(0, 0, 0, 0.5)',
  },
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
  palette: ['#1b4f8a', '#c87f0a', '#2d7a46', '#8e3a7d', '#a8321c', '#5b9bd5', '#7a6a2a', '#4b3a8c'],
  accent: '#111111',
  eco: '#2d5a27',
  linkPalette: ['#111111', '#444444', '#666666', '#222222', '#555555', '#777777'],
  corridorPalette: ['#111111', '#333333', '#555555', '#222222', '#444444', '#666666'],
  hubColors: { transport: '#111111', platform: '#555555', science: '#333333' },
  ramp: ['#f7f7f7', '#cccccc', '#969696', '#636363', '#252525'],
  noData: '#ffffff',
  overlayText: '#000000',
  overlayHalo: 'rgba(255, 255, 255, 0.95)',
  iconHalo: '#ffffff',
  neutral: '#5c5650',
  choroplethLine: 'rgba(255, 255, 255, 0.85)',
  panel: {
    background: '#ffffff',
    text: '#111111',
    muted: '#444444',
    border: '#111111',
    shadow: 'none',
  },
};

/** Built-in themes by name. */
export const themes = { light, dark, print } as const;

/** Name of a built-in theme. */
export type ThemeName = keyof typeof themes;
