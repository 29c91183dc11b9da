/**
 * Helpers for the four {@link Status} values of a fact.
 */
import type { Status } from './schema.ts';

/** Statuses from strongest to weakest. */
export const STATUS_ORDER: readonly Status[] = ['verified', 'from-source-text', 'inferred', 'uncertain'];

/**
 * Whether a reader must not take a fact of this status as established: `inferred` and `uncertain` are weak
 * (maps draw them dashed, lighter or marked "?", text descriptions say so in words); `verified` and
 * `from-source-text` are strong. The one rule every renderer, legend and description follows.
 *
 * @example
 * ```ts
 * isWeakStatus('uncertain');        // true
 * isWeakStatus('from-source-text'); // false
 * ```
 */
export function isWeakStatus(status: Status): boolean {
  return status === 'inferred' || status === 'uncertain';
}

/**
 * The weakest of several statuses.
 *
 * @example
 * ```ts
 * weakestStatus(['verified', 'inferred']); // 'inferred'
 * ```
 */
export function weakestStatus(statuses: readonly Status[]): Status {
  let worst = 0;
  for (const s of statuses) worst = Math.max(worst, STATUS_ORDER.indexOf(s));
  return STATUS_ORDER[worst]!;
}
