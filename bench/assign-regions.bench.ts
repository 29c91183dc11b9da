/**
 * assignRegions vs a plain Turf loop vs a bounding-box index loop, on the national-view atlas (10m) and the
 * detailed atlas (2m): points per second, index build cost, and a check that all answers are identical.
 * The methods are timed in interleaved rounds so that each sees the same load of a shared machine.
 */
import { type Atlas, assignRegions, loadAtlas, regionIndex } from '../src/index.ts';
import { bboxLoop, plainLoop, randomPoints } from '../test/relations/helpers.ts';
import { median, type Row } from './harness.ts';

const N = 100_000;
/** The plain loop is slow (a few thousand points per second): a small sample keeps the bench short. */
const PLAIN_SAMPLE = { '10m': 2_000, '2m': 300 } as const;
const BBOX_SAMPLE = { '10m': 20_000, '2m': 5_000 } as const;

function loop(fn: (x: number, y: number) => string | null, xy: Float64Array, n: number): (string | null)[] {
  const out: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = fn(xy[2 * i]!, xy[2 * i + 1]!);
  return out;
}

async function level(resolution: '10m' | '2m'): Promise<Row[]> {
  const group = `assignRegions (${resolution})`;
  const atlas = await loadAtlas({ resolution });
  const xy = randomPoints(N, 20240601);
  const units = atlas.prefectures();

  // Index build: a fresh Atlas per run so nothing is cached; features decoded first (reported apart).
  const decode: number[] = [];
  const build: number[] = [];
  for (let r = 0; r < 5; r++) {
    const fresh: Atlas = await loadAtlas({ topology: atlas.topology });
    let t0 = performance.now();
    fresh.prefectures();
    decode.push(performance.now() - t0);
    t0 = performance.now();
    regionIndex(fresh);
    build.push(performance.now() - t0);
  }
  const index = regionIndex(atlas);

  const pairs: [number, number][] = [];
  for (let i = 0; i < N; i++) pairs.push([xy[2 * i]!, xy[2 * i + 1]!]);
  const plain = plainLoop(units);
  const boxed = bboxLoop(units);
  const nPlain = PLAIN_SAMPLE[resolution];
  const nBox = BBOX_SAMPLE[resolution];
  // Interleaved rounds: every method sees the same machine load; medians over the rounds.
  const rounds = resolution === '10m' ? 5 : 3;
  const rate = { plain: [] as number[], box: [] as number[], fast: [] as number[], pairs: [] as number[] };
  const time = (fn: () => unknown, n: number) => {
    const t0 = performance.now();
    fn();
    return (n / (performance.now() - t0)) * 1000;
  };
  assignRegions(xy, atlas); // warm up
  assignRegions(pairs, atlas);
  loop(boxed, xy, 1000);
  for (let r = 0; r < rounds; r++) {
    rate.plain.push(time(() => loop(plain, xy, nPlain), nPlain));
    rate.box.push(time(() => loop(boxed, xy, nBox), nBox));
    rate.fast.push(median([0, 1, 2].map(() => time(() => assignRegions(xy, atlas), N))));
    rate.pairs.push(median([0, 1, 2].map(() => time(() => assignRegions(pairs, atlas), N))));
  }
  const plainRate = median(rate.plain);
  const boxRate = median(rate.box);
  const fast = median(rate.fast);
  const fastPairs = median(rate.pairs);

  // Same answers on the sampled points.
  const got = assignRegions(xy, atlas);
  const refPlain = loop(plain, xy, nPlain);
  const refBox = loop(boxed, xy, nBox);
  const same = refPlain.every((c, i) => c === got[i]) && refBox.every((c, i) => c === got[i]);
  if (!same) throw new Error(`${group}: answers differ from the Turf loops`);
  const s = index.stats;
  return [
    {
      group,
      case: `plain loop: @turf/boolean-point-in-polygon over ${units.length} units (baseline, ${nPlain.toLocaleString('en-US')} points)`,
      value: plainRate,
      unit: 'points/s',
      ratio: 1,
      runs: rounds,
    },
    {
      group,
      case: `bbox index (flatbush) + Turf test (${nBox.toLocaleString('en-US')} points)`,
      value: boxRate,
      unit: 'points/s',
      ratio: boxRate / plainRate,
      runs: rounds,
    },
    {
      group,
      case: `assignRegions, ${N.toLocaleString('en-US')} random points in China's bbox (Float64Array)`,
      value: fast,
      unit: 'points/s',
      ratio: fast / plainRate,
      runs: rounds,
      note: 'identical answers to both loops on their samples',
    },
    {
      group,
      case: `assignRegions, same points as [lng, lat] arrays`,
      value: fastPairs,
      unit: 'points/s',
      ratio: fastPairs / plainRate,
      runs: rounds,
    },
    {
      group,
      case: `regionIndex build (grid ${s.cols}×${s.rows} of ${s.cellDeg}°, ${s.borderCells.toLocaleString('en-US')} border cells, ${(s.bytes / 1e6).toFixed(1)} MB)`,
      value: median(build),
      unit: 'ms',
      runs: 5,
      note: `plus ${median(decode).toFixed(0)} ms decoding the features once per atlas`,
    },
  ];
}

export async function bench(): Promise<Row[]> {
  return [...(await level('10m')), ...(await level('2m'))];
}
