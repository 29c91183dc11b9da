/**
 * Checking input codes against the 2023 code table: missing, malformed, unknown, stale (a retired code whose
 * parent still exists) and duplicate codes are errors with suggestions; names that disagree with the table and
 * units the bundled atlas already draws are warnings; a file mixing levels is an error unless `level` is given.
 */
import { type CodeInfo, type Level, lookupCode } from '../codes/index.ts';
import { retiredCode } from '../codes/table.ts';
import { matchRegion, suggestRegions } from '../names/gazetteer.ts';
import type { Issues } from './issues.ts';
import { describe, describeEn, type RawFeature } from './read.ts';
import type { RecodeRecord } from './types.ts';

/** An input feature with a valid 2023 code. */
export interface CodedFeature extends RawFeature {
  code: string;
  info: CodeInfo;
}

export interface CheckCodesOptions {
  recode?: Record<string, string>;
  skipUnknown?: boolean;
  level?: Level;
  /**
   * Several inputs merged: a code met again in another file (or after a recode) is the same unit, its
   * polygons merged (reported); mixed levels keep the finest (reported) instead of failing.
   */
  merge?: boolean;
}

/** The file part of a feature path (`a.json:features[3]` → `a.json`). */
const fileOf = (path: string) => (path.includes(':') ? path.slice(0, path.lastIndexOf(':')) : '');

const LEVEL_ZH: Record<Level, string> = { province: '省级', prefecture: '地级', county: '县级' };

/**
 * Whether an input name names the unit, by the gazetteer: full, short, traditional, English or pinyin,
 * resolved within the unit's parent (a name shared with another unit still counts).
 */
function sameName(name: string, info: CodeInfo): boolean {
  const m = matchRegion(name, { within: info.parent ?? undefined, suggestions: 0 });
  // A former name (安县 for 安州区) is worth the warning: the output uses the 2023 name.
  if (m.code === info.code) return m.method !== 'former-name';
  return [...m.candidates, ...m.outranked].some((c) => c.code === info.code);
}

const list = (s: { name: string; code: string }[]) => s.map((c) => `${c.name} ${c.code}`).join(', ');

/**
 * The input features with their code rows, and the one level they share. Throws every code error at once.
 */
