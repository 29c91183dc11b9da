/**
 * The gazetteer: one index of every way a unit is written (full name, short forms, traditional
 * characters, English, pinyin, listed aliases, former names, codes) and the rules that turn one written
 * name into a code, several candidates or none. Every entry point of quyu that takes a place name or a
 * code from a user resolves it here.
 *
 * Resolution rules (README "Place names"):
 * 1. Codes (`440100`, `'440100'`, `'440100000000'`) are looked up; a retired code names its successor.
 * 2. A full official name (Chinese or English) is exact and beats every other form.
 * 3. Short forms are derived by rule: the name without its type suffix (深圳, 凉山), for autonomous units
 *    also without the ethnic groups (恩施), and that stem with a generic suffix (恩施州, 长阳县). When the
 *    same short form belongs to units of different levels, the higher level wins — a short form of a
 *    prefecture outranks a county-level unit of the same stem, which people write with its suffix (恩施 is
 *    恩施州 422800; 恩施市 is the county-level city 422801). Units of the same level are never ranked:
 *    白云区 under 广州 and under 贵阳 are reported as ambiguous, with their parents.
 * 4. A suffix never changes the kind: `河南区` may only be a 区 whose stem is 河南, never 河南省.
 * 5. A qualifier narrows the search: `{ within }`, a parent column, or a parent written before the name
 *    (`贵阳市白云区`, `湖北恩施`, `Baiyun, Guiyang`).
 * 6. Former names resolve to their successor when the unit stayed the same (襄樊 → 襄阳, 2010); a merged or
 *    split unit (莱芜 2019, 巢湖 2011) is reported with its successors, never mapped silently.
 * 7. Anything else is unmatched, with suggestions by edit distance (same script only); a suggestion is
 *    applied only when the caller accepts fuzzy matches.
 */
import { distance } from 'fastest-levenshtein';
import {
  allCodes,
  type CodeInfo,
  countiesLoaded,
  type Level,
  lookupCode,
  maybeUnloadedCounty,
  nearestCodes,
  normalizeCode,
  retiredCode,
  retiredNote,
  tableVersion,
} from '../codes/table.ts';
import { type Bilingual, showValue } from '../errors/index.ts';
import { ALIASES, FORMER_NAMES, PINYIN_EXTRA, SHADOWED } from './names.generated.ts';
import {
  COMPATIBLE_SUFFIXES,
  cleanName,
  englishStem,
  foldLatin,
  foldTraditional,
  hasHan,
  MAX_FUZZY_LENGTH,
  MAX_NAME_LENGTH,
  splitLatinSuffix,
  splitZhSuffix,
  stripEthnic,
} from './normalize.ts';

/** How a written form relates to its unit. */
export type MatchVia =
  | 'code'
  | 'name'
  | 'short'
  | 'traditional'
  | 'english'
  | 'pinyin'
  | 'listed'
  | 'former'
  | 'fuzzy';

/**
 * How a row was matched: `exact` (code, full Chinese or English name), `alias` (short form, traditional
 * characters, pinyin, a listed alias), `former-name` (a name before a rename or upgrade), `fuzzy` (an
 * edit-distance suggestion the caller accepted).
 */
export type MatchMethod = 'exact' | 'alias' | 'former-name' | 'fuzzy';

/** A unit a name may mean, with its parent so that people can tell same-named units apart. */
export interface RegionCandidate {
  code: string;
  name: string;
  nameEn: string;
  level: Level;
  parent: string | null;
  /** Full name of the parent, e.g. `贵阳市` (null for a province). */
  parentName: string | null;
  parentNameEn: string | null;
}

/** The answer for one written name or code. */
export interface RegionMatch {
  /** The value as given. */
  input: unknown;
  /**
   * `matched`: one unit (`code`); `ambiguous`: several units share the name (`candidates`); `unmatched`:
   * none (`candidates` are suggestions); `retired`: a code or name of a unit merged or split since
   * (`candidates` are its successors).
   */
  status: 'matched' | 'ambiguous' | 'unmatched' | 'retired';
  /** The matched code, or null. */
  code: string | null;
  method: MatchMethod | null;
  /** The written form that matched (`short` for 恩施, `traditional` for 廣州, …), or null. */
  via: MatchVia | null;
  /** Whether a parent (`within`, a parent column, or a parent written in the name) decided the match. */
  qualified: boolean;
  /** Candidates (ambiguous), successors (retired) or suggestions (unmatched); empty when matched. */
  candidates: RegionCandidate[];
  /** Units of a lower level that share the short form and were outranked (恩施 → also 恩施市 422801). */
  outranked: RegionCandidate[];
  /** What happened and what to do, in Chinese and English. */
  message: Bilingual;
}

