/** reachRing per call, and the functions built on it. */
import { coverage, hubsOf, loadAtlas, reachRing, withinReach } from '../src/index.ts';
import { item, LAYOUTS } from '../test/relations/helpers.ts';
import { medianMs, type Row } from './harness.ts';

export async function bench(): Promise<Row[]> {
  const group = 'reach (10m)';
  const atlas = await loadAtlas({ resolution: '10m' });
  const hub = hubsOf(LAYOUTS.guangdong!).find((h) => h.location.point)!;
  const calls = 10_000;
  const per = (steps: number) =>
    (medianMs(
      () => {
        for (let i = 0; i < calls; i++) reachRing(hub, 50, { steps });
      },
      7,
      1,
    ) *
      1000) /
    calls;
  const airports = hubsOf(LAYOUTS.guangdong!).filter((h) => h.kind === 'airport');
  const gd = atlas.prefectures({ province: '440000' }).map((f) => f.id);
  const cy = item('sichuan', 'sc-cy');
  return [
    { group, case: 'reachRing(hub, 50 km), 64 steps', value: per(64), unit: 'µs/call', runs: 7 },
    { group, case: 'reachRing(hub, 50 km), 128 steps', value: per(128), unit: 'µs/call', runs: 7 },
    {
      group,
      case: `withinReach(21 Guangdong units, ${airports.length} airports, 100 km)`,
      value: medianMs(() => withinReach(gd, airports, 100, atlas), 7),
      unit: 'ms',
      runs: 7,
    },
    {
      group,
      case: 'coverage(成渝, its 3 airports, 100 km)',
      value: medianMs(() => coverage(cy as never, hubsOf(LAYOUTS.sichuan!, cy), 100, atlas), 5),
      unit: 'ms',
      runs: 5,
    },
  ];
}
