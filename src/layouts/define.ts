/**
 * `defineLayout`: checks user data against the layout schema and the code table, and returns a typed copy.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import * as v from 'valibot';
import { isKnownCode, lookupCode, requireCode } from '../codes/index.ts';
import { type Bilingual, LIMITS, QuyuError, type QuyuIssue } from '../errors/index.ts';
import { inputSizeIssue } from '../errors/limits.ts';
import { classifyPoint, pointIssue } from '../geo/coordinates.ts';
import { distanceToBoundaryKm } from '../geo/distance.ts';
import { gcj02Suspected } from '../geo/gcj02.ts';
import { matchRegion } from '../names/gazetteer.ts';
import { type Layout, type LayoutItem, LayoutSchema, type Member, type Point } from './schema.ts';

/** Anything that returns the polygon of a unit by code, e.g. a loaded quyu atlas. */
export interface LayoutAtlas {
  /** Whether the atlas has geometry for the code. */
  has(code: string): boolean;
  feature(code: string): Feature<Polygon | MultiPolygon>;
}

/** A problem that does not stop `defineLayout` (e.g. a fact without a source). */
export interface LayoutWarning {
  code: 'missing-source';
  /** Path of the field, e.g. `items[3].source`. */
  path: string;
  value: unknown;
  problem: Bilingual;
  fix: Bilingual;
}

/** Options of {@link defineLayout}. */
export interface DefineLayoutOptions {
  /**
   * When given, every point with a declared `unit` must lie inside that unit's polygon (county-level units
   * not in the atlas are tested against their parent). Otherwise only ranges and order are checked.
   */
  atlas?: LayoutAtlas;
  /** Called once per warning, in addition to collecting it in `warnings`. */
  onWarning?: (warning: LayoutWarning) => void;
}

/** A checked layout: the layout plus the warnings found while checking it. */
export type DefinedLayout = Layout & { warnings: LayoutWarning[] };

/** Formats a valibot path as `items[2].members[0].code`. */
function formatPath(path: readonly { key: unknown }[] | undefined): string {
  let out = '';
  for (const p of path ?? []) {
    if (typeof p.key === 'number') out += `[${p.key}]`;
    else out += out ? `.${String(p.key)}` : String(p.key);
  }
  return out;
}

function schemaIssue(issue: v.BaseIssue<unknown>): QuyuIssue {
  const path = formatPath(issue.path as { key: unknown }[] | undefined);
  const expected = issue.expected ?? 'a valid value';
  const received = issue.received;
  if (issue.type === 'strict_object' && expected === 'never') {
    return {
      code: 'invalid-input',
      path,
      value: issue.input,
      problem: { zh: '未知字段', en: 'Unknown field' },
      fix: {
        zh: `请删除该字段或检查拼写（${issue.message}）`,
        en: `Remove the field or check its spelling (${issue.message})`,
      },
    };
  }
  if (issue.type === 'finite' || (issue.type === 'number' && typeof issue.input === 'number')) {
    // The one rule for numbers (src/geo): a value that is not finite is out of range, wherever it is.
    return {
      code: 'out-of-range',
      path,
      value: issue.input,
      problem: { zh: '不是有限数值', en: 'Not a finite number' },
      fix: {
        zh: 'NaN 与 ±Infinity 无法写入 JSON：请提供有限数值',
        en: 'NaN and ±Infinity cannot be written as JSON: give a finite number',
      },
    };
  }
  if (received === 'undefined') {
    return {
      code: 'invalid-input',
      path,
      value: undefined,
      problem: { zh: '缺少必填字段', en: 'Missing required field' },
      fix: { zh: `请提供 ${expected}`, en: `Provide ${expected}` },
    };
  }
  return {
    code: 'invalid-input',
    path,
    value: issue.input,
    problem: { zh: '值的类型或格式不对', en: 'Wrong type or format' },
    fix: {
      zh: `应为 ${expected}，实际为 ${received}（${issue.message}）`,
      en: `Expected ${expected}, received ${received} (${issue.message})`,
    },
  };
}

