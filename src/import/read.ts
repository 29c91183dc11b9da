/**
 * Reading the input: GeoJSON (FeatureCollection or Feature), TopoJSON, and DataV GeoAtlas files (GeoJSON
 * whose features carry `adcode`). Every feature becomes a {@link RawFeature}: its code as written, its name,
 * its polygons with every ring closed. Structural problems are errors naming the feature and the field.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { readPolygonCoordinates } from '../geo/polygons.ts';
import type { Issues } from './issues.ts';

/** One input feature, before codes are checked and coordinates converted. */
export interface RawFeature {
  /** Where it is in the input, e.g. `features[3]` or `objects.counties.geometries[3]`. */
  path: string;
  /** The code as a 6-digit string when it looks like one; otherwise the text found (checked later); null when absent. */
  code: string | null;
  /** Path of the field the code was read from. */
  codePath: string;
  /** The value as written. */
  codeValue: unknown;
  name: string | null;
  /** MultiPolygon coordinates in the input's coordinate system, every ring closed. */
  polygons: Position[][][];
}

export interface ReadResult {
  format: 'geojson' | 'topojson' | 'datav';
  features: RawFeature[];
  ringsClosed: number;
}

export interface ReadOptions {
  codeField?: string;
  object?: string;
}

/** Property names tried for the code, in order, when no `codeField` is given (after the feature id). */
const CODE_FIELDS = ['adcode', 'code', 'gb', 'ADCODE', 'CODE', 'GB', 'id'];
const NAME_FIELDS = ['name', 'NAME', 'Name', '名称'];

/**
 * A code as a string: numbers as digits, `156510703` (country prefix 156) and 12-digit statistical codes
 * (`510703000000`) cut to 6 digits. Other text is returned trimmed, for the error message.
 */
export function normaliseCode(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  let s = typeof value === 'number' ? String(Math.trunc(value)) : String(value).trim();
  if (/^156\d{6}$/.test(s)) s = s.slice(3);
  if (/^\d{12}$/.test(s) && s.endsWith('000000')) s = s.slice(0, 6);
  return s;
}

