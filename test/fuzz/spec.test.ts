/**
 * Fuzz: map specs. Any value in → a spec or a QuyuError; and the round trip: for every spec that
 * `parseMapSpec` accepts, `parseMapSpec(decodeSpec(encodeSpec(spec)))` equals it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_LAYOUT_IDS,
  decodeSpec,
  encodeSpec,
  ITEM_TYPES,
  type MapSpec,
  parseMapSpec,
} from '../../src/embed/spec.ts';
import { guangzhouShenzhen } from '../../src/layouts/guangzhou-shenzhen.ts';
import { deepFreeze } from '../robustness/helpers.ts';
import { expectTypedOutcome, nasty, params } from './config.ts';

const num = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1e308, -1e308, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer(),
);
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const code = fc.oneof(
  fc.integer({ min: 100_000, max: 999_999 }).map(String),
  fc.constantFrom('440100', '510000', '__proto__', 'abc'),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Specs near the valid ones: most fields right, some wrong. */
const specLike = fc.record(
  {
    version: maybe(fc.constantFrom(1, 2, '1')),
    layouts: maybe(
      fc.array(fc.oneof(fc.constantFrom(...BUILTIN_LAYOUT_IDS, 'nope'), fc.constant(guangzhouShenzhen)), {
        maxLength: 3,
      }),
    ),
    show: maybe(
      fc.record(
        {
          types: maybe(fc.array(fc.constantFrom(...ITEM_TYPES, 'x'), { maxLength: 4 })),
          ids: maybe(fc.array(text, { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
    ),
    layers: maybe(
      fc.array(
        fc.record(
          {
            type: fc.constantFrom('choropleth', 'other'),
            values: fc.dictionary(code, num, { maxKeys: 8 }),
            scale: maybe(fc.constantFrom('quantize', 'quantile', 'threshold', 'log')),
            thresholds: maybe(fc.array(num, { maxLength: 5 })),
            classes: maybe(fc.oneof(fc.integer({ min: 0, max: 12 }), num)),
            label: maybe(text),
          },
          { requiredKeys: ['type', 'values'] },
        ),
        { maxLength: 3 },
      ),
    ),
    focus: maybe(
      fc.oneof(
        fc.constant('national'),
        fc.record({ codes: fc.array(code, { maxLength: 3 }) }),
        fc.record({ bounds: fc.tuple(num, num, num, num) }),
        fc.record({
          bounds: fc.tuple(
            fc.double({ min: -180, max: 0 }),
            fc.double({ min: -90, max: 0 }),
            fc.double({ min: 1, max: 180 }),
            fc.double({ min: 1, max: 90 }),
          ),
        }),
      ),
    ),
    title: maybe(text),
    subtitle: maybe(text),
    source: maybe(text),
    sourceUrl: maybe(
      fc.oneof(fc.webUrl(), text, fc.constantFrom('javascript:alert(1)', 'https://example.org/a b')),
    ),
    legend: maybe(fc.boolean()),
    lang: maybe(fc.constantFrom('zh', 'en', 'fr')),
    theme: maybe(fc.constantFrom('light', 'dark', 'print', 'x')),
    basemap: maybe(
      fc.oneof(
        fc.constant('quyu'),
        fc.record({ style: fc.webUrl(), crs: maybe(fc.constantFrom('wgs84', 'gcj02', 'bd09')) }),
      ),
    ),
    inset: maybe(fc.boolean()),
    height: maybe(fc.oneof(fc.integer({ min: 100, max: 2500 }), num)),
  },
  { requiredKeys: [] },
);

const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308),
);
const unicode = fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 100 }));
const knownCode = fc.constantFrom('440100', '440300', '510100', '110000', '650100', '810000', '440000');
/** Valid specs (most of them: URLs and a few combinations may still be rejected). */
const validSpec = fc.record(
  {
    layouts: maybe(
      fc.array(fc.oneof(fc.constantFrom(...BUILTIN_LAYOUT_IDS), fc.constant(guangzhouShenzhen)), {
        maxLength: 2,
      }),
    ),
    show: maybe(
      fc.record(
        { types: maybe(fc.array(fc.constantFrom(...ITEM_TYPES), { maxLength: 3 })) },
        { requiredKeys: [] },
      ),
    ),
    layers: maybe(
      fc.array(
        fc.record(
          {
            type: fc.constant('choropleth'),
            values: fc.dictionary(knownCode, finite, { maxKeys: 6 }),
            scale: maybe(fc.constantFrom('quantize', 'quantile', 'threshold')),
            thresholds: maybe(fc.array(finite, { maxLength: 5 })),
            classes: maybe(fc.integer({ min: 2, max: 9 })),
            label: maybe(fc.string({ maxLength: 120 })),
          },
          { requiredKeys: ['type', 'values'] },
        ),
        { maxLength: 2 },
      ),
    ),
    focus: maybe(
      fc.oneof(
        fc.constant('national'),
        fc.record({ codes: fc.array(knownCode, { minLength: 1, maxLength: 3 }) }),
      ),
    ),
    title: maybe(unicode),
    source: maybe(unicode),
    lang: maybe(fc.constantFrom('zh', 'en')),
    theme: maybe(fc.constantFrom('light', 'dark', 'print')),
    legend: maybe(fc.boolean()),
    height: maybe(fc.double({ min: 200, max: 2000, noNaN: true })),
  },
  { requiredKeys: [] },
);

describe('fuzz: map specs', () => {
  it('parseMapSpec of any value (object or JSON text) gives a spec or a QuyuError; decodeSpec too', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nasty,
          specLike,
          specLike.map((s) => JSON.stringify(s)),
        ),
        (input) => {
          deepFreeze(input);
          expectTypedOutcome(() => parseMapSpec(input));
          expectTypedOutcome(() => decodeSpec(input as string));
        },
      ),
      params(400),
    );
  });

  it('round trip: parseMapSpec(decodeSpec(encodeSpec(spec))) equals parseMapSpec(spec) for every accepted spec', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(validSpec, specLike), (input) => {
        deepFreeze(input);
        let spec: MapSpec;
        try {
          spec = parseMapSpec(input);
        } catch {
          return; // rejected: covered by the property above
        }
        accepted++;
        const link = encodeSpec(input as never);
        expect(parseMapSpec(decodeSpec(link))).toEqual(spec);
        // The parsed spec itself travels too.
        expect(parseMapSpec(decodeSpec(encodeSpec(spec as never)))).toEqual(spec);
      }),
      params(400),
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
