/** neighbors for every unit, against the pairs @turf/boolean-intersects finds and topojson-client's neighbors. */
import bbox from '@turf/bbox';
import booleanIntersects from '@turf/boolean-intersects';
import { loadAtlas, neighbors } from '../src/index.ts';
import { median, medianMs, type Row } from './harness.ts';

export async function bench(): Promise<Row[]> {
  const group = 'neighbors (10m, all 451 finest units)';
  const atlas = await loadAtlas({ resolution: '10m' });
  const units = atlas.prefectures();
  const codes = units.map((u) => u.id);
  neighbors(codes[0]!, atlas); // warm up the code table and the JIT

  const boxes = units.map((u) => bbox(u));
  let pairs = 0;
  const intersects = medianMs(
    () => {
      pairs = 0;
      for (let i = 0; i < units.length; i++)
        for (let j = i + 1; j < units.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
          if (booleanIntersects(units[i]!, units[j]!)) pairs++;
        }
    },
    3,
    0,
  );

  const cold: number[] = [];
  const topo: number[] = [];
  for (let r = 0; r < 7; r++) {
    const fresh = await loadAtlas({ topology: atlas.topology });
    let t0 = performance.now();
    for (const c of codes) neighbors(c, fresh);
    cold.push(performance.now() - t0);
    const other = await loadAtlas({ topology: atlas.topology });
    t0 = performance.now();
    for (const c of codes) other.neighbors(c);
    topo.push(performance.now() - t0);
  }
  const warm = medianMs(() => {
    for (const c of codes) neighbors(c, atlas);
  }, 7);

  let found = 0;
  for (const c of codes) found += neighbors(c, atlas).filter((n) => n > c).length;
  const base = intersects;
  return [
    {
      group,
      case: `booleanIntersects over bbox-overlapping pairs (baseline; ${pairs} touching pairs)`,
      value: base,
      unit: 'ms',
      ratio: 1,
      runs: 3,
    },
    {
      group,
      case: 'atlas.neighbors (topojson-client, shared arcs), first call builds',
      value: median(topo),
      unit: 'ms',
      ratio: base / median(topo),
      runs: 7,
    },
    {
      group,
      case: `neighbors, first call builds the adjacency (${found} pairs: arcs + junction points)`,
      value: median(cold),
      unit: 'ms',
      ratio: base / median(cold),
      runs: 7,
    },
    {
      group,
      case: 'neighbors, adjacency cached',
      value: warm,
      unit: 'ms',
      ratio: base / warm,
      runs: 7,
    },
  ];
}
