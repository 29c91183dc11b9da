/**
 * The map studio: from a table to a published figure, without code. Static and offline: everything runs in
 * the page (parsing, the gazetteer, validation); the previews are the embed page itself, driven by its
 * `#spec=` hash; publishing writes files the reader downloads.
 *
 * ```
 *  paste / CSV / XLSX ─▶ table ─▶ columns ─▶ matchRegions (every row: matched, ambiguous → pick, unmatched →
 *  suggestions) ─▶ spec (values, classing, palette, overlay, text, framing) ─▶ parseMapSpec ─▶ previews
 *  (desktop, 375 px) ─▶ publish: iframe snippet · single HTML file · PNG 1x/2x · SVG · spec JSON
 * ```
 */

import {
  formatError,
  loadGazetteer,
  matchRegions,
  nameOf,
  QuyuError,
  type RegionCandidate,
  type RegionMatches,
  safeText,
} from 'quyu';
import {
  BUILTIN_LAYOUT_IDS,
  type Embed,
  encodeSpec,
  figureHtml,
  ITEM_TYPES,
  type MapSpecInput,
  parseMapSpec,
} from 'quyu/embed';
import { PALETTES, type PaletteId, paletteColors } from 'quyu/maplibre';
import sampleTable from './studio/guangdong-gdp-2023.tsv?raw';
import { parseNumber, parseTableFile, parseTableText, type Table, TableError } from './studio/table.ts';

