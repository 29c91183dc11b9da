/**
 * The gallery index: a card per example with its preview image (made by `npm run previews`).
 */
import { EXAMPLES, type Example } from './gallery.ts';

const GROUPS: Record<Example['group'], { zh: string; en: string }> = {
  layout: { zh: '内置布局', en: 'Built-in layouts' },
  layer: { zh: '图层类型', en: 'Layer types' },
  tool: { zh: '工具与分析', en: 'Tools and analysis' },
  base: { zh: '底图', en: 'Base map' },
};

const root = document.getElementById('gallery')!;
for (const group of Object.keys(GROUPS) as Example['group'][]) {
  const section = document.createElement('section');
  const h2 = document.createElement('h2');
  h2.textContent = `${GROUPS[group].zh} · ${GROUPS[group].en}`;
  const list = document.createElement('ul');
  list.className = 'cards';
  for (const ex of EXAMPLES.filter((e) => e.group === group)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.className = 'card';
    a.href = `examples/${ex.slug}.html${ex.query ? `?${ex.query}` : ''}`;
    const img = document.createElement('img');
    img.src = `previews/${ex.slug}.png`;
    img.alt = ex.title.zh;
    img.loading = 'lazy';
    img.width = 400;
    img.height = 280;
    const title = document.createElement('h3');
    title.textContent = ex.title.zh;
    const en = document.createElement('p');
    en.className = 'card-en';
    en.textContent = ex.title.en;
    const desc = document.createElement('p');
    desc.textContent = `${ex.description.zh} ${ex.description.en}`;
    a.append(img, title, en, desc);
    li.append(a);
    list.append(li);
  }
  section.append(h2, list);
  root.append(section);
}
