/**
 * An app developer's first hour, as CI lives it: `npm pack` (which builds dist/ through `prepack`), a
 * scratch app installed from the tarball — offline: from the npm cache the project's own install filled —,
 * the README's files copied **verbatim** (`<!-- first-hour: FILE -->` before each block), then:
 *
 * 1. `tsc` with `skipLibCheck: false`: the public types resolve from the published package alone, and
 *    `atlas.topology`, `extensions` and the importer's result are typed (not `any`);
 * 2. the README's Node script prints what its comments say;
 * 3. `vite build` with Vite's defaults, the built page served as static files and opened in Chromium: it
 *    draws land and the metropolitan circles, not only the sea, with no console error ("Worker failed to
 *    load" would be one);
 * 4. the core (`loadAtlas`, `regionAt`, `codeOf`) bundles for the browser with the defaults of esbuild,
 *    Vite and webpack.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';
import { browserUnavailable, CHROMIUM, CHROMIUM_ARGS, ROOT, skipWithoutBrowser } from './harness.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const version = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string;

/** The README's files for the first hour, by name, exactly as printed. */
export function readmeFiles(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of readme.matchAll(/<!-- first-hour: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g))
    out[m[1]!] = `${m[2]}\n`;
  return out;
}

/** A fresh Vite + TypeScript app's tsconfig (create-vite's vanilla-ts template), with library checks on. */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    useDefineForClassFields: true,
    module: 'ESNext',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['vite/client'],
    skipLibCheck: false,
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    moduleDetection: 'force',
    noEmit: true,
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noFallthroughCasesInSwitch: true,
    noUncheckedSideEffectImports: true,
  },
  include: ['src'],
};

/** Types a user leans on that must not silently be `any`. */
const TYPES_CHECK = `import type { Atlas, LoadAtlasOptions } from 'quyu';
import type { ImportResult } from 'quyu/import';
import type { LayoutHandle } from 'quyu/maplibre';
import type { MapSpec } from 'quyu/embed';
import type { guangdong } from 'quyu/layouts/guangdong';

type IsAny<T> = 0 extends 1 & T ? true : false;
export const checks: [
  IsAny<Atlas['topology']>,
  IsAny<NonNullable<LoadAtlasOptions['extensions']>[number]>,
  IsAny<ImportResult['extension']>,
  IsAny<LayoutHandle['layerSet']>,
  IsAny<MapSpec>,
  IsAny<typeof guangdong>,
] = [false, false, false, false, false, false];
`;

const CORE = `import { codeOf, loadAtlas, regionAt } from 'quyu';
const atlas = await loadAtlas({ url: '/china-10m.json' });
document.body.textContent = String(regionAt([113.26, 23.13], atlas)) + codeOf('深圳');
`;

let dir: string;
let app: string;
const log = (line: string) => console.info(`first hour: ${line}`);

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' },
  });
}

