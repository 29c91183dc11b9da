/**
 * A figure of one province shows nothing beyond its data: the view the embed fits to the province, with the
 * padding it computes (framePadding: the legend over the map on wide figures, below it on phones), lies
 * inside the region file's context box and inside the scoped base map's context, so no straight edge of
 * cut data (sea where land should be, a border along the cut) is ever in view at these sizes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cameraFor, viewBounds } from '../../src/embed/first-paint.ts';
import { framePadding } from '../../src/embed/render.ts';
import { type Box, CONTEXT_SHARE, growBox } from '../../src/maplibre/style/scope.ts';

const ROOT = join(import.meta.dirname, '../..');
const regions = JSON.parse(readFileSync(join(ROOT, 'data/regions/index.json'), 'utf8')) as {
  code: string;
  bounds: Box;
  context: Box;
}[];

/** Map boxes in CSS pixels: width, height, legend width over the map (0: below it, as at ≤ 560 px). */
const SIZES: [number, number, number][] = [
  [343, 520, 0], // a phone (375 px screen), the default height
  [375, 667, 0], // a phone's whole screen
  [700, 520, 260], // the narrowest of the usual desktop columns, legend over the map (max 260 px)
  [744, 520, 260],
  [800, 600, 260],
  [1000, 600, 260],
  [800, 600, 0],
];

const inside = (v: Box, c: Box) => v[0] >= c[0] && v[1] >= c[1] && v[2] <= c[2] && v[3] <= c[3];

describe('a figure fitted to a province', () => {
  it(`shows only what its region file and scoped base map hold (context share ${CONTEXT_SHARE})`, () => {
    expect(regions).toHaveLength(34);
    const outside: string[] = [];
    for (const r of regions) {
      for (const [w, h, legend] of SIZES) {
        const view = viewBounds(cameraFor(r.bounds, w, h, framePadding(w, legend, false)), w, h);
        if (!inside(view, r.context) || !inside(view, growBox(r.bounds, CONTEXT_SHARE)))
          outside.push(`${r.code} at ${w}×${h} (legend ${legend} px): ${view.map((x) => x.toFixed(2))}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('the region files reach as far as the base map cuts: context = the province box grown by CONTEXT_SHARE', () => {
    for (const r of regions) {
      const g = growBox(r.bounds, CONTEXT_SHARE);
      for (let i = 0; i < 4; i++) expect(Math.abs(r.context[i]! - g[i]!), r.code).toBeLessThan(0.002);
    }
  });
});
