/**
 * The "来源与说明 / Sources and notes" panel of the gallery pages: the text description of what the map
 * shows, every source cited by the drawn items (links only for http(s) URLs), and what the status styles
 * mean. A MapLibre control, collapsed by default. All text goes in as text.
 */
import type { ControlPosition, IControl } from 'maplibre-gl';
import type { Layout, LayoutItem, Source } from 'quyu';
import { citeSource, STATUS_WORDS } from 'quyu';
import { describeLayout } from 'quyu/embed';

const T = {
  title: { zh: '来源与说明', en: 'Sources and notes' },
  description: { zh: '地图内容', en: 'What the map shows' },
  sources: { zh: '资料来源', en: 'Sources' },
  status: { zh: '信息状态的画法', en: 'How the status of a fact is drawn' },
  strong: {
    zh: '实线、实色：已核实或据原文',
    en: 'Solid lines and full colour: verified, or as in the source text',
  },
  weak: {
    zh: '虚线、浅色、空心或“?”：推断或待核实，请勿当作定论',
    en: 'Dashed, lighter, hollow or marked "?": inferred or uncertain, not to be taken as fact',
  },
  review: {
    zh: '示意图，边界数据无审图号，不可用于在中国境内公开出版。',
    en: 'Schematic map: the boundary data carries no map review number (审图号).',
  },
} as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function sourcesOf(items: LayoutItem[]): Source[] {
  const seen = new Map<string, Source>();
  for (const item of items) {
    for (const s of [item.source, ...(item.seeAlso ?? [])]) {
      if (s && !seen.has(s.id ?? s.title)) seen.set(s.id ?? s.title, s);
    }
  }
  return [...seen.values()];
}

/** The panel control. */
export class InfoPanel implements IControl {
  #container?: HTMLElement;
  constructor(
    private readonly layout: Layout,
    private readonly items: LayoutItem[],
    private readonly lang: 'zh' | 'en',
  ) {}

  getDefaultPosition(): ControlPosition {
    return 'top-right';
  }

  onAdd(): HTMLElement {
    const { lang } = this;
    const details = el('details', undefined, 'maplibregl-ctrl info-panel');
    details.append(el('summary', T.title[lang]));
    const ids = this.items.map((i) => i.id);
    details.append(el('h3', T.description[lang]), el('p', describeLayout(this.layout, lang, { ids })));
    details.append(el('h3', T.sources[lang]));
    const list = el('ol');
    for (const s of sourcesOf(this.items)) {
      const li = el('li');
      const text = citeSource(s);
      if (s.url && /^https?:\/\//i.test(s.url)) {
        const a = el('a', text);
        a.href = s.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        li.append(a);
      } else li.textContent = text;
      list.append(li);
    }
    details.append(list);
    details.append(el('h3', T.status[lang]));
    const status = el('ul');
    status.append(el('li', T.strong[lang]), el('li', T.weak[lang]));
    const words = (['verified', 'from-source-text', 'inferred', 'uncertain'] as const)
      .map((s) => STATUS_WORDS[s][lang])
      .join(' · ');
    status.append(el('li', words));
    details.append(status, el('p', T.review[lang], 'info-review'));
    this.#container = details;
    return details;
  }

  onRemove(): void {
    this.#container?.remove();
  }
}
