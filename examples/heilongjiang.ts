/**
 * 黑龙江：哈大齐国家自主创新示范区 · Heilongjiang: the Harbin–Daqing–Qiqihar innovation zone.
 */
import { heilongjiang } from 'quyu/layouts/heilongjiang';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: heilongjiang,
  title: {
    zh: '黑龙江：哈大齐国家自主创新示范区',
    en: 'Heilongjiang: the Harbin–Daqing–Qiqihar innovation zone',
  },
});
