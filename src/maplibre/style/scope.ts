/**
 * The part of the country a figure looks at: its focus (the units it is about, or a box), the ring around
 * it (neighbouring units, drawn in full detail and named) and the context beyond (coarse: provinces only),
 * cut at the edge of what a view fitted to the focus can show. `baseStyle({ focus })` and the embed's first
 * paint read the same scope, so the static figure and the map draw the same features.
 *
 * ```
 *  ┌──────────── context box: focus box + its larger side on every side (CONTEXT_SHARE) ────────────┐
 *  │   ┌──── ring box: focus box + 15 % ────┐                                                      │
 *  │   │   ┌── focus box ──┐                │   provinces (land, borders, names), neighbours, sea    │
 *  │   │   │ units + names │ units + names  │                                                      │
 *  │   │   └───────────────┘                │                                                      │
 *  │   └────────────────────────────────────┘                                                      │
 *  └──────────────────────────────────────────────────────────────────────────────────────────────┘
 * ```
 * Units reaching into the ring box are drawn whole (a cut would draw the box's edge as a border line);
 * the context is cut at the context box.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** `[west, south, east, north]` in degrees. */
export type Box = [number, number, number, number];

/** What a figure looks at: its units (codes of provinces or finest units) or a box `[west, south, east, north]`. */
export type Focus = { codes: readonly string[] } | { bounds: Box };

/** A resolved scope: the three boxes and the codes of the focus units. */
export interface FigureScope {
  focus: Box;
  ring: Box;
  context: Box;
  /** Codes of the finest units the figure is about (their names are never dropped for context). */
  units: Set<string>;
}

const KM_PER_DEG = 111.32;

/** The ring around the focus: the focus box grown by this share of its larger side on every side. */
export const RING_SHARE = 0.15;
/**
 * The context around the focus: the focus box grown by this share of its larger side on every side, and
 * the reach of the region files (`data/regions/`). A view fitted to a province shows nothing beyond it on
 * phones (343×520 to 375×667 CSS pixels, legend below the map) and on figures 700–1,000 px wide with the
 * legend over the map (tested). Taller figures, and narrower ones with a wide legend over the map, reach
 * further: the embed passes its view (`baseStyle({ view })`, the context then covers it) and draws from
 * the national file when the view leaves the region file's `context`.
 */
export const CONTEXT_SHARE = 1;

/**
 * `box` (`[west, south, east, north]`, degrees) grown on every side by `share` of its larger side,
 * measured in km (so high latitudes are not favoured), and kept within ±180° and ±85°.
 *
 * @example
 * ```ts
 * growBox([109.6, 20.2, 117.3, 25.5], 0.25); // Guangdong's box and a ring of a quarter of its width
 * ```
 */
export function growBox(box: Box, share: number): Box {
  const kx = KM_PER_DEG * Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
  const side = Math.max((box[2] - box[0]) * kx, (box[3] - box[1]) * KM_PER_DEG) * share;
  return [
    Math.max(-180, box[0] - side / kx),
    Math.max(-85, box[1] - side / KM_PER_DEG),
    Math.min(180, box[2] + side / kx),
    Math.min(85, box[3] + side / KM_PER_DEG),
  ];
}

/** Whether two boxes overlap. */
export function boxesMeet(a: Box, b: Box): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** The bounding box of a geometry, or null when it has no coordinates. */
export function geometryBox(g: Geometry | null): Box | null {
  if (!g) return null;
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  // Plain loops per geometry type: this runs over every vertex of a base map before its first frame.
  const points = (ps: readonly Position[]) => {
    for (const p of ps) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  };
  switch (g.type) {
    case 'Point':
      points([g.coordinates]);
      break;
    case 'MultiPoint':
    case 'LineString':
      points(g.coordinates);
      break;
    case 'MultiLineString':
      for (const r of g.coordinates) points(r);
      break;
    // The outer rings bound a polygon: holes lie inside them.
    case 'Polygon':
      if (g.coordinates[0]) points(g.coordinates[0]);
      break;
    case 'MultiPolygon':
      for (const p of g.coordinates) if (p[0]) points(p[0]);
      break;
    case 'GeometryCollection':
      for (const x of g.geometries) {
        const c = geometryBox(x);
        if (c)
          points([
            [c[0], c[1]],
            [c[2], c[3]],
          ]);
      }
      break;
  }
  return Number.isFinite(b[0]) ? b : null;
}

/** Beyond a given view, the context reaches this share of the view's larger side (room for a little panning). */
const VIEW_MARGIN_SHARE = 0.1;

