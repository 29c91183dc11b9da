/**
 * The TSDoc is checked like code:
 * - every function and class exported from a public entry point has an `@example`;
 * - every `@example` in `src/` type-checks: each becomes a small module that imports quyu by its package
 *   names, as a user would (plus the names of its own source file, for internal helpers), with a few
 *   values a reader has at hand (`atlas`, `map`, the built-in layouts …) declared;
 * - every option that has a `@default` says what the options type's `…_DEFAULTS` object holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as maplibre from '../src/maplibre/index.ts';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const ENTRIES = ['src/index.ts', 'src/maplibre/index.ts', 'src/embed/index.ts', 'src/import/index.ts'];
const PACKAGE_NAMES: Record<string, string> = {
  'src/index.ts': 'quyu',
  'src/maplibre/index.ts': 'quyu/maplibre',
  'src/embed/index.ts': 'quyu/embed',
  'src/import/index.ts': 'quyu/import',
};
const LAYOUTS = ['guangdong', 'guangzhou-shenzhen', 'sichuan', 'heilongjiang', 'mianyang', 'national'];

const OPTIONS: ts.CompilerOptions = {
  allowImportingTsExtensions: true,
  noEmit: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node', 'vite/client'],
  strict: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  baseUrl: ROOT,
  paths: {
    quyu: ['./src/index.ts'],
    'quyu/maplibre': ['./src/maplibre/index.ts'],
    'quyu/embed': ['./src/embed/index.ts'],
    'quyu/import': ['./src/import/index.ts'],
    'quyu/layouts/*': ['./src/layouts/*.ts'],
    'quyu/data/*': ['./data/*'],
  },
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.generated.ts') && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** The `@example` blocks of a source file, as code. */
function examplesOf(text: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = m[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''));
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i]!)) continue;
      const body: string[] = [];
      for (let j = i + 1; j < lines.length && !/^@\w/.test(lines[j]!); j++) body.push(lines[j]!);
      const code = body
        .filter((l) => !/^```/.test(l.trim()))
        .join('\n')
        .trim();
      const line = text.slice(0, m.index).split('\n').length + i;
      if (code) out.push({ line, code });
    }
  }
  return out;
}

/** What a reader of an example has at hand without writing it. */
const AT_HAND = `
declare const atlas: import('quyu').Atlas;
declare const map: import('maplibre-gl').Map;
declare const handle: import('quyu/maplibre').LayoutHandle;
declare const spec: import('quyu/embed').MapSpec;
declare const item: import('quyu').LayoutItem;
declare const theme: import('quyu/maplibre').Theme;
declare const value: unknown;
declare const circle: import('quyu').MetroCircle;
declare const circles: import('quyu').MetroCircle[];
declare const hubs: import('quyu').Hub[];
declare const link: import('quyu').TransferLink;
declare const corridor: import('quyu').Corridor;
declare const values: Record<string, number>;
declare const properties: Record<string, unknown>;
declare const counties: import('topojson-specification').Topology;
declare const geojson: import('geojson').FeatureCollection;
declare const root: HTMLElement;
declare const handles: import('quyu/maplibre').LayoutHandle[];
declare const legend: import('quyu/maplibre').LegendSection[];
declare const layers: import('maplibre-gl').LayerSpecification[];
declare const id: (name: string) => string;
`;

/** The exported names of each entry point. */
function entryNames(program: ts.Program): Map<string, string[]> {
  const checker = program.getTypeChecker();
  const out = new Map<string, string[]>();
  for (const entry of ENTRIES) {
    const source = program.getSourceFile(join(ROOT, entry))!;
    out.set(
      PACKAGE_NAMES[entry]!,
      checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => s.getName()),
    );
  }
  return out;
}

/** The example as a module: its own imports first, then every other name it may use. */
function exampleModule(
  code: string,
  file: string,
  fileExports: string[],
  names: Map<string, string[]>,
): string {
  const imports: string[] = [];
  const body: string[] = [];
  const taken = new Set<string>();
  for (const line of code.split('\n')) {
    const m = /^import\s+(type\s+)?(?:\*\s+as\s+(\w+)|(\w+)|\{([^}]*)\})\s+from\s+'[^']+';?$/.exec(
      line.trim(),
    );
    if (m) {
      imports.push(line.trim());
      for (const n of [m[2], m[3], ...(m[4] ?? '').split(',')].filter(Boolean)) {
        taken.add(
          n!
            .trim()
            .split(/\s+as\s+/)
            .pop()!
            .replace(/^type\s+/, ''),
        );
      }
    } else body.push(line);
  }
  const self = `./${relative(join(ROOT, '__examples__'), join(ROOT, file)).replace(/\\/g, '/')}`;
  const prelude: string[] = [];
  const add = (from: string, list: string[], typeOnly = false) => {
    const free = list.filter((n) => !taken.has(n));
    for (const n of free) taken.add(n);
    if (free.length) prelude.push(`import ${typeOnly ? 'type ' : ''}{ ${free.join(', ')} } from '${from}';`);
  };
  add(self, fileExports);
  for (const [pkg, list] of names) add(pkg, list);
  for (const l of LAYOUTS) add(`quyu/layouts/${l}`, [l.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())]);
  if (!taken.has('maplibregl')) prelude.push("import * as maplibregl from 'maplibre-gl';");
  return [
    ...imports,
    ...prelude,
    AT_HAND,
    'export async function example(): Promise<unknown> {',
    ...body.map((l) => `  ${l}`),
    '  return undefined;',
    '}',
    '',
  ].join('\n');
}

describe('public API documentation', () => {
  const program = ts.createProgram(
    sources('src').map((f) => join(ROOT, f)),
    { ...OPTIONS },
  );

  it('every exported function and class has a TSDoc @example', () => {
    const checker = program.getTypeChecker();
    const missing: string[] = [];
    for (const entry of ENTRIES) {
      const source = program.getSourceFile(join(ROOT, entry))!;
      for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        if (!(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue;
        if (!target.getJsDocTags(checker).some((t) => t.name === 'example'))
          missing.push(`${entry}: ${symbol.getName()}`);
      }
    }
    expect(missing).toEqual([]);
  }, 120_000);

  it('every @example in src/ type-checks as user code', () => {
    const names = entryNames(program);
    const checker = program.getTypeChecker();
    const virtual = new Map<string, { source: string; line: number }>();
    const texts = new Map<string, string>();
    for (const file of sources('src')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const examples = examplesOf(text);
      if (!examples.length) continue;
      const sf = program.getSourceFile(join(ROOT, file));
      const own =
        sf && checker.getSymbolAtLocation(sf)
          ? checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!)
          : [];
      const fileExports = own.map((s) => s.getName()).filter((n) => n !== 'default');
      examples.forEach((ex, i) => {
        const name = join(ROOT, '__examples__', `${file.replace(/[/.]/g, '_')}_${i}.ts`);
        texts.set(name, exampleModule(ex.code, file, fileExports, names));
        virtual.set(name, { source: file, line: ex.line });
      });
    }
    const host = ts.createCompilerHost(OPTIONS);
    const read = host.readFile.bind(host);
    const exists = host.fileExists.bind(host);
    host.readFile = (f) => texts.get(f) ?? read(f);
    host.fileExists = (f) => texts.has(f) || exists(f);
    const getSource = host.getSourceFile.bind(host);
    host.getSourceFile = (f, lang, ...rest) =>
      texts.has(f) ? ts.createSourceFile(f, texts.get(f)!, lang) : getSource(f, lang, ...rest);
    const examples = ts.createProgram([...texts.keys()], OPTIONS, host);
    const errors: string[] = [];
    for (const d of ts.getPreEmitDiagnostics(examples)) {
      const at = d.file && virtual.get(d.file.fileName);
      if (!at) continue;
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0];
      const code = d.file!.text.slice(d.start ?? 0, (d.start ?? 0) + (d.length ?? 0));
      errors.push(`${at.source}:${at.line}: ${text} (at \`${code}\`)`);
    }
    console.info(`${texts.size} examples type-checked`);
    expect(errors).toEqual([]);
  }, 300_000);

  it('every @default in the options of quyu/maplibre is the value its …_DEFAULTS object holds', () => {
    const checker = program.getTypeChecker();
    const defaults = Object.entries(maplibre).filter(([n]) => n.endsWith('_DEFAULTS')) as [string, object][];
    expect(defaults.length).toBeGreaterThan(8);
    const source = program.getSourceFile(join(ROOT, 'src/maplibre/index.ts'))!;
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
    const wrong: string[] = [];
    const cited = new Set<string>();
    for (const symbol of exports) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (!(target.flags & ts.SymbolFlags.Interface) || !symbol.getName().endsWith('Options')) continue;
      const type = checker.getDeclaredTypeOfSymbol(target);
      for (const prop of type.getProperties()) {
        const tag = prop.getJsDocTags(checker).find((t) => t.name === 'default');
        if (!tag) continue;
        const text = ts.displayPartsToString(tag.text).trim().replace(/'/g, '"');
        const said = (() => {
          try {
            return JSON.stringify(JSON.parse(text));
          } catch {
            return text;
          }
        })();
        const holders = defaults.filter(([, d]) => prop.getName() in d);
        const match = holders.filter(
          ([, d]) => JSON.stringify((d as Record<string, unknown>)[prop.getName()]) === said,
        );
        for (const [name] of match) cited.add(`${name}.${prop.getName()}`);
        if (!match.length) wrong.push(`${symbol.getName()}.${prop.getName()}: @default ${said}`);
      }
    }
    // And every value of a …_DEFAULTS object is cited by an @default.
    for (const [name, d] of defaults) {
      for (const key of Object.keys(d))
        if (!cited.has(`${name}.${key}`)) wrong.push(`${name}.${key}: no @default cites it`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
