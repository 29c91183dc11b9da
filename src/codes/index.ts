/**
 * Code tables of the 2023 division (GB/T 2260 codes): lookups between codes, names, levels and parents.
 * Pure data; no atlas geometry is needed.
 */
import { distance } from 'fastest-levenshtein';
import { fail } from '../errors/index.ts';
import { COUNTY_ROWS } from './counties.generated.ts';
import { RETIRED_CODES } from './retired.ts';
import { PROVINCE_ROWS, UNIT_ROWS } from './table.generated.ts';

export { RETIRED_CODES, type RetiredCode } from './retired.ts';
export type { PrefectureCode, ProvinceCode, UnitCode } from './table.generated.ts';

/** Level of a unit. `county` covers every county-level unit (区, 县, 县级市, 旗, ...). */
export type Level = 'province' | 'prefecture' | 'county';

/** One row of the code table. */
export interface CodeInfo {
  /** 6-digit GB/T 2260 code. */
  code: string;
  /** Full official Chinese name, e.g. `广州市`. */
  name: string;
  /** English name, e.g. `Guangzhou`. */
  nameEn: string;
  level: Level;
  /** Code of the parent unit, or null for a province-level unit. */
  parent: string | null;
  /** Whether the atlas draws this unit in its finest object (`prefectures`). */
  inAtlas: boolean;
}

const LEVELS: Record<string, Level> = { p: 'province', r: 'prefecture', c: 'county' };

let table: Map<string, CodeInfo> | undefined;
let childIndex: Map<string, string[]> | undefined;

function build(): Map<string, CodeInfo> {
  if (table) return table;
  const t = new Map<string, CodeInfo>();
  const atlasUnits = new Set(UNIT_ROWS.map((r) => r[0]));
  for (const rows of [PROVINCE_ROWS, UNIT_ROWS, COUNTY_ROWS]) {
    for (const [code, name, nameEn, level, parent] of rows) {
      if (t.has(code)) continue;
      t.set(code, {
        code,
        name,
        nameEn,
        level: LEVELS[level]!,
        parent: parent || null,
        inAtlas: level === 'p' || atlasUnits.has(code),
      });
    }
  }
  table = t;
  return t;
}

/**
 * Every row of the code table (provinces, prefecture-level and county-level units).
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
 * The row of a code, or undefined.
 *
 * @example
 * ```ts
 * lookupCode('440300')?.name; // '深圳市'
 * ```
 */
export function lookupCode(code: string): CodeInfo | undefined {
  return build().get(code);
}

/**
 * Whether a code is in the 2023 table.
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

/** Short form of a name for fuzzy matching: without the type suffix. */
function stem(name: string): string {
  return name.replace(
    /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|盟|区|县|旗)$/u,
    '',
  );
}

/**
 * Up to `limit` codes whose names or codes are closest to `query` (Levenshtein distance on names and on
 * codes), best first.
 *
 * @example
 * ```ts
 * suggestCodes('深川')[0]; // { code: '440300', name: '深圳市', ... }
 * ```
 */
export function suggestCodes(query: string, limit = 3, filter?: (c: CodeInfo) => boolean): CodeInfo[] {
  const q = String(query);
  const isCode = /^\d+$/.test(q);
  const scored: [number, CodeInfo][] = [];
  for (const info of build().values()) {
    if (filter && !filter(info)) continue;
    let d: number;
    if (isCode) d = distance(q, info.code);
    else {
      d = Math.min(distance(q, info.name), distance(stem(q), stem(info.name)) + 0.5);
      // A typo rarely hits the first character: prefer names that share it.
      if (q[0] === info.name[0]) d -= 0.3;
    }
    // On ties prefer prefecture-level units, which most users mean when they type a city name.
    const levelBias = info.level === 'prefecture' ? 0 : info.level === 'province' ? 0.1 : 0.2;
    scored.push([d + levelBias, info]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code));
  return scored.slice(0, limit).map((s) => s[1]);
}

function listSuggestions(s: CodeInfo[]): string {
  return s.map((c) => `${c.name} ${c.code}`).join(', ');
}

/**
 * The row of a code; throws a {@link QuyuError} naming the code and the closest matches when unknown.
 *
 * @example
 * ```ts
 * requireCode('440300').nameEn; // 'Shenzhen'
 * ```
 */
