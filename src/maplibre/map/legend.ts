/**
 * `LegendControl`: the legend of a layout as a MapLibre control — title, one section per item type with
 * swatches drawn like the layers, the meaning of the status styles, what could not be drawn, and the
 * sources. Built from DOM nodes with `textContent`; no data is ever parsed as HTML.
 */
import type { ControlPosition, IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { Source } from '../../layouts/schema.ts';
import { labelled } from '../../text/index.ts';
import type { Theme, ThemeName } from '../style/themes.ts';
import type { Lang, LegendSection } from '../support/layer-set.ts';
import { resolveTheme } from '../support/layer-set.ts';
import { shortTitle, t } from '../support/text.ts';
import { el, swatchSvg } from './dom.ts';

/** Defaults of {@link LegendOptions}, read by {@link LegendControl}. */
export const LEGEND_DEFAULTS = {
  maxSources: 3,
  position: 'top-left',
  maxWidth: 250,
  open: true,
  layout: 'control',
} as const;

/** Options of {@link LegendControl}. */
export interface LegendOptions {
  /** Title, e.g. the layout's title. */
  title?: string;
  /** A line under the title (e.g. a date or a unit). */
  subtitle?: string;
  sections: LegendSection[];
  /** Sources to cite under the legend (short titles; the full title shows on hover). */
  sources?: Source[];
  /**
   * How many sources to list before "and n more".
   * @default 3
   */
  maxSources?: number;
  theme?: ThemeName | Theme;
  lang?: Lang;
  /**
   * Default position when added without one.
   * @default 'top-left'
   */
  position?: ControlPosition;
  /**
   * Largest width in CSS pixels.
   * @default 250
   */
  maxWidth?: number;
  /**
   * Make the legend collapsible under this heading (a `<details>` element the reader can close), e.g.
   * `图例`. Default: not collapsible.
   */
  collapsible?: string;
  /**
   * Whether a collapsible legend starts open.
   * @default true
   */
  open?: boolean;
  /**
   * `'control'`: a box over the map with its own size limits (default); `'panel'`: no size limits of its
   * own, for a legend the page places and sizes with CSS (e.g. below the map at phone width).
   * @default 'control'
   */
  layout?: 'control' | 'panel';
}

/**
 * A legend as a MapLibre control.
 *
 * @example
 * ```ts
 * const set = layoutLayers(guangdong, { atlas });
 * map.addControl(new LegendControl({ title: guangdong.title, sections: set.legend }), 'top-left');
 * ```
 */
export class LegendControl implements IControl {
  #options: LegendOptions;
  #container: HTMLElement | undefined;

  constructor(options: LegendOptions) {
    this.#options = options;
  }

  /** The legend's root element (after `onAdd`). */
  get element(): HTMLElement | undefined {
    return this.#container;
  }

  getDefaultPosition(): ControlPosition {
    return this.#options.position ?? LEGEND_DEFAULTS.position;
  }

  onAdd(_map: MapLibreMap): HTMLElement {
    this.#container = el('div');
    this.#container.className = 'maplibregl-ctrl quyu-legend';
    this.#render();
    return this.#container;
  }

  onRemove(): void {
    this.#container?.remove();
    this.#container = undefined;
  }

  /** Replaces some options and redraws. */
  update(options: Partial<LegendOptions>): void {
    this.#options = { ...this.#options, ...options };
    this.#render();
  }

  /** Shows or hides the legend. */
  setVisible(visible: boolean): void {
    if (this.#container) this.#container.style.display = visible ? '' : 'none';
  }

  #render(): void {
    const root = this.#container;
    if (!root) return;
    const o = this.#options;
    const theme = resolveTheme(o.theme);
    const lang = o.lang ?? 'zh';
    const p = theme.panel;
    const halo = theme.iconHalo;
    root.replaceChildren();
    const panel = (o.layout ?? LEGEND_DEFAULTS.layout) === 'panel';
    Object.assign(root.style, {
      background: p.background,
      color: p.text,
      border: `1px solid ${p.border}`,
      boxShadow: panel ? 'none' : p.shadow,
      borderRadius: '4px',
      padding: '8px 10px 7px',
      fontFamily: fontFamily(theme.font),
      fontSize: '12px',
      lineHeight: '1.35',
      pointerEvents: 'auto',
      ...(panel
        ? {}
        : {
            maxWidth: `${o.maxWidth ?? LEGEND_DEFAULTS.maxWidth}px`,
            maxHeight: 'calc(100vh - 40px)',
            overflowY: 'auto',
          }),
    });
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', o.title ?? o.collapsible ?? t('legend', lang));
    // Collapsible: the content goes in a <details> the reader can close; its <summary> names it.
    let body: HTMLElement = root;
    if (o.collapsible) {
      const details = el('details');
      details.className = 'quyu-legend-details';
      details.open = o.open ?? LEGEND_DEFAULTS.open;
      const summary = el('summary', {
        cursor: 'pointer',
        fontWeight: '700',
        color: p.muted,
        fontSize: '11px',
      });
      summary.textContent = o.collapsible;
      details.append(summary);
      root.append(details);
      body = details;
    }
    if (o.title) body.append(bidiBlock(el('div', { fontWeight: '700', fontSize: '14px' }, o.title)));
    if (o.subtitle) body.append(bidiBlock(el('div', { color: p.muted, fontSize: '11px' }, o.subtitle)));
    for (const section of o.sections) {
      if (!section.entries.length) continue;
      const box = el('div', { marginTop: '7px' });
      box.className = 'quyu-legend-section';
      if (section.title) {
        box.append(
          bidiBlock(
            el(
              'div',
              { color: p.muted, fontSize: '11px', marginBottom: '3px', fontWeight: '700' },
              section.title,
            ),
          ),
        );
      }
      for (const entry of section.entries) {
        const row = el('div', { display: 'flex', alignItems: 'center', gap: '7px', margin: '2px 0' });
        if (entry.swatch) row.append(swatchSvg(entry.swatch, halo));
        else row.append(el('span', { display: 'inline-block', width: '6px', flex: 'none' }));
        const text = el('div', { minWidth: '0' });
        // <bdi>: a label written right to left (or carrying a bidi override) cannot reorder the note after it.
        text.append(el('bdi', {}, entry.label));
        if (entry.note)
          text.append(el('bdi', { color: p.muted, fontSize: '11px', marginLeft: '5px' }, entry.note));
        row.append(text);
        box.append(row);
      }
      body.append(box);
    }
    const sources = dedupeSources(o.sources ?? []);
    if (sources.length) {
      const max = o.maxSources ?? LEGEND_DEFAULTS.maxSources;
      const foot = el('div', {
        marginTop: '7px',
        paddingTop: '5px',
        borderTop: `1px solid ${p.border}`,
        color: p.muted,
        fontSize: '10.5px',
      });
      foot.append(el('span', { fontWeight: '700' }, labelled(t('sources', lang), lang)));
      sources.slice(0, max).forEach((s, i) => {
        if (i) foot.append(lang === 'zh' ? '；' : '; ');
        const span = el('bdi', {}, shortTitle(s.title));
        span.title = s.title;
        foot.append(span);
      });
      if (sources.length > max) {
        foot.append(
          el(
            'span',
            {},
            lang === 'zh'
              ? `${t('more', lang)} ${sources.length} 项`
              : `; ${sources.length - max} ${t('more', lang)}`,
          ),
        );
      }
      body.append(foot);
    }
  }
}

/** A block of user text that sets its own direction from its first strong character. */
function bidiBlock<E extends HTMLElement>(node: E): E {
  node.dir = 'auto';
  return node;
}

/** A CSS font-family list from a MapLibre `text-font` stack. */
export function fontFamily(stack: string[]): string {
  return stack
    .map((f) => (/^(serif|sans-serif|monospace|system-ui)$/.test(f) ? f : `"${f.replace(/"/g, '')}"`))
    .join(', ');
}

function dedupeSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = s.id ?? s.title;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
