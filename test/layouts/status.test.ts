import { describe, expect, it } from 'vitest';
import { statusFromNote, weakestStatus } from '../../src/layouts/status.ts';

describe('statusFromNote(note)', () => {
  it.each([
    ['verified', 'verified'],
    ['verified (secondary)', 'verified'],
    ['verified (dataset)', 'verified'],
    ['from seed only', 'from-source-text'],
    ['from seed (named)', 'from-source-text'],
    ['inferred (high)', 'inferred'],
    ['derived from name', 'inferred'],
    ['partially verified / inferred', 'inferred'],
    ['partially verified', 'inferred'],
    ['verified (airports) / from seed (hub designation)', 'from-source-text'],
    ['verified (secondary) level; county uncertain', 'uncertain'],
    ['uncertain (general knowledge)', 'uncertain'],
    ['sourced', 'verified'],
    ['approximate', 'inferred'],
    ['not found', 'uncertain'],
    ['something else', 'uncertain'],
  ] as const)('%s → %s', (note, status) => {
    expect(statusFromNote(note)).toBe(status);
  });

  it('weakestStatus(statuses) picks the weakest', () => {
    expect(weakestStatus(['verified', 'uncertain', 'inferred'])).toBe('uncertain');
    expect(weakestStatus([])).toBe('verified');
  });
});
