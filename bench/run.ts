/**
 * Runs every benchmark (`npx tsx bench/run.ts`, or `npm run bench`), prints one table and writes it to
 * `bench/RESULTS.md`. Pass names to run only some: `npx tsx bench/run.ts neighbors area-of`.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bench as areaOf } from './area-of.bench.ts';
import { bench as assignRegions } from './assign-regions.bench.ts';
import { bench as counties } from './counties.bench.ts';
import { fmt, median, type Row } from './harness.ts';
import { bench as matchRegions } from './match-regions.bench.ts';
import { bench as neighbors } from './neighbors.bench.ts';
import { bench as reachRing } from './reach-ring.bench.ts';
import { PAGES, run as renderBench, resultOf, SIZES, type SizeName } from './render.bench.ts';
import { bench as size } from './size.bench.ts';

/**
 * The render benchmark (one job: Guangdong's 21 units as a choropleth with names) as table rows: every page
 * at both sizes, with ratios against ECharts and bare MapLibre in the same run.
 */
async function render(): Promise<Row[]> {
  const { results, bundle } = await renderBench({ runs: 11, log: (l) => process.stderr.write(`${l}\n`) });
  const rows: Row[] = [];
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  for (const size of Object.keys(SIZES) as SizeName[]) {
    const { width, height } = SIZES[size];
    const echarts = resultOf(results, 'echarts', size);
    const bare = resultOf(results, 'bare', size);
    for (const page of PAGES) {
      const r = resultOf(results, page, size);
      const group = `render ${size} ${width}×${height}`;
      // Pages load in rounds (each page once per round, order rotated): the ratio within each round is
      // paired, so a slow spell of the machine weighs on both sides. Its median and range say how firm the
      // ratio of the medians is.
      const paired = (mine: number[], theirs: number[]) => {
        const q = mine.map((v, i) => v / theirs[i]!).sort((a, b) => a - b);
        return `paired by round ${median(q).toFixed(2)}× (${q[0]!.toFixed(2)}–${q[q.length - 1]!.toFixed(2)}×)`;
      };
      const quyuPage = page.startsWith('quyu');
      rows.push(
        {
          group,
          case: `${page}: first frame`,
          value: r.firstFrameMs,
          unit: 'ms',
          runs: r.runs,
          note: `${(r.firstFrameMs / echarts.firstFrameMs).toFixed(2)}× ECharts${quyuPage ? ` (${paired(r.all.firstFrameMs, echarts.all.firstFrameMs)})` : ''}, ${(r.firstFrameMs / bare.firstFrameMs).toFixed(2)}× bare MapLibre${page === 'quyu' ? '; target ≤ 1.0× ECharts' : ''}`,
        },
        {
          group,
          case: `${page}: interactive`,
          value: r.interactiveMs,
          unit: 'ms',
          runs: r.runs,
          note: `${(r.interactiveMs / bare.interactiveMs).toFixed(2)}× bare MapLibre${quyuPage ? ` (${paired(r.all.interactiveMs, bare.all.interactiveMs)})` : ''}, ${(r.interactiveMs / echarts.interactiveMs).toFixed(2)}× ECharts${page === 'quyu' ? '; target ≤ 1.2× bare MapLibre' : ''}`,
        },
        {
          group,
          case: `${page}: heap (page and workers)`,
          value: r.heapBytes / 1e6,
          unit: 'MB',
          runs: r.runs,
          note: `${(r.heapBytes / bare.heapBytes).toFixed(2)}× bare MapLibre, ${(r.heapBytes / echarts.heapBytes).toFixed(2)}× ECharts`,
        },
        {
          group,
          case: `${page}: bytes transferred (gzip)`,
          value: (r.jsBytes + r.dataBytes) / 1024,
          unit: 'KB',
          runs: r.runs,
          note: `JS ${kb(r.jsBytes)}, data ${kb(r.dataBytes)}; ${((r.jsBytes + r.dataBytes) / (bare.jsBytes + bare.dataBytes)).toFixed(2)}× bare MapLibre, ${((r.jsBytes + r.dataBytes) / (echarts.jsBytes + echarts.dataBytes)).toFixed(2)}× ECharts`,
        },
      );
    }
  }
  rows.push({
    group: 'bundle',
    case: 'quyu/maplibre, minified, maplibre-gl external',
    value: bundle.gzipBytes / 1024,
    unit: 'KB gz',
    runs: 1,
    note: `${(bundle.bytes / 1024).toFixed(1)} KB minified`,
  });
  return rows;
}

