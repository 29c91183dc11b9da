/**
 * The single-file figure: one HTML file that holds the runtime (MapLibre, its worker, quyu), the styles,
 * the atlas and the spec, and works from any static host, a CMS upload or `file://`, with no request to
 * anywhere. Its Content-Security-Policy allows nothing but its own inline script and style (by hash), the
 * worker and images it makes itself from its own code (`blob:`, `data:`).
 *
 * `npm run build:gallery` writes the template (`quyu-figure.html`, the runtime with an empty spec);
 * {@link figureHtml} puts a spec into it. The spec lives in a JSON data block, which is never executed, so
 * the script hashes of the policy stay valid for every spec. Given the figure as a static SVG (the embed's
 * `toSvg()`), it also puts that in a `<noscript>` block: a reader without JavaScript sees the figure.
 */
import { QuyuError } from '../errors/index.ts';
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

/** Largest static SVG {@link figureHtml} puts into a figure (bytes of text). */
export const MAX_STATIC_SVG = 4 * 1024 * 1024;

/** Options of {@link figureHtml}. */
export interface FigureHtmlOptions {
  /**
   * The figure as a static SVG document (the text of the embed's `toSvg()`), shown to readers without
   * JavaScript in a `<noscript>` block. Must be an `<svg>` element with no script, event handler,
   * `javascript:` link or `foreignObject`, at most {@link MAX_STATIC_SVG} bytes. Default: none.
   */
  staticSvg?: string;
}

function staticSvgIssue(svg: string): { zh: string; en: string } | undefined {
  if (svg.length > MAX_STATIC_SVG)
    return {
      zh: `静态图超过 ${MAX_STATIC_SVG} 字节`,
      en: `the static SVG is larger than ${MAX_STATIC_SVG} bytes`,
    };
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(svg))
    return { zh: '静态图必须是一个 <svg> 元素', en: 'the static figure must be an <svg> element' };
  if (/<\s*(script|foreignObject|iframe|object|embed)\b|\son[a-z]+\s*=|javascript:|<\/noscript/i.test(svg))
    return {
      zh: '静态图含有脚本、事件属性、javascript: 链接或 foreignObject',
      en: 'the static SVG holds a script, an event attribute, a javascript: link or a foreignObject',
    };
  return undefined;
}

/**
 * The single-file figure of `spec`: `template` (the text of `quyu-figure.html`) with the spec in its data
 * block, the title in `<title>`, and (with `options.staticSvg`) the static figure for readers without
 * JavaScript. The spec is validated first (a `QuyuError` for an invalid one); so is the SVG (`invalid-input`
 * or `too-large` on `staticSvg`).
 *
 * @example
 * ```ts
 * const template = await (await fetch('quyu-figure.html')).text();
 * const spec = { title: '广东各市 GDP', layers: [{ type: 'choropleth' as const, values: { 广州: 30355.73 } }] };
 * const html = figureHtml(template, spec);
 * new Blob([html], { type: 'text/html' }); // a file for any static host, a CMS or file://
 * // With the figure for readers without JavaScript (embed: the figure drawn from the same spec):
 * // figureHtml(template, spec, { staticSvg: await (await embed.toSvg()).text() });
 * ```
 */
export function figureHtml(template: string, spec: unknown, options: FigureHtmlOptions = {}): string {
  const parsed = parseMapSpec(spec);
  if (!BLOCK.test(template)) {
    throw new Error(`quyu: not a figure template (no <script id="${FIGURE_SPEC_ID}"> data block)`);
  }
  const svg = options.staticSvg;
  if (svg !== undefined) {
    const problem =
      typeof svg === 'string' ? staticSvgIssue(svg) : { zh: '静态图必须是文本', en: 'not a string' };
    if (problem)
      throw new QuyuError([
        {
          code: typeof svg === 'string' && svg.length > MAX_STATIC_SVG ? 'too-large' : 'invalid-input',
          path: 'staticSvg',
          value: typeof svg === 'string' ? svg.slice(0, 80) : svg,
          problem,
          fix: { zh: '请传入 embed.toSvg() 生成的 SVG 文本', en: 'Pass the text of embed.toSvg()' },
        },
      ]);
  }
  const title = parsed.title ?? 'quyu';
  const noscript = svg
    ? `<noscript><div class="quyu-static-figure">${svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '')}</div></noscript>`
    : '';
  return template
    .replace(BLOCK, (_, open: string, _old: string, close: string) => `${open}${blockJson(spec)}${close}`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
    .replace(/<main id="embed"><\/main>/, (m) => `${m}${noscript}`);
}
