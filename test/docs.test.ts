/**
 * Every function and class exported from a public entry point has TSDoc with an `@example`.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENTRIES = ['src/index.ts', 'src/maplibre/index.ts', 'src/embed/index.ts', 'src/import/index.ts'];

function missingExamples(entry: string): string[] {
  const program = ts.createProgram([entry], {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry)!;
  const missing: string[] = [];
  for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue;
    const hasExample = target.getJsDocTags(checker).some((t) => t.name === 'example');
    if (!hasExample) missing.push(`${entry}: ${symbol.getName()}`);
  }
  return missing;
}

describe('public API documentation', () => {
  it('every exported function and class has a TSDoc @example', () => {
    expect(ENTRIES.flatMap(missingExamples)).toEqual([]);
  }, 120_000);
});
