/**
 * The render benchmark: one job, drawn by quyu and by what users would pick instead, in the same run.
 *
 * The job: Guangdong's 21 prefecture-level units as a choropleth of 21 values (5 quantile classes) with
 * their names, cold loads in headless Chromium (Debian's, through playwright-core; WebGL through
 * SwiftShader), at 800×600 (desktop) and 375×667 (phone), medians of 11 runs per page and size (in rounds: each page once per round, order rotated).
 *
 * ```
 *  page            what it loads and draws
 *  quyu            the embed runtime (<quyu-map>, src/embed) with a spec of the 21 values, focus 广东:
 *                  overview data/regions/440000.overview.json (the region file once the reader zooms in),
 *                  scoped base map, static first frame (SVG), then
 *                  MapLibre (loaded after the first frame) with the legend
 *  quyu-no-paint   the same without the static first frame (firstPaint: false): what the first paint buys
 *  quyu-before     as on main before: national china-10m.json, the national base style, the choropleth
 *  bare            MapLibre alone: the same 21 polygons (GeoJSON cut from the region file), fill by the same
 *                  breaks, outlines, names; no base map
 *  echarts         ECharts 5.6 (npm alias echarts-bench, modular build: map chart, visualMap, canvas
 *                  renderer), the same GeoJSON, values and breaks, names shown, roam on
 * ```
 * Every page is bundled by esbuild (minified ESM, code splitting, the chunks it imports statically preloaded
 * from its HTML with `modulepreload`, and the quyu page's dynamic import of maplibre-gl preloading that
 * chunk and the chunks it imports at once when it is called: what a production build such as Vite's does;
 * Vite's `__vitePreload` helper wraps every dynamic import to do so) and served
 * gzip-compressed by one static server on 127.0.0.1 with cross-origin isolation (COOP/COEP), so that
 * `performance.measureUserAgentSpecificMemory()` can measure the heap of the page and its workers. Each load
 * opens a fresh browser context (empty cache). Measured in the page (`performance.now()` from navigation):
 * - first frame: the next animation frame after the page's first complete drawing (quyu: the static SVG
 *   inserted; quyu-no-paint, quyu-before and bare: MapLibre's first `idle`; ECharts: its `finished` event);
 * - interactive: the next animation frame after the map can be panned and zoomed with everything drawn
 *   (MapLibre's first `idle`; ECharts: `finished`);
 * - heap: all JS heaps of the page, workers included, after interactive (measureUserAgentSpecificMemory);
 * - bytes: response bodies as sent (gzip), counted by the server, JS and data apart.
 *
 * Run: `npx tsx bench/render.bench.ts [runs]` (default 11). `run()` is exported for bench/run.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { scaleQuantile } from 'd3-scale';
import { build } from 'esbuild';
import type { Topology } from 'topojson-specification';
import { loadAtlas } from '../src/atlas/index.ts';
import { shortName } from '../src/maplibre/support/label-text.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browser/harness.ts';
import { median } from './harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test-results/bench');

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

/** The pages of the benchmark. */
export const PAGES = ['quyu', 'quyu-no-paint', 'quyu-before', 'bare', 'echarts'] as const;
export type PageName = (typeof PAGES)[number];
/** The two sizes. */
export const SIZES = { desktop: { width: 800, height: 600 }, phone: { width: 375, height: 667 } } as const;
export type SizeName = keyof typeof SIZES;

/** Medians of one page at one size. */
export interface PageResult {
  page: PageName;
  size: SizeName;
  runs: number;
  firstFrameMs: number;
  interactiveMs: number;
  heapBytes: number;
  jsBytes: number;
  dataBytes: number;
  all: { firstFrameMs: number[]; interactiveMs: number[]; heapBytes: number[] };
}

/** Quantile breaks of the 21 values (5 classes), shared by every page. */
const COLORS = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'];

interface Job {
  values: Record<string, number>;
  breaks: number[];
  bounds: [number, number, number, number];
}