export function checkCodes(
  features: RawFeature[],
  issues: Issues,
  options: CheckCodesOptions,
  atlas: { has(code: string): boolean },
  recodes: RecodeRecord[] = [],
): { units: CodedFeature[]; level: Level } {
  const coded: CodedFeature[] = [];
  const seen = new Map<string, CodedFeature>();
  const recoded = new Set<string>();
  for (const f of features) {
    if (f.code === null && f.name) {
      // No code: the name, resolved by the gazetteer within the prefecture of the file's other features.
      const code = codeByName(f, features);
      if (code) {
        recodes.push({ path: issues.at(f.path), from: '', to: code, name: f.name, reason: 'name' });
        f.code = code;
      }
    }
    if (f.code === null) {
      issues.error(
        'invalid-input',
        f.codePath,
        f.codeValue,
        {
          zh: `要素${describe(f.name, null)}没有区划代码`,
          en: `Feature${describeEn(f.name, null)} has no division code`,
        },
        {
          zh: '请为每个要素提供 6 位区划代码（如属性 adcode 或 code），或用 codeField（命令行 --code-field）指明所在属性',
          en: 'Give every feature its 6-digit division code (e.g. property `adcode` or `code`), or name the property with codeField (CLI --code-field)',
        },
      );
      continue;
    }
    let code = f.code;
    const mapped = options.recode?.[code];
    if (mapped) {
      recodes.push({ path: issues.at(f.path), from: code, to: mapped, name: f.name ?? '', reason: 'option' });
      code = mapped;
    } else if (/^\d{6}$/.test(code) && !lookupCode(code)) {
      // A code retired since: its successor from the reviewed change list, when one unit took it whole.
      const r = retiredCode(code);
      const byName = !r && f.name ? nameInParent(f.name, code) : null;
      if (r && lookupCode(r.to)) {
        recodes.push({
          path: issues.at(f.path),
          from: code,
          to: r.to,
          name: r.name,
          reason: 'retired',
          kind: r.kind,
          date: r.date,
        });
        if (r.successors.length > 1) {
          const others = r.successors.filter((c) => c !== r.to);
          issues.warn(
            'unknown-code',
            f.codePath,
            code,
            {
              zh: `${r.name} ${code} 于 ${r.date} 撤销，主要并入 ${lookupCode(r.to)!.name} ${r.to}；另有部分划入 ${others.map((c) => `${lookupCode(c)?.name ?? ''} ${c}`).join('、')}，这部分无法从旧边界画出`,
              en: `${r.name} ${code} was abolished on ${r.date}, mostly into ${lookupCode(r.to)!.nameEn} ${r.to}; part went to ${others.map((c) => `${lookupCode(c)?.nameEn ?? ''} ${c}`).join(', ')}, which the old boundary cannot draw`,
            },
            {
              zh: `已改码为 ${r.to}；如需精确边界，请使用 ${r.date.slice(0, 4)} 年以后的数据`,
              en: `Recoded to ${r.to}; for the exact boundary use data newer than ${r.date.slice(0, 4)}`,
            },
          );
        }
        code = r.to;
      } else if (byName) {
        // A code the tables never had (a provisional or mistyped code), with a name that is a unit of the
        // same prefecture: the name decides (简阳市 510180 in 2017 files is 510185).
        recodes.push({ path: issues.at(f.path), from: code, to: byName, name: f.name ?? '', reason: 'name' });
        code = byName;
      }
    }
    if (code !== f.code) recoded.add(f.path);
    if (!/^\d{6}$/.test(code)) {
      issues.error(
        'unknown-code',
        f.codePath,
        f.codeValue,
        {
          zh: `要素${describe(f.name, null)}的代码不是 6 位数字`,
          en: `Feature${describeEn(f.name, null)} has a code that is not 6 digits`,
        },
        {
          zh: '请使用 GB/T 2260 的 6 位代码，例如 510703',
          en: 'Use 6-digit GB/T 2260 codes, e.g. 510703',
        },
      );
      continue;
    }
    const info = lookupCode(code);
    if (!info) {
      const prefecture = lookupCode(`${code.slice(0, 4)}00`);
      const province = lookupCode(`${code.slice(0, 2)}0000`);
      const parent = code.endsWith('00') ? province : (prefecture ?? province);
      const stale = parent !== undefined && parent.code !== code;
      const suggestions = stale
        ? suggestRegions(f.name ?? code, 3, { within: parent.code })
        : suggestRegions(f.name ?? code, 3);
      const best = suggestions[0];
      const problem = stale
        ? {
            zh: `要素${describe(f.name, code)}的代码不在 2023 年区划表中：可能是已撤销、合并或改码的旧代码（上级 ${parent.name} ${parent.code} 仍在）`,
            en: `Feature${describeEn(f.name, code)} has a code that is not in the 2023 table: probably a stale code of a unit since abolished, merged or re-coded (its parent ${parent.nameEn} ${parent.code} still exists)`,
          }
        : {
            zh: `要素${describe(f.name, code)}的代码不在 2023 年区划表中`,
            en: `Feature${describeEn(f.name, code)} has a code that is not in the 2023 table`,
          };
      const fix = {
        zh: `最接近的现行代码：${list(suggestions)}。${best ? `若确属同一单位，可用 recode（命令行 --recode ${code}=${best.code}）改码；` : ''}或用 skipUnknown（--skip-unknown）跳过`,
        en: `Closest 2023 codes: ${list(suggestions)}. ${best ? `If it is the same unit, map it with recode (CLI --recode ${code}=${best.code}); ` : ''}or drop such features with skipUnknown (--skip-unknown)`,
      };
      if (options.skipUnknown) issues.warn('unknown-code', f.codePath, f.codeValue, problem, fix);
      else issues.error('unknown-code', f.codePath, f.codeValue, problem, fix);
      continue;
    }
    const first = seen.get(code);
    if (
      first &&
      (recoded.has(f.path) ||
        recoded.has(first.path) ||
        (options.merge && fileOf(first.path) !== fileOf(f.path)))
    ) {
      // The same unit again: after a merger (two old codes, one new unit) or from another file.
      first.polygons = [...first.polygons, ...f.polygons];
      issues.warn(
        'duplicate-id',
        f.codePath,
        code,
        {
          zh: `代码 ${code}（${info.name}）出现了两次：${first.path} 与 ${f.path}，已合并为一个单位`,
          en: `Code ${code} (${info.nameEn}) appears twice, ${first.path} and ${f.path}: merged into one unit`,
        },
        {
          zh: '合并后的边界由清理步骤统一（重叠只计一次）',
          en: 'The cleaning step makes one outline of them (overlaps count once)',
        },
      );
      continue;
    }
    if (first) {
      issues.error(
        'duplicate-id',
        f.codePath,
        code,
        {
          zh: `代码 ${code}（${info.name}）出现了两次：${first.path || '(根)'} 与 ${f.path}`,
          en: `Code ${code} (${info.nameEn}) appears twice: ${first.path || '(root)'} and ${f.path}`,
        },
        {
          zh: '一个区划只能有一个要素：请把各部分合并为一个 MultiPolygon，或改正其中一个代码',
          en: 'One feature per unit: merge the parts into one MultiPolygon, or correct one of the codes',
        },
      );
      continue;
    }
    const unit: CodedFeature = { ...f, code, info };
    seen.set(code, unit);
    if (f.name && !recoded.has(f.path) && !sameName(f.name, info)) {
      issues.warn(
        'unknown-name',
        f.codePath,
        code,
        {
          zh: `名称「${f.name}」与 2023 年区划表中 ${code} 的名称「${info.name}」不一致`,
          en: `The name "${f.name}" differs from the 2023 name of ${code}, "${info.name}" (${info.nameEn})`,
        },
        {
          zh: '请核对代码；输出使用 2023 年表中的名称',
          en: 'Check the code; the output uses the 2023 name',
        },
      );
    }
    coded.push(unit);
  }
  issues.throwIfAny();

  // One level per extension.
  const byLevel = new Map<Level, CodedFeature[]>();
  for (const u of coded) byLevel.set(u.info.level, [...(byLevel.get(u.info.level) ?? []), u]);
  let level: Level;
  let units = coded;
  if (options.level) {
    level = options.level;
    units = coded.filter((u) => u.info.level === level);
    const dropped = coded.length - units.length;
    if (dropped) {
      issues.warn(
        'invalid-input',
        'level',
        level,
        {
          zh: `已按 level 跳过 ${dropped} 个非${LEVEL_ZH[level]}要素`,
          en: `${dropped} features of other levels than ${level} skipped (level option)`,
        },
        { zh: '如需导入，请另行按其级别导入', en: 'Import them separately by their level if needed' },
      );
    }
    if (units.length === 0) {
      issues.error(
        'invalid-input',
        'level',
        level,
        {
          zh: `输入中没有${LEVEL_ZH[level]}要素`,
          en: `The input has no ${level}-level features`,
        },
        {
          zh: `输入中的级别：${[...byLevel.keys()].map((l) => LEVEL_ZH[l]).join('、')}`,
          en: `Levels in the input: ${[...byLevel.keys()].join(', ')}`,
        },
      );
      issues.throwIfAny();
    }
  } else if (byLevel.size > 1 && options.merge) {
    // Merged downloads often hold a province file with the city files: the finest level is imported.
    const order: Level[] = ['county', 'prefecture', 'province'];
    level = order.find((l) => byLevel.has(l))!;
    units = byLevel.get(level)!;
    const dropped = coded.length - units.length;
    issues.warn(
      'invalid-input',
      'level',
      level,
      {
        zh: `输入混合了不同级别：导入${LEVEL_ZH[level]}单位，跳过其他 ${dropped} 个要素`,
        en: `The inputs mix levels: the ${level}-level units are imported, ${dropped} features of other levels skipped`,
      },
      {
        zh: '如需导入其他级别，请用 level（命令行 --level）另行导入',
        en: 'Import another level separately with level (CLI --level)',
      },
    );
  } else if (byLevel.size > 1) {
    const groups = [...byLevel.entries()].sort((a, b) => b[1].length - a[1].length);
    const minority = groups[groups.length - 1]![1][0]!;
    const counts = groups.map(([l, us]) => ({ l, n: us.length, ex: us[0]! }));
    issues.error(
      'invalid-input',
      minority.codePath,
      minority.code,
      {
        zh: `输入混合了不同级别：${counts.map((c) => `${LEVEL_ZH[c.l]} ${c.n} 个（如 ${c.ex.info.name} ${c.ex.code}，${c.ex.path}）`).join('；')}`,
        en: `The input mixes levels: ${counts.map((c) => `${c.n} ${c.l}-level (e.g. ${c.ex.info.nameEn} ${c.ex.code} at ${c.ex.path})`).join('; ')}`,
      },
      {
        zh: '一个扩展只含一个级别：请分文件导入，或用 level（命令行 --level county）只保留一个级别',
        en: 'An extension holds one level: import each level from its own file, or keep one with level (CLI --level county)',
      },
    );
    issues.throwIfAny();
    throw new Error('unreachable');
  } else {
    level = coded[0]!.info.level;
  }

  const drawn = units.filter((u) => atlas.has(u.code));
  if (drawn.length) {
    issues.warn(
      'invalid-input',
      drawn[0]!.codePath,
      drawn.map((u) => u.code),
      {
        zh: `${drawn.length} 个单位已在内置地图中（如 ${drawn
          .slice(0, 5)
          .map((u) => `${u.info.name} ${u.code}`)
          .join('、')}）：loadAtlas 对这些代码沿用内置边界`,
        en: `${drawn.length} units are already in the bundled atlas (e.g. ${drawn
          .slice(0, 5)
          .map((u) => `${u.info.nameEn} ${u.code}`)
          .join(', ')}): loadAtlas keeps the bundled boundaries for these codes`,
      },
      {
        zh: '它们仍写入扩展文件，可单独使用',
        en: 'They are still written to the extension and can be used on their own',
      },
    );
  }
  return { units, level };
}

/**
 * The code of a feature that has a name but no code: the county-level unit of that name under the
 * prefecture most of the same file's coded features belong to (or anywhere, when the name is unique).
 */
function codeByName(f: RawFeature, all: readonly RawFeature[]): string | null {
  const file = fileOf(f.path);
  const count = new Map<string, number>();
  for (const g of all) {
    if (fileOf(g.path) !== file || !g.code || !/^\d{6}$/.test(g.code)) continue;
    const p = `${g.code.slice(0, 4)}00`;
    count.set(p, (count.get(p) ?? 0) + 1);
  }
  const within = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const w of within && lookupCode(within) ? [within, undefined] : [undefined]) {
    const m = matchRegion(f.name!, { within: w, suggestions: 0 });
    if (m.code && m.status === 'matched') return m.code;
  }
  return null;
}

/** The county-level unit named `name` under the prefecture (or province) of an unknown code, if exactly one. */
function nameInParent(name: string, code: string): string | null {
  for (const within of [`${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) {
    if (!lookupCode(within)) continue;
    const m = matchRegion(name, { within, suggestions: 0 });
    if (m.code && m.status === 'matched' && (m.method === 'exact' || m.method === 'alias')) return m.code;
    return null;
  }
  return null;
}
