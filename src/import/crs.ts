/**
 * Coordinate systems: range checks, conversion to WGS-84 (gcoord), and detection by comparison with the
 * bundled atlas.
 *
 * Detection: the input's outer boundary (edges used by one feature only) is where it must coincide with
 * boundaries the atlas draws (a set of counties is bounded by its prefecture's border). Each hypothesis
 * converts up to 3000 of those vertices to WGS-84 and measures their distance to the nearest atlas boundary.
 * Vertices within 1 km of a boundary under some hypothesis are the ones that follow the atlas; the hypothesis
 * with the smallest median distance over them wins. GCJ-02 shifts points by 100–700 m and BD-09 by another
 * ~1 km, while two sources of the same border differ by tens of metres, so the medians separate clearly.
 *
 * ```
 *   input boundary ─┐  WGS84 ──▶ median 480 m
 *   (GCJ-02)        ├─ GCJ02 ──▶ median   3 m   ◀ chosen; residual 3 m
 *                   └─ BD09  ──▶ median 930 m
 * ```
 */
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import { CRS_NAMES, DOMAIN_OF, type Domain } from '../crs/index.ts';
import { classifyBox } from '../geo/coordinates.ts';
import { edgeKey, median, round7, spread, VertexIds } from '../geo/planar.ts';
import type { Nearest, SegmentIndex } from '../geo/segments.ts';
import type { Issues } from './issues.ts';
import { describe, describeEn, join } from './read.ts';
import type { CrsCandidate, CrsName, CrsReport } from './types.ts';

/** Every coordinate system the importer knows, lon/lat ones first (quyu's one list, `src/crs`). */
export { CRS_NAMES, DOMAIN_OF, type Domain };

/** Distances are capped here (metres): farther vertices follow no atlas boundary. */
const SEARCH_M = 3000;
/** A vertex within this distance of an atlas boundary under some hypothesis follows the atlas. */
const MATCH_M = 1000;
/** Fewer matched vertices than this: detection is not possible. */
const MIN_MATCHED = 20;
const MAX_SAMPLES = 3000;

type Convert = (p: Position) => [number, number];

function raw(crs: CrsName): Convert {
  switch (crs) {
    case 'WGS84':
      return (p) => [p[0]!, p[1]!];
    case 'GCJ02':
      return (p) => gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    case 'BD09':
      return (p) => gcoord.transform([p[0]!, p[1]!], gcoord.BD09, gcoord.WGS84) as [number, number];
    case 'EPSG3857':
      return (p) => gcoord.transform([p[0]!, p[1]!], gcoord.EPSG3857, gcoord.WGS84) as [number, number];
    case 'EPSG3857-GCJ02':
      return (p) => {
        // Inverse Web Mercator gives GCJ-02 lon/lat, then GCJ-02 → WGS-84.
        const ll = gcoord.transform([p[0]!, p[1]!], gcoord.EPSG3857, gcoord.WGS84) as [number, number];
        return gcoord.transform(ll, gcoord.GCJ02, gcoord.WGS84) as [number, number];
      };
    case 'BD09MC':
      return (p) => gcoord.transform([p[0]!, p[1]!], gcoord.BD09MC, gcoord.WGS84) as [number, number];
  }
}

/**
 * A converter to WGS-84 rounded to 1e-7°. The conversion is a pure function of the input coordinates, so
 * identical input vertices give identical output vertices: borders shared in the input stay shared.
 */
export function toWgs84(crs: CrsName): Convert {
  const f = raw(crs);
  return (p) => {
    const [x, y] = f(p);
    return [round7(x), round7(y)];
  };
}

interface Located {
  path: string;
  code: string | null;
  name: string | null;
  bbox: [number, number, number, number];
}

/**
 * The coordinate domain of the input, checking that every feature lies in China (degrees or metres).
 * Swapped axes and out-of-range features are errors naming the feature.
 */
