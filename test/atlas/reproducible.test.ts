import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Rebuilds the whole atlas from the pinned inputs into a temporary folder and compares it byte for byte with
// the shipped files: proves the build is deterministic and that what is committed is what the build makes.
describe('npm run build:data', () => {
  const out = mkdtempSync(join(tmpdir(), 'quyu-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("rebuilds data/*.json, the region files and their overviews, the generated code tables and the region files' reach byte-identically", () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'data/build/build.ts'], {
      env: { ...process.env, QUYU_BUILD_OUT: out },
      stdio: 'pipe',
    });
    for (const file of ['china-10m.json', 'china-2m.json', 'manifest.json']) {
      expect(readFileSync(join(out, 'data', file)).equals(readFileSync(join('data', file))), file).toBe(true);
    }
    for (const file of [
      'table.generated.ts',
      'counties.generated.ts',
      'retired.ts',
      'retired-counties.generated.ts',
    ]) {
      expect(readFileSync(join(out, 'codes', file), 'utf8'), file).toBe(
        readFileSync(join('src/codes', file), 'utf8'),
      );
    }
    // The region files, their overviews and their index: the same files, byte for byte.
    const regions = readdirSync('data/regions').sort();
    expect(readdirSync(join(out, 'data', 'regions')).sort()).toEqual(regions);
    for (const file of regions) {
      expect(
        readFileSync(join(out, 'data', 'regions', file)).equals(readFileSync(join('data', 'regions', file))),
        file,
      ).toBe(true);
    }
    expect(readFileSync(join(out, 'embed', 'region-reach.generated.ts'), 'utf8')).toBe(
      readFileSync('src/embed/region-reach.generated.ts', 'utf8'),
    );
    for (const file of ['names.generated.ts', 'names-counties.generated.ts']) {
      expect(readFileSync(join(out, 'names', file), 'utf8'), file).toBe(
        readFileSync(join('src/names', file), 'utf8'),
      );
    }
  }, 180_000);
});
