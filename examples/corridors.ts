/**
 * The 广深港 and 广珠澳 science and technology corridors.
 */
import { guangzhouShenzhen } from 'quyu/layouts/guangzhou-shenzhen';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: guangzhouShenzhen,
  items: ['gzsz-corr-gsg', 'gzsz-corr-gza'],
  title: { zh: '广深港、广珠澳科技创新走廊', en: 'Science and technology corridors' },
  bounds: [
    [111.9, 21.6],
    [115.2, 24.0],
  ],
});
