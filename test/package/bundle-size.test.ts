/**
 * Byte budget of `quyu/maplibre` as an app bundles it (minified ESM, maplibre-gl external), measured with
 * esbuild's metafile. Measured 112,826 B (42,411 B gzipped) when the budget was set at about 1.3× that;
 * `npx tsx bench/render.bench.ts` prints the current size and its largest inputs.
 */
import { describe, expect, it } from 'vitest';
import { bundleSize } from '../../bench/render.bench.ts';
import { coreBundleSize } from '../../bench/size.bench.ts';

// Raised from 147,000 / 55,000 when choropleth classing and ColorBrewer schemes landed (162,491 / 60,273 B,
// d3-scale-chromatic's interpolators coming along with its scheme arrays). The arrays are now generated from
// the package into palettes.generated.ts (data/build/palettes.ts): 154,498 / 55,928 B; d3-interpolate and
// d3-color stay, for d3-scale's colour ramps (rampColors) and the link widths.
const BUDGET_BYTES = 175_000;
const BUDGET_GZIP_BYTES = 65_000;

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
 * Byte budget of the core a first app ships (`loadAtlas` + `regionAt` + `codeOf`, minified, gzip level 9, code
 * splitting as Vite, Rollup and webpack do by default): the entry chunk. County-level names, retired
 * county codes and the traditional characters of county names are a chunk of their own that
 * `loadGazetteer()` (and `loadAtlas()`) fetch on demand; so are the atlas units' seats. Measured 29,101 B
 * when the division changes and seats landed (27,849 B before; one 59,690 B bundle before the split), 30,018 B
when county level landed (regionAt level 'county', Atlas.countyLevelUnits; the polygon union that joins
imported counties with bundled units is a chunk of its own, loaded by loadAtlas with extensions only). The
budget is the issue's target, 30 KB (30 KiB).
 * `npx tsx bench/size.bench.ts` prints the current size and the largest inputs.
 */
const CORE_BUDGET_GZIP_BYTES = 30 * 1024;

describe('core bundle', () => {
  it(`loadAtlas + regionAt + codeOf: entry chunk under ${CORE_BUDGET_GZIP_BYTES} B gzipped, county names in a chunk of their own, no Node module and no renderer`, async () => {
    const { gzipBytes, inputs, allInputs } = await coreBundleSize();
    expect(inputs.some((p) => p.includes('maplibre'))).toBe(false);
    expect(allInputs.some((p) => p.startsWith('node:') || p.includes('d3-geo'))).toBe(false);
    expect(allInputs.some((p) => p.endsWith('.json'))).toBe(false);
    expect(inputs.some((p) => p.includes('counties.generated'))).toBe(false);
    expect(allInputs.some((p) => p.includes('counties.generated'))).toBe(true);
    expect(gzipBytes).toBeLessThan(CORE_BUDGET_GZIP_BYTES);
  });
});
