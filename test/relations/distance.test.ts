import turfArea from '@turf/area';
import turfDistance from '@turf/distance';
import pointToLineDistance from '@turf/point-to-line-distance';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Atlas,
  coverage,
  distanceKm,
  type Hub,
  hubsOf,
  linkLengthKm,
  loadAtlas,
  loadSeats,
  nearestHub,
  QuyuError,
  reachRing,
  withinReach,
} from '../../src/index.ts';
import type { Corridor, EconomicZone, TransferLink } from '../../src/layouts/schema.ts';
import { item, LAYOUTS } from './helpers.ts';

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '10m' });
});

const GZ: [number, number] = [113.2644, 23.1291];
const SZ: [number, number] = [114.0597, 22.5414];
const FOSHAN: [number, number] = [113.1214, 23.0215];
const baiyun = () => item('guangdong', 'hub-guangzhou-baiyun-international-airport') as Hub;
const airports = () => hubsOf(LAYOUTS.guangdong!).filter((h) => h.kind === 'airport');

describe('distanceKm(a, b, atlas?)', () => {
  it('is the great-circle distance between points, hubs and unit seats', () => {
    expect(distanceKm(GZ, SZ)).toBeCloseTo(104.47, 1);
    expect(distanceKm(SZ, GZ)).toBe(distanceKm(GZ, SZ));
    expect(distanceKm(GZ, GZ)).toBe(0);
    expect(distanceKm({ type: 'Point', coordinates: GZ }, SZ)).toBe(distanceKm(GZ, SZ));
    expect(distanceKm(baiyun(), baiyun().location.point!)).toBe(0);
    expect(distanceKm('440100', SZ, atlas)).toBe(distanceKm(atlas.seat('440100'), SZ));
  });

  // Seat to seat, not label point to label point: the figures of issue #10 (哈尔滨's label point lies 110 km
  // from the city; label points made 哈尔滨–大庆 286 km).
  it('measures between units seat to seat: 哈尔滨 → 大庆 ≈ 141 km, not 286', () => {
    const km = distanceKm('230100', '230600', atlas);
    // 141 km: the figure of issue #10 between the two city governments (哈尔滨 松北区, 大庆 萨尔图区); the
    // independent reference positions (echarts map files, `cp`) of 大庆's government and of 松北区's seat
    // give 141.3 km.
    expect(km).toBeGreaterThan(136);
    expect(km).toBeLessThan(146);
    const label = (c: string) => {
      const p = atlas.feature(c).properties;
      return [p.labelX, p.labelY] as [number, number];
    };
    expect(distanceKm(label('230100'), label('230600'))).toBeGreaterThan(250);
    expect(distanceKm('440100', '440300', atlas)).toBeGreaterThan(95); // 广州 → 深圳 city governments
    expect(distanceKm('440100', '440300', atlas)).toBeLessThan(115);
    expect(distanceKm('510100', '510700', atlas)).toBeGreaterThan(95); // 成都 → 绵阳
    expect(distanceKm('510100', '510700', atlas)).toBeLessThan(115);
  });

  it('knows county seats once the seats table is loaded, and says why when a seat is missing', async () => {
    expect(() => distanceKm('510726', '510703', atlas)).toThrow(/no seat in the loaded data/);
    const seats = await loadSeats();
    const full = await loadAtlas({ resolution: '10m', seats });
    // 北川's new county town 永昌镇 to 涪城区 (绵阳's government): about 26 km by the seats.
    const km = distanceKm('510726', '510703', full);
    expect(km).toBeGreaterThan(20);
    expect(km).toBeLessThan(40);
    expect(() => distanceKm('130171', '130100', full)).toThrow(/has no seat/); // a development zone
    expect(() => distanceKm('659009', '650100', full)).toThrow(/no sourced seat/);
  });

  it('throws bilingual errors: code without atlas, hub without point, bad point', () => {
    expect(() => distanceKm('440100', SZ)).toThrow(/Missing atlas/);
    const noPoint = item('guangdong', 'hub-chaozhou-main-platform-for-orderly-industrial-transfer') as Hub;
    expect(() => distanceKm(noPoint, SZ)).toThrow(/has no point/);
    expect(() => distanceKm([23.1, 113.2], SZ)).toThrow(QuyuError);
  });
});

