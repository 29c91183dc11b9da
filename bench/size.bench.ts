/**
 * Sizes a user pays for: the core bundle an app ships for `loadAtlas` + `regionAt` + `codeOf` (esbuild,
 * minified ESM for the browser with code splitting, gzip), with its largest inputs, and the published tarball (`npm pack`).
 * Run alone: `npx tsx bench/size.bench.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Row } from './harness.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The core functions a first app uses. */
export const CORE_ENTRY =
  "import { loadAtlas, regionAt, codeOf } from './src/index.ts';\nconst atlas = await loadAtlas({ url: 'china-10m.json' });\nconsole.log(regionAt([113.3, 23.1], atlas), codeOf('深圳'));\n";

export interface CoreBundle {
  /** The entry chunk: what a page loads before anything else (minified bytes and gzip level 9). */
  bytes: number;
  gzipBytes: number;
  /** Every chunk together, the on-demand ones included (county names, atlas-unit seats). */
  totalGzipBytes: number;
  /** The largest inputs by bytes in the entry chunk. */
  top: { path: string; bytes: number }[];
  /** The inputs of the entry chunk, and of every chunk. */
  inputs: string[];
  allInputs: string[];
}

/**
 * The core bundle of `loadAtlas` + `regionAt` + `codeOf`, minified for the browser, with code splitting as
 * Vite, Rollup and webpack do by default: the entry chunk, and the chunks loaded on demand.
 *
 * @example
 * ```ts
 * const { gzipBytes, top } = await coreBundleSize();
 * ```
 */
export async function coreBundleSize(): Promise<CoreBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'quyu-core-'));
  try {
    const entry = join(dir, 'app.ts');
    writeFileSync(
      entry,
      CORE_ENTRY.replace('./src/index.ts', join(ROOT, 'src/index.ts').replace(/\\/g, '/')),
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
    const fileOf = (p: string) => result.outputFiles.find((f) => f.path.endsWith(p.split('/').pop()!))!;
    const gz = (p: string) => gzipSync(fileOf(p).contents, { level: 9 }).length;
    const top = Object.entries(main.inputs)
      .map(([path, v]) => ({ path, bytes: v.bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6);
    return {
      bytes: fileOf(mainPath).contents.length,
      gzipBytes: gz(mainPath),
      totalGzipBytes: outputs.reduce((n, [p]) => n + gz(p), 0),
      top,
      inputs: Object.keys(main.inputs),
      allInputs: outputs.flatMap(([, o]) => Object.keys(o.inputs)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
      case: 'core bundle: loadAtlas + regionAt + codeOf (esbuild, minified, browser, entry chunk)',
      value: core.gzipBytes / 1024,
      unit: 'KB gz',
      runs: 1,
      note: `${kb(core.bytes)} minified; target ≤ 30 KB gz; all chunks ${kb(core.totalGzipBytes)} gz (county names and seats load on demand); largest: ${core.top
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