/** The smallest box holding `a` and `b`. */
export function unionBox(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Whether `inner` lies wholly inside `outer`. */
export function boxContains(outer: Box, inner: Box): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/**
 * Resolves a focus against the atlas' units: the focus box is the box of the focus units (a province code
 * stands for its units), or the given box, whose units are those whose label point lies inside it. With a
 * `view` (the box the figure's first view shows), the context also covers the view and a tenth of its
 * larger side around it.
 *
 * @example
 * ```ts
 * const scope = figureScope({ codes: ['440000'] }, atlas.geojson('prefectures'), atlas.geojson('provinces'));
 * scope.units.size; // 21
 * ```
 */
export function figureScope(
  focus: Focus,
  units: FeatureCollection,
  provinces: FeatureCollection,
  view?: Box,
): FigureScope {
  const chosen = new Set<string>();
  let box: Box | null = null;
  const add = (b: Box | null) => {
    if (!b) return;
    box = box ? unionBox(box, b) : b;
  };
  if ('codes' in focus) {
    const wanted = new Set(focus.codes);
    const provincePrefixes = new Set(focus.codes.filter((c) => c.endsWith('0000')).map((c) => c.slice(0, 2)));
    for (const f of units.features) {
      const code = String(f.id);
      if (wanted.has(code) || provincePrefixes.has(code.slice(0, 2))) {
        chosen.add(code);
        add(geometryBox(f.geometry));
      }
    }
    for (const f of provinces.features) if (wanted.has(String(f.id))) add(geometryBox(f.geometry));
  } else {
    box = focus.bounds;
    const [w, s, e, n] = focus.bounds;
    for (const f of units.features) {
      const p = f.properties as { labelX?: number; labelY?: number } | null;
      if (
        p?.labelX !== undefined &&
        p.labelY !== undefined &&
        p.labelX >= w &&
        p.labelX <= e &&
        p.labelY >= s &&
        p.labelY <= n
      )
        chosen.add(String(f.id));
    }
  }
  const focusBox: Box = box ?? [73.4, 17.5, 135.1, 53.6];
  return {
    focus: focusBox,
    ring: growBox(focusBox, RING_SHARE),
    context: view
      ? unionBox(growBox(focusBox, CONTEXT_SHARE), growBox(view, VIEW_MARGIN_SHARE))
      : growBox(focusBox, CONTEXT_SHARE),
    units: chosen,
  };
}

/** Sutherland–Hodgman: a closed ring cut to the box (null when nothing is left). */
function clipRing(ring: Position[], b: Box): Position[] | null {
  let out = ring.slice(0, -1);
  const edges: [(p: Position) => boolean, (a: Position, c: Position) => Position][] = [
    [(p) => p[0]! >= b[0], (a, c) => cut(a, c, 0, b[0])],
    [(p) => p[0]! <= b[2], (a, c) => cut(a, c, 0, b[2])],
    [(p) => p[1]! >= b[1], (a, c) => cut(a, c, 1, b[1])],
    [(p) => p[1]! <= b[3], (a, c) => cut(a, c, 1, b[3])],
  ];
  for (const [inside, at] of edges) {
    if (!out.length) return null;
    const next: Position[] = [];
    for (let i = 0; i < out.length; i++) {
      const cur = out[i]!;
      const prev = out[(i + out.length - 1) % out.length]!;
      if (inside(cur)) {
        if (!inside(prev)) next.push(at(prev, cur));
        next.push(cur);
      } else if (inside(prev)) next.push(at(prev, cur));
    }
    out = next;
  }
  return out.length >= 3 ? [...out, out[0]!] : null;
}

function cut(a: Position, c: Position, axis: 0 | 1, v: number): Position {
  const t = (v - a[axis]!) / (c[axis]! - a[axis]!);
  return axis === 0 ? [v, a[1]! + t * (c[1]! - a[1]!)] : [a[0]! + t * (c[0]! - a[0]!), v];
}

/**
 * The features of `fc` that reach into `box`, whole: for polygons drawn with their outlines, where a cut
 * at the box would be drawn as a straight border line that is not there (the scoped base map's units).
 *
 * @example
 * ```ts
 * featuresInBox(atlas.geojson('prefectures'), [112, 22, 115, 24]).features.length; // units reaching into the box
 * ```
 */
export function featuresInBox<G extends Geometry>(fc: FeatureCollection<G>, box: Box): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => {
      const fb = geometryBox(f.geometry);
      return fb !== null && boxesMeet(fb, box);
    }),
  };
}

/**
 * The features of `fc` that reach into `box`, polygons cut at its edge (a polygon wholly inside is kept as
 * it is; other geometries are kept or left out whole).
 *
 * @example
 * ```ts
 * clipToBox(atlas.geojson('provinces'), [105, 18, 120, 28]).features.length; // the provinces in the box
 * ```
 */
export function clipToBox<G extends Geometry>(fc: FeatureCollection<G>, box: Box): FeatureCollection<G> {
  const features: Feature<G>[] = [];
  for (const f of fc.features) {
    const fb = geometryBox(f.geometry);
    if (!fb || !boxesMeet(fb, box)) continue;
    const inside = boxContains(box, fb);
    const g = f.geometry as Geometry;
    if (inside || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      features.push(f);
      continue;
    }
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const clipped: Position[][][] = [];
    for (const poly of polys) {
      // A part wholly outside the box is left out and one wholly inside kept as it is, without clipping
      // (a coast's islands are most of a country's parts).
      const pb = poly[0] ? geometryBox({ type: 'LineString', coordinates: poly[0] }) : null;
      if (!pb || !boxesMeet(pb, box)) continue;
      if (boxContains(box, pb)) {
        clipped.push(poly);
        continue;
      }
      const outer = clipRing(poly[0]!, box);
      if (!outer) continue;
      const holes = poly.slice(1).map((h) => clipRing(h, box));
      clipped.push([outer, ...holes.filter((h): h is Position[] => h !== null)]);
    }
    if (!clipped.length) continue;
    features.push({ ...f, geometry: { type: 'MultiPolygon', coordinates: clipped } as unknown as G });
  }
  return { type: 'FeatureCollection', features };
}
