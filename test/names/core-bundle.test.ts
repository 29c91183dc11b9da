/**
 * Byte budget of the core as a small app bundles it (`loadAtlas` + `regionAt` + `codeOf`, minified ESM,
 * code splitting as Vite, Rollup and webpack do by default): the county-level names are a chunk of their
 * own that `loadGazetteer()` (and `loadAtlas()`) fetch on demand, with the county-level retired codes and
 * traditional characters; the atlas units' seats are a chunk `loadAtlas()` fetches too. Measured 29,101 B
 * gzipped for the entry chunk after the division changes and seats landed (27,849 B before them; one
 * 59,690 B bundle before the split).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const BUDGET_GZIP_BYTES = 30_000;

describe('core bundle', () => {
  it(`loadAtlas + regionAt + codeOf: entry chunk under ${BUDGET_GZIP_BYTES} B gzipped, counties in their own chunk`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quyu-core-'));
    try {
      const entry = join(dir, 'app.ts');
      const src = resolve('src/index.ts').replace(/\\/g, '/');
      writeFileSync(
        entry,
        `import { loadAtlas, regionAt, codeOf } from '${src}';\nconst atlas = await loadAtlas({ url: 'china-10m.json' });\nconsole.log(regionAt([113.3, 23.1], atlas), codeOf('深圳'));\n`,
      );
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        splitting: true,
        outdir: join(dir, 'out'),
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const outputs = Object.entries(result.metafile.outputs);
      const [mainPath, main] = outputs.find(([, o]) => o.entryPoint)!;
      const mainFile = result.outputFiles.find((f) => f.path.endsWith(mainPath.split('/').pop()!))!;
      const gzip = gzipSync(mainFile.contents, { level: 9 }).length;
      expect(Object.keys(main.inputs).some((p) => p.includes('counties.generated'))).toBe(false);
      expect(
        outputs.some(([, o]) => Object.keys(o.inputs).some((p) => p.includes('counties.generated'))),
      ).toBe(true);
      expect(gzip).toBeLessThan(BUDGET_GZIP_BYTES);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
