/**
 * The stand-in unit: which unit of an atlas draws a code that has no boundary of its own (a county-level
 * unit when no county boundaries are loaded). One rule, read by every layer — the map builders
 * (`quyu/maplibre`), `areaOf`, `relate`, `coverage` — so a code is never drawn as one unit and measured as
 * another.
 *
 * ```
 *  code ──▶ itself, if the atlas draws it            441202 端州区 (imported county) ──▶ 441202
 *       ──▶ else its prefecture  xxyy00              441202 端州区                   ──▶ 441200 肇庆市
 *       ──▶ else its province    xx0000              659010 胡杨河市                 ──▶ 650000 新疆
 *       ──▶ else none (not in the atlas at all)
 * ```
 *
 * The ancestors come from the code's digits (GB/T 2260: two digits of province, two of prefecture, two of
 * county), not from the code table: the renderer need not load the county table, and the answer is the
 * same. County-level units directly under a province (`xx90zz`, e.g. 659010) have the pseudo-unit `xx9000`
 * ("省直辖县级行政区划") above them, which no atlas draws, so they fall to their province.
 */

/** Anything that says whether it draws a code: quyu's `Atlas`, or the builders' `LayerAtlas`. */
export interface DrawsCodes {
  has(code: string): boolean;
}

/**
 * The codes that may stand in for `code`, nearest first: the code itself, its prefecture (`xxyy00`) and its
 * province (`xx0000`), without repeats.
 *
 * @example
 * ```ts
 * standInCandidates('441202'); // ['441202', '441200', '440000']
 * standInCandidates('440000'); // ['440000']
 * ```
 */
export function standInCandidates(code: string): string[] {
  const out = [code];
  for (const up of [`${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) {
    if (/^\d{6}$/.test(code) && !out.includes(up)) out.push(up);
  }
  return out;
}

/**
 * The code of the unit that draws `code` on `atlas`: the code itself when the atlas has a boundary for it,
 * else its prefecture, else its province; undefined when none of them is in the atlas. A result other than
 * `code` is an approximation: the unit drawn is larger than the one meant, and every caller says so (a
 * hatched "partly included" area, a weak marker, an `approximations` entry).
 *
 * @example
 * ```ts
 * const atlas = await loadAtlas();
 * standInUnit('441202', atlas); // '441200': 肇庆市 draws 端州区
 * standInUnit('659010', atlas); // '650000': 胡杨河市 (2019) is newer than the atlas; 新疆 draws it
 * standInUnit('440300', atlas); // '440300'
 * ```
 */
export function standInUnit(code: string, atlas: DrawsCodes): string | undefined {
  for (const c of standInCandidates(code)) if (atlas.has(c)) return c;
  return undefined;
}
