/**
 * Loading the bundled TopoJSON atlas, in Node and in browsers, without bundler-specific JSON imports.
 */
import type { Topology } from 'topojson-specification';
import { fail } from '../errors/index.ts';
import { loadGazetteer } from '../names/load.ts';
import { Atlas, setPolygonUnion } from './atlas.ts';
import { readJson } from './read-json.ts';
import { loadAtlasSeats, type SeatTable } from './seats.ts';

/** Resolution of the bundled atlas, named by scale. */
export type Resolution = '10m' | '2m';

/** The file of each resolution under `quyu/data/`. */
export const ATLAS_FILES: Record<Resolution, string> = {
  '10m': 'china-10m.json',
  '2m': 'china-2m.json',
};

export interface LoadAtlasOptions {
  /**
   * `'10m'` (default): national view, 1 km simplification, ~180 KB gzipped.
   * `'2m'`: full detail of the source, for provincial and city views and analysis.
   */
  resolution?: Resolution;
  /**
   * Where to fetch the file from. Defaults to the file inside the installed package, which works in Node
   * and in browsers that load quyu unbundled. With a bundler, pass the URL your bundler gives the file,
   * e.g. Vite: `import url from 'quyu/data/china-10m.json?url'`.
   */
  url?: string | URL;
  /** An already parsed topology (skips loading). */
  topology?: Topology;
  /** Extra topologies (e.g. from `quyu import`) whose units are added to the atlas. */
  extensions?: Topology[];
  /**
   * Load the county-level units of the gazetteer alongside the atlas (default true), so that county codes
   * and names resolve synchronously afterwards (`loadGazetteer()`; with a bundler they are a separate chunk
   * fetched in parallel with the atlas). `false` keeps to provinces and prefecture-level units.
   */
  counties?: boolean;
  /**
   * Every unit's seat (`await loadSeats()`), so that `atlas.seat()` and the distances know county-level
   * units too. Without it the atlas knows the seats of its own units (provinces and finest units).
   */
  seats?: SeatTable;
}

const inFlight = new Map<string, Promise<Topology>>();

/** The fix every load failure names: where the atlas file is and how to pass its address. */
function urlFix(url: URL): { zh: string; en: string } {
  const file = /china-\w+\.json$/.exec(url.pathname)?.[0] ?? ATLAS_FILES['10m'];
  return {
    zh: `请把地图数据文件的地址传给 loadAtlas({ url })。Vite：import url from 'quyu/data/${file}?url'；其他打包工具：把 node_modules/quyu/data/${file} 复制到网站并传入其地址`,
    en: `Pass the address of the atlas file as loadAtlas({ url }). Vite: import url from 'quyu/data/${file}?url'; other bundlers: copy node_modules/quyu/data/${file} to your site and pass its address`,
  };
}

async function readTopology(url: URL): Promise<Topology> {
  return readJson<Topology>(url, {
    fix: urlFix(url),
    check: (data) =>
      (data as { type?: unknown } | null)?.type === 'Topology'
        ? undefined
        : {
            zh: '该文件不是 TopoJSON 拓扑（缺少 "type": "Topology"）',
            en: 'The file is not a TopoJSON topology (no "type": "Topology")',
          },
  });
}

function defaultUrl(resolution: Resolution): URL {
  // src/atlas/load.ts and dist/atlas/load.js both sit two folders below the package root.
  const base = import.meta.url;
  return new URL(`../../data/${ATLAS_FILES[resolution]}`, base);
}

/**
 * Loads the bundled atlas (asynchronously; concurrent calls for the same URL share one load).
 *
 * @example
 * ```ts
 * import { loadAtlas } from 'quyu';
 * const atlas = await loadAtlas({ resolution: '10m' });
 * atlas.feature('440300').properties.name; // '深圳市'
 * ```
 */
export async function loadAtlas(options: LoadAtlasOptions = {}): Promise<Atlas> {
  const resolution = options.resolution ?? '10m';
  if (typeof resolution !== 'string' || !Object.hasOwn(ATLAS_FILES, resolution)) {
    return fail({
      code: 'invalid-input',
      path: 'resolution',
      value: resolution,
      problem: { zh: '未知的分辨率', en: 'Unknown resolution' },
      fix: { zh: "请使用 '10m' 或 '2m'", en: "Use '10m' or '2m'" },
    });
  }
  let topology = options.topology;
  const counties = options.counties === false ? undefined : loadGazetteer();
  const seats = loadAtlasSeats();
  if (!topology) {
    const url = options.url
      ? new URL(String(options.url), globalThis.location?.href)
      : defaultUrl(resolution);
    // Only loads in flight are shared: a finished topology is not kept alive by the cache (a page that is done
    // with its atlas lets it go; a later call reads the file again, from the HTTP cache in browsers).
    let p = inFlight.get(url.href);
    if (!p) {
      p = readTopology(url);
      inFlight.set(url.href, p);
      const done = () => inFlight.delete(url.href);
      p.then(done, done);
    }
    topology = await p;
  }
  // Joining imported counties with bundled units needs a polygon union: loaded only with extensions.
  const union = options.extensions?.length
    ? import('./union.ts').then((m) => setPolygonUnion(m.unionParts))
    : undefined;
  await Promise.all([counties, seats, union]);
  return new Atlas(topology, resolution, options.extensions ?? [], options.seats);
}
