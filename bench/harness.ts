/**
 * A tiny benchmark harness: each `*.bench.ts` exports `bench(): Promise<Row[]>` (setup, timed runs,
 * teardown); `run.ts` prints the rows as one table and writes `bench/RESULTS.md`. Values are medians of
 * several runs; ratios compare against a baseline measured in the same run, on the same data.
 */

/** One result line. */
export interface Row {
  /** Group, e.g. `assignRegions`. */
  group: string;
  /** What was measured, e.g. `grid index, 100,000 random points`. */
  case: string;
  /** Median value. */
  value: number;
  unit: string;
  /** Ratio against the group's baseline (`×` faster), when there is one. */
  ratio?: number;
  /** Number of timed runs the median is over. */
  runs: number;
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Milliseconds of each of `runs` timed calls, after `warmup` untimed ones. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Median milliseconds of `fn` over `runs` runs. */
export function medianMs(fn: () => unknown, runs: number, warmup = 1): number {
  return median(timeRuns(fn, runs, warmup));
}

/** Median throughput (items per second) of `fn` processing `n` items per call. */
export function medianRate(fn: () => unknown, n: number, runs: number, warmup = 1): number {
  return (n / medianMs(fn, runs, warmup)) * 1000;
}

/** Formats a number with thousands separators and sensible precision. */
export function fmt(v: number): string {
  if (v >= 100) return Math.round(v).toLocaleString('en-US');
  if (v >= 10) return v.toFixed(1);
  if (v >= 1) return v.toFixed(2);
  return v.toPrecision(2);
}
