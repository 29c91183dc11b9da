/**
 * Short label forms for map labels: national maps label 广东 and 新疆, not 广东省 and 新疆维吾尔自治区.
 */

const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/**
 * The short form of a unit's official Chinese name as national maps print it.
 *
 * @example
 * shortName('新疆维吾尔自治区', 'province'); // '新疆'
 * shortName('广州市', 'prefecture'); // '广州'
 * shortName('延边朝鲜族自治州', 'prefecture'); // '延边朝鲜族自治州' (kept in full)
 */
export function shortName(name: string, level: 'province' | 'prefecture' | 'county' | string): string {
  if (level === 'province') {
    // 内蒙古自治区 and 西藏自治区 keep their stem; the suffix list is ordered longest first.
    for (const suffix of PROVINCE_SUFFIXES) {
      if (name.endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length);
    }
    return name;
  }
  // 广州市 → 广州, 阿里地区 → 阿里; autonomous prefectures and leagues keep their full name.
  if (name.length > 2 && name.endsWith('市')) return name.slice(0, -1);
  if (name.length > 3 && name.endsWith('地区')) return name.slice(0, -2);
  return name;
}
