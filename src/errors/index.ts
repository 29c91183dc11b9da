/**
 * quyu's one error type. Every message names the field (`path`), the offending value and the fix,
 * in Chinese and English, so the same error reads well to both audiences.
 *
 * Building or formatting an error never throws, whatever the value: values are previewed by
 * {@link showValue} (bounded depth, cycles, BigInt, symbols, null prototypes, getters never invoked, Proxies,
 * huge strings), every echoed text is truncated and stripped of invisible characters, and an error lists at
 * most {@link LIMITS}`.issues` problems (the message counts the rest).
 */
import { LIMITS } from './limits.ts';

export { LIMITS } from './limits.ts';

/** Machine-readable reason of a {@link QuyuError}. */
export type QuyuErrorCode =
  | 'unknown-code'
  | 'unknown-name'
  | 'ambiguous-name'
  | 'invalid-input'
  | 'out-of-range'
  | 'swapped-coordinates'
  | 'point-outside-unit'
  | 'self-link'
  | 'duplicate-id'
  | 'duplicate-member'
  | 'atlas-load-failed'
  | 'too-large'
  | 'no-seat'
  | 'unsupported';

/** One bilingual text. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Details of one problem: where it is, what was there and how to fix it. */
export interface QuyuIssue {
  code: QuyuErrorCode;
  /** Dotted path of the field in the user's input, e.g. `items[2].members[0].code`; empty for a top-level value. */
  path: string;
  /** The offending value (as given; messages show a truncated preview, see {@link showValue}). */
  value: unknown;
  /** What is wrong. */
  problem: Bilingual;
  /** How to fix it. */
  fix: Bilingual;
}

/**
 * Invisible and control characters (C0/C1 controls, zero-width and bidi controls, line/paragraph separators,
 * the byte-order mark): echoed as `\u{…}` so that a message shows what is really there and cannot reorder
 * the text around it.
 */
const INVISIBLE: readonly [number, number][] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
];

function escapeInvisible(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x1f && c < 0x7f) continue;
    if (!INVISIBLE.some(([lo, hi]) => c >= lo && c <= hi)) continue;
    out += `${text.slice(last, i)}\\u{${c.toString(16).toUpperCase()}}`;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Cuts `text` to `max` characters (an ellipsis marks the cut), never inside a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Text safe to echo in a message or on a page: invisible and bidi characters escaped, at most `max`
 * characters (any other value is previewed with {@link showValue}). Never throws.
 *
 * @example
 * ```ts
 * safeText('\u202eevil'); // '\\u{202E}evil'
 * ```
 */
export function safeText(text: unknown, max: number = LIMITS.textChars): string {
  let s: string;
  try {
    s = typeof text === 'string' ? text : showValue(text, max);
  } catch {
    s = '[unprintable]';
  }
  // Escape on a bounded prefix only: a huge string costs no more than a short one.
  return cut(escapeInvisible(s.length > max * 2 ? s.slice(0, max * 2) : s), max);
}

const MAX_DEPTH = 3;
const MAX_ITEMS = 8;

