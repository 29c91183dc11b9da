/**
 * Validation cases as files: each `<validator>/<case>.input.json` goes through its validator, and the
 * issues it reports (code, path, value, problem and fix in both languages) must equal
 * `<case>.expected.json` beside it. Add a case by adding an input; `QUYU_UPDATE=1` writes its expectation
 * for review. Layout inputs are the fixtures of `test/layouts/fixtures/invalid/` (those that need no atlas).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMapSpec } from '../../src/embed/spec.ts';
import { QuyuError } from '../../src/errors/index.ts';
import { defineLayout } from '../../src/layouts/define.ts';
import { loadGazetteer } from '../../src/names/load.ts';
import { expectedText, UPDATE_HINT } from '../regenerate.ts';

// As after loadAtlas(): county-level codes and names are known.
beforeAll(() => loadGazetteer());

const HERE = new URL('./', import.meta.url);
const LAYOUT_INPUTS = new URL('../layouts/fixtures/invalid/', import.meta.url);
/** Fixtures that fail only with an atlas (points.test.ts). */
const NEEDS_ATLAS = new Set(['outside-unit']);

const VALIDATORS: Record<string, { inputs: URL; run: (input: unknown) => unknown }> = {
  'map-spec': { inputs: new URL('map-spec/', HERE), run: parseMapSpec },
  layout: { inputs: LAYOUT_INPUTS, run: defineLayout },
};

function issues(run: (input: unknown) => unknown, input: unknown): unknown {
  try {
    run(input);
  } catch (e) {
    expect(e).toBeInstanceOf(QuyuError);
    return (e as QuyuError).issues;
  }
  return 'no error';
}

describe('validation cases (input / expected-error file pairs)', () => {
  for (const [name, v] of Object.entries(VALIDATORS)) {
    const cases = readdirSync(v.inputs)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
      .map((f) => f.replace(/(\.input)?\.json$/, ''))
      .filter((c) => !(name === 'layout' && NEEDS_ATLAS.has(c)));
    it(`${name}: has cases`, () => expect(cases.length).toBeGreaterThan(3));
    for (const c of cases) {
      it(`${name}/${c}`, () => {
        const file = readdirSync(v.inputs).find((f) => f === `${c}.input.json` || f === `${c}.json`)!;
        const input = JSON.parse(readFileSync(new URL(file, v.inputs), 'utf8'));
        const actual = `${JSON.stringify(issues(v.run, input), null, 2)}\n`;
        const expected = expectedText(new URL(`${name}/${c}.expected.json`, HERE).pathname, actual);
        expect(expected, `${name}/${c}.expected.json is missing: ${UPDATE_HINT}`).toBeDefined();
        expect(JSON.parse(actual), `${name}/${c} changed: ${UPDATE_HINT}`).toEqual(JSON.parse(expected!));
      });
    }
  }
});
