/**
 * One model of a figure, read by every output: the screen (embed runtime), the PNG and the SVG. It holds
 * the data layers (choropleths resolved through the gazetteer and classed), the one legend, and the text
 * description, so the outputs cannot disagree.
 *
 * ```
 *  spec ─▶ figureData (gazetteer → values by code → classes, "no data") ─┐
 *  layouts ─▶ layer sets (outline-only over data) ───────────────────────┼─▶ figureLegend ─▶ screen · PNG · SVG
 *                                                                         └─▶ describeFigure ─▶ description, alt text
 * ```
 */
import { childrenOf, lookupCode } from '../codes/index.ts';
import type { Layout } from '../layouts/schema.ts';
import { type ChoroplethLayerSet, choroplethLayers } from '../maplibre/builders/choropleth.ts';
import {
  type LayerAtlas,
  type LayerSet,
  type LegendSection,
  mergeLegends,
} from '../maplibre/support/layer-set.ts';
import { type Lang, uiWord } from '../text/index.ts';
import { describeChoropleth, describeLayout } from './describe.ts';
import {
  type ChoroplethSpec,
  type MapSpec,
  type ResolvedChoroplethValues,
  resolveChoroplethValues,
} from './spec.ts';

/** One data layer of a figure, resolved and classed. */
export interface FigureData {
  layer: ChoroplethSpec;
  /** What the gazetteer did with every key of `layer.values` (matched, ambiguous, unmatched rows). */
  resolved: ResolvedChoroplethValues;
  /** Units drawn as "no data": those with `null`, and (by `noData: 'siblings'`) the rest of their level. */
  noData: string[];
  set: ChoroplethLayerSet;
}

/** The atlas a figure's data needs: the builders' view plus its province list. */
export interface FigureAtlas extends LayerAtlas {
  provinces(): { id: string }[];
}

/**
 * The other units of the same level under the same parents as `codes` (provinces: all provinces): the
 * units a figure's data could have covered, so those without a value are shown as "no data".
 *
 * @example
 * ```ts
 * siblingUnits(['440100', '440300'], atlas).length; // 21: Guangdong's prefecture-level units
 * ```
 */
export function siblingUnits(codes: readonly string[], atlas: FigureAtlas): string[] {
  const out = new Set<string>();
  const parents = new Set<string | null>();
  for (const c of codes) parents.add(lookupCode(c)?.parent ?? null);
  for (const p of parents) {
    let list: string[];
    try {
      list = p === null ? atlas.provinces().map((f) => f.id) : childrenOf(p);
    } catch {
      list = []; // county names not loaded: no siblings rather than an error
    }
    for (const c of list) if (atlas.has(c)) out.add(c);
  }
  return [...out];
}

/**
 * The spec's data layers: keys resolved by the gazetteer (names or codes), units without data found, and
 * each layer classed and coloured ({@link choroplethLayers}).
 *
 * @example
 * ```ts
 * const [gdp] = figureData(parseMapSpec({ layers: [{ type: 'choropleth', values: { 广州: 30355.73, 深圳市: 34606.4 } }] }), atlas);
 * gdp.resolved.matches.counts.matched; // 2
 * gdp.noData.length; // 19: Guangdong's other prefecture-level units
 * ```
 */
export function figureData(
  spec: Pick<MapSpec, 'layers' | 'theme' | 'lang'>,
  atlas: FigureAtlas,
): FigureData[] {
  return spec.layers.map((layer, i) => {
    const resolved = resolveChoroplethValues(layer.values, layer.within ? { within: layer.within } : {});
    const codes = Object.keys(resolved.values);
    const noData = [
      ...codes.filter((c) => resolved.values[c] === null),
      ...(layer.noData === 'siblings'
        ? siblingUnits(codes, atlas).filter((c) => !Object.hasOwn(resolved.values, c))
        : []),
    ];
    const set = choroplethLayers(resolved.values, {
      atlas,
      theme: spec.theme,
      lang: spec.lang,
      scale: layer.scale,
      classes: layer.classes,
      ...(layer.thresholds ? { thresholds: layer.thresholds } : {}),
      ...(layer.palette ? { palette: layer.palette } : {}),
      ...(layer.label ? { title: layer.label } : {}),
      name: `choropleth-${i}`,
      noData,
    });
    if (resolved.note) {
      set.legend.push({
        key: `choropleth-${i}-unmatched`,
        title: uiWord('unmatchedRows', spec.lang),
        entries: [{ label: resolved.note[spec.lang] }],
      });
    }
    return { layer, resolved, noData, set };
  });
}

/**
 * The figure's one legend: the data's classes first, then the overlays' sections, the status key and what
 * was not drawn ({@link mergeLegends}). A section title that repeats the figure's title or subtitle, or an
 * earlier section's title, is dropped (the figure says it once).
 *
 * @example
 * ```ts
 * const data = figureData(spec, atlas);
 * figureLegend(spec, data, handles.map((h) => h.layerSet)).map((s) => s.title);
 * ```
 */
export function figureLegend(
  spec: Pick<MapSpec, 'title' | 'subtitle' | 'legend'>,
  data: readonly Pick<FigureData, 'set'>[],
  overlays: readonly Pick<LayerSet, 'legend'>[],
): LegendSection[] {
  if (!spec.legend) return [];
  const merged = mergeLegends([...data.map((d) => d.set.legend), ...overlays.map((o) => o.legend)]);
  const said = new Set([spec.title, spec.subtitle].filter(Boolean).map((t) => norm(t!)));
  return merged
    .filter((s) => s.entries.length)
    .map((s) => {
      const key = norm(s.title);
      if (!key || said.has(key)) return { ...s, title: '' };
      said.add(key);
      return s;
    });
}

const norm = (t: string) => t.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

/**
 * The figure's text description: the data first (what is shown, range, highest units, classes, units
 * without data), then each layout's items.
 *
 * @example
 * ```ts
 * const layouts = await resolveLayouts(spec);
 * describeFigure(spec, figureData(spec, atlas), layouts); // 'GDP（亿元）：21 个单位有数据，从云浮市的 … 广东区域协调发展布局。…'
 * ```
 */
export function describeFigure(
  spec: Pick<MapSpec, 'lang' | 'show'>,
  data: readonly FigureData[],
  layouts: readonly Layout[],
): string {
  const lang: Lang = spec.lang;
  const parts = [
    ...data.map((d) =>
      describeChoropleth(
        {
          values: d.resolved.values,
          ...(d.layer.label ? { label: d.layer.label } : {}),
          classes: d.set.stops.length,
          noData: d.noData,
        },
        lang,
        d.layer.scale,
      ),
    ),
    ...layouts.map((l) => describeLayout(l, lang, { types: spec.show?.types, ids: spec.show?.ids })),
  ];
  return parts.join(lang === 'zh' ? '' : ' ');
}