describe('nearestHub(place, hubs, atlas?)', () => {
  it('finds 白云 as the airport nearest to 佛山 and lists hubs without a point', () => {
    const near = nearestHub(FOSHAN, airports())!;
    expect((near.hub as Hub).id).toBe('hub-guangzhou-baiyun-international-airport');
    expect(near.km).toBeCloseTo(distanceKm(FOSHAN, baiyun()), 9);
    const everyHub = nearestHub(FOSHAN, hubsOf(LAYOUTS.guangdong!))!;
    expect(everyHub.unlocated).toContain('hub-chaozhou-main-platform-for-orderly-industrial-transfer');
    expect(nearestHub('440600', airports(), atlas)).not.toBeNull();
  });

  it('returns null without located hubs; on ties the first hub wins', () => {
    expect(nearestHub(GZ, [])).toBeNull();
    const tie = nearestHub(GZ, [SZ, SZ]);
    expect(tie!.index).toBe(0);
  });
});

describe('reachRing(hub, km, { steps })', () => {
  it('is a closed geodesic circle: every vertex lies km from the hub', () => {
    const ring = reachRing(baiyun(), 50);
    expect(ring.properties).toEqual({
      hub: 'hub-guangzhou-baiyun-international-airport',
      name: '广州白云国际机场',
      km: 50,
    });
    const coords = ring.geometry.coordinates[0]!;
    expect(coords).toHaveLength(65);
    expect(coords[0]).toEqual(coords.at(-1));
    for (const v of coords) expect(turfDistance(baiyun().location.point!, v)).toBeCloseTo(50, 6);
    expect(reachRing(GZ, 30, { steps: 128 }).geometry.coordinates[0]).toHaveLength(129);
    expect(reachRing(GZ, 30).properties).toEqual({ hub: null, name: null, km: 30 });
  });

  it('throws for a non-positive distance, too few steps and a hub without a point', () => {
    expect(() => reachRing(GZ, 0)).toThrow(/positive number/);
    expect(() => reachRing(GZ, Number.NaN)).toThrow(/positive number/);
    expect(() => reachRing(GZ, 10, { steps: 2 })).toThrow(/steps/);
    const noPoint = item('guangdong', 'hub-chaozhou-main-platform-for-orderly-industrial-transfer') as Hub;
    expect(() => reachRing(noPoint, 10)).toThrow(/has no point/);
  });
});

describe('withinReach(units, hubs, km, atlas, { mode })', () => {
  const gd = () => atlas.prefectures({ province: '440000' }).map((f) => f.id);

  it('finds 广州 (hub inside: 0 km) and 佛山 within 50 km of 白云', () => {
    const { units } = withinReach(gd(), [baiyun()], 50, atlas);
    expect(units[0]).toEqual({
      code: '440100',
      hubIndex: 0,
      hubId: 'hub-guangzhou-baiyun-international-airport',
      km: 0,
    });
    expect(units.map((u) => u.code)).toContain('440600');
    expect(units.map((u) => u.code)).not.toContain('440500');
  });

  it('measures to the nearest boundary point, like Turf point-to-line distance over the rings', () => {
    for (const u of withinReach(gd(), [baiyun()], 300, atlas).units) {
      if (u.km === 0) continue;
      const g = atlas.feature(u.code).geometry;
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      const brute = Math.min(
        ...rings.map((r) =>
          pointToLineDistance(baiyun().location.point!, { type: 'LineString', coordinates: r }),
        ),
      );
      expect(u.km, u.code).toBeCloseTo(brute, 6);
    }
  });

  it("'whole' is stricter than 'any', and a larger distance reaches more units", () => {
    const any100 = withinReach(gd(), airports(), 100, atlas).units.map((u) => u.code);
    const whole100 = withinReach(gd(), airports(), 100, atlas, { mode: 'whole' }).units.map((u) => u.code);
    const any200 = withinReach(gd(), airports(), 200, atlas).units.map((u) => u.code);
    expect(whole100.every((c) => any100.includes(c))).toBe(true);
    expect(whole100.length).toBeLessThan(any100.length);
    expect(any100.every((c) => any200.includes(c))).toBe(true);
    for (const u of withinReach(gd(), airports(), 150, atlas, { mode: 'whole' }).units) {
      const g = atlas.feature(u.code).geometry;
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      const hub = airports()[u.hubIndex]!.location.point!;
      for (const r of rings) for (const v of r) expect(turfDistance(hub, v)).toBeLessThanOrEqual(150);
    }
  });

  it('validates its input', () => {
    expect(() => withinReach(['440100'], [GZ], -1, atlas)).toThrow(/positive number/);
    expect(() => withinReach(['440100'], [GZ], 10, atlas, { mode: 'most' as never })).toThrow(/Unknown mode/);
    expect(() => withinReach(['9'], [GZ], 10, atlas)).toThrow(/units\[0\]/);
    expect(() => withinReach('440100' as never, [GZ], 10, atlas)).toThrow(/array of codes/);
  });
});

