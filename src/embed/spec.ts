/**
 * The declarative map spec of the embed kit: what a journalist writes (or the gallery's snippet generator
 * writes for them) to get a map. One valibot schema is the TypeScript type, the runtime check and the
 * published JSON Schema. A spec from a URL is untrusted: it is validated, and only http(s) URLs pass.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { OVERLAY_CRS } from '../crs/index.ts';
import { QuyuError, type QuyuIssue } from '../errors/index.ts';
import { LayoutSchema } from '../layouts/schema.ts';

/** The item types a spec can select. */
export const ITEM_TYPES = [
  'metro-circle',
  'hub-layout',
  'hub',
  'eco-zone',
  'link',
  'corridor',
  'economic-zone',
  'city-role',
] as const;

/** Ids of the built-in layouts a spec can name. */
export const BUILTIN_LAYOUT_IDS = [
  'guangdong',
  'guangzhou-shenzhen',
  'sichuan',
  'heilongjiang',
  'mianyang',
  'national',
] as const;
export type BuiltinLayoutId = (typeof BUILTIN_LAYOUT_IDS)[number];

const HttpUrl = v.pipe(
  v.string(),
  // A regex (not a check) so that the published JSON Schema keeps the rule as a `pattern`.
  v.regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/, 'only http(s) URLs are allowed'),
  v.url(),
  v.maxLength(2000),
);
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Code = v.pipe(v.string(), v.regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code'));

/** A choropleth layer: a value per code, classed by a d3 scale. */
export const ChoroplethSpecSchema = v.strictObject({
  type: v.literal('choropleth'),
  /** Values by 6-digit code. */
  values: v.record(Code, v.number()),
  scale: v.optional(v.picklist(['quantize', 'quantile', 'threshold']), 'quantize'),
  /** Class breaks for `threshold`. */
  thresholds: v.optional(v.array(v.number())),
  classes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(9)), 5),
  /** Legend title, e.g. `GDP (亿元)`. */
  label: v.optional(Text(120)),
});

export const MapSpecSchema = v.strictObject({
  /** Spec format version. */
  version: v.optional(v.literal(1), 1),
  /** Built-in layout ids or inline layouts (validated with the layout schema). */
  layouts: v.optional(v.array(v.union([v.picklist(BUILTIN_LAYOUT_IDS), LayoutSchema])), []),
  /** Only these item types / item ids of the layouts (all when absent). */
  show: v.optional(
    v.strictObject({
      types: v.optional(v.array(v.picklist(ITEM_TYPES))),
      ids: v.optional(v.array(Text(120))),
    }),
  ),
  layers: v.optional(v.array(ChoroplethSpecSchema), []),
  /** What to frame: 'national', codes to fit, or a bounding box [west, south, east, north]. */
  focus: v.optional(
    v.union([
      v.literal('national'),
      v.strictObject({ codes: v.pipe(v.array(Code), v.minLength(1)) }),
      v.strictObject({
        bounds: v.pipe(
          v.tuple([v.number(), v.number(), v.number(), v.number()]),
          v.check(
            ([w, s, e, n]) => w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90,
            'west < east, south < north, in degrees',
          ),
        ),
      }),
    ]),
  ),
  title: v.optional(Text(200)),
  subtitle: v.optional(Text(400)),
  /** The source line under the map, e.g. `来源：广东省人民政府`. */
  source: v.optional(Text(400)),
  sourceUrl: v.optional(HttpUrl),
  legend: v.optional(v.boolean(), true),
  lang: v.optional(v.picklist(['zh', 'en']), 'zh'),
  theme: v.optional(v.picklist(['light', 'dark', 'print']), 'light'),
  /** `quyu` (offline base map, default) or a MapLibre style URL with its coordinate system. */
  basemap: v.optional(
    v.union([
      v.literal('quyu'),
      v.strictObject({ style: HttpUrl, crs: v.optional(v.picklist(OVERLAY_CRS), 'wgs84') }),
    ]),
    'quyu',
  ),
  /** The 南海诸岛 inset (default on for national views). */
  inset: v.optional(v.boolean()),
  /** Height in CSS pixels (the width always follows the host). */
  height: v.optional(v.pipe(v.number(), v.minValue(200), v.maxValue(2000)), 520),
});

