/**
 * Counterpart aid in Guangdong: each Pearl River Delta city and the cities it helps.
 */
import { guangdong } from 'quyu/layouts/guangdong';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: guangdong,
  items: (i) => i.type === 'link' && i.kind === 'counterpart-aid',
  title: {
    zh: '珠三角与粤东粤西粤北对口帮扶协作',
    en: 'Counterpart aid: Pearl River Delta → east, west and north Guangdong',
  },
  subtitle: { zh: '箭头由帮扶方指向受帮扶方', en: 'Arrows point from the helping city to the city helped' },
});
