/**
 * Codes retired since the atlas' source vintage (about 2016-17) and their successors in the 2023 table.
 * The same recodes are rows of the data build's corrections table (data/build/corrections.ts); this list
 * lets lookups of an old code name its successor instead of guessing by spelling.
 */
export const RETIRED_CODES: Readonly<Record<string, { to: string; note: string }>> = {
  '371200': { to: '370100', note: '莱芜市 merged into 济南市 (2019)' },
  '542400': { to: '540600', note: '那曲地区 became 那曲市 (2017-18)' },
  '652200': { to: '650500', note: '哈密地区 became 哈密市 (2016)' },
  '500228': { to: '500155', note: '梁平县 became 梁平区 (2016)' },
  '500232': { to: '500156', note: '武隆县 became 武隆区 (2016)' },
  '542200': { to: '540500', note: '山南地区 became 山南市 (2016)' },
  '542600': { to: '540400', note: '林芝地区 became 林芝市 (2015)' },
  '652100': { to: '650400', note: '吐鲁番地区 became 吐鲁番市 (2015)' },
  '469003': { to: '460400', note: '儋州市 became prefecture-level (2015)' },
  '510724': { to: '510705', note: '安县 became 安州区 (2016)' },
};
