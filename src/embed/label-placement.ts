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
  /** The anchors are `text-variable-anchor` (MapLibre moves such text off the point by its offset). */
  variable?: boolean;
  /** `text-radial-offset` in ems: how far the text moves away from the point on the side of its anchor. */
  radialOffset?: number;
  /** `text-offset` in ems, `[right, down]`. */
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
/** MapLibre's correction of a vertical offset for top and bottom anchors (7 of a 24-unit em). */
const BASELINE_OFFSET = 7 / 24;

/**
 * How far the text moves off its point for `anchor`, in ems `[right, down]`, as MapLibre computes it
 * (`evaluateVariableOffset`): a radial offset moves a corner anchor by r/√2 on each axis; a text-offset
 * with variable anchors counts by its absolute values; top and bottom come back by the baseline offset.
 */
function offsetFor(c: LabelCandidate, anchor: string): [number, number] {
  const top = anchor.startsWith('top');
  const bottom = anchor.startsWith('bottom');
  const left = anchor.endsWith('left');
  const right = anchor.endsWith('right');
  if (!c.variable && c.radialOffset === undefined) return [c.offset?.[0] ?? 0, c.offset?.[1] ?? 0];
  if (c.radialOffset !== undefined || !c.offset) {
    const r = Math.max(0, c.radialOffset ?? 0);
    const corner = (top || bottom) && (left || right);
    const along = corner ? r / Math.SQRT2 : r;
    return [
      left ? along : right ? -along : 0,
      top ? along - BASELINE_OFFSET : bottom ? -along + BASELINE_OFFSET : 0,
    ];
  }
  const ox = Math.abs(c.offset[0]);
  const oy = Math.abs(c.offset[1]);
  return [left ? ox : right ? -ox : 0, top ? oy - BASELINE_OFFSET : bottom ? -oy + BASELINE_OFFSET : 0];
}

/** The centre of the text for `anchor` (the side of the text at the point), moved by its offset. */
function centreFor(c: LabelCandidate, anchor: string): [number, number] {
  const half = (c.size * LINE_HEIGHT) / 2;
  const [dx, dy] = offsetFor(c, anchor);
  const x = anchor.endsWith('left') ? c.x + c.width / 2 : anchor.endsWith('right') ? c.x - c.width / 2 : c.x;
  const y = anchor.startsWith('top') ? c.y + half : anchor.startsWith('bottom') ? c.y - half : c.y;
  return [x + dx * c.size, y + dy * c.size];
}

/**
 * Places `c` among the boxes already `placed` in a `width` × `height` view: the first anchor whose box lies
 * (partly) in the view and overlaps none of them, or undefined. With `force`, a label no anchor can free
 * takes the anchor where it overlaps least (a name the screen shows is kept in an export). Adds the box to `placed`.
 *
 * @example
 * ```ts
 * const placed: ScreenBox[] = [];
 * placeLabel(placed, { x: 100, y: 100, width: 24, size: 12 }, 800, 600); // centre (100, 100)
 * const beside = { anchors: ['center', 'left'], variable: true, radialOffset: 1.5 };
 * placeLabel(placed, { x: 104, y: 100, width: 24, size: 12, ...beside }, 800, 600);
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
  // With force: the anchor whose box overlaps the placed ones least.
  let best: { label: PlacedLabel; overlap: number } | undefined;
  for (const anchor of anchors) {
    const [x, y] = centreFor(c, anchor);
    const half = (c.size * LINE_HEIGHT) / 2;
    const box: ScreenBox = [x - c.width / 2 - pad, y - half - pad, x + c.width / 2 + pad, y + half + pad];
    if (box[2] < 0 || box[3] < 0 || box[0] > width || box[1] > height) continue;
    const candidate = { x, y, box, anchor };
    let overlap = 0;
    for (const b of placed) {
      const ox = Math.min(b[2], box[2]) - Math.max(b[0], box[0]);
      const oy = Math.min(b[3], box[3]) - Math.max(b[1], box[1]);
      if (ox > 0 && oy > 0) overlap += ox * oy;
    }
    if (c.allowOverlap || overlap === 0) {
      placed.push(box);
      return candidate;
    }
    if (!best || overlap < best.overlap) best = { label: candidate, overlap };
  }
  if (force && best) {
    placed.push(best.label.box);
    return best.label;
  }
  return undefined;
}
