/**
 * Runtime schemas of quyu's layout models (valibot). They are the single source of truth: the TypeScript
 * types below are inferred from them, `defineLayout` checks user data with them, and `layoutJsonSchema`
 * is generated from them.
 *
 * ```
 * Layout ─ items[] ─┬─ metro-circle   都市圈        members[], core, plan, variants[]
 *                   ├─ hub-layout     一中心三极点   centre{members[]}, poles[{code, hubs[]}]
 *                   ├─ hub            point feature  kind, location{point|null, unit}
 *                   ├─ eco-zone       生态功能区…    members[] and/or location
 *                   ├─ link           对口帮扶/飞地  from → to, since/until
 *                   ├─ corridor       走廊/通道      nodes[] (ordered codes or points)
 *                   ├─ economic-zone  经济区/平台    members[]
 *                   └─ city-role      副中心/节点    members[] with a role
 * ```
 * Every item carries `status` and (ideally) `source`; members and locations may carry their own.
 */
import * as v from 'valibot';

/**
 * A 6-digit GB/T 2260 division code, e.g. `440300`. Existence is checked by `defineLayout`.
 */
export const CodeSchema = v.pipe(
  v.string(),
  v.regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code'),
  v.description('6-digit GB/T 2260 division code of the 2023 table, e.g. "440300"'),
);

/**
 * How well a fact is established. Renderers show `inferred` and `uncertain` facts differently.
 * - `verified`: confirmed by a public text (official, faithful mirror, press, or a named open dataset);
 * - `from-source-text`: stated in the source document, not independently checked;
 * - `inferred`: deduced by the editors (e.g. placeholder resolution, derived from a name);
 * - `uncertain`: plausible but not verified; do not present as fact.
 */
export const StatusSchema = v.picklist(['verified', 'from-source-text', 'inferred', 'uncertain']);

/** An http(s) URL (the regex becomes a `pattern` in the JSON Schema; `javascript:` and `data:` never pass). */
export const HttpUrlSchema = v.pipe(v.string(), v.regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/, 'an http(s) URL'));

/**
 * A document or publication a fact comes from: its title in the original language, who published it and
 * when, and where a reader can open it (the publisher's own site, or an archived copy of it).

 */
export const SourceSchema = v.strictObject({
  /** Short stable key, e.g. `GD_MC_2023`. */
  id: v.optional(v.string()),
  /** Title in the original language, e.g. `全省深入推动区域协调发展座谈会在韶关召开`. */
  title: v.pipe(v.string(), v.minLength(1)),
  /** Who published it, e.g. `南方日报` or `广东省人民政府`. */
  publisher: v.optional(v.string()),
  /** ISO date or partial date (`2023`, `2023-10`, `2023-10-25`). */
  date: v.optional(v.string()),
  /** http(s) only: a source link is shown to readers. */
  url: v.optional(HttpUrlSchema),
  /** A copy of `url` in a web archive, for when the original moves. */
  archiveUrl: v.optional(HttpUrlSchema),
  /** Further URLs (second reports of the same facts). */
  moreUrls: v.optional(v.array(HttpUrlSchema)),
  /** What kind of source it is and what it confirms, in words. */
  reliability: v.optional(v.string()),
});

/**
 * A finite number (NaN and ±Infinity are rejected: JSON cannot carry them, so a layout or spec holding one
 * could not travel in a link or file); `-0` is read as `0` for the same reason.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * v.is(FiniteSchema, Infinity); // false
 * ```
 */
export const FiniteSchema = v.pipe(
  v.number(),
  v.finite(),
  v.transform((n: number) => n + 0),
);

/**
 * `[lng, lat]` in WGS-84 decimal degrees. Range and order are checked by `defineLayout`.
 */
export const PointSchema = v.pipe(
  v.tuple([FiniteSchema, FiniteSchema]),
  v.description('[longitude, latitude] in WGS-84 decimal degrees'),
);

const factFields = {
  source: v.optional(SourceSchema),
  status: v.optional(StatusSchema),
  /** Why the fact has this status, in words, e.g. `inferred, high confidence`. */
  statusNote: v.optional(v.string()),
  note: v.optional(v.string()),
};

