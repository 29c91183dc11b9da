/**
 * Settings of the fuzz suite. CI (`npm test`) runs a fixed seed with a bounded number of cases per property
 * (the whole suite ≈ 30–60 s on a 2-core machine); `npm run fuzz` runs 20× as many cases with a fresh seed
 * (`FUZZ_SEED=<n>` replays a run, `FUZZ_SCALE=<k>` scales the number of cases). A failure prints its seed
 * and shrunk input: add it to `test/robustness/regressions.test.ts` as a named case.
 */
import fc from 'fast-check';
import { formatError, LIMITS, QuyuError, showValue } from '../../src/errors/index.ts';
import { assertNoPollution } from '../robustness/helpers.ts';

const seedEnv = process.env.FUZZ_SEED;
export const SEED = seedEnv === 'random' ? Date.now() % 2 ** 31 : Number(seedEnv ?? 20_261_130);
export const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
if (seedEnv === 'random') console.log(`fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);

/** fast-check parameters: the fixed seed and `ci` cases, times FUZZ_SCALE. */
export function params(ci: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(ci * SCALE)), endOnFailure: true };
}

/**
 * Calls `run`; it may return or throw a {@link QuyuError} (which must format, capped), nothing else. Built-in
 * prototypes must be untouched afterwards. Returns the result, or undefined when it threw.
 */
export function expectTypedOutcome<T>(run: () => T): T | undefined {
  let out: T | undefined;
  try {
    out = run();
  } catch (e) {
    if (!(e instanceof QuyuError)) {
      const err = e as Error;
      throw new Error(
        `not a QuyuError: ${err?.constructor?.name}: ${showValue(err?.message ?? e, 300)}\n${err?.stack ?? ''}`,
      );
    }
    const lines = formatError(e);
    if (lines.length > LIMITS.issues + 1) throw new Error(`${lines.length} lines: the issue cap failed`);
    if (lines.some((l) => typeof l !== 'string' || l.length > 3000)) throw new Error('an unbounded line');
  } finally {
    assertNoPollution();
  }
  return out;
}

/** Async form of {@link expectTypedOutcome}. */
export async function expectTypedOutcomeAsync<T>(run: () => Promise<T>): Promise<T | undefined> {
  let out: T | undefined;
  try {
    out = await run();
  } catch (e) {
    if (!(e instanceof QuyuError)) {
      const err = e as Error;
      throw new Error(`not a QuyuError: ${err?.constructor?.name}: ${showValue(err?.message ?? e, 300)}`);
    }
    formatError(e);
  } finally {
    assertNoPollution();
  }
  return out;
}

/** Stands for a revoked Proxy, which fast-check itself cannot hold: {@link materialize} makes one. */
export const REVOKED = Symbol.for('quyu.fuzz.revoked-proxy');

/** The value a generated one stands for (a fresh revoked Proxy for {@link REVOKED}). */
export function materialize(v: unknown): unknown {
  if (v !== REVOKED) return v;
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Values that broke formatters and guards before: deep nesting, BigInt, null prototypes, Proxies, huge text. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withObjectString: true,
    maxDepth: 4,
  }),
  fc.constantFrom<unknown>(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e308,
    10n ** 40n,
    Symbol('s'),
    null,
    undefined,
  ),
  fc.integer({ min: 1, max: 6000 }).map((n) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = [v];
    return v;
  }),
  fc.constant(REVOKED),
  fc.constant(null).map(() => {
    const o = Object.create(null);
    o.big = 1n;
    o.self = o;
    return o;
  }),
  fc.integer({ min: 1, max: 200_000 }).map((n) => 'x\u202e\ufeff'.repeat(n)),
);
