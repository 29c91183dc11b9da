/**
 * The gazetteer against test/names/spellings.csv: real-world spellings of every province's prefecture-level
 * units (short, full, traditional from OpenCC's Taiwan and Hong Kong standards, English, pinyin with and
 * without tones, with type words, qualified by the province, statistical codes) and the cases of issue #11,
 * each with its expected code, ambiguity (`ambiguous:<codes>`), `unmatched` or `retired:<successors>`.
 * The file was generated once from the code table and reviewed row by row; it is not regenerated.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Level, loadGazetteer, matchRegion } from '../../src/index.ts';

const rows = csvParse(readFileSync(new URL('./spellings.csv', import.meta.url), 'utf8'));

beforeAll(() => loadGazetteer());

describe('spellings.csv', () => {
  it('has at least 300 rows and covers every province', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    const provinces = new Set(rows.map((r) => r.expected!.match(/^\d{2}/)?.[0]).filter(Boolean));
    expect(provinces.size).toBeGreaterThanOrEqual(34);
  });

  it('resolves every row to its expected answer', () => {
    const wrong: string[] = [];
    for (const r of rows) {
      const input = r.input!.startsWith('num:') ? Number(r.input!.slice(4)) : r.input!;
      const m = matchRegion(input, {
        within: r.within || undefined,
        level: (r.level || undefined) as Level | undefined,
      });
      const got =
        m.status === 'matched'
          ? m.code!
          : m.status === 'unmatched'
            ? 'unmatched'
            : `${m.status}:${m.candidates.map((c) => c.code).join(' ')}`;
      if (got !== r.expected) wrong.push(`${r.input} (${r.form}): expected ${r.expected}, got ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});
