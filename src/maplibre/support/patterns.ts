/**
 * Pattern fills and point symbols as raw RGBA images, computed in plain JavaScript (no canvas, no sprite
 * server): the builders stay pure and testable in Node, and `addLayout` hands the images to `map.addImage`.
 *
 * Shapes are polygons in a unit square, rasterised with 4×4 supersampling; the legend draws the same
 * polygons as SVG, so a symbol and its legend swatch cannot drift apart.
 */
import type { ShapeName } from './layer-set.ts';

/** An image for `map.addImage(id, image, { pixelRatio })`. */
export interface RgbaImage {
  width: number;
  height: number;
  /** Premultiplied? No: straight RGBA, 4 bytes per pixel, row by row. */
  data: Uint8Array;
  /** Physical pixels per CSS pixel. */
  pixelRatio: number;
}

type Rgba = [number, number, number, number];

/**
 * Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` and `rgba(…)` into 0–255 channels (alpha 0–1).
 *
 * @example
 * ```ts
 * parseColor('#0072b2'); // [0, 114, 178, 1]
 * ```
 */
export function parseColor(color: string): Rgba {
  const c = color.trim();
  if (c.startsWith('#')) {
    const h = c.slice(1);
    const full = h.length <= 4 ? [...h].map((d) => d + d).join('') : h;
    const n = (i: number) => Number.parseInt(full.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), full.length >= 8 ? n(6) / 255 : 1];
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(c);
  if (m) {
    const parts = m[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  }
  throw new Error(`quyu: cannot parse colour ${JSON.stringify(color)}; use #rrggbb or rgb()/rgba()`);
}

/** A colour with a different alpha, as `rgba(…)`. */
export function withAlpha(color: string, alpha: number): string {
  const [r, g, b, a] = parseColor(color);
  return `rgba(${r}, ${g}, ${b}, ${Math.round(a * alpha * 1000) / 1000})`;
}

/** A colour mixed with black (`amount` > 0) or white (`amount` < 0), as `#rrggbb`. */
export function shade(color: string, amount: number): string {
  const [r, g, b] = parseColor(color);
  const target = amount > 0 ? 0 : 255;
  const k = Math.abs(amount);
  const mix = (v: number) => Math.round(v + (target - v) * k);
  return `#${[mix(r), mix(g), mix(b)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function image(size: number, pixelRatio: number, coverage: (x: number, y: number) => Rgba): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = coverage(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss);
          // Accumulate premultiplied, so that edges blend towards the colour, not towards black.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        data[o] = Math.round(r / a);
        data[o + 1] = Math.round(g / a);
        data[o + 2] = Math.round(b / a);
      }
      data[o + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return { width: size, height: size, data, pixelRatio };
}

/** Options of {@link patternImage}. */
export interface PatternOptions {
  /** Tile size in CSS pixels. Default 8. */
  size?: number;
  /** Line width (or dot radius) in CSS pixels. Default 1.4. */
  lineWidth?: number;
  /** Colour under the lines, or null for transparent. Default null. */
  background?: string | null;
  /** Alpha of the lines (0–1). Default 1. */
  opacity?: number;
  pixelRatio?: number;
}

/** Kinds of pattern fill. */
export type PatternKind = 'hatch' | 'cross' | 'dots' | 'horizontal';

/**
 * A seamless tile for `fill-pattern`: diagonal hatching (`hatch`), cross-hatching (`cross`), dots or
 * horizontal lines.
 *
 * @example
 * ```ts
 * const img = patternImage('hatch', '#2e7d32');
 * map.addImage('eco-hatch', img, { pixelRatio: img.pixelRatio });
 * ```
 */
export function patternImage(kind: PatternKind, color: string, options: PatternOptions = {}): RgbaImage {
  const { size = 8, lineWidth = 1.4, background = null, opacity = 1, pixelRatio = 2 } = options;
  const n = size * pixelRatio;
  const w = lineWidth * pixelRatio;
  const fg = parseColor(color);
  const bg: Rgba = background ? parseColor(background) : [0, 0, 0, 0];
  const fgA = fg[3] * opacity;
  const line = (d: number) => Math.max(0, Math.min(1, w / 2 - d + 0.5));
  return image(n, pixelRatio, (x, y) => {
    let cover = 0;
    if (kind === 'hatch' || kind === 'cross') {
      // Lines x + y ≡ 0 (mod n) tile seamlessly; distance measured perpendicular to them.
      const u = (((x + y) % n) + n) % n;
      cover = line(Math.min(u, n - u) / Math.SQRT2);
      if (kind === 'cross') {
        const v = (((x - y) % n) + n) % n;
        cover = Math.max(cover, line(Math.min(v, n - v) / Math.SQRT2));
      }
    } else if (kind === 'horizontal') {
      const v = y % n;
      cover = line(Math.abs(v - n / 2));
    } else {
      const dx = (x % n) - n / 2;
      const dy = (y % n) - n / 2;
      cover = Math.max(0, Math.min(1, w - Math.hypot(dx, dy) + 0.5));
    }
    const a = cover * fgA;
    const outA = a + bg[3] * (1 - a);
    if (outA === 0) return [0, 0, 0, 0];
    const mix = (f: number, b: number) => (f * a + b * bg[3] * (1 - a)) / outA;
    return [mix(fg[0], bg[0]), mix(fg[1], bg[1]), mix(fg[2], bg[2]), outA];
  });
}

/**
 * Outlines of the symbol shapes, in a square from -1 to 1 (y down). `circle` and `ring` are drawn as
 * circles; `plane` is an aircraft seen from above, nose up.
 */
export const SHAPES: Record<Exclude<ShapeName, 'circle' | 'ring'>, [number, number][]> = {
  plane: [
    [0, -0.98],
    [0.12, -0.82],
    [0.12, -0.3],
    [0.95, 0.14],
    [0.95, 0.32],
    [0.12, 0.12],
    [0.12, 0.58],
    [0.4, 0.78],
    [0.4, 0.92],
    [0, 0.82],
    [-0.4, 0.92],
    [-0.4, 0.78],
    [-0.12, 0.58],
    [-0.12, 0.12],
    [-0.95, 0.32],
    [-0.95, 0.14],
    [-0.12, -0.3],
    [-0.12, -0.82],
  ],
  square: [
    [-0.78, -0.78],
    [0.78, -0.78],
    [0.78, 0.78],
    [-0.78, 0.78],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -0.95],
    [0.95, 0.75],
    [-0.95, 0.75],
  ],
  'triangle-down': [
    [-0.95, -0.75],
    [0.95, -0.75],
    [0, 0.95],
  ],
  house: [
    [0, -0.95],
    [0.9, -0.2],
    [0.9, 0.85],
    [-0.9, 0.85],
    [-0.9, -0.2],
  ],
  star: regular(5, 1, 0.45),
  hexagon: regular(6, 0.95),
  pentagon: regular(5, 0.95),
  cross: [
    [-0.3, -0.95],
    [0.3, -0.95],
    [0.3, -0.3],
    [0.95, -0.3],
    [0.95, 0.3],
    [0.3, 0.3],
    [0.3, 0.95],
    [-0.3, 0.95],
    [-0.3, 0.3],
    [-0.95, 0.3],
    [-0.95, -0.3],
    [-0.3, -0.3],
  ],
};

function regular(n: number, r: number, inner?: number): [number, number][] {
  const pts: [number, number][] = [];
  const steps = inner ? n * 2 : n;
  for (let i = 0; i < steps; i++) {
    const rr = inner && i % 2 === 1 ? inner * r : r;
    const a = -Math.PI / 2 + (i * Math.PI * 2) / steps;
    pts.push([Math.round(Math.cos(a) * rr * 1000) / 1000, Math.round(Math.sin(a) * rr * 1000) / 1000]);
  }
  return pts;
}

/** Signed distance from (x, y) to a polygon: negative inside. */
function polygonDistance(pts: [number, number][], x: number, y: number): number {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    const ex = xi - xj;
    const ey = yi - yj;
    const t = Math.max(0, Math.min(1, ((x - xj) * ex + (y - yj) * ey) / (ex * ex + ey * ey)));
    d = Math.min(d, Math.hypot(x - xj - ex * t, y - yj - ey * t));
  }
  return inside ? -d : d;
}

/** Options of {@link symbolImage}. */
export interface SymbolOptions {
  /** Size in CSS pixels, halo included. Default 18. */
  size?: number;
  /** Halo (outline) colour. Default white. */
  halo?: string;
  /** Halo width in CSS pixels. Default 1.5. */
  haloWidth?: number;
  /** Draw only the outline, in `color`, over a halo-coloured fill: the style of weak-status symbols. */
  hollow?: boolean;
  /** Width of the band of a `ring` in CSS pixels (its inside stays transparent). Default 2.4. */
  ringWidth?: number;
  pixelRatio?: number;
}

/**
 * A point symbol for `icon-image`: a filled shape with a halo, a hollow one, or a ring.
 *
 * @example
 * ```ts
 * const plane = symbolImage('plane', '#1d3f72');
 * map.addImage('airport', plane, { pixelRatio: plane.pixelRatio });
 * ```
 */
export function symbolImage(shape: ShapeName, color: string, options: SymbolOptions = {}): RgbaImage {
  const { size = 18, halo = '#ffffff', haloWidth = 1.5, hollow = false, pixelRatio = 2 } = options;
  const n = Math.round(size * pixelRatio);
  const fg = parseColor(color);
  const hc = parseColor(halo);
  // Shape units per physical pixel: the shape's -1..1 square spans the image minus the halo.
  const half = n / 2 - haloWidth * pixelRatio;
  const unit = 1 / half;
  const hw = haloWidth * pixelRatio * unit;
  const dist = (ux: number, uy: number): number => {
    if (shape === 'circle' || shape === 'ring') return Math.hypot(ux, uy) - 1;
    return polygonDistance(SHAPES[shape], ux, uy);
  };
  const cover = (d: number) => Math.max(0, Math.min(1, 0.5 - d / unit));
  const blend = (k: number, a: number): Rgba => [
    fg[0] * k + hc[0] * (1 - k),
    fg[1] * k + hc[1] * (1 - k),
    fg[2] * k + hc[2] * (1 - k),
    a,
  ];
  if (shape === 'ring' && !hollow) {
    const band = (options.ringWidth ?? 2.4) * pixelRatio * unit;
    return image(n, pixelRatio, (x, y) => {
      const d = dist((x - n / 2) * unit, (y - n / 2) * unit);
      const ring = cover(d) - cover(d + band);
      const haloBand = cover(d - hw) - cover(d + band + hw);
      const a = Math.max(ring * fg[3], haloBand * hc[3]);
      return a === 0 ? [0, 0, 0, 0] : blend(ring / Math.max(ring, haloBand, 1e-6), a);
    });
  }
  const stroke = (hollow ? 1.2 : 0) * pixelRatio * unit;
  return image(n, pixelRatio, (x, y) => {
    const d = dist((x - n / 2) * unit, (y - n / 2) * unit);
    const inShape = cover(d);
    const inHalo = cover(d - hw);
    if (hollow) {
      // An outline band inside the edge, halo-coloured inside and out.
      const ring = inShape - cover(d + stroke);
      const a = Math.max(inHalo, ring);
      if (a === 0) return [0, 0, 0, 0];
      return blend(ring / Math.max(a, 1e-6), Math.max(ring * fg[3], inHalo * hc[3]));
    }
    if (inHalo === 0) return [0, 0, 0, 0];
    const k = inShape / inHalo;
    return blend(k, inHalo * (k * fg[3] + (1 - k) * hc[3]));
  });
}

/**
 * The `size` option of {@link symbolImage} that draws a circle or ring of `radius` CSS pixels.
 *
 * @example
 * ```ts
 * symbolImage('ring', '#0072b2', { size: sizeForRadius(9) }); // a ring 18 px across
 * ```
 */
export function sizeForRadius(radius: number, haloWidth = 1.5): number {
  return 2 * (radius + haloWidth);
}

/**
 * An arrowhead pointing up (north), for `icon-image` with `icon-rotate` set to the direction of travel.
 *
 * @example
 * ```ts
 * arrowImage('#c0392b').width; // 28 (14 CSS px at pixel ratio 2)
 * ```
 */
export function arrowImage(
  color: string,
  options: { size?: number; halo?: string; pixelRatio?: number } = {},
) {
  const { size = 14, halo = '#ffffff', pixelRatio = 2 } = options;
  const head: [number, number][] = [
    [0, -0.95],
    [0.8, 0.75],
    [0, 0.35],
    [-0.8, 0.75],
  ];
  const n = size * pixelRatio;
  const fg = parseColor(color);
  const hc = parseColor(halo);
  const half = n / 2 - 1.2 * pixelRatio;
  const unit = 1 / half;
  const hw = 1.2 * pixelRatio * unit;
  const cover = (d: number) => Math.max(0, Math.min(1, 0.5 - d / unit));
  return image(n, pixelRatio, (x, y) => {
    const d = polygonDistance(head, (x - n / 2) * unit, (y - n / 2) * unit);
    const inShape = cover(d);
    const inHalo = cover(d - hw) * 0.85;
    const a = Math.max(inShape, inHalo);
    if (a === 0) return [0, 0, 0, 0];
    const k = inShape / a;
    return [fg[0] * k + hc[0] * (1 - k), fg[1] * k + hc[1] * (1 - k), fg[2] * k + hc[2] * (1 - k), a];
  });
}
