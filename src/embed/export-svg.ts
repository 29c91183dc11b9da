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
import { resolveTheme } from '../maplibre/support/layer-set.ts';
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

/** d3-geo draws the smaller area of a ring that runs clockwise; RFC 7946 exteriors run counter-clockwise. */
function forD3(geometry: Geometry): Geometry {
  const flip = (rings: Position[][]) => rings.map((r) => [...r].reverse());
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: flip(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(flip) };
  return geometry;
}

function svgEl(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  text?: string,
): SVGElement {
  const e = document.createElementNS(NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The figure as an SVG document (a Blob of type `image/svg+xml`).
 *
 * @example
 * ```ts
 * const svg = await exportSvg({ map, spec, handles, atlas, inset: true });
 * ```
 */
export async function exportSvg(options: SvgExportOptions): Promise<Blob> {
  const { map, spec, handles, atlas } = options;
  const theme = resolveTheme(spec.theme);
  const lang = spec.lang;
  const font = theme.font.map((f) => f.replace(/ (Bold|Regular)$/, '')).join(', ');
  const canvas = map.getCanvas();
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  const pad = 16;
  const headH = (spec.title ? 28 : 0) + (spec.subtitle ? 20 : 0) + (spec.title || spec.subtitle ? 8 : 0);
  const footH = 28;
  const width = w + 2 * pad;
  const height = pad + headH + h + footH;

  const b = map.getBounds();
  const frame: Feature = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [b.getWest(), b.getSouth()],
        [b.getEast(), b.getNorth()],
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
  const path = geoPath(projection);
  const d = (g: Geometry | null) => (g ? (path(forD3(g)) ?? '') : '');

  const svg = svgEl('svg', {
    xmlns: NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': font,
  });
  svg.append(svgEl('rect', { width, height, fill: theme.panel.background }));
  let y = pad;
  if (spec.title) {
    svg.append(
      svgEl(
        'text',
        { x: pad, y: y + 20, 'font-size': 20, 'font-weight': 'bold', fill: theme.panel.text },
        spec.title,
      ),
    );
    y += 28;
  }
  if (spec.subtitle) {
    svg.append(svgEl('text', { x: pad, y: y + 14, 'font-size': 14, fill: theme.panel.muted }, spec.subtitle));
    y += 20;
  }
  if (spec.title || spec.subtitle) y += 8;

  const mapG = svgEl('g', { transform: `translate(${pad},${y})` });
  const clip = svgEl('clipPath', { id: 'quyu-map-clip' });
  clip.append(svgEl('rect', { width: w, height: h }));
  const defs = svgEl('defs');
  defs.append(clip);
  svg.append(defs);
  mapG.setAttribute('clip-path', 'url(#quyu-map-clip)');
  mapG.append(svgEl('rect', { width: w, height: h, fill: theme.sea }));
  const layer = (fc: FeatureCollection, attrs: Record<string, string | number>) => {
    const g = svgEl('g', attrs);
    for (const f of fc.features) {
      if (!f.geometry) continue;
      // Only what the view shows: a feature wholly outside the frame is left out of the file.
      const [[x0, y0], [x1, y1]] = path.bounds(forD3(f.geometry));
      if (x1 < 0 || y1 < 0 || x0 > w || y0 > h) continue;
      const dd = d(f.geometry);
      if (dd) g.append(svgEl('path', { d: dd }));
    }
    mapG.append(g);
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
  const features = handles.flatMap((hd) =>
    Object.values(hd.layerSet.sources).flatMap((s) =>
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
      areas.append(
        svgEl('path', {
          d: d(g),
          fill: colorOf(f),
          'fill-opacity': weak(f) ? 0.2 : 0.35,
          stroke: colorOf(f),
          ...dash,
        }),
      );
    } else if (g.type === 'LineString' || g.type === 'MultiLineString') {
      lines.append(
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
      points.append(
        svgEl('circle', {
          cx: p[0].toFixed(1),
          cy: p[1].toFixed(1),
          r: 3.5,
          fill: colorOf(f),
          'fill-opacity': weak(f) ? 0.45 : 1,
          stroke: '#fff',
        }),
      );
      const label = (f.properties as { label?: unknown } | null)?.label;
      if (typeof label === 'string' && label) {
        labels.append(svgEl('text', { x: p[0].toFixed(1), y: (p[1] - 6).toFixed(1) }, label));
      }
    }
  }
  mapG.append(areas, lines, points, labels);

  // Legend: top-left over the map, as on screen.
  if (spec.legend) {
    const sections = handles.flatMap((hd) => hd.layerSet.legend);
    const legend = svgEl('g', { transform: 'translate(10,10)', 'font-size': 11, fill: theme.panel.text });
    const rows: { text: string; color?: string; head?: boolean }[] = [];
    for (const s of sections) {
      rows.push({ text: s.title, head: true });
      for (const e of s.entries.slice(0, 8)) {
        const sw = e.swatch as { color?: string } | undefined;
        rows.push({ text: e.label, color: sw?.color });
      }
    }
    const shown = rows.slice(0, Math.floor((h - 30) / 15));
    legend.append(
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
      if (r.color) legend.append(svgEl('rect', { x: 8, y: ty - 9, width: 14, height: 9, fill: r.color }));
      legend.append(
        svgEl('text', { x: r.color ? 28 : 8, y: ty, 'font-weight': r.head ? 'bold' : 'normal' }, r.text),
      );
    });
    mapG.append(legend);
  }

  if (options.inset) {
    const drawing = southChinaSeaInset({ atlas, theme, lang, width: 110 });
    const g = svgEl('g', { transform: `translate(${w - drawing.width - 10},${h - drawing.height - 10})` });
    for (const p of drawing.paths) {
      if (p.d)
        g.append(svgEl('path', { d: p.d, fill: p.fill, stroke: p.stroke, 'stroke-width': p.strokeWidth }));
    }
    g.append(
      svgEl('rect', { width: drawing.width, height: drawing.height, fill: 'none', stroke: drawing.frame }),
    );
    g.append(
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
    mapG.append(g);
  }
  svg.append(mapG);

  const source = `${spec.source ? `${lang === 'zh' ? '来源：' : 'Source: '}${spec.source} · ` : ''}${
    lang === 'zh' ? '示意图，无审图号' : 'Schematic map; no map review number'
  }`;
  svg.append(svgEl('text', { x: pad, y: y + h + 18, 'font-size': 12, fill: theme.panel.muted }, source));
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
  return new Blob([text], { type: 'image/svg+xml' });
}