export function checkDomain(features: Located[], issues: Issues, given?: CrsName): Domain {
  const domains = new Set<Domain>();
  for (const f of features) {
    const b = f.bbox;
    const path = join(f.path, 'geometry.coordinates');
    const value = b.map((v) => Math.round(v * 1e4) / 1e4);
    // The one coordinate rule (src/geo): latitude-first boxes are tested before anything else.
    switch (classifyBox(...b)) {
      case 'china':
        domains.add('lonlat');
        continue;
      case 'metres':
        domains.add('metres');
        continue;
      case 'swapped':
        issues.error(
          'swapped-coordinates',
          path,
          value,
          {
            zh: `要素${describe(f.name, f.code)}的坐标顺序颠倒（纬度在前）`,
            en: `Feature${describeEn(f.name, f.code)} has its coordinates swapped (latitude first)`,
          },
          {
            zh: 'GeoJSON 坐标为 [经度, 纬度]：请交换两轴',
            en: 'GeoJSON positions are [longitude, latitude]: swap the axes',
          },
        );
        continue;
      case 'lonlat':
        domains.add('lonlat');
        issues.error(
          'out-of-range',
          path,
          value,
          {
            zh: `要素${describe(f.name, f.code)}不在中国范围内（外包框 ${value.join(', ')}）`,
            en: `Feature${describeEn(f.name, f.code)} lies outside China (bounding box ${value.join(', ')})`,
          },
          {
            zh: '请确认坐标为经纬度（WGS-84、GCJ-02 或 BD-09）或 Web 墨卡托米制坐标',
            en: 'Coordinates must be lon/lat (WGS-84, GCJ-02 or BD-09) or Web Mercator metres',
          },
        );
        continue;
      default:
        domains.add('metres');
        issues.error(
          'out-of-range',
          path,
          value,
          {
            zh: `要素${describe(f.name, f.code)}的坐标既不是经纬度，也不是中国范围内的墨卡托米制坐标`,
            en: `Feature${describeEn(f.name, f.code)} has coordinates that are neither lon/lat nor Mercator metres within China`,
          },
          {
            zh: '请先把数据转换为经纬度（WGS-84）再导入',
            en: 'Convert the data to lon/lat (WGS-84) first',
          },
        );
    }
  }
  issues.throwIfAny();
  if (domains.size > 1) {
    issues.error(
      'invalid-input',
      'features',
      [...domains],
      {
        zh: '部分要素为经纬度，部分为米制坐标',
        en: 'Some features are in lon/lat and others in metres',
      },
      { zh: '请统一坐标系后再导入', en: 'Bring all features to one coordinate system first' },
    );
    issues.throwIfAny();
  }
  const domain = [...domains][0]!;
  if (given && DOMAIN_OF[given] !== domain) {
    issues.error(
      'invalid-input',
      'crs',
      given,
      {
        zh: `指定的坐标系 ${given} 与数据不符：数据为${domain === 'lonlat' ? '经纬度' : '米制坐标'}`,
        en: `The given coordinate system ${given} does not fit the data, which is in ${domain === 'lonlat' ? 'degrees' : 'metres'}`,
      },
      {
        zh: `请使用 ${CRS_NAMES.filter((c) => DOMAIN_OF[c] === domain).join('、')} 或 auto`,
        en: `Use ${CRS_NAMES.filter((c) => DOMAIN_OF[c] === domain).join(', ')} or auto`,
      },
    );
    issues.throwIfAny();
  }
  return domain;
}

/**
 * Vertices on the outer boundary of a set of polygons (their edges are used by one ring only), evenly
 * spread, at most `max`.
 */
export function outerBoundaryVertices(polygonSets: readonly Position[][][][], max = MAX_SAMPLES): Position[] {
  const ids = new VertexIds();
  const count = new Map<number, number>();
  for (const polys of polygonSets)
    for (const poly of polys)
      for (const ring of poly) {
        let prev = ids.id(ring[0]!);
        for (let i = 1; i < ring.length; i++) {
          const cur = ids.id(ring[i]!);
          const k = edgeKey(prev, cur);
          count.set(k, (count.get(k) ?? 0) + 1);
          prev = cur;
        }
      }
  const out: Position[] = [];
  const seen = new Set<number>();
  for (const polys of polygonSets)
    for (const poly of polys)
      for (const ring of poly) {
        let prev = ids.id(ring[0]!);
        for (let i = 1; i < ring.length; i++) {
          const cur = ids.id(ring[i]!);
          if (count.get(edgeKey(prev, cur)) === 1 && !seen.has(prev)) {
            seen.add(prev);
            out.push(ring[i - 1]!);
          }
          prev = cur;
        }
      }
  return spread(out, max);
}

