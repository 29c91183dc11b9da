/**
 * The words quyu's overlays, legends and tooltips print, in Chinese and English. One table, so a
 * translation or a wording fix happens in one place.
 */
import type { LayoutItem, Status } from '../../layouts/schema.ts';
import type { Lang } from './layer-set.ts';

/** UI text by key and language. */
export const TEXT = {
  statusTitle: { zh: '信息状态', en: 'Status of the facts' },
  statusStrong: { zh: '已核实 / 据原文', en: 'Verified / as in the source text' },
  statusWeak: { zh: '推断或待核实（虚线、浅色）', en: 'Inferred or uncertain (dashed, lighter)' },
  statusWeakPoint: { zh: '推断或待核实（浅色）', en: 'Inferred or uncertain (lighter)' },
  statusWeakSymbol: { zh: '推断或待核实（空心，标“?”）', en: 'Inferred or uncertain (hollow, marked "?")' },
  statusWeakLine: { zh: '推断或待核实（浅色，标“?”）', en: 'Inferred or uncertain (lighter, marked "?")' },
  partial: { zh: '部分纳入（斜线）', en: 'Partly included (hatched)' },
  partialNote: { zh: '仅部分纳入', en: 'Only part belongs' },
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
  schematic: { zh: '示意联系', en: 'Schematic connection' },
  inset: { zh: '南海诸岛', en: 'South China Sea Islands' },
  insetLabel: { zh: '南海诸岛', en: 'S. China Sea Is.' },
  source: { zh: '来源', en: 'Source' },
  status: { zh: '状态', en: 'Status' },
  members: { zh: '成员', en: 'Members' },
} as const satisfies Record<string, Record<Lang, string>>;

/** One UI string. */
export function t(key: keyof typeof TEXT, lang: Lang): string {
  return TEXT[key][lang];
}

/** The four statuses in words. */
export const STATUS_TEXT: Record<Status, Record<Lang, string>> = {
  verified: { zh: '已核实', en: 'verified' },
  'from-source-text': { zh: '据原文', en: 'as in the source text' },
  inferred: { zh: '推断', en: 'inferred' },
  uncertain: { zh: '待核实', en: 'uncertain' },
};

/** Whether a status is drawn as weak (dashed, lighter). */
export function isWeak(status: Status): boolean {
  return status === 'inferred' || status === 'uncertain';
}

/** The item's name in the chosen language (English falls back to Chinese). */
export function itemName(item: Pick<LayoutItem, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

/**
 * A short form of a source title for a legend footer: the part before the first explanation
 * (`粤府〔2023〕92号 (dated …): …` → `粤府〔2023〕92号`), at most `max` characters.
 */
export function shortTitle(title: string, max = 36): string {
  const cut = title.search(/ \(| — |: |；|; /);
  const head = (cut > 0 ? title.slice(0, cut) : title).trim();
  return head.length > max ? `${head.slice(0, max - 1)}…` : head;
}
