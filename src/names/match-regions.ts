/**
 * `matchRegions`: the join step of every data map. Each row's name or code is resolved by the gazetteer;
 * the result says, row by row, which unit it is and how it was matched, and lists every row that was
 * ambiguous, unmatched or retired with its candidates, in Chinese and English.
 */
import { type Bilingual, QuyuError, type QuyuIssue } from '../errors/index.ts';
import {
  listCandidates,
  type MatchMethod,
  type MatchRegionOptions,
  matchRegion,
  type RegionMatch,
} from './gazetteer.ts';

/** Where a row keeps a value: a property name, an array index, or a function of the row. */
export type RowField = string | number | ((row: unknown, index: number) => unknown);

/** Options of {@link matchRegions}. */
export interface MatchRegionsOptions extends MatchRegionOptions {
  /** The field holding the name or code (rows that are plain strings or numbers need none). */
  column?: RowField;
  /** The field holding each row's parent (a province or prefecture name or code), e.g. `'省份'`. */
  parentColumn?: RowField;
  /** How many issues to list (default 50, at most 1,000); the rest are counted in the last one. */
  maxIssues?: number;
}

/** One row's answer: a {@link RegionMatch} and the row's index. */
export interface RegionRowMatch extends RegionMatch {
  row: number;
}

/** The result of {@link matchRegions}. */
export interface RegionMatches {
  /** One answer per input row, in order. */
  rows: RegionRowMatch[];
  /** The matched code of each row, or null. */
  codes: (string | null)[];
  counts: {
    rows: number;
    matched: number;
    ambiguous: number;
    unmatched: number;
    retired: number;
    /** Matched rows by method. */
    byMethod: Record<MatchMethod, number>;
    /** Matched rows that needed a parent to decide. */
    qualified: number;
  };
  /** Codes matched by more than one row (a choropleth would draw only one value). */
  duplicates: { code: string; rows: number[] }[];
  /** Problems as {@link QuyuIssue}s (ambiguous, unmatched, retired, duplicate rows), at most `maxIssues`. */
  issues: QuyuIssue[];
  /** What happened, for a legend note: "3 of 120 rows not matched". */
  summary: Bilingual;
}

/** Distinct unmatched values that get suggestions; later ones are reported without (bounded cost). */
const MAX_SUGGESTED_VALUES = 500;

function pathOf(field: RowField | undefined, row: number): string {
  if (field === undefined || typeof field === 'function') return `rows[${row}]`;
  return typeof field === 'number' ? `rows[${row}][${field}]` : `rows[${row}].${field}`;
}

function read(row: unknown, field: RowField | undefined, index: number): unknown {
  if (field === undefined) return row;
  if (typeof field === 'function') return field(row, index);
  if (row === null || typeof row !== 'object') return undefined;
  if (Array.isArray(row)) return typeof field === 'number' ? row[field] : undefined;
  const key = String(field);
  return Object.hasOwn(row, key) ? (row as Record<string, unknown>)[key] : undefined;
}

function cacheKey(value: unknown, parent: unknown): string | undefined {
  const t = typeof value;
  const p = typeof parent;
  if ((t !== 'string' && t !== 'number') || (parent !== undefined && p !== 'string' && p !== 'number'))
    return undefined;
  const v = String(value);
  if (v.length > 300) return undefined;
  return `${t[0]}${v}\u0000${parent === undefined ? '' : `${p[0]}${String(parent)}`}`;
}

/**
 * Matches every row of a table to a unit of the 2023 division. Rows may be strings or numbers, objects
 * (`column` names the property) or arrays (`column` is an index). Each row is resolved by the gazetteer
 * (see {@link matchRegion}): names as people write them, codes as strings or numbers, a parent from
 * `parentColumn` or `within`. Same-named units are never guessed, and fuzzy suggestions are applied only
 * with `acceptFuzzy`. Cost is bounded: names over 64 characters are not searched, suggestions are
 * computed for the first 500 distinct unmatched values, and at most `maxIssues` issues are listed.
 *
 * Throws a {@link QuyuError} only when `rows` is not an array.
 *
 * @example
 * ```ts
 * const result = matchRegions(
 *   [{ 城市: '广州', 值: 1 }, { 城市: '白云区', 值: 2 }, { 城市: 'Harbin', 值: 3 }, { 城市: 440300, 值: 4 }],
 *   { column: '城市' },
 * );
 * result.codes; // ['440100', null, '230100', '440300'] (白云区 is ambiguous: 广州 or 贵阳)
 * result.summary.en; // '3 of 4 rows matched; 1 ambiguous'
 * ```
 */
