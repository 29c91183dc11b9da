/**
 * 四川“五区共兴”与成渝地区双城经济圈 · Sichuan's five economic regions and the Chengdu–Chongqing economic circle.
 */
import { sichuan } from 'quyu/layouts/sichuan';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  // County members as county shapes when `npm run build:counties` has built them, else seats.
  countyExtension: 'local',
  layout: sichuan,
  // 五区 with the 成渝 scope and 成都都市圈; the province-wide 承接东部产业转移 is text only.
  items: (i) =>
    (i.type === 'economic-zone' || i.type === 'eco-zone' || i.type === 'metro-circle') &&
    i.id !== 'sc-east-transfer',
  title: {
    zh: '四川“五区共兴”与成渝地区双城经济圈',
    en: "Sichuan's five economic regions and the Chengdu–Chongqing economic circle",
  },
});
