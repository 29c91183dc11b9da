/**
 * The declarative map spec of the embed kit: what a journalist writes (or the gallery's snippet generator
 * writes for them) to get a map. One valibot schema is the TypeScript type, the runtime check and the
 * published JSON Schema. A spec from a URL is untrusted: it is validated, and only http(s) URLs pass.
 */
import * as v from 'valibot';
import { OVERLAY_CRS } from '../crs/index.ts';
import { type Bilingual, LIMITS, QuyuError, type QuyuIssue } from '../errors/index.ts';
import { inputSizeIssue } from '../errors/limits.ts';
import { BUILTIN_LAYOUT_IDS, type BuiltinLayoutId } from '../layouts/builtins.ts';
import { defineLayout } from '../layouts/define.ts';
import { FiniteSchema, LayoutSchema } from '../layouts/schema.ts';
import { PALETTE_IDS } from '../maplibre/builders/palettes.ts';
import { matchRegion } from '../names/gazetteer.ts';
import { matchRegions, type RegionMatches } from '../names/match-regions.ts';

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

/** Ids of the built-in layouts a spec can name (generated from `data/layouts/`). */
export { BUILTIN_LAYOUT_IDS, type BuiltinLayoutId };

const HttpUrl = v.pipe(
  v.string(),
  // A regex (not a check) so that the published JSON Schema keeps the rule as a `pattern`.
  v.regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/, 'only http(s) URLs are allowed'),
  v.url(),
  v.maxLength(2000),
);
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Code = v.pipe(v.string(), v.regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code'));
/** A choropleth key: a 6-digit code or a place name as people write it (resolved by the gazetteer). */
const RegionKey = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** Longest text of each kind in a spec (characters): every text field is bounded. */
export const TEXT_LIMITS = {
  title: 200,
  subtitle: 400,
  source: 400,
  notes: 600,
  alt: 2000,
  label: 120,
  /** Names and titles inside inline layouts (`name`, `nameEn`, `title`, `titleEn`, `label`). */
  layoutName: 200,
  /** Any other text inside an inline layout (descriptions, notes, quotes, source titles). */
  layoutText: 2000,
} as const;

/** A choropleth layer: a value per unit, classed by a d3 scale. */
export const ChoroplethSpecSchema = v.strictObject({
  type: v.literal('choropleth'),
  /**
   * Values by unit: 6-digit codes or names (`"440100"`, `"广州"`, `"Harbin"`), resolved by the gazetteer;
   * keys that are ambiguous or unmatched are left out and reported (legend note, `resolveChoroplethValues`).
   * `null` marks a unit without data: it is drawn in the "no data" class.
   */
  values: v.record(RegionKey, v.nullable(FiniteSchema)),
  /**
   * Classing: `ckmeans` natural breaks (default: no class is ever empty), `quantile` equal counts,
   * `quantize` equal intervals, `threshold` the given `thresholds`.
   */
  scale: v.optional(v.picklist(['ckmeans', 'quantile', 'quantize', 'threshold']), 'ckmeans'),
  /** Class breaks for `threshold` (ascending). */
  thresholds: v.optional(v.pipe(v.array(FiniteSchema), v.maxLength(8))),
  classes: v.optional(v.pipe(FiniteSchema, v.integer(), v.minValue(2), v.maxValue(9)), 5),
  /** A ColorBrewer scheme (`Blues`, `YlOrRd`, `RdBu` …); default: the theme's ramp. */
  palette: v.optional(v.picklist(PALETTE_IDS)),
  /** Legend title, e.g. `GDP（亿元）`. */
  label: v.optional(Text(TEXT_LIMITS.label)),
  /** A parent for the names (a province or prefecture name or code), e.g. `广东` for 白云区-style names. */
  within: v.optional(RegionKey),
  /**
   * Which units without a value are drawn as "no data": `siblings` (default: the other units of the same
   * level under the same parents as the data, e.g. all 21 of Guangdong's prefectures) or `none`.
   */
  noData: v.optional(v.picklist(['siblings', 'none']), 'siblings'),
});

/** A choropleth layer as written. */
export type ChoroplethSpec = v.InferOutput<typeof ChoroplethSpecSchema>;

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
  /**
   * What to frame: `data` (default: the choropleth's units, else the layouts' units in their home region;
   * a far item never pulls the view, far islands go to the inset), `national` (with the 南海诸岛 inset),
   * codes to fit (e.g. a province: `{ "codes": ["440000"] }`), or a bounding box [west, south, east, north].
   */
  focus: v.optional(
    v.union([
      v.literal('data'),
      v.literal('national'),
      v.strictObject({ codes: v.pipe(v.array(Code), v.minLength(1)) }),
      v.strictObject({
        bounds: v.pipe(
          v.tuple([FiniteSchema, FiniteSchema, FiniteSchema, FiniteSchema]),
          v.check(
            ([w, s, e, n]) => w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90,
            'west < east, south < north, in degrees',
          ),
        ),
      }),
    ]),
  ),
  title: v.optional(Text(TEXT_LIMITS.title)),
  subtitle: v.optional(Text(TEXT_LIMITS.subtitle)),
  /** Notes under the map, above the source line (definitions, caveats). */
  notes: v.optional(Text(TEXT_LIMITS.notes)),
  /** The source line under the map, e.g. `广东省统计局`. */
  source: v.optional(Text(TEXT_LIMITS.source)),
  /** Alternative text of the figure for screen readers; default: the generated text description. */
  alt: v.optional(Text(TEXT_LIMITS.alt)),
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
  height: v.optional(v.pipe(FiniteSchema, v.minValue(200), v.maxValue(2000)), 520),
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

const SPEC = { zh: '地图配置', en: 'map spec' };

function tooLarge(bytes: number | string): QuyuError {
  return new QuyuError([
    {
      code: 'too-large',
      path: '',
      value: typeof bytes === 'number' ? `${bytes} bytes` : bytes,
      problem: {
        zh: `地图配置超过 ${LIMITS.specBytes} 字节的上限`,
        en: `The map spec is larger than the limit of ${LIMITS.specBytes} bytes`,
      },
      fix: {
        zh: '请精简配置：内嵌布局与数值表可改为单独的文件（src 属性）或内置布局',
        en: 'Trim the spec: move inline layouts and value tables to a file (the src attribute) or use a built-in layout',
      },
    },
  ]);
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
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
 * every problem with its path and fix, in Chinese and English (at most {@link LIMITS}`.issues`, the rest
 * counted).
 *
 * Limits (untrusted input costs little): a spec is at most {@link LIMITS}`.specBytes` (512 KiB) of UTF-8
 * JSON, checked on the text before it is parsed; given as an object, at most 32 levels deep and 200,000
 * values, and then the same 512 KiB as JSON. Numbers must be finite. So every valid spec makes a working
 * `#spec=` link ({@link encodeSpec}).
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
    // Characters are never more than UTF-8 bytes: the length alone rejects most oversized text.
    if (input.length > LIMITS.specBytes || utf8Bytes(input) > LIMITS.specBytes)
      throw tooLarge(input.length > LIMITS.specBytes ? `${input.length} characters` : utf8Bytes(input));
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
  const size = inputSizeIssue(value, SPEC, {
    maxDepth: LIMITS.inputDepth,
    maxNodes: LIMITS.inputNodes,
    maxChars: LIMITS.specBytes,
  });
  if (size) throw new QuyuError([size]);
  if (typeof input !== 'string') {
    let bytes: number;
    try {
      bytes = utf8Bytes(JSON.stringify(value) ?? '');
    } catch {
      bytes = 0; // not JSON-representable (e.g. a BigInt): the schema rejects it below
    }
    if (bytes > LIMITS.specBytes) throw tooLarge(bytes);
  }
  let result: ReturnType<typeof v.safeParse<typeof MapSpecSchema>>;
  try {
    result = v.safeParse(MapSpecSchema, value);
  } catch {
    throw new QuyuError([
      {
        code: 'invalid-input',
        path: '',
        value: '[unreadable]',
        problem: { zh: '无法读取地图配置', en: 'The map spec cannot be read' },
        fix: { zh: '请提供普通 JSON 数据', en: 'Give plain JSON data' },
      },
    ]);
  }
  if (result.success) {
    const focus = result.output.focus;
    const issues: QuyuIssue[] = layoutTextIssues(result.output.layouts);
    if (focus && typeof focus === 'object' && 'codes' in focus) {
      focus.codes.forEach((code, i) => {
        const m = matchRegion(code, { suggestions: 3 });
        if (m.status !== 'matched' && issues.length < LIMITS.issues) {
          issues.push({
            code: 'unknown-code',
            path: `focus.codes[${i}]`,
            value: code,
            problem: { zh: '不是现行的区划代码', en: 'Not a current division code' },
            fix: m.message,
          });
        }
      });
    }
    if (issues.length) throw new QuyuError(issues);
    return result.output;
  }
  // An inline layout's problems are told exactly as defineLayout tells them (path, value and fix).
  const inline = inlineLayoutIssues(value);
  const issues: QuyuIssue[] = [
    ...inline.issues,
    ...result.issues
      .flatMap(leafIssues)
      .filter((i) => !inline.covered.some((prefix) => isUnderPath(pathOf(i), prefix)))
      .map(schemaIssue),
  ];
  if (!issues.length) {
    // Every schema problem was inside an inline layout that defineLayout accepts: report the schema's own.
    issues.push(...result.issues.flatMap(leafIssues).map(schemaIssue));
  }
  throw new QuyuError(issues.slice(0, LIMITS.issues), Math.max(0, issues.length - LIMITS.issues));
}

function isUnderPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

function schemaIssue(i: v.BaseIssue<unknown>): QuyuIssue {
  return {
    code: 'invalid-input',
    path: pathOf(i),
    value: i.input,
    problem: { zh: `地图配置字段无效：${i.message}`, en: `Invalid map spec field: ${i.message}` },
    fix: {
      zh: `请对照 quyu 地图配置的 JSON Schema 修改该字段（期望：${i.expected ?? '见文档'}）`,
      en: `Change the field to match quyu's map spec JSON Schema (expected: ${i.expected ?? 'see the docs'})`,
    },
  };
}

/**
 * The problems of the spec's inline layouts as `defineLayout` reports them, with paths from the spec
 * (`layouts[0].items[0].status: Missing required field`), and the path prefixes they cover.
 */
function inlineLayoutIssues(spec: unknown): { issues: QuyuIssue[]; covered: string[] } {
  const out: { issues: QuyuIssue[]; covered: string[] } = { issues: [], covered: [] };
  const layouts = (spec as { layouts?: unknown } | null)?.layouts;
  if (!Array.isArray(layouts)) return out;
  layouts.forEach((l, i) => {
    if (l === null || typeof l !== 'object') return;
    try {
      defineLayout(l);
    } catch (e) {
      if (!(e instanceof QuyuError)) return;
      out.covered.push(`layouts[${i}]`);
      for (const x of e.issues) out.issues.push({ ...x, path: `layouts[${i}]${x.path ? `.${x.path}` : ''}` });
    }
  });
  return out;
}

const NAME_KEYS = new Set(['name', 'nameEn', 'title', 'titleEn', 'label']);

/**
 * Text in inline layouts longer than {@link TEXT_LIMITS} (names 200 characters, other text 2,000): a
 * 33,333-character name would stall MapLibre's text layout. Walks at most the spec's own bounded size.
 */
function layoutTextIssues(layouts: MapSpec['layouts']): QuyuIssue[] {
  const issues: QuyuIssue[] = [];
  const walk = (value: unknown, path: string, key: string) => {
    if (issues.length >= LIMITS.issues) return;
    if (typeof value === 'string') {
      const max = NAME_KEYS.has(key) ? TEXT_LIMITS.layoutName : TEXT_LIMITS.layoutText;
      if (value.length > max) {
        issues.push({
          code: 'too-large',
          path,
          value,
          problem: {
            zh: `文字过长（${value.length} 个字符，上限 ${max}）`,
            en: `Text too long (${value.length} characters, at most ${max})`,
          },
          fix: { zh: `请缩短到 ${max} 个字符以内`, en: `Shorten it to ${max} characters or fewer` },
        });
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, x] of value.entries()) walk(x, `${path}[${i}]`, key);
    } else if (value && typeof value === 'object') {
      for (const [k, x] of Object.entries(value)) walk(x, `${path}.${k}`, k);
    }
  };
  layouts.forEach((l, i) => {
    if (typeof l !== 'string') walk(l, `layouts[${i}]`, '');
  });
  return issues;
}

