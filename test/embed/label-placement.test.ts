import { describe, expect, it } from 'vitest';
import { approxTextWidth, placeLabel, type ScreenBox } from '../../src/embed/label-placement.ts';

// MapLibre's rules for one point label, as the static frame and the SVG export use them. The figures they
// draw are compared with MapLibre's own in the browser tests (test/render/studio-gdp-svg).
describe('placeLabel', () => {
  const name = (x: number, y: number, extra = {}) => ({
    x,
    y,
    width: approxTextWidth('广州', 12),
    size: 12,
    ...extra,
  });

  it('a label at its point, and a second one that would overlap it left out', () => {
    const placed: ScreenBox[] = [];
    expect(placeLabel(placed, name(100, 100), 800, 600)).toMatchObject({ x: 100, y: 100, anchor: 'center' });
    expect(placeLabel(placed, name(104, 102), 800, 600)).toBeUndefined();
    expect(placed).toHaveLength(1);
  });

  it('text-variable-anchor: the first free anchor, moved off the point by text-radial-offset', () => {
    const placed: ScreenBox[] = [];
    placeLabel(placed, name(100, 100), 800, 600);
    // 'left' means the text's left side at the point: the text lies right of it, 1.5 em further.
    const at = placeLabel(
      placed,
      name(104, 100, { anchors: ['center', 'left', 'right'], radialOffset: 1.5 }),
      800,
      600,
    );
    expect(at).toMatchObject({ anchor: 'left', x: 104 + 18 + 12, y: 100 });
  });

  it('text-anchor with text-offset: top means the text hangs below the point', () => {
    const at = placeLabel([], name(100, 100, { anchors: ['top'], offset: [0, 1.1] }), 800, 600);
    expect(at!.y).toBeCloseTo(100 + 7.2 + 13.2, 5); // half a line (1.2 em) and the offset
    expect(at!.x).toBe(100);
  });

  it('with force, a label no anchor can free keeps its first anchor (a name the screen shows)', () => {
    const placed: ScreenBox[] = [[0, 0, 800, 600]];
    expect(placeLabel(placed, name(100, 100, { anchors: ['top', 'bottom'] }), 800, 600)).toBeUndefined();
    expect(placeLabel(placed, name(100, 100, { anchors: ['top', 'bottom'] }), 800, 600, true)).toMatchObject({
      anchor: 'top',
    });
  });

  it("radial offsets as MapLibre's evaluateVariableOffset computes them (corners by r/√2, top and bottom less 7/24 em)", () => {
    // MapLibre 6.17, src/style/style_layer/variable_text_anchor.ts: fromRadialOffset, baselineOffset = 7 (of 24).
    const at = (anchor: string, radialOffset: number) =>
      placeLabel([], name(400, 300, { anchors: [anchor], variable: true, radialOffset }), 800, 600)!;
    const half = (12 * 1.2) / 2; // half a line box
    expect(at('top', 0.3).y).toBeCloseTo(300 + half + (0.3 - 7 / 24) * 12, 5);
    expect(at('bottom', 1).y).toBeCloseTo(300 - half + (-1 + 7 / 24) * 12, 5);
    const corner = at('top-left', 1);
    expect(corner.x).toBeCloseTo(400 + 12 + 12 / Math.SQRT2, 5);
    expect(corner.y).toBeCloseTo(300 + half + (1 / Math.SQRT2 - 7 / 24) * 12, 5);
    expect(at('right', -2).x).toBe(400 - 12); // a negative radius counts as 0
  });

  it('variable anchors without a radial offset move by the absolute text-offset (fromTextOffset)', () => {
    const at = placeLabel(
      [],
      name(400, 300, { anchors: ['right'], variable: true, offset: [-0.5, 0] }),
      800,
      600,
    )!;
    expect(at.x).toBeCloseTo(400 - 12 - 6, 5);
  });

  it('a label whose box lies outside the view is not placed', () => {
    expect(placeLabel([], name(-100, 100), 800, 600, true)).toBeUndefined();
  });

  it('widths without fonts: CJK 1 em, Latin capitals 0.66 em, other Latin 0.56 em', () => {
    expect(approxTextWidth('广州', 10)).toBe(20);
    expect(approxTextWidth('Ga', 10)).toBeCloseTo(12.2, 5);
  });
});
