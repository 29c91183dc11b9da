/**
 * `embed.html`: the iframe page of the embed kit. The spec comes from the URL:
 *   embed.html#layout=guangdong            a built-in layout
 *   embed.html#spec=<base64url JSON>       an encoded spec (see `encodeSpec`)
 *   embed.html?id=fig1#...                 the id sent with height messages
 * The spec is untrusted input: it is validated and every text is inserted as text.
 */
import nationalAtlasUrl from '../data/china-10m.json?url';
import { decodeSpec, defineQuyuMap, type Embed } from '../src/embed/index.ts';
import { maplibregl } from './lib/map.ts';

declare global {
  interface Window {
    __quyuEmbed?: Promise<Embed>;
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
defineQuyuMap({ maplibregl, atlasUrl: nationalAtlasUrl, embedId: id });
const el = document.createElement('quyu-map') as HTMLElement & { embed: Promise<Embed> };
el.id = id;
let spec: unknown;
try {
  spec = specFromUrl();
} catch {
  spec = '{'; // undecodable: let the element report it as invalid JSON
}
el.setAttribute('spec', typeof spec === 'string' ? spec : JSON.stringify(spec));
document.getElementById('embed')!.append(el);
window.__quyuEmbed = el.embed;
window.__quyuIdle = el.embed.then((e) => {
  window.__quyuMap = e.map;
  return e.idle;
});