/** Options of {@link matchRegion}. */
export interface MatchRegionOptions {
  /** Only units of this level. */
  level?: Level;
  /** Only units under this unit (a code, a number or a name), e.g. `'520100'` or `'贵阳'`. */
  within?: string | number;
  /** Apply the best edit-distance suggestion when it is the only one at distance 1 (default false). */
  acceptFuzzy?: boolean;
  /** How many suggestions an unmatched name gets (default 3; 0 for none). */
  suggestions?: number;
}

interface Entry {
  code: string;
  via: MatchVia;
  /** The unit's own type suffix (市, 区, 自治州 …), for the suffix rule. */
  suffix: string;
  /** Whether the key is the unit's full name (Chinese or English). */
  full?: boolean;
}

interface Former {
  name: string;
  level: Level;
  code: string;
  until: string;
  change: string;
  successors: string[];
}

interface Index {
  version: number;
  keys: Map<string, Entry[]>;
  former: Map<string, Former[]>;
  zhPool: string[];
  latinPool: string[];
}

let index: Index | undefined;
const LEVEL_RANK: Record<Level, number> = { province: 0, prefecture: 1, county: 2 };

function put(keys: Map<string, Entry[]>, key: string, entry: Entry): void {
  if (!key) return;
  const list = keys.get(key);
  if (!list) keys.set(key, [entry]);
  else if (!list.some((e) => e.code === entry.code && e.via === entry.via && e.suffix === entry.suffix))
    list.push(entry);
}

const latinKey = (s: string) => `L:${s}`;

/** Keys of one unit: full names, short forms, English and pinyin stems. */
function indexUnit(keys: Map<string, Entry[]>, info: CodeInfo): void {
  const { code, name, nameEn } = info;
  const { stem, suffix } = splitZhSuffix(name);
  put(keys, name, { code, via: 'name', suffix, full: true });
  const bare = stripEthnic(stem);
  for (const s of new Set([stem, bare])) {
    if (s.length < 2 || s === name) continue;
    put(keys, s, { code, via: 'short', suffix });
    // A stem written with a generic suffix: 恩施州, 恩施自治州, 长阳县, 鄂伦春旗.
    if (suffix.startsWith('自治') && suffix.length === 3) {
      put(keys, s + suffix.slice(2), { code, via: 'short', suffix });
      put(keys, s + suffix, { code, via: 'short', suffix });
    }
  }
  // English: the full name and its stem (Harbin; Enshi), without spaces and apostrophes.
  put(keys, latinKey(foldLatin(nameEn)), { code, via: 'english', suffix, full: true });
  if (bare.length >= 2) put(keys, latinKey(foldLatin(englishStem(nameEn))), { code, via: 'english', suffix });
}

function buildIndex(): Index {
  if (index && index.version === tableVersion()) return index;
  const keys = new Map<string, Entry[]>();
  const units = allCodes();
  for (const info of units) indexUnit(keys, info);
  for (const [code, py] of PINYIN_EXTRA) {
    const info = lookupCode(code);
    if (info)
      put(keys, latinKey(foldLatin(py)), { code, via: 'pinyin', suffix: splitZhSuffix(info.name).suffix });
  }
  for (const [alias, code] of ALIASES) {
    const info = lookupCode(code);
    if (!info) continue;
    const suffix = splitZhSuffix(info.name).suffix;
    put(keys, hasHan(alias) ? alias : latinKey(foldLatin(alias)), { code, via: 'listed', suffix });
  }
  const former = new Map<string, Former[]>();
  for (const [name, level, code, until, change, successors] of FORMER_NAMES) {
    const row: Former = {
      name,
      level: level as Level,
      code,
      until,
      change,
      successors: successors.split(' '),
    };
    const { stem } = splitZhSuffix(name);
    for (const k of new Set([name, stem.length >= 2 ? stem : name])) {
      const list = former.get(k) ?? [];
      list.push(row);
      former.set(k, list);
    }
  }
  const zhPool: string[] = [];
  const latinPool: string[] = [];
  for (const k of keys.keys()) (k.startsWith('L:') ? latinPool : zhPool).push(k);
  index = { version: tableVersion(), keys, former, zhPool, latinPool };
  return index;
}

