/**
 * One region per entry: an app that imports `quyu/layouts/<id>` ships that layout's data and nothing of the
 * others (no item it does not show, no source it does not cite), even though structures shared by several
 * layouts live in one module. Measured by bundling each entry with esbuild, as an app would.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUILTINS } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../..');

async function bundle(id: string): Promise<string> {
  const r = await build({
    entryPoints: [join(ROOT, `src/layouts/${id}.ts`)],
    bundle: true,
    format: 'esm',
    write: false,
    treeShaking: true,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

describe('a layout entry bundles only its own data', () => {
  it.each(BUILTINS.map((l) => [l.id, l] as const))('quyu/layouts/%s', async (_, layout) => {
    const text = await bundle(layout.id);
    const own = new Set(layout.items.map((i) => i.id));
    const cited = new Set(layout.sources?.map((s) => s.id));
    const foreignItems = BUILTINS.flatMap((l) => l.items.map((i) => i.id)).filter(
      (id) => !own.has(id) && text.includes(`"${id}"`),
    );
    const foreignSources = BUILTINS.flatMap((l) => l.sources ?? [])
      .filter((s) => !cited.has(s.id) && text.includes(JSON.stringify(s.title)))
      .map((s) => s.id);
    expect(foreignItems).toEqual([]);
    expect([...new Set(foreignSources)]).toEqual([]);
    // and all of its own data is there
    for (const item of layout.items) expect(text, item.id).toContain(`"${item.id}"`);
  });
});
