/**
 * Where a map label goes in a static drawing (the static first frame, `styleSvg`, and the SVG export,
 * `svgDocument`): MapLibre's rules for one point label, without fonts. Labels are placed greedily in
 * MapLibre's order (the caller's order: top layer first, then `symbol-sort-key`): a label takes the first of
 * its anchors (`text-variable-anchor`, or its one `text-anchor`) whose box is free, its text moved off the
 * point by `text-radial-offset` or `text-offset` (ems), as MapLibre places it.
 */

/** A box on screen, `[x0, y0, x1, y1]` in CSS pixels. */
export type ScreenBox = [number, number, number, number];

/** One label to place: its point on screen and what its layer says. */
export interface LabelCandidate {
  /** The label's point, in CSS pixels. */
  x: number;
  y: number;
  /** Width of the text in CSS pixels ({@link approxTextWidth}). */
  width: number;
  /** Font size (the text's height) in CSS pixels. */
  size: number;
  /** Anchors to try in order (`text-variable-anchor`, or `[text-anchor]`); default `['center']`. */
  anchors?: readonly string[];
  /** `text-radial-offset` in ems: how far the text moves away from the point for a variable anchor. */
  radialOffset?: number;
  /** `text-offset` in ems, `[right, down]`: added for a fixed anchor. */
  offset?: readonly [number, number];
  /** `text-padding` in CSS pixels around the box. Default 2. */
  padding?: number;
  /** `text-allow-overlap`: placed even where it overlaps. */
  allowOverlap?: boolean;
}

/** A placed label: the centre of its text and its box. */
export interface PlacedLabel {
  x: number;
  y: number;
  box: ScreenBox;
  anchor: string;
}

/** Approximate width of text in pixels (no fonts in Node): CJK and full-width characters 1 em, others 0.56 em. */
export function approxTextWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef) ? 1 : c >= 0x41 && c <= 0x5a ? 0.66 : 0.56;
  }
  return w * size;
}

/** MapLibre's `text-line-height` (its default, in ems): the height of a line of text, and of its box. */
const LINE_HEIGHT = 1.2;

/** The centre of the text for `anchor` (the side of the text at the point), moved by `dx`, `dy` pixels. */
function centreFor(c: LabelCandidate, anchor: string, dx: number, dy: number): [number, number] {
  const half = (c.size * LINE_HEIGHT) / 2;
  const x = anchor.includes('left') ? c.x + c.width / 2 : anchor.includes('right') ? c.x - c.width / 2 : c.x;
  const y = anchor.includes('top') ? c.y + half : anchor.includes('bottom') ? c.y - half : c.y;
  return [x + dx, y + dy];
}

/**
 * Places `c` among the boxes already `placed` in a `width` × `height` view: the first anchor whose box lies
 * (partly) in the view and overlaps none of them, or undefined. With `force`, a label no anchor can free
 * takes its first anchor anyway (a name the screen shows is kept in an export). Adds the box to `placed`.
 *
 * @example
 * ```ts
 * const placed: ScreenBox[] = [];
 * placeLabel(placed, { x: 100, y: 100, width: 24, size: 12 }, 800, 600); // centre (100, 100)
 * placeLabel(placed, { x: 104, y: 100, width: 24, size: 12, anchors: ['center', 'left'], radialOffset: 1.5 }, 800, 600);
 * // → anchor 'left': centre (104 + 18 + 12, 100), right of the first label
 * ```
 */
export function placeLabel(
  placed: ScreenBox[],
  c: LabelCandidate,
  width: number,
  height: number,
  force = false,
): PlacedLabel | undefined {
  const anchors = c.anchors?.length ? c.anchors : ['center'];
  const pad = c.padding ?? 2;
  const variable = anchors.length > 1 || c.radialOffset !== undefined;
  let first: PlacedLabel | undefined;
  for (const anchor of anchors) {
    let dx: number;
    let dy: number;
    if (variable) {
      // text-radial-offset: the text moves away from the point on the side of its anchor.
      const r = (c.radialOffset ?? 0) * c.size;
      dx = anchor.includes('left') ? r : anchor.includes('right') ? -r : 0;
      dy = anchor.includes('top') ? r : anchor.includes('bottom') ? -r : 0;
    } else {
      dx = (c.offset?.[0] ?? 0) * c.size;
      dy = (c.offset?.[1] ?? 0) * c.size;
    }
    const [x, y] = centreFor(c, anchor, dx, dy);
    const half = (c.size * LINE_HEIGHT) / 2;
    const box: ScreenBox = [x - c.width / 2 - pad, y - half - pad, x + c.width / 2 + pad, y + half + pad];
    if (box[2] < 0 || box[3] < 0 || box[0] > width || box[1] > height) continue;
    const candidate = { x, y, box, anchor };
    first ??= candidate;
    const taken = placed.some((b) => b[0] < box[2] && b[2] > box[0] && b[1] < box[3] && b[3] > box[1]);
    if (c.allowOverlap || !taken) {
      placed.push(box);
      return candidate;
    }
  }
  if (force && first) {
    placed.push(first.box);
    return first;
  }
  return undefined;
}