/** Writes the pages, the shared GeoJSON and the data files into test-results/bench. */
export async function preparePages(): Promise<Job> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'regions'), { recursive: true });
  const regionText = readFileSync(join(ROOT, 'data/regions/440000.json'), 'utf8');
  writeFileSync(join(OUT, 'regions/440000.json'), regionText);
  writeFileSync(
    join(OUT, 'regions/440000.overview.json'),
    readFileSync(join(ROOT, 'data/regions/440000.overview.json')),
  );
  writeFileSync(join(OUT, 'china-10m.json'), readFileSync(join(ROOT, 'data/china-10m.json')));
  const atlas = await loadAtlas({ topology: JSON.parse(regionText) as Topology, counties: false });
  const units = atlas.prefectures({ province: '440000' });
  // 21 values, fixed (not random): the job is the drawing, not the data.
  const values: Record<string, number> = {};
  units.forEach((u, i) => {
    values[u.id] = 40 + ((i * 37) % 90) + (i % 4) * 3;
  });
  const breaks = scaleQuantile<number>().domain(Object.values(values)).range([0, 1, 2, 3, 4]).quantiles();
  // The same 21 polygons for bare MapLibre and ECharts: geometry of the region file, short names, values.
  const geojson = {
    type: 'FeatureCollection',
    features: units.map((u) => ({
      type: 'Feature',
      properties: { code: u.id, name: shortName(u.properties.name, u.properties.level), value: values[u.id] },
      geometry: u.geometry,
    })),
  };
  // Coordinates to 4 decimals (about 10 m, finer than the region file's grid): GeoJSON as one would ship it.
  writeFileSync(
    join(OUT, 'gd21.json'),
    JSON.stringify(geojson, (_, v) => (typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v)),
  );
  const b = units.reduce(
    (acc, u) => {
      const visit = (c: unknown): void => {
        if (typeof (c as number[])[0] === 'number') {
          const [x, y] = c as [number, number];
          acc[0] = Math.min(acc[0], x);
          acc[1] = Math.min(acc[1], y);
          acc[2] = Math.max(acc[2], x);
          acc[3] = Math.max(acc[3], y);
        } else for (const d of c as unknown[]) visit(d);
      };
      visit(u.geometry.coordinates);
      return acc;
    },
    [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number],
  );
  const job: Job = { values, breaks, bounds: b };
  const JOB = `const JOB = ${JSON.stringify(job)};\nconst COLORS = ${JSON.stringify(COLORS)};\n`;
  // Every page reports its first frame and interactive time the same way: the next animation frame.
  const MARK = `
const frame = (name) => requestAnimationFrame(() => { window['__' + name] ??= performance.now(); });
`;
  const src = (p: string) => JSON.stringify(join(ROOT, p));
  const pages: Record<PageName, string> = {
    quyu: `${JOB}${MARK}
import { defineQuyuMap } from ${src('src/embed/element.ts')};
document.addEventListener('quyu-first-paint', () => frame('firstFrame'));
const paint = !location.search.includes('paint=0');
defineQuyuMap({
  maplibregl: () => {
    // As Vite's preload helper does at a dynamic import: the chunk and the chunks it imports, fetched at once.
    for (const href of window.__dynamicImportChunks?.['maplibre-gl'] ?? []) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.append(link);
    }
    return import('maplibre-gl').then((m) => { m.setWorkerUrl('/maplibre-gl-worker.mjs'); return m; });
  },
  atlasUrl: '/china-10m.json',
  regionUrl: (p) => '/regions/' + p + '.json',
  regionOverviewUrl: (p) => '/regions/' + p + '.overview.json',
  firstPaint: paint,
});
const el = document.createElement('quyu-map');
el.setAttribute('spec', JSON.stringify({
  layers: [{ type: 'choropleth', values: JOB.values, scale: 'quantile', classes: 5, label: '数值' }],
  focus: { codes: ['440000'] },
  title: '广东各地级市',
  height: innerHeight - 150,
}));
document.getElementById('map').append(el);
el.embed.then((e) => e.idle).then(() => { if (!paint) frame('firstFrame'); frame('interactive'); });
`,
    'quyu-before': `${JOB}${MARK}
import * as maplibregl from 'maplibre-gl';
import { loadAtlas } from ${src('src/atlas/index.ts')};
import { addLayerSet, baseStyle, choroplethLayers, LegendControl } from ${src('src/maplibre/index.ts')};
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const atlas = await loadAtlas({ url: '/china-10m.json' });
const set = choroplethLayers(JOB.values, { atlas, scale: 'quantile', classes: 5, title: '数值' });
const style = baseStyle({ atlas, prefectureLabelMinZoom: 5 });
const b = JOB.bounds;
const map = new maplibregl.Map({ container: 'map', style, bounds: [[b[0], b[1]], [b[2], b[3]]], fitBoundsOptions: { padding: 20 }, fadeDuration: 0, attributionControl: false });
map.addControl(new LegendControl({ title: '数值', sections: set.legend }), 'top-left');
map.on('load', () => addLayerSet(map, set));
map.once('idle', () => { frame('firstFrame'); frame('interactive'); });
`,
    bare: `${JOB}${MARK}
import * as maplibregl from 'maplibre-gl';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const data = await (await fetch('/gd21.json')).json();
const fill = ['step', ['get', 'value'], COLORS[0]];
JOB.breaks.forEach((b, i) => fill.push(b, COLORS[i + 1]));
const b = JOB.bounds;
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources: { gd: { type: 'geojson', data } }, layers: [
    { id: 'bg', type: 'background', paint: { 'background-color': '#ffffff' } },
    { id: 'fill', type: 'fill', source: 'gd', paint: { 'fill-color': fill, 'fill-opacity': 0.85 } },
    { id: 'line', type: 'line', source: 'gd', paint: { 'line-color': '#ffffff', 'line-width': 0.8 } },
    { id: 'label', type: 'symbol', source: 'gd', layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC Regular'], 'text-size': 11 }, paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1 } },
  ] },
  bounds: [[b[0], b[1]], [b[2], b[3]]], fitBoundsOptions: { padding: 20 }, fadeDuration: 0, attributionControl: false,
});
map.once('idle', () => { frame('firstFrame'); frame('interactive'); });
`,
    echarts: `${JOB}${MARK}
import * as echarts from 'echarts-bench/core';
import { MapChart } from 'echarts-bench/charts';
import { VisualMapComponent } from 'echarts-bench/components';
import { CanvasRenderer } from 'echarts-bench/renderers';
echarts.use([MapChart, VisualMapComponent, CanvasRenderer]);
const geo = await (await fetch('/gd21.json')).json();
echarts.registerMap('gd', geo);
const chart = echarts.init(document.getElementById('map'), null, { renderer: 'canvas' });
chart.on('finished', () => { frame('firstFrame'); frame('interactive'); });
const edges = [Math.min(...geo.features.map((f) => f.properties.value)), ...JOB.breaks, Infinity];
chart.setOption({
  animation: false,
  visualMap: { type: 'piecewise', left: 10, top: 10, pieces: COLORS.map((color, i) => ({ gte: edges[i], lt: edges[i + 1], color })) },
  series: [{ type: 'map', map: 'gd', roam: true, label: { show: true, fontSize: 11 }, itemStyle: { borderColor: '#fff', borderWidth: 0.8 },
    data: geo.features.map((f) => ({ name: f.properties.name, value: f.properties.value })) }],
});
`,
    'quyu-no-paint': '',
  };
  for (const [name, code] of Object.entries(pages)) {
    if (!code) continue;
    writeFileSync(join(OUT, `${name}.src.mjs`), code);
  }
  const result = await build({
    entryPoints: Object.keys(pages)
      .filter((n) => pages[n as PageName])
      .map((n) => join(OUT, `${n}.src.mjs`)),
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    minify: !process.env.QUYU_BENCH_DEBUG,
    outdir: OUT,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'silent',
    loader: { '.json': 'json' },
    metafile: true,
  });
  if (result.errors.length) throw new Error(result.errors.map((e) => e.text).join('; '));
  writeFileSync(
    join(OUT, 'maplibre-gl-worker.mjs'),
    readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')),
  );
  writeFileSync(
    join(OUT, 'maplibre-gl.css'),
    readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.css')),
  );
  writeFileSync(join(OUT, 'embed.css'), readFileSync(join(ROOT, 'examples/embed.css')));
  // Every chunk a page imports statically is preloaded from its HTML (<link rel="modulepreload">), as Vite's
  // production build writes it: the browser fetches them with the entry instead of one after another.
  const outputs = result.metafile!.outputs;
  const staticChunks = (file: string, seen = new Set<string>()): Set<string> => {
    for (const i of outputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement' || seen.has(i.path)) continue;
      seen.add(i.path);
      staticChunks(i.path, seen);
    }
    return seen;
  };
  const preloads = (script: string) => {
    const entry = Object.keys(outputs).find((f) => f.endsWith(`/${script}.src.js`));
    return [...(entry ? staticChunks(entry) : [])]
      .map((f) => `<link rel="modulepreload" href="/${relative(OUT, resolve(ROOT, f))}" />`)
      .join('');
  };
  // The chunks of the quyu page's dynamic import of maplibre-gl: Vite's production build rewrites every
  // dynamic import to preload the imported chunk and the chunks it imports in parallel (its
  // `__vitePreload` helper); esbuild's output would discover them one after the other.
  const dynamicImportChunks = (script: string) => {
    const entry = Object.keys(outputs).find((f) => f.endsWith(`/${script}.src.js`));
    if (!entry) return '';
    const chunks: Record<string, string[]> = {};
    for (const file of [entry, ...staticChunks(entry)])
      for (const i of outputs[file]?.imports ?? []) {
        if (i.kind !== 'dynamic-import' || !/\/maplibre-gl-[^/]*\.js$/.test(i.path)) continue;
        chunks['maplibre-gl'] = [i.path, ...staticChunks(i.path)].map(
          (f) => `/${relative(OUT, resolve(ROOT, f))}`,
        );
      }
    // Without the list the page would load maplibre-gl as esbuild alone does: a benchmark of another setup.
    if (script === 'quyu' && !chunks['maplibre-gl'])
      throw new Error('render bench: no maplibre-gl chunk among the quyu page dynamic imports');
    return Object.keys(chunks).length
      ? `<script>window.__dynamicImportChunks = ${JSON.stringify(chunks)};</script>`
      : '';
  };
  const html = (script: string, css: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="icon" href="data:," />${css}${preloads(script)}${dynamicImportChunks(script)}
<style>html,body{margin:0;height:100%}#map{position:absolute;inset:0}</style>
</head><body><main id="map"></main><script type="module" src="/${script}.src.js"></script></body></html>`;
  const mapCss = '<link rel="stylesheet" href="/maplibre-gl.css" />';
  writeFileSync(join(OUT, 'quyu.html'), html('quyu', `${mapCss}<link rel="stylesheet" href="/embed.css" />`));
  writeFileSync(
    join(OUT, 'quyu-no-paint.html'),
    html('quyu', `${mapCss}<link rel="stylesheet" href="/embed.css" />`),
  );
  writeFileSync(join(OUT, 'quyu-before.html'), html('quyu-before', mapCss));
  writeFileSync(join(OUT, 'bare.html'), html('bare', mapCss));
  writeFileSync(join(OUT, 'echarts.html'), html('echarts', ''));
  return job;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
};

/** A static server over test-results/bench: gzip, no caching, cross-origin isolated; counts bytes sent. */
export function serve(): Promise<{
  server: Server;
  base: string;
  sent: { js: number; data: number; other: number };
}> {
  const sent = { js: 0, data: 0, other: 0 };
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = join(OUT, decodeURIComponent(url.pathname));
    if (!path.startsWith(OUT) || relative(OUT, path).startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    let body = cache.get(path);
    if (!body) {
      try {
        body = gzipSync(readFileSync(path));
      } catch {
        res.writeHead(404).end();
        return;
      }
      cache.set(path, body);
    }
    const ext = extname(path);
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'content-length': body.length,
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
    if (ext === '.js' || ext === '.mjs') sent.js += body.length;
    else if (ext === '.json') sent.data += body.length;
    else sent.other += body.length;
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ server, sent, base: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}

/**
 * Runs the benchmark: bundles the pages, loads each page `runs` times per size (pages interleaved, after one
 * untimed load each), returns medians.
 */
export async function run(options: { runs?: number; log?: (line: string) => void } = {}): Promise<{
  results: PageResult[];
  bundle: BundleSize;
}> {
  const runs = options.runs ?? 11;
  const log = options.log ?? console.log;
  const { chromium } = await import('playwright-core');
  await preparePages();
  const { server, base, sent } = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
    headless: true,
  });
  const measure = async (page: PageName, size: SizeName) => {
    const context = await browser.newContext({ viewport: SIZES[size], deviceScaleFactor: 1 });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.stack ?? e.message));
    tab.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    sent.js = 0;
    sent.data = 0;
    sent.other = 0;
    const path = page === 'quyu-no-paint' ? '/quyu-no-paint.html?paint=0' : `/${page}.html`;
    await tab.goto(base + path);
    try {
      await tab.waitForFunction(
        'window.__interactive !== undefined && window.__firstFrame !== undefined',
        undefined,
        {
          timeout: 60_000,
        },
      );
    } catch (error) {
      await context.close();
      throw new Error(`${path} (${size}): ${errors.join('; ') || String(error)}`);
    }
    const t = (await tab.evaluate(
      '[window.__firstFrame, window.__interactive, self.crossOriginIsolated]',
    )) as [number, number, boolean];
    if (!t[2])
      throw new Error(`${path}: not cross-origin isolated, cannot measure the heap with its workers`);
    const heap = (await tab.evaluate(
      'performance.measureUserAgentSpecificMemory().then((m) => m.bytes)',
    )) as number;
    const bytes = { js: sent.js, data: sent.data };
    await context.close();
    if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
    return {
      firstFrameMs: t[0],
      interactiveMs: t[1],
      heapBytes: heap,
      jsBytes: bytes.js,
      dataBytes: bytes.data,
    };
  };
  const results: PageResult[] = [];
  try {
    for (const size of Object.keys(SIZES) as SizeName[]) {
      for (const p of PAGES) await measure(p, size); // untimed: the browser's own caches warm, not the pages'
      const acc = new Map<PageName, Awaited<ReturnType<typeof measure>>[]>(PAGES.map((p) => [p, []]));
      for (let i = 0; i < runs; i++) {
        // Rotate the order, so that no page always runs first.
        const order = PAGES.map((_, k) => PAGES[(k + i) % PAGES.length]!);
        for (const p of order) acc.get(p)!.push(await measure(p, size));
      }
      for (const p of PAGES) {
        const r = acc.get(p)!;
        const col = (k: 'firstFrameMs' | 'interactiveMs' | 'heapBytes' | 'jsBytes' | 'dataBytes') =>
          r.map((x) => x[k]);
        results.push({
          page: p,
          size,
          runs,
          firstFrameMs: Math.round(median(col('firstFrameMs'))),
          interactiveMs: Math.round(median(col('interactiveMs'))),
          heapBytes: Math.round(median(col('heapBytes'))),
          jsBytes: Math.round(median(col('jsBytes'))),
          dataBytes: Math.round(median(col('dataBytes'))),
          all: {
            firstFrameMs: col('firstFrameMs').map(Math.round),
            interactiveMs: col('interactiveMs').map(Math.round),
            heapBytes: col('heapBytes'),
          },
        });
      }
      log(
        `render bench ${size}: ${results
          .filter((r) => r.size === size)
          .map((r) => `${r.page} ${r.firstFrameMs}/${r.interactiveMs} ms`)
          .join(', ')}`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  const bundle = await bundleSize();
  return { results, bundle };
}

/** The result of `page` at `size`. */
export function resultOf(results: PageResult[], page: PageName, size: SizeName): PageResult {
  return results.find((r) => r.page === page && r.size === size)!;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const runs = Number(process.argv[2] ?? 11);
  run({ runs })
    .then(({ results }) => {
      for (const r of results)
        console.log(
          `${r.size.padEnd(8)} ${r.page.padEnd(14)} first ${String(r.firstFrameMs).padStart(5)} ms  interactive ${String(r.interactiveMs).padStart(5)} ms  heap ${(r.heapBytes / 1e6).toFixed(1)} MB  js ${(r.jsBytes / 1024).toFixed(0)} KB  data ${(r.dataBytes / 1024).toFixed(0)} KB`,
        );
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
