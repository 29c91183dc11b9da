/**
 * The one regenerate switch of the test suite: `QUYU_UPDATE=1` (`npm run test:update`) rewrites every
 * committed expectation a test compares with — JSON and SVG snapshots, golden images, the JSON Schema file —
 * instead of comparing. Review the diff before committing. Under `CI=true` nothing is ever written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const IS_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Whether this run rewrites expectations (`QUYU_UPDATE=1`, never under CI). */
export const UPDATE = process.env.QUYU_UPDATE === '1' && !IS_CI;

/** The command that rewrites expectations, for failure messages. */
export const UPDATE_HINT =
  'QUYU_UPDATE=1 npx vitest run <test file> (or npm run test:update), then review the diff';

/**
 * The committed text at `path`, after writing `actual` there when regenerating (or when the file is missing
 * outside CI). Returns undefined when the file is missing under CI.
 */
export function expectedText(path: string, actual: string): string | undefined {
  if (UPDATE || (!existsSync(path) && !IS_CI)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