declare global {
  interface Window {
    /** The studio's state, for the browser tests. */
    __quyuStudio?: {
      spec: () => MapSpecInput | undefined;
      matches: () => RegionMatches | undefined;
      ready: Promise<void>;
      /** Resolves when both previews show the current spec and have drawn it. */
      settled: () => Promise<void>;
      /** The single-file figure of the current spec. */
      singleFile: () => Promise<string>;
    };
  }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const paste = $<HTMLTextAreaElement>('paste');
const colName = $<HTMLSelectElement>('col-name');
const colValue = $<HTMLSelectElement>('col-value');
const colParent = $<HTMLSelectElement>('col-parent');
const tableError = $<HTMLParagraphElement>('table-error');
const matchBody = $<HTMLTableElement>('matches').tBodies[0]!;
const matchSummary = $<HTMLParagraphElement>('match-summary');
const paletteSelect = $<HTMLSelectElement>('palette');
const palettePreview = $<HTMLDivElement>('palette-preview');
const layoutSelect = $<HTMLSelectElement>('layout');
const typesBox = $<HTMLFieldSetElement>('types');
const provinceSelect = $<HTMLSelectElement>('province');
const alt = $<HTMLTextAreaElement>('alt');
const specErrors = $<HTMLParagraphElement>('spec-errors');
const snippet = $<HTMLTextAreaElement>('snippet');
const baseUrl = $<HTMLInputElement>('base-url');
const publishNote = $<HTMLParagraphElement>('publish-note');
const classNote = $<HTMLParagraphElement>('class-note');
const frames = [$<HTMLIFrameElement>('preview-desktop'), $<HTMLIFrameElement>('preview-phone')];

let table: Table | undefined;
let matches: RegionMatches | undefined;
/** The reader's choice for a row that was ambiguous or unmatched: a code, by row index. */
const picks = new Map<number, string>();
/** Whether the reader wrote the alt text (else it follows the generated description). */
let altEdited = false;
let currentSpec: MapSpecInput | undefined;

// ── Form furniture ────────────────────────────────────────────────────────────────────────────────
for (const p of PALETTES) {
  const safe = p.colorBlindSafe ? ' ✓ 色盲友好 · colour-blind safe' : '';
  const kind = p.kind === 'sequential' ? '顺序 · sequential' : '发散 · diverging';
  paletteSelect.add(new Option(`${p.id} — ${kind}${safe}`, p.id));
}
paletteSelect.value = 'Blues';
for (const id of BUILTIN_LAYOUT_IDS) layoutSelect.add(new Option(id, id));
for (const t of ITEM_TYPES) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'type';
  box.value = t;
  label.append(box, ` ${t}`);
  typesBox.append(label);
}
for (let p = 11; p <= 82; p++) {
  const code = `${p}0000`;
  try {
    provinceSelect.add(new Option(`${nameOf(code)} · ${nameOf(code, 'en')}`, code));
  } catch {
    // not a province code
  }
}
provinceSelect.value = '440000';
const defaultBase =
  /^(localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(location.hostname) || location.protocol === 'file:'
    ? ''
    : new URL('../', location.href).href;
baseUrl.value = defaultBase;

// ── Table → columns → matches ─────────────────────────────────────────────────────────────────────
function options(select: HTMLSelectElement, columns: string[], none?: string) {
  select.replaceChildren();
  if (none !== undefined) select.add(new Option(none, ''));
  columns.forEach((c, i) => {
    select.add(new Option(c, String(i)));
  });
}

function setTable(t: Table) {
  table = t;
  picks.clear();
  tableError.hidden = true;
  options(colName, t.columns);
  options(colValue, t.columns);
  options(colParent, t.columns, '（无） · none');
  // Guess: the column whose cells the gazetteer knows best, and the most numeric other column.
  const score = (i: number) =>
    matchRegions(
      t.rows.map((r) => r[i]),
      { suggestions: 0 },
    ).counts.matched;
  const numeric = (i: number) => t.rows.filter((r) => typeof parseNumber(r[i] ?? '') === 'number').length;
  const idx = t.columns.map((_, i) => i);
  const name = idx.reduce((best, i) => (score(i) > score(best) ? i : best), 0);
  const value = idx
    .filter((i) => i !== name)
    .reduce((best, i) => (numeric(i) > numeric(best) ? i : best), name === 0 ? 1 : 0);
  colName.value = String(name);
  colValue.value = String(Math.min(value, t.columns.length - 1));
  colParent.value = '';
  if (!(form.elements.namedItem('label') as HTMLInputElement).value && t.columns[value])
    (form.elements.namedItem('label') as HTMLInputElement).value = t.columns[value]!.slice(0, 120);
  renderMatches();
}

function showTableError(e: unknown) {
  tableError.hidden = false;
  tableError.textContent =
    e instanceof TableError ? e.message : e instanceof QuyuError ? formatError(e).join('\n') : safeText(e);
}

function candidateLabel(c: RegionCandidate): string {
  return `${c.parentName ?? ''}${c.name} ${c.code}`;
}

function renderMatches() {
  matchBody.replaceChildren();
  if (!table) {
    matches = undefined;
    matchSummary.textContent = '';
    return scheduleUpdate();
  }
  const n = Number(colName.value);
  const parent = colParent.value === '' ? undefined : Number(colParent.value);
  const within = (form.elements.namedItem('within') as HTMLInputElement).value.trim();
  matches = matchRegions(table.rows, {
    column: n,
    ...(parent === undefined ? {} : { parentColumn: parent }),
    ...(within ? { within } : {}),
  });
  const v = Number(colValue.value);
  let invalid = 0;
  matches.rows.forEach((m, i) => {
    const row = table!.rows[i]!;
    const tr = document.createElement('tr');
    const value = parseNumber(row[v] ?? '');
    const td = (text: string) => {
      const cell = document.createElement('td');
      cell.textContent = text;
      return cell;
    };
    const status = document.createElement('td');
    if (value === undefined) invalid++;
    if (m.status === 'matched') {
      tr.className = 'matched';
      status.textContent = `✓ ${nameOf(m.code!)} ${m.code}${m.method === 'exact' ? '' : `（${m.via}）`}`;
    } else {
      tr.className = m.status;
      const select = document.createElement('select');
      select.dataset.row = String(i);
      const head =
        m.status === 'ambiguous'
          ? '有歧义，请选择 · Ambiguous: pick one'
          : m.status === 'retired'
            ? '已撤销，请选择继承单位 · Retired: pick the successor'
            : m.candidates.length
              ? '未匹配，可能是 · Unmatched: did you mean'
              : '未匹配，无建议 · Unmatched, no suggestion';
      select.add(new Option(head, ''));
      for (const c of m.candidates) select.add(new Option(candidateLabel(c), c.code));
      select.value = picks.get(i) ?? '';
      select.setAttribute('aria-label', `${safeText(m.input, 40)}: ${head}`);
      select.addEventListener('change', () => {
        if (select.value) picks.set(i, select.value);
        else picks.delete(i);
        updateSummary();
        scheduleUpdate();
      });
      status.append(select);
    }
    tr.append(td(String(i + 2)), td(safeText(m.input, 64)), td(row[v] ?? ''), status);
    if (value === undefined && (row[v] ?? '') !== '') tr.className += ' invalid';
    matchBody.append(tr);
  });
  updateSummary(invalid);
  scheduleUpdate();
}

function updateSummary(invalid = 0) {
  if (!matches) return;
  const picked = [...picks.keys()].filter((i) => matches!.rows[i]?.status !== 'matched').length;
  const open = matches.rows.length - matches.counts.matched - picked;
  matchSummary.textContent =
    `${matches.summary.zh}${picked ? `；已手动选择 ${picked} 行` : ''}${open ? `；${open} 行未定，发布后列在图例的“未匹配的行”中` : ''}` +
    ` · ${matches.summary.en}${picked ? `; ${picked} picked by hand` : ''}${open ? `; ${open} left open (listed under "Rows not matched")` : ''}` +
    (invalid
      ? ` · ${invalid} 个数值无法识别，按无数据处理 · ${invalid} values are not numbers (drawn as no data)`
      : '');
}

// ── The spec ──────────────────────────────────────────────────────────────────────────────────────
function text(name: string): string | undefined {
  const el = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
  const v = el?.value.trim() ?? '';
  return v ? v : undefined;
}

/** The values of the table by key: the name as written when the gazetteer resolves it alone, else a code. */
function valuesFromTable(): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (!table || !matches) return out;
  const v = Number(colValue.value);
  const qualified = colParent.value !== '';
  matches.rows.forEach((m, i) => {
    const cell = table!.rows[i]![v] ?? '';
    const parsed = parseNumber(cell);
    const value = typeof parsed === 'number' ? parsed : null;
    const pick = picks.get(i);
    // A matched name stays as written (the spec reads as the table did) unless a parent column decided it;
    // a reader's pick is its code; a row left open keeps its text, and the figure reports it.
    const key =
      m.status === 'matched'
        ? qualified
          ? m.code!
          : String(m.input)
        : (pick ?? String(m.input ?? '').trim());
    if (!key || key.length > 64 || Object.hasOwn(out, key)) return;
    out[key] = value;
  });
  return out;
}

