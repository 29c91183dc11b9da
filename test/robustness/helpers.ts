/** Shared helpers of the robustness tests and the fuzz suite. */
import { expect } from 'vitest';
import { formatError, LIMITS, QuyuError, showValue } from '../../src/errors/index.ts';

/** Runs `fn` and returns the QuyuError it throws; fails when it returns or throws anything else. */
export function quyuErrorOf(fn: () => unknown): QuyuError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (!(thrown instanceof QuyuError))
    throw new Error(
      `expected a QuyuError, got ${thrown === undefined ? 'no error' : `${(thrown as Error)?.constructor?.name}: ${showValue((thrown as Error)?.message ?? thrown)}`}`,
    );
  // Every error can be shown: the lines format, and the listing is capped.
  expect(formatError(thrown).length).toBeLessThanOrEqual(LIMITS.issues + 1);
  return thrown;
}

/** Async form of {@link quyuErrorOf}. */
export async function quyuErrorOfAsync(fn: () => Promise<unknown>): Promise<QuyuError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (e) {
    thrown = e;
  }
  if (!(thrown instanceof QuyuError))
    throw new Error(`expected a QuyuError, got ${thrown === undefined ? 'no error' : showValue(thrown)}`);
  return thrown;
}

/** Freezes a value and everything it holds (typed arrays are left as they are: they cannot be frozen). */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value))
    return value;
  seen.add(value);
  try {
    for (const k of Reflect.ownKeys(value as object)) {
      const d = Object.getOwnPropertyDescriptor(value, k);
      if (d && 'value' in d) deepFreeze(d.value, seen);
    }
    return Object.freeze(value);
  } catch {
    return value; // a revoked Proxy: nothing to freeze
  }
}

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
];
const BASELINE = new Map(
  PROTOTYPES.map(([name, p]) => [name, Reflect.ownKeys(p).map(String).sort().join(',')]),
);

/** Throws when a built-in prototype gained or lost a property (prototype pollution). */
export function assertNoPollution(): void {
  for (const [name, p] of PROTOTYPES) {
    const now = Reflect.ownKeys(p).map(String).sort().join(',');
    if (now !== BASELINE.get(name)) throw new Error(`${name} was modified: ${now}`);
  }
  if (({} as Record<string, unknown>).polluted !== undefined)
    throw new Error('Object.prototype.polluted is set');
}

/** A square ring of side `d` degrees at `[x, y]` (closed, counter-clockwise). */
export function squareRing(x: number, y: number, d = 1): number[][] {
  return [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
}
