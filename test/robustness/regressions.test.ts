/**
 * One named regression case per class of crash found by fuzzing the public API (issue "Robustness by kind"),
 * each with the smallest input fast-check shrank it to, and the kind's other entry points beside it.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/atlas/index.ts';
import { loadAtlas } from '../../src/atlas/index.ts';
import { EXIT, main } from '../../src/cli/index.ts';
import { childrenOf, nameOf, parentOf, requireCode } from '../../src/codes/index.ts';
import { decodeSpec, encodeSpec, MAX_ENCODED_SPEC, parseMapSpec } from '../../src/embed/spec.ts';
import { formatIssue, LIMITS, QuyuError, showValue } from '../../src/errors/index.ts';
import { importBoundaries } from '../../src/import/index.ts';
import { defineLayout } from '../../src/layouts/define.ts';
import { codeOf } from '../../src/names/index.ts';
import {
  areaOf,
  assignRegions,
  coverage,
  distanceKm,
  reachRing,
  regionIndex,
  relate,
  withinReach,
} from '../../src/relations/index.ts';
import { FIXTURE, fixture } from '../import/helpers.ts';
import { quyuErrorOf, quyuErrorOfAsync, squareRing } from './helpers.ts';

let atlas: Atlas;
let atlas2m: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '10m' });
  atlas2m = await loadAtlas({ resolution: '2m' });
});

const hub = (point: unknown) => ({
  type: 'hub',
  id: 'h',
  name: 'h',
  kind: 'airport',
  location: { point, unit: '440100' },
  status: 'verified',
  source: { title: 's' },
});
const layout = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'x',
  title: 't',
  region: 'r',
  items,
  ...extra,
});

describe('lookups never find inherited members', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
  it.each(names)('nameOf/requireCode/parentOf/childrenOf/codeOf(%j) throw a QuyuError', (name) => {
    for (const f of [nameOf, requireCode, parentOf, childrenOf, codeOf] as ((s: string) => unknown)[]) {
      expect(quyuErrorOf(() => f(name)).code).toMatch(/unknown-(code|name)/);
    }
  });
  it('relations and defineLayout check codes through the same lookup', () => {
    expect(quyuErrorOf(() => distanceKm('__proto__', '440100', atlas)).code).toBe('unknown-code');
    expect(quyuErrorOf(() => relate('constructor', '440100', atlas)).code).toBe('unknown-code');
    const e = quyuErrorOf(() =>
      defineLayout(
        layout([{ ...hub([113.3, 23.1]), location: { point: [113.3, 23.1], unit: '__proto__' } }]),
      ),
    );
    expect(e.issues[0]!.path).toBe('items[0].location.unit');
  });
  it('loadAtlas({ resolution: "constructor" }) is an unknown resolution', async () => {
    const e = await quyuErrorOfAsync(() => loadAtlas({ resolution: 'constructor' as never }));
    expect(e.issues[0]!.path).toBe('resolution');
  });
  it('quyu import --crs constructor / -r toString are usage errors', async () => {
    const io = { stdout: () => {}, stderr: () => {} };
    expect(await main(['import', FIXTURE, '-o', '/tmp/x.json', '--crs', 'constructor'], io)).toBe(EXIT.usage);
    expect(await main(['import', FIXTURE, '-o', '/tmp/x.json', '-r', 'toString'], io)).toBe(EXIT.usage);
  });
  it('codeOf of a 10,000-character string is a quick QuyuError', () => {
    const t0 = performance.now();
    expect(quyuErrorOf(() => codeOf('深'.repeat(10_000))).code).toBe('unknown-name');
    // Not a timing assertion of speed, a guard against the seconds-long fuzzy match: generous bound.
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('the error formatter cannot throw', () => {
  const deep = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  it('a title nested 4,101 arrays deep is a QuyuError naming the depth limit', () => {
    const e = quyuErrorOf(() => defineLayout(layout([], { title: deep(4101) })));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/nested more than 32 levels/);
  });
  it("parseMapSpec('{\"title\":' + '['.repeat(5000) + …) is a QuyuError", () => {
    const e = quyuErrorOf(() => parseMapSpec(`{"title":${'['.repeat(5000)}${']'.repeat(5000)}}`));
    expect(e.message).not.toMatch(/Maximum call stack/);
  });
  it('a BigInt inside a null-prototype object is shown, not thrown', () => {
    const o = Object.create(null);
    o.n = 10n;
    const e = quyuErrorOf(() => defineLayout(layout([], { title: o })));
    expect(formatIssue(e.issues[0]!)).toContain('10n');
  });
  it('cycles, symbols, getters that throw, revoked Proxies, huge strings', () => {
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    const getter = Object.defineProperty({}, 'x', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const value of [cyc, Symbol('s'), getter, proxy, 'x'.repeat(10_000_000), deep(100_000)]) {
      const e = new QuyuError([
        { code: 'invalid-input', path: 'p', value, problem: { zh: 'a', en: 'b' }, fix: { zh: 'c', en: 'd' } },
      ]);
      expect(e.message.length).toBeLessThan(2000);
      expect(showValue(value).length).toBeLessThanOrEqual(LIMITS.valueChars);
    }
  });
  it('defineLayout of a layout with a getter that throws is a QuyuError', () => {
    const bad = Object.defineProperty(layout([]), 'title', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    quyuErrorOf(() => defineLayout(bad));
  });
});

describe('decodeSpec of what is not a string', () => {
  it.each([null, undefined, 42, {}, []])('decodeSpec(%j) throws a QuyuError at path spec', (v) => {
    expect(quyuErrorOf(() => decodeSpec(v as never)).issues[0]!.path).toBe('spec');
  });
});

describe('every valid spec makes a working link', () => {
  const choropleth = (extra: Record<string, unknown>) => ({
    layers: [{ type: 'choropleth', values: { '440100': 1 }, scale: 'threshold', ...extra }],
  });
  it('thresholds [0, 0, -Infinity] and a value Infinity are rejected by parseMapSpec and encodeSpec', () => {
    for (const spec of [
      choropleth({ thresholds: [0, 0, Number.NEGATIVE_INFINITY] }),
      choropleth({ values: { '440100': Number.POSITIVE_INFINITY } }),
      choropleth({ values: { '440100': Number.NaN } }),
      { focus: { bounds: [100, 20, Number.POSITIVE_INFINITY, 30] } },
      { layouts: [layout([hub([Number.POSITIVE_INFINITY, 23])])] },
    ]) {
      quyuErrorOf(() => parseMapSpec(spec));
      quyuErrorOf(() => encodeSpec(spec as never));
    }
  });
  it('-0 travels as 0: parseMapSpec(decodeSpec(encodeSpec(spec))) equals parseMapSpec(spec)', () => {
    const spec = choropleth({ thresholds: [-0, 1], values: { '440100': -0 } });
    expect(parseMapSpec(decodeSpec(encodeSpec(spec as never)))).toEqual(parseMapSpec(spec));
  });
});

describe('typed arrays of the wrong kind', () => {
  it('assignRegions(BigInt64Array.from([0n, 0n])) is a QuyuError', () => {
    expect(
      quyuErrorOf(() => assignRegions(BigInt64Array.from([0n, 0n]) as never, atlas)).issues[0]!.path,
    ).toBe('points');
    quyuErrorOf(() => assignRegions(BigUint64Array.from([0n, 0n]) as never, atlas));
    quyuErrorOf(() => assignRegions(new DataView(new ArrayBuffer(16)) as never, atlas));
  });
});

describe('every numeric option has documented bounds', () => {
  const bad = [0, Number.NaN, 2, -1, 1e308, Number.POSITIVE_INFINITY, new Date(), 1e6, '64', 3.5];
  it.each(bad.map((b) => [String(b), b]))(
    'steps %s: coverage and reachRing throw out-of-range naming steps',
    (_, steps) => {
      for (const run of [
        () => coverage(['440100'], [[113.3, 23.1]], 50, atlas, { steps: steps as number }),
        () => reachRing([113.3, 23.1], 50, { steps: steps as number }),
      ]) {
        const e = quyuErrorOf(run);
        expect(e.issues[0]).toMatchObject({ code: 'out-of-range', path: 'steps' });
        expect(e.message).toMatch(/from 3 to 1024/);
      }
    },
  );
  it.each([[0.005], [1e-4], [0], [Number.NaN], [Number.POSITIVE_INFINITY], [-1], [11], [new Date()]])(
    'regionIndex cellDeg %s throws out-of-range naming cellDeg and its bounds',
    (cellDeg) => {
      const e = quyuErrorOf(() => regionIndex(atlas, { cellDeg: cellDeg as number }));
      expect(e.issues[0]).toMatchObject({ code: 'out-of-range', path: 'cellDeg' });
      expect(e.message).toMatch(/from 0\.015625 to 10/);
    },
  );
  it('km of every relation: 0, NaN, Infinity, -1 throw', () => {
    for (const km of [0, Number.NaN, Number.POSITIVE_INFINITY, -1, 1e308])
      quyuErrorOf(() => reachRing([113.3, 23.1], km));
  });
});

describe("users' polygons are checked before anything is computed", () => {
  const open = { type: 'Polygon', coordinates: [squareRing(113, 23).slice(0, 4)] };
  it('areaOf of a square whose ring is not closed throws (not half its area)', () => {
    expect(quyuErrorOf(() => areaOf(open as never)).message).toMatch(/not closed/);
  });
  it('relate(point, unclosedSquare) throws (not "disjoint")', () => {
    quyuErrorOf(() => relate([113.5, 23.5], open as never));
  });
  it('a hole larger than its shell throws (not −910 km²)', () => {
    const g = { type: 'Polygon', coordinates: [squareRing(113.4, 23.4, 0.2), squareRing(113, 23, 1)] };
    expect(quyuErrorOf(() => areaOf(g as never)).message).toMatch(/hole/);
  });
  it('Web Mercator metres throw naming EPSG:3857 (not 8.56e9 km²)', () => {
    const m = { type: 'Polygon', coordinates: [squareRing(12_580_000, 2_640_000, 100_000)] };
    expect(quyuErrorOf(() => areaOf(m as never)).message).toMatch(/Web Mercator metres/);
  });
  it('one NaN vertex throws (not NaN)', () => {
    const ring = squareRing(113, 23);
    ring[2] = [Number.NaN, 24];
    expect(quyuErrorOf(() => areaOf({ type: 'Polygon', coordinates: [ring] } as never)).message).toMatch(
      /not a finite number/,
    );
  });
  it('swapped coordinates throw swapped-coordinates', () => {
    const g = { type: 'Polygon', coordinates: [squareRing(23, 113)] };
    expect(quyuErrorOf(() => areaOf(g as never)).code).toBe('swapped-coordinates');
  });
  const sq = { type: 'Polygon', coordinates: [squareRing(113, 23)] };
  const malformed: [string, unknown][] = [
    ['FeatureCollection without features', { type: 'FeatureCollection' }],
    ['features: [null]', { type: 'FeatureCollection', features: [null] }],
    ['null', null],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }],
    ['an empty Polygon', { type: 'Polygon', coordinates: [] }],
    ['a polygon without rings', { type: 'MultiPolygon', coordinates: [[]] }],
    [
      'a degenerate ring in a FeatureCollection',
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: sq },
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [113, 23],
                  [114, 23],
                  [113, 23],
                ],
              ],
            },
          },
        ],
      },
    ],
    ['a feature with a null geometry', { type: 'Feature', properties: {}, geometry: null }],
    ['a position with one number', { type: 'Polygon', coordinates: [[[113], [114, 23], [114, 24], [113]]] }],
  ];
  it.each(malformed)('%s: areaOf, relate and coverage throw a QuyuError', (_, g) => {
    quyuErrorOf(() => areaOf(g as never));
    quyuErrorOf(() => relate(g as never, '440100', atlas));
    quyuErrorOf(() => relate([113.5, 23.5], g as never, atlas));
    quyuErrorOf(() => coverage(g as never, [[113.3, 23.1]], 50, atlas));
  });
  it('withinReach checks hubs as it checks units', () => {
    expect(quyuErrorOf(() => withinReach(['440100'], 'x' as never, 50, atlas)).issues[0]!.path).toBe('hubs');
    expect(quyuErrorOf(() => withinReach(['440100'], null as never, 50, atlas)).issues[0]!.path).toBe('hubs');
    quyuErrorOf(() => coverage(['440100'], {} as never, 50, atlas));
  });
  it('valid user polygons still give their area, whatever their winding', () => {
    const cw = { type: 'Polygon', coordinates: [squareRing(113, 23).reverse()] };
    const ccw = { type: 'Polygon', coordinates: [squareRing(113, 23)] };
    expect(areaOf(cw as never).properties.areaKm2).toBeCloseTo(areaOf(ccw as never).properties.areaKm2, 6);
    expect(relate([113.5, 23.5], ccw as never)).toBe('within');
  });
  it('a bow-tie and overlapping parts are merged, never counted twice', () => {
    const a = areaOf({ type: 'Polygon', coordinates: [squareRing(113, 23)] } as never).properties.areaKm2;
    const twice = { type: 'MultiPolygon', coordinates: [[squareRing(113, 23)], [squareRing(113, 23)]] };
    expect(areaOf(twice as never).properties.areaKm2).toBeCloseTo(a, 3);
  });
});

describe('the importer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quyu-robust-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const io = () => {
    let err = '';
    const stderr = (t: string) => {
      err += t;
    };
    return { io: { stdout: () => {}, stderr }, err: () => err };
  };

  it.each([['"LA"'], ['42'], ['[1]']])(
    'properties %s is an error at …properties (not a TypeError)',
    async (p) => {
      const e = await quyuErrorOfAsync(() =>
        importBoundaries(`{"type":"Feature","properties":${p},"geometry":null}`, { atlas: atlas2m }),
      );
      expect(e.issues[0]!.path).toBe('input:properties');
    },
  );
  it('the CLI exits 1 naming the file and the feature for properties that are not an object', async () => {
    const fc = fixture();
    (fc.features[3] as { properties: unknown }).properties = 'LA';
    const file = join(dir, 'bad-props.geojson');
    writeFileSync(file, JSON.stringify(fc));
    const { io: out, err } = io();
    expect(await main(['import', file, '-o', join(dir, 'o.json'), '-q'], out)).toBe(EXIT.rejected);
    expect(err()).toMatch(/bad-props\.geojson:features\[3\]\.properties/);
  });
  it('a hole larger than its shell is rejected (not imported as −735.6 km²)', async () => {
    const fc = fixture();
    const g = fc.features[0]!.geometry as { type: string; coordinates: number[][][][] };
    const poly = g.type === 'Polygon' ? (g.coordinates as unknown as number[][][]) : g.coordinates[0]!;
    poly.push(squareRing(100, 28, 10)); // a "hole" around the whole prefecture
    const e = await quyuErrorOfAsync(() => importBoundaries(fc, { atlas: atlas2m }));
    expect(e.issues.some((i) => /hole/.test(i.problem.en) && i.path.includes('features[0]'))).toBe(true);
  });
  it('an empty MultiPolygon is an empty geometry, not swapped coordinates', async () => {
    const fc = fixture();
    fc.features[1]!.geometry = { type: 'MultiPolygon', coordinates: [] };
    const e = await quyuErrorOfAsync(() => importBoundaries(fc, { atlas: atlas2m }));
    expect(e.issues[0]!.code).toBe('invalid-input');
    expect(e.issues[0]!.problem.en).toMatch(/empty geometry/);
  });
  it('a file starting with a UTF-8 BOM is read; messages never echo invisible characters', async () => {
    const text = `\ufeff${readFileSync(FIXTURE, 'utf8')}`;
    const { report } = await importBoundaries(text, { atlas: atlas2m });
    expect(report.codes.length).toBe(9);
    const e = await quyuErrorOfAsync(() => importBoundaries('\ufeff\u202e{', { atlas: atlas2m }));
    expect(e.message).not.toMatch(/[\ufeff\u202e]/);
    expect(e.message).toMatch(/\\u\{FEFF\}|\\u\{202E\}/);
  });
  it('-r 2m,10m with the second output unwritable leaves nothing behind', async () => {
    const sub = join(dir, 'atomic');
    mkdirSync(sub);
    mkdirSync(join(sub, 'out-10m.json')); // a folder where the 10m file should go
    const { io: out } = io();
    const code = await main(['import', FIXTURE, '-o', join(sub, 'out.json'), '-r', '2m,10m', '-q'], out);
    expect(code).toBe(EXIT.io);
    expect(readdirSync(sub).sort()).toEqual(['out-10m.json']);
    expect(existsSync(join(sub, 'out-2m.json'))).toBe(false);
  });
  it('an existing output survives a failed multi-output import unchanged', async () => {
    const sub = join(dir, 'keep');
    mkdirSync(sub);
    writeFileSync(join(sub, 'out-2m.json'), 'previous');
    mkdirSync(join(sub, 'out-10m.json'));
    const { io: out } = io();
    await main(['import', FIXTURE, '-o', join(sub, 'out.json'), '-r', '2m,10m', '-q'], out);
    expect(readFileSync(join(sub, 'out-2m.json'), 'utf8')).toBe('previous');
    expect(readdirSync(sub).sort()).toEqual(['out-10m.json', 'out-2m.json']);
  });
});

describe('bounded cost for untrusted input', () => {
  it('a 2.7 MB link is refused before decoding', () => {
    const link = 'A'.repeat(2_700_000);
    expect(link.length).toBeGreaterThan(MAX_ENCODED_SPEC);
    expect(quyuErrorOf(() => decodeSpec(link)).message).toMatch(/longer than/);
  });
  it('a million bad layers is refused by size, before validation', () => {
    const text = JSON.stringify({ layers: Array.from({ length: 1_000_000 }, () => ({})) });
    expect(quyuErrorOf(() => parseMapSpec(text)).code).toBe('too-large');
  });
  it('300,000 bad choropleth keys are refused by size', () => {
    const values = Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`k${i}`, 1]));
    expect(quyuErrorOf(() => parseMapSpec({ layers: [{ type: 'choropleth', values }] })).code).toBe(
      'too-large',
    );
  });
  it('every error lists at most 50 problems and counts the rest', () => {
    const e = quyuErrorOf(() => defineLayout(layout(Array.from({ length: 20_000 }, () => ({ type: 'x' })))));
    expect(e.issues.length).toBe(LIMITS.issues);
    expect(e.omitted).toBeGreaterThan(19_000);
    expect(e.message).toMatch(/another|more \/ 另有 \d+ 处问题/);
    const spec = quyuErrorOf(() => parseMapSpec({ layers: Array.from({ length: 5000 }, () => ({})) }));
    expect(spec.issues.length).toBe(LIMITS.issues);
    expect(spec.omitted).toBeGreaterThan(4000);
  });
  it('inline specs: the attribute text is limited in bytes before parsing', () => {
    const text = JSON.stringify({ title: '区'.repeat(200_000) }); // 600 KB of UTF-8 in 200,000 characters
    expect(text.length).toBeLessThan(LIMITS.specBytes);
    expect(quyuErrorOf(() => parseMapSpec(text)).code).toBe('too-large');
  });
});

describe('found by the fuzz suite', () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  it('codeOf / nameOf / requireCode of a revoked Proxy is a QuyuError (was a TypeError from String())', () => {
    for (const f of [codeOf, nameOf, requireCode] as ((s: unknown) => unknown)[])
      quyuErrorOf(() => f(revoked()));
  });
  it('importBoundaries of a feature whose properties is a revoked Proxy is a QuyuError', async () => {
    const fc = fixture();
    (fc.features[0] as { properties: unknown }).properties = revoked();
    await quyuErrorOfAsync(() => importBoundaries(fc, { atlas: atlas2m }));
  });
});

describe('the cost cliffs keep their answers', () => {
  it('the distance to a unit (edge index) equals Turf over every ring, near and far', async () => {
    const { distanceToBoundaryKm } = await import('../../src/geo/distance.ts');
    const { default: pointToLineDistance } = await import('@turf/point-to-line-distance');
    const { lineString, point } = await import('@turf/helpers');
    const slow = (p: [number, number], code: string) => {
      const g = atlas2m.feature(code).geometry;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      let best = Number.POSITIVE_INFINITY;
      for (const poly of polys)
        for (const ring of poly)
          best = Math.min(best, pointToLineDistance(point(p), lineString(ring), { units: 'kilometers' }));
      return best;
    };
    for (const [code, p] of [
      ['440100', [113.1, 23.9]],
      ['440100', [113.9, 22.9]],
      ['440300', [114.0, 22.4]],
      ['510100', [105.0, 31.0]],
      ['440100', [116.4, 39.9]],
      ['650100', [87.0, 40.0]],
    ] as [string, [number, number]][]) {
      const want = slow(p, code);
      const got = distanceToBoundaryKm(p, atlas2m.feature(code).geometry);
      // Near: Turf's value to the metre; far (hundreds of km): within 1 %.
      if (want < 50) expect(Math.abs(got - want)).toBeLessThan(0.001);
      else expect(Math.abs(got - want) / want).toBeLessThan(0.01);
    }
  });
  it('defineLayout names the distance and a likely GCJ-02 point', () => {
    const gcj: [number, number] = [113.2699, 23.1255]; // 广州 city hall in GCJ-02 is inside; test the message shape
    const e = quyuErrorOf(() =>
      defineLayout(layout([{ ...hub([116.4, 39.9]), location: { point: [116.4, 39.9], unit: '440100' } }]), {
        atlas: atlas2m,
      }),
    );
    expect(e.issues[0]).toMatchObject({ code: 'point-outside-unit', path: 'items[0].location.point' });
    expect(e.issues[0]!.problem.en).toMatch(/\(\d+ km from its boundary\)/);
    expect(gcj).toHaveLength(2);
  });
});
