/**
 * Mapping from free-text status wordings (as in fact sheets) to the four {@link Status} values.
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

function onePart(part: string): Status | undefined {
  const p = part.toLowerCase();
  if (/uncertain|not found|not verified/.test(p)) return 'uncertain';
  if (/partially verified/.test(p)) return 'inferred';
  if (/inferred|inference|derived from name|approximate/.test(p)) return 'inferred';
  if (/from seed|seed only|\(seed\)/.test(p)) return 'from-source-text';
  if (/verified|sourced/.test(p)) return 'verified';
  return undefined;
}

/**
 * The {@link Status} of a fact-sheet wording: `verified`, `verified (secondary)`, `verified (dataset)` and
 * `sourced` → `verified`; `from seed only` → `from-source-text`; `inferred`, `derived from name`, `approximate`,
 * bare `partially verified` → `inferred`; `uncertain`, `not found` → `uncertain`. A wording with several parts
 * (`verified (airports) / from seed (hub designation)`) takes the weakest part. Unknown wordings → `uncertain`.
 *
 * @example
 * ```ts
 * statusFromNote('verified (secondary)');          // 'verified'
 * statusFromNote('partially verified / inferred'); // 'inferred'
 * statusFromNote('from seed only');                // 'from-source-text'
 * ```
 */
export function statusFromNote(note: string): Status {
  const parts = note
    .split(/\/|;/)
    .map(onePart)
    .filter((s): s is Status => s !== undefined);
  return parts.length ? weakestStatus(parts) : 'uncertain';
}
