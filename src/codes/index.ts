/**
 * Code tables of the 2023 division (GB/T 2260 codes): lookups between codes, names, levels and parents.
 * County-level units beyond those the atlas draws are loaded on demand (`loadGazetteer()`).
 */

export type { PrefectureCode, ProvinceCode, UnitCode } from './table.generated.ts';
export {
  allCodes,
  type CodeInfo,
  type CodeRow,
  childrenOf,
  countiesLoaded,
  isKnownCode,
  type Level,
  lookupCode,
  nameOf,
  normalizeCode,
  parentOf,
  provinceOf,
  RETIRED_CODES,
  requireCode,
} from './table.ts';
