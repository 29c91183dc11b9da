/**
 * Place names: the gazetteer (`codeOf`, `matchRegion`, `matchRegions`, `suggestRegions`) over the code
 * tables and the reviewed name data of data/names/, and `loadGazetteer()` for county-level units.
 */

import type { Level } from '../codes/index.ts';
import { fail } from '../errors/index.ts';
import { listCandidates, type MatchRegionOptions, matchRegion, suggestRegions } from './gazetteer.ts';

export {
  type MatchMethod,
  type MatchRegionOptions,
  type MatchVia,
  matchRegion,
  type RegionCandidate,
  type RegionMatch,
  suggestRegions,
} from './gazetteer.ts';
export { loadGazetteer } from './load.ts';
export {
  type MatchRegionsOptions,
  matchRegions,
  type RegionMatches,
  type RegionRowMatch,
  type RowField,
} from './match-regions.ts';
export { MAX_FUZZY_LENGTH, MAX_NAME_LENGTH } from './normalize.ts';

/** Options of {@link codeOf}. */
export interface CodeOfOptions {
  /** Only units of this level (`吉林` is 吉林省; with `level: 'prefecture'` it is 吉林市). */
  level?: Level;
  /** Only units under this unit: a code, a number or a name (`{ within: '520100' }` for 贵阳's 白云区). */
  within?: string | number;
}

/**
 * The code of a unit by its name as people write it: full or short (`深圳市`, `深圳`, `恩施州`, `湘西`),
 * traditional (`廣州`), English or pinyin (`Harbin`, `Xi'an`, `xī ān`), a code as a string or number, a
 * former name (`襄樊` → 420600), or qualified by its parent (`贵阳市白云区`, `{ within: '520100' }`).
 * A short form shared by units of different levels means the higher one (`恩施` is the prefecture 422800,
 * not 恩施市 422801; `吉林` is 吉林省). Throws a {@link QuyuError}: `ambiguous-name` listing every
 * candidate with its parent when units of one level share the name (`白云区`), `unknown-name` with the
 * closest names when nothing matches (never applied), `unknown-code` naming the successors of a retired
 * code or an abolished unit (`371200`, `莱芜市`). County-level names need `await loadGazetteer()` first.
 *
 * @example
 * ```ts
 * codeOf('深圳');   // '440300'
 * codeOf('恩施');   // '422800'
 * codeOf('Harbin'); // '230100'
 * codeOf(440100);   // '440100'
 * codeOf('深川');   // throws: 未知的地名 "深川"… 最接近的是：广东省深圳市 440300 …
 * ```
 */
export function codeOf(name: unknown, options: CodeOfOptions = {}): string {
  const opts: MatchRegionOptions = { ...options, acceptFuzzy: false };
  const m = matchRegion(name, opts);
  if (m.status === 'matched') return m.code!;
  if (m.status === 'ambiguous') {
    return fail({
      code: 'ambiguous-name',
      path: 'name',
      value: name,
      problem: {
        zh: `地名有歧义，对应 ${m.candidates.length} 个单位：${listCandidates(m.candidates, 'zh')}`,
        en: `Ambiguous place name, ${m.candidates.length} units: ${listCandidates(m.candidates, 'en')}`,
      },
      fix: {
        zh: `请写上上级，如「${m.candidates[0]!.parentName ?? ''}${m.candidates[0]!.name}」，或传 { within: '${m.candidates[0]!.parent}' }`,
        en: `Write the parent too, e.g. "${m.candidates[0]!.parentName ?? ''}${m.candidates[0]!.name}", or pass { within: '${m.candidates[0]!.parent}' }`,
      },
    });
  }
  if (m.status === 'retired') {
    return fail({
      code: 'unknown-code',
      path: 'name',
      value: name,
      problem: { zh: '已撤销的单位', en: 'A unit abolished since' },
      fix: m.message,
    });
  }
  return fail({
    code: 'unknown-name',
    path: 'name',
    value: name,
    problem: { zh: '未知的地名', en: 'Unknown place name' },
    fix: m.message,
  });
}

/**
 * Up to `limit` units nearest to a name or code, best first; kept for code that used it before the
 * gazetteer (use {@link suggestRegions}).
 *
 * @example
 * ```ts
 * suggestCodes('深川')[0]?.code; // '440300'
 * ```
 */
export function suggestCodes(query: string, limit = 3): { code: string; name: string; nameEn: string }[] {
  return suggestRegions(query, limit);
}