/** The candidate view of a code row. */
export function candidateOf(info: CodeInfo): RegionCandidate {
  const p = info.parent ? lookupCode(info.parent) : undefined;
  return {
    code: info.code,
    name: info.name,
    nameEn: info.nameEn,
    level: info.level,
    parent: info.parent,
    parentName: p?.name ?? null,
    parentNameEn: p?.nameEn ?? null,
  };
}

/** Whether `code` lies under `ancestor` (strictly below it). */
export function isUnder(code: string, ancestor: string): boolean {
  let c = lookupCode(code)?.parent ?? null;
  for (let i = 0; c && i < 4; i++) {
    if (c === ancestor) return true;
    c = lookupCode(c)?.parent ?? null;
  }
  return false;
}

interface Scope {
  level?: Level;
  within?: string[];
}

function inScope(code: string, scope: Scope): boolean {
  const info = lookupCode(code);
  if (!info) return false;
  if (scope.level && info.level !== scope.level) return false;
  if (scope.within && !scope.within.some((w) => isUnder(code, w))) return false;
  return true;
}

interface Found {
  codes: string[];
  via: MatchVia;
  outranked: string[];
  /** Whether the form that matched is a full name (method `exact`) rather than a short one. */
  full?: boolean;
}

/**
 * Ranks the entries of one key by the rules above; undefined when none is in scope. A full Chinese name
 * beats short forms; English names are not preferred that way, because English drops 市 (Enshi is both
 * 恩施市's full English name and the stem of 恩施州's).
 */
function rank(entries: Entry[], scope: Scope, suffixes?: readonly string[]): Found | undefined {
  let list = entries.filter((e) => inScope(e.code, scope));
  if (suffixes) list = list.filter((e) => suffixes.includes(e.suffix));
  if (!list.length) return undefined;
  const exact = list.filter((e) => e.full && e.via === 'name');
  if (exact.length) list = exact;
  const best = Math.min(...list.map((e) => LEVEL_RANK[lookupCode(e.code)!.level]));
  let top = list.filter((e) => LEVEL_RANK[lookupCode(e.code)!.level] === best);
  // At one level, an official English name beats the pinyin of another unit (Shanxi is 山西; 陕西 is Shaanxi).
  if (top.some((e) => e.via === 'english' || e.via === 'listed')) top = top.filter((e) => e.via !== 'pinyin');
  const codes = [...new Set(top.map((e) => e.code))].sort();
  const outranked = [...new Set(list.filter((e) => !top.includes(e)).map((e) => e.code))]
    .filter((c) => !codes.includes(c))
    .sort();
  // The most telling form: a full name over a short form over the rest.
  const order: MatchVia[] = ['name', 'english', 'listed', 'short', 'pinyin'];
  const via = order.find((v) => top.some((e) => e.via === v)) ?? top[0]!.via;
  const full = top.some((e) => e.full && e.via === via);
  return { codes, via, outranked, full };
}

/** Direct lookup of a cleaned name (Chinese or Latin), with the suffix rule when the name itself is unknown. */
function lookupDirect(name: string, scope: Scope): Found | undefined {
  const { keys } = buildIndex();
  if (hasHan(name)) {
    const direct = keys.get(name);
    const found = direct && rank(direct, scope);
    if (found) return found;
    const { stem, suffix } = splitZhSuffix(name);
    if (!suffix || stem.length < 2) return undefined;
    const entries = keys.get(stem);
    return entries && rank(entries, scope, COMPATIBLE_SUFFIXES.get(suffix));
  }
  const whole = keys.get(latinKey(foldLatin(name)));
  const found = whole && rank(whole, scope);
  if (found) return found;
  const { stem, suffixes } = splitLatinSuffix(name);
  if (!suffixes || !stem) return undefined;
  const entries = keys.get(latinKey(stem));
  return entries && rank(entries, scope, suffixes);
}

let shadowSet: Set<string> | undefined;
/**
 * Whether a county-level answer found before `loadGazetteer()` may change once counties are loaded: the
 * name is also a name of a county-level unit loaded on demand (朝阳区 is 北京's and 长春's).
 */
