import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { guangdong } from '../../src/layouts/guangdong.ts';
import { guangzhouShenzhen } from '../../src/layouts/guangzhou-shenzhen.ts';
import { mianyang } from '../../src/layouts/mianyang.ts';
import { national } from '../../src/layouts/national.ts';
import type {
  CityRole,
  Corridor,
  EconomicZone,
  EcoZone,
  Hub,
  HubLayout,
  Layout,
  MetroCircle,
  TransferLink,
} from '../../src/layouts/schema.ts';
import { sichuan } from '../../src/layouts/sichuan.ts';
import {
  baseStyle,
  choroplethLayers,
  cityRoleLayers,
  classBreaks,
  convertLayerSet,
  corridorLayers,
  economicZoneLayers,
  ecoZoneLayers,
  hubLayers,
  type LayerSet,
  layoutLayers,
  linkLayers,
  metroCircleLayers,
  paletteColors,
  patternImage,
  rampColors,
  selectItems,
  southChinaSeaInset,
  symbolImage,
  themes,
} from '../../src/maplibre/index.ts';
import { BUILTINS } from '../layouts/helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const LAYOUTS: Layout[] = BUILTINS;

let atlas: Atlas;
beforeAll(async () => {
  const topology = JSON.parse(readFileSync(join(ROOT, 'data/china-10m.json'), 'utf8')) as Topology;
  atlas = await loadAtlas({ topology });
});

/** The base style with a layer set on top, as a map would hold it. */
function styleWith(set: LayerSet): StyleSpecification {
  const base = baseStyle({ atlas, labels: false });
  return { ...base, sources: { ...base.sources, ...set.sources }, layers: [...base.layers, ...set.layers] };
}

function features(set: LayerSet, source: string): Feature[] {
  const s = set.sources[source];
  if (!s) throw new Error(`no source ${source}; have ${Object.keys(set.sources).join(', ')}`);
  return (s.data as FeatureCollection).features;
}

/** Every image a layer names (icon-image, fill-pattern) as a literal or in `get`/`match` expressions. */
function referencedImages(set: LayerSet): Set<string> {
  const out = new Set<string>();
  const fromData = (prop: string) => {
    for (const src of Object.values(set.sources)) {
      for (const f of (src.data as FeatureCollection).features) {
        const v = f.properties?.[prop];
        if (typeof v === 'string' && v) out.add(v);
      }
    }
  };
  for (const l of set.layers) {
    const layout = (l as { layout?: Record<string, unknown> }).layout ?? {};
    const paint = (l as { paint?: Record<string, unknown> }).paint ?? {};
    for (const value of [layout['icon-image'], paint['fill-pattern']]) {
      if (value === undefined) continue;
      const json = JSON.stringify(value);
      for (const m of json.matchAll(/"(quyu-[^"]+)"/g)) out.add(m[1]!);
      if (Array.isArray(value) && value[0] === 'get') fromData(String(value[1]));
    }
  }
  return out;
}

const of = <T extends Layout['items'][number]['type']>(layout: Layout, type: T) =>
  layout.items.filter((i): i is Extract<Layout['items'][number], { type: T }> => i.type === type);

