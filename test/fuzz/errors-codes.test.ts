/** Fuzz: the error formatter and the name lookups take any value and answer or throw a QuyuError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childrenOf, nameOf, parentOf, requireCode } from '../../src/codes/index.ts';
import { formatIssue, LIMITS, QuyuError, safeText, showValue } from '../../src/errors/index.ts';
import { codeOf } from '../../src/names/index.ts';
import { deepFreeze } from '../robustness/helpers.ts';
import { expectTypedOutcome, materialize, nasty, params } from './config.ts';

describe('fuzz: errors', () => {
  it('showValue, safeText, formatIssue and new QuyuError never throw and stay bounded', () => {
    fc.assert(
      fc.property(nasty, nasty, fc.string(), (v, path, text) => {
        const value = materialize(v);
        expect(showValue(value).length).toBeLessThanOrEqual(LIMITS.valueChars);
        expect(safeText(value).length).toBeLessThanOrEqual(LIMITS.textChars);
        const issue = {
          code: 'invalid-input' as const,
          path: path as string,
          value,
          problem: { zh: text, en: text },
          fix: { zh: value as string, en: text },
        };
        const line = formatIssue(issue);
        expect(typeof line).toBe('string');
        expect(line.length).toBeLessThan(3000);
        // No invisible or bidi control character survives into a message.
        expect(line).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
        const e = new QuyuError(Array.from({ length: 60 }, () => issue));
        expect(e.issues.length).toBe(LIMITS.issues);
        expect(e.omitted).toBe(10);
      }),
      params(300),
    );
  });
});

describe('fuzz: codes', () => {
  const names = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '440100',
      '深圳',
      '',
    ),
    fc.integer({ min: 100_000, max: 999_999 }).map(String),
    nasty,
  );
  it('codeOf / nameOf / requireCode / parentOf / childrenOf answer or throw a QuyuError', () => {
    fc.assert(
      fc.property(names, (n) => {
        const name = deepFreeze(materialize(n));
        for (const f of [codeOf, nameOf, requireCode, parentOf, childrenOf] as ((s: unknown) => unknown)[]) {
          const out = expectTypedOutcome(() => f(name));
          if (out !== undefined && f !== childrenOf && f !== requireCode) expect(typeof out).toBe('string');
        }
      }),
      params(150),
    );
  });
});
