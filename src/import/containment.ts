/**
 * The check that each imported unit lies within its parent as the bundled atlas draws it: up to 400 vertices
 * per unit are tested; a vertex outside the parent by more than the tolerance counts as outside. Most of a
 * unit outside its parent means a wrong code or wrong coordinates (an error); a few vertices outside are a
 * warning (coasts and islands the generalised atlas leaves out, or a coarse parent border).
 */
import type { Position } from 'geojson';
import type { Atlas } from '../atlas/index.ts';
import type { CodeInfo } from '../codes/index.ts';
import { polygonsOf, spread } from '../geo/planar.ts';
import { SegmentIndex } from '../geo/segments.ts';
import type { Issues } from './issues.ts';
import { describe, join } from './read.ts';
import type { ContainmentResult } from './types.ts';

const MAX_CHECKED = 400;
/** More than this share of vertices outside: the unit is not in its parent. */
const ERROR_SHARE = 0.5;

export interface ContainmentUnit {
  path: string;
  code: string;
  info: CodeInfo;
  polygons: Position[][][];
}

/**
 * Checks every unit against its parent in `atlas` (the prefecture for a county, the province otherwise).
 * Units whose parent has no geometry are skipped.
 */
export function checkContainment(
  units: readonly ContainmentUnit[],
  atlas: Atlas,
  toleranceM: number,
  issues: Issues,
): ContainmentResult[] {
  const parents = new Map<string, SegmentIndex>();
  const results: ContainmentResult[] = [];
  for (const u of units) {
    const parent = u.info.parent;
    if (!parent || !atlas.has(parent)) continue;
    let index = parents.get(parent);
    if (!index) {
      const rings = polygonsOf(atlas.feature(parent).geometry).flat();
      index = new SegmentIndex(rings);
      parents.set(parent, index);
    }
    const vertices = spread(
      u.polygons.flatMap((poly) => poly.flatMap((ring) => ring.slice(1))),
      MAX_CHECKED,
    );
    let outside = 0;
    let maxOutsideM = 0;
    let worst: Position | undefined;
    for (const v of vertices) {
      if (index.contains(v)) continue;
      if (index.nearest(v, toleranceM)) continue;
      // Outside by more than the tolerance: measure how far (search widening, capped at 200 km).
      let d = 200_000;
      for (const r of [10 * toleranceM, 100 * toleranceM, 200_000]) {
        const near = index.nearest(v, Math.min(r, 200_000));
        if (near) {
          d = near.distanceM;
          break;
        }
      }
      outside++;
      if (d > maxOutsideM) {
        maxOutsideM = d;
        worst = v;
      }
    }
    const r: ContainmentResult = {
      code: u.code,
      parent,
      checked: vertices.length,
      outside,
      maxOutsideM: Math.round(maxOutsideM),
    };
    results.push(r);
    if (outside === 0) continue;
    const p = atlas.feature(parent).properties;
    const km = (maxOutsideM / 1000).toFixed(1);
    const share = outside / vertices.length;
    const where = worst ? ` [${worst[0]!.toFixed(4)}, ${worst[1]!.toFixed(4)}]` : '';
    const problem = {
      zh: `${describe(u.info.name, u.code)}有 ${outside}/${vertices.length} 个顶点位于上级「${p.name} ${parent}」之外超过 ${toleranceM} 米（最远 ${km} 千米${where}）`,
      en: `${u.info.nameEn} ${u.code} has ${outside} of ${vertices.length} vertices more than ${toleranceM} m outside its parent ${p.nameEn} ${parent} (farthest ${km} km${where})`,
    };
    if (share > ERROR_SHARE) {
      issues.error('point-outside-unit', join(u.path, 'geometry'), u.code, problem, {
        zh: '代码或坐标有误：请核对该要素的代码与坐标系',
        en: "Wrong code or wrong coordinates: check the feature's code and coordinate system",
      });
    } else {
      issues.warn('point-outside-unit', join(u.path, 'geometry'), u.code, problem, {
        zh: `常见于海岛与海岸；如偏差过大，请核对数据（容差可用 toleranceM / --tolerance 调整）`,
        en: 'Common along coasts and islands; if the gap is large, check the data (tolerance: toleranceM / --tolerance)',
      });
    }
  }
  issues.throwIfAny();
  return results;
}