function shadowed(name: string, found: Found): boolean {
  if (!found.codes.some((c) => lookupCode(c)!.level === 'county')) return false;
  shadowSet ??= new Set(SHADOWED);
  if (shadowSet.has(name)) return true;
  const latin = latinKey(foldLatin(name));
  if (shadowSet.has(latin)) return true;
  const { stem } = splitZhSuffix(name);
  return shadowSet.has(stem) || shadowSet.has(latinKey(splitLatinSuffix(name).stem));
}

/** Lookup with a parent written before the name (贵阳市白云区, 湖北恩施) or after a comma (Baiyun, Guiyang). */
function lookupQualified(name: string, scope: Scope, depth = 0): Found | undefined {
  if (depth > 1) return undefined;
  const results: string[] = [];
  let via: MatchVia = 'name';
  let full = true;
  const tryPair = (parentText: string, childText: string) => {
    const parent = lookupDirect(parentText, { level: undefined, within: scope.within });
    if (!parent) return;
    const parents = parent.codes.filter((c) => lookupCode(c)!.level !== 'county');
    if (!parents.length) return;
    const child =
      lookupDirect(childText, { level: scope.level, within: parents }) ??
      lookupQualified(childText, { level: scope.level, within: parents }, depth + 1);
    if (child) {
      results.push(...child.codes);
      via = child.via;
      full = Boolean(child.full);
    }
  };
  if (hasHan(name)) {
    const chars = [...name];
    for (let i = 2; i <= chars.length - 2; i++) tryPair(chars.slice(0, i).join(''), chars.slice(i).join(''));
  } else if (name.includes(',')) {
    const parts = name
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length >= 2) tryPair(parts.slice(1).join(', '), parts[0]!);
  }
  const codes = [...new Set(results)].sort();
  return codes.length ? { codes, via, outranked: [], full } : undefined;
}

function suggestionPool(name: string): { pool: string[]; key: string } {
  const idx = buildIndex();
  return hasHan(name)
    ? { pool: idx.zhPool, key: name }
    : { pool: idx.latinPool, key: latinKey(splitLatinSuffix(name).stem || foldLatin(name)) };
}

/**
 * Up to `limit` units whose written forms are nearest to `name` by edit distance, best first (Chinese
 * input against Chinese forms, Latin input against English and pinyin forms). Input longer than
 * {@link MAX_FUZZY_LENGTH} characters gets no suggestions.
 *
 * @example
 * ```ts
 * suggestRegions('深川')[0]?.code; // '440300'
 * suggestRegions('Harbn')[0]?.code; // '230100'
 * ```
 */
export function suggestRegions(name: string, limit = 3, options: MatchRegionOptions = {}): RegionCandidate[] {
  const cleaned = foldTraditional(cleanName(String(name)));
  if (!cleaned || [...cleaned].length > MAX_FUZZY_LENGTH) return [];
  const scope = scopeOf(options);
  const { pool, key } = suggestionPool(cleaned);
  const { keys } = buildIndex();
  const len = key.length;
  const best = new Map<string, number>();
  for (const k of pool) {
    if (Math.abs(k.length - len) > 3) continue;
    let d = distance(key, k);
    if (d > Math.max(2, Math.ceil(len / 2))) continue;
    // A typo rarely hits the first character: prefer forms that share it.
    if (k[0] === key[0] && (!k.startsWith('L:') || k[2] === key[2])) d -= 0.3;
    for (const e of keys.get(k)!) {
      if (!inScope(e.code, scope)) continue;
      const level = lookupCode(e.code)!.level;
      const score = d + (level === 'prefecture' ? 0 : level === 'province' ? 0.1 : 0.2);
      const had = best.get(e.code);
      if (had === undefined || score < had) best.set(e.code, score);
    }
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([code]) => candidateOf(lookupCode(code)!));
}

function scopeOf(options: MatchRegionOptions): Scope {
  const scope: Scope = {};
  if (options.level) scope.level = options.level;
  if (options.within !== undefined && options.within !== null && options.within !== '') {
    const w = resolveWithin(options.within);
    scope.within = w;
  }
  return scope;
}

/** The codes a `within` value names (a code, or a name that may itself be ambiguous); [] when none. */
function resolveWithin(value: string | number): string[] {
  const code = normalizeCode(value);
  if (code) return lookupCode(code) ? [code] : [];
  const cleaned = foldTraditional(cleanName(String(value)));
  if (!cleaned || [...cleaned].length > MAX_NAME_LENGTH) return [];
  return (lookupDirect(cleaned, {}) ?? lookupQualified(cleaned, {}))?.codes ?? [];
}

