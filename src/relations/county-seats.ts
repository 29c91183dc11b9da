/**
 * Government seats of county-level units, for drawing counties as points when their boundaries are not
 * loaded. The coordinates live once, in the seat data (`data/seats.json`, rebuilt by `npm run build:data`), each
 * with its source and status; `npm run build:layouts` writes them into `src/layouts/seats.ts` for the
 * county-level units the built-in layouts name. Units without a sourced seat are absent on purpose: nothing
 * is guessed.
 */
import { LAYOUT_COUNTY_SEATS, type SeatPoint } from '../layouts/seats.ts';

export type { SeatPoint };

/** Seats by county-level code. */
export const COUNTY_SEATS: Readonly<Record<string, SeatPoint>> = LAYOUT_COUNTY_SEATS;
