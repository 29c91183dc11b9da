/**
 * `embed.html`: the iframe page of the embed kit. The spec comes from the URL:
 *   embed.html#layout=guangdong            a built-in layout
 *   embed.html#spec=<base64url JSON>       an encoded spec (see `encodeSpec`)
 *   embed.html?id=fig1#...                 the id sent with height messages
 * The spec is untrusted input: it is validated and every text is inserted as text. A new hash (the snippet
 * generator's and the studio's previews change it on every edit) draws the new spec in place.
 */

import { formatError, QuyuError, safeText } from 'quyu';
import nationalAtlasUrl from 'quyu/data/china-10m.json?url';
import { decodeSpec, defineQuyuMap, type Embed } from 'quyu/embed';

/**
 * The region files (one figure of one province loads its own, not the national file), and their overviews
 * (a figure of a whole province loads its overview first, the region file once the reader zooms in).
 */
const regionUrls = import.meta.glob<string>('../data/regions/[0-9]*.json', {
  query: '?url',
  import: 'default',
  eager: true,
});

declare global {
  interface Window {
    __quyuEmbed?: Promise<Embed>;
    /** The spec (JSON text) the page shows now: the studio waits for its previews with it. */
    __quyuSpec?: string;
  }
}

function specFromUrl(): unknown {
  const hash = new URLSearchParams(location.hash.slice(1));
  const query = new URLSearchParams(location.search);
  const encoded = hash.get('spec') ?? query.get('spec');
  if (encoded) return decodeSpec(encoded);
  const layout = hash.get('layout') ?? query.get('layout');
  return {
    layouts: [layout ?? 'guangdong'],
    lang: (hash.get('lang') ?? query.get('lang')) === 'en' ? 'en' : 'zh',
    theme: hash.get('theme') ?? query.get('theme') ?? 'light',
  };
}

const id = new URLSearchParams(location.search).get('id') ?? 'quyu';
defineQuyuMap({
  // Loaded once the static first frame is on screen.
  maplibregl: () => import('./lib/map.ts').then((m) => m.maplibregl),
  atlasUrl: nationalAtlasUrl,
  regionUrl: (province) => regionUrls[`../data/regions/${province}.json`],
  regionOverviewUrl: (province) => regionUrls[`../data/regions/${province}.overview.json`],
  embedId: id,
});
const main = document.getElementById('embed')!;
let el: (HTMLElement & { embed: Promise<Embed> }) | undefined;

function show() {
  try {
    const spec = JSON.stringify(specFromUrl());
    if (!el) {
      el = document.createElement('quyu-map') as HTMLElement & { embed: Promise<Embed> };
      el.id = id;
      el.setAttribute('spec', spec);
      main.replaceChildren(el);
    } else if (el.getAttribute('spec') !== spec)
      el.setAttribute('spec', spec); // redraws in place
    else return;
    const embed = el.embed;
    window.__quyuEmbed = embed;
    window.__quyuSpec = spec;
    window.__quyuIdle = embed.then((e) => {
      window.__quyuMap = e.map;
      return e.idle;
    });
    window.__quyuIdle.catch(() => undefined);
  } catch (error) {
    // Undecodable spec: the decoder's own error (path `spec`, zh and en) as text.
    el = undefined;
    const box = document.createElement('div');
    box.className = 'quyu-error';
    box.setAttribute('role', 'alert');
    for (const line of error instanceof QuyuError ? formatError(error) : [safeText(error)]) {
      const p = document.createElement('p');
      p.textContent = line;
      box.append(p);
    }
    main.replaceChildren(box);
    window.__quyuIdle = Promise.reject(error);
    window.__quyuIdle.catch(() => undefined);
  }
}
show();
window.addEventListener('hashchange', show);
