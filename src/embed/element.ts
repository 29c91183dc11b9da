/**
 * `<quyu-map>`: a custom element that renders a map spec. The spec comes from the `spec` attribute (JSON),
 * a `layout` attribute (a built-in layout id), a `src` attribute (URL of a JSON spec), or a child
 * `<script type="application/json">`. Invalid specs show their errors as text inside the element.
 */
import { formatError, LIMITS, QuyuError, safeText } from '../errors/index.ts';
import { type Embed, type EmbedDeps, renderEmbed } from './render.ts';
import { parseMapSpec } from './spec.ts';

/** The element class `defineQuyuMap` registers. */
export interface QuyuMapElement extends HTMLElement {
  /** The rendered embed, once ready. */
  readonly embed: Promise<Embed>;
}

function specSource(el: HTMLElement): Promise<unknown> | unknown {
  const inline = el.getAttribute('spec');
  if (inline) return inline;
  const layout = el.getAttribute('layout');
  if (layout) {
    return {
      layouts: [layout],
      title: el.getAttribute('title') ?? undefined,
      lang: el.getAttribute('lang') === 'en' ? 'en' : undefined,
    };
  }
  const src = el.getAttribute('src');
  if (src) {
    const url = new URL(src, document.baseURI);
    if (!/^https?:$/.test(url.protocol))
      throw new Error(`quyu-map: src must be an http(s) URL, not ${url.protocol}`);
    return fetch(url).then((r) => {
      if (!r.ok) throw new Error(`quyu-map: could not load ${url.href} (HTTP ${r.status})`);
      // A declared size over the limit is refused before the body is read (parseMapSpec checks the text too).
      const declared = Number(r.headers.get('content-length'));
      if (declared > LIMITS.specBytes)
        throw new QuyuError([
          {
            code: 'too-large',
            path: 'src',
            value: `${declared} bytes`,
            problem: {
              zh: `地图配置文件超过 ${LIMITS.specBytes} 字节的上限`,
              en: `The map spec file is larger than the limit of ${LIMITS.specBytes} bytes`,
            },
            fix: { zh: '请精简配置', en: 'Trim the spec' },
          },
        ]);
      return r.text();
    });
  }
  const script = el.querySelector('script[type="application/json"]');
  return script?.textContent ?? {};
}

/**
 * Registers `<quyu-map>` (or another tag name) with the given maplibre-gl module. Idempotent.
 *
 * Events: `quyu-first-paint` (bubbles from the map box) when the static first frame is in the page (figures
 * of data alone; see `EmbedDeps.firstPaint`), and `quyu-ready` on the element (`detail`: the {@link Embed})
 * once MapLibre has the figure.
 *
 * @example
 * ```ts
 * import * as maplibregl from 'maplibre-gl';
 * defineQuyuMap({ maplibregl });
 * // <quyu-map layout="guangdong" title="广东区域协调发展"></quyu-map>
 * ```
 */
export function defineQuyuMap(deps: EmbedDeps, tagName = 'quyu-map'): CustomElementConstructor {
  const existing = customElements.get(tagName);
  if (existing) return existing;
  class QuyuMap extends HTMLElement implements QuyuMapElement {
    static observedAttributes = ['spec', 'src', 'layout'];
    #embed: Promise<Embed> | undefined;
    #current: Embed | undefined;
    /** Counts renders: a render overtaken by a newer one (a quick change of spec) removes what it drew. */
    #token = 0;

    get embed(): Promise<Embed> {
      this.#embed ??= this.#render();
      return this.#embed;
    }

    connectedCallback() {
      this.#embed = this.#render();
      this.#embed.catch(() => undefined);
    }

    disconnectedCallback() {
      this.#current?.remove();
      this.#current = undefined;
    }

    attributeChangedCallback(_name: string, old: string | null, value: string | null) {
      if (this.isConnected && old !== null && old !== value) this.connectedCallback();
    }

    async #render(): Promise<Embed> {
      const token = ++this.#token;
      this.#current?.remove();
      this.#current = undefined;
      try {
        const spec = parseMapSpec(await specSource(this));
        if (token !== this.#token) return this.embed;
        const root = document.createElement('figure');
        this.replaceChildren(root);
        const embed = await renderEmbed(root, spec, { ...deps, embedId: this.id || deps.embedId });
        if (token !== this.#token) {
          embed.remove();
          return this.embed;
        }
        this.#current = embed;
        this.dispatchEvent(new CustomEvent('quyu-ready', { detail: this.#current }));
        return this.#current;
      } catch (error) {
        if (token !== this.#token) return this.embed;
        const box = document.createElement('div');
        box.className = 'quyu-error';
        box.setAttribute('role', 'alert');
        const lines =
          error instanceof QuyuError
            ? formatError(error)
            : [safeText(error instanceof Error ? error.message : error)];
        for (const line of lines) {
          const p = document.createElement('p');
          p.textContent = line;
          box.append(p);
        }
        this.replaceChildren(box);
        this.dispatchEvent(new CustomEvent('quyu-error', { detail: error }));
        throw error;
      }
    }
  }
  customElements.define(tagName, QuyuMap);
  return QuyuMap;
}
