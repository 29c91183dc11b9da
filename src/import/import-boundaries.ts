/**
 * `importBoundaries`: user boundaries (county-level or any coded units) in, a TopoJSON atlas extension out.
 *
 * ```
 * JSON ─read─▶ features ─codes─▶ 2023 rows ─crs─▶ detected system ─convert─▶ WGS-84
 *      ─snap + repair─▶ valid rings ─containment─▶ inside parents ─topology─▶ shared arcs
 *      ─simplify + quantise per resolution─▶ extensions ({ counties } objects for loadAtlas({ extensions }))
 * ```
 * Pure computation: no file or network access except loading the bundled atlas when none is passed.
 */
import type { MultiLineString, Position } from 'geojson';
import { mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { type Atlas, loadAtlas } from '../atlas/index.ts';
import { childrenOf, type Level, lookupCode } from '../codes/index.ts';
import { QuyuError, type QuyuIssue } from '../errors/index.ts';
import { bboxOfPositions, polygonsOf, verticesOf } from '../geo/planar.ts';
import { checkHoles } from '../geo/polygons.ts';
import { SegmentIndex } from '../geo/segments.ts';
import { loadGazetteer } from '../names/load.ts';
import { checkCodes } from './check-codes.ts';
import { checkContainment } from './containment.ts';
import { CRS_NAMES, checkDomain, detectCrs, outerBoundaryVertices, toWgs84 } from './crs.ts';
import { Issues } from './issues.ts';
import { buildMosaic, type MosaicReport } from './mosaic.ts';
import { describe, describeEn, join, type RawFeature, readFeatures } from './read.ts';
import { emptyRepairs, repairPolygons, snapVertices } from './repair.ts';
import { type BuiltUnit, buildExtensions, RESOLUTION_SPECS, topologySize } from './topology.ts';
import type {
  CoverageReport,
  CrsReport,
  ExtensionMeta,
  ImportOptions,
  ImportReport,
  ImportResolution,
  ImportResult,
  ImportSource,
  ImportStep,
  InputRecord,
  RecodeRecord,
} from './types.ts';

const OBJECT_OF: Record<Level, ExtensionMeta['object']> = {
  county: 'counties',
  prefecture: 'prefectures',
  province: 'provinces',
};

const referenceCache = new WeakMap<Topology, Position[][]>();

/** Every boundary line of the atlas' finest units (each shared arc once, coasts included). */
function referenceLines(atlas: Atlas): Position[][] {
  let lines = referenceCache.get(atlas.topology);
  if (!lines) {
    const m = mesh(atlas.topology, atlas.topology.objects.prefectures as never) as MultiLineString;
    lines = m.coordinates;
    referenceCache.set(atlas.topology, lines);
  }
  return lines;
}

function checkOptions(options: ImportOptions, issues: Issues): void {
  const bad = (path: string, value: unknown, zh: string, en: string) =>
    issues.error(
      'invalid-input',
      `options.${path}`,
      value,
      { zh: '无效的导入选项', en: 'Invalid import option' },
      { zh, en },
    );
  const res = options.resolutions;
  if (res !== undefined) {
    const known = Object.keys(RESOLUTION_SPECS);
    if (!Array.isArray(res) || res.length === 0 || res.some((r) => !known.includes(r)))
      bad('resolutions', res, `请从 ${known.join('、')} 中选择`, `Use one or more of ${known.join(', ')}`);
    else if (new Set(res).size !== res.length)
      bad('resolutions', res, '分辨率不能重复', 'List each resolution once');
  }
  if (options.crs !== undefined && options.crs !== 'auto' && !CRS_NAMES.includes(options.crs))
    bad(
      'crs',
      options.crs,
      `请使用 auto 或 ${CRS_NAMES.join('、')}`,
      `Use auto or one of ${CRS_NAMES.join(', ')}`,
    );
  if (options.level !== undefined && !['province', 'prefecture', 'county'].includes(options.level))
    bad(
      'level',
      options.level,
      '请使用 province、prefecture 或 county',
      'Use province, prefecture or county',
    );
  for (const k of ['toleranceM', 'snapM', 'gapAreaKm2', 'gapWidthM'] as const) {
    const v = options[k];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0))
      bad(k, v, '须为非负数（米）', 'Must be a non-negative number of metres');
  }
  issues.throwIfAny();
}

