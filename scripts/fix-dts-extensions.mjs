// Declarations keep the sources' `.ts` import specifiers; published types must name the `.js` files beside them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.d.ts')) {
      const src = readFileSync(p, 'utf8');
      const out = src.replace(/((?:from|import)\s*\(?\s*'\.{1,2}\/[^']*)\.ts'/g, "$1.js'");
      if (out !== src) writeFileSync(p, out);
    }
  }
}
walk('dist/types');
