/**
 * The embed kit in a real browser: embed.html from a URL spec, the iframe host page and its height
 * messages, PNG export, the text description, XSS vectors in every text field, and a strict CSP.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLayout } from '../../src/embed/describe.ts';
import { encodeSpec, type MapSpecInput } from '../../src/embed/spec.ts';
import { guangdong } from '../../src/layouts/guangdong.ts';
import { loadGazetteer } from '../../src/names/load.ts';
import { type Harness, openMapPage, skipWithoutBrowser, startHarness } from './harness.ts';

/** A crafted link: encodeSpec validates (every link it makes works), so an invalid spec is encoded by hand. */
function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

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
    expect(text).toContain('广州都市圈：包括广州市、佛山市');
    // keyboard: the map region is labelled and the canvas can take focus
    expect(await page.locator('.quyu-map').getAttribute('aria-label')).toMatch(/方向键/);
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
        title: doc.querySelector('text')?.textContent,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('|'),
      };
    });
    expect(result.parseError).toBe(false);
    expect(result.paths).toBeGreaterThan(100); // the units in view, the layout areas and the inset
    expect(result.scripts).toBe(0);
    expect(result.title).toBe(`广东五大都市圈 ${XSS}`);
    expect(result.texts).toContain('广州都市圈');
    expect(result.texts).toContain('来源：广东省人民政府');
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
    const page = await h.browser.newPage({ viewport: { width: 800, height: 900 } });
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
      legend: document.querySelector('.maplibregl-ctrl')?.parentElement?.textContent ?? '',
      links: [...document.querySelectorAll('quyu-map a')].map((a) => (a as HTMLAnchorElement).href),
    }));
    expect(result.pwned).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(result.injected).toBe(0);
    expect(result.title).toBe(XSS);
    expect(result.subtitle).toBe(XSS);
    expect(result.source).toContain(XSS);
    expect(result.legend).toContain('<script>');
    expect(result.links.filter((u) => u.startsWith('javascript:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
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
});