const BENCHES: Record<string, () => Promise<Row[]>> = {
  'assign-regions': assignRegions,
  neighbors,
  'area-of': areaOf,
  'reach-ring': reachRing,
  'match-regions': matchRegions,
  render,
  size,
  counties,
};

const only = process.argv.slice(2);
const started = performance.now();
const rows: Row[] = [];
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench ${name}…\n`);
  rows.push(...(await bench()));
}

/** Display width: East Asian wide characters (汉字, fullwidth forms) take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** A markdown table with padded columns (the layout Biome's markdown formatter expects). */
function markdownTable(head: string[], right: boolean[], body: string[][]): string {
  const widths = head.map((h, c) => Math.max(3, width(h), ...body.map((r) => width(r[c]!))));
  const pad = (v: string, c: number) => ' '.repeat(widths[c]! - width(v));
  const cell = (v: string, c: number) => (right[c] ? pad(v, c) + v : v + pad(v, c));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (right[c] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...body.map(line)].join('\n');
}

const table = markdownTable(
  ['Group', 'Case', 'Median', 'Unit', '× baseline', 'Runs', 'Note'],
  [false, false, true, false, true, true, false],
  rows.map((r) => [
    r.group,
    r.case,
    fmt(r.value),
    r.unit,
    r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
    String(r.runs),
    r.note ?? '',
  ]),
);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
const machine = `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, one used), ${new Date().toISOString().slice(0, 10)}; ${seconds} s in all.`;
console.log(`\n${table}\n\n${machine}`);

const md = `# Benchmarks

Generated by \`npx tsx bench/run.ts\` (\`npm run bench\`). Medians of several runs; "× baseline" is how many
times faster than a baseline measured in the same run on the same data: the first row of the group, or for
\`areaOf\` the Turf union of the same units (in the note). Random points are uniform in China's bounding box
(73.5–135.1°E, 3.8–53.6°N, seeded); answers of \`assignRegions\` are checked to be identical to both
Turf loops on their samples.

${table}

${machine}
`;
if (!only.length) writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), md);
// The render benchmark's own page, also when it ran alone (`npx tsx bench/run.ts render`).
const renderRows = rows.filter((r) => r.group.startsWith('render '));
if (renderRows.length) {
  const renderTable = markdownTable(
    ['Size', 'Case', 'Median', 'Unit', 'Runs', 'Ratios in the same run'],
    [false, false, true, false, true, false],
    renderRows.map((r) => [
      r.group.replace(/^render /, ''),
      r.case,
      fmt(r.value),
      r.unit,
      String(r.runs),
      r.note ?? '',
    ]),
  );
  writeFileSync(
    fileURLToPath(new URL('./RENDER.md', import.meta.url)),
    `# Render benchmark

Generated by \`npx tsx bench/run.ts render\` (part of \`npm run bench\`); how it measures: \`bench/render.bench.ts\`.
One job — Guangdong's 21 prefecture-level units as a choropleth of 21 values with their names — drawn by
quyu (with the static first frame, without it, and as before: national file and national base style), by
bare MapLibre (the same 21 polygons, nothing else) and by ECharts 5.6 (modular build, canvas), cold loads in
headless Chromium (SwiftShader), medians of 11 loads per page and size, in rounds (each page once per round,
order rotated). "Paired by round" is the ratio within each round, its median and range: how firm a ratio
of medians is on this machine, whose speed drifts by ±15 % between rounds.

${renderTable}

${machine}
`,
  );
}