function crsMessage(crs: CrsReport): string {
  const others = crs.candidates
    .slice(1)
    .map((c) => `${c.crs} ${c.medianM} m`)
    .join(', ');
  const how =
    crs.method === 'given'
      ? `${crs.crs} (given)`
      : `${crs.crs} detected (median ${crs.candidates[0]?.medianM} m${others ? `; ${others}` : ''})`;
  const residual =
    crs.residualM === null
      ? 'no overlap with the atlas to measure a residual'
      : `residual ${crs.residualM} m over ${crs.matched}/${crs.samples} boundary vertices${
          crs.offsetM ? `, offset ${crs.offsetM.east} m E ${crs.offsetM.north} m N` : ''
        }`;
  return `${how}; ${crs.converted ? 'converted to WGS-84' : 'no conversion'}; ${residual}`;
}

/**
 * Imports user boundaries and returns a TopoJSON atlas extension for `loadAtlas({ extensions })`.
 *
 * The input is a parsed GeoJSON FeatureCollection or Feature, a TopoJSON Topology, or their JSON text; each
 * feature carries a 2023 GB/T 2260 code (`adcode` in DataV GeoAtlas files, or `code`, or the feature id). The
 * importer checks the codes (unknown, stale, duplicate, mixed levels), detects the coordinate system by
 * comparison with the bundled atlas (WGS-84, GCJ-02, BD-09, or Web/Baidu Mercator metres) and converts to
 * WGS-84, snaps and repairs rings (closure, winding, crossings), checks that each unit lies within its parent,
 * and builds one topology per requested resolution. Problems that stop the import are thrown as one
 * {@link QuyuError} whose issues name `file:path` of each feature; the rest are `report.warnings`.
 *
 * Errors (`issue.code` — `issue.path` — when):
 * - `invalid-input` — `file` — the text is not JSON;
 * - `invalid-input` — `file:type` — neither GeoJSON nor TopoJSON, or a bare geometry (no code to read);
 * - `invalid-input` — `file:features` / `file:objects` — no features; an unknown TopoJSON `object`;
 * - `invalid-input` — `file:features[i].geometry` — no geometry; `….geometry.type`: not a (Multi)Polygon;
 * - `invalid-input` — `file:features[i].geometry.coordinates[…]` — a position that is not two finite numbers;
 * - `invalid-input` — `file:features[i].properties` — no code (fix: `codeField`);
 * - `unknown-code` — `file:features[i].properties.adcode` (or the field read) — not 6 digits; not in the 2023
 *   table, with the closest codes; a stale code (retired, its parent still exists), with a `recode` fix;
 * - `duplicate-id` — the code field of the second feature — the same code twice (both paths named);
 * - `invalid-input` — the code field of the first feature of the rarest level — levels mixed (fix: `level`);
 * - `swapped-coordinates` / `out-of-range` — `file:features[i].geometry.coordinates` — latitude first; not in China;
 * - `invalid-input` — `file:crs` — a given `crs` of the wrong kind (degrees vs metres); or, with `auto`, fewer
 *   than 20 outer-boundary vertices within 1 km of an atlas boundary (fix: pass `crs`);
 * - `invalid-input` — `file:features[i].geometry` — no valid ring left after repair;
 * - `point-outside-unit` — `file:features[i].geometry` — more than half of the unit lies outside its parent by
 *   more than `toleranceM` (wrong code or coordinates); a smaller part outside is a warning;
 * - `invalid-input` — `file:options.*` — an invalid option.
 * Warnings: names that differ from the 2023 table, units already in the bundled atlas, features skipped by
 * `level` or `skipUnknown`, DataV's dashed-line feature skipped, weak or poor coordinate-system fits.
 *
 * @example
 * ```ts
 * import { importBoundaries } from 'quyu/import';
 * import { loadAtlas } from 'quyu';
 * const { extension, report } = await importBoundaries(geojson, { file: '510700_full.json' });
 * report.crs.crs;        // 'GCJ02' (DataV data)
 * const atlas = await loadAtlas({ resolution: '2m', extensions: [extension] });
 * atlas.feature('510781').properties.name; // '江油市'
 * ```
 */
