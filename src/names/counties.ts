/**
 * The county-level rows of the code table, in a module of their own so that bundlers split them into a
 * chunk that `loadGazetteer()` fetches on demand.
 */
export { COUNTY_ROWS } from '../codes/counties.generated.ts';
