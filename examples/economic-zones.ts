/**
 * Sichuan's five regions (五区共兴): 成都平原, 川南, 川东北, 攀西 and the 川西北 ecological demonstration area.
 */
import { sichuan } from 'quyu/layouts/sichuan';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: sichuan,
  items: (i) => i.id.startsWith('sc-5r-'),
  title: { zh: '四川“五区共兴”', en: "Sichuan's five regions" },
});
