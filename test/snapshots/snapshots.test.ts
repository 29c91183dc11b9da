/**
 * Changes a reviewer must see, caught without a browser: every built-in layout through `layoutLayers`
 * (layers, feature properties, legend, images, and a digest of each geometry), `areaOf` of every area item,
 * and the static SVG export of one figure. Each is compared with a committed file under
 * `test/snapshots/`; `QUYU_UPDATE=1` rewrites them (see test/regenerate.ts).
 */
import { createHash } from 'node:crypto';
import type { FeatureCollection, Geometry } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { svgDocument } from '../../src/embed/export-svg.ts';
import { BUILTIN_LAYOUTS } from '../../src/embed/layouts.ts';
import { parseMapSpec } from '../../src/embed/spec.ts';
import type { Layout } from '../../src/layouts/schema.ts';
import { layoutLayers } from '../../src/maplibre/index.ts';
import { areaFeature } from '../../src/relations/index.ts';
import { expectedText, UPDATE_HINT } from '../regenerate.ts';

const DIR = new URL('./', import.meta.url).pathname;

let atlas: Atlas;
const layouts: Layout[] = [];

beforeAll(async () => {
  atlas = await loadAtlas();
  for (const load of Object.values(BUILTIN_LAYOUTS)) layouts.push(await load());
});

const round = (v: number, d = 6) => Math.round(v * 10 ** d) / 10 ** d;

/** Position count, bounding box (1e-4°) and a hash of the coordinates (1e-6°) of a geometry. */
function digest(g: Geometry | null): unknown {
  if (!g || g.type === 'GeometryCollection') return g;
  let n = 0;
  let [w, s, e, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): unknown => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      n++;
      const [x, y] = c as number[];
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      north = Math.max(north, y!);
      return c.map((v: number) => round(v));
    }
    return (c as unknown[]).map(walk);
  };
  const coords = walk(g.coordinates);
  const hash = createHash('sha256').update(JSON.stringify(coords)).digest('hex').slice(0, 16);
  return { type: g.type, positions: n, bbox: [w, s, e, north].map((v) => round(v, 4)), hash };
}

function check(file: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 1)}\n`;
  const expected = expectedText(`${DIR}${file}`, text);
  expect(expected, `${file} is missing: ${UPDATE_HINT}`).toBeDefined();
  expect(JSON.parse(text), `${file} changed: ${UPDATE_HINT}`).toEqual(JSON.parse(expected!));
}

describe('snapshots', () => {
  it('layoutLayers of every built-in layout', () => {
    for (const layout of layouts) {
      const set = layoutLayers(layout, { atlas });
      check(`layout-layers/${layout.id}.json`, {
        layers: set.layers,
        sources: Object.fromEntries(
          Object.entries(set.sources).map(([id, s]) => [
            id,
            (s.data as FeatureCollection).features.map((f) => ({
              properties: f.properties,
              geometry: digest(f.geometry),
            })),
          ]),
        ),
        images: Object.fromEntries(
          Object.entries(set.images).map(([id, img]) => [
            id,
            {
              width: img.width,
              height: img.height,
              pixelRatio: img.pixelRatio,
              hash: createHash('sha256').update(img.data).digest('hex').slice(0, 16),
            },
          ]),
        ),
        legend: set.legend,
        items: Object.keys(set.items),
        bounds: set.bounds?.map((v) => round(v)),
      });
    }
  });

  it('areaOf of every area item of every built-in layout', () => {
    const out: Record<string, unknown> = {};
    for (const layout of layouts) {
      for (const item of layout.items) {
        if (!['metro-circle', 'economic-zone', 'eco-zone', 'city-role', 'hub-layout'].includes(item.type))
          continue;
        try {
          const f = areaFeature(item, atlas);
          out[item.id] = {
            ...f.properties,
            areaKm2: round(f.properties.areaKm2, 1),
            geometry: digest(f.geometry),
          };
        } catch (e) {
          out[item.id] = { error: (e as Error).message };
        }
      }
    }
    check('area-of.json', out);
  });

  it('the static SVG export of one figure', () => {
    const spec = parseMapSpec({
      layouts: ['guangzhou-shenzhen'],
      title: '广深科技创新走廊',
      source: '示例 <b>&</b>',
      lang: 'zh',
    });
    const layout = layouts.find((l) => l.id === 'guangzhou-shenzhen')!;
    const svg = svgDocument({
      width: 480,
      height: 360,
      bounds: [112.9, 21.9, 114.7, 23.6],
      spec,
      layerSets: [layoutLayers(layout, { atlas, items: (i) => i.type === 'corridor' })],
      atlas,
      inset: false,
    });
    expect(svg).toContain('示例 &lt;b&gt;&amp;&lt;/b&gt;');
    // Path data as a hash and its length: the file stays small and every other change reads in the diff.
    const short = svg.replace(
      / d="([^"]*)"/g,
      (_, d: string) => ` d="#${createHash('sha256').update(d).digest('hex').slice(0, 12)} (${d.length})"`,
    );
    const expected = expectedText(`${DIR}export.svg`, short.replace(/></g, '>\n<'));
    expect(expected, `export.svg is missing: ${UPDATE_HINT}`).toBeDefined();
    expect(short.replace(/></g, '>\n<') === expected, `export.svg changed: ${UPDATE_HINT}`).toBe(true);
  });
});
