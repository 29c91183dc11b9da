/**
 * THE reviewed table of manual corrections to the inputs. The build applies exactly these rows, in this
 * order, and fails if a row no longer matches its input (so a changed input cannot be corrected silently).
 * Every row gives its reason; review changes to this file like changes to code.
 */
export type Correction =
  | {
      /** Give a feature of an ECharts province file a current code (its geometry is unchanged). */
      op: 'recode';
      file: string;
      /** The feature's `id` in the file, or `null` for a feature without id (matched by name). */
      id: string | null;
      name: string;
      to: string;
      reason: string;
    }
  | {
      /** Drop a feature (e.g. an empty duplicate). */
      op: 'drop';
      file: string;
      id: string | null;
      name: string;
      reason: string;
    }
  | {
      /** Give every feature of a file one code: the file's units are merged into one atlas unit. */
      op: 'recode-file';
      file: string;
      to: string;
      reason: string;
    }
  | {
      /**
       * Fill gaps enclosed by units (no unit claims the area) up to this size, giving each to the neighbour
       * with the longest shared border (mapshaper -clean gap-fill-area).
       */
      op: 'fill-gaps';
      maxAreaKm2: number;
      reason: string;
    }
  | {
      /** Select a part of China's MultiPolygon in `@surbowl/world-geo-json-zh` as a dash of the line. */
      op: 'dash';
      /** Bounding box [west, south, east, north] of the part, to 2 decimals. */
      bbox: [number, number, number, number];
      reason: string;
    };

export const CORRECTIONS: Correction[] = [
  {
    op: 'fill-gaps',
    maxAreaKm2: 2000,
    reason:
      'The source leaves enclosed gaps no unit claims (measured before filling: 1,445 km² inside 巴音郭楞州 around 铁门关市, 50 km² on the 哈密/酒泉 border, 9 km² in the Yangtze estuary off 南通, 4 km² on the 重庆/四川 border, 3 km² in Xinjiang). China has no foreign enclaves, so every enclosed gap is an error of the source; each goes to the neighbour with the longest shared border.',
  },
  {
    op: 'recode',
    file: 'shandong.json',
    id: '371200',
    name: '莱芜市',
    to: '370100',
    reason:
      '莱芜市 was abolished and merged into 济南市 (State Council 国函〔2019〕4号, January 2019); the two are dissolved into one unit.',
  },
  {
    op: 'recode',
    file: 'chongqing.json',
    id: '500228',
    name: '梁平县',
    to: '500155',
    reason: '梁平县 became 梁平区 (code 500155) in 2016; 2023 table.',
  },
  {
    op: 'recode',
    file: 'chongqing.json',
    id: '500232',
    name: '武隆县',
    to: '500156',
    reason: '武隆县 became 武隆区 (code 500156) in 2016; 2023 table.',
  },
  {
    op: 'recode',
    file: 'shanghai.json',
    id: null,
    name: '崇明区',
    to: '310151',
    reason: '崇明区 has no id in the input; it is 310151 (崇明县 became a district in 2016).',
  },
  {
    op: 'recode',
    file: 'xinjiang.json',
    id: '652200',
    name: '哈密市',
    to: '650500',
    reason:
      '哈密 became a prefecture-level city with code 650500 (2016); the input keeps the old 哈密地区 code.',
  },
  {
    op: 'recode',
    file: 'xizang.json',
    id: '542400',
    name: '那曲地区',
    to: '540600',
    reason: '那曲地区 became 那曲市 (code 540600) in 2017-18; 2023 table.',
  },
  {
    op: 'drop',
    file: 'xizang.json',
    id: '540500',
    name: '山南市',
    reason:
      'The coded 山南市 feature has no rings; its geometry is carried by a second, id-less 山南市 feature.',
  },
  {
    op: 'recode',
    file: 'xizang.json',
    id: null,
    name: '山南市',
    to: '540500',
    reason: 'Second 山南市 feature without id: it carries the geometry of 山南市 540500.',
  },
  {
    op: 'recode-file',
    file: 'taiwan.json',
    to: '710000',
    reason:
      'The input gives 台湾省 as 23 id-less features (incl. 钓鱼岛); the 2023 table has no subdivision codes for 台湾省, so it is one unit.',
  },
  {
    op: 'recode-file',
    file: 'xianggang.json',
    to: '810000',
    reason: "The input's 8100xx district ids are not GB/T 2260 codes; 香港特别行政区 is one unit.",
  },
  {
    op: 'recode-file',
    file: 'aomen.json',
    to: '820000',
    reason: "The input's 8200xx parish ids are not GB/T 2260 codes; 澳门特别行政区 is one unit.",
  },
  ...(
    [
      [122.5, 23.46, 122.8, 24.58],
      [121.16, 20.81, 121.91, 21.7],
      [119.46, 18.01, 120.03, 19.03],
      [119.05, 15.01, 119.07, 16.04],
      [118.52, 10.9, 118.99, 11.99],
      [115.53, 7.15, 116.25, 7.99],
      [111.79, 3.4, 112.85, 3.75],
      [108.2, 6.01, 108.31, 7.08],
      [110.06, 11.24, 110.33, 12.24],
      [109.29, 15.15, 109.86, 16.21],
    ] as [number, number, number, number][]
  ).map(
    (bbox): Correction => ({
      op: 'dash',
      bbox,
      reason:
        'A dash of the South China Sea line: stored as a thin polygon inside China’s MultiPolygon of world.zh.json, selected by its bounding box.',
    }),
  ),
];
