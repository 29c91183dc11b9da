/**
 * matchRegions over 100,000 rows of mixed spellings (full and short names, traditional characters,
 * English and pinyin, codes as strings and numbers, qualified names, typos), against a plain exact-name
 * lookup (a Map from full names and codes to codes) over the same rows in the same run.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { allCodes, loadGazetteer, matchRegions } from '../src/index.ts';
import { fmt, medianRate, type Row } from './harness.ts';

const N = 100_000;

/** A seeded random number generator (mulberry32), so every run draws the same rows. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function bench(): Promise<Row[]> {
  await loadGazetteer();
  const group = `matchRegions (${fmt(N)} rows of mixed spellings)`;
  const fixture = csvParse(readFileSync(new URL('../test/names/spellings.csv', import.meta.url), 'utf8'));
  const units = allCodes();
  // Spellings: the reviewed fixture, plus every unit's full name, English name and code (string and number).
  const pool: unknown[] = fixture.filter((r) => !r.within && !r.level).map((r) => r.input!);
  for (const u of units) pool.push(u.name, u.nameEn, u.code, Number(u.code));
  const rand = random(11);
  const rows = Array.from({ length: N }, () => ({ name: pool[Math.floor(rand() * pool.length)] }));
  const distinct = [...new Set(pool.map((p) => (typeof p === 'number' ? `#${p}` : String(p))))].map((k) =>
    k.startsWith('#') ? Number(k.slice(1)) : k,
  );

  const exact = new Map<string, string>();
  for (const u of units) {
    exact.set(u.name, u.code);
    exact.set(u.code, u.code);
  }
  let baselineMatched = 0;
  const baseline = medianRate(
    () => {
      baselineMatched = 0;
      for (const r of rows) if (exact.get(String(r.name)) !== undefined) baselineMatched++;
    },
    N,
    7,
  );
  let matched = 0;
  const rate = medianRate(
    () => {
      matched = matchRegions(rows, { column: 'name' }).counts.matched;
    },
    N,
    5,
  );
  const cold = medianRate(() => matchRegions(distinct), distinct.length, 5);
  return [
    {
      group,
      case: 'plain exact-name lookup (Map of full names and codes; baseline)',
      value: baseline,
      unit: 'rows/s',
      ratio: 1,
      runs: 7,
      note: `matches ${((baselineMatched / N) * 100).toFixed(1)} % of the rows`,
    },
    {
      group,
      case: 'matchRegions (gazetteer: every spelling, ambiguity, qualifiers, report)',
      value: rate,
      unit: 'rows/s',
      ratio: rate / baseline,
      runs: 5,
      note: `matches ${((matched / N) * 100).toFixed(1)} % of the rows; the rest are ambiguous, retired or unmatched by design`,
    },
    {
      group,
      case: `matchRegions, ${fmt(distinct.length)} distinct spellings once each (no repeated values)`,
      value: cold,
      unit: 'rows/s',
      ratio: cold / baseline,
      runs: 5,
    },
  ];
}
