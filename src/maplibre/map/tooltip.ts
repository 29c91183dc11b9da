/**
 * Tooltips of overlay features: name, kind, status (with the original wording), notes and source, built
 * with `textContent` only.
 */
import type { LayoutItem, Member, Status } from '../../layouts/schema.ts';
import { ITEM_TYPE_WORDS, itemName, labelled, STATUS_WORDS } from '../../text/index.ts';
import type { Theme } from '../style/themes.ts';
import type { Lang } from '../support/layer-set.ts';
import { shortTitle, t } from '../support/text.ts';
import { el } from './dom.ts';
import { fontFamily } from './legend.ts';

/** Item types in words (alias of `ITEM_TYPE_WORDS` of quyu's word table). */
export const ITEM_TYPE_TEXT = ITEM_TYPE_WORDS;

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
  const status = (properties.status as Status | undefined) ?? item.status;
  const lines: TooltipContent['lines'] = [];
  if (member) lines.push({ label: labelled(t('members', lang), lang), text: member.name ?? member.code });
  const note = member?.statusNote ?? item.statusNote;
  lines.push({
    label: labelled(t('status', lang), lang),
    text: `${STATUS_WORDS[status][lang]}${note ? ` (${note})` : ''}`,
  });
  if (typeof properties.note === 'string' && properties.note) lines.push({ text: properties.note });
  if (typeof properties.excludes === 'string') {
    lines.push({ text: `${labelled(t('excludes', lang), lang)}${properties.excludes}` });
  }
  const source = member?.source ?? item.source;
  if (source) lines.push({ label: labelled(t('source', lang), lang), text: shortTitle(source.title, 60) });
  return { title: itemName(item, lang), subtitle: ITEM_TYPE_WORDS[item.type][lang], lines };
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