export function requireCode(code: string, path = 'code'): CodeInfo {
  const info = build().get(code);
  if (info) return info;
  const retired = RETIRED_CODES[String(code)];
  if (retired) {
    const next = build().get(retired.to)!;
    const others = retired.successors.filter((c) => c !== retired.to);
    const KIND_ZH = { moved: '改属', abolished: '撤销', renamed: '更名', recoded: '改码' } as const;
    const alsoZh = others.length
      ? `；部分区域今属 ${others.map((c) => `${build().get(c)?.name ?? ''} ${c}`).join('、')}`
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
      problem: {
        zh: `已撤销的区划代码：${retired.name}（${KIND_ZH[retired.kind]}，${retired.date}）`,
        en: `Retired division code: ${retired.name} (${retired.kind}, ${retired.date})`,
      },
      fix: {
        zh: `请改用 ${next.name} ${next.code}${provisionalZh}${alsoZh}`,
        en: `Use ${next.nameEn} ${next.code} (${next.name}) instead${provisionalEn}${alsoEn}`,
      },
    });
  }
  const s = suggestCodes(String(code));
  return fail({
    code: 'unknown-code',
    path,
    value: code,
    problem: { zh: '未知的区划代码', en: 'Unknown division code' },
    fix: {
      zh: `请使用 2023 年统计用区划代码中的 6 位代码；最接近的是：${listSuggestions(s)}`,
      en: `Use a 6-digit code of the 2023 division table; closest matches: ${listSuggestions(s)}`,
    },
  });
}

/**
 * The name of a code in Chinese (default) or English.
 *
 * @example
 * ```ts
 * nameOf('440100');        // '广州市'
 * nameOf('440100', 'en');  // 'Guangzhou'
 * ```
 */
export function nameOf(code: string, lang: 'zh' | 'en' = 'zh'): string {
  const info = requireCode(code);
  return lang === 'en' ? info.nameEn : info.name;
}

/**
 * The code of a unit by its Chinese name (full, e.g. `深圳市`, or short, e.g. `深圳`) or English name.
 * Ambiguous short names resolve to the highest level (`吉林` → 吉林省 220000); pass `level` to choose.
 * Unknown names throw a {@link QuyuError} with the closest matches.
 *
 * @example
 * ```ts
 * codeOf('深圳');   // '440300'
 * codeOf('深川');   // throws: 未知的地名 "深川"… 最接近的是：深圳市 440300 …
 * ```
 */
export function codeOf(name: string, options: { level?: Level } = {}): string {
  const wanted = String(name).trim();
  const lower = wanted.toLowerCase();
  const order: Level[] = ['province', 'prefecture', 'county'];
  const candidates = allCodes()
    .filter((c) => !options.level || c.level === options.level)
    .filter((c) => c.name === wanted || stem(c.name) === stem(wanted) || c.nameEn.toLowerCase() === lower)
    .sort((a, b) => {
      const exact = Number(b.name === wanted) - Number(a.name === wanted);
      return exact || order.indexOf(a.level) - order.indexOf(b.level) || a.code.localeCompare(b.code);
    });
  if (candidates[0]) return candidates[0].code;
  const s = suggestCodes(wanted, 3, options.level ? (c) => c.level === options.level : undefined);
  return fail({
    code: 'unknown-name',
    path: 'name',
    value: name,
    problem: { zh: '未知的地名', en: 'Unknown place name' },
    fix: {
      zh: `请使用 2023 年区划表中的名称；最接近的是：${listSuggestions(s)}`,
      en: `Use a name from the 2023 division table; closest matches: ${listSuggestions(s)}`,
    },
  });
}

/**
 * The parent code of a code (prefecture → province, county → prefecture or province), or null for a province.
 *
 * @example
 * ```ts
 * parentOf('440300'); // '440000'
 * ```
 */
export function parentOf(code: string): string | null {
  return requireCode(code).parent;
}

/**
 * The codes whose parent is `code`, sorted. Province → its atlas units and prefectures; prefecture → its counties.
 *
 * @example
 * ```ts
 * childrenOf('440000').length; // 21
 * ```
 */
export function childrenOf(code: string): string[] {
  requireCode(code);
  if (!childIndex) {
    childIndex = new Map();
    for (const info of build().values()) {
      if (!info.parent) continue;
      const list = childIndex.get(info.parent) ?? [];
      list.push(info.code);
      childIndex.set(info.parent, list);
    }
    for (const list of childIndex.values()) list.sort();
  }
  return [...(childIndex.get(code) ?? [])];
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
  return `${code.slice(0, 2)}0000`;
}
