/**
 * DOM helpers for the legend, tooltips and inset. Text always goes in through `textContent` and attribute
 * values through `setAttribute`: layout data (names, notes, source titles) is never parsed as HTML.
 */
import type { LegendSwatch } from '../support/layer-set.ts';
import { SHAPES } from '../support/patterns.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Inline style properties (camelCase keys of CSSStyleDeclaration). */
export type Style = Partial<Record<keyof CSSStyleDeclaration, string>>;

/**
 * An HTML element with inline styles and text (set as `textContent`, never as HTML).
 *
 * @example
 * ```ts
 * el('span', { fontWeight: '700' }, '<b>not bold</b>').textContent; // '<b>not bold</b>'
 * ```
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: Style = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node.style, style);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An SVG element with attributes. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

let patternCount = 0;

/**
 * A legend swatch as a small SVG: the same colours, dashes, patterns and symbol shapes as the layers.
 */
export function swatchSvg(swatch: LegendSwatch, halo = '#ffffff'): SVGSVGElement {
  const wide = swatch.kind === 'fill' || swatch.kind === 'line';
  const w = wide ? 28 : 18;
  const h = wide ? 16 : 18;
  const svg = svgEl('svg', { width: w, height: h, viewBox: `0 0 ${w} ${h}`, 'aria-hidden': 'true' });
  svg.style.flex = 'none';
  svg.style.overflow = 'visible';
  if (swatch.kind === 'fill') {
    let fill = swatch.color;
    if (swatch.pattern) {
      const pid = `quyu-legend-pattern-${++patternCount}`;
      const defs = svgEl('defs');
      const pattern = svgEl('pattern', { id: pid, width: 6, height: 6, patternUnits: 'userSpaceOnUse' });
      const stroke = swatch.outline ?? swatch.color;
      if (swatch.pattern === 'dots') pattern.append(svgEl('circle', { cx: 3, cy: 3, r: 1.1, fill: stroke }));
      else if (swatch.pattern === 'horizontal') {
        pattern.append(svgEl('line', { x1: 0, y1: 3, x2: 6, y2: 3, stroke, 'stroke-width': 1 }));
      } else {
        pattern.append(svgEl('path', { d: 'M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2', stroke, 'stroke-width': 1 }));
        if (swatch.pattern === 'cross') {
          pattern.append(svgEl('path', { d: 'M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2', stroke, 'stroke-width': 1 }));
        }
      }
      defs.append(pattern);
      svg.append(defs);
      if ((swatch.opacity ?? 0) > 0) {
        svg.append(
          svgEl('rect', {
            x: 1,
            y: 1,
            width: w - 2,
            height: h - 2,
            fill: swatch.color,
            'fill-opacity': swatch.opacity!,
          }),
        );
      }
      fill = `url(#${pid})`;
    }
    const rect = svgEl('rect', {
      x: 1,
      y: 1,
      width: w - 2,
      height: h - 2,
      rx: 1.5,
      fill,
      'fill-opacity': swatch.pattern ? 1 : (swatch.opacity ?? 0.35),
      stroke: swatch.outline ?? 'none',
      'stroke-width': swatch.strong ? 2.2 : 1.2,
    });
    if (swatch.dash) rect.setAttribute('stroke-dasharray', swatch.dash.map((d) => d * 1.4).join(' '));
    svg.append(rect);
  } else if (swatch.kind === 'line') {
    const width = swatch.width ?? 2;
    const line = svgEl('line', {
      x1: 2,
      y1: h / 2,
      x2: swatch.arrow ? w - 7 : w - 2,
      y2: h / 2,
      stroke: swatch.color,
      'stroke-width': width,
      'stroke-opacity': swatch.opacity ?? 1,
    });
    if (swatch.dash) line.setAttribute('stroke-dasharray', swatch.dash.map((d) => d * width).join(' '));
    svg.append(line);
    const head = (x: number, dir: 1 | -1) =>
      svgEl('path', {
        d: `M${x},${h / 2} l${-7 * dir},-4 l${2 * dir},4 l${-2 * dir},4 z`,
        fill: swatch.color,
        'fill-opacity': swatch.opacity ?? 1,
      });
    if (swatch.arrow) svg.append(head(w - 1, 1));
    if (swatch.arrow === 'both') {
      line.setAttribute('x1', '7');
      svg.append(head(1, -1));
    }
  } else if (swatch.kind === 'ring') {
    const r = swatch.radius ?? 6;
    if (swatch.opacity !== undefined) svg.setAttribute('opacity', String(swatch.opacity));
    svg.append(
      svgEl('circle', {
        cx: w / 2,
        cy: h / 2,
        r,
        fill: swatch.filled ? swatch.color : 'none',
        stroke: swatch.filled ? halo : swatch.color,
        'stroke-width': swatch.filled ? 1.2 : 2.2,
      }),
    );
    if (!swatch.filled && r >= 5)
      svg.append(svgEl('circle', { cx: w / 2, cy: h / 2, r: 2, fill: swatch.color }));
  } else {
    if (swatch.opacity !== undefined) svg.setAttribute('opacity', String(swatch.opacity));
    const s = ((swatch.size ?? 14) / 2) * 0.92;
    const fill = swatch.hollow ? halo : swatch.color;
    const stroke = swatch.hollow ? swatch.color : halo;
    const common = { fill, stroke, 'stroke-width': swatch.hollow ? 1.6 : 1, 'stroke-linejoin': 'round' };
    if (swatch.shape === 'circle' || swatch.shape === 'ring') {
      svg.append(svgEl('circle', { cx: w / 2, cy: h / 2, r: s, ...common }));
      if (swatch.shape === 'ring' && !swatch.hollow) {
        svg.lastElementChild!.setAttribute('fill', halo);
        svg.lastElementChild!.setAttribute('stroke', swatch.color);
        svg.lastElementChild!.setAttribute('stroke-width', '2.2');
      }
    } else {
      const pts = SHAPES[swatch.shape].map(
        ([x, y]) => `${(w / 2 + x * s).toFixed(2)},${(h / 2 + y * s).toFixed(2)}`,
      );
      svg.append(svgEl('polygon', { points: pts.join(' '), ...common }));
    }
  }
  return svg;
}