/** The issue of a code that is not in the table, from the gazetteer: successor, county loading, or nearest codes. */
function unknownCode(code: string, path: string): QuyuIssue {
  const m = matchRegion(code, { suggestions: 3 });
  if (m.status === 'matched' && m.code !== code) {
    return {
      code: 'unknown-code',
      path,
      value: code,
      problem: { zh: '这是地名，不是区划代码', en: 'A place name, not a division code' },
      fix: { zh: `请改用代码 ${m.code}（${m.message.zh}）`, en: `Use the code ${m.code} (${m.message.en})` },
    };
  }
  if (m.status === 'retired' || m.status === 'ambiguous') {
    return {
      code: 'unknown-code',
      path,
      value: code,
      problem: { zh: '不是现行的区划代码', en: 'Not a current division code' },
      fix: m.message,
    };
  }
  try {
    requireCode(code, path);
  } catch (e) {
    if (e instanceof QuyuError && e.issues[0]) return e.issues[0];
    throw e;
  }
  return {
    code: 'unknown-code',
    path,
    value: code,
    problem: { zh: '未知的区划代码', en: 'Unknown division code' },
    fix: m.message,
  };
}

function atlasIssue(p: Point, unit: string, atlas: LayoutAtlas, path: string): QuyuIssue | undefined {
  let code = unit;
  const find = (c: string) => (atlas.has(c) ? atlas.feature(c) : undefined);
  let f = find(code);
  if (!f) {
    const parent = lookupCode(unit)?.parent;
    if (parent) {
      code = parent;
      f = find(parent);
    }
  }
  if (!f || booleanPointInPolygon(p, f)) return undefined;
  const km = distanceToBoundaryKm(p, f.geometry);
  const name = lookupCode(code)?.name ?? code;
  const d = km < 10 ? km.toFixed(1) : km.toFixed(0);
  const gcj = gcj02Suspected(p, (q) => booleanPointInPolygon(q, f!));
  return {
    code: 'point-outside-unit',
    path,
    value: p,
    problem: gcj
      ? {
          zh: `点不在其所属单位 ${name} ${code} 内（距边界 ${d} 公里）；它看起来是 GCJ-02 坐标：转换为 WGS-84 后位于该单位内`,
          en: `Point lies outside its unit ${name} ${code} (${d} km from its boundary); it looks like a GCJ-02 coordinate: converted to WGS-84 it lies inside`,
        }
      : {
          zh: `点不在其所属单位 ${name} ${code} 内（距边界 ${d} 公里）`,
          en: `Point lies outside its unit ${name} ${code} (${d} km from its boundary)`,
        },
    fix: gcj
      ? {
          zh: `请把 GCJ-02（高德、腾讯）坐标转换为 WGS-84：约为 [${gcj[0]}, ${gcj[1]}]`,
          en: `Convert GCJ-02 (Amap, Tencent) coordinates to WGS-84: about [${gcj[0]}, ${gcj[1]}]`,
        }
      : {
          zh: '请检查坐标（WGS-84，[经度, 纬度]）或所属单位代码；GCJ-02 坐标需先转换',
          en: 'Check the coordinate (WGS-84, [lng, lat]) or the unit code; convert GCJ-02 coordinates first',
        },
  };
}

function coverageKey(m: { coverage?: Member['coverage'] }): string {
  return m.coverage ? JSON.stringify(m.coverage) : '';
}