const describeCandidate = (c: RegionCandidate, lang: 'zh' | 'en') =>
  lang === 'zh'
    ? `${c.parentName ?? ''}${c.name} ${c.code}`
    : `${c.nameEn} ${c.code} (${c.name}${c.parentNameEn ? `, ${c.parentNameEn}` : ''})`;

/** Lists candidates for a message, at most 5 and "…" after. */
export function listCandidates(list: RegionCandidate[], lang: 'zh' | 'en'): string {
  const shown = list.slice(0, 5).map((c) => describeCandidate(c, lang));
  if (list.length > 5) shown.push(lang === 'zh' ? `等 ${list.length} 个` : `and ${list.length - 5} more`);
  return shown.join(lang === 'zh' ? '、' : '; ');
}

const VIA_TO_METHOD: Record<MatchVia, MatchMethod> = {
  code: 'exact',
  name: 'exact',
  short: 'alias',
  traditional: 'alias',
  english: 'exact',
  pinyin: 'alias',
  listed: 'alias',
  former: 'former-name',
  fuzzy: 'fuzzy',
};

/** A short preview of any value for messages (the errors module's formatter: it cannot throw). */
function show(value: unknown): string {
  return typeof value === 'string'
    ? value.length > 40
      ? `${value.slice(0, 40)}…`
      : value
    : showValue(value, 40);
}

function matched(
  input: unknown,
  code: string,
  via: MatchVia,
  qualified: boolean,
  outranked: string[] = [],
  note?: Bilingual,
  full = true,
): RegionMatch {
  const info = lookupCode(code)!;
  const others = outranked.map((c) => candidateOf(lookupCode(c)!));
  const also = others.length
    ? {
        zh: `；同名的下级单位：${listCandidates(others, 'zh')}（请写全称）`,
        en: `; lower-level units of the same short name: ${listCandidates(others, 'en')} (write the full name)`,
      }
    : { zh: '', en: '' };
  return {
    input,
    status: 'matched',
    code,
    method: via === 'english' && !full ? 'alias' : VIA_TO_METHOD[via],
    via,
    qualified,
    candidates: [],
    outranked: others,
    message: {
      zh: `「${show(input)}」→ ${info.name} ${code}${note ? `（${note.zh}）` : ''}${also.zh}`,
      en: `"${show(input)}" → ${info.nameEn} ${code} (${info.name})${note ? `: ${note.en}` : ''}${also.en}`,
    },
  };
}

function unmatched(input: unknown, suggestions: RegionCandidate[], why?: Bilingual): RegionMatch {
  const list = suggestions.length
    ? {
        zh: `最接近的是：${listCandidates(suggestions, 'zh')}`,
        en: `closest matches: ${listCandidates(suggestions, 'en')}`,
      }
    : { zh: '没有相近的名称', en: 'no similar names' };
  const load =
    !countiesLoaded() && !why
      ? {
          zh: '；县级单位尚未加载，若是县级名称请先 `await loadGazetteer()`',
          en: '; county-level units are not loaded: for a county-level name call `await loadGazetteer()` first',
        }
      : { zh: '', en: '' };
  return {
    input,
    status: 'unmatched',
    code: null,
    method: null,
    via: null,
    qualified: false,
    candidates: suggestions,
    outranked: [],
    message: {
      zh: `「${show(input)}」${why?.zh ?? '不是 2023 年区划表中的名称或代码'}；${list.zh}${load.zh}`,
      en: `"${show(input)}" ${why?.en ?? 'is not a name or code of the 2023 division table'}; ${list.en}${load.en}`,
    },
  };
}

function retired(input: unknown, successors: string[], what: Bilingual): RegionMatch {
  const list = successors.flatMap((c) => {
    const info = lookupCode(c);
    return info ? [candidateOf(info)] : [];
  });
  return {
    input,
    status: 'retired',
    code: null,
    method: null,
    via: null,
    qualified: false,
    candidates: list,
    outranked: [],
    message: {
      zh: `「${show(input)}」${what.zh}；现属：${listCandidates(list, 'zh')}。数据若按旧区划统计，请先换算到现行单位`,
      en: `"${show(input)}" ${what.en}; now part of: ${listCandidates(list, 'en')}. Convert data kept by the old division to current units first`,
    },
  };
}

