/**
 * Paint first, then interact: the embed draws its MapLibre style as a static SVG the moment the data is
 * parsed (no WebGL, no maplibre-gl script, no worker), and MapLibre takes over under it without a jump:
 * both use one camera (the same centre and zoom, Web Mercator with 512-pixel tiles), the same style and
 * the same features. The SVG stays in the figure for print (`@media print`) and is the figure a reader
 * without WebGL keeps.
 *
 * ```
 *  data parsed ─▶ style (baseStyle + overlays) ─▶ styleSvg() ─▶ <svg> in the map box  (first frame)
 *                                   └──────────▶ maplibregl.Map({ center, zoom }) ─▶ idle ─▶ SVG hidden
 * ```
 *
 * The SVG renderer draws what quyu's styles use: background, fill (colour and opacity), line (colour,
 * width, opacity, dashes), circle, and symbol text at point features (colour, halo, size, placed greedily
 * without overlap in MapLibre's order: top layer first, then `symbol-sort-key`; `text-variable-anchor` and
 * `text-radial-offset` as MapLibre tries them). Icons and fill patterns
 * are left to MapLibre. Expressions: literals, `get`, `has`, `zoom`, `step`, `interpolate` (linear,
 * exponential), `match`, `case`, `coalesce`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `!`, `all`, `any`, `in`,
 * `literal`, `to-string`, `to-number`, `geometry-type`, `concat`, `+`, `-`, `*`, `/`.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { type Box, geometryBox } from '../maplibre/style/scope.ts';
import { approxTextWidth, type LabelCandidate, placeLabel, type ScreenBox } from './label-placement.ts';

/** A camera both the static figure and MapLibre use. */
export interface Camera {
  center: [number, number];
  zoom: number;
}

const TILE = 512;
/** Pixels around the view within which features are drawn (wide lines and halos reach in). */
const VIEW_MARGIN = 16;
const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const unmercY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * Metres on the ground per CSS pixel at latitude `lat` (degrees) and `zoom`, in Web Mercator with 512-pixel
 * tiles as MapLibre draws it: the scale bars of the exports, and the overview files' simplification.
 *
 * @example
 * ```ts
 * metresPerPixel(0, 0); // 78271.5…: the equator's 40,075 km over 512 pixels
 * metresPerPixel(23, 5); // 2251.5…: a pixel of Guangdong at zoom 5
 * ```
 */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (TILE * 2 ** zoom);
}

/** Padding in CSS pixels: the same on every side, or per side (as MapLibre's `fitBounds` takes it). */
export type Padding = number | { top: number; bottom: number; left: number; right: number };

/**
 * The camera that fits `bounds` into a `width` × `height` map with `padding` pixels (on every side, or per
 * side), as MapLibre's `fitBounds` computes it (Web Mercator, 512-pixel tiles, no rotation): the view's
 * zoom fits the box into the padded area, and the box's centre sits at the padded area's centre.
 *
 * @example
 * ```ts
 * cameraFor([109.6, 20.2, 117.3, 25.5], 800, 600, 20); // { center: [113.45, 22.87…], zoom: 6.5… }
 * cameraFor([109.6, 20.2, 117.3, 25.5], 800, 600, { top: 20, bottom: 20, left: 220, right: 20 }); // room for a legend on the left
 * ```
 */
export function cameraFor(bounds: Box, width: number, height: number, padding: Padding = 20): Camera {
  const p =
    typeof padding === 'number' ? { top: padding, bottom: padding, left: padding, right: padding } : padding;
  const x0 = mercX(bounds[0]);
  const x1 = mercX(bounds[2]);
  const y0 = mercY(bounds[3]);
  const y1 = mercY(bounds[1]);
  const scale = Math.min(
    Math.max(1, width - p.left - p.right) / ((x1 - x0) * TILE),
    Math.max(1, height - p.top - p.bottom) / ((y1 - y0) * TILE),
  );
  // The box's centre lies at the padded area's centre: the map's centre is offset by half the difference.
  const cx = (x0 + x1) / 2 + (p.right - p.left) / 2 / (scale * TILE);
  const cy = (y0 + y1) / 2 + (p.bottom - p.top) / 2 / (scale * TILE);
  return { center: [cx * 360 - 180, unmercY(cy)], zoom: Math.log2(scale) };
}

