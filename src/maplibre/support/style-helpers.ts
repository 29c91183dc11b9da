/**
 * Small pieces of layer styling shared by the builders: status styling, dash classes, label colours and
 * the status section of the legend.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Theme } from '../style/themes.ts';
import type { Lang, LegendEntry, LegendSection } from './layer-set.ts';
import { parseColor, shade } from './patterns.ts';
import { t } from './text.ts';

/** Dash of weak-status outlines and lines, in line widths. */
export const WEAK_DASH = [2.2, 1.6];
/** Dash of partial-member outlines. */
export const PARTIAL_DASH = [1, 1.6];

/** `strong` for verified or from-source-text features, `weak` for inferred or uncertain ones. */
export function byStatus<T>(strong: T, weak: T): ExpressionSpecification {
  return ['case', ['==', ['get', 'weak'], true], weak as never, strong as never] as ExpressionSpecification;
}

/** Whether a theme draws light on dark (its land is dark). */
export function isDarkTheme(theme: Theme): boolean {
  const [r, g, b] = parseColor(theme.land);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
}

/** A text colour that reads on the theme's land for an overlay drawn in `color`. */
export function labelColor(theme: Theme, color: string): string {
  return isDarkTheme(theme) ? shade(color, -0.45) : shade(color, 0.45);
}

/** An outline colour for an area filled with `color`. */
export function outlineColor(theme: Theme, color: string): string {
  return isDarkTheme(theme) ? shade(color, -0.2) : shade(color, 0.2);
}

/**
 * One line layer per dash class present in `dashes`, each filtered on the feature's `dash` property
 * (`solid` draws without a dash). Splitting by filter keeps the styles valid on every MapLibre version
 * quyu supports, whatever its support for data-driven `line-dasharray`.
 */
export function dashedLineLayers(
  base: Extract<LayerSpecification, { type: 'line' }>,
  dashes: Record<string, number[] | null>,
  present: Iterable<string>,
): LayerSpecification[] {
  const keys = [...new Set(present)].filter((k) => k in dashes).sort();
  return keys.map((key) => {
    const dash = dashes[key];
    const filter: FilterSpecification = base.filter
      ? ['all', base.filter as ExpressionSpecification, ['==', ['get', 'dash'], key]]
      : ['==', ['get', 'dash'], key];
    return {
      ...base,
      id: `${base.id}-${key}`,
      filter,
      paint: { ...base.paint, ...(dash ? { 'line-dasharray': dash } : {}) },
    } as LayerSpecification;
  });
}

/**
 * The legend section that explains status styling: areas (dashed, lighter) and, with `lines`, lines and
 * points (lighter, marked "?").
 */
export function statusLegend(
  theme: Theme,
  lang: Lang,
  kinds: { areas?: boolean; lines?: boolean; points?: boolean } = {},
): LegendSection {
  const { areas = true, lines = false, points = false } = kinds;
  const color = theme.neutral;
  const entries: LegendSection['entries'] = [
    {
      label: t('statusStrong', lang),
      swatch: areas
        ? { kind: 'fill', color, opacity: 0.35, outline: color }
        : lines
          ? { kind: 'line', color, width: 2 }
          : { kind: 'ring', color, filled: true, radius: 4 },
    },
  ];
  if (areas) {
    entries.push({
      label: t('statusWeak', lang),
      swatch: { kind: 'fill', color, opacity: 0.15, outline: color, dash: WEAK_DASH },
    });
  }
  if (lines) {
    entries.push({
      label: t('statusWeakLine', lang),
      swatch: { kind: 'line', color, width: 2, opacity: 0.45 },
    });
  }
  if (points) {
    entries.push({
      label: t('statusWeakPoint', lang),
      swatch: { kind: 'ring', color, filled: true, radius: 4, opacity: 0.45 },
    });
  }
  return { key: 'status', title: t('statusTitle', lang), entries };
}

/**
 * The legend line that explains hatching: "部分纳入（斜线）/ Partly included (hatched)".
 *
 * @example
 * ```ts
 * legend.push({ key: 'key', title: '', entries: [partialKey(theme, 'zh')] });
 * ```
 */
export function partialKey(theme: Theme, lang: Lang): LegendEntry {
  return {
    label: t('partial', lang),
    swatch: { kind: 'fill', color: theme.overlayText, opacity: 0, pattern: 'hatch', dash: PARTIAL_DASH },
  };
}

/** Text layout shared by overlay labels. */
export function labelLayout(theme: Theme, size: number, bold = true) {
  return {
    'text-field': ['get', 'label'] as ExpressionSpecification,
    'text-font': bold ? theme.fontBold : theme.font,
    'text-size': size,
    'text-max-width': 8,
    'text-padding': 2,
  };
}

/**
 * The "?" drawn on inferred or uncertain lines (links, corridors): a symbol layer over `source`'s point
 * features that pass `filter`, coloured by their `color` property.
 *
 * @example
 * ```ts
 * layers.push(queryMarkLayer(id('query'), id('marks'), ['==', ['get', 'mark'], 'query'], theme, '#fff'));
 * ```
 */
export function queryMarkLayer(
  id: string,
  source: string,
  filter: FilterSpecification,
  theme: Theme,
  halo: string,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    filter,
    layout: {
      'text-field': '?',
      'text-font': theme.fontBold,
      'text-size': 13,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': ['get', 'color'], 'text-halo-color': halo, 'text-halo-width': 2 },
  };
}
