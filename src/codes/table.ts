/**
 * Code tables of the 2023 division (GB/T 2260 codes): lookups between codes, names, levels and parents.
 * Pure data; no atlas geometry is needed.
 *
 * Provinces, prefecture-level units and the county-level units the atlas draws (districts of the four
 * municipalities, county-level units directly under a province) are always here. The other ~2,860
 * county-level units are loaded on demand by `loadGazetteer()` (quyu's names module), so that an app that
 * needs only cities does not ship the county table. Every lookup is a `Map` lookup: user strings never reach
 * inherited object members.
 */
import { distance } from 'fastest-levenshtein';
import { type Bilingual, fail } from '../errors/index.ts';
import { RETIRED_CODES, type RetiredCode } from './retired.ts';
import { PROVINCE_ROWS, UNIT_ROWS } from './table.generated.ts';

export { RETIRED_CODES, type RetiredCode } from './retired.ts';

/** Level of a unit. `county` covers every county-level unit (区, 县, 县级市, 旗, ...). */
export type Level = 'province' | 'prefecture' | 'county';

/** One row of the code table. */
export interface CodeInfo {
  /** 6-digit GB/T 2260 code. */
  code: string;
  /** Full official Chinese name, e.g. `广州市`. */
  name: string;
  /** English name, e.g. `Guangzhou` (conventional forms such as `Hohhot`, `Kashgar Prefecture`). */
  nameEn: string;
  level: Level;
  /** Code of the parent unit, or null for a province-level unit. */
  parent: string | null;
  /** Whether the atlas draws this unit in its finest object (`prefectures`). */
  inAtlas: boolean;
}

/** A generated row: [code, name, nameEn, level (p, r, c), parent]. */
export type CodeRow = readonly [string, string, string, string, string];

const LEVELS = new Map<string, Level>([
  ['p', 'province'],
  ['r', 'prefecture'],
  ['c', 'county'],
]);

let table: Map<string, CodeInfo> | undefined;
let childIndex: Map<string, string[]> | undefined;
let countyRows: readonly CodeRow[] | undefined;
let version = 0;

/**
 * The parent of an always-loaded row whose parent is left out: the prefecture-level unit of the same first
 * four digits when the table has it, else the province (the generator writes a parent wherever this differs).
 */
function impliedParent(code: string, codes: Set<string>): string {
  const prefecture = `${code.slice(0, 4)}00`;
  return prefecture !== code && codes.has(prefecture) ? prefecture : `${code.slice(0, 2)}0000`;
}

function add(t: Map<string, CodeInfo>, rows: readonly CodeRow[], atlasUnits: Set<string>): void {
  for (const [code, name, nameEn, level, parent] of rows) {
    if (t.has(code)) continue;
    t.set(code, {
      code,
      name,
      nameEn,
      level: LEVELS.get(level)!,
      parent: parent || (level === 'p' || !atlasUnits.has(code) ? null : impliedParent(code, atlasUnits)),
      inAtlas: level === 'p' || atlasUnits.has(code),
    });
  }
}

function build(): Map<string, CodeInfo> {
  if (table) return table;
  const t = new Map<string, CodeInfo>();
  const atlasUnits = new Set(UNIT_ROWS.map((r) => r[0]));
  add(t, PROVINCE_ROWS, atlasUnits);
  add(t, UNIT_ROWS, atlasUnits);
  if (countyRows) add(t, countyRows, atlasUnits);
  table = t;
  return t;
}

/**
 * Adds the county-level rows (called by `loadGazetteer()`); idempotent.
 * @internal
 */
export function registerCountyRows(
  rows: readonly CodeRow[],
  retired: Readonly<Record<string, RetiredCode>> = {},
): void {
  if (countyRows) return;
  Object.assign(RETIRED_CODES as Record<string, RetiredCode>, retired);
  countyRows = rows;
  table = undefined;
  childIndex = undefined;
  version++;
}

/**
 * Whether the county-level units are loaded (`await loadGazetteer()`); provinces, prefecture-level units
 * and the county-level units the atlas draws are always available.
 *
 * @example
 * ```ts
 * countiesLoaded(); // false until `await loadGazetteer()`
 * ```
 */
export function countiesLoaded(): boolean {
  return countyRows !== undefined;
}

/**
 * A number that changes whenever rows are added to the table (for caches built on it).
 * @internal
 */
export function tableVersion(): number {
  return version;
}

