/**
 * Render tests in a real browser (Debian's Chromium, WebGL2 through SwiftShader): each case opens an example
 * page, waits for the map's first `idle`, and checks that it drew — no console errors, a real canvas size,
 * labels rasterised from a real CJK font — and that it matches `test/render/<case>/expected.png`.
 *
 * All browser cases live in this one file so that one browser runs at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailable,
  compareGolden,
  drawsCjk,
  type Harness,
  labelPixels,
  openMapPage,
  screenshotMap,
  skipWithoutBrowser,
  startHarness,
} from './harness.ts';

interface RenderCase {
  /** Folder under test/render/. */
  name: string;
  /** Page path on the dev server. */
  path: string;
  /** CSS font family the labels use, checked for real CJK glyphs. */
  font: string;
}

const CASES: RenderCase[] = [
  { name: 'start-page', path: '/?test', font: "'Noto Sans CJK SC'" },
  { name: 'base-light', path: '/examples/base-style.html?theme=light', font: "'Noto Sans CJK SC'" },
  { name: 'base-dark', path: '/examples/base-style.html?theme=dark', font: "'Noto Sans CJK SC'" },
  { name: 'base-print', path: '/examples/base-style.html?theme=print', font: "'Noto Serif CJK SC'" },
  {
    name: 'base-light-guangdong-en',
    path: '/examples/base-style.html?theme=light&lang=en&center=113.4,23.2&zoom=6.3',
    font: "'Noto Sans CJK SC'",
  },
];

/** Fewer changed pixels than this between labels shown and hidden means the labels did not draw. */
const MIN_LABEL_PIXELS = 1500;

describe.skipIf(skipWithoutBrowser)('render in Chromium', () => {
  let h: Harness;

  beforeAll(async () => {
    const missing = browserUnavailable();
    if (missing) throw new Error(`${missing}. Under CI the browser tests must run, never skip.`);
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  for (const c of CASES) {
    it(`${c.name}: ${c.path} becomes idle without errors, draws labels, and matches expected.png`, async () => {
      const m = await openMapPage(h, c.path);
      try {
        expect(m.errors, 'console or page errors').toEqual([]);
        expect(m.canvas.width, 'canvas width').toBeGreaterThan(100);
        expect(m.canvas.height, 'canvas height').toBeGreaterThan(100);
        expect(await drawsCjk(m.page, c.font), `${c.font} draws Chinese (fonts-noto-cjk installed?)`).toBe(
          true,
        );
        const labelPx = await labelPixels(m.page);
        expect(labelPx, 'pixels drawn by labels').toBeGreaterThan(MIN_LABEL_PIXELS);
        const golden = compareGolden(c.name, await screenshotMap(m.page));
        console.info(`${c.name}: idle after ${m.msToIdle} ms, ${labelPx} label px; ${golden.message}`);
        expect(golden.status, golden.message).not.toBe('mismatch');
        expect(m.errors, 'console or page errors after the checks').toEqual([]);
      } finally {
        await m.page.close();
      }
    });
  }
});
