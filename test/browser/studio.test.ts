/**
 * The journalist's task, end to end, on the BUILT studio (`npm run build:gallery`) in real Chromium:
 * paste a 21-row table of Guangdong's 2023 GDP written with mixed spellings, get 21 matches, overlay the
 * five metropolitan circles, write the text, publish — the iframe snippet on an article page of another
 * origin under a strict CSP, the single HTML file from another origin and from file:// — and compare the
 * PNG and SVG with goldens. Also the studio at phone width.
 *
 * Two origins on this machine: the gallery at `quyu.test` and the article at `news.test`, both 127.0.0.1
 * for the browser (`--host-resolver-rules`), so the snippet carries a public-looking address, never a
 * local one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, compareGolden, ROOT, skipWithoutBrowser } from './harness.ts';
import { legendCoverage } from './legend-coverage.ts';

const TABLE = readFileSync(join(ROOT, 'examples/studio/guangdong-gdp-2023.tsv'), 'utf8');
const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; frame-src 'self'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

function serve(handler: (path: string) => { body: Buffer | string; type: string; csp?: string } | undefined) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const r = handler(path);
    if (!r) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': r.type, ...(r.csp ? { 'content-security-policy': r.csp } : {}) });
    res.end(r.body);
  });
  return new Promise<{ server: Server; port: number }>((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ server, port: typeof a === 'object' && a ? a.port : 0 });
    }),
  );
}

/** Collects errors and CSP violations of a page (and its frames' console errors). */
function watch(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

const CSP_PROBE = () => {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
};

async function idleIn(target: Page | Frame): Promise<string> {
  await target.waitForFunction(() => window.__quyuIdle !== undefined, undefined, { timeout: 60_000 });
  return target.evaluate(() =>
    Promise.race([
      window.__quyuIdle!.then(
        () => 'idle',
        (e: unknown) => `failed: ${String(e)}`,
      ),
      new Promise<string>((r) => setTimeout(() => r('timeout'), 60_000)),
    ]),
  );
}

describe.skipIf(skipWithoutBrowser)('the journalist task on the built studio', () => {
  const out = mkdtempSync(join(tmpdir(), 'quyu-studio-'));
  let gallery: { server: Server; port: number };
  let news: { server: Server; port: number };
  let browser: Browser;
  let base: string;
  let snippet = '';
  let singleFile = '';
  const figurePath = join(out, 'figure-download.html');

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'vite.gallery.config.ts',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, env: { ...process.env, QUYU_GALLERY_OUT: out }, stdio: 'pipe' },
    );
    gallery = await serve((path) => {
      const file = join(out, path === '/' ? 'index.html' : path);
      if (!file.startsWith(out) || !existsSync(file)) return undefined;
      return {
        body: readFileSync(file),
        type: TYPES[extname(file)] ?? 'application/octet-stream',
        csp: STRICT,
      };
    });
    base = `http://quyu.test:${gallery.port}/`;
    news = await serve((path) => {
      if (path === '/article.html') {
        // The newsroom's page: its own strict policy, allowing only quyu's host script and frames.
        const origin = `http://quyu.test:${gallery.port}`;
        return {
          type: 'text/html; charset=utf-8',
          csp: `default-src 'none'; script-src ${origin}; frame-src ${origin}; style-src 'none'; img-src 'none'`,
          body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>article</title></head><body><h1>新闻</h1><p>正文</p>${snippet}<p>正文</p></body></html>`,
        };
      }
      if (path === '/figure.html') return { type: 'text/html; charset=utf-8', body: singleFile };
      return undefined;
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP quyu.test 127.0.0.1, MAP news.test 127.0.0.1'],
      headless: true,
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    gallery?.server.close();
    news?.server.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('paste 21 rows with mixed spellings → 21 matches; overlay, text; the description mentions the data', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watch(page);
    await page.addInitScript(CSP_PROBE);
    await page.goto(`${base}examples/studio.html`);
    await page.evaluate(() => window.__quyuStudio!.ready);
    await page.locator('#paste').fill(TABLE);
    await expect.poll(() => page.locator('#match-summary').textContent()).toContain('21 行全部匹配');
    const counts = await page.evaluate(() => window.__quyuStudio!.matches()!.counts);
    expect(counts).toMatchObject({ rows: 21, matched: 21, ambiguous: 0, unmatched: 0 });
    expect(await page.locator('#matches tbody tr.matched').count()).toBe(21);
    // the mixed spellings as matched
    const cells = await page.locator('#matches tbody tr td:last-child').allTextContents();
    expect(cells[0]).toMatch(/广州市 440100（traditional）/);
    expect(cells.join('|')).toContain('河源市 441600');

    await page.locator('#layout').selectOption('guangdong');
    await page.locator('#types input[value="metro-circle"]').check();
    await page.locator('input[name="title"]').fill('广东各市 2023 年地区生产总值');
    await page.locator('input[name="label"]').fill('GDP（亿元）');
    await page.locator('input[name="source"]').fill('示例数据（数值仅供演示）');
    await page.locator('textarea[name="notes"]').fill('五大都市圈以轮廓表示。');
    await page.locator('#base-url').fill(base);
    await page.evaluate(() => window.__quyuStudio!.settled());
    const spec = await page.evaluate(() => window.__quyuStudio!.spec()!);
    expect(spec.layers![0]).toMatchObject({ type: 'choropleth', scale: 'ckmeans', palette: 'Blues' });
    expect(Object.keys(spec.layers![0]!.values)).toContain('廣州'); // the spec reads as the table did

    // the alt text is prefilled from the generated description, which mentions the data
    const alt = await page.locator('#alt').inputValue();
    expect(alt).toMatch(/^GDP（亿元）：21 个单位有数据，从云浮市的 1,263 到深圳市的 34,606/);
    expect(alt).toContain('广州都市圈');

    snippet = await page.locator('#snippet').inputValue();
    expect(snippet).toContain(`src="${base}examples/embed.html?id=`);
    expect(snippet).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(snippet).not.toMatch(/style=/);
    // a local address is refused
    await page.locator('#base-url').fill('http://127.0.0.1:5173/');
    await expect.poll(() => page.locator('#snippet').inputValue()).toBe('');
    await page.locator('#base-url').fill(base);

    singleFile = await page.evaluate(() => window.__quyuStudio!.singleFile());
    writeFileSync(figurePath, singleFile);
    const bytes = Buffer.byteLength(singleFile);
    console.info(`single HTML file: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(6 * 1024 * 1024);
    expect(singleFile).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/,
    );

    // the spec JSON reloads into the studio
    const json = JSON.stringify(spec);
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const freshErrors = watch(fresh);
    await fresh.goto(`${base}examples/studio.html`);
    // In front: a page in the background gets no animation frames, and its previews' maps never draw.
    await fresh.bringToFront();
    await fresh.evaluate(() => window.__quyuStudio!.ready);
    await fresh
      .locator('#load-json')
      .setInputFiles({ name: 'gdp.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    // The form is filled again from the file (the previews of this spec were checked above).
    await expect
      .poll(() => fresh.evaluate(() => window.__quyuStudio!.spec()), { timeout: 60_000 })
      .toEqual(spec);
    expect(freshErrors).toEqual([]);
    await fresh.close();

    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('the iframe snippet on an article of another origin under a strict CSP; PNG and SVG match the goldens', async () => {
    const page = await browser.newPage({ viewport: { width: 760, height: 1000 } });
    const errors = watch(page);
    await page.addInitScript(CSP_PROBE);
    await page.goto(`http://news.test:${news.port}/article.html`);
    const frame = await (async () => {
      for (let i = 0; i < 100; i++) {
        const f = page.frames().find((x) => x.url().startsWith(`${base}examples/embed.html`));
        if (f) return f;
        await page.waitForTimeout(100);
      }
      throw new Error('no embed frame');
    })();
    expect(await idleIn(frame)).toBe('idle');
    // the host script sized the frame through the CSSOM (no style attribute in the snippet)
    await page.waitForFunction(
      () => (document.querySelector('iframe')?.getBoundingClientRect().height ?? 0) > 600,
    );
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('iframe')!).borderTopWidth),
    ).toBe('0px');
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    const png = await frame.evaluate(async () => {
      const embed = await window.__quyuEmbed!;
      const bytes = new Uint8Array(await (await embed.toPng(1)).arrayBuffer());
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return btoa(bin);
    });
    const pngResult = compareGolden('studio-gdp-png', Buffer.from(png, 'base64'), { maxDiffRatio: 0.02 });
    expect(pngResult.status, pngResult.message).not.toBe('mismatch');

    const svg = await frame.evaluate(async () => (await (await window.__quyuEmbed!).toSvg()).text());
    const stops = await frame.evaluate(async () =>
      (await window.__quyuEmbed!).data[0]!.set.stops.map((s) => s.color),
    );
    for (const c of stops) expect(svg).toContain(`fill="${c}"`);
    expect(stops.length).toBeGreaterThanOrEqual(4);
    for (const text of [
      '>\u2068无数据\u2069<tspan', // the legend's name, isolated from its count after it
      '>广东各市 2023 年地区生产总值<',
      '示意图，无审图号',
      '>广州都市圈<',
      '>五大都市圈以轮廓表示。<',
    ]) {
      expect(svg).toContain(text);
    }
    const svgPng = await rasterise(page, svg);
    const svgResult = compareGolden('studio-gdp-svg', svgPng, { maxDiffRatio: 0.02 });
    expect(svgResult.status, svgResult.message).not.toBe('mismatch');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('the single HTML file works from another origin and from file://, under its own policy, with no request out', async () => {
    for (const url of [`http://news.test:${news.port}/figure.html`, `file://${figurePath}`]) {
      const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
      const errors = watch(page);
      const outside: string[] = [];
      page.on('request', (r) => {
        const u = r.url();
        if (u !== url && !u.startsWith('blob:') && !u.startsWith('data:')) outside.push(u.slice(0, 100));
      });
      await page.addInitScript(CSP_PROBE);
      await page.goto(url);
      expect(await idleIn(page), url).toBe('idle');
      const state = await page.evaluate(async () => {
        const e = await window.__quyuEmbed!;
        return {
          title: document.title,
          legend: document.querySelector('.quyu-legend')?.textContent ?? '',
          classes: e.data[0]!.set.stops.length,
        };
      });
      expect(state.title).toBe('广东各市 2023 年地区生产总值');
      expect(state.legend).toContain('无数据');
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), url).toEqual([]);
      expect(outside, url).toEqual([]);
      expect(errors, url).toEqual([]);
      await page.close();
    }
  }, 180_000);

  it('the single HTML file shows the static figure to a reader without JavaScript', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 800, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`file://${figurePath}`);
    const svg = page.locator('.quyu-static-figure svg');
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(500);
    expect(box?.height).toBeGreaterThan(300);
    // The figure's words are text: title, legend, unit names.
    const text = (await svg.textContent()) ?? '';
    expect(text).toContain('广东各市 2023 年地区生产总值');
    expect(text).toContain('广州');
    await context.close();
  });

  it('a national framing shows the 南海诸岛 inset clipped to its box in PNG and SVG', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}examples/studio.html`);
    await page.evaluate(() => window.__quyuStudio!.ready);
    await page.locator('#paste').fill(TABLE);
    await page.locator('#framing').selectOption('national');
    await page.locator('input[name="title"]').fill('广东各市 2023 年地区生产总值（全国范围）');
    await page.evaluate(() => window.__quyuStudio!.settled());
    const frame = page.frames().find((f) => f.url().includes('id=studio-desktop'))!;
    const { svg, inset } = await frame.evaluate(async () => {
      const e = await window.__quyuEmbed!;
      return { svg: await (await e.toSvg()).text(), inset: e.frame.inset };
    });
    expect(inset).toBe(true);
    expect(svg).toContain('<clipPath id="quyu-inset-clip">');
    expect(svg).toContain('clip-path="url(#quyu-inset-clip)"');
    const png = await frame.evaluate(async () => {
      const bytes = new Uint8Array(await (await (await window.__quyuEmbed!).toPng(2)).arrayBuffer());
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return btoa(bin);
    });
    const image = PNG.sync.read(Buffer.from(png, 'base64'));
    const result = compareGolden('studio-national-png', Buffer.from(png, 'base64'), { maxDiffRatio: 0.02 });
    expect(result.status, result.message).not.toBe('mismatch');
    expect(image.width).toBeGreaterThan(1000);
    await page.close();
  }, 180_000);

  it('at phone width (375 px) the studio fits the screen and its phone preview puts the legend below the map', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const errors = watch(page);
    await page.goto(`${base}examples/studio.html`);
    await page.evaluate(() => window.__quyuStudio!.ready);
    await page.locator('#paste').fill(TABLE);
    await page.evaluate(() => window.__quyuStudio!.settled());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const frame = page.frames().find((f) => f.url().includes('id=studio-phone'))!;
    const cover = await frame.evaluate(legendCoverage);
    expect(cover.coverage).toBe(0);
    expect(cover.below).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

/** An SVG document drawn by Chromium as an image, as PNG bytes. */
async function rasterise(page: Page, svg: string): Promise<Buffer> {
  // A page of its own (a page made by browser.newPage() has a context that cannot open another).
  const p = await page.context().browser()!.newPage();
  await p.setViewportSize({ width: 1000, height: 1200 });
  await p.setContent('<html><body style="margin:0"></body></html>');
  await p.evaluate(async (b64) => {
    const img = document.createElement('img');
    img.src = `data:image/svg+xml;base64,${b64}`;
    document.body.append(img);
    await img.decode();
  }, Buffer.from(svg, 'utf8').toString('base64'));
  const shot = await p.locator('img').screenshot();
  await p.close();
  return shot;
}
