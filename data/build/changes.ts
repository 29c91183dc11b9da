/**
 * The reviewed list of division changes (`data/changes/divisions.csv`): parsed, checked, and applied on top
 * of the 2023 table. Used by the data build (code tables, retired codes, which atlas units to redraw) and by
 * the tests (every row applied).
 *
 * One row per fact: a county-level or prefecture-level unit that was created, abolished, renamed, recoded or
 * moved to another prefecture, or (kind `boundary`) part of whose territory passed to a unit of another
 * prefecture, between the geometry's vintage (about 2016) and today. Each row names its source.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';

export const CHANGE_KINDS = ['moved', 'created', 'abolished', 'renamed', 'recoded', 'boundary'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeRow {
  /** `YYYY-MM-DD`, `YYYY-MM`, or `YYYY` where the source gives only the year. */
  date: string;
  kind: ChangeKind;
  code: string;
  name: string;
  new_code: string;
  new_name: string;
  from_parent: string;
  to_parent: string;
  /** Codes that took the unit's territory, `;`-separated. */
  successor: string;
  note: string;
  publisher: string;
  title: string;
  url: string;
  archive_url: string;
  /** `official`, or `provisional-code` when the unit's code is not yet in an official code table we can cite. */
  status: 'official' | 'provisional-code';
}

export const CHANGE_COLUMNS = [
  'date',
  'kind',
  'code',
  'name',
  'new_code',
  'new_name',
  'from_parent',
  'to_parent',
  'successor',
  'note',
  'publisher',
  'title',
  'url',
  'archive_url',
  'status',
] as const;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHANGES_FILE = join(ROOT, 'data/changes/divisions.csv');

/** Domains a source URL may have: the publisher's own (government, state media). */
export const OFFICIAL_URL =
  /^https?:\/\/([a-z0-9-]+\.)*(gov\.cn|people\.com\.cn|xinhuanet\.com|news\.cn|chinanews\.com\.cn)\//;

