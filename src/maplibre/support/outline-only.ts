/**
 * Areas drawn over data: a layer set whose area fills (and hatch patterns) are taken out, leaving their
 * outlines, lines, points and labels, so that a layout drawn over a choropleth never hides the data under
 * it. The legend follows: area swatches become outlines.
 */
import type { LayerSet, LegendSection, LegendSwatch } from './layer-set.ts';
import { STACK_KEY } from './stack.ts';

/**
 * `set` without the fills of its `area` layers, and with hollow area swatches in its legend.
 *
 * @example
 * ```ts
 * const circles = outlineOnly(layoutLayers(guangdong, { atlas, items: (i) => i.type === 'metro-circle' }));
 * circles.layers.some((l) => l.type === 'fill'); // false
 * ```
 */
export function outlineOnly(set: LayerSet): LayerSet {
  const layers = set.layers.filter(
    (l) =>
      !(l.type === 'fill' && (l.metadata as Record<string, unknown> | undefined)?.[STACK_KEY] === 'area'),
  );
  const legend: LegendSection[] = set.legend.map((s) => ({
    ...s,
    entries: s.entries.map((e) => (e.swatch?.kind === 'fill' ? { ...e, swatch: hollow(e.swatch) } : e)),
  }));
  return { ...set, layers, legend };
}

/** A fill swatch as its outline only. */
function hollow(swatch: Extract<LegendSwatch, { kind: 'fill' }>): LegendSwatch {
  const out: Extract<LegendSwatch, { kind: 'fill' }> = {
    kind: 'fill',
    color: swatch.color,
    opacity: 0,
    outline: swatch.outline ?? swatch.color,
  };
  if (swatch.dash) out.dash = swatch.dash;
  if (swatch.strong) out.strong = swatch.strong;
  return out;
}
