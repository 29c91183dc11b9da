import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, assignRegions, loadAtlas, QuyuError, regionAt, regionIndex } from '../../src/index.ts';
import { orientSign } from '../../src/relations/internal/orient.ts';
import { bboxLoop, borderPoints, plainLoop, prng, randomPoints } from './helpers.ts';

let a10: Atlas;
let a2: Atlas;
beforeAll(async () => {
  a10 = await loadAtlas({ resolution: '10m' });
  a2 = await loadAtlas({ resolution: '2m' });
});

const { seats } = JSON.parse(readFileSync('test/fixtures/seats.json', 'utf8')) as {
  seats: { code: string; name_zh: string; lon: number; lat: number; excluded?: string }[];
};

/** Interleaves points for assignRegions. */
function flat(points: [number, number][]): Float64Array {
  const out = new Float64Array(points.length * 2);
  points.forEach(([x, y], i) => {
    out[2 * i] = x;
    out[2 * i + 1] = y;
  });
  return out;
}

function mismatches(
  xy: Float64Array,
  got: (string | null)[],
  expected: (x: number, y: number) => string | null,
): string[] {
  const bad: string[] = [];
  for (let i = 0; i < got.length; i++) {
    const want = expected(xy[2 * i]!, xy[2 * i + 1]!);
    if (want !== got[i]) bad.push(`[${xy[2 * i]}, ${xy[2 * i + 1]}]: ${got[i]} ≠ ${want}`);
  }
  return bad;
}

describe('regionAt(lngLat, atlas, { level })', () => {
  it('finds the unit of known points (深圳, 广州, 北京东城) and null at sea', () => {
    expect(regionAt([114.0597, 22.5414], a10)).toBe('440300');
    expect(regionAt([113.2644, 23.1291], a10)).toBe('440100');
    expect(regionAt([116.4164, 39.9284], a10)).toBe('110101');
    expect(regionAt([114.0597, 22.5414], a10, { level: 'province' })).toBe('440000');
    expect(regionAt([120, 20], a10)).toBeNull();
    expect(regionAt([0, 0], a10)).toBeNull();
  });

  it('accepts [lng, lat], GeoJSON Points and Point features', () => {
    const p = [114.0597, 22.5414] as [number, number];
    expect(regionAt({ type: 'Point', coordinates: p }, a10)).toBe('440300');
    expect(
      regionAt({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }, a10),
    ).toBe('440300');
  });

  it('puts every sourced government seat in its own unit (2m; counties in their prefecture)', () => {
    const wrong: string[] = [];
    for (const s of seats.filter((x) => !x.excluded)) {
      const want = a2.has(s.code) ? s.code : `${s.code.slice(0, 4)}00`;
      const got = regionAt([s.lon, s.lat], a2);
      if (got !== want) wrong.push(`${s.code} ${s.name_zh}: ${got}`);
    }
    expect(wrong).toEqual([]);
  });

  it('throws bilingual errors for swapped, out-of-range and malformed points', () => {
    expect(() => regionAt([22.5414, 114.0597], a10)).toThrow(QuyuError);
    try {
      regionAt([22.5414, 114.0597], a10);
    } catch (e) {
      expect((e as QuyuError).code).toBe('swapped-coordinates');
      expect((e as QuyuError).message).toContain('[114.0597, 22.5414]');
    }
    expect(() => regionAt([200, 10], a10)).toThrow(/out of range/);
    expect(() => regionAt([Number.NaN, 10], a10)).toThrow(/not a finite number/);
    expect(() => regionAt({ type: 'LineString', coordinates: [] } as never, a10)).toThrow(/Not a point/);
    expect(() => regionAt([114, 22], undefined as never)).toThrow(/Missing atlas/);
    expect(() => regionAt([114, 22], a10, { level: 'district' as never })).toThrow(/Unknown level/);
  });

  it('breaks ties on shared borders by the lowest code, like a plain loop in code order', () => {
    // A vertex shared by 广州 and 佛山: both closed polygons contain it.
    const gz = a10.feature('440100');
    const fs = a10.feature('440600');
    const ring = (g: typeof gz) =>
      g.geometry.type === 'Polygon' ? g.geometry.coordinates : g.geometry.coordinates.flat();
    const fsVertices = new Set(
      ring(fs)
        .flat()
        .map((p) => `${p[0]},${p[1]}`),
    );
    const shared = ring(gz)
      .flat()
      .find((p) => fsVertices.has(`${p[0]},${p[1]}`))!;
    expect(shared).toBeDefined();
    expect(booleanPointInPolygon(shared, gz)).toBe(true);
    expect(booleanPointInPolygon(shared, fs)).toBe(true);
    expect(regionAt(shared as [number, number], a10)).toBe('440100');
  });
});

