/**
 * 广深双城联动：科技创新走廊与合作平台 · Guangzhou–Shenzhen: science and technology corridors and platforms.
 */
import { guangzhouShenzhen } from 'quyu/layouts/guangzhou-shenzhen';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: guangzhouShenzhen,
  // Corridors, the metropolitan circle, the economic circle, hubs and platforms with a sourced point; the
  // platforms that the sources give only as "part of a city" are listed in the panel, not hatched over cities.
  items: (i) =>
    i.type === 'corridor' ||
    i.type === 'hub' ||
    i.type === 'metro-circle' ||
    i.type === 'link' ||
    i.id === 'gzsz-gfzqyys',
  bounds: [
    [111.8, 21.6],
    [115.4, 24.4],
  ],
  title: {
    zh: '广深双城联动：科技创新走廊与合作平台',
    en: 'Guangzhou–Shenzhen: science and technology corridors and platforms',
  },
});
