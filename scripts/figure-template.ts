/**
 * The single-file figure template (`quyu-figure.html`): the runtime (`examples/figure/figure.ts`, with
 * MapLibre, its worker and the atlas bundled in) as one inline module script, the styles (maplibre-gl.css
 * and examples/embed.css) as one inline `<style>`, an empty spec data block, and a Content-Security-Policy
 * that allows exactly these two by their SHA-256 hashes plus the worker MapLibre makes from the bundled code
 * (`blob:`, and `data:` on `file://`) and `data:`/`blob:` images.
 *
 * `npm run build:gallery` writes it next to the gallery (the studio fetches it to publish); the dev server
 * builds it on the first request. `figureHtml` (src/embed/html.ts) puts a spec into it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import { FIGURE_SPEC_ID } from '../src/embed/html.ts';
import { QUYU_ALIASES } from '../vite.aliases.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The file name of the template, at the root of the gallery. */
export const FIGURE_TEMPLATE = 'quyu-figure.html';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Builds the template's HTML text. */
export async function buildFigureTemplate(): Promise<string> {
  const result = (await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: { alias: QUYU_ALIASES },
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      emptyOutDir: false,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      lib: { entry: join(ROOT, 'examples/figure/figure.ts'), formats: ['es'], fileName: 'figure' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`figure template: expected one script, got ${chunks.length}`);
  // Inline: a `</script` inside the code (in a string) would end the element.
  const script = chunks[0]!.code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const css = [
    readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.css'), 'utf8'),
    readFileSync(join(ROOT, 'examples/embed.css'), 'utf8'),
  ]
    .join('\n')
    .replace(/<\/(style)/gi, '<\\/$1');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(css)}`,
    'img-src data: blob:',
    // MapLibre makes its worker from a blob: URL, and on file:// (an opaque origin) from a data: URL.
    'worker-src blob: data:',
    'connect-src data: blob:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="quyu single-file figure">
<title>quyu</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body class="quyu-embed-page">
<main id="embed"></main>
<script type="application/json" id="${FIGURE_SPEC_ID}">{}</script>
<script type="module">${script}</script>
</body>
</html>
`;
}

/**
 * The Vite plugin that provides the template: written into the gallery's output by `build:gallery`,
 * served (built once, on the first request) by the dev server at `/quyu-figure.html`.
 */
export function figureTemplate(apply: 'serve' | 'build'): Plugin {
  let outDir = 'gallery-dist';
  let cached: Promise<string> | undefined;
  return {
    name: 'quyu-figure-template',
    apply,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(`/${FIGURE_TEMPLATE}`, (_req, res, next) => {
        cached ??= buildFigureTemplate();
        cached.then(
          (html) => {
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(html);
          },
          (e) => {
            cached = undefined;
            next(e);
          },
        );
      });
    },
    async closeBundle() {
      if (this.meta.watchMode) return;
      writeFileSync(join(outDir, FIGURE_TEMPLATE), await buildFigureTemplate());
    },
  };
}
