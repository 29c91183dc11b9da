/** Reading a JSON file of the package (atlas, seats) in Node and in browsers, without bundler-specific imports. */
import { fail } from '../errors/index.ts';

/**
 * Parses the JSON at `url`: file: URLs with node:fs (Node's fetch does not read them), others with fetch.
 * A failed HTTP request throws `atlas-load-failed` naming the URL and the fix.
 */
export async function readJson<T>(url: URL): Promise<T> {
  if (url.protocol === 'file:') {
    // The specifier is built at run time so bundlers leave it alone.
    const fsName = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
    return JSON.parse(await fs.readFile(url, 'utf8')) as T;
  }
  const res = await fetch(url);
  if (!res.ok) {
    return fail({
      code: 'atlas-load-failed',
      path: 'url',
      value: url.href,
      problem: {
        zh: `无法加载数据文件（HTTP ${res.status}）`,
        en: `Could not load the data file (HTTP ${res.status})`,
      },
      fix: {
        zh: '请确认该文件已随网站发布，或通过 url 选项指定其地址',
        en: 'Make sure the file is served with your site, or pass its address as the url option',
      },
    });
  }
  return (await res.json()) as T;
}