describe('coverage(area, hubs, km, atlas)', () => {
  it('is 1 when a ring covers the whole area and 0 when no ring reaches it', () => {
    expect(coverage(['440300'], [SZ], 200, atlas).share).toBeCloseTo(1, 9);
    expect(coverage(['440300'], [[126.6, 45.75]], 100, atlas).share).toBe(0);
  });

  it('equals ring area / area for a ring inside a user polygon', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [110, 30],
          [112, 30],
          [112, 32],
          [110, 32],
          [110, 30],
        ],
      ],
    };
    const c = coverage(square, [[111, 31]], 50);
    const ringKm2 = turfArea(reachRing([111, 31], 50, { steps: 128 })) / 1e6;
    expect(c.coveredKm2).toBeCloseTo(ringKm2, 1);
    expect(c.share).toBeCloseTo(ringKm2 / (turfArea(square) / 1e6), 6);
  });

  it('reports approximated members and hubs without a point', () => {
    const cy = item('sichuan', 'sc-cy') as EconomicZone;
    const c = coverage(cy, hubsOf(LAYOUTS.sichuan!, cy), 100, atlas);
    expect(c.share).toBeGreaterThan(0);
    expect(c.share).toBeLessThan(1);
    expect(c.partial).toBe(true);
    const withUnlocated = coverage(['445100'], hubsOf(LAYOUTS.guangdong!), 50, atlas);
    expect(withUnlocated.unlocated).toContain('hub-chaozhou-main-platform-for-orderly-industrial-transfer');
    expect(() => coverage(item('national', 'cn-mc-01') as never, [GZ], 10, atlas)).toThrow(/no member codes/);
  });
});

describe('linkLengthKm(link, atlas)', () => {
  it('measures a link between its units’ seats', () => {
    const link = item('guangdong', 'gd-zm-integration') as TransferLink;
    expect(linkLengthKm(link, atlas)).toBe(distanceKm(link.from, link.to, atlas));
  });

  it('sums the legs of a corridor (points where given, seats otherwise)', () => {
    const corridor = item('guangzhou-shenzhen', 'gzsz-rail-gs2') as Corridor;
    const pts = corridor.nodes.map((n) => n.point ?? n.code!);
    let sum = 0;
    for (let k = 1; k < pts.length; k++) sum += distanceKm(pts[k - 1]!, pts[k]!, atlas);
    expect(linkLengthKm(corridor, atlas)).toBeCloseTo(sum, 9);
    expect(linkLengthKm(corridor, atlas)).toBeGreaterThan(50);
    const mixed = { ...corridor, nodes: [{ point: GZ }, { code: '441900' }, { point: SZ }] };
    expect(linkLengthKm(mixed, atlas)).toBeCloseTo(
      distanceKm(GZ, '441900', atlas) + distanceKm('441900', SZ, atlas),
      9,
    );
  });

  it('refuses a county node without a seat unless asked to approximate it by its prefecture', () => {
    const corridor = item('guangzhou-shenzhen', 'gzsz-rail-szgz') as Corridor; // ends at 增城 440118
    expect(() => linkLengthKm(corridor, atlas)).toThrow(/no seat/);
    const approx = linkLengthKm(corridor, atlas, { approximate: true });
    const asPrefecture = {
      ...corridor,
      nodes: corridor.nodes.map((n) => (n.code === '440118' ? { ...n, code: '440100' } : n)),
    };
    expect(approx).toBe(linkLengthKm(asPrefecture, atlas));
  });

  it('throws for a corridor with fewer than two nodes and for other items', () => {
    expect(() => linkLengthKm(item('mianyang', 'my-corr-zhongx') as Corridor, atlas)).toThrow(/two nodes/);
    expect(() => linkLengthKm(item('guangdong', 'gd-mc-sz') as never, atlas)).toThrow(/Not a link/);
  });
});

describe('hubsOf(layout, item?)', () => {
  it('lists a layout’s hubs, or those an item refers to', () => {
    const sichuan = LAYOUTS.sichuan!;
    const cy = item('sichuan', 'sc-cy');
    expect(hubsOf(sichuan, cy).map((h) => h.id)).toEqual(cy.hubs);
    expect(hubsOf(sichuan, 'sc-cy')).toEqual(hubsOf(sichuan, cy));
    expect(hubsOf(sichuan).every((h) => h.type === 'hub')).toBe(true);
    expect(() => hubsOf(sichuan, 'nope')).toThrow(/no such item/);
  });
});