function specFromForm(): MapSpecInput {
  const scale = (form.elements.namedItem('scale') as HTMLSelectElement).value as 'ckmeans';
  const framing = (form.elements.namedItem('framing') as HTMLSelectElement).value;
  const layout = layoutSelect.value;
  const types = [...typesBox.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
  const thresholds = (text('thresholds') ?? '')
    .split(/[,，\s]+/)
    .map((x) => parseNumber(x))
    .filter((x): x is number => typeof x === 'number');
  const values = valuesFromTable();
  const within = text('within');
  const spec: MapSpecInput = {
    ...(layout ? { layouts: [layout as (typeof BUILTIN_LAYOUT_IDS)[number]] } : {}),
    ...(layout && types.length ? { show: { types: types as (typeof ITEM_TYPES)[number][] } } : {}),
    ...(Object.keys(values).length
      ? {
          layers: [
            {
              type: 'choropleth' as const,
              values,
              scale,
              classes: Number((form.elements.namedItem('classes') as HTMLInputElement).value || 5),
              ...(scale === ('threshold' as string) ? { thresholds } : {}),
              palette: paletteSelect.value as PaletteId,
              ...(text('label') ? { label: text('label') } : {}),
              ...(within ? { within } : {}),
            },
          ],
        }
      : {}),
    ...(framing === 'national'
      ? { focus: 'national' as const }
      : framing === 'province'
        ? { focus: { codes: [provinceSelect.value] } }
        : {}),
    title: text('title'),
    subtitle: text('subtitle'),
    notes: text('notes'),
    source: text('source'),
    sourceUrl: text('sourceUrl'),
    ...(altEdited && text('alt') ? { alt: text('alt') } : {}),
    lang: (form.elements.namedItem('lang') as HTMLSelectElement).value === 'en' ? 'en' : 'zh',
    theme: (form.elements.namedItem('theme') as HTMLSelectElement).value as 'light',
    height: Number((form.elements.namedItem('height') as HTMLInputElement).value || 520),
  };
  // No undefined fields: the spec is written out as JSON and compared as text.
  return JSON.parse(JSON.stringify(spec)) as MapSpecInput;
}

// ── Previews and the snippet ──────────────────────────────────────────────────────────────────────
let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleUpdate() {
  clearTimeout(timer);
  timer = setTimeout(update, 250);
}

function embedUrl(base: string, id: string, spec: MapSpecInput): string {
  return `${new URL('examples/embed.html', base).href}?id=${encodeURIComponent(id)}#spec=${encodeSpec(spec)}`;
}

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

function update() {
  clearTimeout(timer);
  const scale = (form.elements.namedItem('scale') as HTMLSelectElement).value;
  $('thresholds-label').hidden = scale !== 'threshold';
  (form.elements.namedItem('classes') as HTMLInputElement).disabled = scale === 'threshold';
  $('province-label').hidden = (form.elements.namedItem('framing') as HTMLSelectElement).value !== 'province';
  const n = Number((form.elements.namedItem('classes') as HTMLInputElement).value || 5);
  palettePreview.replaceChildren(
    ...paletteColors(paletteSelect.value as PaletteId, n).map((c) => {
      const s = document.createElement('span');
      s.style.background = c; // CSSOM: allowed by the page's style-src
      return s;
    }),
  );
  classNote.textContent =
    scale === 'quantize'
      ? '等间距在数据偏斜时会留下空的级别 · Equal intervals can leave classes empty when the data is skewed'
      : '';
  const spec = specFromForm();
  try {
    parseMapSpec(spec);
    specErrors.hidden = true;
  } catch (e) {
    specErrors.hidden = false;
    specErrors.textContent = e instanceof QuyuError ? formatError(e).join('\n') : safeText(e);
    return;
  }
  currentSpec = spec;
  // The previews are the embed page itself: a new hash redraws it in place.
  const here = new URL('../', location.href).href;
  frames[0]!.src = embedUrl(here, 'studio-desktop', spec);
  frames[1]!.src = embedUrl(here, 'studio-phone', spec);
  writeSnippet(spec);
}

function writeSnippet(spec: MapSpecInput) {
  const raw = baseUrl.value.trim();
  let base: URL | undefined;
  try {
    base = raw ? new URL(raw.endsWith('/') ? raw : `${raw}/`) : undefined;
  } catch {
    base = undefined;
  }
  if (!base || !/^https?:$/.test(base.protocol) || LOCAL.test(base.hostname)) {
    snippet.value = '';
    snippet.placeholder = raw
      ? '请填写公开的 http(s) 网址（不能是本机地址） · Give a public http(s) address (not this computer)'
      : '请先填写网站公开地址 · Fill in the public base URL first';
    return;
  }
  const id = `quyu-${Date.now().toString(36)}`;
  const esc = (t: string) =>
    t.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );
  const title = esc(spec.title ?? 'quyu map');
  // No style attribute: a strict host CSP blocks it. The host script sets the border and height (CSSOM).
  snippet.value =
    `<iframe id="${id}" src="${esc(embedUrl(base.href, id, spec))}" title="${title}" width="100%" height="${(spec.height ?? 520) + 160}" frameborder="0" scrolling="no" loading="lazy"></iframe>\n` +
    `<script src="${esc(new URL('quyu-embed-host.js', base).href)}" async></script>`;
}

