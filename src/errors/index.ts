/**
 * quyu's one error type. Every message names the field (`path`), the offending value and the fix,
 * in Chinese and English, so the same error reads well to both audiences.
 */

/** Machine-readable reason of a {@link QuyuError}. */
export type QuyuErrorCode =
  | 'unknown-code'
  | 'unknown-name'
  | 'invalid-input'
  | 'out-of-range'
  | 'swapped-coordinates'
  | 'point-outside-unit'
  | 'self-link'
  | 'duplicate-id'
  | 'duplicate-member'
  | 'atlas-load-failed'
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
  /** The offending value (as given). */
  value: unknown;
  /** What is wrong. */
  problem: Bilingual;
  /** How to fix it. */
  fix: Bilingual;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/**
 * Formats one issue as two lines, Chinese then English.
 *
 * @example
 * ```ts
 * try { codeOf('深川'); } catch (e) { console.log(formatIssue((e as QuyuError).issues[0])); }
 * ```
 */
export function formatIssue(issue: QuyuIssue): string {
  const where = issue.path ? `${issue.path}: ` : '';
  return (
    `${where}${issue.problem.zh}（值：${show(issue.value)}）。${issue.fix.zh}\n` +
    `${where}${issue.problem.en} (value: ${show(issue.value)}). ${issue.fix.en}`
  );
}

/**
 * The error quyu throws for bad input. `issues` lists every problem found (validation reports all of
 * them at once, not only the first).
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
  readonly issues: QuyuIssue[];
  constructor(issues: QuyuIssue[]) {
    const first = issues[0];
    const head = first ? formatIssue(first) : 'quyu: invalid input';
    const more = issues.length > 1 ? `\n(+${issues.length - 1} more / 另有 ${issues.length - 1} 处问题)` : '';
    super(head + more);
    this.issues = issues;
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
