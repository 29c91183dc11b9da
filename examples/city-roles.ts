/**
 * Sichuan's city roles: 成都 as the core, the provincial economic sub-centres and the regional central
 * cities of the 2018 list.
 */
import { sichuan } from 'quyu/layouts/sichuan';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: sichuan,
  items: (i) => i.type === 'city-role',
  title: {
    zh: '四川：极核、省域经济副中心与区域中心城市',
    en: 'Sichuan: core, sub-centres and regional central cities',
  },
  bounds: [
    [100.5, 26.4],
    [109.2, 33.0],
  ],
});
