/**
 * PNG export of an embedded map: the title, the map, its one legend (every class and "no data"), the scale
 * bar, the 南海诸岛 inset clipped to its box, notes and the source line with the 示意图/审图号 note, composed
 * on one canvas at 1x or 2x. Drawn from the same figure model the page shows (legend sections, inset
 * drawing), not by screenshotting the DOM, so it works under a strict Content-Security-Policy. The legend
 * lies where the screen puts it: over the map's top-left corner, or below the map at phone width.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Atlas } from '../atlas/atlas.ts';
import type { LayoutHandle } from '../maplibre/map/add-layout.ts';
import { southChinaSeaInset } from '../maplibre/map/inset.ts';
import type { LayerSet, LegendSection, LegendSwatch } from '../maplibre/support/layer-set.ts';
import { mergeLegends, resolveTheme } from '../maplibre/support/layer-set.ts';
import { withoutBidiControls as plain } from '../text/index.ts';
import { LEGEND_BOX, legendRows, scaleBar, sourceLine, wrapText } from './export-svg.ts';
import { metresPerPixel } from './first-paint.ts';
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
  /** The figure's one legend (default: merged from the handles' layer sets). */
  legend?: LegendSection[];
  /** Draw the legend below the map (as on a phone) rather than over its top-left corner. */
  legendBelow?: boolean;
  /** Everything drawn (only its legends are read when `legend` is not given). */
  layerSets?: LayerSet[];
}

function fontStack(stack: string[]): string {
  return stack.map((f) => (/\s/.test(f) ? `"${f.replace(/ (Bold|Regular)$/, '')}"` : f)).join(', ');
}

