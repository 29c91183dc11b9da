import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Rebuilds the seats from the pinned inputs (and the committed atlas) into a temporary folder and compares
// them byte for byte with the shipped files: the build is deterministic and what is committed is what it makes.
describe('data/build/seats.ts', () => {
  const out = mkdtempSync(join(tmpdir(), 'quyu-seats-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('rebuilds data/seats.json and src/atlas/seats.generated.ts byte-identically', () => {
    const log = execFileSync(process.execPath, ['--import', 'tsx', 'data/build/seats.ts'], {
      env: { ...process.env, QUYU_BUILD_OUT: out },
      stdio: 'pipe',
      encoding: 'utf8',
    });
    expect(log).toMatch(/seats: done/);
    expect(readFileSync(join(out, 'data', 'seats.json')).equals(readFileSync('data/seats.json'))).toBe(true);
    expect(readFileSync(join(out, 'atlas', 'seats.generated.ts'), 'utf8')).toBe(
      readFileSync('src/atlas/seats.generated.ts', 'utf8'),
    );
  }, 180_000);
});
