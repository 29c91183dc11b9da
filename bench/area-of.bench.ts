/** areaOf for each metropolitan circle of the built-in layouts: topology merge vs Turf union of the units. */
import turfUnion from '@turf/union';
import { areaOf, loadAtlas, type MetroCircle } from '../src/index.ts';
import { LAYOUTS } from '../test/relations/helpers.ts';
import { medianMs, type Row } from './harness.ts';

export async function bench(): Promise<Row[]> {
  const atlas = await loadAtlas({ resolution: '10m' });
  const circles = new Map<string, MetroCircle>();
  for (const layout of Object.values(LAYOUTS))
    for (const it of layout.items)
      if (it.type === 'metro-circle' && it.members.length) circles.set(it.id, it);
  const rows: Row[] = [];
  let totalMerge = 0;
  let totalUnion = 0;
  for (const circle of circles.values()) {
    const area = areaOf(circle, atlas);
    const merge = medianMs(() => areaOf(circle, atlas), 9, 2);
    const features = area.properties.units.map((c) => atlas.feature(c));
    const union = medianMs(() => turfUnion({ type: 'FeatureCollection', features }), 3, 1);
    totalMerge += merge;
    totalUnion += union;
    rows.push({
      group: 'areaOf per metropolitan circle (10m)',
      case: `${circle.id} ${circle.name}: ${area.properties.units.length} units, ${Math.round(area.properties.areaKm2).toLocaleString('en-US')} km²${area.properties.partial ? ' (partial)' : ''}`,
      value: merge,
      unit: 'ms',
      ratio: union / merge,
      runs: 9,
      note: `Turf union of the same units: ${union.toFixed(1)} ms`,
    });
  }
  rows.push({
    group: 'areaOf per metropolitan circle (10m)',
    case: `all ${circles.size} circles with coded members`,
    value: totalMerge,
    unit: 'ms',
    ratio: totalUnion / totalMerge,
    runs: 9,
    note: `Turf union: ${totalUnion.toFixed(0)} ms`,
  });
  return rows;
}
