/**
 * Every item of the Guangdong layout at once: the page the benchmark measures. The view is fixed on the
 * province (海南自由贸易港 would otherwise stretch the extent over the South China Sea).
 */
import { guangdong } from 'quyu/layouts/guangdong';
import { layoutPage } from './lib/layout-page.ts';

// Not awaited: a module's top-level await keeps its last value (the atlas) alive for the life of the page.
void layoutPage({
  // County members as county shapes when `npm run build:counties` has built them, else seats.
  countyExtension: 'local',
  layout: guangdong,
  bounds: [
    [108.6, 20.1],
    [117.6, 25.6],
  ],
});
