/**
 * PNG export of an embedded map: the title, the map, its legend, the 南海诸岛 inset and the source line,
 * composed on one canvas at 1x or 2x. Drawn from the same data the page shows (legend sections, inset
 * drawing), not by screenshotting the DOM, so it works under a strict Content-Security-Policy.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Atlas } from '../atlas/atlas.ts';
import type { LayoutHandle } from '../maplibre/map/add-layout.ts';
import { southChinaSeaInset } from '../maplibre/map/inset.ts';
import type { LegendSection, LegendSwatch } from '../maplibre/support/layer-set.ts';
import { mergeLegends, resolveTheme } from '../maplibre/support/layer-set.ts';
import { sourceLine } from './export-svg.ts';
import type { MapSpec } from './spec.ts';

export interface ExportOptions {
  map: MapLibreMap;
  /** The embed's root element (its width is the width of the PNG in CSS pixels). */
  root: HTMLElement;
  spec: MapSpec;
  handles: LayoutHandle[];
  atlas: Atlas;
  inset: boolean;
  scale: 1 | 2;
}

function fontStack(stack: string[]): string {
  return stack.map((f) => (/\s/.test(f) ? `"${f.replace(/ (Bold|Regular)$/, '')}"` : f)).join(', ');
}

/** Wraps text to lines no wider than `width`. CJK text breaks anywhere; Latin text at spaces. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  for (const t of tokens) {
    const next = line + t;
    if (ctx.measureText(next).width > width && line.trim()) {
      lines.push(line.trimEnd());
      line = t.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

function drawSwatch(
  ctx: CanvasRenderingContext2D,
  s: LegendSwatch | undefined,
  x: number,
  y: number,
  size: number,
) {
  if (!s) return;
  ctx.save();
  ctx.globalAlpha = s.opacity ?? 1;
  if (s.kind === 'fill') {
    ctx.fillStyle = s.color;
    ctx.globalAlpha = s.opacity ?? 0.6;
    ctx.fillRect(x, y, size, size * 0.7);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = s.outline ?? s.color;
    ctx.lineWidth = s.strong ? 2 : 1;
    if (s.dash) ctx.setLineDash(s.dash.map((d) => d * 2));
    ctx.strokeRect(x, y, size, size * 0.7);
  } else if (s.kind === 'line') {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width ?? 2;
    if (s.dash) ctx.setLineDash(s.dash.map((d) => d * (s.width ?? 2)));
    ctx.beginPath();
    ctx.moveTo(x, y + size * 0.35);
    ctx.lineTo(x + size, y + size * 0.35);
    ctx.stroke();
  } else {
    ctx.fillStyle = s.color;
    ctx.strokeStyle = s.color;
    ctx.beginPath();
    ctx.arc(x + size / 2, y + size * 0.35, size * 0.3, 0, Math.PI * 2);
    if (s.kind === 'ring' && !s.filled) ctx.stroke();
    else if (s.kind === 'symbol' && s.hollow) ctx.stroke();
    else ctx.fill();
  }
  ctx.restore();
}

function waitIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * Composes the figure and returns it as a PNG blob.
 *
 * @example
 * ```ts
 * const blob = await exportPng({ map, root, spec, handles, atlas, inset: true, scale: 2 });
 * ```
 */
