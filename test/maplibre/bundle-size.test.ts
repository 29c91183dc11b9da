/**
 * Byte budget of `quyu/maplibre` as an app bundles it (minified ESM, maplibre-gl external), measured with
 * esbuild's metafile. Measured 112,826 B (42,411 B gzipped) when the budget was set at about 1.3× that;
 * `npx tsx bench/render.bench.ts` prints the current size and its largest inputs.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BUDGET_BYTES = 147_000;
const BUDGET_GZIP_BYTES = 55_000;

describe('quyu/maplibre bundle', () => {
  it(`bundles without maplibre-gl under ${BUDGET_BYTES} B minified and ${BUDGET_GZIP_BYTES} B gzipped`, async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src/maplibre/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      metafile: true,
      external: ['maplibre-gl'],
      logLevel: 'silent',
    });
    const bytes = result.outputFiles[0]!.contents;
    const inputs = Object.keys(Object.values(result.metafile.outputs)[0]!.inputs);
    // maplibre-gl stays the app's own (a peer dependency); the atlas data is never bundled.
    expect(inputs.some((p) => p.includes('node_modules/maplibre-gl'))).toBe(false);
    expect(inputs.some((p) => p.endsWith('.json'))).toBe(false);
    expect(bytes.length).toBeLessThan(BUDGET_BYTES);
    expect(gzipSync(bytes).length).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});
