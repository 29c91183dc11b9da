/**
 * GeoJSON given to a relation (`areaOf`, `relate`, `coverage`): read and validated by the one check of user
 * geometry in `src/geo/polygons.ts` (the importer's), so a relation never computes on a shape it has not
 * checked. Every problem found is reported at once in one {@link QuyuError}.
 */
import turfUnion from '@turf/union';
import type { MultiPolygon, Position } from 'geojson';
import { QuyuError, type QuyuIssue } from '../../errors/index.ts';
import { classifyPoint, pointIssue } from '../../geo/coordinates.ts';
import {
  checkDegrees,
  checkHoles,
  hasCrossings,
  normaliseWinding,
  type Report,
  readPolygonCoordinates,
} from '../../geo/polygons.ts';

/** A checked shape: one point, or polygons (MultiPolygon coordinates, valid, RFC 7946 winding). */
export type CheckedShape = { kind: 'point'; p: [number, number] } | { kind: 'polygons'; g: MultiPolygon };

const NOT_GEOJSON = {
  problem: {
    zh: '不是 GeoJSON 几何、要素或要素集合',
    en: 'Not a GeoJSON geometry, feature or feature collection',
  },
  fix: {
    zh: '请使用 Polygon/MultiPolygon（或 Point）几何、要素或 FeatureCollection',
    en: 'Use a Polygon/MultiPolygon (or Point) geometry, a Feature or a FeatureCollection',
  },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads and validates user GeoJSON. A single Point is accepted when `allowPoint`; everything else must be
 * polygons. Parts that overlap or rings that cross are merged by a polygon union (as the importer does), so
 * areas are never counted twice.
 */
export function readUserGeoJSON(input: unknown, path: string, allowPoint: boolean): CheckedShape {
  const issues: QuyuIssue[] = [];
  const report: Report = (code, at, value, problem, fix) => {
    issues.push({ code, path: at, value, problem, fix });
  };
  const geoms: { g: Record<string, unknown>; path: string }[] = [];
  const geometryOf = (g: unknown, at: string) => {
    if (g === null || g === undefined) {
      report(
        'invalid-input',
        at,
        g,
        { zh: '要素没有几何', en: 'Feature without geometry' },
        {
          zh: '请提供点或多边形几何，或删除该要素',
          en: 'Give a point or polygon geometry, or remove the feature',
        },
      );
      return;
    }
    if (!isObject(g)) {
      report('invalid-input', at, g, NOT_GEOJSON.problem, NOT_GEOJSON.fix);
      return;
    }
    geoms.push({ g, path: at });
  };
  if (!isObject(input)) report('invalid-input', path, input, NOT_GEOJSON.problem, NOT_GEOJSON.fix);
  else if (input.type === 'FeatureCollection') {
    const features = input.features;
    if (!Array.isArray(features))
      report(
        'invalid-input',
        `${path}.features`,
        features,
        { zh: 'FeatureCollection 缺少 features 数组', en: 'The FeatureCollection has no features array' },
        { zh: '请提供 features: [要素, …]', en: 'Give features: [feature, …]' },
      );
    else if (features.length === 0)
      report(
        'invalid-input',
        `${path}.features`,
        features,
        { zh: 'FeatureCollection 没有要素', en: 'The FeatureCollection has no features' },
        { zh: '请至少提供一个多边形要素', en: 'Give at least one polygon feature' },
      );
    else
      features.forEach((f, i) => {
        const at = `${path}.features[${i}]`;
        if (!isObject(f) || f.type !== 'Feature')
          report(
            'invalid-input',
            at,
            f,
            { zh: '不是 GeoJSON 要素（Feature）', en: 'Not a GeoJSON Feature' },
            {
              zh: '要素须为 { type: "Feature", properties, geometry }',
              en: 'A feature is { type: "Feature", properties, geometry }',
            },
          );
        else geometryOf(f.geometry, `${at}.geometry`);
      });
  } else if (input.type === 'Feature') geometryOf(input.geometry, `${path}.geometry`);
  else geometryOf(input, path);

  const polygons: Position[][][] = [];
  let point: [number, number] | undefined;
  for (const { g, path: at } of geoms) {
    const type = g.type;
    if (type === 'Point' && allowPoint && geoms.length === 1) {
      const c = g.coordinates;
      const ok = Array.isArray(c) && c.length >= 2;
      const lng = ok ? c[0] : undefined;
      const lat = ok ? c[1] : undefined;
      const bad = pointIssue(classifyPoint(lng, lat), lng, lat, `${at}.coordinates`, c);
      if (bad) issues.push(bad);
      else point = [lng as number, lat as number];
      continue;
    }
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      issues.push({
        code: type === 'Point' || typeof type === 'string' ? 'unsupported' : 'invalid-input',
        path: `${at}.type`,
        value: type,
        problem: { zh: '不支持该几何类型', en: 'Unsupported geometry type' },
        fix: allowPoint
          ? { zh: '请使用一个点，或（多）多边形', en: 'Use one point, or polygons (Polygon or MultiPolygon)' }
          : { zh: '请使用 Polygon 或 MultiPolygon', en: 'Use a Polygon or MultiPolygon' },
      });
      continue;
    }
    const read = readPolygonCoordinates(type, g.coordinates, at, report, { closeRings: false });
    if (!read) continue;
    polygons.push(...read.polygons);
    checkHoles(read.polygons, report, (p, r) =>
      type === 'Polygon' ? `${at}.coordinates[${r}]` : `${at}.coordinates[${p}][${r}]`,
    );
  }
  if (issues.length === 0 && polygons.length) checkDegrees(polygons, path, report);
  if (issues.length) throw new QuyuError(issues);
  if (point) return { kind: 'point', p: point };
  normaliseWinding(polygons);
  let g: MultiPolygon = { type: 'MultiPolygon', coordinates: polygons };
  if (polygons.length > 1 || hasCrossings(polygons)) g = unionSelf(g, path);
  return { kind: 'polygons', g };
}

/** A polygon union of the geometry with itself: crossings resolved, overlapping parts merged. */
function unionSelf(g: MultiPolygon, path: string): MultiPolygon {
  const f = { type: 'Feature' as const, properties: {}, geometry: g };
  const u = guardTurf(() => turfUnion({ type: 'FeatureCollection', features: [f, f] }), path);
  if (!u) return { type: 'MultiPolygon', coordinates: [] };
  return u.geometry.type === 'Polygon'
    ? { type: 'MultiPolygon', coordinates: [u.geometry.coordinates] }
    : u.geometry;
}

/**
 * Runs a Turf / polygon-clipping operation on checked input; should it still fail (a robustness limit of the
 * clipping library), the failure becomes a typed error instead of a bare `Error`.
 */
export function guardTurf<T>(run: () => T, path: string): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof QuyuError) throw e;
    throw new QuyuError([
      {
        code: 'unsupported',
        path,
        value: e instanceof Error ? e.message : String(e),
        problem: {
          zh: '多边形运算失败（几何过于复杂或近乎退化）',
          en: 'The polygon operation failed (the geometry is too intricate or nearly degenerate)',
        },
        fix: {
          zh: '请简化几何（例如用 quyu import 修复并简化），或报告此问题',
          en: 'Simplify the geometry (quyu import repairs and simplifies), or report the problem',
        },
      },
    ]);
  }
}
