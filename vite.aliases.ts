/**
 * quyu's package names resolved to its sources, for the dev server, the gallery build and the type check
 * (tsconfig.json `paths` says the same): the gallery pages import `quyu`, `quyu/maplibre`, `quyu/embed`,
 * `quyu/layouts/<region>` and `quyu/data/*` exactly as an app does, so every page can be copied as it is.
 */
import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Vite `resolve.alias` entries, most specific first. */
export const QUYU_ALIASES = [
  { find: /^quyu$/, replacement: at('./src/index.ts') },
  { find: /^quyu\/(maplibre|embed|import)$/, replacement: `${at('./src/')}$1/index.ts` },
  { find: /^quyu\/layouts\/schema\.json$/, replacement: at('./src/layouts/layout.schema.json') },
  { find: /^quyu\/layouts\/([\w-]+)$/, replacement: `${at('./src/layouts/')}$1.ts` },
  { find: /^quyu\/data\/(.+)$/, replacement: `${at('./data/')}$1` },
];