function drawSwatch(
  ctx: CanvasRenderingContext2D,
  s: LegendSwatch | undefined,
  x: number,
  y: number,
  halo: string,
) {
  if (!s) return;
  ctx.save();
  if (s.kind === 'fill') {
    ctx.fillStyle = s.color;
    ctx.globalAlpha = s.opacity ?? 0.6;
    ctx.fillRect(x, y, 16, 11);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = s.outline ?? s.color;
    ctx.lineWidth = s.strong ? 2 : 1;
    if (s.dash) ctx.setLineDash(s.dash.map((d) => d * 2));
    ctx.strokeRect(x + 0.5, y + 0.5, 15, 10);
  } else if (s.kind === 'line') {
    ctx.globalAlpha = s.opacity ?? 1;
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width ?? 2;
    if (s.dash) ctx.setLineDash(s.dash.map((d) => d * (s.width ?? 2)));
    ctx.beginPath();
    ctx.moveTo(x, y + 5.5);
    ctx.lineTo(x + 16, y + 5.5);
    ctx.stroke();
  } else {
    const hollow = (s.kind === 'ring' && !s.filled) || (s.kind === 'symbol' && s.hollow);
    ctx.globalAlpha = s.opacity ?? 1;
    ctx.beginPath();
    ctx.arc(x + 8, y + 5.5, 4.5, 0, Math.PI * 2);
    if (hollow) {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 1.8;
      ctx.stroke();
    } else {
      ctx.fillStyle = s.color;
      ctx.fill();
      ctx.strokeStyle = halo;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
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
  const previousRatio = map.getPixelRatio();
  if (previousRatio !== scale) {
    map.setPixelRatio(scale);
    await waitIdle(map);
  }
  const mapCanvas = map.getCanvas();
  const mapW = mapCanvas.clientWidth;
  const mapH = mapCanvas.clientHeight;
  const pad = 16;
  const cssW = Math.max(mapW + 2 * pad, Math.round(root.getBoundingClientRect().width) || 0);
  const font = fontStack(theme.font);
  const bold = fontStack(theme.fontBold);

  const canvas = document.createElement('canvas');
  const m = canvas.getContext('2d')!;
  const measure = (f: string) => (t: string) => {
    m.font = f;
    return m.measureText(t).width;
  };
  const textW = cssW - 2 * pad;
  const titleLines = spec.title ? wrapText(plain(spec.title), textW, measure(`bold 20px ${bold}`), 4) : [];
  const subLines = spec.subtitle ? wrapText(plain(spec.subtitle), textW, measure(`14px ${font}`), 6) : [];
  const noteLines = spec.notes ? wrapText(plain(spec.notes), textW, measure(`12px ${font}`), 12) : [];
  const sourceLines = wrapText(sourceLine(spec), textW, measure(`12px ${font}`), 8);
  const headH =
    titleLines.length * 26 + subLines.length * 20 + (titleLines.length || subLines.length ? 8 : 0);

  // The one legend, laid out as the SVG lays it out (same rows, same box).
  const sections = spec.legend
    ? (options.legend ??
      mergeLegends((options.layerSets ?? handles.map((h) => h.layerSet)).map((s) => s.legend)))
    : [];
  const rows = legendRows(sections);
  const legendW = Math.min(LEGEND_BOX.maxWidth, options.legendBelow ? mapW : Math.max(160, mapW * 0.45));
  const rowTextW = legendW - 2 * LEGEND_BOX.pad - LEGEND_BOX.swatch;
  const itemFont = `${LEGEND_BOX.font}px ${font}`;
  const headFont = `bold ${LEGEND_BOX.headFont}px ${bold}`;
  const noteFont = `10px ${font}`;
  const laid = rows.flatMap((r) => {
    const lines = wrapText(
      r.text,
      r.swatch ? rowTextW : legendW - 2 * LEGEND_BOX.pad,
      measure(r.head ? headFont : itemFont),
      4,
    );
    const out = lines.map((t, i) => ({ row: r, text: t, first: i === 0, note: '' }));
    if (r.note) {
      const last = out.at(-1)!;
      const room = rowTextW - measure(itemFont)(last.text) - 5;
      if (measure(noteFont)(r.note) <= room) last.note = r.note;
      else out.push({ row: r, text: '', first: false, note: r.note });
    }
    return out;
  });
  const legendH = laid.length ? laid.length * LEGEND_BOX.row + 2 * LEGEND_BOX.pad : 0;
  const below = laid.length > 0 && (options.legendBelow || legendH > mapH - 56);
  const belowH = below ? legendH + 10 : 0;
  const footH = belowH + noteLines.length * 17 + sourceLines.length * 17 + 14;
  const cssH = pad + headH + mapH + footH;

  canvas.width = Math.round(cssW * scale);
  canvas.height = Math.round(cssH * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = theme.panel.background;
  ctx.fillRect(0, 0, cssW, cssH);
  ctx.textBaseline = 'alphabetic';
  let y = pad;
  ctx.fillStyle = theme.panel.text;
  ctx.font = `bold 20px ${bold}`;
  for (const l of titleLines) {
    ctx.fillText(l, pad, y + 20);
    y += 26;
  }
  ctx.fillStyle = theme.panel.muted;
  ctx.font = `14px ${font}`;
  for (const l of subLines) {
    ctx.fillText(l, pad, y + 14);
    y += 20;
  }
  if (titleLines.length || subLines.length) y += 8;

  const mapX = pad;
  const mapY = y;
  ctx.drawImage(mapCanvas, mapX, mapY, mapW, mapH);
  ctx.save();
  ctx.beginPath();
  ctx.rect(mapX, mapY, mapW, mapH);
  ctx.clip();

  // The scale bar, bottom-left, as the screen shows it.
  const bar = scaleBar(metresPerPixel(map.getCenter().lat, map.getZoom()), 100);
  ctx.save();
  ctx.translate(mapX + 10, mapY + mapH - 12);
  ctx.globalAlpha = 0.75;
  ctx.fillStyle = theme.panel.background;
  ctx.fillRect(-2, -14, bar.px + 4, 18);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = theme.panel.text;
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  ctx.moveTo(0, -6);
  ctx.lineTo(0, 0);
  ctx.lineTo(bar.px, 0);
  ctx.lineTo(bar.px, -6);
  ctx.stroke();
  ctx.fillStyle = theme.panel.text;
  ctx.font = `10px ${font}`;
  ctx.fillText(bar.label, 3, -3);
  ctx.restore();

  const drawLegend = (x: number, ly: number) => {
    ctx.save();
    ctx.globalAlpha = 0.94;
    ctx.fillStyle = theme.panel.background;
    ctx.fillRect(x, ly, legendW, legendH);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = theme.panel.border;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, ly + 0.5, legendW - 1, legendH - 1);
    laid.forEach((r, i) => {
      const ty = ly + LEGEND_BOX.pad + i * LEGEND_BOX.row;
      if (r.first && r.row.swatch) drawSwatch(ctx, r.row.swatch, x + LEGEND_BOX.pad, ty + 2, theme.iconHalo);
      const tx = x + LEGEND_BOX.pad + (r.row.swatch ? LEGEND_BOX.swatch : 0);
      if (r.text) {
        ctx.font = r.row.head ? headFont : itemFont;
        ctx.fillStyle = r.row.head ? theme.panel.muted : theme.panel.text;
        ctx.fillText(r.text, tx, ty + 11);
      }
      if (r.note) {
        ctx.font = itemFont;
        const nx = r.text ? tx + ctx.measureText(r.text).width + 5 : tx;
        ctx.font = noteFont;
        ctx.fillStyle = theme.panel.muted;
        ctx.fillText(r.note, nx, ty + 11);
      }
    });
    ctx.restore();
  };
  if (laid.length && !below) drawLegend(mapX + 10, mapY + 10);

  // The 南海诸岛 inset, bottom-right, from the atlas' own objects, clipped to its box.
  if (options.inset) {
    const drawing = southChinaSeaInset({ atlas: options.atlas, theme, lang: spec.lang, width: 110 });
    const ix = mapX + mapW - drawing.width - 10;
    const iy = mapY + mapH - drawing.height - 10;
    ctx.save();
    ctx.translate(ix, iy);
    ctx.beginPath();
    ctx.rect(0, 0, drawing.width, drawing.height);
    ctx.clip();
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
    ctx.fillText(drawing.label, drawing.width - ctx.measureText(drawing.label).width - 4, drawing.height - 4);
    ctx.restore();
  }
  ctx.restore(); // the map clip

  y = mapY + mapH + 4;
  if (below) {
    drawLegend(pad, y + 6);
    y += belowH;
  }
  ctx.fillStyle = theme.panel.text;
  ctx.font = `12px ${font}`;
  for (const l of noteLines) {
    ctx.fillText(l, pad, y + 14);
    y += 17;
  }
  ctx.fillStyle = theme.panel.muted;
  for (const l of sourceLines) {
    ctx.fillText(l, pad, y + 14);
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
