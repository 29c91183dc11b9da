/**
 * The embed kit in a real browser: embed.html from a URL spec, the iframe host page and its height
 * messages, PNG export, the text description, XSS vectors in every text field, and a strict CSP.
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLayout } from '../../src/embed/describe.ts';
import { encodeSpec, type MapSpecInput } from '../../src/embed/spec.ts';
import { guangdong } from '../../src/layouts/guangdong.ts';
import { loadGazetteer } from '../../src/names/load.ts';
import {
  compareGolden,
  type Harness,
  openMapPage,
  skipWithoutBrowser,
  stableScreenshot,
  startHarness,
  waitForMapSettled,
} from './harness.ts';
import { legendCoverage } from './legend-coverage.ts';

/** A crafted link: encodeSpec validates (every link it makes works), so an invalid spec is encoded by hand. */
function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** Opens embed.html with `spec` in a new page; counts dialogs and page errors; resolves once idle. */
async function openSpecIn(h: Harness, spec: unknown, height: number) {
  const page = await h.browser.newPage({ viewport: { width: 800, height } });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.baseUrl}/examples/embed.html#spec=${encodeSpec(spec as MapSpecInput)}`);
  await page.waitForFunction(() => window.__quyuIdle !== undefined);
  await page.evaluate(() => window.__quyuIdle);
  return { page, errors, dialogs: () => dialogs };
}

/**
 * Asserts that the map's view (MapLibre's own bounds) lies inside the context box its scoped base map
 * holds (`quyu:scope` in the style's metadata): no edge of the base map's data is in view.
 */
async function expectViewInContext(page: Page): Promise<void> {
  const got = await page.evaluate(() => {
    const map = window.__quyuMap!;
    const b = map.getBounds();
    const scope = (map.getStyle().metadata as Record<string, { context: number[] }>)['quyu:scope'];
    return { view: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], context: scope?.context };
  });
  const [w, s, e, n] = got.context!;
  expect(got.view[0]).toBeGreaterThanOrEqual(w!);
  expect(got.view[1]).toBeGreaterThanOrEqual(s!);
  expect(got.view[2]).toBeLessThanOrEqual(e!);
  expect(got.view[3]).toBeLessThanOrEqual(n!);
}

/**
 * Asserts that the page drew its figure of `province` from the national file alone: it requested
 * `china-10m.json` and not the province's region file (`regions/<code>.json`).
 */
async function expectNationalFileOnly(page: Page, province: string): Promise<void> {
  const files = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      // Fetched as data (the dev server's `?import&url` modules only name the files).
      .filter((n) => /(china-10m|regions\/\d{6}(\.overview)?)\.json$/.test(n)),
  );
  expect(files.some((n) => n.includes(`regions/${province}`))).toBe(false);
  expect(files.some((n) => n.includes('china-10m'))).toBe(true);
}

