/**
 * The gallery pages read as user code: they import quyu by its package names (`quyu`, `quyu/maplibre`,
 * `quyu/embed`, `quyu/layouts/<region>`, `quyu/data/*`), never its sources, so any page can be copied into
 * an app. The dev server and the gallery build resolve the names to the sources (vite.aliases.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() && e.name !== 'public'
      ? files(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('gallery pages as user code', () => {
  it('no example imports quyu from its sources or data folder by a relative path', () => {
    const bad: string[] = [];
    for (const f of files('examples')) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const spec = m[1]!;
        // A page's own modules and files (`./lib/map.ts`, `./studio/table.ts`, `./studio/data.tsv?raw`) are fine.
        if (spec.startsWith('.') && !/^\.\.?\/([\w-]+\/)?[\w-]+\.(ts|tsv\?raw|csv\?raw)$/.test(spec))
          bad.push(`${f}: ${spec}`);
        if (/(^|\/)(src|data)\//.test(spec) && !spec.startsWith('quyu/data/')) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