/** A map spec as written (optional fields may be missing). */
export type MapSpecInput = v.InferInput<typeof MapSpecSchema>;
/** A validated map spec with defaults filled in. */
export type MapSpec = v.InferOutput<typeof MapSpecSchema>;

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const p of issue.path ?? []) {
    const key = (p as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * A union's failure as the failures inside the branch the input went into (`basemap.crs`, not "expected
 * 'quyu' | Object" at `basemap`); other issues as they are.
 */
function leafIssues(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown>[] {
  if (issue.type === 'union' && issue.issues?.length) {
    // The branches' issues have paths relative to the union: those with a path came from inside a branch.
    const inside = issue.issues.filter((i) => i.path?.length);
    if (inside.length) {
      return inside
        .map((i) => ({ ...i, path: [...(issue.path ?? []), ...i.path!] }) as v.BaseIssue<unknown>)
        .flatMap(leafIssues);
    }
  }
  return [issue];
}

/**
 * Validates a map spec (an object or a JSON string) and fills defaults. Throws a {@link QuyuError} listing
 * every problem with its path and fix, in Chinese and English.
 *
 * @example
 * ```ts
 * const spec = parseMapSpec({ layouts: ['guangdong'], title: '广东五大都市圈', show: { types: ['metro-circle'] } });
 * spec.theme; // 'light'
 * ```
 */
export function parseMapSpec(input: unknown): MapSpec {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new QuyuError([
        {
          code: 'invalid-input',
          path: '',
          value: input.slice(0, 80),
          problem: { zh: '地图配置不是有效的 JSON', en: 'The map spec is not valid JSON' },
          fix: {
            zh: `请检查 JSON 语法（${(e as Error).message}）`,
            en: `Check the JSON syntax (${(e as Error).message})`,
          },
        },
      ]);
    }
  }
  const result = v.safeParse(MapSpecSchema, value);
  if (result.success) return result.output;
  const issues: QuyuIssue[] = result.issues.flatMap(leafIssues).map((i) => ({
    code: 'invalid-input',
    path: pathOf(i),
    value: i.input,
    problem: { zh: `地图配置字段无效：${i.message}`, en: `Invalid map spec field: ${i.message}` },
    fix: {
      zh: `请对照 quyu 地图配置的 JSON Schema 修改该字段（期望：${i.expected ?? '见文档'}）`,
      en: `Change the field to match quyu's map spec JSON Schema (expected: ${i.expected ?? 'see the docs'})`,
    },
  }));
  throw new QuyuError(issues);
}

/**
 * The JSON Schema (draft-07) of the map spec, for editors and other languages.
 *
 * @example
 * ```ts
 * mapSpecJsonSchema.title; // 'quyu map spec'
 * ```
 */
export const mapSpecJsonSchema: Record<string, unknown> = {
  title: 'quyu map spec',
  ...(toJsonSchema(MapSpecSchema, { errorMode: 'ignore' }) as Record<string, unknown>),
};

/**
 * Encodes a spec for a URL (`embed.html#spec=...`): JSON, UTF-8, base64url.
 *
 * @example
 * ```ts
 * `embed.html#spec=${encodeSpec({ layouts: ['sichuan'] })}`
 * ```
 */
export function encodeSpec(spec: MapSpecInput): string {
  const bytes = new TextEncoder().encode(JSON.stringify(spec));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes {@link encodeSpec}'s output (not validated: pass the result to {@link parseMapSpec}). Text that is
 * not an encoded spec throws a {@link QuyuError} with path `spec`.
 *
 * @example
 * ```ts
 * parseMapSpec(decodeSpec(new URLSearchParams(location.hash.slice(1)).get('spec') ?? ''));
 * ```
 */
export function decodeSpec(encoded: string): unknown {
  try {
    const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new QuyuError([
      {
        code: 'invalid-input',
        path: 'spec',
        value: encoded.slice(0, 80),
        problem: { zh: '无法解码地图配置', en: 'The encoded map spec cannot be decoded' },
        fix: {
          zh: `请使用嵌入代码生成器或 encodeSpec() 生成的完整链接（${(e as Error).message}）`,
          en: `Use the full link made by the snippet generator or encodeSpec() (${(e as Error).message})`,
        },
      },
    ]);
  }
}