function ambiguous(input: unknown, codes: string[], qualified: boolean): RegionMatch {
  const list = codes.map((c) => candidateOf(lookupCode(c)!));
  const example = list[0]!;
  return {
    input,
    status: 'ambiguous',
    code: null,
    method: null,
    via: null,
    qualified,
    candidates: list,
    outranked: [],
    message: {
      zh: `「${show(input)}」对应 ${list.length} 个单位：${listCandidates(list, 'zh')}。请加上级限定，如「${example.parentName ?? ''}${example.name}」或 { within: '${example.parent ?? example.code}' }`,
      en: `"${show(input)}" names ${list.length} units: ${listCandidates(list, 'en')}. Qualify it with its parent, e.g. "${example.parentName ?? ''}${example.name}" or { within: '${example.parent ?? example.code}' }`,
    },
  };
}

function fromFound(input: unknown, found: Found, qualified: boolean, via?: MatchVia): RegionMatch {
  if (found.codes.length === 1)
    return matched(
      input,
      found.codes[0]!,
      via ?? found.via,
      qualified,
      found.outranked,
      undefined,
      found.full,
    );
  return ambiguous(input, found.codes, qualified);
}

function fromFormer(input: unknown, rows: Former[], scope: Scope): RegionMatch | undefined {
  const inLevel = rows.filter((r) => !scope.level || r.level === scope.level);
  if (!inLevel.length) return undefined;
  const row = inLevel[0]!;
  const when = row.until.slice(0, 4);
  if (row.change === 'merged' || row.change === 'split') {
    return retired(input, row.successors, {
      zh: `是已撤销的${row.level === 'prefecture' ? '地级' : '县级'}单位 ${row.name} ${row.code}（${row.until} ${row.change === 'merged' ? '并入' : '拆分'}）`,
      en: `is ${row.name} ${row.code}, abolished ${row.until} (${row.change === 'merged' ? 'merged' : 'split up'})`,
    });
  }
  const successor = row.successors[0]!;
  if (!lookupCode(successor) || !inScope(successor, scope)) return undefined;
  return matched(input, successor, 'former', Boolean(scope.within), [], {
    zh: `旧称 ${row.name}，${row.until} 起为现名`,
    en: `former name ${row.name}, changed in ${when}`,
  });
}

/**
 * Resolves one written name or code to a unit of the 2023 division, by the gazetteer's rules (see the
 * module comment and README "Place names"): never guesses between same-named units, never applies a fuzzy
 * suggestion unless `acceptFuzzy` is set, and says what it did in Chinese and English. Input longer than
 * {@link MAX_NAME_LENGTH} characters is unmatched without being searched.
 *
 * @example
 * ```ts
 * matchRegion('恩施').code; // '422800' (恩施土家族苗族自治州; 恩施市 is 422801)
 * matchRegion('白云区').status; // 'ambiguous' (广州 440111, 贵阳 520113)
 * matchRegion('贵阳市白云区').code; // '520113' — needs `await loadGazetteer()` (a county)
 * matchRegion('廣州').via; // 'traditional'
 * matchRegion(440100).code; // '440100'
 * ```
 */
