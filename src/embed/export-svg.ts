/**
 * Static SVG of a figure, for print: the same view (d3-geo Web Mercator fitted to the map's bounds), base
 * map from the atlas, the data (choropleth classes) under the overlays, place names, the one legend (every
 * class and the "no data" class), the scale bar, the 南海诸岛 inset clipped to its box, title, subtitle,
 * notes and the source line with the 示意图/审图号 note. Text is escaped on serialisation, so nothing from
 * the spec can become markup; user text sharing a line with quyu's words is bidi-isolated.
 *
 * ```
 *  title / subtitle
 *  ┌ map ───────────────────────────────────────────────────────────────────────────┐
 *  │ sea ─ neighbours ─ land ─ borders ─ data ─ overlay areas ─ lines ─ points ─ labels │
 *  │ legend (top-left, when it lies over the map on screen)          南海诸岛 inset │
 *  │ scale bar                                                                      │
 *  └────────────────────────────────────────────────────────────────────────────────┘
 *  legend (below, when it lies below the map on screen) · notes · source line
 * ```
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Atlas } from '../atlas/atlas.ts';
import type { LayoutHandle } from '../maplibre/map/add-layout.ts';
import { southChinaSeaInset } from '../maplibre/map/inset.ts';
import type { Theme } from '../maplibre/style/themes.ts';
import { shortName } from '../maplibre/support/label-text.ts';
import {
  type LayerSet,
  type LegendSection,
  type LegendSwatch,
  mergeLegends,
  resolveTheme,
} from '../maplibre/support/layer-set.ts';
import { bidiIsolate, labelled, withoutBidiControls as plain, uiWord } from '../text/index.ts';
import { labelAnchoring, metresPerPixel, styleValue } from './first-paint.ts';
import { approxTextWidth, placeLabel, type ScreenBox } from './label-placement.ts';
import type { MapSpec } from './spec.ts';

const NS = 'http://www.w3.org/2000/svg';

/** A place name drawn on the map, as the screen placed it. */
export interface SvgLabel {
  text: string;
  /** `[lng, lat]` of the label's anchor. */
  lngLat: [number, number];
  /** Font size in CSS pixels. */
  size: number;
  color: string;
  bold?: boolean;
  /** Anchors MapLibre tries (`text-variable-anchor`, or the one `text-anchor`); default the label's centre. */
  anchors?: readonly string[];
  /** The anchors are `text-variable-anchor`. */
  variable?: boolean;
  /** `text-radial-offset` in ems, for variable anchors. */
  radialOffset?: number;
  /** `text-offset` in ems, `[right, down]`, for a fixed anchor. */
  offset?: readonly [number, number];
}

/** Options of {@link exportSvg}. */
export interface SvgExportOptions {
  map: MapLibreMap;
  spec: MapSpec;
  /** The layouts on the map (their layer sets are drawn unless `layerSets` is given). */
  handles: LayoutHandle[];
  atlas: Atlas;
  inset: boolean;
  /** Everything drawn: the data's layer sets, then the overlays' (default: the handles' layer sets). */
  layerSets?: LayerSet[];
  /** The figure's one legend (default: merged from the layer sets). */
  legend?: LegendSection[];
  /** Draw the legend below the map (as on a phone) rather than over its top-left corner. */
  legendBelow?: boolean;
}

/** Options of {@link svgDocument}: the view and what to draw in it. */
export interface SvgDocumentOptions {
  /** Size of the map area in CSS pixels (title, legend and source line are added around it). */
  width: number;
  height: number;
  /** `[west, south, east, north]` of the view, fitted into the map area (Web Mercator). */
  bounds: [number, number, number, number];
  spec: MapSpec;
  /** What is drawn on the base map, as the layer builders made it (data sets first, then overlays). */
  layerSets: LayerSet[];
  atlas: Atlas;
  inset: boolean;
  /** The figure's one legend (default: merged from `layerSets`). */
  legend?: LegendSection[];
  /** Draw the legend below the map rather than over its top-left corner (default: over, or below when it does not fit). */
  legendBelow?: boolean;
  /** Place names as placed on screen (default: province names, and prefecture names from zoom 5, at their label points). */
  labels?: SvgLabel[];
  /** Draw the scale bar (default true). */
  scaleBar?: boolean;
}

