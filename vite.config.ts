import { defineConfig } from 'vite';
import { figureTemplate } from './scripts/figure-template.ts';
import { BUILTIN_LAYOUT_IDS } from './src/layouts/builtins.ts';
import { QUYU_ALIASES } from './vite.aliases.ts';

/** Built-in layouts, each its own entry point (`quyu/layouts/<id>`): the list follows `data/layouts/`. */
const LAYOUT_REGIONS: readonly string[] = BUILTIN_LAYOUT_IDS;

/**
 * One config for two jobs:
 * - `npm start` / the browser tests: a dev server over the repo root serving `index.html` and `examples/*.html`,
 *   with the atlas files in `data/` fetched as static files (no network beyond 127.0.0.1);
 * - `npm run build`: the library build of the package's entry points (dependencies stay external).
 */
export default defineConfig({
  root: '.',
  // Pages import quyu by its package names, as user code does (vite.aliases.ts).
  resolve: { alias: QUYU_ALIASES },
  clearScreen: false,
  // The dev server builds the single-file figure template (quyu-figure.html) on its first request.
  plugins: [figureTemplate('serve')],
  // Files served and copied as they are (the embed host script keeps a stable name).
  publicDir: 'examples/public',
  server: { host: '127.0.0.1' },
  // Pre-bundle up front so the first page load never triggers a dependency re-optimisation and reload.
  optimizeDeps: {
    entries: ['index.html', 'examples/*.html'],
    include: ['maplibre-gl', 'topojson-client', 'fastest-levenshtein'],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    outDir: 'dist',
    // The gallery's public files (preview images, the embed host script) belong to the gallery, not the package.
    copyPublicDir: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        'maplibre/index': 'src/maplibre/index.ts',
        'embed/index': 'src/embed/index.ts',
        'import/index': 'src/import/index.ts',
        'cli/index': 'src/cli/index.ts',
        ...Object.fromEntries(LAYOUT_REGIONS.map((r) => [`layouts/${r}`, `src/layouts/${r}.ts`])),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // Everything that is not our own source is a dependency or a peer: keep it external.
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
      // One output file per source file: tree-shakable, and src/atlas/load.ts keeps its depth
      // (dist/atlas/load.js), so its default URL of the bundled atlas (../../data/) stays right.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
