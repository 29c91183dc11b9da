/**
 * Rendering benchmark: quyu's overhead in a real browser, and the bundle size of `quyu/maplibre`.
 *
 * ```
 *  case            quyu page                                   bare page (no quyu code)
 *  guangdong       examples/guangdong.ts: loadAtlas, baseStyle,  the same style (every source's GeoJSON and
 *                  addLayout(guangdong) with legend               every layer) and images as one JSON file,
 *                                                                 handed to new maplibregl.Map
 *  polygons-2000   choroplethLayers over 2,000 synthetic cells    the same 2,000 polygons and step expression
 * ```
 * Both pages are bundled by esbuild (minified, like a production build) and served from one static server on
 * 127.0.0.1; each run opens a fresh browser context (empty cache) and measures the time from navigation to the
 * map's first `idle` (`performance.now()` in the page) and the JS heap after a forced GC (CDP
 * `Performance.getMetrics` → `JSHeapUsedSize`). Runs alternate between the pages; medians are reported.
 *
 * Run: `npx tsx bench/render.bench.ts [runs]` (default 7 runs per page). `run()` is exported for bench/run.ts.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import type { Topology } from 'topojson-specification';
import { loadAtlas } from '../src/atlas/index.ts';
import { guangdong } from '../src/layouts/guangdong.ts';
import { baseStyle, layoutLayers } from '../src/maplibre/index.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browser/harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test-results/bench');

/** Result of one page over several runs. */
export interface PageResult {
  page: string;
  runs: number;
  /** Median milliseconds from navigation to the first `idle`. */
  idleMs: number;
  /** Median JS heap after GC at idle, bytes. */
  heapBytes: number;
  idleAll: number[];
  heapAll: number[];
}

/** One quyu-vs-bare comparison. */
export interface Comparison {
  name: string;
  quyu: PageResult;
  bare: PageResult;
  /** quyu / bare, medians. */
  idleRatio: number;
  heapRatio: number;
}

/** Size of the `quyu/maplibre` bundle without maplibre-gl. */
export interface BundleSize {
  bytes: number;
  gzipBytes: number;
  /** Largest inputs (bytes in the output), for reading where the weight is. */
  top: { path: string; bytes: number }[];
  /** Every input file that ended up in the bundle. */
  inputs: string[];
}

/**
 * Bundles `src/maplibre/index.ts` as an app would (minified ESM, maplibre-gl external) and measures it
 * through esbuild's metafile. The bundle-size test asserts its budget with the same measurement.
 *
 * @example
 * ```ts
 * const { gzipBytes } = await bundleSize();
 * ```
 */
