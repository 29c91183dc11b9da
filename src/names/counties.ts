/**
 * The county-level rows of the code table and the retired county-level codes, in a module of their own so that bundlers split them into a
 * chunk that `loadGazetteer()` fetches on demand.
 */
export { COUNTY_ROWS } from '../codes/counties.generated.ts';
export { COUNTY_RETIRED_CODES } from '../codes/retired-counties.generated.ts';
export { TRADITIONAL_COUNTIES } from './names-counties.generated.ts';
