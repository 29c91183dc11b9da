/**
 * The runtime of the single-file figure (`quyu-figure.html`, see `src/embed/html.ts`): MapLibre with its
 * worker from a string (a `blob:` URL), the atlas bundled in, and the spec from the page's JSON data block.
 * Built by `scripts/figure-template.ts` into one inline module script; nothing is fetched.
 */

import * as maplibregl from 'maplibre-gl';
import workerCode from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';
import { formatError, QuyuError, safeText } from 'quyu';
import topology from 'quyu/data/china-10m.json';
import { type Embed, FIGURE_SPEC_ID, parseMapSpec, renderEmbed } from 'quyu/embed';
import type { Topology } from 'topojson-specification';

declare global {
  interface Window {
    __quyuEmbed?: Promise<Embed>;
    __quyuIdle?: Promise<void>;
  }
}

maplibregl.setWorkerUrl(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));

const main = document.getElementById('embed')!;
try {
  const text = document.getElementById(FIGURE_SPEC_ID)?.textContent ?? '{}';
  const spec = parseMapSpec(text.trim() ? text : '{}');
  const figure = document.createElement('figure');
  main.replaceChildren(figure);
  const id = new URLSearchParams(location.search).get('id') ?? 'quyu';
  const embed = renderEmbed(figure, spec, {
    maplibregl,
    atlas: topology as unknown as Topology,
    embedId: id,
  });
  window.__quyuEmbed = embed;
  window.__quyuIdle = embed.then((e) => e.idle);
} catch (error) {
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
}