const CODE = /^\d{6}$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Reads and checks every row; throws naming the row and the field on the first problem. */
export function readChanges(file = CHANGES_FILE): ChangeRow[] {
  const text = readFileSync(file, 'utf8');
  const parsed = csvParse(text);
  const missing = CHANGE_COLUMNS.filter((c) => !parsed.columns.includes(c));
  if (missing.length) throw new Error(`${file}: missing columns ${missing.join(', ')}`);
  return parsed.map((raw, i) => {
    const row = Object.fromEntries(
      CHANGE_COLUMNS.map((c) => [c, (raw[c] ?? '').trim()]),
    ) as unknown as ChangeRow;
    const where = `${file} row ${i + 2} (${row.code} ${row.name})`;
    const bad = (field: string, why: string) => new Error(`${where}: ${field} ${why}`);
    if (!DATE.test(row.date)) throw bad('date', `"${row.date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (!CHANGE_KINDS.includes(row.kind))
      throw bad('kind', `"${row.kind}" is not one of ${CHANGE_KINDS.join('|')}`);
    if (!CODE.test(row.code)) throw bad('code', 'is not a 6-digit code');
    for (const f of ['new_code', 'from_parent', 'to_parent'] as const)
      if (row[f] && !CODE.test(row[f])) throw bad(f, 'is not a 6-digit code');
    for (const s of row.successor ? row.successor.split(';') : [])
      if (!CODE.test(s)) throw bad('successor', `"${s}" is not a 6-digit code`);
    if (!row.name) throw bad('name', 'is empty');
    if (!row.publisher || !row.title) throw bad('publisher/title', 'is empty');
    if (!OFFICIAL_URL.test(row.url)) throw bad('url', `"${row.url}" is not on a publisher's own domain`);
    if (row.status !== 'official' && row.status !== 'provisional-code')
      throw bad('status', `"${row.status}" is not official|provisional-code`);
    if (row.kind === 'abolished' && !row.successor) throw bad('successor', 'is required for abolished units');
    if ((row.kind === 'renamed' || row.kind === 'recoded') && !row.new_code && !row.new_name)
      throw bad('new_code/new_name', 'one is required for renamed or recoded units');
    if (row.kind === 'created' && !row.to_parent) throw bad('to_parent', 'is required for created units');
    if ((row.kind === 'moved' || row.kind === 'boundary') && (!row.from_parent || !row.to_parent))
      throw bad('from_parent/to_parent', `are required for ${row.kind} rows`);
    return row;
  });
}

/** A row of a code table as the build keeps it. */
export interface TableUnit {
  id: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parent: string | null;
}

/** One retired code: the codes of the units that took its territory, and when. */
export interface RetiredCode {
  /** The main successor (first of `successors`). */
  to: string;
  successors: string[];
  /** Date of the change (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
  date: string;
  /** Name the code had. */
  name: string;
  kind: ChangeKind;
  /** Whether a successor's code is provisional (not yet in an official code table). */
  provisional: boolean;
}

/** First year after the vintage of the code table the changes are applied to (NBS 2023). */
export const TABLE_NEXT_YEAR = '2024';

/** The rows dated after the 2023 table, applied to it in date order; earlier rows must already hold there. */
export function applyChanges(
  rows: ChangeRow[],
  table: Map<string, TableUnit>,
): { table: Map<string, TableUnit>; retired: Map<string, RetiredCode>; applied: string[] } {
  const out = new Map(table);
  const applied: string[] = [];
  const levelOf = (code: string): TableUnit['level'] => (code.endsWith('00') ? 'prefecture' : 'county');
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  for (const r of sorted) {
    // Rows up to the table's vintage already hold in it (codes may since have been reused): they only add
    // units the table lacks. Later rows change it.
    const after = r.date >= TABLE_NEXT_YEAR;
    switch (r.kind) {
      case 'created':
        if (!out.has(r.code)) {
          out.set(r.code, { id: r.code, name: r.name, level: levelOf(r.code), parent: r.to_parent });
          applied.push(`created ${r.code} ${r.name}`);
        }
        break;
      case 'abolished':
        if (after && out.delete(r.code)) applied.push(`abolished ${r.code} ${r.name}`);
        break;
      case 'renamed':
      case 'recoded':
      case 'moved': {
        const next = r.new_code || r.code;
        const name = r.new_name || r.name;
        if (after && r.new_code && out.has(r.code) && !out.has(r.new_code)) {
          out.delete(r.code);
          applied.push(`retired ${r.code}`);
        }
        const cur = out.get(next);
        if (!cur && after) {
          out.set(next, { id: next, name, level: levelOf(next), parent: r.to_parent || null });
          applied.push(`${r.kind} ${r.code} → ${next} ${name}`);
        } else if (cur && after && (cur.name !== name || (r.to_parent && cur.parent !== r.to_parent))) {
          out.set(next, { ...cur, name, parent: r.to_parent || cur.parent });
          applied.push(`${r.kind} ${next} ${name}`);
        }
        break;
      }
      case 'boundary':
        break;
    }
  }
  // Retired codes: every code a row retires that is not a code of the resulting table.
  const retired = new Map<string, RetiredCode>();
  const provisional = new Set(rows.filter((r) => r.status === 'provisional-code').map((r) => r.code));
  for (const r of sorted) {
    let succ: string[] = [];
    if (r.kind === 'abolished') succ = r.successor.split(';');
    else if (r.new_code && r.new_code !== r.code) succ = [r.new_code];
    if (!succ.length || out.has(r.code)) continue;
    retired.set(r.code, {
      to: succ[0]!,
      successors: succ,
      date: r.date,
      name: r.name,
      kind: r.kind,
      provisional: false,
    });
  }
  // Follow chains (错那县 540530 → 540581) so every successor is a code of the table.
  const resolveCode = (code: string, seen = new Set<string>()): string[] => {
    if (out.has(code) || seen.has(code)) return [code];
    seen.add(code);
    const next = retired.get(code);
    return next ? next.successors.flatMap((s) => resolveCode(s, seen)) : [code];
  };
  for (const [code, r] of retired) {
    const successors = [...new Set(r.successors.flatMap((s) => resolveCode(s)))];
    const missing = successors.filter((s) => !out.has(s));
    if (missing.length)
      throw new Error(`divisions.csv: retired code ${code} has successors not in the table: ${missing}`);
    retired.set(code, {
      ...r,
      to: successors[0]!,
      successors,
      provisional: successors.some((s) => provisional.has(s)),
    });
  }
  return { table: out, retired, applied };
}
