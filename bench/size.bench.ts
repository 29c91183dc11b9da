/**
 * Sizes a user pays for: the core bundle an app ships for `loadAtlas` + `regionAt` + `codeOf` (esbuild,
 * minified ESM for the browser, gzip), with its largest inputs, and the published tarball (`npm pack`).
 * Run alone: `npx tsx bench/size.bench.ts`.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Row } from './harness.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The core functions a first app uses. */
export const CORE_ENTRY = "export { loadAtlas, regionAt, codeOf } from './src/index.ts';";

export interface CoreBundle {
  bytes: number;
  gzipBytes: number;
  /** The largest inputs by bytes in the minified output. */
  top: { path: string; bytes: number }[];
  inputs: string[];
}

/**
 * The core bundle of `loadAtlas` + `regionAt` + `codeOf`, minified for the browser.
 *
 * @example
 * ```ts
 * const { gzipBytes, top } = await coreBundleSize();
 * ```
 */
export async function coreBundleSize(): Promise<CoreBundle> {
  const result = await build({
    stdin: { contents: CORE_ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0]!;
  const output = Object.values(result.metafile.outputs)[0]!;
  const top = Object.entries(output.inputs)
    .map(([path, v]) => ({ path, bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
  return {
    bytes: file.contents.length,
    gzipBytes: gzipSync(file.contents).length,
    top,
    inputs: Object.keys(output.inputs),
  };
}

/** The tarball `npm pack` makes (it builds dist/ first, through `prepack`): packed and unpacked bytes. */
export function tarballSize(): { packed: number; unpacked: number; files: number } {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const info = JSON.parse(out.slice(out.indexOf('[')))[0] as {
    size: number;
    unpackedSize: number;
    files: unknown[];
  };
  return { packed: info.size, unpacked: info.unpackedSize, files: info.files.length };
}

/** Both sizes as benchmark rows. */
export async function bench(): Promise<Row[]> {
  const core = await coreBundleSize();
  const tar = tarballSize();
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  return [
    {
      group: 'size',
      case: 'core bundle: loadAtlas + regionAt + codeOf (esbuild, minified, browser)',
      value: core.gzipBytes / 1024,
      unit: 'KB gz',
      runs: 1,
      note: `${kb(core.bytes)} minified; target ≤ 30 KB gz; largest: ${core.top
        .slice(0, 3)
        .map((t) => `${t.path.replace(/^.*\/(src|node_modules)\//, '$1/')} ${kb(t.bytes)}`)
        .join(', ')}`,
    },
    {
      group: 'size',
      case: 'published tarball (npm pack)',
      value: tar.packed / 1024 / 1024,
      unit: 'MB',
      runs: 1,
      note: `${(tar.unpacked / 1024 / 1024).toFixed(2)} MB unpacked, ${tar.files} files`,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await bench())
    console.log(`${row.case}: ${row.value.toFixed(2)} ${row.unit} (${row.note})`);
}