export async function bundleSize(): Promise<BundleSize> {
  const result = await build({
    entryPoints: [join(ROOT, 'src/maplibre/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    external: ['maplibre-gl'],
    logLevel: 'silent',
  });
  const file = result.outputFiles[0]!;
  const output = Object.values(result.metafile.outputs)[0]!;
  const top = Object.entries(output.inputs)
    .map(([path, v]) => ({ path, bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  return {
    bytes: file.contents.length,
    gzipBytes: gzipSync(file.contents).length,
    top,
    inputs: Object.keys(output.inputs),
  };
}

/** esbuild plugin for Vite-style `?url` imports: copies the file next to the bundle and exports its URL. */
function urlImports(outDir: string): Plugin {
  return {
    name: 'url-imports',
    setup(b) {
      b.onResolve({ filter: /\?url$/ }, async (args) => {
        const spec = args.path.replace(/\?url$/, '');
        const found = await b.resolve(spec, { kind: 'import-statement', resolveDir: args.resolveDir });
        if (found.errors.length) return { errors: found.errors };
        return { path: found.path, namespace: 'url' };
      });
      b.onLoad({ filter: /.*/, namespace: 'url' }, (args) => {
        const name = basename(args.path);
        copyFileSync(args.path, join(outDir, name));
        return { contents: `export default ${JSON.stringify(`/${name}`)};`, loader: 'js' };
      });
    },
  };
}

const HTML = (script: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" />
<link rel="icon" href="data:," />
<link rel="stylesheet" href="/maplibre-gl.css" />
<style>html,body{margin:0;height:100%}#map{position:absolute;inset:0}</style>
</head><body><main id="map"></main><script type="module" src="/${script}"></script></body></html>`;

/** The bare page: MapLibre and a style JSON, nothing of quyu. */
const BARE_PAGE = `
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
maplibregl.setWorkerUrl(workerUrl);
const file = new URLSearchParams(location.search).get('data');
const { style, images, bounds } = await (await fetch(file)).json();
const map = new maplibregl.Map({ container: 'map', style, bounds, fadeDuration: 0, attributionControl: false });
map.on('styleimagemissing', (e) => {
  const img = images[e.id];
  if (!img || map.hasImage(e.id)) return;
  const bin = atob(img.data);
  const data = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
  map.addImage(e.id, { width: img.width, height: img.height, data }, { pixelRatio: img.pixelRatio });
});
window.__quyuIdle = new Promise((r) => map.once('idle', () => r()));
`;

/** 2,000 cells over eastern China as a LayerAtlas, and the same values: what both 2,000-polygon pages draw. */
const CELLS = `
export const COLS = 50;
export const ROWS = 40;
export function cellAtlas() {
  const cell = (code) => {
    const i = Number(code) - 100000;
    const x = 100 + (i % COLS) * 0.4;
    const y = 22 + Math.floor(i / COLS) * 0.4;
    const ring = [[x, y], [x + 0.38, y], [x + 0.38, y + 0.38], [x, y + 0.38], [x, y]];
    return { type: 'Feature', id: code, properties: { name: 'cell ' + i, labelX: x + 0.19, labelY: y + 0.19 },
      geometry: { type: 'Polygon', coordinates: [ring] } };
  };
  return {
    has: (code) => Number(code) >= 100000 && Number(code) < 100000 + COLS * ROWS,
    feature: cell,
    merge: (codes) => ({ type: 'MultiPolygon', coordinates: codes.map((c) => cell(c).geometry.coordinates) }),
  };
}
export function cellValues() {
  const values = {};
  for (let i = 0; i < COLS * ROWS; i++) values[String(100000 + i)] = Math.round(50 + 40 * Math.sin(i / 7) + (i % 13));
  return values;
}
`;

/** The quyu 2,000-polygon page: choroplethLayers in a background-only style (styleWithLayerSet), with its legend. */
const QUYU_POLYGONS_PAGE = (src: string) => `
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { choroplethLayers, LegendControl, styleWithLayerSet } from ${JSON.stringify(src)};
import { cellAtlas, cellValues } from './cells.mjs';
maplibregl.setWorkerUrl(workerUrl);
const set = choroplethLayers(cellValues(), { atlas: cellAtlas(), scale: 'quantile', classes: 5, title: 'cells' });
const bg = { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#fbf9f3' } }] };
const map = new maplibregl.Map({
  container: 'map', style: styleWithLayerSet(bg, set),
  bounds: [[100, 22], [120, 38]], fadeDuration: 0, attributionControl: false,
});
map.addControl(new LegendControl({ title: 'cells', sections: set.legend }));
window.__quyuIdle = new Promise((r) => map.once('idle', () => r()));
`;

function writeImagesJson(
  images: Record<string, { width: number; height: number; data: Uint8Array; pixelRatio: number }>,
) {
  return Object.fromEntries(
    Object.entries(images).map(([id, img]) => [
      id,
      {
        width: img.width,
        height: img.height,
        pixelRatio: img.pixelRatio,
        data: Buffer.from(img.data).toString('base64'),
      },
    ]),
  );
}

/** Bundles the four pages and writes the bare pages' data. */
async function preparePages(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  copyFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.css'), join(OUT, 'maplibre-gl.css'));
  // The bare Guangdong page gets exactly what the quyu page draws: base style + layout layers + images.
  const topology = JSON.parse(readFileSync(join(ROOT, 'data/china-10m.json'), 'utf8')) as Topology;
  const atlas = await loadAtlas({ topology });
  const base = baseStyle({ atlas });
  const set = layoutLayers(guangdong, { atlas, idPrefix: 'quyu-guangdong-' });
  const firstSymbol = base.layers.findIndex((l) => l.type === 'symbol');
  const style = {
    ...base,
    sources: { ...base.sources, ...set.sources },
    layers: [
      ...base.layers.slice(0, firstSymbol),
      ...set.layers.filter((l) => l.type !== 'symbol'),
      ...base.layers.slice(firstSymbol),
      ...set.layers.filter((l) => l.type === 'symbol'),
    ],
  };
  const bounds = [
    [108.6, 20.1],
    [117.6, 25.6],
  ];
  writeFileSync(
    join(OUT, 'guangdong-bare.json'),
    JSON.stringify({ style, images: writeImagesJson(set.images), bounds }),
  );
  // The bare 2,000-polygon page: the same features and fill expression, no quyu code.
  writeFileSync(join(OUT, 'cells.mjs'), CELLS);
  const cells = (await import(pathToFileURL(join(OUT, 'cells.mjs')).href)) as {
    cellAtlas(): import('../src/maplibre/index.ts').LayerAtlas;
    cellValues(): Record<string, number>;
  };
  const { choroplethLayers } = await import('../src/maplibre/index.ts');
  const poly = choroplethLayers(cells.cellValues(), {
    atlas: cells.cellAtlas(),
    scale: 'quantile',
    classes: 5,
  });
  writeFileSync(
    join(OUT, 'polygons-bare.json'),
    JSON.stringify({
      style: {
        version: 8,
        sources: poly.sources,
        layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#fbf9f3' } }, ...poly.layers],
      },
      images: {},
      bounds: [
        [100, 22],
        [120, 38],
      ],
    }),
  );
  writeFileSync(join(OUT, 'bare-entry.js'), BARE_PAGE);
  writeFileSync(join(OUT, 'polygons-entry.js'), QUYU_POLYGONS_PAGE(join(ROOT, 'src/maplibre/index.ts')));
  await build({
    entryPoints: {
      guangdong: join(ROOT, 'examples/guangdong.ts'),
      bare: join(OUT, 'bare-entry.js'),
      polygons: join(OUT, 'polygons-entry.js'),
    },
    outdir: OUT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    plugins: [urlImports(OUT)],
    logLevel: 'warning',
  });
  writeFileSync(join(OUT, 'guangdong.html'), HTML('guangdong.js'));
  writeFileSync(join(OUT, 'bare.html'), HTML('bare.js'));
  writeFileSync(join(OUT, 'polygons.html'), HTML('polygons.js'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const body = readFileSync(join(OUT, path.replace(/^\/+/, '')));
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ server, base: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Runs the benchmark: bundles the pages, measures each case `runs` times per page, prints a table and
 * returns the numbers.
 */
export async function run(options: { runs?: number; log?: (line: string) => void } = {}): Promise<{
  comparisons: Comparison[];
  bundle: BundleSize;
}> {
  const runs = options.runs ?? 7;
  const log = options.log ?? console.log;
  const { chromium } = await import('playwright-core');
  await preparePages();
  const { server, base } = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const measure = async (path: string) => {
    const context = await browser.newContext({
      viewport: { width: 1000, height: 760 },
      deviceScaleFactor: 1,
    });
    // A string, not a function: tsx would wrap a function in helpers that do not exist in the page.
    // It notes the time of the first idle as soon as the page publishes its promise.
    await context.addInitScript(`(() => {
      let p;
      Object.defineProperty(window, '__quyuIdle', {
        configurable: true,
        get: () => p,
        set: (v) => { p = v; v.then(() => { window.__idleAt = performance.now(); }); },
      });
    })()`);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(base + path);
    await page.waitForFunction('window.__idleAt !== undefined', undefined, { timeout: 120_000 });
    const idle = (await page.evaluate('window.__idleAt')) as number;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    await context.close();
    if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
    return { idle, heap };
  };
  const cases = [
    { name: 'guangdong', quyu: '/guangdong.html', bare: '/bare.html?data=/guangdong-bare.json' },
    { name: 'polygons-2000', quyu: '/polygons.html', bare: '/bare.html?data=/polygons-bare.json' },
  ];
  const comparisons: Comparison[] = [];
  try {
    for (const c of cases) {
      // One warm-up of each (browser caches of the compiler, not of the pages: contexts are fresh).
      await measure(c.quyu);
      await measure(c.bare);
      const q = { idle: [] as number[], heap: [] as number[] };
      const b = { idle: [] as number[], heap: [] as number[] };
      for (let i = 0; i < runs; i++) {
        for (const [page, acc] of (i % 2
          ? [
              [c.bare, b],
              [c.quyu, q],
            ]
          : [
              [c.quyu, q],
              [c.bare, b],
            ]) as [string, typeof q][]) {
          const r = await measure(page);
          acc.idle.push(r.idle);
          acc.heap.push(r.heap);
        }
      }
      const result = (page: string, acc: typeof q): PageResult => ({
        page,
        runs,
        idleMs: Math.round(median(acc.idle)),
        heapBytes: Math.round(median(acc.heap)),
        idleAll: acc.idle.map(Math.round),
        heapAll: acc.heap.map(Math.round),
      });
      const quyu = result(c.quyu, q);
      const bare = result(c.bare, b);
      comparisons.push({
        name: c.name,
        quyu,
        bare,
        idleRatio: Math.round((quyu.idleMs / bare.idleMs) * 100) / 100,
        heapRatio: Math.round((quyu.heapBytes / bare.heapBytes) * 100) / 100,
      });
    }
  } finally {
    await browser.close();
    server.close();
  }
  const bundle = await bundleSize();
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  log(`render bench (${runs} runs per page, medians; time = navigation → first idle; heap after GC)`);
  log('case            page     idle ms   heap      ');
  for (const c of comparisons) {
    log(`${c.name.padEnd(15)} quyu     ${String(c.quyu.idleMs).padStart(7)}   ${mb(c.quyu.heapBytes)}`);
    log(`${''.padEnd(15)} bare     ${String(c.bare.idleMs).padStart(7)}   ${mb(c.bare.heapBytes)}`);
    log(`${''.padEnd(15)} ratio    ${c.idleRatio.toFixed(2).padStart(7)}   ${c.heapRatio.toFixed(2)}`);
  }
  log(
    `quyu/maplibre bundle (minified, maplibre-gl external): ${bundle.bytes} B, ${bundle.gzipBytes} B gzipped`,
  );
  for (const t of bundle.top) log(`  ${String(t.bytes).padStart(7)} B  ${t.path}`);
  return { comparisons, bundle };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const runs = Number(process.argv[2] ?? 7);
  run({ runs })
    .then(({ comparisons }) => {
      const worst = Math.max(...comparisons.map((c) => c.idleRatio));
      if (worst > 1.2) {
        console.error(`quyu's time to idle is ${worst}× the bare page's (budget 1.2×)`);
        process.exitCode = 1;
      }
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
