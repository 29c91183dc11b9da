/**
 * Reading a JSON file of the package (atlas, seats) in Node and in browsers, without an import a browser
 * bundler would try to resolve, and with errors that say which address to pass.
 */
import { type Bilingual, fail } from '../errors/index.ts';

/** What a failed read says besides the problem: how to pass the file's address, and which check it must pass. */
export interface ReadJsonOptions {
  /** The fix every failure names (e.g. the `?url` recipe of the file). */
  fix: Bilingual;
  /** A problem with the parsed value, or undefined when it is the file expected. */
  check?: (data: unknown) => Bilingual | undefined;
}

function failed(url: URL, problem: Bilingual, fix: Bilingual): never {
  return fail({ code: 'atlas-load-failed', path: 'url', value: url.href, problem, fix });
}

/** Node's `fs/promises`, without an import statement a browser bundler would try to resolve. */
function nodeFs(): typeof import('node:fs/promises') | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  return typeof get === 'function'
    ? (get('node:fs/promises') as typeof import('node:fs/promises'))
    : undefined;
}

/** Parses the text; an HTML page (an app's fallback page) or broken JSON says which address to pass. */
function parse<T>(text: string, url: URL, options: ReadJsonOptions, contentType = ''): T {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (contentType.includes('text/html') || head.startsWith('<')) {
    failed(
      url,
      {
        zh: '该地址返回的是网页（HTML），不是数据文件；打包后的应用常把找不到的文件答以首页',
        en: 'The address answered with a web page (HTML), not the data file: a built app often answers a missing file with its index page',
      },
      options.fix,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    failed(
      url,
      {
        zh: `数据文件不是有效的 JSON（${(error as Error).message}）`,
        en: `The data file is not valid JSON (${(error as Error).message})`,
      },
      options.fix,
    );
  }
  const problem = options.check?.(data);
  if (problem) failed(url, problem, options.fix);
  return data as T;
}

/**
 * Reads and parses the JSON at `url`: file: URLs through Node's built-in `fs` (Node's fetch does not read
 * them), others with `fetch`. Every failure (unreachable, HTTP error, an HTML page instead of the file,
 * broken JSON, a failed `check`, a missing file in Node) throws `atlas-load-failed` naming the URL and the fix.
 */
export async function readJson<T>(url: URL, options: ReadJsonOptions): Promise<T> {
  if (url.protocol === 'file:') {
    // Node ≥ 20.16 hands out its built-in modules at run time: no import a browser bundler must resolve.
    const fs = nodeFs();
    if (!fs) {
      failed(
        url,
        {
          zh: '此环境无法读取 file: 地址（需要 Node.js 20.16 或更高版本）',
          en: 'This environment cannot read file: addresses (Node.js 20.16 or later is needed)',
        },
        options.fix,
      );
    }
    let text: string;
    try {
      text = await fs!.readFile(url, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      return failed(
        url,
        { zh: `无法读取数据文件（${code}）`, en: `Could not read the data file (${code})` },
        {
          zh: `quyu 的 data/ 目录应随软件包安装；请重新安装 quyu，或另行指定数据。${options.fix.zh}`,
          en: `quyu's data/ folder is installed with the package: reinstall quyu, or pass the data yourself. ${options.fix.en}`,
        },
      );
    }
    return parse<T>(text, url, options);
  }
  let res: Response;
  try {
    res = await fetch(url);
  } catch (error) {
    return failed(
      url,
      {
        zh: `无法连接到数据文件地址（${(error as Error).message}）`,
        en: `Could not reach the data file's address (${(error as Error).message})`,
      },
      options.fix,
    );
  }
  if (!res.ok) {
    return failed(
      url,
      {
        zh: `无法加载数据文件（HTTP ${res.status}）`,
        en: `Could not load the data file (HTTP ${res.status})`,
      },
      options.fix,
    );
  }
  return parse<T>(await res.text(), url, options, res.headers.get('content-type') ?? '');
}