export async function importBoundaries(input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const t0 = performance.now();
  const file = options.file ?? 'input';
  const issues = new Issues(isSourceList(input) ? '' : file);
  const progress = (step: ImportStep, message: string) =>
    options.onProgress?.({ step, message, elapsedMs: Math.round(performance.now() - t0) });
  checkOptions(options, issues);
  const resolutions: ImportResolution[] = options.resolutions ?? ['2m'];
  const toleranceM = options.toleranceM ?? 1000;
  const snapM = options.snapM ?? 1;

  const multi = isSourceList(input);
  const sources: ImportSource[] = multi ? input : [{ name: file, data: input }];
  const records: InputRecord[] = [];
  const features: RawFeature[] = [];
  const readErrors: QuyuIssue[] = [];
  let ringsClosed = 0;
  let omitted = 0;
  for (const source of sources) {
    progress('read', `reading ${source.name}`);
    const own = multi ? new Issues(source.name) : issues;
    try {
      const { data, text } = parseSource(source.data, own);
      const read = readSource(data, own, options);
      ringsClosed += read.ringsClosed;
      for (const f of read.features) {
        if (multi) {
          f.path = `${source.name}:${f.path}`;
          f.codePath = `${source.name}:${f.codePath}`;
        }
        features.push(f);
      }
      const bytes = text !== null ? new TextEncoder().encode(text) : null;
      records.push({
        name: source.name,
        size: source.size ?? bytes?.length ?? 0,
        sha256: source.sha256 ?? (bytes ? await sha256(bytes) : ''),
        format: read.format,
        features: read.features.length,
      });
      progress('read', `${multi ? `${source.name}: ` : ''}${read.features.length} features (${read.format})`);
    } catch (e) {
      if (!(e instanceof QuyuError) || !multi) throw e;
      readErrors.push(...e.issues);
      omitted += e.omitted;
    }
  }
  if (readErrors.length) throw new QuyuError(readErrors, omitted);
  const formats = [...new Set(records.map((r) => r.format))];
  const format: ImportReport['format'] = formats.length === 1 ? formats[0]! : 'mixed';
  const read = { features, ringsClosed, format };

  if (!options.atlas) progress('read', 'loading the bundled 2m atlas for comparison');
  const atlas = options.atlas ?? (await loadAtlas({ resolution: '2m' }));
  // Retired county codes and county names need the county tables.
  await loadGazetteer();
  const recodes: RecodeRecord[] = [];
  const { units, level } = checkCodes(read.features, issues, { ...options, merge: multi }, atlas, recodes);
  if (recodes.length)
    progress(
      'codes',
      `${recodes.length} codes changed: ${recodes
        .slice(0, 5)
        .map((r) => `${r.from || r.name}→${r.to}`)
        .join(', ')}${recodes.length > 5 ? ', …' : ''}`,
    );

  progress('codes', `${units.length} ${level}-level units with valid 2023 codes`);

  const located = units.map((u) => ({
    path: u.path,
    code: u.code,
    name: u.info.name,
    bbox: bboxOfPositions(verticesOf(u.polygons)),
  }));
  const given = options.crs && options.crs !== 'auto' ? options.crs : undefined;
  const domain = checkDomain(located, issues, given);
  progress(
    'crs',
    given ? `measuring ${given} against the bundled atlas` : 'comparing with the bundled atlas',
  );
  const samples = outerBoundaryVertices(units.map((u) => u.polygons));
  const guess = toWgs84(domain === 'lonlat' ? 'WGS84' : 'EPSG3857');
  const box = bboxOfPositions(
    located.flatMap((l) => [guess([l.bbox[0], l.bbox[1]]), guess([l.bbox[2], l.bbox[3]])]),
  );
  const margin = 0.1;
  const reference = new SegmentIndex(referenceLines(atlas), [
    box[0] - margin,
    box[1] - margin,
    box[2] + margin,
    box[3] + margin,
  ]);
  const crs = detectCrs(samples, reference, domain, issues, given);
  progress('crs', crsMessage(crs));

  const convert = toWgs84(crs.crs);
  const converted = units.map((u) => u.polygons.map((p) => p.map((r) => r.map(convert))));
  progress('convert', crs.converted ? `converted ${crs.crs} → WGS-84` : 'already WGS-84');

  // Each stage drops the previous copy of the coordinates: national files have millions of vertices.
  for (const u of [...units, ...read.features]) u.polygons = [];
  const repairs = emptyRepairs(read.ringsClosed);
  const snapped = snapVertices(converted, snapM, repairs);
  converted.length = 0;
  const built: (BuiltUnit & { path: string })[] = [];
  units.forEach((u, i) => {
    const polygons = repairPolygons(snapped[i]!, repairs);
    if (polygons.length === 0) {
      issues.error(
        'invalid-input',
        join(u.path, 'geometry'),
        u.code,
        {
          zh: `要素${describe(u.info.name, u.code)}没有有效的环（少于三个不同顶点或面积为零）`,
          en: `Feature${describeEn(u.info.nameEn, u.code)} has no valid ring (fewer than three distinct vertices, or no area)`,
        },
        { zh: '请检查该要素的坐标', en: "Check the feature's coordinates" },
      );
      return;
    }
    const holesInside = checkHoles(polygons, issues.error.bind(issues), () => join(u.path, 'geometry'), {
      zh: `要素${describe(u.info.name, u.code)}`,
      en: `Feature${describeEn(u.info.nameEn, u.code)}`,
    });
    if (!holesInside) return;
    built.push({ path: u.path, code: u.code, info: u.info, polygons });
    snapped[i] = [];
  });
  issues.throwIfAny();
  progress(
    'repair',
    `snapped ${repairs.verticesSnapped} vertices; closed ${repairs.ringsClosed}, reversed ${repairs.ringsReversed}, dropped ${repairs.ringsDropped} rings; rebuilt ${repairs.featuresRebuilt} features`,
  );

  const containment = checkContainment(built, atlas, toleranceM, issues);
  const outside = containment.filter((c) => c.outside > 0).length;
  progress(
    'containment',
    `${containment.length} units checked against their parents; ${outside} with vertices outside`,
  );

  let cleaning: MosaicReport | null = null;
  let cleaned: (BuiltUnit & { path: string })[] = built;
  {
    const tile = options.tile ?? true;
    const finest = new Set(atlas.prefectures().map((f) => f.id));
    const parentOf = (code: string, parent: string | null) =>
      !tile ? null : finest.has(code) ? code : parent && finest.has(parent) ? parent : null;
    const mosaicUnits = built.map((u) => ({
      code: u.code,
      parent: parentOf(u.code, u.info.parent),
      polygons: u.polygons,
    }));
    const parentCodes = [...new Set(mosaicUnits.flatMap((u) => (u.parent ? [u.parent] : [])))].sort();
    progress(
      'clean',
      tile
        ? `cleaning ${built.length} units against ${parentCodes.length} parents of the atlas`
        : `cleaning ${built.length} units against each other`,
    );
    // Parents whose every child (2023 table, the import's level) is in the input: their gaps are no
    // missing unit's place.
    const present = new Set(mosaicUnits.map((u) => u.code));
    const completeParents = new Set(
      parentCodes.filter(
        (p) =>
          present.has(p) ||
          childrenOf(p)
            .filter((c) => lookupCode(c)?.level === level)
            .every((c) => present.has(c)),
      ),
    );
    const mosaic = buildMosaic(
      mosaicUnits,
      parentCodes.map((c) => ({ code: c, polygons: polygonsOf(atlas.feature(c).geometry) })),
      { gapAreaKm2: options.gapAreaKm2 ?? 1, gapWidthM: options.gapWidthM ?? 300, completeParents },
    );
    cleaning = mosaic.report;
    cleaned = [];
    for (const u of built) {
      const polygons = mosaic.polygons.get(u.code);
      if (polygons?.length) cleaned.push({ ...u, polygons });
      else
        issues.warn(
          'point-outside-unit',
          join(u.path, 'geometry'),
          u.code,
          {
            zh: `${describe(u.info.name, u.code)}清理后没有面积（全部位于上级之外）：未写入`,
            en: `${u.info.nameEn} ${u.code} has no area left after cleaning (all of it outside its parent): not written`,
          },
          { zh: '请核对代码与坐标', en: 'Check its code and coordinates' },
        );
    }
    const r = mosaic.report;
    progress(
      'clean',
      `input: ${r.inputHoles.count} holes (${r.inputHoles.km2} km²), ${r.overlaps.count} overlaps (${r.overlaps.km2} km²); ` +
        `filled ${r.gapsFilled.count} gaps (${r.gapsFilled.km2} km²), clipped ${r.outsideParent.km2} km² outside parents, ` +
        `kept ${r.holesKept.count} holes (${r.holesKept.km2} km²); not tiled: ${r.gapsLeft.count} gaps (${r.gapsLeft.km2} km²)`,
    );
    for (const g of r.gapsAssigned)
      progress(
        'clean',
        `gap of ${g.km2} km² in ${g.parent} (all its children present) given to ${g.code}${g.acrossParents ? ' (across parents: no child of its own borders it)' : ''}`,
      );
    if (r.gapsLeft.count)
      issues.warn(
        'invalid-input',
        'geometry',
        r.gapsLeft.km2,
        {
          zh: `上级单位中有 ${r.gapsLeft.count} 处未被下级覆盖的区域（共 ${r.gapsLeft.km2} 平方千米）：太大不能当作缝隙填补且该上级缺少下级单位，或不与任何单位相邻`,
          en: `${r.gapsLeft.count} parts of the parents (${r.gapsLeft.km2} km² in all) are covered by no child: too large to be gaps in a parent with a child missing, or bordered by no unit; left uncovered`,
        },
        {
          zh: '通常是输入缺少某个单位（见 coverage.missing）；请补充该单位的边界',
          en: 'Usually a unit missing from the input (see coverage.missing); add its boundary',
        },
      );
  }
  const coverage = level === 'county' ? coverageOf(cleaned.map((u) => u.code)) : null;

  progress('topology', 'building shared arcs');
  const object = OBJECT_OF[level];
  const cleaningMeta: ExtensionMeta['cleaning'] = cleaning
    ? {
        inputHoles: cleaning.inputHoles,
        gapsFilled: cleaning.gapsFilled,
        overlaps: cleaning.overlaps,
        outsideParent: cleaning.outsideParent,
        holesKept: cleaning.holesKept,
        gapsAssigned: cleaning.gapsAssigned,
        gapsLeft: cleaning.gapsLeft,
        filledAcrossParents: cleaning.filledAcrossParents,
        tiling: cleaning.tiling,
      }
    : null;
  const { extensions, unsimplified, grids, invalids } = buildExtensions(cleaned, object, resolutions, {
    kind: 'quyu-extension',
    version: 1,
    crs: 'WGS84',
    sourceFile: file,
    sourceCrs: crs.crs,
    codeTable: '2023',
    inputs: records,
    crsFit: { crs: crs.crs, method: crs.method, residualM: crs.residualM, offsetM: crs.offsetM },
    recodes,
    cleaning: cleaningMeta,
    licence: options.licence ?? null,
    generator: 'quyu import',
  });
  const sizes: ImportReport['resolutions'] = {};
  for (const res of resolutions) {
    const ext = extensions[res]!;
    const size = {
      ...topologySize(ext),
      arcsKeptWhole: unsimplified[res] ?? 0,
      gridM: grids[res]!,
      arcsCrossing: invalids[res] ?? 0,
      bytes: JSON.stringify(ext).length,
    };
    sizes[res] = size;
    const whole = size.arcsKeptWhole
      ? ` (${size.arcsKeptWhole} arcs kept whole: simplified, they crossed)`
      : '';
    progress(
      'simplify',
      `${res}: ${size.arcs} arcs, ${size.vertices} vertices, ${size.gridM} m grid${whole}`,
    );
    if (size.arcsCrossing)
      issues.warn(
        'invalid-input',
        'geometry',
        size.arcsCrossing,
        {
          zh: `${res} 分辨率下仍有 ${size.arcsCrossing} 条边界线相交（几何无效）`,
          en: `${size.arcsCrossing} boundary arcs still cross at ${res} (invalid geometry)`,
        },
        {
          zh: '这是导入器的缺陷，请报告并附上输入文件',
          en: 'This is a defect of the importer: please report it with the input files',
        },
      );
  }
  const report: ImportReport = {
    file: multi ? `${sources.length} files` : file,
    format: read.format,
    inputs: records,
    recodes,
    cleaning,
    coverage,
    licence: options.licence ?? null,
    object,
    level,
    codes: cleaned.map((u) => u.code).sort(),
    crs,
    repairs,
    containment,
    resolutions: sizes,
    warnings: issues.warnings,
    elapsedMs: Math.round(performance.now() - t0),
  };
  progress('done', `${cleaned.length} units in ${report.elapsedMs} ms`);
  return { extension: extensions[resolutions[0]!]!, extensions, report };
}

