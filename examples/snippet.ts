/**
 * The embed snippet generator: builds a map spec from a form, validates it with `parseMapSpec` (errors
 * shown as text), and writes the iframe + host-script code a journalist pastes into an article.
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

function specFromForm(): MapSpecInput {
  const data = new FormData(form);
  const text = (name: string) => {
    const v = String(data.get(name) ?? '').trim();
    return v ? v : undefined;
  };
  const types = data.getAll('type').map(String) as (typeof TYPES)[number][];
  return {
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
}

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
  const src = new URL(`embed.html?id=${encodeURIComponent(id)}#spec=${encodeSpec(input)}`, location.href)
    .href;
  const host = new URL('../quyu-embed-host.js', location.href).href;
  const title = (input.title ?? layoutId)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;');
  code.value =
    `<iframe id="${id}" src="${src}" title="${title}" width="100%" height="${input.height}" style="border:0" loading="lazy"></iframe>\n` +
    `<script src="${host}" async></script>`;
  clearTimeout(timer);
  timer = setTimeout(() => {
    preview.src = src;
  }, 400);
}
form.addEventListener('input', update);
document
  .getElementById('copy')!
  .addEventListener('click', () => void navigator.clipboard?.writeText(code.value));
update();
