/**
 * Guangdong's five metropolitan circles (广州, 深圳, 珠江口西岸, 汕潮揭, 湛茂) of the 2023 plans.
 */
import { guangdong } from 'quyu/layouts/guangdong';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: guangdong,
  items: (i) => i.type === 'metro-circle',
  title: { zh: '广东五大都市圈', en: "Guangdong's five metropolitan circles" },
  subtitle: {
    zh: '据 2023 年五个都市圈发展规划（粤府〔2023〕92号）',
    en: 'After the 2023 plans of the five circles',
  },
});