describe('assignRegions(points, atlas, { level }): exact against Turf', () => {
  it('gives the same code as a plain @turf/boolean-point-in-polygon loop for 2,000 random points (10m)', () => {
    const xy = randomPoints(2000, 20240601);
    const got = assignRegions(xy, a10);
    expect(mismatches(xy, got, plainLoop(a10.prefectures()))).toEqual([]);
    expect(got.filter((c) => c !== null).length).toBeGreaterThan(500);
  });

  it('the bbox-filtered Turf loop used as reference below equals the plain loop (on and off borders)', () => {
    const plain = plainLoop(a10.prefectures());
    const boxed = bboxLoop(a10.prefectures());
    const r = prng(3);
    const border = borderPoints(a10, 1);
    const sample = Array.from({ length: 1500 }, () => border[Math.floor(r() * border.length)]!);
    const diffs = sample.filter(([x, y]) => plain(x, y) !== boxed(x, y));
    expect(diffs).toEqual([]);
  });

  it('gives the same code as Turf on every arc vertex and edge midpoint, exactly and ±1e-7° off (10m)', () => {
    const pts = borderPoints(a10, 1);
    expect(pts.length).toBeGreaterThan(100_000);
    const xy = flat(pts);
    const got = assignRegions(xy, a10);
    expect(mismatches(xy, got, bboxLoop(a10.prefectures()))).toEqual([]);
    // Points exactly on borders are not all resolved to one side: the tie rule is exercised.
    expect(new Set(got).size).toBeGreaterThan(400);
  });

  it('gives the same province as Turf on and next to borders and on random points (10m)', () => {
    const pts = borderPoints(a10, 3);
    const xy = flat(pts);
    const ref = bboxLoop(a10.provinces());
    expect(mismatches(xy, assignRegions(xy, a10, { level: 'province' }), ref)).toEqual([]);
    const rnd = randomPoints(20_000, 11);
    expect(mismatches(rnd, assignRegions(rnd, a10, { level: 'province' }), ref)).toEqual([]);
  });

  it('gives the same code as Turf on the detailed atlas (2m), on borders and at random', () => {
    const ref = bboxLoop(a2.prefectures());
    const pts = borderPoints(a2, 15);
    const xy = flat(pts);
    expect(mismatches(xy, assignRegions(xy, a2), ref)).toEqual([]);
    const rnd = randomPoints(20_000, 12);
    expect(mismatches(rnd, assignRegions(rnd, a2), ref)).toEqual([]);
  });

  it('is exact for every grid size (cells of 1° down to 1/64°)', () => {
    const ref = bboxLoop(a10.prefectures());
    const pts = flat(borderPoints(a10, 9));
    for (const cellDeg of [1, 1 / 8, 1 / 64]) {
      const index = regionIndex(a10, { cellDeg });
      const bad: string[] = [];
      for (let i = 0; i < pts.length / 2; i++) {
        const [x, y] = [pts[2 * i]!, pts[2 * i + 1]!];
        if (index.codeAt(x, y) !== ref(x, y)) bad.push(`${cellDeg}: ${x},${y}`);
      }
      expect(bad).toEqual([]);
    }
  });

  it('accepts arrays of [lng, lat], Points, Point features, FeatureCollections and typed arrays alike', () => {
    const xy = randomPoints(300, 5);
    const pairs: [number, number][] = [];
    for (let i = 0; i < 300; i++) pairs.push([xy[2 * i]!, xy[2 * i + 1]!]);
    const want = assignRegions(xy, a10);
    const features = pairs.map((p) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: p },
    }));
    expect(assignRegions(pairs, a10)).toEqual(want);
    expect(
      assignRegions(
        pairs.map((p) => ({ type: 'Point' as const, coordinates: p })),
        a10,
      ),
    ).toEqual(want);
    expect(assignRegions(features, a10)).toEqual(want);
    expect(assignRegions({ type: 'FeatureCollection', features }, a10)).toEqual(want);
    // Float32 rounds coordinates (~1 m): compare against the rounded points.
    const f32 = new Float32Array(xy);
    expect(assignRegions(f32, a10)).toEqual(assignRegions(new Float64Array(f32), a10));
    expect(assignRegions([], a10)).toEqual([]);
  });

  it('is deterministic: the same input gives the same output, whatever the order of calls', () => {
    const xy = randomPoints(5000, 99);
    const once = assignRegions(xy, a10);
    assignRegions(randomPoints(1000, 1), a10, { level: 'province' });
    expect(assignRegions(xy, a10)).toEqual(once);
  });

  it('validates every point and names its index', () => {
    const bad = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as QuyuError).issues[0];
      }
      throw new Error('did not throw');
    };
    expect(
      bad(() =>
        assignRegions(
          [
            [113, 23],
            [Number.NaN, 23],
          ],
          a10,
        ),
      ),
    ).toMatchObject({
      code: 'out-of-range',
      path: 'points[1]',
    });
    expect(bad(() => assignRegions(new Float64Array([113, 23, 23, 113]), a10))).toMatchObject({
      code: 'swapped-coordinates',
      path: 'points[1]',
    });
    expect(bad(() => assignRegions(new Float64Array(3), a10))).toMatchObject({ path: 'points' });
    expect(bad(() => assignRegions([[113, 23], 'x'] as never, a10))).toMatchObject({ path: 'points[1]' });
    expect(bad(() => assignRegions({} as never, a10))).toMatchObject({ path: 'points' });
  });
});

