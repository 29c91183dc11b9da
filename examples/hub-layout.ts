/**
 * Guangdong's “一中心三极点” transport-hub layout: the Greater Bay Area as centre, 汕头, 湛江 and 韶关 as poles,
 * with the hubs the layout names.
 */
import { guangdong } from 'quyu/layouts/guangdong';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: guangdong,
  items: ['gd-hub-1c3p'],
  title: { zh: '“一中心三极点”综合交通枢纽布局', en: "'One centre, three poles' transport hubs" },
});
