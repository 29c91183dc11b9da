/**
 * quyu's embed kit: the declarative map spec and its JSON Schema, `<quyu-map>`, the embed runtime, the
 * figure model (data, framing, one legend, description), PNG and SVG export, and the single-file figure.
 */
export {
  type ChoroplethDescription,
  describeChoropleth,
  describeItem,
  describeLayout,
  type Lang,
  LINK_KIND_NAMES,
} from './describe.ts';
export { defineQuyuMap, type QuyuMapElement } from './element.ts';
export { type ExportOptions, exportPng } from './export.ts';
export {
  exportSvg,
  type SvgDocumentOptions,
  type SvgExportOptions,
  type SvgLabel,
  sourceLine,
  svgDocument,
} from './export-svg.ts';
export {
  describeFigure,
  type FigureAtlas,
  type FigureData,
  figureData,
  figureLegend,
  siblingUnits,
} from './figure.ts';
export {
  type Camera,
  cameraFor,
  type FirstPaint,
  type HandOverMap,
  type Padding,
  type PaintFirstOptions,
  paintFirst,
  regionProvince,
  type StyleSvgOptions,
  styleSvg,
  viewBounds,
} from './first-paint.ts';
export {
  BASE_MAP_EXTENT,
  type Bounds,
  type Frame,
  frameOf,
  frameOfCodes,
  homeRegion,
  NATIONAL_FRAME,
  unitExtent,
} from './framing.ts';
export { FIGURE_SPEC_ID, type FigureHtmlOptions, figureHtml, MAX_STATIC_SVG } from './html.ts';
export { BUILTIN_LAYOUTS, resolveLayouts } from './layouts.ts';
export { type Embed, type EmbedDeps, postHeight, renderEmbed } from './render.ts';
export {
  BUILTIN_LAYOUT_IDS,
  type BuiltinLayoutId,
  type ChoroplethSpec,
  ChoroplethSpecSchema,
  decodeSpec,
  encodeSpec,
  ITEM_TYPES,
  type MapSpec,
  type MapSpecInput,
  MapSpecSchema,
  parseMapSpec,
  type ResolvedChoroplethValues,
  resolveChoroplethValues,
  TEXT_LIMITS,
} from './spec.ts';
export { mapSpecJsonSchema } from './spec-json-schema.ts';