/**
 * Every loaded row of the code table (provinces, prefecture-level units, and county-level units: those
 * the atlas draws, all of them after `loadGazetteer()`).
 *
 * @example
 * ```ts
 * allCodes().filter((c) => c.level === 'prefecture').length; // 333
 * ```
 */
export function allCodes(): CodeInfo[] {
  return [...build().values()];
}

/**
 * A code as a 6-digit string: accepts strings and numbers (`440100`), and the 9- and 12-digit forms of
 * the statistical division codes when they only pad a 6-digit code with zeros (`440100000000`).
 * Anything else gives undefined.
 *
 * @example
 * ```ts
 * normalizeCode(440100); // '440100'
 * normalizeCode(' 440100000000 '); // '440100'
 * normalizeCode('广州'); // undefined
 * ```
 */
export function normalizeCode(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 100000 || value > 999999999999) return undefined;
    text = String(value);
  } else if (typeof value === 'string') {
    if (value.length > 40) return undefined;
    text = value.trim();
  } else return undefined;
  if (/^\d{6}$/.test(text)) return text;
  if (/^\d{6}(000|000000)$/.test(text)) return text.slice(0, 6);
  return undefined;
}

/**
 * The row of a code (string or number), or undefined.
 *
 * @example
 * ```ts
 * lookupCode('440300')?.name; // '深圳市'
 * lookupCode(440300)?.name; // '深圳市'
 * ```
 */
export function lookupCode(code: unknown): CodeInfo | undefined {
  const c = normalizeCode(code);
  return c === undefined ? undefined : build().get(c);
}

/**
 * Whether a value is a 6-digit code string of the 2023 table (loaded rows).
 *
 * @example
 * ```ts
 * isKnownCode('440300'); // true
 * isKnownCode('371200'); // false (莱芜, merged into 济南 in 2019)
 * ```
 */
export function isKnownCode(code: unknown): code is string {
  return typeof code === 'string' && build().has(code);
}

/**
 * Whether a code has the shape of a county-level code whose province and prefecture exist, while the
 * county-level rows are not loaded: the code may be right, the table just does not know it yet.
 * @internal
 */
export function maybeUnloadedCounty(code: string): boolean {
  if (countyRows || !/^\d{6}$/.test(code) || code.endsWith('00')) return false;
  const t = build();
  return t.has(`${code.slice(0, 2)}0000`);
}

/** The retired-code row of a code, if it is one (an own property only). */
export function retiredCode(code: string): RetiredCode | undefined {
  return Object.hasOwn(RETIRED_CODES, code) ? RETIRED_CODES[code] : undefined;
}

const RETIRED_KIND_ZH = { moved: '改属', abolished: '撤销', renamed: '更名', recoded: '改码' } as const;

/**
 * What happened to a retired code, in words: its name, the kind of change and the date
 * (e.g. `莱芜市, abolished 2019-01-09`).
 * @internal
 */
export function retiredNote(r: RetiredCode): Bilingual {
  return {
    zh: `${r.name}，${r.date} ${RETIRED_KIND_ZH[r.kind]}`,
    en: `${r.name}, ${r.kind} ${r.date}`,
  };
}

/** Up to `limit` loaded codes nearest to a code by its digits, same province first. */
export function nearestCodes(code: string, limit = 3): CodeInfo[] {
  const scored: [number, CodeInfo][] = [];
  for (const info of build().values()) {
    const d = distance(code, info.code) + (code.slice(0, 2) === info.code.slice(0, 2) ? 0 : 0.5);
    scored.push([d, info]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code));
  return scored.slice(0, limit).map((s) => s[1]);
}

const list = (s: CodeInfo[]) => s.map((c) => `${c.name} ${c.code}`).join(', ');

/** The fix text of a county-level code asked before the county rows are loaded. */
export const LOAD_COUNTIES_FIX = {
  zh: '县级单位按需加载：请先 `await loadGazetteer()`（import { loadGazetteer } from "quyu"）',
  en: 'County-level units are loaded on demand: call `await loadGazetteer()` first (import { loadGazetteer } from "quyu")',
};

/**
 * The row of a code (a 6-digit string or a number); throws a {@link QuyuError} naming the code and the
 * closest matches when unknown, the successor when retired, and how to load county-level units when the
 * code is one of those and they are not loaded.
 *
 * @example
 * ```ts
 * requireCode('440300').nameEn; // 'Shenzhen'
 * requireCode(440300).name; // '深圳市'
 * ```
 */
