/**
 * Real-browser harness for the render tests: a Vite dev server over the repo root on 127.0.0.1, Debian's
 * Chromium driven by playwright-core (WebGL2 through SwiftShader), and helpers to wait for a page's map,
 * check it drew, and compare screenshots with golden images.
 *
 * One browser and one server per test file; run browser test files one at a time.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { createServer, type ViteDevServer } from 'vite';
import { UPDATE, UPDATE_HINT } from '../regenerate.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDER_DIR = join(ROOT, 'test/render');
export const CHROMIUM = process.env.QUYU_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
const IS_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Why the browser tests cannot run here, or undefined when they can. Under CI a missing browser is a
 * failure (the caller throws), never a skip.
 */
export function browserUnavailable(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `Chromium not found at ${CHROMIUM}: install Debian's chromium and fonts-noto-cjk (.ci/run does this)`;
}

/** Whether a missing browser should skip (local runs) rather than fail (CI). */
export const skipWithoutBrowser = !IS_CI && browserUnavailable() !== undefined;

export interface Harness {
  browser: Browser;
  server: ViteDevServer;
  /** Base URL of the dev server, e.g. `http://127.0.0.1:5173`. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the dev server and the browser. */
export async function startHarness(): Promise<Harness> {
  const missing = browserUnavailable();
  if (missing) throw new Error(missing);
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite dev server has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    browser,
    server,
    baseUrl,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A page with its map loaded, and everything it reported on the way. */
export interface MapPage {
  page: Page;
  /** Console errors and uncaught page errors, in order. Any entry fails a test. */
  errors: string[];
  /** Milliseconds from navigation start to the map's first `idle`. */
  msToIdle: number;
  /** Size of the map canvas in CSS pixels. */
  canvas: { width: number; height: number };
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /** Milliseconds to wait for the first `idle`. Default 60 s (SwiftShader is slow). */
  timeout?: number;
  /** Device pixel ratio. Default 1 (goldens); the previews use less for smaller files. */
  deviceScaleFactor?: number;
}

/**
 * Opens `path` (e.g. `/examples/base-style.html?theme=dark`), collecting console and page errors, and
 * waits for `window.__quyuIdle`, which the page resolves on the map's first `idle`.
 */
export async function openMapPage(h: Harness, path: string, options: OpenOptions = {}): Promise<MapPage> {
  const { width = 1000, height = 760, timeout = 60_000, deviceScaleFactor = 1 } = options;
  const page = await h.browser.newPage({ viewport: { width, height }, deviceScaleFactor });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  // Only the dev server may be reached: anything else would be a network dependency.
  await page.route(
    (url) => url.origin !== h.baseUrl,
    (route) => {
      errors.push(`network request outside the dev server: ${route.request().url()}`);
      return route.abort();
    },
  );
  const started = Date.now();
  await page.goto(h.baseUrl + path, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__quyuIdle !== undefined, undefined, { timeout });
  const idle = await page.evaluate(
    (ms) =>
      Promise.race([
        window.__quyuIdle!.then(
          () => 'idle',
          (e: unknown) => `map failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
        new Promise<string>((r) => setTimeout(() => r(`no idle after ${ms} ms`), ms)),
      ]),
    timeout,
  );
  const msToIdle = Date.now() - started;
  if (idle !== 'idle') errors.push(idle);
  const canvas = await page.evaluate(() => {
    const c = document.querySelector('canvas.maplibregl-canvas');
    const r = c?.getBoundingClientRect();
    return { width: r?.width ?? 0, height: r?.height ?? 0 };
  });
  return { page, errors, msToIdle, canvas };
}

/**
 * Waits until the map has drawn everything a change asked for: two animation frames (so a resize that a
 * layout change caused has reached MapLibre), then a repaint and its `idle`. Use it before a screenshot
 * taken after an interaction (a click that moves the legend can resize the map).
 */
export async function waitForMapSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    await frame();
    await frame();
    const map = window.__quyuMap!;
    await new Promise<void>((r) => {
      map.once('idle', () => r());
      map.triggerRepaint();
    });
  });
}

/**
 * A screenshot of `locator` once the page has stopped changing: like Playwright's `toHaveScreenshot`, it
 * shoots until two consecutive shots are identical (at most `tries`), so a frame caught mid-draw on a busy
 * machine is not compared with a golden. Returns the last shot.
 */
export async function stableScreenshot(locator: Locator, tries = 6): Promise<Buffer> {
  let previous = await locator.screenshot({ animations: 'disabled' });
  for (let i = 1; i < tries; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const next = await locator.screenshot({ animations: 'disabled' });
    if (next.equals(previous)) return next;
    previous = next;
  }
  return previous;
}

/** Screenshot of the map container as PNG bytes. */
export async function screenshotMap(page: Page): Promise<Buffer> {
  return stableScreenshot(page.locator('.maplibregl-map'));
}

/** Shows or hides every symbol layer and waits for the map to settle. */
export async function setLabelsVisible(page: Page, visible: boolean): Promise<void> {
  await page.evaluate(async (on) => {
    const map = window.__quyuMap!;
    for (const layer of map.getStyle().layers) {
      if (layer.type === 'symbol') map.setLayoutProperty(layer.id, 'visibility', on ? 'visible' : 'none');
    }
    await new Promise<void>((r) => map.once('idle', () => r()));
  }, visible);
}

/**
 * Pixels that labels changed: the map with labels against the same map with them hidden. Zero means no
 * label drew (no font, no glyphs).
 */
export async function labelPixels(page: Page): Promise<number> {
  const withLabels = PNG.sync.read(await screenshotMap(page));
  await setLabelsVisible(page, false);
  const without = PNG.sync.read(await screenshotMap(page));
  await setLabelsVisible(page, true);
  return pixelmatch(withLabels.data, without.data, null, withLabels.width, withLabels.height, {
    threshold: 0.1,
  });
}

/**
 * Whether the browser has a real face for CJK text in `fontFamily`: a missing font draws every character
 * as the same empty box (tofu) without any error, so two different ideographs come out identical.
 */
export async function drawsCjk(page: Page, fontFamily: string): Promise<boolean> {
  // A string, not a function: transpilers may wrap inner functions in helpers that do not exist in the page.
  const script = `(async (family) => {
    await document.fonts.load('32px ' + family, '中国');
    const draw = (text) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d');
      ctx.font = '32px ' + family;
      ctx.textBaseline = 'top';
      ctx.fillText(text, 4, 4);
      return ctx.getImageData(0, 0, 48, 48).data.join(',');
    };
    const a = draw('中');
    return a !== draw('国') && a !== draw('\\u{10FFFD}');
  })(${JSON.stringify(fontFamily)})`;
  return (await page.evaluate(script)) as boolean;
}

export interface GoldenResult {
  /** Pixels that differ beyond the per-pixel threshold. */
  diffPixels: number;
  /** diffPixels / all pixels. */
  ratio: number;
  /** What happened: compared, or expected.png written (`QUYU_UPDATE=1`, or first run outside CI). */
  status: 'match' | 'mismatch' | 'written';
  message: string;
}

export interface GoldenOptions {
  /** Per-pixel colour distance threshold of pixelmatch (0–1). Default 0.1. */
  threshold?: number;
  /** Largest share of differing pixels that still passes. Default 0.01 (1 %). */
  maxDiffRatio?: number;
}

/**
 * Compares a screenshot with `test/render/<name>/expected.png`. On a mismatch writes `actual.png` and
 * `diff.png` next to it; with `QUYU_UPDATE=1` (the one regenerate switch, test/regenerate.ts; or when
 * expected.png is missing outside CI) writes expected.png instead.
 */
export function compareGolden(name: string, png: Buffer, options: GoldenOptions = {}): GoldenResult {
  const { threshold = 0.1, maxDiffRatio = 0.01 } = options;
  const dir = join(RENDER_DIR, name);
  const expectedPath = join(dir, 'expected.png');
  const actualPath = join(dir, 'actual.png');
  const diffPath = join(dir, 'diff.png');
  mkdirSync(dir, { recursive: true });
  rmSync(actualPath, { force: true });
  rmSync(diffPath, { force: true });
  if (!existsSync(expectedPath) && !IS_CI) {
    return written(expectedPath, png);
  }
  if (!existsSync(expectedPath)) {
    return {
      diffPixels: Number.NaN,
      ratio: 1,
      status: 'mismatch',
      message: `${expectedPath} is missing: ${UPDATE_HINT}`,
    };
  }
  const expected = PNG.sync.read(readFileSync(expectedPath));
  const actual = PNG.sync.read(png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    if (UPDATE) return written(expectedPath, png);
    writeFileSync(actualPath, png);
    return {
      diffPixels: Number.NaN,
      ratio: 1,
      status: 'mismatch',
      message: `size ${actual.width}×${actual.height} differs from expected ${expected.width}×${expected.height}; wrote ${actualPath}`,
    };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const diffPixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold,
  });
  const ratio = diffPixels / (actual.width * actual.height);
  if (ratio <= maxDiffRatio) {
    return {
      diffPixels,
      ratio,
      status: 'match',
      message: `${name}: ${diffPixels} px differ (${pct(ratio)})`,
    };
  }
  // Regenerating rewrites only the images that changed beyond the tolerance: no churn of binary files.
  if (UPDATE) return written(expectedPath, png);
  writeFileSync(actualPath, png);
  writeFileSync(diffPath, PNG.sync.write(diff));
  return {
    diffPixels,
    ratio,
    status: 'mismatch',
    message: `${name}: ${diffPixels} px differ (${pct(ratio)} > ${pct(maxDiffRatio)}); see ${actualPath} and ${diffPath}`,
  };
}

function written(path: string, png: Buffer): GoldenResult {
  writeFileSync(path, png);
  return { diffPixels: 0, ratio: 0, status: 'written', message: `wrote ${path}` };
}

function pct(r: number): string {
  return `${(r * 100).toFixed(3)} %`;
}