/** d3-geo draws the smaller area of a ring that runs clockwise; RFC 7946 exteriors run counter-clockwise. */
function forD3(geometry: Geometry): Geometry {
  const flip = (rings: Position[][]) => rings.map((r) => [...r].reverse());
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: flip(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(flip) };
  return geometry;
}

/** An SVG element as data: serialised by {@link serialize} with every attribute and text escaped. */
interface SvgNode {
  tag: string;
  attrs: Record<string, string | number | undefined>;
  children: (SvgNode | string)[];
}

function svgEl(tag: string, attrs: Record<string, string | number | undefined> = {}, text?: string): SvgNode {
  return { tag, attrs, children: text === undefined ? [] : [text] };
}

const escapeXml = (v: string) =>
  v
    // Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines, lone surrogates, U+FFFE/F).
    .replace(/(?![\t\n\r])\p{Cc}|\p{Cs}|[\ufffe\uffff]/gu, '\ufffd')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );

function serialize(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (!node.children.length) return `<${node.tag}${attrs}/>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? escapeXml(c) : serialize(c))).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

const append = (parent: SvgNode, ...children: SvgNode[]) => parent.children.push(...children);

/**
 * Lines of `text` no wider than `width` by `measure`: CJK text breaks anywhere, Latin text at spaces (a
 * word longer than the line is cut). At most `maxLines` lines (the last ends with "…" when cut).
 */
export function wrapText(
  text: string,
  width: number,
  measure: (text: string) => number,
  maxLines = 20,
): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens =
    text.match(
      /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g,
    ) ?? [];
  for (let t of tokens) {
    if (lines.length >= maxLines) break;
    // A word wider than the line is cut into pieces that fit.
    while (measure(t) > width && t.length > 1 && !line.trim()) {
      let n = t.length - 1;
      while (n > 1 && measure(t.slice(0, n)) > width) n--;
      lines.push(t.slice(0, n));
      t = t.slice(n);
    }
    const next = line + t;
    if (measure(next) > width && line.trim()) {
      lines.push(line.trimEnd());
      line = t.trimStart();
    } else line = next;
  }
  if (line.trim() && lines.length < maxLines) lines.push(line.trim());
  if (lines.length >= maxLines && tokens.join('').length > lines.join('').length) {
    lines[maxLines - 1] = `${lines[maxLines - 1]!.slice(0, -1)}…`;
  }
  return lines;
}

/** One line of a drawn legend. */
export interface LegendRow {
  /** A section title (bold). */
  head?: boolean;
  text: string;
  /** Smaller text after the label (counts, notes). */
  note?: string;
  swatch?: LegendSwatch;
}

/** The legend as rows, as PNG and SVG draw it: every section title, every entry (every class, "no data"). */
export function legendRows(sections: readonly LegendSection[]): LegendRow[] {
  const rows: LegendRow[] = [];
  for (const s of sections) {
    if (!s.entries.length) continue;
    if (s.title) rows.push({ head: true, text: plain(s.title) });
    for (const e of s.entries) {
      const row: LegendRow = { text: plain(e.label) };
      if (e.note) row.note = plain(e.note);
      if (e.swatch) row.swatch = e.swatch;
      rows.push(row);
    }
  }
  return rows;
}

/** A scale bar for a view: a round distance (1, 2 or 5 × 10ⁿ km) at most `maxPx` wide. */
export function scaleBar(metresPerPixel: number, maxPx = 100): { px: number; km: number; label: string } {
  const maxM = metresPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const d = maxM / pow;
  const m = (d >= 5 ? 5 : d >= 2 ? 2 : 1) * pow;
  const km = m / 1000;
  return { px: m / metresPerPixel, km, label: km >= 1 ? `${km} km` : `${m} m` };
}

/**
 * The line under a figure: its source (when given, bidi-isolated) and the note that it is a schematic map.
 *
 * @example
 * ```ts
 * sourceLine({ source: '广东统计年鉴 2024', lang: 'zh' }); // '来源：\u2068广东统计年鉴 2024\u2069 · 示意图…'
 * ```
 */
export function sourceLine(spec: Pick<MapSpec, 'source' | 'lang'>): string {
  const lang = spec.lang;
  return `${spec.source ? `${labelled(uiWord('source', lang), lang)}${bidiIsolate(spec.source)} · ` : ''}${uiWord('review', lang)}`;
}

/** Place names as the base map shows them without a browser: provinces, and prefectures from zoom 5. */
function atlasLabels(atlas: Atlas, theme: Theme, lang: 'zh' | 'en', zoom: number): SvgLabel[] {
  const out: SvgLabel[] = [];
  const add = (object: 'provinces' | 'prefectures', size: number, color: string, bold: boolean) => {
    for (const f of atlas.labels(object).features) {
      const p = f.properties as { name?: string; nameEn?: string; level?: string } | null;
      const zh = p?.name ? shortName(p.name, String(p.level ?? '')) : '';
      const text = lang === 'en' && p?.nameEn ? p.nameEn : zh;
      if (text) out.push({ text, lngLat: f.geometry.coordinates as [number, number], size, color, bold });
    }
  };
  if (zoom >= 5) add('prefectures', 11, theme.prefectureText, false);
  add('provinces', 13, theme.provinceText, true);
  return out;
}

function swatchSvg(s: LegendSwatch, x: number, y: number, halo: string): SvgNode {
  const g = svgEl('g', { transform: `translate(${x},${y})` });
  if (s.kind === 'fill') {
    append(
      g,
      svgEl('rect', {
        width: 16,
        height: 11,
        fill: s.color,
        'fill-opacity': s.opacity ?? 0.6,
        stroke: s.outline ?? s.color,
        'stroke-width': s.strong ? 2 : 1,
        'stroke-dasharray': s.dash ? s.dash.map((d) => d * 2).join(' ') : undefined,
      }),
    );
  } else if (s.kind === 'line') {
    append(
      g,
      svgEl('line', {
        x1: 0,
        y1: 5.5,
        x2: 16,
        y2: 5.5,
        stroke: s.color,
        'stroke-width': s.width ?? 2,
        'stroke-opacity': s.opacity ?? 1,
        'stroke-dasharray': s.dash ? s.dash.map((d) => d * (s.width ?? 2)).join(' ') : undefined,
      }),
    );
  } else {
    const hollow = (s.kind === 'ring' && !s.filled) || (s.kind === 'symbol' && s.hollow);
    append(
      g,
      svgEl('circle', {
        cx: 8,
        cy: 5.5,
        r: 4.5,
        fill: hollow ? 'none' : s.color,
        'fill-opacity': s.opacity ?? 1,
        stroke: hollow ? s.color : halo,
        'stroke-width': hollow ? 1.8 : 1,
      }),
    );
  }
  return g;
}

/** Legend box geometry shared by the PNG and the SVG: row height, widths, padding (CSS pixels). */
export const LEGEND_BOX = { row: 16, pad: 8, maxWidth: 250, swatch: 24, font: 11, headFont: 11 } as const;

/**
 * The figure as an SVG document (text), without a browser: base map from the atlas, the data and
 * overlays of `layerSets`, place names, one legend, scale bar, title, notes, source line and the
 * 南海诸岛 inset, in the view `bounds`. Every text is escaped; path data has 0.1 px precision.
 *
 * @example
 * ```ts
 * const spec = parseMapSpec({ layouts: ['guangdong'], title: '广东' });
 * const svg = svgDocument({ width: 800, height: 600, bounds: [109.6, 20.2, 117.3, 25.5], spec, layerSets: [layoutLayers(guangdong, { atlas })], atlas, inset: false });
 * svg.startsWith('<?xml'); // true
 * ```
 */
export function svgDocument(options: SvgDocumentOptions): string {
  const { width: w, height: h, bounds: b, spec, layerSets, atlas } = options;
  const theme = resolveTheme(spec.theme);
  const lang = spec.lang;
  const font = theme.font.map((f) => f.replace(/ (Bold|Regular)$/, '')).join(', ');
  const pad = 16;
  const width = w + 2 * pad;
  const measure = (size: number) => (t: string) => approxTextWidth(t, size);
  const titleLines = spec.title ? wrapText(plain(spec.title), w, measure(20), 4) : [];
  const subLines = spec.subtitle ? wrapText(plain(spec.subtitle), w, measure(14), 6) : [];
  const noteLines = spec.notes ? wrapText(plain(spec.notes), w, measure(12), 12) : [];
  const sourceLines = wrapText(sourceLine(spec), w, measure(12), 8);
  const headH =
    titleLines.length * 26 + subLines.length * 20 + (titleLines.length || subLines.length ? 8 : 0);

  // The legend: over the map's top-left corner, or below the map (as on a phone, or when it does not fit).
  const sections = spec.legend ? (options.legend ?? mergeLegends(layerSets.map((s) => s.legend))) : [];
  const rows = legendRows(sections);
  const legendW = Math.min(LEGEND_BOX.maxWidth, options.legendBelow ? w : Math.max(160, w * 0.45));
  const textW = legendW - 2 * LEGEND_BOX.pad - LEGEND_BOX.swatch;
  const laid = rows.flatMap((r) => {
    const main = wrapText(
      r.text,
      r.swatch ? textW : legendW - 2 * LEGEND_BOX.pad,
      measure(LEGEND_BOX.font),
      4,
    );
    const out = main.map((t, i) => ({ row: r, text: t, first: i === 0, note: '' }));
    if (r.note) {
      const last = out.at(-1)!;
      const room = textW - approxTextWidth(last.text, LEGEND_BOX.font) - 5;
      if (approxTextWidth(r.note, 10) <= room) last.note = r.note;
      else out.push({ row: r, text: '', first: false, note: r.note });
    }
    return out;
  });
  const legendH = laid.length ? laid.length * LEGEND_BOX.row + 2 * LEGEND_BOX.pad : 0;
  const below = laid.length > 0 && (options.legendBelow || legendH > h - 56);
  const belowH = below ? legendH + 10 : 0;
  const footH = belowH + noteLines.length * 17 + sourceLines.length * 17 + 14;
  const height = pad + headH + h + footH;

  const frame: Feature = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
    },
  };
  const projection = geoMercator().fitExtent(
    [
      [0, 0],
      [w, h],
    ],
    frame,
  );
  // Cut every shape at the view's edge (a few pixels out): the file holds only what the figure shows.
  projection.clipExtent([
    [-4, -4],
    [w + 4, h + 4],
  ]);
  const path = geoPath(projection).digits(1);
  const d = (g: Geometry | null) => (g ? (path(forD3(g)) ?? '') : '');
  const zoom = Math.log2((2 * Math.PI * projection.scale()) / 512);

  const svg = svgEl('svg', {
    xmlns: NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': font,
    role: 'img',
  });
  append(svg, svgEl('title', {}, plain(spec.title ?? uiWord('mapLabel', lang))));
  if (spec.alt) append(svg, svgEl('desc', {}, plain(spec.alt)));
  append(svg, svgEl('rect', { width, height, fill: theme.panel.background }));
  let y = pad;
  for (const line of titleLines) {
    append(
      svg,
      svgEl(
        'text',
        { x: pad, y: y + 20, 'font-size': 20, 'font-weight': 'bold', fill: theme.panel.text },
        line,
      ),
    );
    y += 26;
  }
  for (const line of subLines) {
    append(svg, svgEl('text', { x: pad, y: y + 14, 'font-size': 14, fill: theme.panel.muted }, line));
    y += 20;
  }
  if (titleLines.length || subLines.length) y += 8;

  const defs = svgEl('defs');
  const clip = svgEl('clipPath', { id: 'quyu-map-clip' });
  append(clip, svgEl('rect', { width: w, height: h }));
  append(defs, clip);
  append(svg, defs);
  const mapG = svgEl('g', { transform: `translate(${pad},${y})`, 'clip-path': 'url(#quyu-map-clip)' });
  append(mapG, svgEl('rect', { width: w, height: h, fill: theme.sea }));
  const layer = (fc: FeatureCollection, attrs: Record<string, string | number>) => {
    const g = svgEl('g', attrs);
    for (const f of fc.features) {
      if (!f.geometry) continue;
      // Only what the view shows: a feature wholly outside the frame is left out of the file.
      const [[x0, y0], [x1, y1]] = path.bounds(forD3(f.geometry));
      if (x1 < 0 || y1 < 0 || x0 > w || y0 > h) continue;
      const dd = d(f.geometry);
      if (dd) append(g, svgEl('path', { d: dd }));
    }
    append(mapG, g);
  };
  layer(atlas.geojson('neighbors'), {
    fill: theme.neighborLand,
    stroke: theme.neighborLine,
    'stroke-width': 0.5,
  });
  layer(atlas.geojson('prefectures'), {
    fill: theme.land,
    stroke: theme.prefectureLine,
    'stroke-width': 0.4,
  });

  // The data (choropleth classes), then the borders over it, then the overlays, as on the map.
  const sets = layerSets.map((set) =>
    Object.entries(set.sources).flatMap(([id, s]) =>
      typeof s.data === 'object' && s.data && 'features' in s.data
        ? (s.data as FeatureCollection).features.map((f) => ({ f, labels: /labels$/.test(id) }))
        : [],
    ),
  );
  const all = sets.flat();
  const props = (f: Feature) => (f.properties ?? {}) as Record<string, unknown>;
  const isData = (f: Feature) => props(f).itemType === 'choropleth';
  const hasData = all.some(({ f }) => isData(f));
  const dataG = svgEl('g', { stroke: theme.choroplethLine, 'stroke-width': 0.6 });
  for (const { f } of all) {
    if (!isData(f) || !f.geometry) continue;
    const dd = d(f.geometry);
    if (dd)
      append(
        dataG,
        svgEl('path', {
          d: dd,
          fill: String(props(f).color ?? theme.noData),
          'fill-opacity': Number(props(f).opacity ?? 0.85),
        }),
      );
  }
  append(mapG, dataG);
  layer(atlas.geojson('provinces'), { fill: 'none', stroke: theme.provinceLine, 'stroke-width': 0.9 });
  layer(atlas.geojson('nation'), { fill: 'none', stroke: theme.nationLine, 'stroke-width': 1.2 });
  layer(atlas.geojson('scsIslands'), { fill: theme.land, stroke: theme.nationLine, 'stroke-width': 0.5 });
  layer(atlas.geojson('tenDashLine'), {
    fill: theme.tenDashLine,
    stroke: theme.tenDashLine,
    'stroke-width': 1,
  });

  const colorOf = (f: Feature) => String(props(f).color ?? theme.accent);
  const weak = (f: Feature) => Boolean(props(f).weak);
  const areas = svgEl('g', { 'stroke-width': hasData ? 1.8 : 1.2 });
  const lines = svgEl('g', { fill: 'none' });
  const points = svgEl('g');
  const labelG = svgEl('g', {
    'text-anchor': 'middle',
    'paint-order': 'stroke',
    stroke: theme.textHalo,
    'stroke-width': 2.5,
    'stroke-linejoin': 'round',
  });
  const labels: SvgLabel[] = options.labels ? [...options.labels] : atlasLabels(atlas, theme, lang, zoom);
  // Overlays are the top layers: their names are placed first.
  const overlayLabels: SvgLabel[] = [];
  for (const { f, labels: isLabel } of all) {
    const g = f.geometry;
    if (!g || isData(f)) continue;
    const dash: Record<string, string> = weak(f) ? { 'stroke-dasharray': '4 3' } : {};
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      // Over data, areas are outlines only (as on screen), so they never hide the data.
      append(
        areas,
        svgEl('path', {
          d: d(g),
          fill: hasData ? 'none' : colorOf(f),
          'fill-opacity': hasData ? undefined : weak(f) ? 0.2 : 0.35,
          stroke: String(props(f).outline ?? colorOf(f)),
          ...dash,
        }),
      );
    } else if (g.type === 'LineString' || g.type === 'MultiLineString') {
      append(
        lines,
        svgEl('path', {
          d: d(g),
          stroke: colorOf(f),
          'stroke-width': 2,
          'stroke-opacity': weak(f) ? 0.5 : 1,
          ...dash,
        }),
      );
    } else if (g.type === 'Point') {
      const p = projection(g.coordinates as [number, number]);
      if (!p || p[0] < 0 || p[1] < 0 || p[0] > w || p[1] > h) continue;
      if (!isLabel) {
        append(
          points,
          svgEl('circle', {
            cx: p[0].toFixed(1),
            cy: p[1].toFixed(1),
            r: 3.5,
            fill: colorOf(f),
            'fill-opacity': weak(f) ? 0.45 : 1,
            stroke: theme.iconHalo,
          }),
        );
      }
      // Overlay names: only when the screen's own labels are not given (they include them).
      const label = props(f).label;
      if (!options.labels && typeof label === 'string' && label) {
        overlayLabels.push({
          text: label,
          lngLat: g.coordinates as [number, number],
          size: 12,
          color: String(props(f).textColor ?? theme.overlayText),
          bold: true,
          // Without the screen's placement: a point's name beside its dot (the first free side), an area's
          // name on its point.
          ...(isLabel
            ? {}
            : { anchors: ['left', 'right', 'top', 'bottom'], variable: true, radialOffset: 0.6 }),
        });
      }
    }
  }
  // Names placed as MapLibre places them, in its order (the screen's labels come top layer first): each at
  // the first of its anchors whose box is free, moved off its point by its offset. A name the screen shows
  // is kept even where the estimate of its width finds no free anchor (first anchor).
  const placed: ScreenBox[] = [];
  for (const l of [...overlayLabels, ...labels]) {
    const p = projection(l.lngLat);
    if (!p || p[0] < -20 || p[1] < -10 || p[0] > w + 20 || p[1] > h + 10) continue;
    const at = placeLabel(
      placed,
      {
        x: p[0],
        y: p[1],
        width: approxTextWidth(plain(l.text), l.size),
        size: l.size,
        anchors: l.anchors,
        variable: l.variable,
        radialOffset: l.radialOffset,
        offset: l.offset,
      },
      w,
      h,
      Boolean(options.labels),
    );
    if (!at) continue;
    append(
      labelG,
      svgEl(
        'text',
        {
          x: at.x.toFixed(1),
          y: (at.y + l.size * 0.35).toFixed(1),
          'font-size': l.size,
          'font-weight': l.bold ? 'bold' : undefined,
          fill: l.color,
        },
        plain(l.text),
      ),
    );
  }
  append(mapG, areas, lines, points, labelG);

  if (options.scaleBar ?? true) {
    const bar = scaleBar(metresPerPixel((b[1] + b[3]) / 2, zoom), 100);
    const g = svgEl('g', { transform: `translate(10,${h - 12})`, 'font-size': 10, fill: theme.panel.text });
    append(
      g,
      svgEl('rect', {
        x: -2,
        y: -14,
        width: bar.px + 4,
        height: 18,
        fill: theme.panel.background,
        'fill-opacity': 0.75,
      }),
      svgEl('path', {
        d: `M0,-6V0H${bar.px.toFixed(1)}V-6`,
        fill: 'none',
        stroke: theme.panel.text,
        'stroke-width': 1.2,
      }),
      svgEl('text', { x: 3, y: -3 }, bar.label),
    );
    append(mapG, g);
  }

  const legendG = (x: number, yy: number) => {
    const g = svgEl('g', {
      transform: `translate(${x},${yy})`,
      'font-size': LEGEND_BOX.font,
      fill: theme.panel.text,
    });
    append(
      g,
      svgEl('rect', {
        width: legendW,
        height: legendH,
        fill: theme.panel.background,
        'fill-opacity': 0.94,
        stroke: theme.panel.border,
      }),
    );
    laid.forEach((r, i) => {
      const ty = LEGEND_BOX.pad + i * LEGEND_BOX.row;
      if (r.first && r.row.swatch) append(g, swatchSvg(r.row.swatch, LEGEND_BOX.pad, ty + 2, theme.iconHalo));
      const tx = LEGEND_BOX.pad + (r.row.swatch ? LEGEND_BOX.swatch : 0);
      // The note (counts) follows its text where the reader's font ends it, not where an estimate of the
      // text's width would: one <text>, the note a <tspan>.
      const note = r.note
        ? svgEl(
            'tspan',
            { dx: r.text ? 5 : 0, 'font-size': 10, 'font-weight': 'normal', fill: theme.panel.muted },
            r.note,
          )
        : undefined;
      if (r.text || note) {
        const text = svgEl(
          'text',
          {
            x: tx,
            y: ty + 11,
            'font-weight': r.row.head ? 'bold' : undefined,
            fill: r.row.head ? theme.panel.muted : undefined,
          },
          // Isolated from the note after it: a right-to-left name cannot pull the count to its left.
          r.text ? (note ? bidiIsolate(r.text) : r.text) : undefined,
        );
        if (note) append(text, note);
        append(g, text);
      }
    });
    return g;
  };
  if (laid.length && !below) append(mapG, legendG(10, 10));

  if (options.inset) {
    const drawing = southChinaSeaInset({ atlas, theme, lang, width: 110 });
    const ix = w - drawing.width - 10;
    const iy = h - drawing.height - 10;
    // The inset's drawing is clipped to its box: its land and dashes never spill over the map.
    const insetClip = svgEl('clipPath', { id: 'quyu-inset-clip' });
    append(insetClip, svgEl('rect', { width: drawing.width, height: drawing.height }));
    append(defs, insetClip);
    const g = svgEl('g', { transform: `translate(${ix},${iy})` });
    const inner = svgEl('g', { 'clip-path': 'url(#quyu-inset-clip)' });
    for (const p of drawing.paths) {
      if (p.d)
        append(
          inner,
          svgEl('path', { d: p.d, fill: p.fill, stroke: p.stroke, 'stroke-width': p.strokeWidth }),
        );
    }
    append(g, inner);
    append(
      g,
      svgEl('rect', { width: drawing.width, height: drawing.height, fill: 'none', stroke: drawing.frame }),
    );
    append(
      g,
      svgEl(
        'text',
        {
          x: drawing.width - 4,
          y: drawing.height - 4,
          'font-size': 10,
          'text-anchor': 'end',
          fill: drawing.labelColor,
        },
        drawing.label,
      ),
    );
    append(mapG, g);
  }
  append(svg, mapG);
  y += h + 4;
  if (below) {
    append(svg, legendG(pad, y + 6));
    y += belowH;
  }
  for (const line of noteLines) {
    append(svg, svgEl('text', { x: pad, y: y + 14, 'font-size': 12, fill: theme.panel.text }, line));
    y += 17;
  }
  for (const line of sourceLines) {
    append(svg, svgEl('text', { x: pad, y: y + 14, 'font-size': 12, fill: theme.panel.muted }, line));
    y += 17;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(svg)}\n`;
}

