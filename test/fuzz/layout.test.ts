/** Fuzz: defineLayout takes mutated built-in layouts (and anything else): a checked copy or a QuyuError. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/atlas/index.ts';
import { loadAtlas } from '../../src/atlas/index.ts';
import { defineLayout } from '../../src/layouts/define.ts';
import { guangzhouShenzhen } from '../../src/layouts/guangzhou-shenzhen.ts';
import { mianyang } from '../../src/layouts/mianyang.ts';
import { deepFreeze } from '../robustness/helpers.ts';
import { expectTypedOutcome, materialize, nasty, params } from './config.ts';
import { deleteNth, replaceNth } from './mutate.ts';

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas({ resolution: '10m' });
});

const base = fc.constantFrom<unknown>(
  JSON.parse(JSON.stringify(guangzhouShenzhen)),
  JSON.parse(JSON.stringify(mianyang)),
);
const point = fc.tuple(
  fc.oneof(fc.double(), fc.double({ min: 70, max: 140 }), fc.constantFrom(23.13, 113.26, 43.8, 87.6)),
  fc.oneof(fc.double(), fc.double({ min: 0, max: 60 }), fc.constantFrom(23.13, 113.26, 43.8, 87.6)),
);
const replacement = fc.oneof(
  nasty,
  point,
  fc.constantFrom('440100', '999999', '__proto__', 'hub', 'verified', ''),
);

/** JSON of a value when it has one (BigInts as text), else a marker: to see that the input is unchanged. */
function snapshot(v: unknown): string {
  try {
    return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)) ?? 'undefined';
  } catch {
    return '[no JSON]';
  }
}

describe('fuzz: defineLayout', () => {
  it('mutated layouts (a node replaced or deleted, with or without the atlas) give a layout or a QuyuError; the frozen input is intact', () => {
    fc.assert(
      fc.property(
        base,
        fc.nat(),
        fc.nat(),
        replacement,
        fc.boolean(),
        fc.boolean(),
        (b, n, m, by, del, withAtlas) => {
          const input = replaceNth(del ? deleteNth(b, m) : b, n, materialize(by));
          const before = snapshot(input);
          deepFreeze(input);
          const out = expectTypedOutcome(() => defineLayout(input, withAtlas ? { atlas } : {}));
          if (out) expect(Array.isArray(out.items)).toBe(true);
          expect(snapshot(input)).toBe(before);
        },
      ),
      params(400),
    );
  });
});
