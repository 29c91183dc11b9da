/**
 * Bring your own data: a layout written as JSON is checked with `defineLayout` (every problem at once, with
 * path, value and fix in Chinese and English; points are checked against the atlas) and drawn with
 * `addLayout`. `?json=<encoded>` preloads a layout (used by the browser test).
 */

import { defineLayout, formatIssue, loadAtlas, QuyuError } from 'quyu';
import nationalAtlasUrl from 'quyu/data/china-10m.json?url';
import { addLayout, baseStyle, type LayoutHandle } from 'quyu/maplibre';
import { maplibregl, params, signalFailure, signalIdle } from './lib/map.ts';

const EXAMPLE = {
  id: 'my-layout',
  title: '我的都市圈（示例）',
  region: 'Guangdong',
  items: [
    {
      type: 'metro-circle',
      id: 'my-circle',
      name: '示例都市圈',
      status: 'inferred',
      source: { title: '我的研究笔记', date: '2026-11' },
      core: '440100',
      members: [{ code: '440100' }, { code: '440600' }, { code: '441900', status: 'uncertain' }],
    },
    {
      type: 'link',
      id: 'my-link',
      name: '示例产业转移',
      kind: 'industry-transfer',
      from: '440300',
      to: '441500',
      status: 'verified',
      source: { title: '示例来源' },
    },
  ],
};

try {
  const atlas = await loadAtlas({ url: nationalAtlasUrl });
  const map = new maplibregl.Map({
    container: 'map',
    style: baseStyle({ atlas }),
    bounds: [
      [111, 21.5],
      [116.5, 24.5],
    ],
    fadeDuration: 0,
    attributionControl: false,
  });
  signalIdle(map);
  const textarea = document.getElementById('json') as HTMLTextAreaElement;
  const messages = document.getElementById('messages')!;
  textarea.value = params.get('json') ?? JSON.stringify(EXAMPLE, null, 2);
  let handle: LayoutHandle | undefined;

  const draw = () => {
    messages.replaceChildren();
    const say = (text: string, kind: 'error' | 'warning') => {
      const p = document.createElement('p');
      p.className = `message ${kind}`;
      p.textContent = text;
      messages.append(p);
    };
    let input: unknown;
    try {
      input = JSON.parse(textarea.value);
    } catch (e) {
      say(`JSON 语法错误 · JSON syntax error: ${(e as Error).message}`, 'error');
      return;
    }
    try {
      const layout = defineLayout(input, { atlas });
      for (const w of layout.warnings) say(formatIssue({ ...w, code: 'invalid-input' }), 'warning');
      handle?.remove();
      handle = addLayout(map, layout, { atlas, idPrefix: 'byod-' });
      handle.fitBounds({ animate: false });
    } catch (e) {
      if (e instanceof QuyuError) for (const issue of e.issues) say(formatIssue(issue), 'error');
      else say(String(e), 'error');
    }
  };
  document.getElementById('draw')!.addEventListener('click', draw);
  map.on('load', draw);
} catch (error) {
  signalFailure(error);
}