/** The embed in a preview frame, once it shows `spec` and has drawn it. */
async function previewEmbed(frame: HTMLIFrameElement, spec: MapSpecInput): Promise<Embed> {
  const want = JSON.stringify(spec);
  for (let i = 0; i < 600; i++) {
    const w = frame.contentWindow as (Window & { __quyuSpec?: string; __quyuEmbed?: Promise<Embed> }) | null;
    if (w?.__quyuSpec === want && w.__quyuEmbed) {
      const embed = await w.__quyuEmbed;
      await embed.idle;
      return embed;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('预览没有完成 · The preview did not finish');
}

async function settled(): Promise<void> {
  if (timer) update();
  const spec = currentSpec;
  if (!spec) throw new Error('no valid spec');
  const [desktop] = await Promise.all(frames.map((f) => previewEmbed(f, spec)));
  // The alt text follows the generated description until the reader writes their own.
  if (!altEdited) alt.value = desktop!.description;
}

// ── Publish ───────────────────────────────────────────────────────────────────────────────────────
function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}

function fileName(ext: string): string {
  const t = (currentSpec?.title ?? 'quyu-map')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/\p{Cc}/gu, '')
    .slice(0, 60);
  return `${t || 'quyu-map'}.${ext}`;
}

async function singleFile(): Promise<string> {
  await settled();
  const response = await fetch(new URL('../quyu-figure.html', location.href));
  if (!response.ok)
    throw new Error(
      `单文件模板不可用（HTTP ${response.status}）：请用 npm run build:gallery 构建 · The figure template is missing: build with npm run build:gallery`,
    );
  // The figure as drawn in the desktop preview, for readers without JavaScript.
  const embed = await previewEmbed(frames[0]!, currentSpec!);
  const staticSvg = await (await embed.toSvg()).text();
  return figureHtml(await response.text(), currentSpec, { staticSvg });
}

