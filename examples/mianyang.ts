/**
 * 绵阳“一核两翼三区” · Mianyang: one core, two wings, three zones.
 */
import { mianyang } from 'quyu/layouts/mianyang';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  // County members as county shapes when `npm run build:counties` has built them, else seats.
  countyExtension: 'local',
  layout: mianyang,
  bounds: [
    [103.7, 30.7],
    [105.6, 32.7],
  ],
  // Counties without boundaries: parent outline, seat points and the note (issue: never fake a county).
  counties: 'seats',
  title: { zh: '绵阳“一核两翼三区”', en: 'Mianyang: one core, two wings, three zones' },
});