/** Whether the input is a list of named sources (several files to merge). */
function isSourceList(input: unknown): input is ImportSource[] {
  return (
    Array.isArray(input) &&
    input.length > 0 &&
    input.every(
      (s) => s && typeof s === 'object' && typeof (s as ImportSource).name === 'string' && 'data' in s,
    )
  );
}

/** JSON text parsed (a UTF-8 byte-order mark dropped), or the object as it is; with its text. */
function parseSource(input: unknown, issues: Issues): { data: unknown; text: string | null } {
  if (typeof input !== 'string') {
    let text: string | null = null;
    try {
      text = JSON.stringify(input) ?? null;
    } catch {
      text = null;
    }
    return { data: input, text };
  }
  try {
    // A UTF-8 byte-order mark (as many Windows tools write) is not part of the JSON.
    return { data: JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input), text: input };
  } catch (e) {
    issues.error(
      'invalid-input',
      '',
      e instanceof Error ? e.message : String(e),
      { zh: '输入不是有效的 JSON', en: 'The input is not valid JSON' },
      { zh: '请提供 GeoJSON 或 TopoJSON 文件', en: 'Provide a GeoJSON or TopoJSON file' },
    );
    issues.throwIfAny();
    throw e;
  }
}

/** The features of one parsed input; data that cannot be read at all is an error naming the input. */
function readSource(data: unknown, issues: Issues, options: ImportOptions): ReturnType<typeof readFeatures> {
  try {
    return readFeatures(data, issues, { codeField: options.codeField, object: options.object });
  } catch (e) {
    if (e instanceof QuyuError) throw e;
    // An object that cannot be read as data (a revoked Proxy, a getter that throws): never from JSON text.
    issues.error(
      'invalid-input',
      '',
      e instanceof Error ? e.message : String(e),
      {
        zh: '无法把输入读作 GeoJSON 或 TopoJSON 数据',
        en: 'The input cannot be read as GeoJSON or TopoJSON data',
      },
      {
        zh: '请提供 JSON 文本，或由 JSON.parse 得到的普通对象',
        en: 'Give JSON text, or a plain object as JSON.parse makes',
      },
    );
    issues.throwIfAny();
    throw e;
  }
}

/** SHA-256 of bytes, hex (Web Crypto: Node ≥ 20 and browsers). */
async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Which county-level units of the current table under the imported units' parents are present (units
 * the atlas draws itself, such as Beijing's districts, count when imported).
 */
function coverageOf(codes: readonly string[]): CoverageReport {
  const have = new Set(codes);
  const parents = new Set<string>();
  for (const c of codes) {
    const p = lookupCode(c)?.parent;
    if (p) parents.add(p);
  }
  const missing: CoverageReport['missing'] = [];
  let present = 0;
  for (const p of [...parents].sort()) {
    for (const c of childrenOf(p)) {
      const info = lookupCode(c);
      if (info?.level !== 'county') continue;
      if (have.has(c)) present++;
      else missing.push({ code: c, name: info.name, parent: p, why: 'not in the input' });
    }
  }
  const total = present + missing.length;
  return { present, missing, share: total ? present / total : 1 };
}