async function run(label: string, job: () => Promise<void>) {
  publishNote.textContent = `${label}…`;
  try {
    await job();
  } catch (e) {
    publishNote.textContent = `${label}：${e instanceof QuyuError ? formatError(e).join(' ') : safeText(e)}`;
  }
}

$('publish-html').addEventListener('click', () =>
  run('单文件 HTML · Single HTML file', async () => {
    const html = await singleFile();
    const bytes = new TextEncoder().encode(html).length;
    download(fileName('html'), new Blob([html], { type: 'text/html' }));
    publishNote.textContent = `单文件 HTML：${(bytes / 1024 / 1024).toFixed(2)} MB（可放在任何静态网站、CMS 或直接打开） · Single HTML file: ${(bytes / 1024 / 1024).toFixed(2)} MB, for any static host, a CMS or file://`;
  }),
);
for (const [id, scale] of [
  ['publish-png', 1],
  ['publish-png2', 2],
] as const) {
  $(id).addEventListener('click', () =>
    run(`PNG ${scale}x`, async () => {
      await settled();
      const embed = await previewEmbed(frames[0]!, currentSpec!);
      download(fileName(scale === 2 ? '2x.png' : 'png'), await embed.toPng(scale));
      publishNote.textContent = `PNG ${scale}x ✓`;
    }),
  );
}
$('publish-svg').addEventListener('click', () =>
  run('SVG', async () => {
    await settled();
    const embed = await previewEmbed(frames[0]!, currentSpec!);
    download(fileName('svg'), await embed.toSvg());
    publishNote.textContent = 'SVG ✓';
  }),
);
$('publish-json').addEventListener('click', () => {
  if (timer) update();
  if (!currentSpec) return;
  download(
    fileName('quyu.json'),
    new Blob([JSON.stringify(currentSpec, null, 2)], { type: 'application/json' }),
  );
});
$('copy').addEventListener('click', () => void navigator.clipboard?.writeText(snippet.value));