/**
 * Part of a unit that belongs to a structure: listed county-level units, or a description.
 */
export const CoverageSchema = v.strictObject({
  /** County-level names or codes that make up the covered part. */
  counties: v.optional(v.array(v.string())),
  description: v.optional(v.string()),
});

/**
 * A member unit of an area: a code, optionally only part of it. Source and status default to those of the
 * list that holds the member: the variant for a variant's members, the centre for a hub layout's centre,
 * otherwise the item.

 */
export const MemberSchema = v.strictObject({
  code: CodeSchema,
  /** Name as the source writes it (may be a sub-unit inside `code`, e.g. a development zone). */
  name: v.optional(v.string()),
  /** Present when only part of the unit belongs; absent means the whole unit. */
  coverage: v.optional(CoverageSchema),
  ...factFields,
});

/**
 * A point with the unit it lies in. `point` is null when no source gives a coordinate (never guessed).
 */
export const LocationSchema = v.strictObject({
  point: v.nullable(PointSchema),
  /** Code of the unit the point lies in, when known. */
  unit: v.optional(CodeSchema),
  ...factFields,
});

const itemFields = {
  /** Unique within the layout, e.g. `gd-mc-gz`. */
  id: v.pipe(v.string(), v.minLength(1)),
  /** Chinese name as in the source, e.g. `广州都市圈`. */
  name: v.pipe(v.string(), v.minLength(1)),
  nameEn: v.optional(v.string()),
  status: StatusSchema,
  statusNote: v.optional(v.string()),
  source: v.optional(SourceSchema),
  /** Further sources for the same fact. */
  seeAlso: v.optional(v.array(SourceSchema)),
  /** The sentence of the source document that names the structure. */
  quote: v.optional(v.string()),
  notes: v.optional(v.array(v.string())),
  /** Free grouping label, e.g. `一核一带一区`. */
  group: v.optional(v.string()),
  /** Ids of `hub` items that belong to this item. */
  hubs: v.optional(v.array(v.string())),
};

/**
 * A plan or decision that defines a structure.
 */
export const PlanSchema = v.strictObject({
  title: v.string(),
  issuer: v.optional(v.string()),
  date: v.optional(v.string()),
});

/**
 * An earlier or alternative member set of a structure (e.g. the 2022 guideline's circle).
 */
export const VariantSchema = v.strictObject({
  label: v.string(),
  date: v.optional(v.string()),
  /** Member codes when the source lists them; otherwise see `description`. */
  members: v.optional(v.array(MemberSchema)),
  description: v.optional(v.string()),
  ...factFields,
  status: StatusSchema,
});

/**
 * 都市圈: a metropolitan circle around a core city.
 */
export const MetroCircleSchema = v.strictObject({
  type: v.literal('metro-circle'),
  ...itemFields,
  /** Code of the core city, when the source names one. */
  core: v.optional(CodeSchema),
  members: v.array(MemberSchema),
  /** Scope in words when the members are not (all) coded. */
  scope: v.optional(v.string()),
  plan: v.optional(PlanSchema),
  /** Year of the NDRC reply (national list), e.g. `2021-02-02`. */
  approved: v.optional(v.string()),
  commutingRadiusKm: v.optional(v.pipe(FiniteSchema, v.minValue(0))),
  /** Dated member sets other than the current one. */
  variants: v.optional(v.array(VariantSchema)),
});

/**
 * A pole of a hub layout: a city with its hubs.
 */
export const PoleSchema = v.strictObject({
  code: CodeSchema,
  name: v.optional(v.string()),
  /** Ids of `hub` items. */
  hubs: v.optional(v.array(v.string())),
  ...factFields,
});

/**
 * 一中心三极点-style structure: a centre area and poles.
 */
export const HubLayoutSchema = v.strictObject({
  type: v.literal('hub-layout'),
  ...itemFields,
  centre: v.strictObject({
    name: v.optional(v.string()),
    /** Id of an item that defines the centre area (e.g. `gd-gba`). */
    ref: v.optional(v.string()),
    members: v.array(MemberSchema),
    ...factFields,
  }),
  poles: v.array(PoleSchema),
});