function render(value: unknown, depth: number, seen: Set<object>, room: number): string {
  switch (typeof value) {
    case 'string': {
      const s = value.length > room ? `${value.slice(0, room)}…` : value;
      return JSON.stringify(s);
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return Symbol.prototype.toString.call(value);
    case 'function':
      return '[function]';
  }
  if (value === null) return 'null';
  const o = value as object;
  if (seen.has(o)) return '[circular]';
  if (ArrayBuffer.isView(o)) {
    const name = Object.prototype.toString.call(o).slice(8, -1);
    const length = (o as { length?: unknown }).length;
    return `${name}(${typeof length === 'number' ? length : (o as ArrayBufferView).byteLength})`;
  }
  if (o instanceof Date) {
    const t = Date.prototype.getTime.call(o);
    return Number.isFinite(t) ? `Date(${Date.prototype.toISOString.call(o)})` : 'Date(invalid)';
  }
  const isArray = Array.isArray(o);
  if (depth >= MAX_DEPTH) return isArray ? '[…]' : '{…}';
  seen.add(o);
  try {
    const parts: string[] = [];
    let used = 2;
    const keys = isArray ? null : Object.keys(o);
    const n = isArray ? (o as unknown[]).length : keys!.length;
    const shown = Math.min(n, MAX_ITEMS);
    for (let i = 0; i < shown && used < room; i++) {
      const key = isArray ? String(i) : keys![i]!;
      const d = Object.getOwnPropertyDescriptor(o, key);
      // Getters are never invoked: they may throw or have side effects.
      const v = !d ? undefined : 'value' in d ? render(d.value, depth + 1, seen, room - used) : '[getter]';
      const part = isArray ? (v ?? 'undefined') : `${JSON.stringify(cut(key, 40))}:${v ?? 'undefined'}`;
      parts.push(part);
      used += part.length + 1;
    }
    if (n > parts.length) parts.push(`…${n - parts.length} more`);
    return isArray ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
  } finally {
    seen.delete(o);
  }
}

/**
 * A short, one-line preview of any value, as error messages echo it: JSON-like, at most `max` characters,
 * invisible characters escaped. Never throws and never invokes a getter: cycles show as `[circular]`, BigInts
 * as `12n`, nesting below three levels as `[…]`, unreadable values (revoked Proxies) as `[unprintable]`.
 *
 * @example
 * ```ts
 * showValue({ title: [[[['deep']]]] }); // '{"title":[[[…]]]}'
 * showValue(10n ** 30n);                // '1000000000000000000000000000000n'
 * ```
 */
export function showValue(value: unknown, max: number = LIMITS.valueChars): string {
  let out: string;
  try {
    out = render(value, 0, new Set(), max + 8);
  } catch {
    out = '[unprintable]';
  }
  return cut(escapeInvisible(out), max);
}

/**
 * Formats one issue as two lines, Chinese then English. Never throws; every part is truncated.
 *
 * @example
 * ```ts
 * try { codeOf('深川'); } catch (e) { console.log(formatIssue((e as QuyuError).issues[0])); }
 * ```
 */
export function formatIssue(issue: QuyuIssue): string {
  try {
    const path = safeText(issue.path, LIMITS.pathChars);
    const where = path ? `${path}: ` : '';
    const value = showValue(issue.value);
    const t = (b: Bilingual | undefined, k: 'zh' | 'en') => safeText(b?.[k] ?? '', LIMITS.textChars);
    return (
      `${where}${t(issue.problem, 'zh')}（值：${value}）。${t(issue.fix, 'zh')}\n` +
      `${where}${t(issue.problem, 'en')} (value: ${value}). ${t(issue.fix, 'en')}`
    );
  } catch {
    return 'quyu: invalid input (the problem could not be described)';
  }
}

/**
 * The line that counts problems not listed.
 *
 * @example
 * ```ts
 * moreLine(12); // '… and 12 more / 另有 12 处问题未列出'
 * ```
 */
export function moreLine(count: number): string {
  return `… and ${count} more / 另有 ${count} 处问题未列出`;
}

/**
 * Every line of a {@link QuyuError} for display: each listed issue ({@link formatIssue}), then a line
 * counting the problems left out by the cap ({@link LIMITS}`.issues`), if any.
 *
 * @example
 * ```ts
 * try { defineLayout({ id: 'x' }); } catch (e) { if (e instanceof QuyuError) formatError(e).forEach((l) => console.log(l)); }
 * ```
 */
export function formatError(error: QuyuError): string[] {
  const lines = error.issues.map(formatIssue);
  if (error.omitted > 0) lines.push(moreLine(error.omitted));
  return lines;
}

/**
 * The error quyu throws for bad input. `issues` lists the problems found (validation reports them all at
 * once, not only the first) up to {@link LIMITS}`.issues` (50); `omitted` counts the rest, and the message
 * ends with "(+N more / 另有 N 处问题)" when there is more than one.
 *
 * @example
 * ```ts
 * try { codeOf('深川'); } catch (e) {
 *   if (e instanceof QuyuError) console.log(e.issues[0].fix.en); // "Did you mean 深圳市 440300? ..."
 * }
 * ```
 */
export class QuyuError extends Error {
  override name = 'QuyuError';
  /** The first {@link LIMITS}`.issues` problems. */
  readonly issues: QuyuIssue[];
  /** How many further problems were found but not listed. */
  readonly omitted: number;
  /**
   * @param issues the problems found (only the first {@link LIMITS}`.issues` are kept)
   * @param omitted problems already left out by the caller (counted in the message)
   */
  constructor(issues: readonly QuyuIssue[], omitted = 0) {
    const list = Array.isArray(issues) ? issues : [];
    const kept = list.slice(0, LIMITS.issues);
    const extra = Math.max(0, Number(omitted) || 0) + (list.length - kept.length);
    const total = kept.length + extra;
    const first = kept[0];
    const head = first ? formatIssue(first) : 'quyu: invalid input';
    const more = total > 1 ? `\n(+${total - 1} more / 另有 ${total - 1} 处问题)` : '';
    super(head + more);
    this.issues = kept;
    this.omitted = extra;
  }
  /** The first issue's code. */
  get code(): QuyuErrorCode | undefined {
    return this.issues[0]?.code;
  }
}

/**
 * Builds and throws a single-issue {@link QuyuError}.
 *
 * @example
 * ```ts
 * fail({ code: 'invalid-input', path: 'km', value: -1, problem: { zh: '…', en: '…' }, fix: { zh: '…', en: '…' } });
 * ```
 */
export function fail(issue: QuyuIssue): never {
  throw new QuyuError([issue]);
}

/**
 * Throws a typed error unless `value` is a number in `[min, max]` (and an integer when `integer`): the
 * guard of every numeric option. The error names the option, the value and the bounds.
 *
 * @example
 * ```ts
 * checkNumberOption('steps', 64, { min: 3, max: 1024, integer: true }); // ok
 * checkNumberOption('steps', Infinity, { min: 3, max: 1024, integer: true }); // throws QuyuError (out-of-range)
 * ```
 */
export function checkNumberOption(
  path: string,
  value: unknown,
  bounds: { min: number; max: number; integer?: boolean; unit?: Bilingual; example?: number },
): number {
  const { min, max, integer } = bounds;
  if (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value))
  )
    return value;
  const kind = integer ? { zh: '整数', en: 'an integer' } : { zh: '数值', en: 'a number' };
  const unit = bounds.unit ? { zh: `（${bounds.unit.zh}）`, en: ` (${bounds.unit.en})` } : { zh: '', en: '' };
  return fail({
    code: 'out-of-range',
    path,
    value,
    problem: {
      zh: `选项 ${path} 必须是 ${min} 到 ${max} 之间的${kind.zh}${unit.zh}`,
      en: `Option ${path} must be ${kind.en} from ${min} to ${max}${unit.en}`,
    },
    fix: {
      zh: `请传入 ${min} 到 ${max} 之间的有限${kind.zh}${bounds.example !== undefined ? `，例如 ${bounds.example}` : ''}`,
      en: `Pass a finite ${integer ? 'integer' : 'number'} from ${min} to ${max}${bounds.example !== undefined ? `, e.g. ${bounds.example}` : ''}`,
    },
  });
}
