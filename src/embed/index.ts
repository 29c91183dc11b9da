/**
 * quyu's embed kit: the declarative map spec and its JSON Schema, `<quyu-map>`, the embed runtime, PNG
 * export and generated text descriptions.
 */
export { describeItem, describeLayout, type Lang, LINK_KIND_NAMES } from './describe.ts';
export { defineQuyuMap, type QuyuMapElement } from './element.ts';
export { type ExportOptions, exportPng } from './export.ts';
export { exportSvg, type SvgExportOptions } from './export-svg.ts';
export {
  type Camera,
  cameraFor,
  type FirstPaint,
  type PaintFirstOptions,
  paintFirst,
  regionProvince,
  type StyleSvgOptions,
  styleSvg,
} from './first-paint.ts';
export { BUILTIN_LAYOUTS, resolveLayouts } from './layouts.ts';
export { type Embed, type EmbedDeps, postHeight, renderEmbed } from './render.ts';
export {
  BUILTIN_LAYOUT_IDS,
  type BuiltinLayoutId,
  ChoroplethSpecSchema,
  decodeSpec,
  encodeSpec,
  ITEM_TYPES,
  type MapSpec,
  type MapSpecInput,
  MapSpecSchema,
  mapSpecJsonSchema,
  parseMapSpec,
} from './spec.ts';
