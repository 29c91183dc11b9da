/**
 * The single-file figure: one HTML file that holds the runtime (MapLibre, its worker, quyu), the styles,
 * the atlas and the spec, and works from any static host, a CMS upload or `file://`, with no request to
 * anywhere. Its Content-Security-Policy allows nothing but its own inline script and style (by hash), the
 * worker and images it makes itself from its own code (`blob:`, `data:`).
 *
 * `npm run build:gallery` writes the template (`quyu-figure.html`, the runtime with an empty spec);
 * {@link figureHtml} puts a spec into it. The spec lives in a JSON data block, which is never executed, so
 * the script hashes of the policy stay valid for every spec.
 */
import { parseMapSpec } from './spec.ts';

/** The id of the data block that holds a single-file figure's spec. */
export const FIGURE_SPEC_ID = 'quyu-figure-spec';

const BLOCK = new RegExp(`(<script type="application/json" id="${FIGURE_SPEC_ID}">)([\\s\\S]*?)(</script>)`);

/** JSON for an HTML data block: no `<` (so no `</script>` or `<!--`), no line separators. */
function blockJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (t: string) =>
  t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The single-file figure of `spec`: `template` (the text of `quyu-figure.html`) with the spec in its data
 * block and the title in `<title>`. The spec is validated first (a `QuyuError` for an invalid one).
 *
 * @example
 * ```ts
 * const template = await (await fetch('quyu-figure.html')).text();
 * const html = figureHtml(template, { title: '广东各市 GDP', layers: [{ type: 'choropleth', values: { 广州: 30355.73 } }] });
 * new Blob([html], { type: 'text/html' }); // a file for any static host, a CMS or file://
 * ```
 */
export function figureHtml(template: string, spec: unknown): string {
  const parsed = parseMapSpec(spec);
  if (!BLOCK.test(template)) {
    throw new Error(`quyu: not a figure template (no <script id="${FIGURE_SPEC_ID}"> data block)`);
  }
  const title = parsed.title ?? 'quyu';
  return template
    .replace(BLOCK, (_, open: string, _old: string, close: string) => `${open}${blockJson(spec)}${close}`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
}