export function matchRegions(rows: readonly unknown[], options: MatchRegionsOptions = {}): RegionMatches {
  if (!Array.isArray(rows)) {
    throw new QuyuError([
      {
        code: 'invalid-input',
        path: 'rows',
        value: rows,
        problem: { zh: 'rows 不是数组', en: 'rows is not an array' },
        fix: {
          zh: '请传入行的数组（字符串、数字、对象或数组）',
          en: 'Pass an array of rows (strings, numbers, objects or arrays)',
        },
      },
    ]);
  }
  const maxIssues = Math.max(0, Math.min(1000, Math.floor(Number(options.maxIssues ?? 50)) || 0));
  const cache = new Map<string, RegionMatch>();
  let suggested = 0;
  const out: RegionRowMatch[] = new Array(rows.length);
  const codes: (string | null)[] = new Array(rows.length);
  const counts: RegionMatches['counts'] = {
    rows: rows.length,
    matched: 0,
    ambiguous: 0,
    unmatched: 0,
    retired: 0,
    byMethod: { exact: 0, alias: 0, 'former-name': 0, fuzzy: 0 },
    qualified: 0,
  };
  const byCode = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const value = read(row, options.column, i);
    const parent = options.parentColumn === undefined ? undefined : read(row, options.parentColumn, i);
    const key = cacheKey(value, parent);
    let m = key === undefined ? undefined : cache.get(key);
    if (!m) {
      const within =
        parent === undefined || parent === null || parent === '' ? options.within : (parent as string);
      const opts: MatchRegionOptions = { ...options, within };
      if (suggested >= MAX_SUGGESTED_VALUES) opts.suggestions = 0;
      m = matchRegion(value, opts);
      if (m.status === 'unmatched' && m.candidates.length) suggested++;
      if (key !== undefined) cache.set(key, m);
    }
    // A fixed object shape (no spread): a million rows stay cheap.
    out[i] = {
      row: i,
      input: value,
      status: m.status,
      code: m.code,
      method: m.method,
      via: m.via,
      qualified: m.qualified,
      candidates: m.candidates,
      outranked: m.outranked,
      message: m.message,
    };
    codes[i] = m.code;
    if (m.status === 'matched') {
      counts.matched++;
      counts.byMethod[m.method!]++;
      if (m.qualified) counts.qualified++;
      const list = byCode.get(m.code!);
      if (list) list.push(i);
      else byCode.set(m.code!, [i]);
    } else counts[m.status]++;
  }
  const duplicates = [...byCode.entries()]
    .filter(([, r]) => r.length > 1)
    .map(([code, r]) => ({ code, rows: r }));

  const issues: QuyuIssue[] = [];
  let omitted = 0;
  const push = (issue: QuyuIssue) => {
    if (issues.length < maxIssues) issues.push(issue);
    else omitted++;
  };
  for (const r of out) {
    if (r.status === 'matched') continue;
    const path = pathOf(options.column, r.row);
    if (r.status === 'ambiguous') {
      push({
        code: 'ambiguous-name',
        path,
        value: r.input,
        problem: {
          zh: `地名有歧义：${listCandidates(r.candidates, 'zh')}`,
          en: `Ambiguous place name: ${listCandidates(r.candidates, 'en')}`,
        },
        fix: {
          zh: '请写上上级（如「贵阳市白云区」），或用 parentColumn / within 指定上级',
          en: 'Write the parent too (e.g. "贵阳市白云区"), or give parentColumn / within',
        },
      });
    } else if (r.status === 'retired') {
      push({
        code: 'unknown-code',
        path,
        value: r.input,
        problem: { zh: '已撤销的单位', en: 'A unit abolished since' },
        fix: { zh: r.message.zh, en: r.message.en },
      });
    } else {
      push({
        code: 'unknown-name',
        path,
        value: r.input,
        problem: { zh: '未匹配的地名或代码', en: 'Unmatched place name or code' },
        fix: { zh: r.message.zh, en: r.message.en },
      });
    }
  }
  for (const d of duplicates) {
    push({
      code: 'duplicate-id',
      path: pathOf(options.column, d.rows[1]!),
      value: d.code,
      problem: {
        zh: `${d.rows.length} 行对应同一单位 ${d.code}（第 ${d.rows.slice(0, 5).join('、')} 行）`,
        en: `${d.rows.length} rows match the same unit ${d.code} (rows ${d.rows.slice(0, 5).join(', ')})`,
      },
      fix: { zh: '请合并或删除重复的行', en: 'Merge or remove the duplicate rows' },
    });
  }
  if (omitted) {
    issues.push({
      code: 'invalid-input',
      path: 'rows',
      value: omitted,
      problem: { zh: `另有 ${omitted} 个问题未列出`, en: `and ${omitted} more problems not listed` },
      fix: { zh: '先改正以上问题，或增大 maxIssues', en: 'Fix the ones above first, or raise maxIssues' },
    });
  }

  const notMatched = rows.length - counts.matched;
  const parts = (lang: 'zh' | 'en') => {
    const p: string[] = [];
    if (counts.ambiguous)
      p.push(lang === 'zh' ? `${counts.ambiguous} 行有歧义` : `${counts.ambiguous} ambiguous`);
    if (counts.unmatched)
      p.push(lang === 'zh' ? `${counts.unmatched} 行未匹配` : `${counts.unmatched} unmatched`);
    if (counts.retired)
      p.push(lang === 'zh' ? `${counts.retired} 行为已撤销单位` : `${counts.retired} abolished units`);
    if (counts.byMethod.fuzzy)
      p.push(
        lang === 'zh'
          ? `${counts.byMethod.fuzzy} 行按相近拼写匹配`
          : `${counts.byMethod.fuzzy} by similar spelling`,
      );
    return p;
  };
  const summary: Bilingual =
    notMatched || counts.byMethod.fuzzy
      ? {
          zh: `${rows.length} 行中 ${counts.matched} 行已匹配；${parts('zh').join('，')}`,
          en: `${counts.matched} of ${rows.length} rows matched; ${parts('en').join(', ')}`,
        }
      : { zh: `${rows.length} 行全部匹配`, en: `all ${rows.length} rows matched` };
  return { rows: out, codes, counts, duplicates, issues, summary };
}