describe('layoutLayers(layout, options)', () => {
  for (const layout of LAYOUTS) {
    it(`layoutLayers(${layout.id}) passes the style-spec validator in every theme and language, and ships every image it names`, () => {
      for (const theme of ['light', 'dark', 'print'] as const) {
        for (const lang of ['zh', 'en'] as const) {
          const set = layoutLayers(layout, { atlas, theme, lang, idPrefix: `quyu-${layout.id}-` });
          expect(validateStyleMin(styleWith(set)), `${layout.id} ${theme} ${lang}`).toEqual([]);
          for (const image of referencedImages(set)) expect(set.images, image).toHaveProperty(image);
          const ids = set.layers.map((l) => l.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.every((id) => id.startsWith(`quyu-${layout.id}-`))).toBe(true);
        }
      }
    });
  }

  it('layoutLayers stacks areas under lines under points', () => {
    const set = layoutLayers(guangdong, { atlas });
    const rank = (l: LayerSpecification) => ({ fill: 0, line: 1, circle: 2, symbol: 3 })[l.type as 'fill'];
    const ranks = set.layers.map(rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('layoutLayers puts the status key after the item sections and what is not drawn last', () => {
    const keys = layoutLayers(guangdong, { atlas }).legend.map((s) => s.key);
    expect(keys.indexOf('status')).toBeGreaterThan(keys.indexOf('metro'));
    expect(keys.at(-1)).toBe('not-drawn');
  });

  it('selectItems(layout, ids) adds the hubs a selected hub layout names', () => {
    const items = selectItems(guangdong, ['gd-hub-1c3p']);
    const layout = items.find((i) => i.type === 'hub-layout') as HubLayout;
    expect(layout.id).toBe('gd-hub-1c3p');
    expect(items.filter((i) => i.type === 'hub').map((i) => i.id)).toEqual(
      expect.arrayContaining(layout.hubs ?? []),
    );
    expect(selectItems(guangdong, (i) => i.type === 'link')).toHaveLength(of(guangdong, 'link').length);
  });
});

describe('metroCircleLayers(items, options)', () => {
  it('metroCircleLayers(Guangdong five circles) merges whole members, hatches partial units and emphasises the core', () => {
    const set = metroCircleLayers(of(guangdong, 'metro-circle') as MetroCircle[], { atlas });
    const areas = features(set, 'quyu-metro-areas');
    const gz = areas.filter((f) => f.properties?.item === 'gd-mc-gz');
    expect(gz.filter((f) => f.properties?.part === 'whole')).toHaveLength(1);
    expect(gz.find((f) => f.properties?.part === 'whole')?.properties?.members).toBe('440100,440600');
    // 端州区, 鼎湖区 … are county-level: their prefectures 肇庆 and 清远 are drawn as partial, with a note.
    const partial = gz.filter((f) => f.properties?.part === 'partial');
    expect(partial.map((f) => f.properties?.code).sort()).toEqual(['441200', '441800']);
    expect(partial.find((f) => f.properties?.code === '441200')?.properties?.note).toMatch(/端州区、鼎湖区/);
    expect(gz.find((f) => f.properties?.part === 'core')?.properties?.code).toBe('440100');
    for (const f of partial) expect(set.images).toHaveProperty(String(f.properties?.pattern));
  });

  it('metroCircleLayers carries each member’s status into feature properties (uncertain 梅州 parts are weak)', () => {
    const set = metroCircleLayers(of(guangdong, 'metro-circle') as MetroCircle[], { atlas });
    const meizhou = features(set, 'quyu-metro-areas').find(
      (f) => f.properties?.item === 'gd-mc-scj' && f.properties?.code === '441400',
    );
    expect(meizhou?.properties).toMatchObject({ status: 'uncertain', weak: true, part: 'partial' });
    const outlines = set.layers.filter((l) => l.id.startsWith('quyu-metro-outline-')).map((l) => l.id);
    expect(outlines).toEqual(
      expect.arrayContaining(['quyu-metro-outline-partial', 'quyu-metro-outline-solid']),
    );
    expect(set.legend.find((s) => s.key === 'status')?.entries).toHaveLength(2);
  });

  it('metroCircleLayers(national) draws circles without coded members by their core only, and lists those without a core', () => {
    const set = metroCircleLayers(of(national, 'metro-circle') as MetroCircle[], { atlas });
    const nanjing = features(set, 'quyu-metro-areas').filter((f) => f.properties?.item === 'cn-mc-01');
    expect(nanjing.map((f) => f.properties?.part)).toEqual(['core']);
    const notDrawn = set.legend.find((s) => s.key === 'not-drawn')?.entries.map((e) => e.label);
    expect(notDrawn).toEqual(['长株潭都市圈', '厦漳泉都市圈']);
  });

  it('metroCircleLayers({ commutingRing: 50 }) rings each core at 50 km', () => {
    const circles = of(guangdong, 'metro-circle') as MetroCircle[];
    const set = metroCircleLayers(circles, { atlas, commutingRing: 50 });
    const rings = features(set, 'quyu-metro-rings');
    expect(rings).toHaveLength(circles.length);
    expect(rings[0]?.properties?.radiusKm).toBe(50);
    expect(metroCircleLayers(circles, { atlas }).sources['quyu-metro-rings']).toBeUndefined();
  });
});

describe('hubLayers(items, options)', () => {
  const items = () => selectItems(guangdong, ['gd-hub-1c3p']) as (HubLayout | Hub)[];

  it('hubLayers never draws a hub without a sourced point, and lists it as location not verified', () => {
    const set = hubLayers(items(), { atlas });
    const drawn = features(set, 'quyu-hub-hubs').map((f) => f.properties?.item);
    const unplaced = items().filter((i): i is Hub => i.type === 'hub' && i.location.point === null);
    expect(unplaced.length).toBeGreaterThan(0);
    for (const hub of unplaced) expect(drawn).not.toContain(hub.id);
    const listed = set.legend.find((s) => s.key === 'not-verified');
    expect(listed?.title).toBe('位置未核实（未绘制）');
    expect(listed?.entries.map((e) => e.label).sort()).toEqual(unplaced.map((h) => h.name).sort());
    const zhanjiang = features(set, 'quyu-hub-layout-markers').find((f) => f.properties?.code === '440800');
    expect(zhanjiang?.properties?.note).toMatch(/位置未核实：湛江西站、湛江港/);
  });

  it('hubLayers sizes hubs by tier (hubs the layout names first) and gives each kind its own symbol', () => {
    const all = [...of(guangdong, 'hub-layout'), ...of(guangdong, 'hub')] as (HubLayout | Hub)[];
    const set = hubLayers(all, { atlas });
    const hubs = features(set, 'quyu-hub-hubs');
    const baiyun = hubs.find((f) => f.properties?.item === 'hub-guangzhou-baiyun-international-airport');
    const hengqin = hubs.find((f) => f.properties?.item === 'hub-hengqin-island');
    expect(baiyun?.properties).toMatchObject({ tier: 1, kind: 'airport' });
    expect(hengqin?.properties).toMatchObject({ tier: 3, kind: 'platform', icon: 'quyu-hub-platform' });
    expect(Number(baiyun?.properties?.size)).toBeGreaterThan(Number(hengqin?.properties?.size));
    const custom = hubLayers(items(), { atlas, getTier: () => 3 });
    expect(features(custom, 'quyu-hub-hubs').every((f) => f.properties?.tier === 3)).toBe(true);
    // 韶关丹霞机场 is inferred: hollow symbol, marked "?".
    const danxia = hubs.find((f) => f.properties?.item === 'hub-shaoguan-danxia-airport');
    expect(danxia?.properties).toMatchObject({ weak: true, icon: 'quyu-hub-airport-weak' });
    expect(danxia?.properties?.label).toMatch(/\?$/);
  });

  it('hubLayers draws the centre from its members and one marker per pole', () => {
    const set = hubLayers(items(), { atlas });
    const areas = features(set, 'quyu-hub-layout-areas');
    expect(
      areas.filter((f) => f.properties?.role === 'centre' && f.properties?.part === 'whole'),
    ).toHaveLength(1);
    const poles = features(set, 'quyu-hub-layout-markers').filter((f) => f.properties?.role === 'pole');
    expect(poles.map((f) => f.properties?.label)).toEqual(['极点 · 汕头', '极点 · 湛江', '极点 · 韶关']);
  });
});

describe('linkLayers(items, options)', () => {
  const aid = () => of(guangdong, 'link').filter((l) => l.kind === 'counterpart-aid') as TransferLink[];

  it('linkLayers draws one curved arc per link, an arrowhead near the recipient, and "?" on weak links', () => {
    const set = linkLayers(aid(), { atlas });
    const lines = features(set, 'quyu-link-lines') as Feature<LineString>[];
    expect(lines).toHaveLength(aid().length);
    const first = lines[0]!;
    const coords = first.geometry.coordinates;
    const [a, b] = [coords[0]!, coords.at(-1)!];
    const mid = coords[Math.floor(coords.length / 2)]!;
    // The middle of the arc is off the straight chord.
    const chordMid = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
    expect(Math.hypot(mid[0]! - chordMid[0]!, mid[1]! - chordMid[1]!)).toBeGreaterThan(0.05);
    const marks = features(set, 'quyu-link-marks');
    expect(marks.filter((f) => f.properties?.mark === 'arrow')).toHaveLength(aid().length);
    const weak = aid().filter((l) => l.status === 'uncertain');
    expect(marks.filter((f) => f.properties?.mark === 'query')).toHaveLength(weak.length);
  });

  it('linkLayers colours kinds with a d3 ordinal scale and gives each kind its own dash', () => {
    const links = of(guangdong, 'link') as TransferLink[];
    const set = linkLayers(links, { atlas });
    const colour = (kind: string) =>
      features(set, 'quyu-link-lines').find((f) => f.properties?.kind === kind)?.properties?.color;
    expect(colour('counterpart-aid')).toBe(themes.light.linkPalette[0]);
    expect(colour('integration')).toBe(themes.light.linkPalette[4]);
    const ids = set.layers.map((l) => l.id);
    expect(ids).toContain('quyu-link-line-counterpart-aid');
    expect(ids).toContain('quyu-link-line-integration');
    const integration = set.layers.find((l) => l.id === 'quyu-link-line-integration') as {
      paint: Record<string, unknown>;
    };
    expect(integration.paint['line-dasharray']).toEqual([6, 1.5, 1, 1.5, 1, 1.5]);
  });

  it('linkLayers({ getValue }) scales widths with the square root of the value', () => {
    const links = aid();
    const set = linkLayers(links, { atlas, getValue: (l) => (l.id === links[0]!.id ? 100 : 25) });
    const widths = features(set, 'quyu-link-lines').map((f) => Number(f.properties?.width));
    expect(widths[0]).toBe(7);
    // √25 / √100 of the way from 1.5 to 7 = 4.25 (weak links are drawn at 80 %).
    expect(widths.filter((w) => w === 4.25).length).toBeGreaterThan(0);
  });

  it('linkLayers places an end at a county without a boundary at its parent, and draws the link weak', () => {
    const hebei = of(mianyang, 'link')[0] as TransferLink;
    const set = linkLayers([{ ...hebei, status: 'verified' }], { atlas });
    expect(features(set, 'quyu-link-lines')[0]?.properties).toMatchObject({ weak: true, status: 'inferred' });
  });
});

describe('corridorLayers, economicZoneLayers, ecoZoneLayers, cityRoleLayers', () => {
  it('corridorLayers draws ordered nodes through the units’ label points; inferred corridors are weak', () => {
    const items = of(guangzhouShenzhen, 'corridor').filter((c) =>
      ['gzsz-corr-gsg', 'gzsz-corr-gza'].includes(c.id),
    ) as Corridor[];
    const set = corridorLayers(items, { atlas });
    const nodes = features(set, 'quyu-corridor-nodes').filter(
      (f) => f.properties?.item === 'gzsz-corr-gsg' && Number(f.properties?.node) >= 0,
    ) as Feature<Point>[];
    expect(nodes.map((f) => f.properties?.node)).toEqual([0, 1, 2]);
    const labels = features(set, 'quyu-corridor-nodes')
      .map((f) => f.properties?.label)
      .filter(Boolean);
    // 广州 starts both corridors and is named once.
    expect(labels.filter((l) => l === '广州')).toHaveLength(1);
    expect(labels).toContain('香港');
    expect(features(set, 'quyu-corridor-lines').every((f) => f.properties?.weak === true)).toBe(true);
    expect(set.layers.find((l) => l.id === 'quyu-corridor-band')).toBeDefined();
  });

  it('economicZoneLayers(Sichuan five regions) draws four zones and economicZoneLayers lists zones without members', () => {
    const zones = of(sichuan, 'economic-zone') as EconomicZone[];
    const five = zones.filter((z) => z.id.startsWith('sc-5r-'));
    const set = economicZoneLayers(five, { atlas });
    expect(new Set(features(set, 'quyu-zone-areas').map((f) => f.properties?.item)).size).toBe(4);
    expect(features(set, 'quyu-zone-labels')).toHaveLength(4);
    const all = economicZoneLayers(zones, { atlas });
    expect(all.legend.find((s) => s.key === 'not-drawn')?.entries.map((e) => e.label)).toContain(
      '“四类地区”',
    );
  });

  it('ecoZoneLayers fills with a pattern by kind; an uncertain zone is weak', () => {
    const zones = of(sichuan, 'eco-zone') as EcoZone[];
    // 川西北 is confirmed (阿坝 and 甘孜): drawn solid; the same zone marked uncertain is drawn weak
    expect(features(ecoZoneLayers(zones, { atlas }), 'quyu-eco-areas')[0]!.properties).toMatchObject({
      item: 'sc-5r-cxb',
      weak: false,
    });
    const set = ecoZoneLayers(
      zones.map((z) => ({ ...z, status: 'uncertain' as const })),
      { atlas },
    );
    const area = features(set, 'quyu-eco-areas')[0]!;
    expect(area.properties).toMatchObject({ item: 'sc-5r-cxb', weak: true, dash: 'weak' });
    expect(set.images).toHaveProperty(String(area.properties?.pattern));
    const pattern = set.layers.find((l) => l.id === 'quyu-eco-pattern') as { paint: Record<string, unknown> };
    expect(pattern.paint['fill-pattern']).toEqual(['get', 'pattern']);
  });

  it('cityRoleLayers gives each role its own ring size and labels each city once', () => {
    const set = cityRoleLayers(of(sichuan, 'city-role') as CityRole[], { atlas });
    const mianyangMarkers = features(set, 'quyu-role-markers').filter((f) => f.properties?.code === '510700');
    expect(new Set(mianyangMarkers.map((f) => f.properties?.radius)).size).toBe(mianyangMarkers.length);
    expect(features(set, 'quyu-role-labels').filter((f) => f.properties?.code === '510700')).toHaveLength(1);
    expect(set.legend[0]?.entries.map((e) => e.label)).toEqual([
      '成都(极核/主干)',
      '省域经济副中心',
      '区域中心城市',
    ]);
  });
});

describe('choroplethLayers(values, options)', () => {
  const values = () => {
    const out: Record<string, number> = {};
    atlas.prefectures({ province: '440000' }).forEach((u, i) => {
      out[u.id] = (i + 1) * 10;
    });
    return out;
  };

  for (const scale of ['quantize', 'quantile', 'ckmeans', 'threshold'] as const) {
    it(`choroplethLayers({ scale: '${scale}' }) colours each unit by the class the legend prints for it`, () => {
      const set = choroplethLayers(values(), { atlas, scale, classes: 4, thresholds: [50, 100, 150] });
      expect(set.stops).toHaveLength(4);
      const fill = (set.layers[0] as { paint: { 'fill-color': unknown[] } }).paint['fill-color'];
      expect(fill).toEqual(['get', 'color']);
      const units = features(set, 'quyu-choropleth-areas');
      expect(units).toHaveLength(21);
      for (const f of units) {
        const v = f.properties!.value as number;
        const i = set.stops.findIndex((s, k) => v >= s.from && (v < s.to || k === set.stops.length - 1));
        expect(f.properties!.class).toBe(i);
        expect(f.properties!.color).toBe(set.stops[i]!.color);
      }
      expect(set.stops.reduce((n, s) => n + s.count, 0)).toBe(21);
      // every class, then "no data"
      expect(set.legend[0]?.entries.map((e) => e.label).at(-1)).toBe('无数据');
      expect(set.legend[0]?.entries).toHaveLength(5);
      expect(set.layers.every((l) => (l.metadata as Record<string, unknown>)['quyu:stack'] === 'data')).toBe(
        true,
      );
      expect(validateStyleMin(styleWith(set))).toEqual([]);
    });
  }

  it('choroplethLayers: ckmeans and quantile never leave a class empty; NaN, null and noData units are "no data"', () => {
    // Guangdong-like skew: two giants and many small values, where equal intervals leave classes empty.
    const skew: Record<string, number | null> = {};
    atlas.prefectures({ province: '440000' }).forEach((u, i) => {
      skew[u.id] = i < 2 ? 30000 + i * 4000 : 1000 + i * 150;
    });
    const quantize = choroplethLayers(skew, { atlas, scale: 'quantize', classes: 5 });
    expect(quantize.stops.some((s) => s.count === 0)).toBe(true);
    for (const scale of ['ckmeans', 'quantile'] as const) {
      const set = choroplethLayers(skew, { atlas, scale, classes: 5 });
      expect(
        set.stops.every((s) => s.count > 0),
        scale,
      ).toBe(true);
    }
    const ids = Object.keys(skew);
    skew[ids[3]!] = Number.NaN;
    skew[ids[4]!] = null;
    const partial = Object.fromEntries(Object.entries(skew).slice(0, 10));
    const set = choroplethLayers(partial, { atlas, scale: 'ckmeans', noData: ids, palette: 'Blues' });
    expect(set.noData).toHaveLength(2 + 11);
    expect(set.stops.reduce((n, s) => n + s.count, 0)).toBe(8);
    const noData = features(set, 'quyu-choropleth-areas').filter((f) => f.properties!.class === -1);
    expect(noData).toHaveLength(13);
    expect(new Set(noData.map((f) => f.properties!.color))).toEqual(new Set([set.noDataColor]));
    const entry = set.legend[0]!.entries.at(-1)!;
    expect([entry.label, entry.note]).toEqual(['无数据', '13 个单位']);
    // ColorBrewer's own colours
    expect(set.stops.map((s) => s.color)).toEqual(paletteColors('Blues', set.stops.length));
  });

  it('choroplethLayers breaks: quantize cuts equal intervals, quantile equal counts, threshold the given values', () => {
    const q = choroplethLayers(values(), { atlas, scale: 'quantize', classes: 4 });
    expect(classBreaks([1, 2, 3, 10, 11, 12], 'ckmeans', 2)).toEqual([10]);
    expect(q.stops.map((s) => s.from)).toEqual([10, 60, 110, 160]);
    const p = choroplethLayers(values(), { atlas, scale: 'quantile', classes: 3 });
    expect(p.stops.map((s) => s.count)).toEqual([7, 7, 7]);
    const t = choroplethLayers(values(), { atlas, scale: 'threshold', thresholds: [100] });
    expect(t.stops.map((s) => [s.from, s.to, s.count])).toEqual([
      [10, 100, 9],
      [100, 210, 12],
    ]);
  });

  it('choroplethLayers lists codes without a boundary, and rampColors interpolates the theme ramp', () => {
    const set = choroplethLayers({ '440100': 1, '441202': 2 }, { atlas, scale: 'quantize', classes: 2 });
    expect(set.legend.find((s) => s.key === 'not-drawn')?.entries[0]?.label).toBe('441202');
    expect(rampColors(['#000000', '#ffffff'], 3)).toEqual([
      'rgb(0, 0, 0)',
      'rgb(128, 128, 128)',
      'rgb(255, 255, 255)',
    ]);
  });
});

describe('convertLayerSet(set, crs), southChinaSeaInset, images', () => {
  it("convertLayerSet(set, 'gcj02') shifts overlays by GCJ-02's offset and leaves the original alone", () => {
    const set = metroCircleLayers(of(guangdong, 'metro-circle') as MetroCircle[], { atlas });
    const before = JSON.stringify(set.sources);
    const gcj = convertLayerSet(set, 'gcj02');
    expect(JSON.stringify(set.sources)).toBe(before);
    const p0 = (features(set, 'quyu-metro-labels')[0] as Feature<Point>).geometry.coordinates;
    const p1 = (features(gcj, 'quyu-metro-labels')[0] as Feature<Point>).geometry.coordinates;
    const dx = p1[0]! - p0[0]!;
    const dy = p1[1]! - p0[1]!;
    // In Guangdong GCJ-02 lies some 500 m east-south-east of WGS-84.
    expect(dx).toBeGreaterThan(0.003);
    expect(dx).toBeLessThan(0.008);
    expect(dy).toBeLessThan(0);
    expect(convertLayerSet(set, 'wgs84')).toBe(set);
  });

  it('southChinaSeaInset({ atlas }) draws the islands and the ten-dash line in a Mercator box', () => {
    const d = southChinaSeaInset({ atlas, width: 120 });
    expect(d.width).toBe(120);
    expect(d.height).toBeGreaterThan(150);
    const path = (layer: string) => d.paths.find((p) => p.layer === layer)?.d ?? '';
    expect(path('dashes').match(/M/g)?.length).toBeGreaterThanOrEqual(10);
    expect(path('islands').length).toBeGreaterThan(100);
    expect(path('land').length).toBeGreaterThan(100);
    expect(d.label).toBe('南海诸岛');
    expect(southChinaSeaInset({ atlas, lang: 'en', theme: 'dark' }).paths[0]?.fill).toBe(themes.dark.sea);
  });

  it('patternImage tiles seamlessly and symbolImage keeps a transparent corner and an opaque centre', () => {
    const img = patternImage('hatch', '#2e7d32', { size: 8, pixelRatio: 2 });
    expect(img.width).toBe(16);
    const alpha = (x: number, y: number) => img.data[(y * img.width + x) * 4 + 3]!;
    for (let i = 0; i < 16; i++) {
      expect(Math.abs(alpha(0, i) - alpha(15, (i + 1) % 16))).toBeLessThan(40);
    }
    const dot = symbolImage('circle', '#0072b2', { size: 10, pixelRatio: 2 });
    expect(dot.data[3]).toBe(0);
    const c = (10 * 20 + 10) * 4;
    expect([...dot.data.slice(c, c + 4)]).toEqual([0, 114, 178, 255]);
  });
});

describe('styleWithLayerSet(style, set)', () => {
  it('styleWithLayerSet puts fills and lines under the base labels and overlay symbols on top', async () => {
    const { styleWithLayerSet } = await import('../../src/maplibre/index.ts');
    const base = baseStyle({ atlas });
    const set = metroCircleLayers(of(guangdong, 'metro-circle') as MetroCircle[], { atlas });
    const style = styleWithLayerSet(base, set);
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    const firstBaseLabel = ids.indexOf(base.layers.find((l) => l.type === 'symbol')!.id);
    expect(ids.indexOf('quyu-metro-fill')).toBeLessThan(firstBaseLabel);
    expect(ids.indexOf('quyu-metro-label')).toBe(ids.length - 1);
    expect(Object.keys(style.sources)).toEqual(expect.arrayContaining(Object.keys(set.sources)));
  });
});