/** `a.b`, or `b` when `a` is empty. */
export function join(path: string, suffix: string): string {
  return path ? `${path}.${suffix}` : suffix;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTopology(v: Record<string, unknown>): v is Record<string, unknown> & Topology {
  return v.type === 'Topology';
}

function findCode(
  f: Feature,
  path: string,
  codeField: string | undefined,
): { code: string | null; codePath: string; codeValue: unknown } {
  const props = (f.properties ?? {}) as Record<string, unknown>;
  if (codeField) {
    const value =
      codeField === 'id' && f.id !== undefined
        ? f.id
        : Object.hasOwn(props, codeField)
          ? props[codeField]
          : undefined;
    const codePath =
      codeField === 'id' && f.id !== undefined ? join(path, 'id') : join(path, `properties.${codeField}`);
    return { code: normaliseCode(value), codePath, codeValue: value };
  }
  if (f.id !== undefined && f.id !== null && f.id !== '')
    return { code: normaliseCode(f.id), codePath: join(path, 'id'), codeValue: f.id };
  for (const k of CODE_FIELDS) {
    const value = props[k];
    if (value !== undefined && value !== null && value !== '')
      return { code: normaliseCode(value), codePath: join(path, `properties.${k}`), codeValue: value };
  }
  return { code: null, codePath: join(path, 'properties'), codeValue: f.properties ?? null };
}

function findName(f: Feature): string | null {
  const props = (f.properties ?? {}) as Record<string, unknown>;
  for (const k of NAME_FIELDS) if (typeof props[k] === 'string' && props[k]) return props[k] as string;
  return null;
}

/**
 * The features of a parsed GeoJSON or TopoJSON input. Structural errors (not GeoJSON, a feature without a
 * polygon, a coordinate that is not a number) are gathered in `issues`.
 */
export function readFeatures(input: unknown, issues: Issues, options: ReadOptions = {}): ReadResult {
  if (!isObject(input)) {
    issues.error(
      'invalid-input',
      '',
      typeof input,
      { zh: '输入不是 GeoJSON 或 TopoJSON 对象', en: 'The input is not a GeoJSON or TopoJSON object' },
      {
        zh: '请提供 FeatureCollection、Feature 或 Topology（JSON）',
        en: 'Provide a FeatureCollection, a Feature or a Topology (JSON)',
      },
    );
    issues.throwIfAny();
    throw new Error('unreachable');
  }
  let entries: { f: Feature; path: string }[] = [];
  let format: ReadResult['format'] = 'geojson';
  if (isTopology(input)) {
    format = 'topojson';
    const objects = isObject(input.objects) ? input.objects : null;
    if (!objects || !Array.isArray(input.arcs)) {
      issues.error(
        'invalid-input',
        'objects',
        null,
        { zh: 'TopoJSON 缺少 objects 或 arcs', en: 'The TopoJSON has no objects or arcs' },
        { zh: '请提供完整的 TopoJSON 文件', en: 'Provide a complete TopoJSON file' },
      );
      issues.throwIfAny();
    }
    const names = options.object ? [options.object] : Object.keys(objects!);
    for (const name of names) {
      const obj = objects![name];
      if (!obj) {
        issues.error(
          'invalid-input',
          'objects',
          name,
          { zh: 'TopoJSON 中没有该对象', en: 'The TopoJSON has no such object' },
          {
            zh: `请选用其中之一：${Object.keys(objects!).join(', ')}`,
            en: `Use one of: ${Object.keys(objects!).join(', ')}`,
          },
        );
        issues.throwIfAny();
      }
      let fc: FeatureCollection | Feature;
      try {
        fc = topoFeature(input, obj as never) as FeatureCollection | Feature;
      } catch (e) {
        issues.error(
          'invalid-input',
          `objects.${name}`,
          String(e instanceof Error ? e.message : e),
          { zh: '无法解码该 TopoJSON 对象', en: 'Could not decode this TopoJSON object' },
          { zh: '请检查 arcs 索引与 transform', en: 'Check its arc indexes and transform' },
        );
        continue;
      }
      const list = fc.type === 'FeatureCollection' ? fc.features : [fc];
      const prefix = fc.type === 'FeatureCollection' ? `objects.${name}.geometries` : `objects.${name}`;
      entries.push(
        ...list.map((f, i) => ({ f, path: fc.type === 'FeatureCollection' ? `${prefix}[${i}]` : prefix })),
      );
    }
  } else if (input.type === 'FeatureCollection' && Array.isArray(input.features)) {
    entries = (input.features as Feature[]).map((f, i) => ({ f, path: `features[${i}]` }));
  } else if (input.type === 'Feature') {
    entries = [{ f: input as unknown as Feature, path: '' }];
  } else {
    const isGeometry = ['Polygon', 'MultiPolygon', 'GeometryCollection'].includes(String(input.type));
    issues.error(
      'invalid-input',
      'type',
      input.type ?? null,
      isGeometry
        ? {
            zh: '输入是一个几何对象，没有属性，无法得知区划代码',
            en: 'The input is a bare geometry: it has no code',
          }
        : { zh: '输入不是 GeoJSON 或 TopoJSON', en: 'The input is not GeoJSON or TopoJSON' },
      {
        zh: '请提供 FeatureCollection（每个要素带区划代码属性，如 adcode）或 Topology',
        en: 'Provide a FeatureCollection whose features carry a division code (e.g. `adcode`), or a Topology',
      },
    );
    issues.throwIfAny();
  }
  issues.throwIfAny();
  if (entries.length === 0) {
    issues.error(
      'invalid-input',
      format === 'topojson' ? 'objects' : 'features',
      [],
      { zh: '输入中没有要素', en: 'The input has no features' },
      { zh: '请提供至少一个带边界的区划要素', en: 'Provide at least one division with a boundary' },
    );
    issues.throwIfAny();
  }

  const features: RawFeature[] = [];
  let ringsClosed = 0;
  for (const { f, path } of entries) {
    if (!isObject(f) || f.type !== 'Feature') {
      issues.error(
        'invalid-input',
        path,
        isObject(f) ? (f.type ?? null) : f,
        { zh: '不是 GeoJSON 要素（Feature）', en: 'Not a GeoJSON Feature' },
        {
          zh: '要素须为 { type: "Feature", properties, geometry }',
          en: 'A feature is { type: "Feature", properties, geometry }',
        },
      );
      continue;
    }
    if (f.properties !== null && f.properties !== undefined && !isObject(f.properties)) {
      issues.error(
        'invalid-input',
        join(path, 'properties'),
        f.properties,
        {
          zh: `要素的 properties 不是对象（是${Array.isArray(f.properties) ? '数组' : typeof f.properties}）`,
          en: `The feature's properties is not an object (it is ${Array.isArray(f.properties) ? 'an array' : `a ${typeof f.properties}`})`,
        },
        {
          zh: 'properties 须为对象（如 { "adcode": 510703, "name": "涪城区" }）或 null',
          en: 'properties must be an object (e.g. { "adcode": 510703, "name": "涪城区" }) or null',
        },
      );
      continue;
    }
    const props = f.properties as Record<string, unknown> | null;
    if (props && Object.hasOwn(props, 'adcode')) format = format === 'geojson' ? 'datav' : format;
    // DataV's China file carries the South China Sea dashes as a feature with adcode `100000_JD`: not a unit.
    if (props && String(props.adcode ?? '').endsWith('_JD')) {
      issues.warn(
        'unsupported',
        join(path, 'properties.adcode'),
        props.adcode,
        {
          zh: '该要素是南海断续线，不是行政区，已跳过',
          en: 'This feature is the South China Sea dashed line, not a unit; skipped',
        },
        { zh: 'quyu 自带该线（tenDashLine 对象）', en: 'quyu ships this line itself (object tenDashLine)' },
      );
      continue;
    }
    const { code, codePath, codeValue } = findCode(f, path, options.codeField);
    const name = findName(f);
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    const gPath = join(path, 'geometry');
    if (!g) {
      issues.error(
        'invalid-input',
        gPath,
        null,
        { zh: `要素${describe(name, code)}没有几何`, en: `Feature${describeEn(name, code)} has no geometry` },
        { zh: '请删除该要素或补上其边界', en: 'Remove the feature or add its boundary' },
      );
      continue;
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      issues.error(
        'invalid-input',
        `${gPath}.type`,
        g.type ?? null,
        {
          zh: `要素${describe(name, code)}的几何不是面（Polygon/MultiPolygon）`,
          en: `Feature${describeEn(name, code)} is not a Polygon or MultiPolygon`,
        },
        { zh: '边界须为 Polygon 或 MultiPolygon', en: 'Boundaries must be Polygons or MultiPolygons' },
      );
      continue;
    }
    const read = readPolygonCoordinates(g.type, g.coordinates, gPath, issues.error.bind(issues), {
      closeRings: true,
      what: { zh: `要素${describe(name, code)}`, en: `Feature${describeEn(name, code)}` },
    });
    if (!read) continue;
    ringsClosed += read.ringsClosed;
    const polys = read.polygons;
    features.push({ path, code, codePath, codeValue, name, polygons: polys });
  }
  issues.throwIfAny();
  return { format, features, ringsClosed };
}

/** ` features[3]（涪城区 510703）`-style fragments for messages. */
export function describe(name: string | null, code: string | null): string {
  const what = [name, code].filter(Boolean).join(' ');
  return what ? `「${what}」` : '';
}

export function describeEn(name: string | null, code: string | null): string {
  const what = [name, code].filter(Boolean).join(' ');
  return what ? ` "${what}"` : '';
}