/** Longest `#spec=` value {@link decodeSpec} reads: the base64url of {@link LIMITS}`.specBytes`. */
export const MAX_ENCODED_SPEC = Math.ceil(LIMITS.specBytes / 3) * 4;

/**
 * Encodes a spec for a URL (`embed.html#spec=...`): JSON, UTF-8, base64url. The spec is validated first
 * ({@link parseMapSpec}: a {@link QuyuError} for an invalid one), so every link it makes works:
 * `parseMapSpec(decodeSpec(encodeSpec(spec)))` equals `parseMapSpec(spec)`.
 *
 * @example
 * ```ts
 * `embed.html#spec=${encodeSpec({ layouts: ['sichuan'] })}`
 * ```
 */
export function encodeSpec(spec: MapSpecInput): string {
  parseMapSpec(spec);
  const bytes = new TextEncoder().encode(JSON.stringify(spec));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function undecodable(value: unknown, why: string): QuyuError {
  return new QuyuError([
    {
      code: 'invalid-input',
      path: 'spec',
      value,
      problem: { zh: '无法解码地图配置', en: 'The encoded map spec cannot be decoded' },
      fix: {
        zh: `请使用嵌入代码生成器或 encodeSpec() 生成的完整链接（${why}）`,
        en: `Use the full link made by the snippet generator or encodeSpec() (${why})`,
      },
    },
  ]);
}

/**
 * Decodes {@link encodeSpec}'s output (not validated: pass the result to {@link parseMapSpec}). Anything that
 * is not an encoded spec (not a string, not base64url, not JSON, longer than {@link MAX_ENCODED_SPEC}
 * characters, checked before decoding) throws a {@link QuyuError} with path `spec`.
 *
 * @example
 * ```ts
 * parseMapSpec(decodeSpec(new URLSearchParams(location.hash.slice(1)).get('spec') ?? ''));
 * ```
 */
export function decodeSpec(encoded: string): unknown {
  if (typeof encoded !== 'string')
    throw undecodable(encoded, `expected a string, got ${encoded === null ? 'null' : typeof encoded}`);
  if (encoded.length > MAX_ENCODED_SPEC)
    throw undecodable(
      `${encoded.length} characters`,
      `longer than ${MAX_ENCODED_SPEC} characters (${LIMITS.specBytes} bytes of JSON)`,
    );
  try {
    const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw undecodable(encoded.slice(0, 80), e instanceof Error ? e.message : String(e));
  }
}

/** A choropleth's values by code, and what the gazetteer did with each key. */
export interface ResolvedChoroplethValues {
  /** Values by 6-digit code (keys that matched; `null` for a unit without data). */
  values: Record<string, number | null>;
  /** The gazetteer's answer for every key, in the order of the spec. */
  matches: RegionMatches;
  /** A note for the legend when some keys did not match ("2 of 31 rows not matched: …"), else undefined. */
  note: Bilingual | undefined;
}

/**
 * Resolves a choropleth's keys (codes or names) through the gazetteer ({@link matchRegions}): matched keys
 * give values by code; ambiguous, unmatched and retired keys are left out and summed up in `note` for the
 * legend, never guessed. Two keys of one unit keep the first value and are reported.
 *
 * @example
 * ```ts
 * const r = resolveChoroplethValues({ 广州: 1, '440300': 2, 白云区: 3 });
 * r.values; // { '440100': 1, '440300': 2 }
 * r.note?.en; // '2 of 3 rows matched; 1 unmatched: "白云区" …'
 * ```
 */
export function resolveChoroplethValues(
  values: Record<string, number | null> | Map<string | number, number | null>,
  options: { within?: string } = {},
): ResolvedChoroplethValues {
  const entries: [unknown, number | null][] =
    values instanceof Map ? [...values] : Object.keys(values).map((k) => [k, values[k]!]);
  const matches = matchRegions(
    entries.map((e) => e[0]),
    options.within ? { within: options.within } : {},
  );
  const out: Record<string, number | null> = {};
  matches.rows.forEach((r, i) => {
    if (r.status === 'matched' && !Object.hasOwn(out, r.code!)) out[r.code!] = entries[i]![1];
  });
  const bad = matches.rows.filter((r) => r.status !== 'matched');
  const shown = (lang: 'zh' | 'en') =>
    bad
      .slice(0, 3)
      .map((r) =>
        lang === 'zh' ? `「${String(r.input).slice(0, 20)}」` : `"${String(r.input).slice(0, 20)}"`,
      )
      .join(lang === 'zh' ? '、' : ', ') + (bad.length > 3 ? (lang === 'zh' ? ' 等' : ' …') : '');
  const note =
    bad.length || matches.duplicates.length
      ? {
          zh: `${matches.summary.zh}${bad.length ? `：${shown('zh')}` : ''}${matches.duplicates.length ? `；${matches.duplicates.length} 个单位重复，取第一个值` : ''}`,
          en: `${matches.summary.en}${bad.length ? `: ${shown('en')}` : ''}${matches.duplicates.length ? `; ${matches.duplicates.length} units listed twice, first value kept` : ''}`,
        }
      : undefined;
  return { values: out, matches, note };
}
