/**
 * Government seats of county-level units, for drawing counties as points when their boundaries are not
 * loaded. Copied from the project's reference coordinate sheet (shared/reference/coords.json, research pass of
 * 2026-11-25) with each row's source; only rows with a coordinate. Units whose seat was not found (游仙区
 * 510704, 盐亭县 510723) are absent on purpose: nothing is guessed.
 */
import type { Point } from '../layouts/schema.ts';

/** A government seat: where it is, how sure, and where the coordinate comes from. */
export interface SeatPoint {
  /** `[lng, lat]` WGS-84 (as published). */
  point: Point;
  /** `sourced`: read from a page for this very seat; `approximate`: a proxy or a GCJ-02-derived value. */
  status: 'sourced' | 'approximate';
  source: string;
  note?: string;
}

/** Seats by county-level code. */
export const COUNTY_SEATS: Readonly<Record<string, SeatPoint>> = {
  '510703': {
    point: [104.7572, 31.4553],
    status: 'sourced',
    source: "http://en.m.wikipedia.org/wiki/Fucheng_District ('Fucheng, Mianyang')",
    note: 'infobox 31°27′19″N 104°45′26″E; district seat Chengxiang Subdistrict',
  },
  '510705': {
    point: [104.5667, 31.5333],
    status: 'sourced',
    source: "https://kampuspedia.com/de/Anzhou (mirror of de.wikipedia 'Anzhou')",
    note: 'district coordinate 31°32′N 104°34′E (minute precision); seat Huagai town (花荄镇)',
  },
  '510722': {
    point: [105.0936, 31.0958],
    status: 'sourced',
    source: "https://bahnsport-info.de/... (mirror of en.wikipedia 'Santai County')",
    note: 'county coordinate 31°05′45″N 105°05′37″E; seat Tongchuan town (潼川镇)',
  },
  '510725': {
    point: [105.171, 31.643],
    status: 'approximate',
    source: "http://wikipedia.moesalih.com/Zitong_County (mirror of en.wikipedia 'Zitong County')",
    note: 'county coordinate 31°38′35″N 105°10′16″E, template source:Gaode (GCJ-02-derived, up to ~0.7 km off); seat Wenchang town',
  },
  '510726': {
    point: [104.4682, 31.6172],
    status: 'sourced',
    source:
      "https://wikifwd.glitch.me/wiki/Beichuan (mirror of en.wikipedia 'Beichuan Qiang Autonomous County')",
    note: 'Coordinates (Beichuan County government) 31°37′02″N 104°28′06″E, new seat Yongchang town (after 2008)',
  },
  '510727': {
    point: [104.556, 32.41],
    status: 'sourced',
    source: 'https://en.wikipedia.org/wiki/Pingwu_County',
    note: "county coordinate 32°24′36″N 104°33′22″E; seat Long'an town (龙安镇)",
  },
  '510781': {
    point: [104.7406, 31.7761],
    status: 'sourced',
    source: "https://perceptiode.com/Цзянъю (translation of ru.wikipedia 'Цзянъю' Jiangyou)",
    note: 'city coordinate 31°46′34″N 104°44′26″E',
  },
};
