/**
 * The package as a user gets it: the built `dist/` (made by `npm run build`; `npm pack` and `npm publish`
 * run it through `prepack`, and this test when dist/ is missing or older than src/) resolves through the
 * `exports` map by name, and the `quyu` command starts. From a packed tarball in a scratch app:
 * test/browser/first-hour.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const built = existsSync('dist/index.js') ? statSync('dist/index.js').mtimeMs : 0;
  if (built < newest('src')) execFileSync('npm', ['run', 'build'], { stdio: 'pipe' });
}, 300_000);

describe('package', () => {
  // The seats file must stay a file fetched on demand: a bundler that sees `new URL('…json', import.meta.url)`
  // inlines it (500 KB) into the code.
  it('dist/atlas/seats.js does not inline data/seats.json', () => {
    expect(statSync('dist/atlas/seats.js').size).toBeLessThan(16 * 1024);
    expect(statSync('dist/atlas/seats.generated.js').size).toBeLessThan(16 * 1024);
  });

  it('declares ESM, types in every export, sideEffects and the files it ships', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    for (const [key, value] of Object.entries(pkg.exports as Record<string, unknown>)) {
      if (typeof value === 'object') expect((value as { types?: string }).types, key).toMatch(/\.d\.ts$/);
    }
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'bin', 'data/*.json', 'data/README.md']));
    // Nothing runs at a user's install; the build runs before packing.
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts.prepack).toMatch(/build/);
    // Every package the published types import is a dependency (or the optional peer maplibre-gl).
    for (const types of ['@types/geojson', '@types/topojson-specification']) {
      expect(pkg.dependencies[types], types).toBeDefined();
    }
  });

  it('every entry point imports by package name from the built dist, in Node', () => {
    const script = `
      const q = await import('quyu');
      const atlas = await q.loadAtlas();
      const out = { provinces: atlas.provinces().length, code: q.codeOf('深圳') };
      out.layout = (await import('quyu/layouts/guangdong')).guangdong.items.length > 0;
      out.style = typeof (await import('quyu/maplibre')).baseStyle({ atlas }).version;
      out.embed = typeof (await import('quyu/embed')).parseMapSpec;
      out.import = typeof (await import('quyu/import')).importBoundaries;
      console.log(JSON.stringify(out));`;
    const out = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    );
    expect(out).toEqual({
      provinces: 34,
      code: '440300',
      layout: true,
      style: 'number',
      embed: 'function',
      import: 'function',
    });
    for (const [key, value] of Object.entries(pkg.exports as Record<string, { types?: string }>)) {
      if (typeof value === 'object' && value.types && !value.types.includes('*')) {
        expect(existsSync(value.types), `${key} types`).toBe(true);
      }
    }
  });

  it('the quyu command starts from the built dist', () => {
    const help = execFileSync(process.execPath, ['bin/quyu.js', '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/quyu import <file\|folder>\.\.\. -o <output.json>/);
  });
});
