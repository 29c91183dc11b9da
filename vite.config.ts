import { defineConfig } from 'vite';

/**
 * One config for two jobs:
 * - `npm start` / the browser tests: a dev server over the repo root serving `index.html` and `examples/*.html`,
 *   with the atlas files in `data/` fetched as static files (no network beyond 127.0.0.1);
 * - `npm run build`: the library build of the package's entry points (dependencies stay external).
 */
export default defineConfig({
  root: '.',
  clearScreen: false,
  server: { host: '127.0.0.1' },
  // Pre-bundle up front so the first page load never triggers a dependency re-optimisation and reload.
  optimizeDeps: {
    entries: ['index.html', 'examples/*.html'],
    include: ['maplibre-gl', 'topojson-client', 'fastest-levenshtein'],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: { index: 'src/index.ts', maplibre: 'src/maplibre/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      // Everything that is not our own source is a dependency or a peer: keep it external.
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    },
  },
});