export async function exportPng(options: ExportOptions): Promise<Blob> {
  const { map, root, spec, handles, scale } = options;
  const theme = resolveTheme(spec.theme);
  const lang = spec.lang;
  const previousRatio = map.getPixelRatio();
  if (previousRatio !== scale) {
    map.setPixelRatio(scale);
    await waitIdle(map);
  }
  const mapCanvas = map.getCanvas();
  const cssW = Math.round(root.getBoundingClientRect().width) || mapCanvas.clientWidth;
  const mapW = mapCanvas.clientWidth;
  const mapH = mapCanvas.clientHeight;
  const pad = 16;
  const font = fontStack(theme.font);
  const bold = fontStack(theme.fontBold);

  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d')!;
  measure.font = `bold 20px ${bold}`;
  const titleLines = spec.title ? wrap(measure, spec.title, cssW - 2 * pad) : [];
  measure.font = `14px ${font}`;
  const subLines = spec.subtitle ? wrap(measure, spec.subtitle, cssW - 2 * pad) : [];
  const sourceText = sourceLine(spec);
  measure.font = `12px ${font}`;
  const sourceLines = wrap(measure, sourceText, cssW - 2 * pad);
  const headerH =
    (titleLines.length ? titleLines.length * 26 + 4 : 0) +
    subLines.length * 20 +
    (titleLines.length || subLines.length ? 8 : 0);
  const footerH = sourceLines.length * 17 + 12;
  const cssH = pad + headerH + mapH + footerH + pad / 2;

  canvas.width = Math.round(cssW * scale);
  canvas.height = Math.round(cssH * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = theme.panel.background;
  ctx.fillRect(0, 0, cssW, cssH);
  ctx.textBaseline = 'top';
  let y = pad;
  ctx.fillStyle = theme.panel.text;
  ctx.font = `bold 20px ${bold}`;
  for (const l of titleLines) {
    ctx.fillText(l, pad, y);
    y += 26;
  }
  if (titleLines.length) y += 4;
  ctx.fillStyle = theme.panel.muted;
  ctx.font = `14px ${font}`;
  for (const l of subLines) {
    ctx.fillText(l, pad, y);
    y += 20;
  }
  if (titleLines.length || subLines.length) y += 8;

  const mapX = Math.round((cssW - mapW) / 2);
  const mapY = y;
  ctx.drawImage(mapCanvas, mapX, mapY, mapW, mapH);

  // One legend for the figure, top-left over the map as on screen.
  const sections: LegendSection[] = mergeLegends(handles.map((h) => h.layerSet.legend));
  if (spec.legend && sections.length) {
    const lw = Math.min(240, mapW * 0.45);
    const rows: { text: string; swatch?: LegendSwatch; head?: boolean }[] = [];
    for (const s of sections) {
      if (s.title) rows.push({ text: s.title, head: true });
      for (const e of s.entries.slice(0, 8)) rows.push({ text: e.label, swatch: e.swatch });
      if (s.entries.length > 8)
        rows.push({
          text: lang === 'zh' ? `……另 ${s.entries.length - 8} 项` : `… ${s.entries.length - 8} more`,
        });
    }
    const maxRows = Math.floor((mapH - 20) / 17);
    const shown = rows.slice(0, maxRows);
    const lh = shown.length * 17 + 12;
    ctx.save();
    ctx.globalAlpha = 0.92;
    ctx.fillStyle = theme.panel.background;
    ctx.fillRect(mapX + 10, mapY + 10, lw, lh);
    ctx.restore();
    ctx.strokeStyle = theme.panel.border;
    ctx.strokeRect(mapX + 10.5, mapY + 10.5, lw, lh);
    let ly = mapY + 16;
    for (const r of shown) {
      ctx.font = r.head ? `bold 12px ${bold}` : `12px ${font}`;
      ctx.fillStyle = r.head ? theme.panel.text : theme.panel.text;
      if (r.swatch) drawSwatch(ctx, r.swatch, mapX + 18, ly + 2, 16);
      const tx = mapX + (r.swatch ? 40 : 18);
      const text = wrap(ctx, r.text, lw - (tx - mapX - 10) - 6)[0] ?? '';
      ctx.fillText(text, tx, ly);
      ly += 17;
    }
  }

  // The 南海诸岛 inset, bottom-right, from the atlas' own objects.
  if (options.inset) {
    const drawing = southChinaSeaInset({ atlas: options.atlas, theme, lang, width: 110 });
    const ix = mapX + mapW - drawing.width - 10;
    const iy = mapY + mapH - drawing.height - 10;
    ctx.save();
    ctx.translate(ix, iy);
    for (const p of drawing.paths) {
      if (!p.d) continue;
      const path = new Path2D(p.d);
      if (p.fill !== 'none') {
        ctx.fillStyle = p.fill;
        ctx.fill(path);
      }
      if (p.stroke !== 'none' && p.strokeWidth > 0) {
        ctx.strokeStyle = p.stroke;
        ctx.lineWidth = p.strokeWidth;
        ctx.stroke(path);
      }
    }
    ctx.strokeStyle = drawing.frame;
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, drawing.width - 1, drawing.height - 1);
    ctx.fillStyle = drawing.labelColor;
    ctx.font = `10px ${font}`;
    ctx.textBaseline = 'bottom';
    ctx.fillText(drawing.label, drawing.width - ctx.measureText(drawing.label).width - 4, drawing.height - 3);
    ctx.restore();
    ctx.textBaseline = 'top';
  }

  y = mapY + mapH + 8;
  ctx.fillStyle = theme.panel.muted;
  ctx.font = `12px ${font}`;
  for (const l of sourceLines) {
    ctx.fillText(l, pad, y);
    y += 17;
  }

  if (previousRatio !== scale) {
    map.setPixelRatio(previousRatio);
    map.triggerRepaint();
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}
