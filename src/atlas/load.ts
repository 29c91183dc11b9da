/**
 * Loading the bundled TopoJSON atlas, in Node and in browsers, without bundler-specific JSON imports.
 */
import type { Topology } from 'topojson-specification';
import { fail } from '../errors/index.ts';
import { Atlas } from './atlas.ts';

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

function loadFailed(url: URL, problem: { zh: string; en: string }, fix = urlFix(url)): never {
  return fail({ code: 'atlas-load-failed', path: 'url', value: url.href, problem, fix });
}

/** Parses the atlas text; an HTML page (an app's fallback page) or broken JSON says which URL to pass. */
function parseTopology(text: string, url: URL, contentType = ''): Topology {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (contentType.includes('text/html') || head.startsWith('<')) {
    loadFailed(url, {
      zh: '该地址返回的是网页（HTML），不是地图数据；打包后的应用常把找不到的文件答以首页',
      en: 'The address answered with a web page (HTML), not the atlas: a built app often answers a missing file with its index page',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    loadFailed(url, {
      zh: `地图数据不是有效的 JSON（${(error as Error).message}）`,
      en: `The atlas is not valid JSON (${(error as Error).message})`,
    });
  }
  if ((data as { type?: unknown } | null)?.type !== 'Topology') {
    loadFailed(url, {
      zh: '该文件不是 TopoJSON 拓扑（缺少 "type": "Topology"）',
      en: 'The file is not a TopoJSON topology (no "type": "Topology")',
    });
  }
  return data as Topology;
}

/** Node's `fs/promises`, without an import statement a browser bundler would try to resolve. */
function nodeFs(): typeof import('node:fs/promises') | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  return typeof get === 'function'
    ? (get('node:fs/promises') as typeof import('node:fs/promises'))
    : undefined;
}

async function readTopology(url: URL): Promise<Topology> {
  if (url.protocol === 'file:') {
    // Node ≥ 20.16 hands out its built-in modules at run time: no import a browser bundler must resolve.
    const fs = nodeFs();
    if (!fs) {
      loadFailed(url, {
        zh: '此环境无法读取 file: 地址（需要 Node.js 20.16 或更高版本）',
        en: 'This environment cannot read file: addresses (Node.js 20.16 or later is needed)',
      });
    }
    let text: string;
    try {
      text = await fs!.readFile(url, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      return loadFailed(
        url,
        {
          zh: `无法读取地图数据文件（${code}）`,
          en: `Could not read the atlas file (${code})`,
        },
        {
          zh: 'quyu 的 data/ 目录应随软件包安装；请重新安装 quyu，或通过 loadAtlas({ url }) 或 loadAtlas({ topology }) 指定地图数据',
          en: "quyu's data/ folder is installed with the package: reinstall quyu, or pass the atlas as loadAtlas({ url }) or loadAtlas({ topology })",
        },
      );
    }
    return parseTopology(text, url);
  }
  let res: Response;
  try {
    res = await fetch(url);
  } catch (error) {
    return loadFailed(url, {
      zh: `无法连接到地图数据地址（${(error as Error).message}）`,
      en: `Could not reach the atlas address (${(error as Error).message})`,
    });
  }
  if (!res.ok) {
    return loadFailed(url, {
      zh: `无法加载地图数据（HTTP ${res.status}）`,
      en: `Could not load the atlas (HTTP ${res.status})`,
    });
  }
  return parseTopology(await res.text(), url, res.headers.get('content-type') ?? '');
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
  if (!(resolution in ATLAS_FILES)) {
    return fail({
      code: 'invalid-input',
      path: 'resolution',
      value: resolution,
      problem: { zh: '未知的分辨率', en: 'Unknown resolution' },
      fix: { zh: "请使用 '10m' 或 '2m'", en: "Use '10m' or '2m'" },
    });
  }
  let topology = options.topology;
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
  return new Atlas(topology, resolution, options.extensions ?? []);
}
