/**
 * Tooltips of overlay features: name, kind, status (with the original wording), notes and source, built
 * with `textContent` only.
 */
import type { LayoutItem, Member, Status } from '../../layouts/schema.ts';
import type { Theme } from '../style/themes.ts';
import type { Lang } from '../support/layer-set.ts';
import { STATUS_TEXT, shortTitle, t } from '../support/text.ts';
import { el } from './dom.ts';
import { fontFamily } from './legend.ts';

/** Item types in words. */
export const ITEM_TYPE_TEXT: Record<LayoutItem['type'], { zh: string; en: string }> = {
  'metro-circle': { zh: '都市圈', en: 'Metropolitan circle' },
  'hub-layout': { zh: '枢纽布局', en: 'Hub layout' },
  hub: { zh: '枢纽', en: 'Hub' },
  'eco-zone': { zh: '生态区', en: 'Ecological zone' },
  link: { zh: '联系', en: 'Link' },
  corridor: { zh: '走廊', en: 'Corridor' },
  'economic-zone': { zh: '经济区', en: 'Economic zone' },
  'city-role': { zh: '城市定位', en: 'City role' },
};

/** The lines of a tooltip. */
export interface TooltipContent {
  title: string;
  subtitle?: string;
  lines: { label?: string; text: string }[];
}

/**
 * What the tooltip of a feature says: the item's name and type, the member (when the feature draws one),
 * the feature's status, its note, and the item's source.
 *
 * @example
 * ```ts
 * const content = tooltipContent(item, properties, 'zh'); // title, lines, status
 * ```
 */
export function tooltipContent(
  item: LayoutItem,
  properties: Record<string, unknown>,
  lang: Lang,
  member?: Member,
): TooltipContent {
  const sep = lang === 'zh' ? '：' : ': ';
  const name = lang === 'en' && item.nameEn ? item.nameEn : item.name;
  const status = (properties.status as Status | undefined) ?? item.status;
  const lines: TooltipContent['lines'] = [];
  if (member) lines.push({ label: t('members', lang) + sep, text: member.name ?? member.code });
  const note = member?.statusNote ?? item.statusNote;
  lines.push({
    label: t('status', lang) + sep,
    text: `${STATUS_TEXT[status][lang]}${note ? ` (${note})` : ''}`,
  });
  if (typeof properties.note === 'string' && properties.note) lines.push({ text: properties.note });
  if (typeof properties.excludes === 'string') {
    lines.push({ text: `${lang === 'zh' ? '不含' : 'Excludes'}${sep}${properties.excludes}` });
  }
  const source = member?.source ?? item.source;
  if (source) lines.push({ label: t('source', lang) + sep, text: shortTitle(source.title, 60) });
  return { title: name, subtitle: ITEM_TYPE_TEXT[item.type][lang], lines };
}

/** A tooltip element that follows the pointer inside a map container. */
export class Tooltip {
  readonly element: HTMLDivElement;

  constructor(container: HTMLElement, theme: Theme) {
    const p = theme.panel;
    this.element = el('div', {
      position: 'absolute',
      zIndex: '3',
      pointerEvents: 'none',
      display: 'none',
      maxWidth: '280px',
      background: p.background,
      color: p.text,
      border: `1px solid ${p.border}`,
      boxShadow: p.shadow,
      borderRadius: '4px',
      padding: '6px 8px',
      fontFamily: fontFamily(theme.font),
      fontSize: '12px',
      lineHeight: '1.4',
    });
    this.element.className = 'quyu-tooltip';
    this.element.setAttribute('role', 'tooltip');
    this.#muted = p.muted;
    container.append(this.element);
  }

  #muted: string;

  /** Shows `content` near the pixel `point` of the container. */
  show(point: { x: number; y: number }, content: TooltipContent): void {
    const e = this.element;
    e.replaceChildren(el('div', { fontWeight: '700', fontSize: '13px' }, content.title));
    if (content.subtitle) e.append(el('div', { color: this.#muted, fontSize: '11px' }, content.subtitle));
    for (const line of content.lines) {
      const row = el('div', { marginTop: '2px' });
      if (line.label) row.append(el('span', { color: this.#muted }, line.label));
      row.append(el('span', {}, line.text));
      e.append(row);
    }
    e.style.display = 'block';
    const parent = e.parentElement;
    const w = e.offsetWidth;
    const h = e.offsetHeight;
    const maxX = (parent?.clientWidth ?? Infinity) - w - 4;
    const maxY = (parent?.clientHeight ?? Infinity) - h - 4;
    e.style.left = `${Math.max(4, Math.min(point.x + 14, maxX))}px`;
    e.style.top = `${Math.max(4, Math.min(point.y + 14, maxY))}px`;
  }

  hide(): void {
    this.element.style.display = 'none';
  }

  remove(): void {
    this.element.remove();
  }
}
