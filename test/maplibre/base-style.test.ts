import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import {
  type BaseAtlas,
  baseStyle,
  dark,
  light,
  print,
  shortName,
  themes,
} from '../../src/maplibre/index.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Two prefectures of one province, a neighbour, the islands and one dash: enough to exercise every layer. */
function tinyAtlas(): BaseAtlas {
  const square = (x: number, y: number, d = 1) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
  const unit = (
    id: string,
    name: string,
    nameEn: string,
    level: string,
    parent: string | null,
    x: number,
  ) => ({
    type: 'Feature' as const,
    id,
    properties: { name, nameEn, level, parent, labelX: x + 0.5, labelY: 23.5 },
    geometry: square(x, 23),
  });
  const objects: Record<string, FeatureCollection> = {
    prefectures: {
      type: 'FeatureCollection',
      features: [
        unit('440100', '广州市', 'Guangzhou', 'prefecture', '440000', 113),
        unit('440300', '深圳市', 'Shenzhen', 'prefecture', '440000', 114),
      ],
    },
    provinces: {
      type: 'FeatureCollection',
      features: [unit('440000', '广东省', 'Guangdong', 'province', null, 113)],
    },
    nation: { type: 'FeatureCollection', features: [unit('100000', '中国', 'China', 'nation', null, 113)] },
    neighbors: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '越南', nameEn: 'Vietnam' }, geometry: square(105, 15) },
      ],
    },
    scsIslands: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: square(112, 16, 0.1) }],
    },
    tenDashLine: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.2, 7.08],
              [108.31, 6.01],
            ],
          },
        },
      ],
    },
  };
  return {
    geojson: (name: string) => objects[name] ?? { type: 'FeatureCollection', features: [] },
    labels: (name: string): FeatureCollection<Point> => ({
      type: 'FeatureCollection',
      features: (objects[name]?.features ?? []).map((f) => ({
        type: 'Feature',
        properties: f.properties,
        geometry: {
          type: 'Point',
          coordinates: [f.properties?.labelX ?? 105.5, f.properties?.labelY ?? 15.5],
        },
      })),
    }),
  };
}

function sourceData(style: ReturnType<typeof baseStyle>, id: string): FeatureCollection {
  const source = style.sources[id];
  if (source?.type !== 'geojson') throw new Error(`${id} is not a GeoJSON source`);
  return source.data as FeatureCollection;
}

