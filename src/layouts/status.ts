/**
 * Helpers for the four {@link Status} values of a fact.
 */
import type { Status } from './schema.ts';

/** Statuses from strongest to weakest. */
export const STATUS_ORDER: readonly Status[] = ['verified', 'from-source-text', 'inferred', 'uncertain'];

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