/**
 * Kinds of point features.
 */
export const HubKindSchema = v.picklist([
  'airport',
  'port',
  'rail-hub',
  'platform',
  'science-city',
  'free-trade-zone',
  'high-tech-zone',
  'new-area',
  'institution',
  'corridor-node',
  'logistics-base',
  'other',
]);

/**
 * A point feature: airport, port, rail hub, platform, science city, free-trade or high-tech zone.
 */
export const HubSchema = v.strictObject({
  type: v.literal('hub'),
  ...itemFields,
  kind: HubKindSchema,
  location: LocationSchema,
});

/**
 * Kinds of ecological zones.
 */
export const EcoZoneKindSchema = v.picklist([
  'ecological-function-zone',
  'ecological-development-area',
  'ecological-corridor',
  'ecological-programme',
  'nature-reserve',
  'national-park',
]);

/**
 * Ecological function zone, nature reserve or national park: by member codes and/or a location.
 */
export const EcoZoneSchema = v.strictObject({
  type: v.literal('eco-zone'),
  ...itemFields,
  kind: EcoZoneKindSchema,
  members: v.array(MemberSchema),
  location: v.optional(LocationSchema),
  description: v.optional(v.string()),
});

/**
 * Kinds of links between two units.
 */
export const LinkKindSchema = v.picklist([
  'counterpart-aid',
  'industry-transfer',
  'enclave',
  'two-way-enclave',
  'integration',
  'partnership',
]);

/**
 * A directed link between two units (对口帮扶, 产业转移, 飞地, 双向飞地, integration, partnership).
 */
export const TransferLinkSchema = v.strictObject({
  type: v.literal('link'),
  ...itemFields,
  kind: LinkKindSchema,
  /** Helper, origin or first partner. */
  from: CodeSchema,
  /** Recipient, destination or second partner. */
  to: CodeSchema,
  since: v.optional(v.string()),
  until: v.optional(v.string()),
  /** Evidence for the dates, in words. */
  datesNote: v.optional(v.string()),
});

/**
 * One node of a corridor: a code or a point (at least one).
 */
export const CorridorNodeSchema = v.strictObject({
  code: v.optional(CodeSchema),
  point: v.optional(PointSchema),
  name: v.optional(v.string()),
  coverage: v.optional(CoverageSchema),
  ...factFields,
});

/**
 * Kinds of corridors.
 */
export const CorridorKindSchema = v.picklist([
  'science-technology',
  'rail',
  'road',
  'bridge',
  'axis',
  'transport',
]);

/**
 * A corridor: ordered nodes.
 */
export const CorridorSchema = v.strictObject({
  type: v.literal('corridor'),
  ...itemFields,
  kind: CorridorKindSchema,
  nodes: v.array(CorridorNodeSchema),
  description: v.optional(v.string()),
});

/**
 * Categories of economic zones.
 */
export const EconomicZoneCategorySchema = v.picklist([
  'economic-region',
  'economic-circle',
  'development-belt',
  'platform',
  'industry-cluster',
  'programme',
  'enclave',
  'industry-transfer',
  'other',
]);

/**
 * An area made of codes: 一核/一带, 五区, 成渝双城经济圈, economic circles, platforms, programmes.
 */
export const EconomicZoneSchema = v.strictObject({
  type: v.literal('economic-zone'),
  ...itemFields,
  category: EconomicZoneCategorySchema,
  /** May be empty when the source names the zone but not its members (see `description`). */
  members: v.array(MemberSchema),
  /** Units explicitly excluded from the scope (e.g. 北川, 平武 from 成渝地区双城经济圈). */
  excludes: v.optional(v.array(MemberSchema)),
  description: v.optional(v.string()),
  variants: v.optional(v.array(VariantSchema)),
});

/**
 * Cities with a role: 省域经济副中心, 区域中心城市, 节点城市, 极点 …
 */
