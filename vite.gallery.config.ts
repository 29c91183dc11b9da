/**
 * `npm run build:gallery`: the examples gallery as a static site (`gallery-dist/`) that works from any
 * static host, under any path (relative base), and without network: the atlas files and MapLibre's worker
 * are emitted as assets next to the pages.
 */
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import { figureTemplate } from './scripts/figure-template.ts';
import { QUYU_ALIASES } from './vite.aliases.ts';

const pages = Object.fromEntries([
  ['index', 'index.html'],
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.html'))
    .map((f) => [`examples/${f.replace(/\.html$/, '')}`, `examples/${f}`]),
]);

export default defineConfig({
  root: '.',
  // Pages import quyu by its package names, as user code does (vite.aliases.ts).
  resolve: { alias: QUYU_ALIASES },
  base: './',
  publicDir: 'examples/public',
  clearScreen: false,
  // The single-file figure template the studio publishes with (quyu-figure.html).
  plugins: [figureTemplate('build')],
  build: {
    outDir: process.env.QUYU_GALLERY_OUT ?? 'gallery-dist',
    emptyOutDir: true,
    target: 'es2022',
    // The atlas must stay a file (fetched at run time), never inlined into a script.
    assetsInlineLimit: 0,
    rolldownOptions: { input: pages },
  },
});