/** Least-squares translation (metres) that moves the matched vertices onto the atlas' boundaries. */
function offsetOf(near: readonly (Nearest | null | undefined)[]): { east: number; north: number } | null {
  // Minimise Σ (n·t − s)² where s is the signed distance along the segment normal n: moves the points onto
  // the lines. The input lies at −t from the atlas.
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  let n = 0;
  for (const q of near) {
    if (!q) continue;
    const s = q.dx * q.nx + q.dy * q.ny;
    a11 += q.nx * q.nx;
    a12 += q.nx * q.ny;
    a22 += q.ny * q.ny;
    b1 += q.nx * s;
    b2 += q.ny * s;
    n++;
  }
  const det = a11 * a22 - a12 * a12;
  // Boundaries running mostly one way do not constrain the offset along them.
  if (n < MIN_MATCHED || det < 0.05 * n * n) return null;
  const tx = (a22 * b1 - a12 * b2) / det;
  const ty = (a11 * b2 - a12 * b1) / det;
  return { east: Math.round(-tx * 10) / 10, north: Math.round(-ty * 10) / 10 };
}

/**
 * Detects (or, when `given`, only measures) the coordinate system of the input from its outer-boundary
 * vertices compared with the reference boundaries of the atlas.
 */
export function detectCrs(
  samples: Position[],
  reference: SegmentIndex,
  domain: Domain,
  issues: Issues,
  given?: CrsName,
): CrsReport {
  const hypotheses = given ? [given] : CRS_NAMES.filter((c) => DOMAIN_OF[c] === domain);
  const fits = hypotheses.map((crs) => {
    const convert = toWgs84(crs);
    return { crs, near: samples.map((p) => reference.nearest(convert(p), SEARCH_M)) };
  });
  // Vertices that follow an atlas boundary under at least one hypothesis.
  const matchedIdx: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    if (fits.some((f) => (f.near[i]?.distanceM ?? Infinity) <= MATCH_M)) matchedIdx.push(i);
  }
  const candidates: CrsCandidate[] = fits
    .map((f) => ({
      crs: f.crs,
      medianM: Math.round(median(matchedIdx.map((i) => f.near[i]?.distanceM ?? SEARCH_M)) * 10) / 10,
    }))
    .sort((a, b) => a.medianM - b.medianM);
  const matched = matchedIdx.length;
  if (matched < MIN_MATCHED) {
    if (given) {
      return {
        crs: given,
        method: 'given',
        converted: given !== 'WGS84',
        candidates: [],
        samples: samples.length,
        matched,
        residualM: null,
        offsetM: null,
      };
    }
    issues.error(
      'invalid-input',
      'crs',
      'auto',
      {
        zh: `无法判断坐标系：输入的外边界只有 ${matched} 个顶点（共 ${samples.length} 个）位于内置地图边界 1 千米以内`,
        en: `Cannot detect the coordinate system: only ${matched} of ${samples.length} outer-boundary vertices lie within 1 km of a boundary of the bundled atlas`,
      },
      {
        zh: '请用 crs（命令行 --crs wgs84|gcj02|bd09）指明坐标系；DataV 与高德数据为 GCJ-02，百度为 BD-09',
        en: 'Name it with crs (CLI --crs wgs84|gcj02|bd09); DataV and Gaode data are GCJ-02, Baidu data BD-09',
      },
    );
    issues.throwIfAny();
  }
  const best = candidates[0]!;
  const second = candidates[1];
  const chosen = fits.find((f) => f.crs === best.crs)!;
  const inliers = matchedIdx.map((i) => chosen.near[i]).filter((q) => q && q.distanceM <= MATCH_M);
  if (second && second.medianM - best.medianM < Math.max(15, best.medianM * 0.5)) {
    issues.warn(
      'invalid-input',
      'crs',
      candidates,
      {
        zh: `坐标系判断把握不大：${best.crs} 中位偏差 ${best.medianM} 米，${second.crs} 为 ${second.medianM} 米`,
        en: `Weak evidence for the coordinate system: ${best.crs} fits with a median of ${best.medianM} m, ${second.crs} with ${second.medianM} m`,
      },
      {
        zh: '请核对结果，或用 crs（--crs）指明坐标系',
        en: 'Check the result, or name the system with crs (--crs)',
      },
    );
  }
  if (best.medianM > 300) {
    issues.warn(
      'invalid-input',
      'crs',
      best.medianM,
      {
        zh: `转换后输入与内置地图的边界仍相差中位 ${best.medianM} 米`,
        en: `After conversion the input still differs from the bundled atlas' boundaries by a median of ${best.medianM} m`,
      },
      {
        zh: '可能是其他坐标系或很粗略的数据：请核对结果',
        en: 'The data may use another coordinate system or be very coarse: check the result',
      },
    );
  }
  return {
    crs: best.crs,
    method: given ? 'given' : 'detected',
    converted: best.crs !== 'WGS84',
    candidates: given ? [] : candidates,
    samples: samples.length,
    matched,
    residualM: best.medianM,
    offsetM: offsetOf(inliers),
  };
}
