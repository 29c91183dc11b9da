/**
 * Guangdong's 一核一带一区: the Pearl River Delta core, the coastal economic belt and the northern
 * ecological development area (an eco zone, hatched).
 */
import { guangdong } from 'quyu/layouts/guangdong';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: guangdong,
  items: (i) => i.group === '一核一带一区',
  title: { zh: '广东“一核一带一区”', en: "Guangdong's core, belt and ecological area" },
});