export function requireCode(code: unknown, path = 'code'): CodeInfo {
  const c = normalizeCode(code);
  const info = c === undefined ? undefined : build().get(c);
  if (info) return info;
  if (c === undefined) {
    return fail({
      code: 'unknown-code',
      path,
      value: code,
      problem: { zh: '不是 6 位区划代码', en: 'Not a 6-digit division code' },
      fix: {
        zh: '请使用 2023 年统计用区划代码中的 6 位代码（如 440300）；按名称查代码请用 codeOf()',
        en: 'Use a 6-digit code of the 2023 division table (e.g. 440300); to find a code by name use codeOf()',
      },
    });
  }
  const retired = retiredCode(c);
  if (retired) {
    const next = build().get(retired.to);
    const note = retiredNote(retired);
    const others = retired.successors.filter((s) => s !== retired.to);
    const alsoZh = others.length
      ? `；部分区域今属 ${others.map((s) => `${build().get(s)?.name ?? ''} ${s}`).join('、')}`
      : '';
    const alsoEn = others.length ? `; part of its area is now in ${others.join(', ')}` : '';
    const provisionalZh = retired.provisional ? '（新代码暂定，尚无可引用的官方代码表）' : '';
    const provisionalEn = retired.provisional
      ? ' (provisional code: not yet in an official code table we could cite)'
      : '';
    return fail({
      code: 'unknown-code',
      path,
      value: code,
      problem: { zh: `已撤销的区划代码（${note.zh}）`, en: `Retired division code (${note.en})` },
      fix: next
        ? {
            zh: `请改用 ${next.name} ${next.code}${provisionalZh}${alsoZh}`,
            en: `Use ${next.nameEn} ${next.code} (${next.name}) instead${provisionalEn}${alsoEn}`,
          }
        : { zh: `请改用 ${retired.to}${alsoZh}`, en: `Use ${retired.to} instead${alsoEn}` },
    });
  }
  if (maybeUnloadedCounty(c)) {
    return fail({
      code: 'unknown-code',
      path,
      value: code,
      problem: { zh: '县级区划代码尚未加载', en: 'County-level code not loaded' },
      fix: LOAD_COUNTIES_FIX,
    });
  }
  const s = nearestCodes(c);
  return fail({
    code: 'unknown-code',
    path,
    value: code,
    problem: { zh: '未知的区划代码', en: 'Unknown division code' },
    fix: {
      zh: `请使用 2023 年统计用区划代码中的 6 位代码；最接近的是：${list(s)}`,
      en: `Use a 6-digit code of the 2023 division table; closest matches: ${list(s)}`,
    },
  });
}

/**
 * The name of a code (string or number) in Chinese (default) or English.
 *
 * @example
 * ```ts
 * nameOf('440100');        // '广州市'
 * nameOf(440100, 'en');    // 'Guangzhou'
 * nameOf('653100', 'en');  // 'Kashgar Prefecture'
 * ```
 */
export function nameOf(code: string | number, lang: 'zh' | 'en' = 'zh'): string {
  const info = requireCode(code);
  return lang === 'en' ? info.nameEn : info.name;
}

/**
 * The parent code of a code (prefecture → province, county → prefecture or province), or null for a province.
 *
 * @example
 * ```ts
 * parentOf('440300'); // '440000'
 * ```
 */
export function parentOf(code: string | number): string | null {
  return requireCode(code).parent;
}

/**
 * The codes whose parent is `code`, sorted. Province → its atlas units and prefectures; prefecture → its
 * counties (throws until `loadGazetteer()` has loaded them).
 *
 * @example
 * ```ts
 * childrenOf('440000').length; // 21
 * ```
 */
export function childrenOf(code: string | number): string[] {
  const info = requireCode(code);
  if (info.level === 'prefecture' && !countyRows) {
    return fail({
      code: 'unknown-code',
      path: 'code',
      value: code,
      problem: {
        zh: `${info.name} 的县级单位尚未加载`,
        en: `The county-level units of ${info.nameEn} are not loaded`,
      },
      fix: LOAD_COUNTIES_FIX,
    });
  }
  if (!childIndex) {
    childIndex = new Map();
    for (const row of build().values()) {
      if (!row.parent) continue;
      const list = childIndex.get(row.parent) ?? [];
      list.push(row.code);
      childIndex.set(row.parent, list);
    }
    for (const list of childIndex.values()) list.sort();
  }
  return [...(childIndex.get(info.code) ?? [])];
}

/**
 * Province-level code of any code (by its first two digits).
 *
 * @example
 * ```ts
 * provinceOf('510726'); // '510000'
 * ```
 */
export function provinceOf(code: string): string {
  return `${String(code).slice(0, 2)}0000`;
}
