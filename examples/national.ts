/**
 * The 18 metropolitan circles with an NDRC reply on a national view, with the 南海诸岛 inset (on by default
 * for national layouts), so the frame can stop at the mainland.
 */
import { national } from 'quyu/layouts/national';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  layout: national,
  title: { zh: '国家发展改革委批复（函复）的都市圈', en: 'Metropolitan circles with an NDRC reply' },
  bounds: [
    [73.4, 17.6],
    [135.1, 53.6],
  ],
});
