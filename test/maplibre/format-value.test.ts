import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/maplibre/builders/choropleth.ts';

/** The reference: ICU's number formatting through Intl, with the options formatValue documents. */
function intl(value: number, lang: 'zh' | 'en'): string {
  const abs = Math.abs(value);
  const small = abs < 1 && abs > 0;
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    maximumFractionDigits: abs >= 1000 ? 0 : abs >= 1 ? 2 : 3,
    ...(small ? { maximumSignificantDigits: 3 } : {}),
  }).format(value);
}

describe('formatValue', () => {
  it('writes the legend numbers as Intl.NumberFormat does (ICU, zh-CN and en), on 20,000 values', () => {
    const values = fc.sample(
      fc.oneof(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
        fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
        fc.double({ min: 1e15, max: 1e22, noNaN: true }),
      ),
      { numRuns: 20_000, seed: 42 },
    );
    const cases = [...values, 0, 1, 999.995, 999.999, 1000, 0.9995, 0.0012345, 1.005, 2.675, -0.5, 1e21];
    const differ = cases
      .flatMap((v) =>
        (['zh', 'en'] as const).map((lang) => ({ v, lang, ours: formatValue(v, lang), icu: intl(v, lang) })),
      )
      .filter((c) => c.ours !== c.icu && !(Object.is(c.v, -0) || (c.icu === '-0' && c.ours === '0')));
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('documents its examples', () => {
    expect(formatValue(134673.16)).toBe('134,673');
    expect(formatValue(0.01234, 'en')).toBe('0.0123');
    expect(formatValue(-1234.5)).toBe('-1,235');
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