describe.skipIf(skipWithoutBrowser)('the first hour, from the packed tarball', () => {
  beforeAll(() => {
    const started = Date.now();
    dir = mkdtempSync(join(tmpdir(), 'quyu-first-hour-'));
    app = join(dir, 'my-map');
    mkdirSync(join(app, 'src'), { recursive: true });
    run('npm', ['pack', '--pack-destination', dir], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    log(
      `packed ${tarball} (${(readFileSync(join(dir, tarball)).length / 1e6).toFixed(2)} MB) in ${Date.now() - started} ms`,
    );
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify(
        {
          name: 'my-map',
          private: true,
          type: 'module',
          dependencies: { quyu: `file:../${tarball}`, 'maplibre-gl': version('maplibre-gl') },
          devDependencies: { typescript: version('typescript'), vite: version('vite') },
        },
        null,
        2,
      ),
    );
    // From the npm cache that `npm ci` filled; only what is missing there comes from the registry.
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app);
    log(`installed the scratch app in ${Date.now() - started} ms`);
    for (const [name, text] of Object.entries(readmeFiles())) {
      mkdirSync(join(app, name, '..'), { recursive: true });
      writeFileSync(join(app, name), text);
    }
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(join(app, 'src/types-check.ts'), TYPES_CHECK);
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the README gives index.html, src/main.ts and atlas.mjs, and the tarball carries no gallery images', () => {
    expect(Object.keys(readmeFiles()).sort()).toEqual(['atlas.mjs', 'index.html', 'src/main.ts']);
    const files = run('tar', ['-tzf', join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!)], dir);
    expect(files).not.toMatch(/previews\/|\.png$/m);
    expect(pkg.scripts.prepare).toBeUndefined();
  });

  it('type-checks with skipLibCheck: false; the public types resolve from the package alone', () => {
    const out = (() => {
      try {
        return run(join(app, 'node_modules/.bin/tsc'), ['-p', '.'], app);
      } catch (e) {
        return String((e as { stdout?: string }).stdout ?? e);
      }
    })();
    expect(out).toBe('');
  }, 120_000);

  it("the README's Node script prints 深圳's code, the unit at a point and 广佛's area", () => {
    const out = run(process.execPath, ['atlas.mjs'], app).trim();
    const [sz, here, km2] = out.split(' ');
    expect(sz).toBe('440300');
    expect(here).toBe('440100');
    expect(Number(km2)).toBeGreaterThan(10_000);
  });

  it('vite build with its defaults, then the page draws land and the circles in Chromium', async () => {
    const started = Date.now();
    run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app);
    log(`vite build in ${Date.now() - started} ms`);
    const missing = browserUnavailable();
    if (missing) throw new Error(missing);
    const server = await serve(join(app, 'dist'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        // A missing resource is reported with its URL by the response handler below.
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
      });
      const port = (server.address() as { port: number }).port;
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
      let counts = { land: 0, sea: 0, circles: 0 };
      for (let t = 0; t < 90; t++) {
        await page.waitForTimeout(1000);
        counts = pixelCounts(await page.screenshot());
        if (counts.land > 0.05 && counts.circles > 0.003 && errors.length === 0) break;
        if (errors.length) break;
      }
      log(`page drawn in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
      expect(errors).toEqual([]);
      expect(counts.land, 'share of land pixels').toBeGreaterThan(0.05);
      expect(counts.sea, 'share of sea pixels').toBeGreaterThan(0.02);
      expect(counts.circles, 'share of pixels tinted by the circles').toBeGreaterThan(0.003);
    } finally {
      await browser.close();
      server.close();
    }
  }, 240_000);

  it('the core (loadAtlas + regionAt + codeOf) bundles for the browser with esbuild, Vite and webpack defaults', async () => {
    const core = join(app, 'core');
    mkdirSync(core, { recursive: true });
    writeFileSync(join(core, 'main.js'), CORE);
    writeFileSync(
      join(core, 'index.html'),
      '<!doctype html><script type="module" src="./main.js"></script>\n',
    );
    const sizes: Record<string, number> = {};

    const e = await esbuild({
      entryPoints: [join(core, 'main.js')],
      absWorkingDir: app,
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(e.errors).toEqual([]);
    sizes.esbuild = gzipSync(e.outputFiles[0]!.contents).length;

    await viteBuild({
      root: core,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: join(core, 'vite-dist') },
    });
    const assets = join(core, 'vite-dist/assets');
    sizes.vite = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0);

    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        {
          mode: 'production',
          context: core,
          entry: './main.js',
          output: { path: join(core, 'webpack-dist') },
        },
        (err, s) => (err || !s ? reject(err) : resolve(s)),
      ),
    );
    expect(stats.toJson({ all: false, errors: true }).errors ?? []).toEqual([]);
    sizes.webpack = readdirSync(join(core, 'webpack-dist'))
      .filter((f) => f.endsWith('.js'))
      .reduce((n, f) => n + gzipSync(readFileSync(join(core, 'webpack-dist', f))).length, 0);
    log(`core bundle, gzip bytes: ${JSON.stringify(sizes)}`);
    for (const n of Object.values(sizes)) expect(n).toBeGreaterThan(1000);
  }, 240_000);
});

/** A static file server for the built app (no fallback page: a missing file is a 404). */
function serve(root: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Shares of pixels that are land (light theme), sea, and tinted by the circles' warm colours. */
function pixelCounts(png: Buffer): { land: number; sea: number; circles: number } {
  const img = PNG.sync.read(png);
  let land = 0;
  let sea = 0;
  let circles = 0;
  const n = img.width * img.height;
  for (let i = 0; i < img.data.length; i += 4) {
    const r = img.data[i]!;
    const g = img.data[i + 1]!;
    const b = img.data[i + 2]!;
    if (Math.abs(r - 251) + Math.abs(g - 249) + Math.abs(b - 243) < 12) land++;
    else if (Math.abs(r - 212) + Math.abs(g - 228) + Math.abs(b - 240) < 12) sea++;
    // The palette's orange (#e69f00) and green (#009e73) at 30 % over land: far from grey, land and sea.
    if ((r > 200 && b < g - 35) || (g > r + 25 && g > b + 10)) circles++;
  }
  return { land: land / n, sea: sea / n, circles: circles / n };
}
