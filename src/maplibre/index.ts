/**
 * `quyu/maplibre`: quyu's rendering for MapLibre GL JS (a peer dependency, imported for types only).
 *
 * - `baseStyle`: an offline base map from the atlas;
 * - pure builders (`metroCircleLayers`, `hubLayers`, `linkLayers`, `ecoZoneLayers`, `corridorLayers`,
 *   `economicZoneLayers`, `cityRoleLayers`, `choroplethLayers`, `layoutLayers`): sources, layers, images
 *   and legend sections, testable without a browser;
 * - verbs and controls: `addLayout` (returns a handle), `LegendControl`, `SouthChinaSeaInset`.
 */
export { addLayerSet, firstSymbolLayer, removeLayerSet, styleWithLayerSet } from './add-layer-set.ts';
export {
  type AddLayoutOptions,
  addLayout,
  type LayoutHandle,
  type LayoutPointerEvent,
} from './add-layout.ts';
export { BASE_SOURCES, type BaseAtlas, type BaseStyleOptions, baseStyle } from './base-style.ts';
export {
  type ChoroplethLayerSet,
  type ChoroplethOptions,
  type ChoroplethScale,
  type ChoroplethStop,
  choroplethLayers,
  rampColors,
} from './choropleth.ts';
export { type CityRoleOptions, cityRoleLayers } from './city-role.ts';
export {
  CORRIDOR_DASHES,
  CORRIDOR_KIND_TEXT,
  CORRIDOR_KINDS,
  type CorridorOptions,
  corridorLayers,
} from './corridor.ts';
export { type CountyFallbackLayersOptions, countyFallbackLayers } from './county-fallback.ts';
export { convertLayerSet, type OverlayCrs, toCrs } from './crs.ts';
export { ECO_KIND_TEXT, ECO_PATTERNS, type EcoZoneOptions, ecoZoneLayers } from './eco-zone.ts';
export {
  ECONOMIC_ZONE_CATEGORY_TEXT,
  type EconomicZoneOptions,
  economicZoneLayers,
} from './economic-zone.ts';
export { HUB_KIND_TEXT, HUB_SYMBOLS, type HubOptions, type HubTier, hubLayers } from './hub.ts';
export {
  type InsetAtlas,
  type InsetDrawing,
  type InsetOptions,
  type InsetPath,
  SouthChinaSeaInset,
  southChinaSeaInset,
} from './inset.ts';
export { shortName } from './label-text.ts';
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
} from './layer-set.ts';
export { mergeLayerSets } from './layer-set.ts';
export { type ItemSelection, type LayoutLayersOptions, layoutLayers, selectItems } from './layout-layers.ts';
export { LegendControl, type LegendOptions } from './legend.ts';
export {
  LINK_ARROWS,
  LINK_DASHES,
  LINK_KIND_TEXT,
  LINK_KINDS,
  type LinkOptions,
  linkLayers,
} from './link.ts';
export { type MetroCircleOptions, metroCircleLayers } from './metro-circle.ts';
export { arrowImage, type PatternKind, patternImage, type RgbaImage, symbolImage } from './patterns.ts';
export { STATUS_TEXT } from './text.ts';
export { dark, light, print, type Theme, type ThemeName, themes } from './themes.ts';
export { ITEM_TYPE_TEXT, type TooltipContent, tooltipContent } from './tooltip.ts';