/** Puts a spec (from a JSON file) back into the form: its table, classing, overlay, text and style. */
function loadSpec(input: unknown) {
  const spec = parseMapSpec(input);
  // The file's text: parseMapSpec has checked it is a valid spec (and so valid JSON).
  const raw = (typeof input === 'string' ? JSON.parse(input) : input) as MapSpecInput;
  const layer = raw.layers?.[0];
  const set = (name: string, value: string | number | undefined) => {
    const el = form.elements.namedItem(name) as HTMLInputElement | null;
    if (el) el.value = value === undefined ? '' : String(value);
  };
  if (layer) {
    const entries = Object.entries(layer.values);
    paste.value = [
      `地名 · Name\t${layer.label ?? '数值 · Value'}`,
      ...entries.map(([k, v]) => `${k}\t${v ?? ''}`),
    ].join('\n');
    setTable(parseTableText(paste.value));
    set('scale', spec.layers[0]!.scale);
    set('classes', spec.layers[0]!.classes);
    set('thresholds', layer.thresholds?.join(', '));
    if (layer.palette) paletteSelect.value = layer.palette;
    set('label', layer.label);
    set('within', layer.within);
  }
  const layout = spec.layouts[0];
  layoutSelect.value = typeof layout === 'string' ? layout : '';
  for (const box of typesBox.querySelectorAll<HTMLInputElement>('input'))
    box.checked = Boolean(spec.show?.types?.includes(box.value as never));
  for (const k of ['title', 'subtitle', 'notes', 'source', 'sourceUrl', 'lang', 'theme', 'height'] as const)
    set(k, spec[k] as string | number | undefined);
  altEdited = Boolean(spec.alt);
  alt.value = spec.alt ?? '';
  const focus = spec.focus;
  set(
    'framing',
    focus === 'national'
      ? 'national'
      : focus && typeof focus === 'object' && 'codes' in focus
        ? 'province'
        : 'data',
  );
  if (focus && typeof focus === 'object' && 'codes' in focus) provinceSelect.value = focus.codes[0]!;
  update();
}

$<HTMLInputElement>('load-json').addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  await run('载入配置 · Load a spec', async () => {
    if (file.size > 512 * 1024)
      throw new Error('配置文件超过 512 KiB · The spec file is larger than 512 KiB');
    loadSpec(await file.text());
    publishNote.textContent = `已载入 ${safeText(file.name, 60)} · Loaded`;
  });
});

// ── Events ────────────────────────────────────────────────────────────────────────────────────────
paste.addEventListener('input', () => {
  if (!paste.value.trim()) {
    table = undefined;
    renderMatches();
    return;
  }
  try {
    setTable(parseTableText(paste.value));
  } catch (e) {
    showTableError(e);
  }
});
$<HTMLInputElement>('file').addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  try {
    setTable(await parseTableFile(file));
  } catch (err) {
    showTableError(err);
  }
});
$('sample').addEventListener('click', () => {
  paste.value = sampleTable;
  setTable(parseTableText(sampleTable));
  const f = (name: string, v: string) => {
    const el = form.elements.namedItem(name) as HTMLInputElement;
    if (!el.value) el.value = v;
  };
  f('title', '广东各市 2023 年地区生产总值');
  f('label', 'GDP（亿元）');
  f('source', '示例数据（仅供演示）');
});
for (const select of [colName, colValue, colParent]) select.addEventListener('change', renderMatches);
(form.elements.namedItem('within') as HTMLInputElement).addEventListener('change', renderMatches);
alt.addEventListener('input', () => {
  altEdited = alt.value.trim() !== '';
});
$('alt-reset').addEventListener('click', () => {
  altEdited = false;
  update();
  void settled().catch(() => undefined);
});
form.addEventListener('input', (e) => {
  const t = e.target as HTMLElement;
  if (t === paste || t.id === 'file' || t.id === 'load-json') return;
  if (t === baseUrl) {
    if (currentSpec) writeSnippet(currentSpec);
    return;
  }
  scheduleUpdate();
});
form.addEventListener('submit', (e) => e.preventDefault());

const ready = loadGazetteer().then(() => {
  update();
});
window.__quyuStudio = { spec: () => currentSpec, matches: () => matches, ready, settled, singleFile };
