/**
 * quyu's one bilingual word table: every word a legend, tooltip, text description, PNG or SVG export
 * prints, in Chinese and English. Core (no DOM, no maplibre-gl), so every layer reads the same words.
 *
 * The tables of kinds are typed `Record<Kind, Words>` against the layout schema's lists: a kind added to
 * the schema without its words fails the type check.
 *
 * ```
 *  src/layouts/schema.ts (the lists) ──▶ src/text (the words) ──▶ legend · tooltip · describeLayout · PNG/SVG export
 * ```
 */
import type {
  CorridorKind,
  EconomicZoneCategory,
  EcoZoneKind,
  HubKind,
  LayoutItem,
  LinkKind,
  Status,
} from '../layouts/schema.ts';
import { isWeakStatus } from '../layouts/status.ts';

/** A language of quyu's text: Chinese (`zh`, simplified) or English (`en`). */
export type Lang = 'zh' | 'en';

/** One text in both languages. */
export type Words = Readonly<Record<Lang, string>>;

/** The four statuses of a fact in words. */
export const STATUS_WORDS = {
  verified: { zh: '已核实', en: 'verified' },
  'from-source-text': { zh: '据原文', en: 'as in the source text' },
  inferred: { zh: '推断', en: 'inferred' },
  uncertain: { zh: '待核实', en: 'uncertain' },
} as const satisfies Record<Status, Words>;

/** Item types in words. */
export const ITEM_TYPE_WORDS = {
  'metro-circle': { zh: '都市圈', en: 'Metropolitan circle' },
  'hub-layout': { zh: '枢纽布局', en: 'Hub layout' },
  hub: { zh: '枢纽', en: 'Hub' },
  'eco-zone': { zh: '生态区', en: 'Ecological zone' },
  link: { zh: '联系', en: 'Link' },
  corridor: { zh: '走廊', en: 'Corridor' },
  'economic-zone': { zh: '经济区', en: 'Economic zone' },
  'city-role': { zh: '城市定位', en: 'City role' },
} as const satisfies Record<LayoutItem['type'], Words>;

/** Link kinds in words. */
export const LINK_KIND_WORDS = {
  'counterpart-aid': { zh: '对口帮扶', en: 'Counterpart aid' },
  'industry-transfer': { zh: '产业转移', en: 'Industry transfer' },
  enclave: { zh: '飞地', en: 'Enclave' },
  'two-way-enclave': { zh: '双向飞地', en: 'Two-way enclave' },
  integration: { zh: '一体化', en: 'Integration' },
  partnership: { zh: '合作联动', en: 'Partnership' },
} as const satisfies Record<LinkKind, Words>;

