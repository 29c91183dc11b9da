/**
 * A figure of one province shows nothing beyond its data: the view the embed fits to the province, with the
 * padding it computes (framePadding: the legend over the map on wide figures, below it on phones), lies
 * inside the region file's context box and inside the scoped base map's context, so no straight edge of
 * cut data (sea where land should be, a border along the cut) is ever in view at these sizes. Beyond them
 * (a figure much taller than wide, or 561–639 px wide with a wide legend over the map) the view can leave the
 * region file: each file says how far it reaches (its `context` member), the embed then draws from the
 * national file, and the scoped base map given the view reaches past it (test/browser/embed.test.ts runs
 * the embed so).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { cameraFor, viewBounds } from '../../src/embed/first-paint.ts';
import { frameOfCodes } from '../../src/embed/framing.ts';
import { REGION_REACH } from '../../src/embed/region-reach.generated.ts';
import { framePadding, viewLeavesRegion } from '../../src/embed/render.ts';
import { baseStyle } from '../../src/maplibre/style/base-style.ts';
import { type Box, boxContains, CONTEXT_SHARE, growBox } from '../../src/maplibre/style/scope.ts';

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

const inside = (v: Box, c: Box) => boxContains(c, v);

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

  it('each region file says how far it reaches: its `context` member is its context box in index.json', () => {
    for (const r of regions) {
      const topology = JSON.parse(readFileSync(join(ROOT, `data/regions/${r.code}.json`), 'utf8')) as {
        context?: Box;
      };
      expect(topology.context, r.code).toEqual(r.context);
    }
  });

  it('beyond those sizes some views leave the region file; the base map given the view covers it', async () => {
    const national = await loadAtlas({ resolution: '10m', counties: false });
    const beyond: [number, number, number][] = [
      [600, 520, 260], // legend over the map beside a narrow map
      [343, 1000, 0], // a tall phone figure
    ];
    let leaving = 0;
    const uncovered: string[] = [];
    for (const r of regions) {
      for (const [w, h, legend] of beyond) {
        const view = viewBounds(cameraFor(r.bounds, w, h, framePadding(w, legend, false)), w, h);
        if (inside(view, r.context)) continue;
        leaving++;
        const contextOf = (v?: Box) =>
          (
            baseStyle({ atlas: national, focus: { codes: [r.code] }, view: v, labels: false })
              .metadata as Record<string, { context: Box }>
          )['quyu:scope']!.context;
        // Without the view the base map's context misses it (the defect), with it the context covers it.
        if (inside(view, contextOf())) uncovered.push(`${r.code} at ${w}×${h}: covered without the view`);
        if (!inside(view, contextOf(view))) uncovered.push(`${r.code} at ${w}×${h}`);
      }
    }
    expect(leaving).toBeGreaterThan(40); // 21 at 600 px with the widest legend, 23 at 343×1000 (2026-12)
    expect(uncovered).toEqual([]);
  }, 60_000);
});

describe('a figure whose view leaves its region file fetches the national file at once', () => {
  it('REGION_REACH is what the region files give: the whole-province frame the embed computes on each, its inset, its context', async () => {
    expect(Object.keys(REGION_REACH).sort()).toEqual(regions.map((r) => r.code).sort());
    for (const r of regions) {
      const topology = JSON.parse(readFileSync(join(ROOT, `data/regions/${r.code}.json`), 'utf8'));
      const frame = frameOfCodes([r.code], await loadAtlas({ topology, counties: false }));
      const reach = REGION_REACH[r.code]!;
      for (let i = 0; i < 4; i++)
        expect(Math.abs(reach.frame[i]! - frame.bounds[i]!), r.code).toBeLessThan(1e-5);
      expect(reach.inset, r.code).toBe(frame.inset);
      expect(reach.context, r.code).toEqual(topology.context);
    }
  }, 60_000);

  it('viewLeavesRegion says so only for views that leave the file with any legend, and for the tall phone figures', async () => {
    // Against the embed's own check (the view with the legend's padding, outside the file's context), over
    // map boxes 300–1,300 px wide and 200–1,400 px tall and legends of 0–260 px over the map.
    const wrong: string[] = [];
    let predicted = 0;
    for (const r of regions) {
      const topology = JSON.parse(readFileSync(join(ROOT, `data/regions/${r.code}.json`), 'utf8'));
      const frame = frameOfCodes([r.code], await loadAtlas({ topology, counties: false }));
      for (let w = 300; w <= 1300; w += 50) {
        for (let h = 200; h <= 1400; h += 50) {
          if (!viewLeavesRegion(r.code, w, h)) continue;
          predicted++;
          for (const legend of [0, 120, 200, 260]) {
            const view = viewBounds(
              cameraFor(frame.bounds, w, h, framePadding(w, legend, frame.inset)),
              w,
              h,
            );
            if (inside(view, topology.context)) wrong.push(`${r.code} at ${w}×${h}, legend ${legend} px`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(predicted).toBeGreaterThan(1000);
    // The tall phone figure: 343×1000, legend below the map. Every province whose view leaves its file at
    // the top or bottom is predicted (23 of 34 leave there, 2026-12).
    const tall = regions.filter((r) => viewLeavesRegion(r.code, 343, 1000));
    expect(tall.length).toBeGreaterThanOrEqual(20);
    expect(tall.map((r) => r.code)).toContain('440000');
    expect(viewLeavesRegion('440000', 800, 520)).toBe(false);
    expect(viewLeavesRegion('440000', 343, 520)).toBe(false);
    expect(viewLeavesRegion('999999', 343, 1000)).toBe(false);
  }, 120_000);

  it("with the legend width known (a figure with layouts), viewLeavesRegion gives the embed's own answer", async () => {
    let differ = 0;
    let leaving = 0;
    let cases = 0;
    for (const r of regions) {
      const topology = JSON.parse(readFileSync(join(ROOT, `data/regions/${r.code}.json`), 'utf8'));
      const frame = frameOfCodes([r.code], await loadAtlas({ topology, counties: false }));
      for (let w = 300; w <= 1300; w += 50) {
        for (const h of [400, 520, 700, 1000]) {
          for (const legend of [0, Math.min(260, w * 0.45)]) {
            const view = viewBounds(
              cameraFor(frame.bounds, w, h, framePadding(w, legend, frame.inset)),
              w,
              h,
            );
            const leaves = !inside(view, topology.context);
            cases++;
            if (leaves) leaving++;
            if (viewLeavesRegion(r.code, w, h, { legendWidth: legend }) !== leaves) differ++;
          }
        }
      }
    }
    // The table's frames are rounded to 1e-5° (about 1 m): a view on the very edge may come out either way.
    expect(differ).toBeLessThanOrEqual(cases / 1000);
    expect(leaving).toBeGreaterThan(300);
    // A Guangdong figure with layouts in a 620 px column: its widest legend beside it takes it past the file.
    expect(viewLeavesRegion('440000', 620, 520, { legendWidth: 260 })).toBe(true);
    expect(viewLeavesRegion('440000', 800, 520, { legendWidth: 260 })).toBe(false);
  }, 120_000);
});
