import { countiesLoaded, registerCountyRows } from '../codes/table.ts';
import { registerTraditional } from './normalize.ts';

let loading: Promise<void> | undefined;

/**
 * Loads the county-level units (~2,860 rows: names, English names, parents) into the gazetteer and the
 * code tables. Provinces, prefecture-level units and the county-level units the atlas draws are always
 * there; county names are loaded on demand so that an app that shows cities does not ship them (bundlers
 * put them in a separate chunk; in Node it reads a local module). Call it once before resolving county
 * names or codes; later calls return at once.
 *
 * @example
 * ```ts
 * import { codeOf, loadGazetteer } from 'quyu';
 * await loadGazetteer();
 * codeOf('贵阳市白云区'); // '520113'
 * ```
 */
export function loadGazetteer(): Promise<void> {
  if (countiesLoaded()) return Promise.resolve();
  loading ??= import('./counties.ts').then(
    (m) => {
      registerTraditional(m.TRADITIONAL_COUNTIES);
      registerCountyRows(m.COUNTY_ROWS, m.COUNTY_RETIRED_CODES);
    },
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