export const CityRoleSchema = v.strictObject({
  type: v.literal('city-role'),
  ...itemFields,
  /** The role in Chinese, e.g. `省域经济副中心`. */
  role: v.string(),
  roleEn: v.optional(v.string()),
  /** May be empty when the source names the role but not the cities. */
  members: v.array(MemberSchema),
  description: v.optional(v.string()),
});

/**
 * Any layout item, discriminated by `type`.
 */
export const ItemSchema = v.variant('type', [
  MetroCircleSchema,
  HubLayoutSchema,
  HubSchema,
  EcoZoneSchema,
  TransferLinkSchema,
  CorridorSchema,
  EconomicZoneSchema,
  CityRoleSchema,
]);

/**
 * A titled collection of items for one region, with its sources.
 */
export const LayoutSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.pipe(v.string(), v.minLength(1)),
  titleEn: v.optional(v.string()),
  /** Region in words, e.g. `Guangdong`. */
  region: v.string(),
  description: v.optional(v.string()),
  /** Every source cited by the items. */
  sources: v.optional(v.array(SourceSchema)),
  items: v.array(ItemSchema),
});

/** See {@link StatusSchema}. */
export type Status = v.InferOutput<typeof StatusSchema>;
/** See {@link SourceSchema}. */
export type Source = v.InferOutput<typeof SourceSchema>;
/** `[lng, lat]` WGS-84. */
export type Point = v.InferOutput<typeof PointSchema>;
/** See {@link CoverageSchema}. */
export type Coverage = v.InferOutput<typeof CoverageSchema>;
/** See {@link MemberSchema}. */
export type Member = v.InferOutput<typeof MemberSchema>;
/** See {@link LocationSchema}. */
export type Location = v.InferOutput<typeof LocationSchema>;
/** See {@link PlanSchema}. */
export type Plan = v.InferOutput<typeof PlanSchema>;
/** See {@link VariantSchema}. */
export type Variant = v.InferOutput<typeof VariantSchema>;
/** See {@link MetroCircleSchema}. */
export type MetroCircle = v.InferOutput<typeof MetroCircleSchema>;
/** See {@link PoleSchema}. */
export type Pole = v.InferOutput<typeof PoleSchema>;
/** See {@link HubLayoutSchema}. */
export type HubLayout = v.InferOutput<typeof HubLayoutSchema>;
/** See {@link HubKindSchema}. */
export type HubKind = v.InferOutput<typeof HubKindSchema>;
/** See {@link HubSchema}. */
export type Hub = v.InferOutput<typeof HubSchema>;
/** See {@link EcoZoneKindSchema}. */
export type EcoZoneKind = v.InferOutput<typeof EcoZoneKindSchema>;
/** See {@link EcoZoneSchema}. */
export type EcoZone = v.InferOutput<typeof EcoZoneSchema>;
/** See {@link LinkKindSchema}. */
export type LinkKind = v.InferOutput<typeof LinkKindSchema>;
/** See {@link TransferLinkSchema}. */
export type TransferLink = v.InferOutput<typeof TransferLinkSchema>;
/** See {@link CorridorNodeSchema}. */
export type CorridorNode = v.InferOutput<typeof CorridorNodeSchema>;
/** See {@link CorridorKindSchema}. */
export type CorridorKind = v.InferOutput<typeof CorridorKindSchema>;
/** See {@link CorridorSchema}. */
export type Corridor = v.InferOutput<typeof CorridorSchema>;
/** See {@link EconomicZoneCategorySchema}. */
export type EconomicZoneCategory = v.InferOutput<typeof EconomicZoneCategorySchema>;
/** See {@link EconomicZoneSchema}. */
export type EconomicZone = v.InferOutput<typeof EconomicZoneSchema>;
/** See {@link CityRoleSchema}. */
export type CityRole = v.InferOutput<typeof CityRoleSchema>;
/** Any layout item. */
export type LayoutItem = v.InferOutput<typeof ItemSchema>;
/** The `type` of a layout item. */
export type LayoutItemType = LayoutItem['type'];
/** A layout: titled, sourced items for one region. */
export type Layout = v.InferOutput<typeof LayoutSchema>;
/** What `defineLayout` accepts (before defaults and checks). */
export type LayoutInput = v.InferInput<typeof LayoutSchema>;
