/**
 * Static SVG of an embedded map, for print: the same view (d3-geo Web Mercator fitted to the map's bounds),
 * base map from the atlas, the layout overlays from the layers' own GeoJSON sources, legend, title, source
 * line and the 南海诸岛 inset. Text is set with `textContent` and serialised, so nothing from the spec can
 * become markup.
 *
 * ```
 *  sea ─ neighbours ─ land (prefectures) ─ province borders ─ nation outline ─ overlay areas ─ lines ─ points
 *  ─ point labels ─ legend ─ inset ─ title / subtitle / source line
 * ```
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Atlas } from '../atlas/atlas.ts';
import type { LayoutHandle } from '../maplibre/map/add-layout.ts';
import { southChinaSeaInset } from '../maplibre/map/inset.ts';
import { type LayerSet, mergeLegends, resolveTheme } from '../maplibre/support/layer-set.ts';
import { labelled, uiWord } from '../text/index.ts';
import type { MapSpec } from './spec.ts';

const NS = 'http://www.w3.org/2000/svg';

/** Options of {@link exportSvg}. */
export interface SvgExportOptions {
  map: MapLibreMap;
  spec: MapSpec;
  handles: LayoutHandle[];
  atlas: Atlas;
  inset: boolean;
}

/** Options of {@link svgDocument}: the view and what to draw in it. */
export interface SvgDocumentOptions {
  /** Size of the map area in CSS pixels (title, legend and source line are added around it). */
  width: number;
  height: number;
  /** `[west, south, east, north]` of the view, fitted into the map area (Web Mercator). */
  bounds: [number, number, number, number];
  spec: MapSpec;
  /** The overlays, as the layer builders made them (e.g. `handle.layerSet`). */
  layerSets: LayerSet[];
  atlas: Atlas;
  inset: boolean;
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
  v.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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
 * The figure as an SVG document (text), without a browser: base map from the atlas, the overlays of
 * `layerSets`, one legend, title, source line and the 南海诸岛 inset, in the view `bounds`. Every text is
 * escaped; path data has 0.1 px precision.
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
  const headH = (spec.title ? 28 : 0) + (spec.subtitle ? 20 : 0) + (spec.title || spec.subtitle ? 8 : 0);
  const footH = 28;
  const width = w + 2 * pad;
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

  const svg = svgEl('svg', {
    xmlns: NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': font,
    role: 'img',
  });
  append(svg, svgEl('title', {}, spec.title ?? uiWord('mapLabel', lang)));
  append(svg, svgEl('rect', { width, height, fill: theme.panel.background }));
  let y = pad;
  if (spec.title) {
    append(
      svg,
      svgEl(
        'text',
        { x: pad, y: y + 20, 'font-size': 20, 'font-weight': 'bold', fill: theme.panel.text },
        spec.title,
      ),
    );
    y += 28;
  }
  if (spec.subtitle) {
    append(
      svg,
      svgEl('text', { x: pad, y: y + 14, 'font-size': 14, fill: theme.panel.muted }, spec.subtitle),
    );
    y += 20;
  }
  if (spec.title || spec.subtitle) y += 8;

  const mapG = svgEl('g', { transform: `translate(${pad},${y})`, 'clip-path': 'url(#quyu-map-clip)' });
  const clip = svgEl('clipPath', { id: 'quyu-map-clip' });
  append(clip, svgEl('rect', { width: w, height: h }));
  const defs = svgEl('defs');
  append(defs, clip);
  append(svg, defs);
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
  layer(atlas.geojson('provinces'), { fill: 'none', stroke: theme.provinceLine, 'stroke-width': 0.9 });
  layer(atlas.geojson('nation'), { fill: 'none', stroke: theme.nationLine, 'stroke-width': 1.2 });
  layer(atlas.geojson('tenDashLine'), {
    fill: theme.tenDashLine,
    stroke: theme.tenDashLine,
    'stroke-width': 1,
  });