/** Collects semantic issues of a schema-valid layout. */
function check(layout: Layout, options: DefineLayoutOptions, warnings: LayoutWarning[]): QuyuIssue[] {
  const issues: QuyuIssue[] = [];
  const ids = new Map<string, number>();
  const hubIds = new Set(layout.items.filter((i) => i.type === 'hub').map((i) => i.id));

  const code = (c: string | undefined, path: string) => {
    if (c !== undefined && !isKnownCode(c)) issues.push(unknownCode(c, path));
  };
  const members = (list: readonly Member[] | undefined, path: string) => {
    const seen = new Map<string, number>();
    list?.forEach((m, k) => {
      code(m.code, `${path}[${k}].code`);
      const key = `${m.code}|${coverageKey(m)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          code: 'duplicate-member',
          path: `${path}[${k}].code`,
          value: m.code,
          problem: { zh: '成员重复', en: 'Member listed twice' },
          fix: {
            zh: `与 ${path}[${first}] 相同；请删除其中一个（同一单位的不同部分请用不同的 coverage 区分）`,
            en: `Same as ${path}[${first}]; remove one (list different parts of one unit with different coverage)`,
          },
        });
      } else seen.set(key, k);
    });
  };
  const located = (
    p: Point | null | undefined,
    unit: string | undefined,
    path: string,
    unitPath = `${path}.unit`,
  ) => {
    code(unit, unitPath);
    if (!p) return;
    const bad = pointIssue(classifyPoint(p[0], p[1]), p[0], p[1], `${path}.point`, p);
    if (bad) issues.push(bad);
    else if (options.atlas && unit && isKnownCode(unit)) {
      const out = atlasIssue(p, unit, options.atlas, `${path}.point`);
      if (out) issues.push(out);
    }
  };
  const hubRefs = (refs: readonly string[] | undefined, path: string) => {
    refs?.forEach((r, k) => {
      if (!hubIds.has(r))
        issues.push({
          code: 'invalid-input',
          path: `${path}[${k}]`,
          value: r,
          problem: { zh: '引用了不存在的枢纽', en: 'Reference to a hub that does not exist' },
          fix: {
            zh: '请使用本布局中某个 type 为 "hub" 的条目的 id',
            en: 'Use the id of an item of type "hub" in this layout',
          },
        });
    });
  };

  layout.items.forEach((item: LayoutItem, i) => {
    const at = `items[${i}]`;
    const first = ids.get(item.id);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate-id',
        path: `${at}.id`,
        value: item.id,
        problem: { zh: 'id 重复', en: 'Duplicate id' },
        fix: {
          zh: `items[${first}] 已使用该 id；每个条目的 id 必须唯一`,
          en: `items[${first}] already uses this id; every item needs a unique id`,
        },
      });
    } else ids.set(item.id, i);
    if (!item.source) {
      warnings.push({
        code: 'missing-source',
        path: `${at}.source`,
        value: item.id,
        problem: { zh: '该条目没有来源', en: 'This item has no source' },
        fix: {
          zh: '请填写 source（文件或报道的标题、发布者、日期、网址），以便读者核实',
          en: 'Add a source (title, publisher, date, URL of the document or report) so readers can check it',
        },
      });
    }
    hubRefs(item.hubs, `${at}.hubs`);
    switch (item.type) {
      case 'metro-circle':
        code(item.core, `${at}.core`);
        members(item.members, `${at}.members`);
        item.variants?.forEach((vr, k) => {
          members(vr.members, `${at}.variants[${k}].members`);
        });
        break;
      case 'economic-zone':
        members(item.members, `${at}.members`);
        members(item.excludes, `${at}.excludes`);
        item.variants?.forEach((vr, k) => {
          members(vr.members, `${at}.variants[${k}].members`);
        });
        break;
      case 'city-role':
        members(item.members, `${at}.members`);
        break;
      case 'eco-zone':
        members(item.members, `${at}.members`);
        if (item.location) located(item.location.point, item.location.unit, `${at}.location`);
        break;
      case 'hub':
        located(item.location.point, item.location.unit, `${at}.location`);
        break;
      case 'hub-layout':
        members(item.centre.members, `${at}.centre.members`);
        item.poles.forEach((p, k) => {
          code(p.code, `${at}.poles[${k}].code`);
          hubRefs(p.hubs, `${at}.poles[${k}].hubs`);
        });
        break;
      case 'link':
        code(item.from, `${at}.from`);
        code(item.to, `${at}.to`);
        if (item.from === item.to) {
          issues.push({
            code: 'self-link',
            path: `${at}.to`,
            value: item.to,
            problem: { zh: '连接指向自身', en: 'Link points to itself' },
            fix: {
              zh: 'from 与 to 必须是两个不同的单位',
              en: 'from and to must be two different units',
            },
          });
        }
        break;
      case 'corridor':
        item.nodes.forEach((n, k) => {
          const np = `${at}.nodes[${k}]`;
          if (n.code === undefined && n.point === undefined) {
            issues.push({
              code: 'invalid-input',
              path: np,
              value: n,
              problem: {
                zh: '走廊节点既没有代码也没有坐标',
                en: 'Corridor node has neither a code nor a point',
              },
              fix: { zh: '请提供 code 或 point', en: 'Give a code or a point' },
            });
          }
          located(n.point, n.code, np, `${np}.code`);
        });
        break;
    }
  });
  return issues;
}

/**
 * Validates a layout written by hand (or loaded from JSON) and returns a typed deep copy; the input is not
 * mutated. Throws a {@link QuyuError} listing **all** problems, each with the path (e.g.
 * `items[2].members[0].code`), the value and the fix in Chinese and English (at most 50 listed, the rest
 * counted in `error.omitted`). Points follow quyu's one coordinate rule, the same as every relation's:
 *
 * | `issue.code` | when |
 * |---|---|
 * | `invalid-input` | wrong shape or type (schema), unknown field, reference to a missing hub, corridor node without code/point |
 * | `unknown-code` | a code not in the 2023 table (fix lists the closest matches) |
 * | `swapped-coordinates` | a point that lies in China only when read as `[lat, lng]`, e.g. `[23.1, 113.2]` |
 * | `out-of-range` | longitude outside ±180 or latitude outside ±90, a number that is not finite, Web Mercator metres |
 * | `point-outside-unit` | a point outside its `unit` (only with `options.atlas`; gives the distance in km, and says when the point is probably GCJ-02) |
 * | `too-large` | input nested more than 32 levels, with more than 100,000 values, or with getters (see `LIMITS`) |
 * | `self-link` | a link whose `from` equals `to` |
 * | `duplicate-id` | two items with the same id |
 * | `duplicate-member` | the same code (with the same coverage) twice in one member list |
 *
 * Warnings do not throw: items without a `source` are returned in `result.warnings` and also passed to
 * `options.onWarning` when given. Members, poles and locations without their own source inherit the item's.
 *
 * @example
 * ```ts
 * const layout = defineLayout({
 *   id: 'my-layout', title: '我的布局', region: 'Guangdong',
 *   items: [{ type: 'link', id: 'gz-mz', name: '广州→梅州', kind: 'counterpart-aid',
 *             from: '440100', to: '441400', status: 'verified', source: { title: '…' } }],
 * });
 * layout.warnings; // []
 *
 * defineLayout({ ...layout, items: [{ ...layout.items[0], to: '440100' }] });
 * // throws QuyuError: items[0].to: 连接指向自身 … / Link points to itself …
 * ```
 */
export function defineLayout(input: unknown, options: DefineLayoutOptions = {}): DefinedLayout {
  if (!options || typeof options !== 'object') options = {};
  const tooLarge = inputSizeIssue(
    input,
    { zh: '布局', en: 'layout' },
    {
      maxDepth: LIMITS.inputDepth,
      maxNodes: LIMITS.inputNodes,
      maxChars: LIMITS.specBytes * 4,
    },
  );
  if (tooLarge) throw new QuyuError([tooLarge]);
  let copy: unknown;
  try {
    copy = structuredClone(input);
  } catch {
    // Not cloneable (e.g. a function inside): validate a shallow copy; the schema rejects what it cannot hold.
    try {
      copy = input && typeof input === 'object' && !Array.isArray(input) ? { ...input } : input;
    } catch {
      copy = undefined;
    }
  }
  // A layout returned by defineLayout may be passed in again: its warnings are recomputed (on the copy).
  if (copy && typeof copy === 'object' && copy !== input && 'warnings' in copy)
    delete (copy as { warnings?: unknown }).warnings;
  let parsed: ReturnType<typeof v.safeParse<typeof LayoutSchema>>;
  try {
    parsed = v.safeParse(LayoutSchema, copy);
  } catch {
    throw new QuyuError([
      {
        code: 'invalid-input',
        path: '',
        value: '[unreadable]',
        problem: { zh: '无法读取布局数据', en: 'The layout cannot be read' },
        fix: { zh: '请提供普通 JSON 数据', en: 'Give plain JSON data' },
      },
    ]);
  }
  if (!parsed.success) throw new QuyuError(parsed.issues.map(schemaIssue));
  const layout = parsed.output;
  const warnings: LayoutWarning[] = [];
  const issues = check(layout, options, warnings);
  if (issues.length) throw new QuyuError(issues);
  for (const w of warnings) options.onWarning?.(w);
  return { ...layout, warnings };
}
