import type { Feature, FeatureCollection, Point } from 'geojson';

/** Properties of a hand-placed label: Chinese and English names and a priority (lower draws first). */
export interface PlaceLabel {
  name: string;
  nameEn: string;
  rank: number;
}

/**
 * Seas around China, placed by hand for the national view: positions are chosen for legibility (open
 * water, away from coasts), not computed.
 */
export const SEA_LABELS: FeatureCollection<Point, PlaceLabel> = collection([
  ['渤海', 'Bohai Sea', 120.2, 38.85, 2],
  ['黄海', 'Yellow Sea', 123.3, 35.6, 1],
  ['东海', 'East China Sea', 125.2, 29.3, 1],
  ['南海', 'South China Sea', 114.8, 17.4, 1],
  ['太平洋', 'Pacific Ocean', 134.0, 24.5, 0],
]);

/**
 * Neighbouring countries, placed by hand inside each country near China (a computed centre would put
 * Russia's label far outside a map of China).
 */
export const COUNTRY_LABELS: FeatureCollection<Point, PlaceLabel> = collection([
  ['俄罗斯', 'Russia', 102.5, 52.6, 1],
  ['蒙古', 'Mongolia', 103.5, 46.6, 1],
  ['哈萨克斯坦', 'Kazakhstan', 76.5, 47.6, 1],
  ['吉尔吉斯斯坦', 'Kyrgyzstan', 74.6, 41.6, 2],
  ['塔吉克斯坦', 'Tajikistan', 71.6, 38.8, 3],
  ['阿富汗', 'Afghanistan', 66.5, 34.0, 3],
  ['巴基斯坦', 'Pakistan', 70.5, 30.0, 2],
  ['印度', 'India', 79.0, 22.5, 1],
  ['尼泊尔', 'Nepal', 84.0, 28.3, 2],
  ['不丹', 'Bhutan', 90.4, 27.4, 3],
  ['孟加拉国', 'Bangladesh', 90.2, 23.8, 3],
  ['缅甸', 'Myanmar', 96.0, 21.5, 1],
  ['老挝', 'Laos', 102.6, 19.9, 2],
  ['越南', 'Vietnam', 105.6, 21.4, 1],
  ['泰国', 'Thailand', 101.0, 15.5, 2],
  ['柬埔寨', 'Cambodia', 104.9, 12.7, 3],
  ['朝鲜', 'North Korea', 126.9, 40.2, 2],
  ['韩国', 'South Korea', 128.0, 36.3, 2],
  ['日本', 'Japan', 133.3, 35.0, 1],
  ['菲律宾', 'Philippines', 121.3, 16.6, 1],
  ['马来西亚', 'Malaysia', 113.5, 2.9, 2],
  ['文莱', 'Brunei', 114.7, 4.5, 3],
  ['印度尼西亚', 'Indonesia', 114.0, -0.5, 2],
]);

function collection(rows: [string, string, number, number, number][]): FeatureCollection<Point, PlaceLabel> {
  return {
    type: 'FeatureCollection',
    features: rows.map(
      ([name, nameEn, lng, lat, rank]): Feature<Point, PlaceLabel> => ({
        type: 'Feature',
        properties: { name, nameEn, rank },
        geometry: { type: 'Point', coordinates: [lng, lat] },
      }),
    ),
  };
}
