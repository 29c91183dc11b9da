/**
 * `quyu/maplibre`: quyu's rendering for MapLibre GL JS (a peer dependency, imported for types only).
 *
 * - `baseStyle`: an offline base map from the atlas;
 * - pure builders (`builders/`: `metroCircleLayers`, `hubLayoutLayers`, `hubLayers`, `linkLayers`,
 *   `ecoZoneLayers`, `corridorLayers`, `economicZoneLayers`, `cityRoleLayers`, `choroplethLayers`,
 *   `countyFallbackLayers`, `layoutLayers`): sources, layers, images and legend sections, testable without a
 *   browser, all on one skeleton (`support/assemble.ts`) with one `…_DEFAULTS` object per options type;
 * - verbs and controls (`map/`): `addLayout` (returns a handle; layouts on one map share one legend),
 *   `addLayerSet`, `LegendControl`, `SouthChinaSeaInset`.
 */

export {
  CHOROPLETH_DEFAULTS,
  type ChoroplethLayerSet,
  type ChoroplethOptions,
  type ChoroplethScale,
  type ChoroplethStop,
  choroplethLayers,
  classBreaks,
  formatValue,
  rampColors,
} from './builders/choropleth.ts';
export { CITY_ROLE_DEFAULTS, type CityRoleOptions, cityRoleLayers } from './builders/city-role.ts';
export {
  CORRIDOR_DASHES,
  CORRIDOR_DEFAULTS,
  CORRIDOR_KIND_TEXT,
  CORRIDOR_KINDS,
  type CorridorOptions,
  corridorLayers,
} from './builders/corridor.ts';
export {
  type CountyFallbackLayersOptions,
  countyFallbackLayers,
  layoutLookup,
} from './builders/county-fallback.ts';
export { ECO_KIND_TEXT, ECO_PATTERNS, type EcoZoneOptions, ecoZoneLayers } from './builders/eco-zone.ts';
export {
  ECONOMIC_ZONE_CATEGORY_TEXT,
  ECONOMIC_ZONE_DEFAULTS,
  type EconomicZoneOptions,
  economicZoneLayers,
} from './builders/economic-zone.ts';
export { HUB_KIND_TEXT, HUB_SYMBOLS, type HubOptions, type HubTier, hubLayers } from './builders/hub.ts';
export { HUB_LAYOUT_DEFAULTS, type HubLayoutOptions, hubLayoutLayers } from './builders/hub-layout.ts';
export {
  type ItemSelection,
  LAYOUT_LAYERS_DEFAULTS,
  type LayoutLayersOptions,
  layoutLayers,
  selectItems,
} from './builders/layout-layers.ts';
export {
  LINK_ARROWS,
  LINK_DASHES,
  LINK_DEFAULTS,
  LINK_KIND_TEXT,
  LINK_KINDS,
  type LinkOptions,
  linkLayers,
} from './builders/link.ts';
export {
  METRO_CIRCLE_DEFAULTS,
  type MetroCircleOptions,
  metroCircleLayers,
} from './builders/metro-circle.ts';
export {
  PALETTE_IDS,
  PALETTES,
  type Palette,
  type PaletteId,
  type PaletteKind,
  paletteColors,
} from './builders/palettes.ts';
export { addLayerSet, firstSymbolLayer, removeLayerSet, styleWithLayerSet } from './map/add-layer-set.ts';
export {
  ADD_LAYOUT_DEFAULTS,
  type AddLayoutOptions,
  addLayout,
  joinLegend,
  type LayoutHandle,
  type LayoutPointerEvent,
} from './map/add-layout.ts';
export {
  type InsetAtlas,
  type InsetDrawing,
  type InsetOptions,
  type InsetPath,
  SouthChinaSeaInset,
  southChinaSeaInset,
} from './map/inset.ts';
export { LEGEND_DEFAULTS, LegendControl, type LegendOptions } from './map/legend.ts';
export { ITEM_TYPE_TEXT, type TooltipContent, tooltipContent } from './map/tooltip.ts';
export {
  BASE_LABELS_KEY,
  BASE_SOURCES,
  type BaseAtlas,
  type BaseStyleOptions,
  baseStyle,
  type LabelledMap,
  omitBaseLabels,
} from './style/base-style.ts';
export { convertLayerSet, type OverlayCrs, toCrs } from './style/crs.ts';
export { type Box, clipToBox, type FigureScope, type Focus, figureScope, growBox } from './style/scope.ts';
export { dark, light, print, type Theme, type ThemeName, themes } from './style/themes.ts';
export { shortName } from './support/label-text.ts';
export type {
  BuilderOptions,
  Lang,
  LayerAtlas,
  LayerSet,
  LegendEntry,
  LegendSection,
  LegendSwatch,
  OverlayProperties,
  ShapeName,
} from './support/layer-set.ts';
export { BUILDER_DEFAULTS, mergeLayerSets, mergeLegends } from './support/layer-set.ts';
export { outlineOnly } from './support/outline-only.ts';
export {
  arrowImage,
  type PatternKind,
  patternImage,
  type RgbaImage,
  symbolImage,
} from './support/patterns.ts';
export { STACK, type Stack, sortByStack, stacked } from './support/stack.ts';
export { STATUS_TEXT } from './support/text.ts';
export { dedupeUnitLabels } from './support/unit-labels.ts';