/** Base-map label layers and how the export draws their names. */
const BASE_LABELS: Record<string, { size: number; bold?: boolean; color: (t: Theme) => string }> = {
  'province-label': { size: 13, bold: true, color: (t) => t.provinceText },
  'prefecture-label': { size: 11, color: (t) => t.prefectureText },
  'neighbor-label': { size: 11, color: (t) => t.neighborText },
  'sea-label': { size: 11, color: (t) => t.seaText },
};

/**
 * The names the map placed on screen (base map and overlays), for the SVG: top layer first (MapLibre's
 * placement order), each with the size, anchors and offset its layer gives it at the map's zoom.
 */
export function renderedLabels(map: MapLibreMap, theme: Theme): SvgLabel[] {
  const style = map.getStyle();
  const order = new Map(style.layers.map((l, i) => [l.id, i]));
  const symbolLayers = style.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
  if (!symbolLayers.length) return [];
  const zoom = map.getZoom();
  const seen = new Set<string>();
  const out: { label: SvgLabel; layer: number; sortKey: number; i: number }[] = [];
  for (const f of map.queryRenderedFeatures({ layers: symbolLayers })) {
    const label = (f.properties as Record<string, unknown> | null)?.label;
    if (typeof label !== 'string' || !label || f.geometry.type !== 'Point') continue;
    const at = (f.geometry as Point).coordinates as [number, number];
    const key = `${label}|${at[0].toFixed(3)}|${at[1].toFixed(3)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const layout = (f.layer.layout ?? {}) as Record<string, unknown>;
    const size = styleValue(layout['text-size'], f, zoom);
    const sortKey = styleValue(layout['symbol-sort-key'], f, zoom);
    const base = Object.entries(BASE_LABELS).find(([suffix]) => f.layer.id.endsWith(suffix))?.[1];
    out.push({
      layer: order.get(f.layer.id) ?? 0,
      sortKey: typeof sortKey === 'number' ? sortKey : 0,
      i: out.length,
      label: {
        text: label,
        lngLat: at,
        size: typeof size === 'number' && size > 0 ? size : (base?.size ?? 12),
        bold: base ? Boolean(base.bold) : true,
        color: base
          ? base.color(theme)
          : String((f.properties as Record<string, unknown>).textColor ?? theme.overlayText),
        ...labelAnchoring(layout, f, zoom),
      },
    });
  }
  // MapLibre's order: the top layer first, and within a layer the lowest symbol-sort-key first.
  return out.sort((a, b) => b.layer - a.layer || a.sortKey - b.sortKey || a.i - b.i).map((x) => x.label);
}

/**
 * The figure on `map` as an SVG document (a Blob of type `image/svg+xml`): {@link svgDocument} with the
 * map's canvas size and view, and the place names the map placed.
 *
 * @example
 * ```ts
 * const blob = await exportSvg({ map, spec, handles: [handle], atlas, inset: true });
 * blob.type; // 'image/svg+xml'
 * ```
 */
export async function exportSvg(options: SvgExportOptions): Promise<Blob> {
  const { map, spec, handles, atlas } = options;
  const canvas = map.getCanvas();
  const b = map.getBounds();
  const text = svgDocument({
    width: canvas.clientWidth,
    height: canvas.clientHeight,
    bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    spec,
    layerSets: options.layerSets ?? handles.map((hd) => hd.layerSet),
    atlas,
    inset: options.inset,
    ...(options.legend ? { legend: options.legend } : {}),
    ...(options.legendBelow ? { legendBelow: true } : {}),
    labels: renderedLabels(map, resolveTheme(spec.theme)),
  });
  return new Blob([text], { type: 'image/svg+xml' });
}