  // Overlays from the layers' own sources: areas, then lines, then points, as on the map.
  const features = layerSets.flatMap((set) =>
    Object.values(set.sources).flatMap((s) =>
      typeof s.data === 'object' && s.data && 'features' in s.data
        ? (s.data as FeatureCollection).features
        : [],
    ),
  );
  const colorOf = (f: Feature) => String((f.properties as { color?: unknown } | null)?.color ?? theme.accent);
  const weak = (f: Feature) => Boolean((f.properties as { weak?: unknown } | null)?.weak);
  const areas = svgEl('g', { 'stroke-width': 1.2 });
  const lines = svgEl('g', { fill: 'none' });
  const points = svgEl('g');
  const labels = svgEl('g', { 'font-size': 11, 'text-anchor': 'middle', fill: theme.overlayText });
  for (const f of features) {
    const g = f.geometry;
    if (!g) continue;
    const dash: Record<string, string> = weak(f) ? { 'stroke-dasharray': '4 3' } : {};
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      append(
        areas,
        svgEl('path', {
          d: d(g),
          fill: colorOf(f),
          'fill-opacity': weak(f) ? 0.2 : 0.35,
          stroke: colorOf(f),
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
      const label = (f.properties as { label?: unknown } | null)?.label;
      if (typeof label === 'string' && label) {
        append(labels, svgEl('text', { x: p[0].toFixed(1), y: (p[1] - 6).toFixed(1) }, label));
      }
    }
  }
  append(mapG, areas, lines, points, labels);

  // One legend for the figure, top-left over the map, as on screen.
  if (spec.legend) {
    const sections = mergeLegends(layerSets.map((set) => set.legend));
    const legend = svgEl('g', { transform: 'translate(10,10)', 'font-size': 11, fill: theme.panel.text });
    const rows: { text: string; color?: string; head?: boolean }[] = [];
    for (const s of sections) {
      if (s.title) rows.push({ text: s.title, head: true });
      for (const e of s.entries.slice(0, 8)) {
        const sw = e.swatch as { color?: string } | undefined;
        rows.push({ text: e.label, color: sw?.color });
      }
    }
    const shown = rows.slice(0, Math.floor((h - 30) / 15));
    append(
      legend,
      svgEl('rect', {
        width: 230,
        height: shown.length * 15 + 10,
        fill: theme.panel.background,
        'fill-opacity': 0.92,
        stroke: theme.panel.border,
      }),
    );
    shown.forEach((r, i) => {
      const ty = 17 + i * 15;
      if (r.color) append(legend, svgEl('rect', { x: 8, y: ty - 9, width: 14, height: 9, fill: r.color }));
      append(
        legend,
        svgEl('text', { x: r.color ? 28 : 8, y: ty, 'font-weight': r.head ? 'bold' : 'normal' }, r.text),
      );
    });
    append(mapG, legend);
  }

  if (options.inset) {
    const drawing = southChinaSeaInset({ atlas, theme, lang, width: 110 });
    const g = svgEl('g', { transform: `translate(${w - drawing.width - 10},${h - drawing.height - 10})` });
    for (const p of drawing.paths) {
      if (p.d)
        append(g, svgEl('path', { d: p.d, fill: p.fill, stroke: p.stroke, 'stroke-width': p.strokeWidth }));
    }
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
  append(
    svg,
    svgEl('text', { x: pad, y: y + h + 18, 'font-size': 12, fill: theme.panel.muted }, sourceLine(spec)),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(svg)}\n`;
}

/** The line under a figure: its source (when given) and the note that it is a schematic map. */
export function sourceLine(spec: Pick<MapSpec, 'source' | 'lang'>): string {
  const lang = spec.lang;
  return `${spec.source ? `${labelled(uiWord('source', lang), lang)}${spec.source} · ` : ''}${uiWord('review', lang)}`;
}

/**
 * The figure on `map` as an SVG document (a Blob of type `image/svg+xml`): {@link svgDocument} with the
 * map's canvas size and view.
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
    layerSets: handles.map((hd) => hd.layerSet),
    atlas,
    inset: options.inset,
  });
  return new Blob([text], { type: 'image/svg+xml' });
}
