import { describe, expect, it } from 'vitest';
import { STATUS_ORDER, weakestStatus } from '../../src/layouts/status.ts';

describe('status helpers', () => {
  it('STATUS_ORDER runs from strongest to weakest', () => {
    expect(STATUS_ORDER).toEqual(['verified', 'from-source-text', 'inferred', 'uncertain']);
  });

  it('weakestStatus(statuses) picks the weakest', () => {
    expect(weakestStatus(['verified', 'uncertain', 'inferred'])).toBe('uncertain');
    expect(weakestStatus(['verified', 'from-source-text'])).toBe('from-source-text');
    expect(weakestStatus([])).toBe('verified');
  });
});