export function matchRegion(input: unknown, options: MatchRegionOptions = {}): RegionMatch {
  const scope = scopeOf(options);
  if (options.within !== undefined && scope.within && scope.within.length === 0) {
    return unmatched(input, [], {
      zh: `的上级限定「${show(options.within)}」不是已知的单位`,
      en: `has a qualifier "${show(options.within)}" that names no known unit`,
    });
  }
  const qualifiedByOption = Boolean(scope.within);
  // Codes.
  const code = normalizeCode(input);
  if (code !== undefined) {
    const info = lookupCode(code);
    if (info) {
      if (!inScope(code, scope) && (scope.level || scope.within))
        return unmatched(input, [], {
          zh: `（${info.name}）不在所要求的范围内`,
          en: `(${info.nameEn}) is outside the level or parent asked for`,
        });
      return matched(input, code, 'code', false);
    }
    const r = retiredCode(code);
    if (r) {
      const next = lookupCode(r.to);
      if (next)
        return retired(input, [r.to], {
          zh: `是已撤销的区划代码（${retiredNote(r).zh}）`,
          en: `is a retired code (${retiredNote(r).en})`,
        });
    }
    if (maybeUnloadedCounty(code)) {
      return unmatched(input, [], {
        zh: '像是县级代码，但县级单位尚未加载：请先 `await loadGazetteer()`',
        en: 'looks like a county-level code, but county-level units are not loaded: call `await loadGazetteer()` first',
      });
    }
    return unmatched(input, nearestCodes(code).map(candidateOf), {
      zh: '不是 2023 年区划表中的代码',
      en: 'is not a code of the 2023 division table',
    });
  }
  if (typeof input !== 'string' && typeof input !== 'number') {
    return unmatched(input, [], { zh: '不是文字或代码', en: 'is neither text nor a code' });
  }
  const raw = String(input);
  if (raw.length > MAX_NAME_LENGTH * 4) {
    return unmatched(input, [], {
      zh: `过长（超过 ${MAX_NAME_LENGTH} 个字符），未查找`,
      en: `is too long (over ${MAX_NAME_LENGTH} characters) and was not searched`,
    });
  }
  const cleaned = cleanName(raw);
  if (!cleaned) return unmatched(input, [], { zh: '为空', en: 'is empty' });
  if ([...cleaned].length > MAX_NAME_LENGTH) {
    return unmatched(input, [], {
      zh: `过长（超过 ${MAX_NAME_LENGTH} 个字符），未查找`,
      en: `is too long (over ${MAX_NAME_LENGTH} characters) and was not searched`,
    });
  }
  if (!hasHan(cleaned) && !/[a-z]/i.test(cleaned.normalize('NFD'))) {
    return unmatched(
      input,
      /^\d+$/.test(cleaned) ? nearestCodes(cleaned.slice(0, 12)).map(candidateOf) : [],
      { zh: '既不是 6 位区划代码，也不是地名', en: 'is neither a 6-digit division code nor a place name' },
    );
  }
  const simplified = foldTraditional(cleaned);
  const viaTrad: MatchVia | undefined = simplified !== cleaned ? 'traditional' : undefined;
  const direct = lookupDirect(simplified, scope);
  const qualified = direct ? undefined : lookupQualified(simplified, scope);
  const found = direct ?? qualified;
  if (found && !countiesLoaded() && shadowed(simplified, found)) {
    return unmatched(
      input,
      found.codes.map((c) => candidateOf(lookupCode(c)!)),
      {
        zh: '也可能是尚未加载的县级单位（有同名的县级单位）：请先 `await loadGazetteer()` 再查',
        en: 'may also name a county-level unit that is not loaded (units share this name): call `await loadGazetteer()` first',
      },
    );
  }
  if (direct) return fromFound(input, direct, qualifiedByOption, viaTrad);
  if (qualified) return fromFound(input, qualified, true, viaTrad);
  const { former } = buildIndex();
  const split = splitZhSuffix(simplified);
  const formerRows =
    former.get(simplified) ??
    former
      .get(split.stem)
      ?.filter(
        (r) => !split.suffix || COMPATIBLE_SUFFIXES.get(split.suffix)?.includes(splitZhSuffix(r.name).suffix),
      );
  if (formerRows?.length) {
    const f = fromFormer(input, formerRows, scope);
    if (f) return f;
  }
  const limit = Math.max(0, Math.min(10, Math.floor(Number(options.suggestions ?? 3)) || 0));
  const suggestions = limit ? suggestRegions(simplified, limit, options) : [];
  if (options.acceptFuzzy && suggestions.length) {
    const key = suggestionPool(simplified).key;
    const close = suggestions.filter((s) => {
      const forms = hasHan(simplified)
        ? [s.name, splitZhSuffix(s.name).stem, stripEthnic(splitZhSuffix(s.name).stem)]
        : [latinKey(foldLatin(s.nameEn)), latinKey(foldLatin(englishStem(s.nameEn)))];
      return forms.some((f) => distance(key, f) <= 1);
    });
    if (close.length === 1) {
      const m = matched(input, close[0]!.code, 'fuzzy', qualifiedByOption);
      return {
        ...m,
        message: {
          zh: `${m.message.zh}（按拼写相近匹配，请核对）`,
          en: `${m.message.en} (matched by similar spelling: check it)`,
        },
      };
    }
  }
  return unmatched(input, suggestions);
}
