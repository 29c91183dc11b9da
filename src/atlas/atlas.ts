import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { merge, feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { requireCode } from '../codes/index.ts';
import { fail } from '../errors/index.ts';
import { touchingUnits } from './adjacency.ts';
import { atlasSeat, failNoSeat, type SeatPosition, type SeatTable } from './seats.ts';

/** Properties of a unit (province or finest-level unit) in the atlas. */
export interface UnitProperties {
  /** Full official Chinese name. */
  name: string;
  nameEn: string;
  level: 'province' | 'prefecture' | 'county';
  /** Parent code (the province for finest-level units), null for provinces. */
  parent: string | null;
  /** A point inside the polygon for its label (longitude): deepest inside, not the seat (see `Atlas.seat`). */
  labelX: number;
  /** A point inside the polygon for its label (latitude). */
  labelY: number;
  /**
   * Present when the unit's extent is approximate: what is approximate and why, in Chinese (e.g. a change of
   * the division that no source can draw exactly). See data/README.md, "Approximate units".
   */
  boundaryNote?: string;
  /** The same note in English. */
  boundaryNoteEn?: string;
  /**
   * Official land area in km², present for units whose polygons include water (三沙's reefs, harbours,
   * estuaries), where the polygon area is not land area.
   */
  landAreaKm2?: number;
  /** Why the polygon area is not land area, in Chinese (present with `landAreaKm2`). */
  areaNote?: string;
  /** The same note in English. */
  areaNoteEn?: string;
}

/** A unit as GeoJSON: `id` is its 6-digit code. */
export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProperties> & { id: string };

/** Names of the atlas' objects. */
export type AtlasObject = 'nation' | 'provinces' | 'prefectures' | 'scsIslands' | 'tenDashLine' | 'neighbors';

type Geoms = GeometryCollection<Record<string, unknown>>;

/**
 * A loaded atlas: the topology plus indexed access to its units. Obtain one with `loadAtlas()`.
 *
 * @example
 * ```ts
 * const atlas = await loadAtlas();
 * atlas.feature('440300').properties.nameEn; // 'Shenzhen'
 * ```
 */
export class Atlas {
  readonly topology: Topology;
  readonly resolution: string;
  readonly #features = new Map<string, UnitFeature>();
  readonly #geoms = new Map<string, { object: 'provinces' | 'prefectures'; index: number }>();
  /** Every unit's seat, when given (`loadAtlas({ seats })`). */
  readonly seats: SeatTable | undefined;

  constructor(topology: Topology, resolution: string, extensions: Topology[] = [], seats?: SeatTable) {
    this.topology = topology;
    this.resolution = resolution;
    this.seats = seats;
    for (const object of ['provinces', 'prefectures'] as const) {
      const geoms = this.#object(object).geometries;
      geoms.forEach((g, index) => {
        this.#geoms.set(String(g.id), { object, index });
      });
    }
    for (const ext of extensions) this.#addExtension(ext);
  }

  #extra = new Map<string, UnitFeature>();
  /** The extension topology and geometry of each extension unit (for `merge`). */
  #extraGeoms = new Map<string, { topology: Topology; geometry: GeometryObject }>();

  #addExtension(ext: Topology) {
    for (const obj of Object.values(ext.objects)) {
      const fc = topoFeature(ext, obj) as FeatureCollection<Polygon | MultiPolygon, UnitProperties>;
      const geoms = (obj as Geoms).geometries ?? [obj];
      fc.features.forEach((f, i) => {
        const id = String(f.id);
        if (this.#geoms.has(id)) return;
        this.#extra.set(id, { ...f, id } as UnitFeature);
        this.#extraGeoms.set(id, { topology: ext, geometry: geoms[i] as GeometryObject });
      });
    }
  }

  /**
   * County-level units added by extensions (`quyu import`), sorted by code, optionally only the children of
   * one parent (a prefecture, or a province for counties directly under it). Empty without extensions.
   *
   * @example
   * ```ts
   * const atlas = await loadAtlas({ extensions: [counties] });
   * atlas.counties({ parent: '510700' }).length; // 9 when Mianyang's counties were imported
   * ```
   */
  counties(options: { parent?: string; prefecture?: string } = {}): UnitFeature[] {
    const parent = options.prefecture ?? options.parent;
    return [...this.#extra.values()]
      .filter((f) => f.properties.level === 'county')
      .filter((f) => parent === undefined || f.properties.parent === parent)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((f) => ({ ...f, properties: { ...f.properties } }));
  }

  /**
   * The finest partition the atlas can draw at county level: for each finest unit, its county-level units
   * from the extensions when they are loaded (all of its children that an extension holds), else the unit
   * itself when it is county-level (Beijing's districts, 济源, 五指山 …). Prefecture-level units without
   * loaded counties are left out: at county level nothing is known inside them. Sorted by code.
   *
   * @example
   * ```ts
   * const withCounties = await loadAtlas({ extensions: [counties] }); // counties: from `quyu import`
   * withCounties.countyLevelUnits().some((f) => f.id === '510185'); // 简阳市
   * ```
   */
  countyLevelUnits(): UnitFeature[] {
    const byParent = new Map<string, UnitFeature[]>();
    for (const f of this.#extra.values()) {
      if (f.properties.level !== 'county' || !f.properties.parent) continue;
      const list = byParent.get(f.properties.parent) ?? [];
      list.push(f);
      byParent.set(f.properties.parent, list);
    }
    const out: UnitFeature[] = [];
    for (const g of this.#object('prefectures').geometries) {
      const code = String(g.id);
      const kids = byParent.get(code);
      if (kids?.length) out.push(...kids);
      else if ((g.properties as { level?: string } | undefined)?.level === 'county')
        out.push(this.feature(code));
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Whether `code` is a unit of an extension (imported), not of the bundled atlas. */
  isExtensionUnit(code: string): boolean {
    return this.#extra.has(code);
  }

  #object(name: string): Geoms {
    const obj = this.topology.objects[name] as Geoms | undefined;
    if (!obj) {
      return fail({
        code: 'invalid-input',
        path: 'objects',
        value: name,
        problem: { zh: '地图数据中缺少该对象', en: 'The atlas has no such object' },
        fix: { zh: '请使用 quyu 生成的地图文件', en: 'Use an atlas file built by quyu' },
      });
    }
    return obj;
  }

  /** Whether the atlas has geometry for a code (province, finest unit, or an imported extension unit). */
  has(code: string): boolean {
    return this.#geoms.has(code) || this.#extra.has(code);
  }

  /**
   * The unit with this code as a GeoJSON feature. Throws a bilingual error naming the code and the closest
   * matches when the code is unknown, or when it is known but has no geometry in this atlas (a county).
   *
   * @example
   * ```ts
   * atlas.feature('440300').properties.name; // '深圳市'
   * ```
   */
  feature(code: string): UnitFeature {
    const cached = this.#features.get(code) ?? this.#extra.get(code);
    // A fresh feature and properties object per call, so a caller's edits never reach the atlas; the
    // geometry is shared (read-only: copy it before changing coordinates).
    if (cached) return { ...cached, properties: { ...cached.properties } };
    const at = this.#geoms.get(code);
    if (!at) {
      const info = requireCode(code);
      return fail({
        code: 'unknown-code',
        path: 'code',
        value: code,
        problem: {
          zh: `${info.name}（${info.level === 'county' ? '县级' : info.level}）在此地图数据中没有边界`,
          en: `${info.nameEn} (${info.level}) has no boundary in this atlas`,
        },
        fix: {
          zh: '县级边界需用 `quyu import` 导入后通过 loadAtlas({ extensions }) 加载；或使用其上级代码',
          en: 'County boundaries must be imported with `quyu import` and passed as loadAtlas({ extensions }); or use its parent code',
        },
      });
    }
    const g = this.#object(at.object).geometries[at.index] as GeometryObject<UnitProperties>;
    const f = topoFeature(this.topology, g) as UnitFeature;
    f.id = code;
    this.#features.set(code, f);
    return { ...f, properties: { ...f.properties } };
  }

  /**
   * The seat (人民政府驻地) of a unit as `[lng, lat]` (WGS-84): where its government sits, for markers and
   * distances. Province-level and finest units always have one (from the package's data/seats.json, except
   * 昆玉市 659009, which no source places); county-level units need the seats table
   * (`loadAtlas({ seats: await loadSeats() })`). The label point (`labelX`, `labelY`) is a different point,
   * deepest inside the polygon, for labels. Sources and statuses: data/seats.json, `loadSeats()`.
   * Throws a {@link QuyuError}: `unknown-code`, or `no-seat` naming the reason and the fix.
   *
   * @example
   * ```ts
   * atlas.seat('230100'); // [126.54667, 45.80788]: 哈尔滨市人民政府, 松北区
   * atlas.feature('230100').properties.labelX; // 127.8…: the label point, 110 km east
   * ```
   */
  seat(code: string): SeatPosition {
    const own = atlasSeat(code);
    if (own) return own;
    if (this.seats?.has(code)) return this.seats.seat(code);
    return failNoSeat(code, 'code', this.seats?.missing(code), !!this.seats);
  }

  /**
   * Whether {@link Atlas.seat} has a seat for the code.
   *
   * @example
   * ```ts
   * atlas.hasSeat('440300'); // true
   * atlas.hasSeat('510726'); // false without loadAtlas({ seats })
   * ```
   */
  hasSeat(code: string): boolean {
    return atlasSeat(code) !== undefined || !!this.seats?.has(code);
  }

  /**
   * The 34 province-level units, sorted by code.
   *
   * @example
   * ```ts
   * atlas.provinces().length; // 34
   * ```
   */
  provinces(): UnitFeature[] {
    return this.#object('provinces').geometries.map((g) => this.feature(String(g.id)));
  }

  /**
   * The finest-level units (prefecture-level units, plus county-level units directly under a province or
   * municipality, plus 台湾/香港/澳门 whole), optionally of one province.
   *
   * @example
   * ```ts
   * atlas.prefectures({ province: '440000' }).length; // 21
   * ```
   */
  prefectures(options: { province?: string } = {}): UnitFeature[] {
    const p = options.province;
    if (p !== undefined && requireCode(p, 'province').level !== 'province') {
      fail({
        code: 'invalid-input',
        path: 'province',
        value: p,
        problem: { zh: '不是省级单位的代码', en: 'Not the code of a province-level unit' },
        fix: {
          zh: `请使用省级代码，例如 ${p.slice(0, 2)}0000`,
          en: `Use a province-level code, e.g. ${p.slice(0, 2)}0000`,
        },
      });
    }
    return this.#object('prefectures')
      .geometries.filter((g) => p === undefined || String(g.id).slice(0, 2) === p.slice(0, 2))
      .map((g) => this.feature(String(g.id)));
  }

  /**
   * One object of the atlas as a GeoJSON FeatureCollection (RFC 7946). A new collection, features and
   * properties on every call. The geometries of `provinces` and `prefectures` are those of
   * {@link Atlas.feature}: each unit is decoded from the topology once and kept as long as the atlas
   * (香港 and 澳门, units of both objects, are shared as prefecture-level units and decoded afresh as
   * provinces). Treat them as read-only: copy one before changing its coordinates.
   *
   * @example
   * ```ts
   * atlas.geojson('provinces').features.length; // 34
   * ```
   */
  geojson(object: AtlasObject): FeatureCollection {
    const collection = this.#object(object);
    if (object !== 'provinces' && object !== 'prefectures')
      return topoFeature(this.topology, collection) as FeatureCollection;
    return {
      type: 'FeatureCollection',
      features: collection.geometries.map((g, index) => {
        const code = String(g.id);
        const at = this.#geoms.get(code);
        // A code in both objects (香港, 澳门) is indexed by `prefectures`: its province is decoded here.
        return at?.object === object && at.index === index
          ? this.feature(code)
          : (topoFeature(this.topology, g) as Feature);
      }),
    };
  }

  /**
   * Label points (inside each polygon) of `provinces` or `prefectures` as Point features with the unit's
   * properties.
   *
   * @example
   * ```ts
   * atlas.labels('provinces').features[0].geometry.coordinates; // [lng, lat]
   * ```
   */
  labels(object: 'provinces' | 'prefectures'): FeatureCollection<Point, UnitProperties> {
    return {
      type: 'FeatureCollection',
      features: this.#object(object).geometries.map((g) => {
        const p = g.properties as unknown as UnitProperties;
        return {
          type: 'Feature',
          id: String(g.id),
          properties: { ...p, code: String(g.id) } as UnitProperties,
          geometry: { type: 'Point', coordinates: [p.labelX, p.labelY] },
        };
      }),
    };
  }

  /**
   * The codes of the units that touch `code` (finest units or provinces): units sharing a border or a
   * single point, by quyu's one neighbour rule (`src/atlas/adjacency.ts`, also read by `neighbors`).
   *
   * @example
   * ```ts
   * atlas.neighbors('440600').includes('440100'); // 佛山 borders 广州: true
   * ```
   */
  neighbors(code: string): string[] {
    const at = this.#geoms.get(code);
    if (!at) {
      const ext = this.#extraGeoms.get(code);
      if (ext) {
        // Units of the same extension that share an arc or an arc end with it.
        const object = Object.keys(ext.topology.objects).find((k) =>
          ((ext.topology.objects[k] as Geoms).geometries ?? []).includes(ext.geometry as never),
        );
        return object ? (touchingUnits(ext.topology, object, code) ?? []) : [];
      }
      this.feature(code);
      return [];
    }
    return touchingUnits(this.topology, at.object, code) ?? [];
  }

  /**
   * The merged geometry of several units of the same object, exact on the topology (no slivers).
   *
   * @example
   * ```ts
   * const gba = atlas.merge(['440100', '440300', '440400']); // MultiPolygon
   * ```
   */
  merge(input: string[]): MultiPolygon {
    // A code listed twice would make its arcs look interior to topojson's merge: once each.
    const codes = [...new Set(input)];
    // Units of one extension merge on that extension's topology; mixing them with bundled units cannot.
    const ext = codes.map((c) => this.#extraGeoms.get(c));
    if (codes.length > 0 && ext.every((e) => e !== undefined)) {
      const topology = ext[0]!.topology;
      if (ext.every((e) => e!.topology === topology))
        return merge(topology, ext.map((e) => e!.geometry) as never);
    }
    if (ext.some((e) => e !== undefined)) {
      // Imported counties with bundled units (or units of several extensions): each topology's units are
      // merged exactly on their own arcs, then the parts joined by a polygon union (@turf/union).
      const groups = new Map<Topology, string[]>();
      codes.forEach((c, i) => {
        const t = ext[i]?.topology ?? this.topology;
        groups.set(t, [...(groups.get(t) ?? []), c]);
      });
      const parts = [...groups.entries()].map(([t, cs]) =>
        t === this.topology
          ? this.merge(cs)
          : merge(t, cs.map((c) => this.#extraGeoms.get(c)!.geometry) as never),
      );
      return unionOf(parts, codes);
    }
    const geoms = codes.map((c) => {
      const at = this.#geoms.get(c);
      if (!at) {
        this.feature(c);
        throw new Error('unreachable');
      }
      return this.#object(at.object).geometries[at.index]!;
    });
    return merge(this.topology, geoms as never);
  }
}

/**
 * The polygon union that joins units of different topologies (imported counties with bundled units). It
 * lives in its own module (`union.ts`, @turf/union with its exact arithmetic), loaded by `loadAtlas` only
 * when extensions are given, so the core a first app ships does not carry it.
 */
let unionParts: ((parts: MultiPolygon[]) => MultiPolygon) | undefined;

/** Makes `Atlas.merge` able to join units of several topologies (called by `loadAtlas` with extensions). */
export function setPolygonUnion(union: (parts: MultiPolygon[]) => MultiPolygon): void {
  unionParts = union;
}

function unionOf(parts: MultiPolygon[], codes: string[]): MultiPolygon {
  if (!unionParts)
    return fail({
      code: 'invalid-input',
      path: 'codes',
      value: codes,
      problem: {
        zh: '导入的县级单位与内置单位不能直接合并',
        en: 'Imported and bundled units cannot be joined here',
      },
      fix: {
        zh: '请用 loadAtlas({ extensions }) 加载地图',
        en: 'Load the atlas with loadAtlas({ extensions })',
      },
    });
  return unionParts(parts);
}
