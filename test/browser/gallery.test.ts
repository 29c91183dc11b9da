/**
 * The examples gallery in a real browser: every page renders with no console error and shows its sources;
 * the Mianyang layout renders honestly without county boundaries and with an imported county extension;
 * the relations example answers; and the static build works offline from a plain static server.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../examples/gallery.ts';
import { loadAtlas } from '../../src/atlas/index.ts';
import { importBoundaries } from '../../src/import/index.ts';
import { type Harness, openMapPage, ROOT, skipWithoutBrowser, startHarness } from './harness.ts';

// The tools draw their maps in preview iframes (tested in embed.test.ts and studio.test.ts).
const MAP_PAGES = EXAMPLES.filter((e) => e.slug !== 'snippet' && e.slug !== 'studio');
const LAYOUT_PAGES = EXAMPLES.filter((e) => e.group === 'layout' || e.group === 'layer').map((e) => e.slug);

describe('gallery files', () => {
  it('has a page and a preview image for every example', () => {
    for (const e of EXAMPLES) {
      expect(existsSync(join(ROOT, `examples/${e.slug}.html`)), e.slug).toBe(true);
      expect(existsSync(join(ROOT, `examples/public/previews/${e.slug}.png`)), `preview of ${e.slug}`).toBe(
        true,
      );
    }
  });
});

describe.skipIf(skipWithoutBrowser)('gallery in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the index lists every example with its preview', async () => {
    const page = await h.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${h.baseUrl}/`);
    await page.locator('.card').first().waitFor();
    expect(await page.locator('.card').count()).toBe(EXAMPLES.length);
    const broken = await page.evaluate(async () => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>('.card img')];
      for (const i of imgs) i.loading = 'eager';
      await Promise.all(imgs.map((i) => i.decode().catch(() => undefined)));
      return imgs.filter((i) => i.naturalWidth === 0).map((i) => i.src);
    });
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const ex of MAP_PAGES) {
    it(`${ex.slug}: renders with no console error${LAYOUT_PAGES.includes(ex.slug) ? ' and lists its sources' : ''}`, async () => {
      const { page, errors, canvas } = await openMapPage(
        h,
        `/examples/${ex.slug}.html${ex.query ? `?${ex.query}` : ''}`,
      );
      expect(errors).toEqual([]);
      expect(canvas.width).toBeGreaterThan(300);
      expect(canvas.height).toBeGreaterThan(300);
      if (LAYOUT_PAGES.includes(ex.slug) && ex.slug !== 'choropleth') {
        const sources = await page.locator('.info-panel ol li').count();
        expect(sources).toBeGreaterThan(0);
        expect(await page.locator('.info-panel').textContent()).toMatch(/推断或待核实/);
      }
      await page.close();
    });
  }

  it('relations: a hub shows its reach ring and the units within it', async () => {
    const { page, errors } = await openMapPage(
      h,
      '/examples/relations.html?hub=hub-guangzhou-baiyun-international-airport&km=50',
    );
    expect(errors).toEqual([]);
    const text = await page.locator('#result').textContent();
    expect(text).toMatch(/^广州白云国际机场 50 公里内的地级单位/);
    expect(text).toContain('广州市（0 km）');
    expect(text).toContain('佛山市');
    expect(text).not.toContain('湛江市');
    await page.close();
  });

  it('bring your own data: errors name the path, the value and the fix', async () => {
    const bad = JSON.stringify({
      id: 'x',
      title: 't',
      region: 'r',
      items: [
        {
          type: 'link',
          id: 'l',
          name: 'n',
          kind: 'enclave',
          status: 'verified',
          from: '440300',
          to: '440300',
        },
      ],
    });
    const { page, errors } = await openMapPage(h, `/examples/byod.html?json=${encodeURIComponent(bad)}`);
    expect(errors).toEqual([]);
    const messages = await page.locator('#messages .error').allTextContents();
    expect(messages.join('\n')).toMatch(/items\[0\]/);
    expect(messages.join('\n')).toMatch(/440300/);
    await page.close();
  });

  describe('Mianyang (county-based layout)', () => {
    it('without county boundaries: parent outline, seat points and the note; no county drawn as a polygon', async () => {
      const { page, errors } = await openMapPage(h, '/examples/mianyang.html?test');
      expect(errors).toEqual([]);
      expect(await page.locator('.maplibregl-ctrl').first().textContent()).toContain('县级边界未加载');
      const drawn = await page.evaluate(() => {
        const set = window.__quyuLayout!.layerSet;
        const features = Object.entries(set.sources).flatMap(([id, s]) =>
          typeof s.data === 'object' && 'features' in s.data
            ? s.data.features.map((f) => ({ id, code: f.properties?.code, type: f.geometry.type }))
            : [],
        );
        return {
          seats: features.filter((f) => f.id.endsWith('counties-seats')).map((f) => f.code),
          countyPolygons: features.filter(
            (f) => /^5107\d\d$/.test(String(f.code)) && f.code !== '510700' && /Polygon/.test(f.type),
          ),
        };
      });
      expect(drawn.seats.length).toBe(10); // every county member has a seat (游仙区's approximate)
      expect(drawn.countyPolygons).toEqual([]);
      await page.close();
    });

    it('with a county extension imported from the synthetic fixture: counties drawn as polygons', async () => {
      const fixture = JSON.parse(
        readFileSync(join(ROOT, 'test/fixtures/synthetic-mianyang-counties.geojson'), 'utf8'),
      );
      const atlas = await loadAtlas({ resolution: '2m' });
      const { extension } = await importBoundaries(fixture, {
        atlas,
        file: 'synthetic-mianyang-counties.geojson',
      });
      const dir = join(ROOT, 'test-results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'mianyang-counties.json'), JSON.stringify(extension));
      const { page, errors } = await openMapPage(
        h,
        '/examples/mianyang.html?test&extension=/test-results/mianyang-counties.json',
      );
      expect(errors).toEqual([]);
      const drawn = await page.evaluate(() => {
        const set = window.__quyuLayout!.layerSet;
        return Object.values(set.sources).flatMap((s) =>
          typeof s.data === 'object' && 'features' in s.data
            ? s.data.features
                .filter((f) => /Polygon/.test(f.geometry.type))
                .map((f) => String(f.properties?.code))
            : [],
        );
      });
      const counties = drawn.filter((c) => /^5107\d\d$/.test(c) && c !== '510700');
      expect(counties.length).toBeGreaterThan(3);
      await page.close();
    });
  });
});

describe.skipIf(skipWithoutBrowser)('npm run build:gallery', () => {
  const out = mkdtempSync(join(tmpdir(), 'quyu-gallery-'));
  let server: Server;
  let base: string;
  let h: Harness;
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
      {
        cwd: ROOT,
        env: { ...process.env, QUYU_GALLERY_OUT: out },
        stdio: 'pipe',
      },
    );
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript',
      '.mjs': 'text/javascript',
      '.css': 'text/css',
      '.json': 'application/json',
      '.png': 'image/png',
    };
    // A plain static server under a sub-path, with a strict CSP header on every response.
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(
        /^\/news\/quyu\//,
        '',
      );
      const file = join(out, path === '' || path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(out) || !existsSync(file)) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'",
      });
      res.end(readFileSync(file));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    const a = server.address();
    base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/news/quyu/`;
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('serves the index, a layout page and the embed from a sub-path, offline, under a strict CSP header', async () => {
    for (const path of ['examples/sichuan.html', 'examples/embed.html#layout=national']) {
      const page = await h.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.route(
        (url) => !url.href.startsWith(base),
        (route) => {
          errors.push(`request outside the site: ${route.request().url()}`);
          return route.abort();
        },
      );
      await page.goto(base + path);
      await page.waitForFunction(() => window.__quyuIdle !== undefined, undefined, { timeout: 60_000 });
      const state = await page.evaluate(() =>
        window.__quyuIdle!.then(
          () => 'idle',
          (e: unknown) => String(e),
        ),
      );
      expect(state, path).toBe('idle');
      expect(errors, path).toEqual([]);
      await page.close();
    }
    const index = await h.browser.newPage();
    await index.goto(base);
    await index.locator('.card').first().waitFor();
    expect(await index.locator('.card').count()).toBe(EXAMPLES.length);
    await index.close();
  });
});
