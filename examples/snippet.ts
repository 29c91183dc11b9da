/**
 * The embed snippet generator: builds a map spec from a form, validates it with `parseMapSpec` (errors
 * shown as text), shows it in a live preview (the embed page redraws on every new `#spec=` hash), and
 * writes the iframe + host-script code a journalist pastes into an article, pointing at the public address
 * where the gallery is hosted (never this computer). The code has no `style` attribute: a strict host
 * policy would block it; the host script sets the border and height through the CSSOM. For data maps,
 * use the map studio (studio.html).
 */

import { formatIssue, QuyuError } from 'quyu';
import {
  BUILTIN_LAYOUT_IDS,
  encodeSpec,
  type MapSpecInput,
  parseMapSpec,
  ITEM_TYPES as TYPES,
} from 'quyu/embed';

const form = document.getElementById('form') as HTMLFormElement;
const layoutSelect = form.elements.namedItem('layout') as HTMLSelectElement;
for (const id of BUILTIN_LAYOUT_IDS) layoutSelect.add(new Option(id, id));
const typeBox = document.getElementById('types')!;
for (const t of TYPES) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'type';
  box.value = t;
  label.append(box, ` ${t}`);
  typeBox.append(label);
}
const code = document.getElementById('code') as HTMLTextAreaElement;
const preview = document.getElementById('preview') as HTMLIFrameElement;
const errors = document.getElementById('errors')!;
const baseInput = form.elements.namedItem('baseUrl') as HTMLInputElement;
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;
if (!LOCAL.test(location.hostname) && location.protocol !== 'file:')
  baseInput.value = new URL('../', location.href).href;

function specFromForm(): MapSpecInput {
  const data = new FormData(form);
  const text = (name: string) => {
    const v = String(data.get(name) ?? '').trim();
    return v ? v : undefined;
  };
  const types = data.getAll('type').map(String) as (typeof TYPES)[number][];
  const spec: MapSpecInput = {
    layouts: [String(data.get('layout')) as (typeof BUILTIN_LAYOUT_IDS)[number]],
    ...(types.length ? { show: { types } } : {}),
    title: text('title'),
    subtitle: text('subtitle'),
    source: text('source'),
    sourceUrl: text('sourceUrl'),
    lang: data.get('lang') === 'en' ? 'en' : 'zh',
    theme: String(data.get('theme')) as 'light',
    height: Number(data.get('height') || 520),
  };
  return JSON.parse(JSON.stringify(spec)) as MapSpecInput;
}

const esc = (t: string) =>
  t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

let timer: ReturnType<typeof setTimeout> | undefined;
function update() {
  const input = specFromForm();
  try {
    parseMapSpec(input);
    errors.hidden = true;
  } catch (e) {
    errors.hidden = false;
    errors.textContent = e instanceof QuyuError ? e.issues.map(formatIssue).join('\n') : String(e);
    return;
  }
  const layoutId = String(layoutSelect.value);
  const id = `quyu-${layoutId}`;
  const hash = `#spec=${encodeSpec(input)}`;
  clearTimeout(timer);
  // The preview is this site's embed page; a new hash redraws it in place.
  timer = setTimeout(() => {
    preview.src = `${new URL('embed.html', location.href).href}?id=preview${hash}`;
  }, 250);
  const raw = baseInput.value.trim();
  let base: URL | undefined;
  try {
    base = raw ? new URL(raw.endsWith('/') ? raw : `${raw}/`) : undefined;
  } catch {
    base = undefined;
  }
  if (!base || !/^https?:$/.test(base.protocol) || LOCAL.test(base.hostname)) {
    code.value = '';
    code.placeholder = raw
      ? '请填写公开的 http(s) 网址（不能是本机地址） · Give a public http(s) address (not this computer)'
      : '请先填写网站公开地址 · Fill in the public base URL first';
    return;
  }
  const src = `${new URL('examples/embed.html', base).href}?id=${encodeURIComponent(id)}${hash}`;
  const title = esc(input.title ?? layoutId);
  code.value =
    `<iframe id="${id}" src="${esc(src)}" title="${title}" width="100%" height="${(input.height ?? 520) + 160}" frameborder="0" scrolling="no" loading="lazy"></iframe>\n` +
    `<script src="${esc(new URL('quyu-embed-host.js', base).href)}" async></script>`;
}
form.addEventListener('input', update);
document
  .getElementById('copy')!
  .addEventListener('click', () => void navigator.clipboard?.writeText(code.value));
update();
