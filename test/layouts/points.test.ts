/**
 * Every sourced point lies inside the unit it declares. Runs against the atlas built by `npm run build:data`
 * (`data/china-2m.json`); county-level units (not in the atlas) are tested against their parent prefecture.
 */
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { lookupCode } from '../../src/codes/index.ts';
import { defineLayout } from '../../src/layouts/define.ts';
import type { Layout, Point } from '../../src/layouts/schema.ts';
import { BUILTINS } from './helpers.ts';

function sourcedPoints(layout: Layout): { path: string; point: Point; unit: string }[] {
  const out: { path: string; point: Point; unit: string }[] = [];
  layout.items.forEach((item, i) => {
    const loc = 'location' in item ? item.location : undefined;
    if (loc?.point && loc.unit) out.push({ path: `items[${i}].location`, point: loc.point, unit: loc.unit });
  });
  return out;
}

describe('sourced points lie inside their declared unit (loadAtlas 2m)', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await loadAtlas({ resolution: '2m' });
  });
  const layouts = BUILTINS;

  it('at least some built-in points declare a unit', () => {
    expect(layouts.flatMap(sourcedPoints).length).toBeGreaterThan(0);
  });

  it.each(layouts.map((l) => [l.id, l] as const))('%s', (_, layout) => {
    const outside: string[] = [];
    for (const { path, point, unit } of sourcedPoints(layout)) {
      const code = atlas.has(unit) ? unit : (lookupCode(unit)?.parent ?? '');
      const f = atlas.has(code) ? atlas.feature(code) : undefined;
      expect(f, `${path}: no atlas feature for ${unit} or its parent`).toBeDefined();
      if (f && !booleanPointInPolygon(point, f)) outside.push(`${path} ${unit} ${point}`);
    }
    expect(outside).toEqual([]);
    // the same check through defineLayout's atlas option
    expect(() => defineLayout(layout, { atlas })).not.toThrow();
  });

  it('defineLayout(input, { atlas }) reports a point outside its unit with the distance', () => {
    const input = JSON.parse(
      readFileSync(new URL('./fixtures/invalid/outside-unit.json', import.meta.url), 'utf8'),
    );
    expect(() => defineLayout(input)).not.toThrow();
    try {
      defineLayout(input, { atlas });
      expect.unreachable();
    } catch (e) {
      const issue = (e as { issues: { code: string; path: string; problem: { en: string; zh: string } }[] })
        .issues[0]!;
      expect(issue.code).toBe('point-outside-unit');
      expect(issue.path).toBe('items[0].location.point');
      expect(issue.problem.en).toMatch(/outside its unit 深圳市 440300 \(\d+(\.\d)? km from its boundary\)/);
      expect(issue.problem.zh).toMatch(/距边界 \d+(\.\d)? 公里/);
    }
  });
});
