/**
 * Byte budget of `quyu/maplibre` as an app bundles it (minified ESM, maplibre-gl external), measured with
 * esbuild's metafile. Measured 112,826 B (42,411 B gzipped) when the budget was set at about 1.3× that;
 * `npx tsx bench/render.bench.ts` prints the current size and its largest inputs.
 */
import { describe, expect, it } from 'vitest';
import { bundleSize } from '../../bench/render.bench.ts';
import { coreBundleSize } from '../../bench/size.bench.ts';

const BUDGET_BYTES = 147_000;
const BUDGET_GZIP_BYTES = 55_000;

describe('quyu/maplibre bundle', () => {
  it(`bundles without maplibre-gl under ${BUDGET_BYTES} B minified and ${BUDGET_GZIP_BYTES} B gzipped`, async () => {
    const { bytes, gzipBytes, inputs } = await bundleSize();
    // maplibre-gl stays the app's own (a peer dependency); the atlas data and the code tables are never bundled.
    expect(inputs.some((p) => p.includes('node_modules/maplibre-gl'))).toBe(false);
    expect(inputs.some((p) => p.endsWith('.json'))).toBe(false);
    expect(inputs.some((p) => p.includes('counties.generated'))).toBe(false);
    expect(bytes).toBeLessThan(BUDGET_BYTES);
    expect(gzipBytes).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});

/**
 * Byte budget of the core a first app ships (`loadAtlas` + `regionAt` + `codeOf`, minified, gzip). Measured
 * 62,360 B when set; the county code table is 193 KB minified of it: when the county names load on
 * demand, lower this budget towards the 30 KB target. `npx tsx bench/size.bench.ts` prints the largest inputs.
 */
const CORE_BUDGET_GZIP_BYTES = 66_000;

describe('core bundle', () => {
  it(`loadAtlas + regionAt + codeOf bundle for the browser under ${CORE_BUDGET_GZIP_BYTES} B gzipped, with no Node module and no renderer`, async () => {
    const { gzipBytes, inputs } = await coreBundleSize();
    expect(inputs.some((p) => p.includes('maplibre'))).toBe(false);
    expect(inputs.some((p) => p.startsWith('node:') || p.includes('d3-geo'))).toBe(false);
    expect(inputs.some((p) => p.endsWith('.json'))).toBe(false);
    expect(gzipBytes).toBeLessThan(CORE_BUDGET_GZIP_BYTES);
  });
});
