/**
 * Text normalisation for place names: cleaning user input, folding traditional characters and Latin
 * spellings, and splitting a name into its stem and type suffix.
 */
import { ETHNIC_GROUPS, TRADITIONAL } from './names.generated.ts';

/** Longest name (in characters) that is matched at all; longer input is reported, never searched. */
export const MAX_NAME_LENGTH = 64;

/** Longest name (in characters) that is compared by edit distance for suggestions. */
export const MAX_FUZZY_LENGTH = 24;

let tradMap: Map<string, string> | undefined;
let tradExtra = '';
function traditional(): Map<string, string> {
  if (!tradMap) {
    tradMap = new Map();
    const chars = [...TRADITIONAL, ...tradExtra];
    for (let i = 0; i + 1 < chars.length; i += 2) tradMap.set(chars[i]!, chars[i + 1]!);
  }
  return tradMap;
}

/**
 * Adds the traditional characters of county-level names (called by `loadGazetteer()`).
 * @internal
 */
export function registerTraditional(pairs: string): void {
  tradExtra = pairs;
  tradMap = undefined;
}

/** Simplified form of a name: each traditional character of the unit-name table replaced. */
export function foldTraditional(text: string): string {
  const t = traditional();
  let out = '';
  for (const ch of text) out += t.get(ch) ?? ch;
  return out;
}

/** Whether a text contains Han characters. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/**
 * Cleans user input: NFKC (full-width letters and digits to ASCII), zero-width characters and BOM removed,
 * whitespace collapsed and trimmed. Han text loses its spaces and middle dots (`恩施 州`, `恩施·州`).
 */
export function cleanName(text: string): string {
  let s = text.normalize('NFKC').replace(/[\u200b-\u200f\u2060\ufeff]/g, '');
  s = s.replace(/\s+/g, ' ').trim();
  if (hasHan(s)) s = s.replace(/[\s·・•]/g, '');
  return s;
}

/** Latin key: lower-case letters only, tone marks and ü folded (Xī'ān, Xi’an, xian → xian; Lü, lv → lu). */
export function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/v/g, 'u')
    .replace(/[^a-z]/g, '');
}

/**
 * Type suffixes of Chinese unit names, longest first. A unit's suffix is the first that its full name ends
 * with, leaving a stem of at least one character.
 */
export const ZH_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '新区',
  '林区',
  '矿区',
  '特区',
  '省',
  '市',
  '州',
  '盟',
  '区',
  '县',
  '旗',
] as const;

/**
 * Which unit suffixes an input suffix may name. A suffix never changes the kind of unit: `河南区` cannot
 * be 河南省, `四川市` cannot be 四川省; `恩施州` is 恩施土家族苗族自治州, `恩施市` the county-level city.
 */
export const COMPATIBLE_SUFFIXES: ReadonlyMap<string, readonly string[]> = new Map([
  ['特别行政区', ['特别行政区']],
  ['自治区', ['自治区']],
  ['自治州', ['自治州']],
  ['州', ['自治州']],
  ['自治县', ['自治县']],
  ['自治旗', ['自治旗']],
  ['地区', ['地区']],
  ['新区', ['新区']],
  ['林区', ['林区']],
  ['矿区', ['矿区']],
  ['特区', ['特区']],
  ['省', ['省']],
  ['市', ['市']],
  ['盟', ['盟']],
  ['区', ['区', '新区', '林区', '矿区', '特区']],
  ['县', ['县', '自治县']],
  ['旗', ['旗', '自治旗']],
]);

/** Splits a Chinese name into stem and type suffix (`恩施土家族苗族自治州` → `恩施土家族苗族`, `自治州`). */
export function splitZhSuffix(name: string): { stem: string; suffix: string } {
  for (const s of ZH_SUFFIXES) {
    if (name.length > s.length && name.endsWith(s)) return { stem: name.slice(0, -s.length), suffix: s };
  }
  return { stem: name, suffix: '' };
}

/** A stem without trailing ethnic-group words (`恩施土家族苗族` → `恩施`); unchanged when nothing is left. */
export function stripEthnic(stem: string): string {
  let rest = stem;
  let changed = true;
  while (changed) {
    changed = false;
    for (const [zh] of ETHNIC_GROUPS) {
      if (rest.length > zh.length && rest.endsWith(zh)) {
        rest = rest.slice(0, -zh.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/** English type words (lower case, as words of the input) → the Chinese unit suffixes they may name. */
const LATIN_SUFFIXES: [string[], string[]][] = [
  [['special', 'administrative', 'region'], ['特别行政区']],
  [['autonomous', 'prefecture'], ['自治州']],
  [['autonomous', 'region'], ['自治区']],
  [['autonomous', 'county'], ['自治县']],
  [['autonomous', 'banner'], ['自治旗']],
  [['forestry', 'district'], ['林区']],
  [['new', 'area'], ['新区']],
  [['zizhizhou'], ['自治州']],
  [['zizhiqu'], ['自治区']],
  [['zizhixian'], ['自治县']],
  [['province'], ['省']],
  [['sheng'], ['省']],
  [['city'], ['市']],
  [['shi'], ['市']],
  [['municipality'], ['市']],
  [['prefecture'], ['地区', '自治州']],
  [['diqu'], ['地区']],
  [['zhou'], ['自治州']],
  [['league'], ['盟']],
  [['meng'], ['盟']],
  [['district'], ['区', '新区', '林区', '矿区', '特区']],
  [['qu'], ['区', '新区', '林区', '矿区', '特区']],
  [['county'], ['县', '自治县']],
  [['xian'], ['县', '自治县']],
  [['banner'], ['旗', '自治旗']],
  [['qi'], ['旗', '自治旗']],
];

/**
 * Splits Latin input into its stem words and the unit suffixes its trailing type words allow
 * (`Enshi City` → `enshi`, [市]); only input of two words or more has type words.
 */
export function splitLatinSuffix(text: string): { stem: string; suffixes: readonly string[] | undefined } {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z'’]+/)
    .filter(Boolean);
  if (words.length >= 2) {
    for (const [tail, suffixes] of LATIN_SUFFIXES) {
      if (words.length > tail.length && tail.every((w, i) => words[words.length - tail.length + i] === w)) {
        return { stem: foldLatin(words.slice(0, -tail.length).join('')), suffixes };
      }
    }
  }
  return { stem: foldLatin(text), suffixes: undefined };
}

/** English words that end a unit's English name after its stem: type words, ethnic groups, `and`. */
let englishTail: Set<string> | undefined;
/** The stem of an English unit name (`Enshi Tujia and Miao Autonomous Prefecture` → `Enshi`). */
export function englishStem(nameEn: string): string {
  if (!englishTail) {
    englishTail = new Set([
      'autonomous',
      'prefecture',
      'county',
      'district',
      'banner',
      'league',
      'region',
      'forestry',
      'special',
      'administrative',
      'and',
      'city',
      'new',
      'area',
    ]);
    for (const [, en] of ETHNIC_GROUPS) englishTail.add(en.toLowerCase());
  }
  const words = nameEn.split(/[\s,]+/).filter(Boolean);
  let n = words.length;
  while (n > 1 && englishTail.has(words[n - 1]!.toLowerCase())) n--;
  return words.slice(0, n).join(' ');
}