describe.skipIf(skipWithoutBrowser)('embed kit in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    // The page loads county names with its atlas; the expected description in Node needs them too.
    await loadGazetteer();
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });
  const openSpec = (spec: unknown, height: number) => openSpecIn(h, spec, height);

  it('embed.html#layout=guangdong renders with no console error, a real canvas and the description', async () => {
    const { page, errors, canvas } = await openMapPage(h, '/examples/embed.html#layout=guangdong', {
      width: 800,
      height: 900,
    });
    expect(errors).toEqual([]);
    expect(canvas.width).toBeGreaterThan(300);
    expect(canvas.height).toBeGreaterThan(300);
    const text = await page.locator('.quyu-description-text').textContent();
    expect(text).toBe(describeLayout(guangdong, 'zh'));
    // Framed on Guangdong: its 海南自由贸易港 item does not pull the view over the South China Sea.
    const view = await page.evaluate(() => {
      const b = window.__quyuMap!.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    });
    expect(view[1]).toBeGreaterThan(17.5);
    expect(view[3]).toBeLessThan(28);
    expect(view[2]).toBeGreaterThan(117);
    expect(text).toContain('广州都市圈：包括广州市、佛山市');
    // keyboard: the map region is labelled and the canvas can take focus
    expect(await page.locator('.quyu-map').getAttribute('aria-label')).toMatch(/方向键/);
    expect(await page.locator('.quyu-map').getAttribute('aria-describedby')).toMatch(/^quyu-description-/);
    await page.locator('canvas.maplibregl-canvas').focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CANVAS');
    await page.close();
  });

  it('exports PNGs at 1x and 2x that decode, have the right size and are not blank', async () => {
    const spec: MapSpecInput = {
      layouts: ['guangdong'],
      show: { types: ['metro-circle'] },
      title: '广东五大都市圈',
      subtitle: '2023 年规划',
      source: '广东省人民政府',
      height: 420,
    };
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(spec)}`, {
      width: 700,
      height: 800,
    });
    expect(errors).toEqual([]);
    for (const scale of [1, 2] as const) {
      const b64 = await page.evaluate(async (s) => {
        const embed = await window.__quyuEmbed!;
        const blob = await embed.toPng(s);
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let bin = '';
        for (const b of bytes) bin += String.fromCharCode(b);
        return { data: btoa(bin), width: embed.map.getCanvas().clientWidth };
      }, scale);
      const png = PNG.sync.read(Buffer.from(b64.data, 'base64'));
      const cssWidth = await page.evaluate(() =>
        Math.round(document.querySelector('figure')!.getBoundingClientRect().width),
      );
      expect(png.width).toBe(cssWidth * scale);
      expect(png.height).toBeGreaterThan(420 * scale);
      // not blank: many distinct colours, and not all one value
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
      expect(colours.size).toBeGreaterThan(50);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports a static SVG for print: parses, draws the map and the layout, keeps text as text', async () => {
    const spec: MapSpecInput = {
      layouts: ['guangdong'],
      show: { types: ['metro-circle'] },
      title: `广东五大都市圈 ${XSS}`,
      source: '广东省人民政府',
    };
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(spec)}`, {
      width: 700,
      height: 800,
    });
    expect(errors).toEqual([]);
    const result = await page.evaluate(async () => {
      const embed = await window.__quyuEmbed!;
      const text = await (await embed.toSvg()).text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        parseError: doc.querySelector('parsererror') !== null,
        paths: doc.querySelectorAll('path').length,
        scripts: doc.querySelectorAll('script, foreignObject, [onerror]').length,
        title: doc.querySelector('title')?.textContent,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('|'),
      };
    });
    expect(result.parseError).toBe(false);
    expect(result.paths).toBeGreaterThan(100); // the units in view, the layout areas and the inset
    expect(result.scripts).toBe(0);
    expect(result.title).toBe(`广东五大都市圈 ${XSS}`);
    expect(result.texts).toContain('广州都市圈');
    expect(result.texts).toContain('来源：\u2068广东省人民政府\u2069'); // the user's text, bidi-isolated
    await page.close();
  });

  it('the iframe host page gets the embed height by postMessage and resizes the iframe', async () => {
    const page = await h.browser.newPage({ viewport: { width: 900, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { __heights: unknown[] };
      w.__heights = [];
      window.addEventListener('message', (e) => w.__heights.push(e.data));
    });
    await page.goto(`${h.baseUrl}/examples/embed-host.html`);
    const frame = page.frameLocator('#fig1');
    await frame.locator('.quyu-description').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const f = document.getElementById('fig1') as HTMLIFrameElement;
        return f.getBoundingClientRect().height > 400;
      },
      undefined,
      { timeout: 60_000 },
    );
    const messages = await page.evaluate(
      () => (window as unknown as { __heights: Record<string, unknown>[] }).__heights,
    );
    const quyu = messages.filter((m) => m && m.type === 'quyu-height') as { id: string; height: number }[];
    expect(quyu.length).toBeGreaterThan(0);
    expect(quyu.at(-1)!.id).toBe('fig1');
    expect(messages.some((m) => m && 'datawrapper-height' in m)).toBe(true);
    const frameHeight = await page.evaluate(
      () => document.getElementById('fig1')!.getBoundingClientRect().height,
    );
    expect(Math.abs(frameHeight - quyu.at(-1)!.height)).toBeLessThanOrEqual(1);
    // resizing: opening the description makes the figure taller and the iframe follows
    await frame.locator('.quyu-description summary').click();
    await page.waitForFunction(
      (before) => document.getElementById('fig1')!.getBoundingClientRect().height > before + 10,
      frameHeight,
      { timeout: 20_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('XSS vectors in title, subtitle, source, legend and tooltip fields render as inert text', async () => {
    const layout = {
      id: 'xss',
      title: XSS,
      region: 'Guangdong',
      sources: [{ title: XSS, url: 'https://example.org/?q=%3Cscript%3E' }],
      items: [
        {
          type: 'metro-circle',
          id: 'c1',
          name: XSS,
          status: 'verified',
          source: { title: XSS, url: 'https://example.org/"onmouseover="alert(1)' },
          core: '440300',
          members: [{ code: '440300', name: XSS }, { code: '441900' }],
        },
      ],
    };
    const spec = {
      layouts: [layout],
      title: XSS,
      subtitle: XSS,
      source: XSS,
      focus: { codes: ['440300', '441900'] },
    };
    const { page, errors, dialogs } = await openSpec(spec, 900);
    // hover the middle of the map to open a tooltip over the circle
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3);
    await page.waitForTimeout(300);
    const result = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      injected: document.querySelectorAll('quyu-map img[src="x"], quyu-map script, quyu-map [onerror]')
        .length,
      title: document.querySelector('.quyu-title')?.textContent,
      subtitle: document.querySelector('.quyu-subtitle')?.textContent,
      source: document.querySelector('.quyu-source')?.textContent,
      legend: document.querySelector('.quyu-legend')?.textContent ?? '',
      links: [...document.querySelectorAll('quyu-map a')].map((a) => (a as HTMLAnchorElement).href),
    }));
    expect(result.pwned).toBeUndefined();
    expect(dialogs()).toBe(0);
    expect(result.injected).toBe(0);
    expect(result.title).toBe(XSS);
    expect(result.subtitle).toBe(XSS);
    expect(result.source).toContain(XSS);
    expect(result.legend).toContain('<script>');
    expect(result.links.filter((u) => u.startsWith('javascript:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('XSS vectors in a data figure stay text in its static first frame (SVG) and after MapLibre', async () => {
    const spec = {
      layers: [
        { type: 'choropleth', values: { '440100': 1, '440300': 2, '440400': 3 }, label: XSS, classes: 2 },
      ],
      title: XSS,
      alt: XSS,
      focus: { codes: ['440000'] },
    };
    const { page, errors, dialogs } = await openSpec(spec, 700);
    const result = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      injected: document.querySelectorAll('quyu-map img, quyu-map script, quyu-map [onerror]').length,
      svgLabel: document.querySelector('.quyu-first-paint svg')?.getAttribute('aria-label'),
      svgTexts: document.querySelectorAll('.quyu-first-paint svg text').length,
    }));
    expect(result.pwned).toBeUndefined();
    expect(dialogs()).toBe(0);
    expect(result.injected).toBe(0);
    expect(result.svgLabel).toBe(XSS);
    expect(result.svgTexts).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the hand-over draws only MapLibre's complete frame, and that frame is the one MapLibre draws by itself", async () => {
    const page = await h.browser.newPage({ viewport: { width: 520, height: 800 } });
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${h.baseUrl}/test/browser/pages/hand-over.html`);
      await page.waitForFunction(() => window.__handOver !== undefined);
      const r = await page.evaluate(() => window.__handOver!);
      expect(errors).toEqual([]);
      // Real MapLibre on the Guangdong region file draws several frames as tiles and labels arrive ...
      expect(r.every).toBeGreaterThan(1);
      // ... the hand-over one: the frame its first idle follows.
      expect(r.handOver).toBe(1);
      expect(r.differentPixels / r.pixels).toBeLessThan(0.001);
    } finally {
      await page.close();
    }
  });

  it('an invalid spec from the URL shows its errors as text, naming the path', async () => {
    const page = await h.browser.newPage();
    await page.goto(
      `${h.baseUrl}/examples/embed.html#spec=${base64url({ theme: 'neon', sourceUrl: 'javascript:alert(1)' })}`,
    );
    const alert = page.locator('.quyu-error');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('theme');
    expect(text).toContain('sourceUrl');
    expect(await page.locator('quyu-map a').count()).toBe(0);
    await page.close();
  });

  it('works under its strict Content-Security-Policy: no violation reported', async () => {
    const page = await h.browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(`${h.baseUrl}/examples/embed.html#layout=sichuan`);
    expect(response?.ok()).toBe(true);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await page.waitForFunction(() => window.__quyuIdle !== undefined);
    await page.evaluate(() => window.__quyuIdle);
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  const GDP: MapSpecInput = {
    title: '广东各市 2023 年地区生产总值',
    source: '示例数据',
    layouts: ['guangdong'],
    show: { types: ['metro-circle'] },
    layers: [
      {
        type: 'choropleth',
        label: 'GDP（亿元）',
        palette: 'Blues',
        values: {
          廣州: 30355.73,
          深圳市: 34606.4,
          Foshan: 13276.14,
          东莞: 11438.13,
          惠州: 5639.68,
          Zhuhai: 4233.22,
        },
      },
    ],
  };

  it('data below overlays: the choropleth is drawn under the circles, which are outlines only; one legend', async () => {
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(GDP)}`, {
      width: 900,
      height: 900,
    });
    expect(errors).toEqual([]);
    const order = await page.evaluate(() =>
      window
        .__quyuMap!.getStyle()
        .layers.map(
          (l) =>
            [l.id, l.type, (l.metadata as Record<string, string> | undefined)?.['quyu:stack'] ?? ''] as const,
        ),
    );
    const data = order.findIndex(([, , stack]) => stack === 'data');
    const overlays = order
      .map(([, , stack], i) => [stack, i] as const)
      .filter(([stack]) => stack && stack !== 'data');
    expect(data).toBeGreaterThan(0);
    for (const [, i] of overlays) expect(i).toBeGreaterThan(data);
    expect(order.filter(([id, type]) => id.startsWith('quyu-guangdong-') && type === 'fill')).toEqual([]);
    expect(await page.locator('.quyu-legend').count()).toBe(1);
    const legend = await page.locator('.quyu-legend').textContent();
    expect(legend).toContain('无数据');
    expect(legend?.split('GDP（亿元）').length).toBe(2); // said once
    // The scale bar is never under the legend.
    const boxes = await page.evaluate(() => {
      const r = (s: string) => document.querySelector(s)!.getBoundingClientRect().toJSON() as DOMRect;
      return { legend: r('.quyu-legend-box'), scale: r('.maplibregl-ctrl-scale') };
    });
    expect(boxes.legend.bottom).toBeLessThanOrEqual(boxes.scale.top);
    const text = await page.locator('.quyu-description-text').textContent();
    expect(text).toMatch(/^GDP（亿元）：6 个单位有数据，从珠海市的 4,233 到深圳市的 34,606/);
    await page.close();
  });

  it('at phone width (375 px) the legend lies below the map (covers 0 %) and is collapsible; matches the golden', async () => {
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(GDP)}`, {
      width: 375,
      height: 800,
    });
    expect(errors).toEqual([]);
    const cover = await page.evaluate(legendCoverage);
    console.info(`legend coverage at 375 px: ${(cover.coverage * 100).toFixed(1)} %`);
    expect(cover).toEqual({ coverage: 0, below: true });
    await page.locator('.quyu-legend summary').click();
    expect(await page.locator('.quyu-legend details').getAttribute('open')).toBeNull();
    await page.locator('.quyu-legend summary').click();
    await waitForMapSettled(page);
    const shot = await stableScreenshot(page.locator('figure'));
    const golden = compareGolden('embed-phone-gdp', shot, { maxDiffRatio: 0.02 });
    expect(golden.status, golden.message).not.toBe('mismatch');
    // On a wide figure the legend lies over the map, clear of the scale bar.
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.waitForTimeout(300);
    const wide = await page.evaluate(legendCoverage);
    console.info(`legend coverage at 1000 px: ${(wide.coverage * 100).toFixed(1)} %`);
    expect(wide.coverage).toBeLessThan(0.3);
    await page.close();
  });

  it('a wide national view never shows past the base map (60°E): the map grows taller', async () => {
    const spec: MapSpecInput = { layouts: ['national'], height: 400 };
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(spec)}`, {
      width: 1400,
      height: 900,
    });
    expect(errors).toEqual([]);
    const view = await page.evaluate(() => {
      const b = window.__quyuMap!.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    });
    expect(view[0]).toBeGreaterThanOrEqual(60);
    expect(view[2]).toBeLessThanOrEqual(150.001);
    expect(view[1]).toBeLessThan(19); // Hainan in view
    expect(view[3]).toBeGreaterThan(52); // 漠河 in view
    expect(await page.locator('.quyu-inset').count()).toBe(1);
    await page.close();
  });

  it('a figure whose view leaves its region file (a phone figure 1,000 px tall) is drawn from the national file, fetched at once, and shows no edge of its data', async () => {
    // A phone figure much taller than wide shows far north and south of its province: past the region
    // file's context box for 23 of 34 provinces at 343×1000, Guangdong among them (view-in-context.test.ts).
    // The embed knows it before fetching (viewLeavesRegion): it does not fetch the region file first.
    const spec: MapSpecInput = {
      layers: [{ type: 'choropleth', values: { '440100': 1, '440300': 2, '440400': 3, '441900': 4 } }],
      focus: { codes: ['440000'] },
      height: 1000,
    };
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(spec)}`, {
      width: 375,
      height: 1200,
    });
    expect(errors).toEqual([]);
    await expectNationalFileOnly(page, '440000');
    await expectViewInContext(page);
    await page.close();
  });

  it("a figure of data of the whole province draws from the province's overview, and takes the region file's detail in place once the reader zooms in or exports an SVG (a failed fetch reported as a map error, and tried again)", async () => {
    // Vertices per unit as topojson-client decodes them from a file: what the map's data source must hold.
    const verticesIn = (file: string) => {
      const t = JSON.parse(readFileSync(`data/regions/${file}`, 'utf8')) as Topology;
      const fc = feature(t, t.objects.prefectures!) as unknown as GeoJSON.FeatureCollection;
      return Object.fromEntries(
        fc.features.map((f) => [String(f.id), JSON.stringify(f.geometry).match(/\[-?\d[^[\]]*\]/g)!.length]),
      );
    };
    const overview = verticesIn('440000.overview.json');
    const detail = verticesIn('440000.json');
    const spec: MapSpecInput = {
      layers: [{ type: 'choropleth', values: { '440100': 1, '440300': 2, '440400': 3, '441900': 4 } }],
      focus: { codes: ['440000'] },
    };
    const drawn = (page: Page) =>
      page.evaluate(() => {
        const map = window.__quyuMap!;
        const data = (
          map.getStyle().sources['quyu-choropleth-0-areas'] as { data: GeoJSON.FeatureCollection }
        ).data;
        const files = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => /regions\/\d{6}(\.overview)?\.json$/.test(n))
          .map((n) => n.slice(n.lastIndexOf('/') + 1));
        const vertices = Object.fromEntries(
          data.features.map((f) => [
            String(f.properties!.code),
            JSON.stringify(f.geometry).match(/\[-?\d[^[\]]*\]/g)!.length,
          ]),
        );
        return { zoom: map.getZoom(), files, vertices };
      });
    const expectDrawnFrom = (got: Record<string, number>, file: Record<string, number>) => {
      expect(Object.keys(got).length).toBeGreaterThanOrEqual(4);
      for (const [code, n] of Object.entries(got)) expect(n, code).toBe(file[code]);
    };
    // Desktop, legend over the map: first view below zoom 6, drawn from the overview alone.
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(spec)}`, {
      width: 800,
      height: 800,
    });
    try {
      const first = await drawn(page);
      expect(first.zoom).toBeLessThan(6);
      expect(first.files).toEqual(['440000.overview.json']);
      expectDrawnFrom(first.vertices, overview);
      // The region file cannot be fetched: the map reports it (an `error` event) and keeps the overview.
      await page.route(/regions\/440000\.json$/, (route) => route.abort());
      const reported = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const map = window.__quyuMap!;
            map.once('error', (e) => resolve(String(e.error?.message ?? e.error)));
            map.jumpTo({ zoom: 6.1 });
          }),
      );
      expect(reported.length).toBeGreaterThan(0);
      expectDrawnFrom((await drawn(page)).vertices, overview);
      await page.unroute(/regions\/440000\.json$/);
      errors.length = 0; // MapLibre logs the reported error: expected here
      // Zoomed in again: the region file is fetched and each source takes its data in place.
      await page.evaluate(() => window.__quyuMap!.jumpTo({ zoom: 6.2 }));
      await page.waitForFunction(
        (n) => {
          const data = (
            window.__quyuMap!.getStyle().sources['quyu-choropleth-0-areas'] as {
              data: GeoJSON.FeatureCollection;
            }
          ).data;
          const f = data.features.find((x) => x.properties!.code === '440100');
          return JSON.stringify(f?.geometry).match(/\[-?\d[^[\]]*\]/g)!.length === n;
        },
        detail['440100'],
        { polling: 250, timeout: 30_000 },
      );
      const zoomed = await drawn(page);
      expect(zoomed.files.filter((f) => f === '440000.json').length).toBeGreaterThanOrEqual(1);
      expect(zoomed.files[0]).toBe('440000.overview.json');
      expectDrawnFrom(zoomed.vertices, detail);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    // A phone: the first view (zoom 4.9) stays on the overview, through a PNG at 2x, until the figure is exported as SVG.
    const phone = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(spec)}`, {
      width: 375,
      height: 700,
    });
    try {
      expect((await drawn(phone.page)).files).toEqual(['440000.overview.json']);
      // A PNG at 2x is drawn as at zoom 4.9 + 1, still below 6: from the overview.
      const png = await phone.page.evaluate(async () => (await (await window.__quyuEmbed!).toPng(2)).size);
      expect(png).toBeGreaterThan(10_000);
      expect((await drawn(phone.page)).files).toEqual(['440000.overview.json']);
      const svg = await phone.page.evaluate(async () => (await (await window.__quyuEmbed!).toSvg()).size);
      expect(svg).toBeGreaterThan(10_000);
      const exported = await drawn(phone.page);
      expect(exported.files).toEqual(['440000.overview.json', '440000.json']);
      expectDrawnFrom(exported.vertices, detail);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.page.close();
    }
  });

  it('a figure with layouts, 620 px wide with its legend over the map, shows no edge of its data either', async () => {
    // Its legend comes with the layouts, after the map: the view is taken with the widest legend, which
    // takes it past the region file; the embed knows it before fetching and fetches only the national file.
    const spec: MapSpecInput = { layouts: ['guangdong'], focus: { codes: ['440000'] } };
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(spec)}`, {
      width: 620,
      height: 800,
    });
    expect(errors).toEqual([]);
    const legendOver = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('.quyu-legend-box')!;
      return getComputedStyle(box).position === 'absolute' && !box.hidden;
    });
    expect(legendOver).toBe(true);
    await expectNationalFileOnly(page, '440000');
    await expectViewInContext(page);
    await page.close();
  });

  it('reacts to hash changes: a new #spec= redraws in place', async () => {
    const { page, errors } = await openMapPage(h, '/examples/embed.html#layout=sichuan', {
      width: 800,
      height: 900,
    });
    expect(errors).toEqual([]);
    const next = encodeSpec({ ...GDP, title: '新标题' });
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `spec=${next}`);
    await page.waitForFunction(
      () => document.querySelector('.quyu-title')?.textContent === '新标题',
      undefined,
      {
        timeout: 60_000,
      },
    );
    await page.evaluate(() => window.__quyuIdle);
    expect(await page.locator('quyu-map figure').count()).toBe(1);
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("bidi: a right-to-left override in a field cannot reverse the product's own text after it", async () => {
    const RLO = '\u202E';
    const spec: MapSpecInput = {
      layouts: ['sichuan'],
      title: `${RLO}标题`,
      source: `${RLO}来源 evil`,
      notes: `${RLO}注`,
    };
    const { page, errors } = await openMapPage(h, `/examples/embed.html#spec=${encodeSpec(spec)}`, {
      width: 800,
      height: 900,
    });
    expect(errors).toEqual([]);
    const source = await page.evaluate(() => {
      const p = document.querySelector('.quyu-source')!;
      return {
        bdi: p.querySelector('bdi')?.textContent,
        last: p.lastChild?.textContent,
        title: document.querySelector('.quyu-title')!.getAttribute('dir'),
      };
    });
    expect(source).toEqual({ bdi: `${RLO}来源 evil`, last: '示意图，无审图号', title: 'auto' });
    // drawn: the note after the source reads left to right (the same pixels as without the override)
    const draw = async (s: string) =>
      page.evaluate((text) => {
        const p = document.createElement('p');
        p.className = 'quyu-source';
        const b = document.createElement('bdi');
        b.textContent = text;
        p.append('来源：', b, ' · 示意图，无审图号');
        document.body.append(p);
        const r = document.createRange();
        r.setStart(p.lastChild!, 3);
        r.setEnd(p.lastChild!, 4);
        const x = r.getBoundingClientRect().left - p.getBoundingClientRect().left;
        p.remove();
        return x;
      }, s);
    expect(await draw(`${RLO}abc`)).toBeCloseTo(await draw('abc'), 0);
    const svg = await page.evaluate(async () => (await (await window.__quyuEmbed!).toSvg()).text());
    expect(svg).not.toContain(RLO);
    await page.close();
  });

  it('length: a 100,000-character title and a 33,333-character item name get a short error, never a stalled map', async () => {
    const longName = {
      id: 'x',
      title: 't',
      region: 'Guangdong',
      items: [
        {
          type: 'metro-circle',
          id: 'c',
          name: 'x'.repeat(33_333),
          status: 'verified',
          core: '440300',
          members: [{ code: '440300' }],
        },
      ],
    };
    for (const [spec, path] of [
      [{ title: '长'.repeat(100_000) }, 'title'],
      [{ layouts: [longName] }, 'layouts[0].items[0].name'],
    ] as const) {
      const page = await h.browser.newPage();
      await page.goto(`${h.baseUrl}/examples/embed.html#spec=${base64url(spec)}`);
      const alert = page.locator('.quyu-error');
      await alert.waitFor({ timeout: 30_000 });
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain(path);
      expect(text.length).toBeLessThan(1500);
      await page.close();
    }
  });
});