/** Hub kinds in words. */
export const HUB_KIND_WORDS = {
  airport: { zh: '机场', en: 'Airport' },
  port: { zh: '港口', en: 'Port' },
  'rail-hub': { zh: '铁路枢纽', en: 'Rail hub' },
  'logistics-base': { zh: '物流基地', en: 'Logistics base' },
  'corridor-node': { zh: '通道节点', en: 'Corridor node' },
  platform: { zh: '合作平台', en: 'Platform' },
  'free-trade-zone': { zh: '自贸区', en: 'Free-trade zone' },
  'high-tech-zone': { zh: '高新区', en: 'High-tech zone' },
  'new-area': { zh: '新区', en: 'New area' },
  'science-city': { zh: '科学城', en: 'Science city' },
  institution: { zh: '机构', en: 'Institution' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<HubKind, Words>;

/** Eco-zone kinds in words. */
export const ECO_ZONE_KIND_WORDS = {
  'ecological-function-zone': { zh: '生态功能区', en: 'Ecological function zone' },
  'ecological-development-area': { zh: '生态发展区', en: 'Ecological development area' },
  'ecological-corridor': { zh: '生态廊道', en: 'Ecological corridor' },
  'ecological-programme': { zh: '生态建设工程', en: 'Ecological programme' },
  'nature-reserve': { zh: '自然保护区', en: 'Nature reserve' },
  'national-park': { zh: '国家公园', en: 'National park' },
} as const satisfies Record<EcoZoneKind, Words>;

/** Corridor kinds in words. */
export const CORRIDOR_KIND_WORDS = {
  'science-technology': { zh: '科技创新走廊', en: 'Science and technology corridor' },
  axis: { zh: '发展轴', en: 'Development axis' },
  transport: { zh: '交通通道', en: 'Transport corridor' },
  rail: { zh: '铁路', en: 'Railway' },
  road: { zh: '公路', en: 'Road' },
  bridge: { zh: '跨海通道', en: 'Bridge / sea link' },
} as const satisfies Record<CorridorKind, Words>;

/** Economic-zone categories in words. */
export const ECONOMIC_ZONE_CATEGORY_WORDS = {
  'economic-region': { zh: '经济区', en: 'Economic region' },
  'economic-circle': { zh: '经济圈', en: 'Economic circle' },
  'development-belt': { zh: '发展带', en: 'Development belt' },
  platform: { zh: '合作平台', en: 'Platform' },
  'industry-cluster': { zh: '产业集群', en: 'Industry cluster' },
  programme: { zh: '专项工程', en: 'Programme' },
  enclave: { zh: '飞地', en: 'Enclave' },
  'industry-transfer': { zh: '产业转移', en: 'Industry transfer' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<EconomicZoneCategory, Words>;

/** Words of the interface: legend titles and keys, notes, tooltips, figure furniture. */
export const UI_WORDS = {
  statusTitle: { zh: '信息状态', en: 'Status of the facts' },
  statusStrong: { zh: '已核实 / 据原文', en: 'Verified / as in the source text' },
  statusWeak: { zh: '推断或待核实（虚线、浅色）', en: 'Inferred or uncertain (dashed, lighter)' },
  statusWeakPoint: { zh: '推断或待核实（浅色）', en: 'Inferred or uncertain (lighter)' },
  statusWeakSymbol: { zh: '推断或待核实（空心，标“?”）', en: 'Inferred or uncertain (hollow, marked "?")' },
  statusWeakLine: { zh: '推断或待核实（浅色，标“?”）', en: 'Inferred or uncertain (lighter, marked "?")' },
  partial: { zh: '部分纳入（斜线）', en: 'Partly included (hatched)' },
  partialNote: { zh: '仅部分纳入', en: 'Only part belongs' },
  part: { zh: '部分', en: 'part' },
  core: { zh: '核心城市', en: 'Core city' },
  centre: { zh: '中心', en: 'Centre' },
  pole: { zh: '极点', en: 'Pole' },
  commuting: { zh: '通勤圈', en: 'Commuting ring' },
  notVerifiedTitle: { zh: '位置未核实（未绘制）', en: 'Location not verified (not drawn)' },
  notVerified: { zh: '位置未核实', en: 'Location not verified' },
  notDrawnTitle: { zh: '未绘制', en: 'Not drawn' },
  noMembers: { zh: '成员未列出', en: 'Members not listed' },
  notCoded: { zh: '成员未编码', en: 'Members not coded' },
  noGeometry: { zh: '无边界数据', en: 'No boundary in the atlas' },
  approximate: { zh: '位置取所属上级单位', en: 'Placed at the parent unit' },
  membersNotCoded: { zh: '成员未编码，仅标核心城市', en: 'Members not coded; core city only' },
  parentOutline: {
    zh: '上级单位轮廓（县界未加载）',
    en: 'Parent outline (county boundaries not loaded)',
  },
  excludes: { zh: '不含', en: 'Excludes' },
  includes: { zh: '包括', en: 'includes' },
  centreIs: { zh: '中心为', en: 'centre' },
  polesAre: { zh: '极点为', en: 'poles' },
  sources: { zh: '资料来源', en: 'Sources' },
  more: { zh: '等', en: 'and more' },
  metroCircles: { zh: '都市圈', en: 'Metropolitan circles' },
  hubLayout: { zh: '枢纽布局', en: 'Hub layout' },
  hubs: { zh: '枢纽与平台', en: 'Hubs and platforms' },
  links: { zh: '联系', en: 'Links' },
  ecoZones: { zh: '生态区', en: 'Ecological zones' },
  corridors: { zh: '走廊与通道', en: 'Corridors' },
  economicZones: { zh: '经济区与平台', en: 'Economic zones and platforms' },
  cityRoles: { zh: '城市定位', en: 'City roles' },
  choropleth: { zh: '分级', en: 'Classes' },
  noData: { zh: '无数据', en: 'No data' },
  unmatchedRows: { zh: '未匹配的行', en: 'Rows not matched' },
  scaleBar: { zh: '比例尺', en: 'Scale' },
  notes: { zh: '注', en: 'Note' },
  units: { zh: '个单位', en: 'units' },
  schematic: { zh: '示意联系', en: 'Schematic connection' },
  inset: { zh: '南海诸岛', en: 'South China Sea Islands' },
  insetLabel: { zh: '南海诸岛', en: 'S. China Sea Is.' },
  source: { zh: '来源', en: 'Source' },
  status: { zh: '状态', en: 'Status' },
  members: { zh: '成员', en: 'Members' },
  legend: { zh: '图例', en: 'Legend' },
  review: { zh: '示意图，无审图号', en: 'Schematic map; no map review number' },
  description: { zh: '文字说明', en: 'Text description' },
  png: { zh: '下载 PNG', en: 'Download PNG' },
  png2: { zh: 'PNG（2倍）', en: 'PNG (2x)' },
  svg: { zh: 'SVG（印刷）', en: 'SVG (print)' },
  mapLabel: { zh: '交互地图', en: 'Interactive map' },
  keys: { zh: '可用方向键平移、加减号缩放。', en: 'Use the arrow keys to pan and + / − to zoom.' },
} as const satisfies Record<string, Words>;

/** A key of {@link UI_WORDS}. */
export type UiWord = keyof typeof UI_WORDS;

/**
 * One word of the interface in `lang`.
 *
 * @example
 * ```ts
 * uiWord('notDrawnTitle', 'en'); // 'Not drawn'
 * ```
 */
export function uiWord(key: UiWord, lang: Lang): string {
  return UI_WORDS[key][lang];
}

/**
 * `label` followed by the language's colon: `来源：` or `Source: `.
 *
 * @example
 * ```ts
 * labelled(uiWord('source', 'zh'), 'zh'); // '来源：'
 * ```
 */
export function labelled(label: string, lang: Lang): string {
  return lang === 'zh' ? `${label}：` : `${label}: `;
}

/**
 * `text` in the language's parentheses: `（部分）` or ` (part)`.
 *
 * @example
 * ```ts
 * inParens(STATUS_WORDS.inferred.zh, 'zh'); // '（推断）'
 * ```
 */
export function inParens(text: string, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/**
 * Names as a list: `广州市、佛山市` in Chinese, `Guangzhou, Foshan and Zhaoqing` in English (`and` only
 * with `sentence`; otherwise commas).
 *
 * @example
 * ```ts
 * listOf(['广州市', '佛山市'], 'zh');                          // '广州市、佛山市'
 * listOf(['Guangzhou', 'Foshan', 'Zhaoqing'], 'en', true); // 'Guangzhou, Foshan and Zhaoqing'
 * ```
 */
export function listOf(names: readonly string[], lang: Lang, sentence = false): string {
  if (lang === 'zh') return names.join('、');
  if (!sentence || names.length < 2) return names.join(', ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The note after a name for a status a reader must not take as fact: `（推断）`, ` (uncertain)`; empty for
 * `verified` and `from-source-text`.
 *
 * @example
 * ```ts
 * statusNote('uncertain', 'zh'); // '（待核实）'
 * statusNote('verified', 'zh');  // ''
 * ```
 */
export function statusNote(status: Status, lang: Lang): string {
  return isWeakStatus(status) ? inParens(STATUS_WORDS[status][lang], lang) : '';
}

/**
 * The item's name in `lang` (English falls back to Chinese).
 *
 * @example
 * ```ts
 * itemName({ name: '广州都市圈', nameEn: 'Guangzhou Metropolitan Circle' }, 'en'); // 'Guangzhou Metropolitan Circle'
 * ```
 */
export function itemName(item: { name: string; nameEn?: string | undefined }, lang: Lang): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

/** Explicit bidi embeddings, overrides and isolates (LRE … RLO, LRI … PDI). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` without explicit bidi embeddings, overrides and isolates, for a text that stands alone (a title
 * line in a PNG or SVG): it keeps its own characters' directions and cannot be reversed by an override.
 *
 * @example
 * ```ts
 * withoutBidiControls('\u202Eabc'); // 'abc'
 * ```
 */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * `text` as a bidi isolate for drawing in a line of other text (a canvas, an SVG `<text>`): its explicit
 * bidi controls are removed and it is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so a
 * right-to-left override in a user's text cannot reverse the words after it (the HTML equivalent is `<bdi>`).
 *
 * @example
 * ```ts
 * bidiIsolate('\u202Eevil'); // '\u2068evil\u2069'
 * ```
 */
export function bidiIsolate(text: string): string {
  return `\u2068${withoutBidiControls(text)}\u2069`;
}