describe('baseStyle(options)', () => {
  const atlas = tinyAtlas();

  for (const theme of ['light', 'dark', 'print'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`baseStyle({ theme: '${theme}', lang: '${lang}' }) passes the style-spec validator`, () => {
        expect(validateStyleMin(baseStyle({ atlas, theme, lang }))).toEqual([]);
      });
    }
  }

  it('baseStyle({ atlas }) needs no network: no glyphs, no sprite, only inline GeoJSON sources', () => {
    const style = baseStyle({ atlas });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('baseStyle({ atlas }) draws sea, neighbours, land, borders by rank, the South China Sea and labels in order', () => {
    const ids = baseStyle({ atlas }).layers.map((l) => l.id);
    const order = [
      'quyu-sea',
      'quyu-neighbor-fill',
      'quyu-land',
      'quyu-prefecture-line',
      'quyu-province-line',
      'quyu-nation-line',
      'quyu-scs-islands-fill',
      'quyu-ten-dash-line',
      'quyu-province-label',
    ];
    const positions = order.map((id) => ids.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Labels always sit above every geometry layer.
    const firstSymbol = baseStyle({ atlas }).layers.findIndex((l) => l.type === 'symbol');
    expect(
      baseStyle({ atlas })
        .layers.slice(firstSymbol)
        .every((l) => l.type === 'symbol'),
    ).toBe(true);
  });

  it('baseStyle({ atlas }) draws province borders wider than prefecture borders', () => {
    const layers = baseStyle({ atlas }).layers;
    const widthAt3 = (id: string) => {
      const layer = layers.find((l) => l.id === id) as Extract<LayerSpecification, { type: 'line' }>;
      return (layer.paint!['line-width'] as unknown[])[4] as number;
    };
    expect(widthAt3('quyu-province-line')).toBeGreaterThan(widthAt3('quyu-prefecture-line'));
    expect(widthAt3('quyu-nation-line')).toBeGreaterThan(widthAt3('quyu-province-line'));
  });

  it('baseStyle({ lang }) labels in short Chinese names by default and in English with lang: "en"', () => {
    const zh = sourceData(baseStyle({ atlas }), 'quyu-province-labels');
    expect(zh.features.map((f) => f.properties?.label)).toEqual(['广东']);
    const en = sourceData(baseStyle({ atlas, lang: 'en' }), 'quyu-prefecture-labels');
    expect(en.features.map((f) => f.properties?.label)).toEqual(['Guangzhou', 'Shenzhen']);
  });

  it('baseStyle({ theme }) uses the theme tokens, and accepts a theme object', () => {
    const sea = (style: ReturnType<typeof baseStyle>) =>
      (style.layers[0] as { paint: { 'background-color': string } }).paint['background-color'];
    expect(sea(baseStyle({ atlas, theme: 'dark' }))).toBe(dark.sea);
    expect(sea(baseStyle({ atlas, theme: { ...light, sea: '#123456' } }))).toBe('#123456');
    expect(Object.keys(themes)).toEqual(['light', 'dark', 'print']);
    expect(print.provinceDash).not.toBeNull();
  });

  it('baseStyle({ labels: false, idPrefix }) leaves out symbol layers and prefixes every id', () => {
    const style = baseStyle({ atlas, labels: false, idPrefix: 'base-' });
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(style.layers.every((l) => l.id.startsWith('base-'))).toBe(true);
    expect(Object.keys(style.sources).every((id) => id.startsWith('base-'))).toBe(true);
  });
});

describe('shortName(name, level)', () => {
  it.each([
    ['新疆维吾尔自治区', 'province', '新疆'],
    ['广西壮族自治区', 'province', '广西'],
    ['宁夏回族自治区', 'province', '宁夏'],
    ['内蒙古自治区', 'province', '内蒙古'],
    ['香港特别行政区', 'province', '香港'],
    ['北京市', 'province', '北京'],
    ['广东省', 'province', '广东'],
    ['广州市', 'prefecture', '广州'],
    ['阿里地区', 'prefecture', '阿里'],
    ['延边朝鲜族自治州', 'prefecture', '延边朝鲜族自治州'],
    ['兴安盟', 'prefecture', '兴安盟'],
    ['东城区', 'county', '东城区'],
  ])('shortName(%s, %s) is %s', (name, level, expected) => {
    expect(shortName(name, level)).toBe(expected);
  });
});

describe('baseStyle on the shipped atlas', () => {
  for (const file of ['china-10m.json', 'china-2m.json']) {
    it(`baseStyle({ atlas: ${file} }) passes the validator and labels every province`, async () => {
      const path = join(ROOT, 'data', file);
      expect(existsSync(path), `${path} is missing: run npm run build:data`).toBe(true);
      const atlas = await loadAtlas({ topology: JSON.parse(readFileSync(path, 'utf8')) as Topology });
      for (const theme of ['light', 'dark', 'print'] as const) {
        expect(validateStyleMin(baseStyle({ atlas, theme }))).toEqual([]);
      }
      const labels = sourceData(baseStyle({ atlas }), 'quyu-province-labels').features;
      expect(labels).toHaveLength(34);
      expect(
        labels.every((f) => typeof f.properties?.label === 'string' && f.properties.label.length >= 2),
      ).toBe(true);
      for (const object of [
        'prefectures',
        'provinces',
        'nation',
        'scsIslands',
        'tenDashLine',
        'neighbors',
      ] as const) {
        expect(atlas.geojson(object).features.length, object).toBeGreaterThan(0);
      }
    });
  }
});

describe('the embed’s style of a figure (validated here: the embed skips MapLibre’s check for its own styles)', () => {
  it('a region file, a scoped base map without the units the data draws, and a choropleth pass the validator', async () => {
    const { styleWithLayerSet } = await import('../../src/maplibre/map/add-layer-set.ts');
    const { choroplethLayers } = await import('../../src/maplibre/index.ts');
    const topology = JSON.parse(readFileSync(join(ROOT, 'data/regions/440000.json'), 'utf8')) as Topology;
    const atlas = await loadAtlas({ topology, counties: false });
    const values = Object.fromEntries(atlas.prefectures({ province: '440000' }).map((u, i) => [u.id, i]));
    for (const theme of ['light', 'dark', 'print'] as const) {
      for (const lang of ['zh', 'en'] as const) {
        const set = choroplethLayers(values, { atlas, theme, lang, scale: 'quantile', classes: 5 });
        const base = baseStyle({
          atlas,
          theme,
          lang,
          focus: { codes: ['440000'] },
          drawnUnits: Object.keys(values),
        });
        expect(validateStyleMin(styleWithLayerSet(base, set)), `${theme} ${lang}`).toEqual([]);
        // The units the data draws are left out of the base map's units, the ring keeps its own.
        const units = sourceData(base, 'quyu-prefectures').features.map((f) => String(f.id));
        expect(units.some((c) => c in values)).toBe(false);
        expect(units.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('a scoped base map (`focus`)', () => {
  it('draws the units reaching into the ring whole: no border runs along the edge of the ring box', async () => {
    const { figureScope } = await import('../../src/maplibre/index.ts');
    for (const province of ['440000', '510000', '230000']) {
      const topology = JSON.parse(
        readFileSync(join(ROOT, `data/regions/${province}.json`), 'utf8'),
      ) as Topology;
      const atlas = await loadAtlas({ topology, counties: false });
      const units = atlas.geojson('prefectures');
      const scope = figureScope({ codes: [province] }, units, atlas.geojson('provinces'));
      const drawn = sourceData(baseStyle({ atlas, focus: { codes: [province] } }), 'quyu-prefectures');
      // Every unit is its atlas geometry, not a piece of it.
      const byId = new Map(units.features.map((f) => [String(f.id), f.geometry]));
      for (const f of drawn.features) expect(f.geometry, String(f.id)).toEqual(byId.get(String(f.id)));
      // And no segment of any outline lies on a side of the ring box (what a cut there would draw).
      const [w, s, e, n] = scope.ring;
      const onEdge = (a: number[], b: number[]) =>
        (a[0] === b[0] && (a[0] === w || a[0] === e)) || (a[1] === b[1] && (a[1] === s || a[1] === n));
      let segments = 0;
      for (const f of drawn.features) {
        const g = f.geometry as unknown as { type: string; coordinates: number[][][] | number[][][][] };
        const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
        for (const ring of polys.flat())
          for (let i = 1; i < ring.length; i++) if (onEdge(ring[i - 1]!, ring[i]!)) segments++;
      }
      expect(segments, province).toBe(0);
      // The units of the province and of the ring around it are there; units far outside are not.
      const codes = new Set(drawn.features.map((f) => String(f.id)));
      expect(
        [...scope.units].every((c) => codes.has(c)),
        province,
      ).toBe(true);
      expect(codes.size).toBeLessThan(units.features.length);
    }
  });
});