/**
 * The box `[west, south, east, north]` a `width` × `height` map shows at `camera` (Web Mercator, 512-pixel
 * tiles, no rotation): what a style must hold for the view to show no edge of its data.
 *
 * @example
 * ```ts
 * const camera = cameraFor([109.6, 20.2, 117.3, 25.5], 343, 560, 14);
 * viewBounds(camera, 343, 560); // [109.3…, 16.4…, 117.6…, 29.1…]: an upright phone shows far more north and south
 * ```
 */
export function viewBounds(camera: Camera, width: number, height: number): Box {
  const scale = 2 ** camera.zoom * TILE;
  const cx = mercX(camera.center[0]);
  const cy = mercY(camera.center[1]);
  return [
    (cx - width / 2 / scale) * 360 - 180,
    unmercY(cy + height / 2 / scale),
    (cx + width / 2 / scale) * 360 - 180,
    unmercY(cy - height / 2 / scale),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Expressions: the subset quyu's styles use.
type Ctx = { f: Feature; zoom: number };

function evaluate(e: unknown, c: Ctx): unknown {
  if (!Array.isArray(e)) return e;
  const [op, ...a] = e as [string, ...unknown[]];
  const ev = (x: unknown) => evaluate(x, c);
  const props = (c.f.properties ?? {}) as Record<string, unknown>;
  switch (op) {
    case 'literal':
      return a[0];
    case 'get':
      return props[String(ev(a[0]))];
    case 'has':
      return String(ev(a[0])) in props;
    case 'zoom':
      return c.zoom;
    case 'geometry-type': {
      const t = c.f.geometry?.type ?? '';
      return t.replace(/^Multi/, '');
    }
    case 'to-string': {
      const v = ev(a[0]);
      return v === null || v === undefined ? '' : String(v);
    }
    case 'to-number':
      return Number(ev(a[0]));
    case 'concat':
      return a.map((x) => String(ev(x) ?? '')).join('');
    case '+':
    case '*': {
      const v = a.map((x) => ev(x));
      if (!v.every((x) => typeof x === 'number')) return undefined;
      return (v as number[]).reduce((p, q) => (op === '+' ? p + q : p * q), op === '+' ? 0 : 1);
    }
    case '-':
    case '/': {
      const x = ev(a[0]);
      const y = a.length > 1 ? ev(a[1]) : undefined;
      if (typeof x !== 'number') return undefined;
      if (a.length === 1) return op === '-' ? -x : undefined;
      if (typeof y !== 'number') return undefined;
      return op === '-' ? x - y : x / y;
    }
    case '!':
      return !ev(a[0]);
    case 'all':
      return a.every((x) => ev(x));
    case 'any':
      return a.some((x) => ev(x));
    case '==':
      return ev(a[0]) === ev(a[1]);
    case '!=':
      return ev(a[0]) !== ev(a[1]);
    case '<':
      return (ev(a[0]) as number) < (ev(a[1]) as number);
    case '<=':
      return (ev(a[0]) as number) <= (ev(a[1]) as number);
    case '>':
      return (ev(a[0]) as number) > (ev(a[1]) as number);
    case '>=':
      return (ev(a[0]) as number) >= (ev(a[1]) as number);
    case 'in': {
      const hay = ev(a[1]);
      const needle = ev(a[0]);
      return Array.isArray(hay) ? hay.includes(needle) : String(hay).includes(String(needle));
    }
    case 'coalesce':
      for (const x of a) {
        const v = ev(x);
        if (v !== null && v !== undefined) return v;
      }
      return null;
    case 'case':
      for (let i = 0; i + 1 < a.length; i += 2) if (ev(a[i])) return ev(a[i + 1]);
      return ev(a.at(-1));
    case 'match': {
      const v = ev(a[0]);
      for (let i = 1; i + 1 < a.length - 1; i += 2) {
        const label = a[i];
        if (Array.isArray(label) ? label.includes(v) : label === v) return ev(a[i + 1]);
      }
      return ev(a.at(-1));
    }
    case 'step': {
      const v = ev(a[0]) as number;
      let out = ev(a[1]);
      for (let i = 2; i + 1 < a.length; i += 2) if (v >= (a[i] as number)) out = ev(a[i + 1]);
      return out;
    }
    case 'interpolate': {
      const kind = a[0] as [string, number?];
      const v = ev(a[1]) as number;
      const stops = a.slice(2);
      if (v <= (stops[0] as number)) return ev(stops[1]);
      for (let i = 0; i + 3 < stops.length; i += 2) {
        const x0 = stops[i] as number;
        const x1 = stops[i + 2] as number;
        if (v > x1) continue;
        const base = kind[0] === 'exponential' ? (kind[1] ?? 1) : 1;
        const t = base === 1 ? (v - x0) / (x1 - x0) : (base ** (v - x0) - 1) / (base ** (x1 - x0) - 1);
        const y0 = ev(stops[i + 1]);
        const y1 = ev(stops[i + 3]);
        return typeof y0 === 'number' && typeof y1 === 'number' ? y0 + t * (y1 - y0) : t < 0.5 ? y0 : y1;
      }
      return ev(stops.at(-1));
    }
    default:
      // An array that is not an expression (a dash array, a font stack) is a value.
      return typeof op === 'string' && /^([a-z][a-z-]*|[%^<>=!]+)$/.test(op) ? undefined : e;
  }
}

/**
 * The value of a style property (a literal or an expression of the subset quyu's styles use) for `feature`
 * at `zoom`; undefined for an expression outside that subset.
 *
 * @example
 * ```ts
 * const city = geojson.features[0]!; // properties { offset: 0.8, … }
 * styleValue(['interpolate', ['linear'], ['zoom'], 4, 10, 6, 12], city, 5); // 11 (a text size at zoom 5)
 * styleValue(['get', 'offset'], city, 5); // 0.8
 * ```
 */
export function styleValue(value: unknown, feature: Feature, zoom: number): unknown {
  return evaluate(value, { f: feature, zoom });
}

/**
 * Where a symbol layer puts a feature's text relative to its point, at `zoom`: the anchors MapLibre tries
 * (`text-variable-anchor`, else `text-anchor`) and the offsets that move the text off the point
 * (`text-radial-offset`, `text-offset`, in ems), as {@link placeLabel} reads them.
 *
 * @example
 * ```ts
 * const layout = { 'text-variable-anchor': ['left', 'right'], 'text-radial-offset': 0.7 };
 * labelAnchoring(layout, geojson.features[0]!, 6); // { anchors: ['left', 'right'], variable: true, radialOffset: 0.7 }
 * ```
 */
export function labelAnchoring(
  layout: Record<string, unknown> | undefined,
  feature: Feature,
  zoom: number,
): Pick<LabelCandidate, 'anchors' | 'variable' | 'radialOffset' | 'offset'> {
  const value = (key: string) => evaluate(layout?.[key], { f: feature, zoom });
  // text-variable-anchor is a literal list (not an expression): read as written.
  const variable = layout?.['text-variable-anchor'];
  const anchor = value('text-anchor');
  const radial = value('text-radial-offset');
  const offset = value('text-offset');
  return {
    ...(Array.isArray(variable) && variable.length
      ? { anchors: variable.map(String), variable: true }
      : typeof anchor === 'string'
        ? { anchors: [anchor] }
        : {}),
    ...(typeof radial === 'number' && Number.isFinite(radial) ? { radialOffset: radial } : {}),
    ...(Array.isArray(offset) && offset.length === 2 && offset.every((v) => typeof v === 'number')
      ? { offset: [offset[0], offset[1]] as [number, number] }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// SVG text, escaped.
const escapeXml = (v: string) =>
  v.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
const attr = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);

/** Options of {@link styleSvg}. */
export interface StyleSvgOptions {
  width: number;
  height: number;
  camera: Camera;
  /** Accessible name of the figure (`aria-label`). */
  label?: string;
}

/**
 * A MapLibre style with inline GeoJSON sources (quyu's `baseStyle` plus layer sets) drawn as an SVG
 * document of `width` × `height` CSS pixels at `camera`: the static first frame of a figure. Every text
 * is escaped.
 *
 * @example
 * ```ts
 * const camera = cameraFor([109.6, 20.2, 117.3, 25.5], 800, 600);
 * const svg = styleSvg(baseStyle({ atlas, focus: { codes: ['440000'] } }), { width: 800, height: 600, camera });
 * ```
 */
export function styleSvg(style: StyleSpecification, options: StyleSvgOptions): string {
  const { width: w, height: h, camera } = options;
  const zoom = camera.zoom;
  const world = TILE * 2 ** zoom;
  const cx = mercX(camera.center[0]) * world - w / 2;
  const cy = mercY(camera.center[1]) * world - h / 2;
  const project = (p: Position): [number, number] => [mercX(p[0]!) * world - cx, mercY(p[1]!) * world - cy];
  // Outcode of a point against the view grown by VIEW_MARGIN (Cohen–Sutherland): 0 inside.
  const outcode = (x: number, y: number) =>
    (x < -VIEW_MARGIN ? 1 : x > w + VIEW_MARGIN ? 2 : 0) |
    (y < -VIEW_MARGIN ? 4 : y > h + VIEW_MARGIN ? 8 : 0);
  // Half pixels, and a vertex within a pixel of the last one is left out (MapLibre, which takes over,
  // simplifies by a pixel too: GEOJSON_TILING).
  //  - area: a closed ring, left out when it lies wholly outside the view;
  //  - stroke: the segments that can reach the view (a segment whose two ends lie beyond the same side of
  //    the view cannot), as open subpaths; a polygon's ring is stroked closed.
  const ring = (r: Position[], kind: 'area' | 'stroke', closed: boolean) => {
    let d = '';
    let px = Number.NaN;
    let py = Number.NaN;
    let pcode = 0;
    let move = true;
    let inside = false;
    const n = r.length;
    for (let i = 0; i <= n; i++) {
      if (i === n && !(kind === 'stroke' && closed)) break;
      const p = r[i === n ? 0 : i]!;
      const x = Math.round((mercX(p[0]!) * world - cx) * 2) / 2;
      const y = Math.round((mercY(p[1]!) * world - cy) * 2) / 2;
      if (Math.abs(x - px) < 1 && Math.abs(y - py) < 1) continue;
      const code = outcode(x, y);
      if (kind === 'area') {
        d += `${d ? 'L' : 'M'}${x} ${y}`;
        if (!code) inside = true;
      } else if (!Number.isNaN(px) && !(pcode & code)) {
        if (move) d += `M${px} ${py}`;
        d += `L${x} ${y}`;
        move = false;
      } else move = true;
      px = x;
      py = y;
      pcode = code;
    }
    if (kind === 'stroke') return d;
    // A ring with no vertex in the view can still cover it (a province around the whole view): its box decides.
    return d && (inside || ringMeetsView(r)) ? `${d}Z` : '';
  };
  const ringMeetsView = (r: Position[]) => {
    const box = geometryBox({ type: 'LineString', coordinates: r });
    if (!box) return false;
    const [x0, y1] = project([box[0], box[1]]);
    const [x1, y0] = project([box[2], box[3]]);
    return x1 >= -VIEW_MARGIN && x0 <= w + VIEW_MARGIN && y1 >= -VIEW_MARGIN && y0 <= h + VIEW_MARGIN;
  };
  // A feature's path is drawn by several layers (fill and outline, casing and line): computed once per kind.
  const paths = { area: new WeakMap<Geometry, string>(), stroke: new WeakMap<Geometry, string>() };
  const pathOf = (g: Geometry | null, kind: 'area' | 'stroke'): string => {
    if (!g) return '';
    let d = paths[kind].get(g);
    if (d === undefined) {
      d = geometryPath(g, kind);
      paths[kind].set(g, d);
    }
    return d;
  };
  const geometryPath = (g: Geometry, kind: 'area' | 'stroke'): string => {
    switch (g.type) {
      case 'Polygon':
        return g.coordinates.map((r) => ring(r, kind, true)).join('');
      case 'MultiPolygon':
        return g.coordinates.flatMap((p) => p.map((r) => ring(r, kind, true))).join('');
      case 'LineString':
        return kind === 'stroke' ? ring(g.coordinates, kind, false) : '';
      case 'MultiLineString':
        return kind === 'stroke' ? g.coordinates.map((r) => ring(r, kind, false)).join('') : '';
      default:
        return '';
    }
  };
  const featuresOf = (layer: LayerSpecification): Feature[] => {
    const id = (layer as { source?: string }).source;
    const data = id ? (style.sources[id] as { data?: unknown } | undefined)?.data : undefined;
    return data && typeof data === 'object' && 'features' in data ? (data as FeatureCollection).features : [];
  };
  const visible = (layer: LayerSpecification) =>
    (layer.layout as { visibility?: string } | undefined)?.visibility !== 'none' &&
    zoom >= (layer.minzoom ?? 0) &&
    zoom < (layer.maxzoom ?? 99);
  const passes = (layer: LayerSpecification, f: Feature) => {
    const filter = (layer as { filter?: unknown }).filter;
    return filter === undefined || Boolean(evaluate(filter, { f, zoom }));
  };
  const prop = (layer: LayerSpecification, group: 'paint' | 'layout', key: string, f: Feature) =>
    evaluate((layer[group] as Record<string, unknown> | undefined)?.[key], { f, zoom });

  // Features wholly outside the view are not drawn (a base map holds the whole country's outlines).
  const inView = new WeakMap<Feature, boolean>();
  const visibleFeature = (f: Feature) => {
    let seen = inView.get(f);
    if (seen === undefined) {
      const box = geometryBox(f.geometry);
      if (box) {
        const [x0, y1] = project([box[0], box[1]]);
        const [x1, y0] = project([box[2], box[3]]);
        seen = x1 >= -VIEW_MARGIN && x0 <= w + VIEW_MARGIN && y1 >= -VIEW_MARGIN && y0 <= h + VIEW_MARGIN;
      } else seen = false;
      inView.set(f, seen);
    }
    return seen;
  };

  const body: string[] = [];
  const labels: { layer: LayerSpecification; order: number }[] = [];
  style.layers.forEach((layer, order) => {
    if (!visible(layer)) return;
    const paint = (layer.paint ?? {}) as Record<string, unknown>;
    if (layer.type === 'background') {
      body.push(`<rect${attr({ width: w, height: h, fill: str(paint['background-color'], '#fff') })}/>`);
      return;
    }
    if (layer.type === 'symbol') {
      labels.push({ layer, order });
      return;
    }
    const parts: string[] = [];
    for (const f of featuresOf(layer)) {
      if (!visibleFeature(f) || !passes(layer, f)) continue;
      if (layer.type === 'fill') {
        if (paint['fill-pattern'] !== undefined && paint['fill-color'] === undefined) continue;
        const d = pathOf(f.geometry, 'area');
        if (!d) continue;
        parts.push(
          `<path${attr({
            d,
            fill: str(prop(layer, 'paint', 'fill-color', f), '#000'),
            'fill-opacity': num(prop(layer, 'paint', 'fill-opacity', f), 1),
            'fill-rule': 'evenodd',
          })}/>`,
        );
      } else if (layer.type === 'line') {
        const d = pathOf(f.geometry, 'stroke');
        if (!d) continue;
        const width = num(prop(layer, 'paint', 'line-width', f), 1);
        const dash = prop(layer, 'paint', 'line-dasharray', f);
        parts.push(
          `<path${attr({
            d,
            fill: 'none',
            stroke: str(prop(layer, 'paint', 'line-color', f), '#000'),
            'stroke-width': width.toFixed(2),
            'stroke-opacity': num(prop(layer, 'paint', 'line-opacity', f), 1),
            'stroke-linejoin': 'round',
            'stroke-dasharray': Array.isArray(dash)
              ? dash.map((v) => (Number(v) * width).toFixed(1)).join(' ')
              : undefined,
          })}/>`,
        );
      } else if (layer.type === 'circle' && f.geometry?.type === 'Point') {
        const [x, y] = project(f.geometry.coordinates);
        parts.push(
          `<circle${attr({
            cx: x.toFixed(1),
            cy: y.toFixed(1),
            r: num(prop(layer, 'paint', 'circle-radius', f), 5),
            fill: str(prop(layer, 'paint', 'circle-color', f), '#000'),
            'fill-opacity': num(prop(layer, 'paint', 'circle-opacity', f), 1),
            stroke: str(prop(layer, 'paint', 'circle-stroke-color', f), 'none'),
            'stroke-width': num(prop(layer, 'paint', 'circle-stroke-width', f), 0),
          })}/>`,
        );
      }
    }
    if (parts.length) body.push(`<g>${parts.join('')}</g>`);
  });

  // Labels: MapLibre places the top layer first, and within a layer by symbol-sort-key; a label that would
  // overlap one already placed is left out.
  const placed: ScreenBox[] = [];
  const texts: string[][] = labels.map(() => []);
  [...labels].reverse().forEach(({ layer }) => {
    const slot = texts[labels.findIndex((l) => l.layer === layer)]!;
    const candidates = featuresOf(layer)
      .filter((f) => f.geometry?.type === 'Point' && passes(layer, f))
      .map((f, i) => ({ f, i, key: num(prop(layer, 'layout', 'symbol-sort-key', f), 0) }))
      .sort((a, b) => a.key - b.key || a.i - b.i);
    const font = prop(layer, 'layout', 'text-font', candidates[0]?.f ?? ({} as Feature));
    const family = Array.isArray(font)
      ? font.map((x) => String(x).replace(/ (Bold|Regular)$/, '')).join(', ')
      : '';
    const bold = Array.isArray(font) && font.some((x) => / Bold$/.test(String(x)));
    const padding = num((layer.layout as Record<string, unknown> | undefined)?.['text-padding'], 2);
    for (const { f } of candidates) {
      const text = prop(layer, 'layout', 'text-field', f);
      if (typeof text !== 'string' || !text) continue;
      const size = num(prop(layer, 'layout', 'text-size', f), 12);
      // text-letter-spacing (ems) widens the text by one spacing per character (南 海).
      const spacing = num(prop(layer, 'layout', 'text-letter-spacing', f), 0) * size;
      const [px, py] = project((f.geometry as { coordinates: Position }).coordinates);
      const found = placeLabel(
        placed,
        {
          x: px,
          y: py,
          width: approxTextWidth(text, size) + spacing * Math.max(0, [...text].length - 1),
          size,
          ...labelAnchoring(layer.layout as Record<string, unknown> | undefined, f, zoom),
          padding,
          allowOverlap: Boolean(prop(layer, 'layout', 'text-allow-overlap', f)),
        },
        w,
        h,
      );
      if (!found) continue;
      const { x, y } = found;
      const halo = prop(layer, 'paint', 'text-halo-color', f);
      const haloWidth = num(prop(layer, 'paint', 'text-halo-width', f), 0);
      slot.push(
        `<text${attr({
          x: x.toFixed(1),
          y: y.toFixed(1),
          'font-size': size.toFixed(1),
          'font-family': family,
          'font-weight': bold ? 'bold' : undefined,
          fill: str(prop(layer, 'paint', 'text-color', f), '#000'),
          stroke: typeof halo === 'string' && haloWidth ? halo : undefined,
          'stroke-width': haloWidth ? (haloWidth * 2).toFixed(1) : undefined,
          'paint-order': 'stroke',
          'stroke-linejoin': 'round',
          'letter-spacing': spacing ? spacing.toFixed(1) : undefined,
        })}>${escapeXml(text)}</text>`,
      );
    }
  });
  const labelGroup = `<g text-anchor="middle" dominant-baseline="central">${texts.flat().join('')}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg"${attr({
    width: w,
    height: h,
    viewBox: `0 0 ${w} ${h}`,
    role: 'img',
    'aria-label': options.label,
  })}>${body.join('')}${labelGroup}</svg>`;
}

// ---------------------------------------------------------------------------------------------------------

/** The static first frame in a map box, and the hand-over to MapLibre. */
export interface FirstPaint {
  /** The camera to give MapLibre (`new Map({ center, zoom })`): the one the static frame was drawn at. */
  camera: Camera;
  /** The element holding the static frame (kept for print; hidden on screen once MapLibre has drawn). */
  element: HTMLElement;
  /**
   * Hides the static frame once `map` has drawn its first complete frame (its first `idle`). Until then
   * MapLibre's frames are under the static frame, and only the complete one is drawn (see
   * {@link drawCompleteFrameOnly}).
   */
  handOver(map: HandOverMap): void;
}

/**
 * What {@link FirstPaint.handOver} uses of a MapLibre map: its public `once`, `loaded` and `triggerRepaint`,
 * and, where present, the renderer it calls for each frame (`painter.render`, MapLibre 5 and 6) with the
 * flags that say another frame follows (`_sourcesDirty`, `_styleDirty`, `_placementDirty`). Without them
 * every frame is drawn, as MapLibre does by itself.
 */
export interface HandOverMap {
  once(type: 'idle' | 'error', listener: () => void): unknown;
  off?(type: 'error', listener: () => void): unknown;
  loaded?(): boolean;
  triggerRepaint?(): void;
}

/** After this long without a complete frame, MapLibre draws every frame again. */
const HAND_OVER_TIMEOUT_MS = 5000;

/**
 * Draws only MapLibre's complete frame while the static frame covers the map. As a map loads, MapLibre
 * renders a frame each time a tile, a source or a step of label placement arrives (eight for the
 * Guangdong figure); under the static frame none of them can be seen, yet each is a full WebGL draw (about
 * 50–100 ms each in a software renderer, measured in headless Chromium with SwiftShader) competing with the
 * loading itself. This lets through the first frame after which MapLibre has nothing left to load or place
 * (the frame its `idle` follows), then every frame again; also after an `error` or
 * {@link HAND_OVER_TIMEOUT_MS}, so that a map never stays undrawn. Returns a function that restores drawing.
 */
export function drawCompleteFrameOnly(map: HandOverMap): () => void {
  const internal = map as HandOverMap & {
    painter?: { render?: (...args: unknown[]) => unknown };
    _sourcesDirty?: boolean;
    _styleDirty?: boolean;
    _placementDirty?: boolean;
  };
  const painter = internal.painter;
  const render = painter?.render;
  if (!painter || typeof render !== 'function' || typeof map.loaded !== 'function') return () => {};
  let done = false;
  const restore = () => {
    if (done) return;
    done = true;
    painter.render = render;
    clearTimeout(timer);
  };
  const complete = () =>
    map.loaded?.() === true && !internal._sourcesDirty && !internal._styleDirty && !internal._placementDirty;
  painter.render = function (this: unknown, ...args: unknown[]) {
    if (!complete()) return undefined;
    restore();
    return render.apply(painter, args);
  };
  const timer = setTimeout(() => {
    restore();
    map.triggerRepaint?.();
  }, HAND_OVER_TIMEOUT_MS);
  const onError = () => {
    restore();
    map.triggerRepaint?.();
  };
  map.once('idle', () => {
    restore();
    // The error listener goes with the gate: a listener left on the map would keep MapLibre from
    // reporting later errors itself.
    map.off?.('error', onError);
  });
  map.once('error', onError);
  return restore;
}

/** Options of {@link paintFirst}. */
export interface PaintFirstOptions {
  /** The view, fitted like MapLibre's `fitBounds` with `padding`. */
  bounds: Box;
  /** Padding in CSS pixels around `bounds`. Default 20. */
  padding?: Padding;
  /** Accessible name of the static figure. */
  label?: string;
}

/**
 * Draws `style` as a static SVG into `mapBox` at once (before maplibre-gl has loaded), fitted to `bounds`,
 * and returns the camera MapLibre must use for the same view. Marks `performance.mark('quyu-first-paint')`
 * and dispatches a `quyu-first-paint` event from `mapBox` (bubbling, composed).
 *
 * @example
 * ```ts
 * const mapBox = document.querySelector<HTMLElement>('#figure')!;
 * const style = baseStyle({ atlas, focus: { codes: ['440000'] } });
 * const first = paintFirst(mapBox, style, { bounds: [109.6, 20.2, 117.3, 25.5] });
 * const map = new maplibregl.Map({ container: mapBox, style, ...first.camera });
 * first.handOver(map);
 * ```
 */
export function paintFirst(
  mapBox: HTMLElement,
  style: StyleSpecification,
  options: PaintFirstOptions,
): FirstPaint {
  const width = Math.max(1, Math.round(mapBox.clientWidth));
  const height = Math.max(1, Math.round(mapBox.clientHeight));
  const camera = cameraFor(options.bounds, width, height, options.padding ?? 20);
  const svg = styleSvg(style, { width, height, camera, label: options.label });
  const element = document.createElement('div');
  element.className = 'quyu-first-paint';
  // Every value and text in `svg` is escaped (styleSvg), and its element and attribute names are fixed: the
  // HTML parser reads it as inert SVG, ten times faster than DOMParser's XML parser (1.4 ms against 10 ms
  // for the Guangdong figure's 290 KB in headless Chromium).
  element.innerHTML = svg;
  mapBox.append(element);
  performance.mark?.('quyu-first-paint');
  // For the page: the figure is drawn (e.g. to hide a placeholder, or to time it). Crosses shadow roots.
  mapBox.dispatchEvent(new CustomEvent('quyu-first-paint', { bubbles: true, composed: true }));
  return {
    camera,
    element,
    handOver(map) {
      drawCompleteFrameOnly(map);
      map.once('idle', () => {
        element.classList.add('quyu-first-paint-done');
        performance.mark?.('quyu-interactive');
      });
    },
  };
}

/**
 * The province whose region file (`data/regions/<code>.json`: its units whole, the provinces touching it
 * whole, the rest as outlines; see data/README.md) a figure can load instead of a national file: the one
 * province every focus code lies in. Undefined otherwise: use the national file.
 *
 * @example
 * ```ts
 * regionProvince(['440000']); // '440000': load data/regions/440000.json
 * regionProvince(['440100', '510100']); // undefined
 * ```
 */
export function regionProvince(codes: readonly string[]): string | undefined {
  const provinces = new Set(codes.map((c) => String(c).slice(0, 2)));
  if (provinces.size !== 1 || !codes.every((c) => /^\d{6}$/.test(String(c)))) return undefined;
  return `${[...provinces][0]}0000`;
}