describe('regionIndex(atlas, options)', () => {
  it('is cached per atlas and level, and reports its build cost and size', () => {
    const index = regionIndex(a10);
    expect(regionIndex(a10)).toBe(index);
    expect(regionIndex(a10, { level: 'province' })).not.toBe(index);
    expect(index.codes).toHaveLength(450);
    const s = index.stats;
    expect(s.buildMs).toBeGreaterThan(0);
    expect(s.insideCells + s.outsideCells + s.borderCells).toBe(s.cols * s.rows);
    // Most cells need no exact test.
    expect(s.borderCells / (s.cols * s.rows)).toBeLessThan(0.1);
  });

  it('refuses a silly cell size', () => {
    expect(() => regionIndex(a10, { cellDeg: 0 })).toThrow(QuyuError);
  });
});

describe('orientSign(u1, u2, v1, v2): exact sign of u2·v1 − u1·v2', () => {
  /** Exact value of a double as m·2^e. */
  function exact(x: number): { m: bigint; e: number } {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const sign = hi >>> 31 ? -1n : 1n;
    const exp = (hi >>> 20) & 0x7ff;
    const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    if (exp === 0) return { m: sign * frac, e: -1074 };
    return { m: sign * (frac | (1n << 52n)), e: exp - 1075 };
  }
  function exactSign(u1: number, u2: number, v1: number, v2: number): number {
    const p = exact(u2);
    const q = exact(v1);
    const r = exact(u1);
    const s = exact(v2);
    const e1 = p.e + q.e;
    const e2 = r.e + s.e;
    const e = Math.min(e1, e2);
    const d = ((p.m * q.m) << BigInt(e1 - e)) - ((r.m * s.m) << BigInt(e2 - e));
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }

  it('agrees with exact rational arithmetic on near-collinear and random inputs', () => {
    const r = prng(42);
    for (let i = 0; i < 20_000; i++) {
      // Differences of coordinates near a border: a point near the line through two vertices.
      const ax = 100 + r() * 10;
      const ay = 30 + r() * 10;
      const bx = ax + (r() - 0.5) * 0.01;
      const by = ay + (r() - 0.5) * 0.01;
      const t = r();
      const x = ax + (bx - ax) * t + (i % 3 === 0 ? 0 : (r() - 0.5) * 1e-15);
      const y = ay + (by - ay) * t;
      const args = [ax - x, bx - x, ay - y, by - y] as const;
      expect(orientSign(...args)).toBe(exactSign(...args));
    }
    // Shewchuk's example: points within a few ulps of the line through (12, 12) and (24, 24), where naive
    // floating point gets many signs wrong.
    let naiveWrong = 0;
    const ulp = 2 ** -53;
    for (let i = 0; i < 64; i++)
      for (let j = 0; j < 64; j++) {
        const x = 0.5 + i * ulp;
        const y = 0.5 + j * ulp;
        const args = [12 - x, 24 - x, 12 - y, 24 - y] as const;
        const want = exactSign(...args);
        if (Math.sign(args[1] * args[2] - args[0] * args[3]) !== want) naiveWrong++;
        expect(orientSign(...args)).toBe(want);
      }
    expect(naiveWrong).toBeGreaterThan(0);
    const edgeCases: [number, number, number, number][] = [
      [0, 0, 0, 0],
      [1, 2, 2, 4],
      [1e-300, 1, 1, 1e300],
      [-3, 5, 7, -11],
    ];
    for (const args of edgeCases) expect(orientSign(...args)).toBe(exactSign(...args));
  });
});
