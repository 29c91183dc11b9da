/**
 * Maintainer tool, run by hand: converts the research fact sheet (`../shared/reference/facts.json`) and the
 * coordinate pass (`../shared/reference/coords.json`) into the built-in layout modules
 * `src/layouts/{sources,guangdong,guangzhou-shenzhen,sichuan,heilongjiang,mianyang,national}.ts`.
 *
 *   npx tsx scripts/import-facts.ts [path/to/reference] && npx biome check --write src/layouts
 *
 * The package never reads the fact sheet: the generated modules are self-contained and reviewed like code.
 * Rules: every member, code and coordinate comes from the fact sheet (never invented); statuses are
 * normalised with `statusFromNote` and the original wording is kept in `statusNote`; points the research
 * did not find stay `null` with status `uncertain`. Coordinates from coords.json supersede the fact sheet's
 * (that pass re-checked them); the superseded value is kept in `statusNote`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusFromNote } from '../src/layouts/status.ts';
import { codeOf } from '../src/names/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: untyped research JSON, read once by a maintainer tool
type Json = Record<string, any>;
const ref = process.argv[2] ?? join(import.meta.dirname, '../../shared/reference');
const facts: Json = JSON.parse(readFileSync(join(ref, 'facts.json'), 'utf8'));
const coords: Json = JSON.parse(readFileSync(join(ref, 'coords.json'), 'utf8'));
const out = join(import.meta.dirname, '../src/layouts');
const entries: Json[] = facts.entries;
const byId = new Map(entries.map((e) => [e.id as string, e]));
const index = new Map(entries.map((e, i) => [e.id as string, i]));

// ---------- sources ----------
interface Src {
  id: string;
  title: string;
  url?: string;
  moreUrls?: string[];
  reliability?: string;
}
const sourceDefs = new Map<string, Src>();
for (const [id, s] of Object.entries<Json>(facts.sources)) {
  const parts = String(s.url ?? '')
    .split(' ; ')
    .map((u) => u.trim())
    .filter((u) => /^https?:\/\//.test(u));
  const src: Src = { id, title: s.title, reliability: s.reliability };
  if (parts[0]) src.url = parts[0];
  if (parts.length > 1) src.moreUrls = parts.slice(1);
  if (s.url && !parts.length) src.reliability = `${s.reliability}; ${s.url}`;
  sourceDefs.set(id, src);
}
const SRC = (id: string) => {
  if (!sourceDefs.has(id)) throw new Error(`unknown source ${id}`);
  return `__SRC:${id}__`;
};
let coordSourceN = 0;
function coordSource(c: Json): string {
  const id = `COORDS_${String(++coordSourceN).padStart(2, '0')}`;
  const m = /^(https?:\/\/\S+)\s*(.*)$/.exec(String(c.source));
  sourceDefs.set(id, {
    id,
    title: `${c.name_zh} coordinate: ${c.represents}`,
    ...(m ? { url: m[1] } : {}),
    reliability: `coordinate research pass (coords.json), status '${c.status}'${m?.[2] ? `; ${m[2]}` : `; ${c.source}`}`,
  });
  return SRC(id);
}

// ---------- helpers ----------
const status = (note: string | undefined, fallback = 'uncertain') => statusFromNote(note ?? fallback);
const NON_PRIMARY = new Set(['NBS_CODES', 'HKMO_CODES']);
function primarySource(e: Json): string {
  const seed = `SEED${String(e.seed.file).slice(0, 3)}`;
  if (status(e.status) === 'from-source-text') return SRC(seed);
  const first = (e.sources as string[]).find((s) => !NON_PRIMARY.has(s) && !s.startsWith('SEED'));
  return SRC(first ?? seed);
}
function seeAlso(e: Json, primary: string): string[] | undefined {
  const rest = (e.sources as string[]).map(SRC).filter((s) => s !== primary);
  return rest.length ? rest : undefined;
}
const slug = (s: string) =>
  s
    .replace(/\(.*?\)/g, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function base(e: Json, over: Json = {}): Json {
  const source = primarySource(e);
  const st = status(e.status);
  const o: Json = {
    id: e.id,
    name: e.name_zh,
    nameEn: e.name_en,
    status: st,
    ...(st === e.status ? {} : { statusNote: e.status }),
    source,
  };
  const also = seeAlso(e, source);
  if (also) o.seeAlso = also;
  if (e.seed?.quote) o.quote = e.seed.quote;
  const notes = [...(e.kind_note ? [e.kind_note] : []), ...(e.notes ?? [])].filter(Boolean);
  if (notes.length) o.notes = notes;
  return { ...o, ...over };
}

function fact(note: string | undefined, source: string | undefined, fallbackSource: string): Json {
  const st = status(note);
  return {
    ...(source ? { source: SRC(source) } : { source: fallbackSource }),
    status: st,
    ...(note && note !== st ? { statusNote: note } : {}),
  };
}

const FULL = new Set(['full', undefined, null, '']);
function member(m: Json, e: Json, fallbackSource?: string): Json {
  const fallback = fallbackSource ?? primarySource(e);
  let code: string | null = m.code;
  const o: Json = {};
  let coverage: Json | undefined;
  if (!code && m.within_code) {
    code = m.within_code;
    o.name = m.name_zh;
    coverage = { description: `${m.name_zh} (in ${m.within_name})` };
  } else if (!code && /^北川县永昌镇/.test(m.name_zh)) {
    // The fact sheet gives no code for this town; its name places it in 北川羌族自治县 510726.
    code = '510726';
    o.name = m.name_zh;
    coverage = { description: `${m.name_zh} (unit from the name: 北川羌族自治县)` };
  } else {
    o.name = m.name_zh;
    if (/^partial-city/.test(m.coverage ?? '')) {
      // The county-level member is whole; it is its city that belongs only in part.
      o.note = `whole ${m.coverage.replace(/^partial-city: listed /, '')}; its city belongs in part`;
    } else if (!FULL.has(m.coverage) && !/^(helper|recipient)/.test(m.coverage)) {
      coverage = { description: m.coverage };
    }
  }
  if (!code) throw new Error(`member without code in ${e.id}: ${m.name_zh}`);
  return {
    code,
    ...o,
    ...(coverage ? { coverage } : {}),
    ...fact(m.status, m.source, fallback),
    ...(m.note || o.note ? { note: [o.note, m.note].filter(Boolean).join('; ') } : {}),
  };
}
const members = (list: Json[] | undefined, e: Json, fallbackSource?: string) =>
  (list ?? []).map((m) => member(m, e, fallbackSource));

// ---------- points and hubs ----------
interface Ref {
  entry: number;
  point?: number;
  member?: number;
}
function parseRefs(s: string | undefined): Ref[] {
  if (!s) return [];
  const refs: Ref[] = [];
  for (const m of s.matchAll(/entries\[(\d+)\](?:\.(points|members)\[(\d+)\])?/g)) {
    const r: Ref = { entry: Number(m[1]) };
    if (m[2] === 'points') r.point = Number(m[3]);
    if (m[2] === 'members') r.member = Number(m[3]);
    refs.push(r);
  }
  return refs;
}
const coordItems: Json[] = coords.items.filter((c: Json) => c.kind !== 'government_seat');

const HUB_KIND: Record<string, string> = {
  airport: 'airport',
  port: 'port',
  rail_hub: 'rail-hub',
  high_tech_zone: 'high-tech-zone',
  institution: 'institution',
  corridor_node: 'corridor-node',
  bridge_tunnel_node: 'corridor-node',
  bridge_tunnel: 'corridor-node',
};
function hubKind(type: string, name: string): string | undefined {
  if (type === 'platform') {
    if (/科学城/.test(name)) return 'science-city';
    if (/自贸|自由贸易/.test(name)) return 'free-trade-zone';
    if (/高新/.test(name)) return 'high-tech-zone';
    if (/新区|直管区/.test(name)) return 'new-area';
    return 'platform';
  }
  return HUB_KIND[type];
}

/**
 * Coordinates that contradict their declared unit in the atlas (test/layouts/points.test.ts): kept out of the
 * data (point null, status uncertain) with the reason, until a better source is found.
 */
const REJECTED: Record<string, string> = {
  'pt-南沙区(南沙新区)':
    'rejected: the approximate point [113.6083, 22.8383] lies in 东莞市 441900, 2.4 km outside 广州市 in data/china-2m.json',
};

/** A location from a fact-sheet point, superseded by coords.json when that pass covered it. */
function location(p: Json, e: Json, c?: Json): Json {
  const fallback = primarySource(e);
  if (c && REJECTED[c.id]) {
    return {
      point: null,
      ...(p?.within_code ? { unit: p.within_code } : {}),
      source: fallback,
      status: 'uncertain',
      statusNote: `coords.json: ${c.status}; ${REJECTED[c.id]}`,
      note: c.represents,
    };
  }
  if (c) {
    const has = c.lon !== null && c.lat !== null;
    const st = status(c.status);
    const old =
      p && p.lon !== null && p.lon !== undefined ? `; fact sheet had [${p.lon}, ${p.lat}] (${p.status})` : '';
    return {
      point: has ? [c.lon, c.lat] : null,
      ...(p?.within_code ? { unit: p.within_code } : {}),
      ...(has ? { source: coordSource(c) } : { source: fallback }),
      status: has ? st : 'uncertain',
      statusNote: `coords.json: ${c.status}${has ? '' : ' (no coordinate)'}${old}`,
      note: c.represents,
    };
  }
  const has = p.lon !== null && p.lat !== null;
  return {
    point: has ? [p.lon, p.lat] : null,
    ...(p.within_code ? { unit: p.within_code } : {}),
    ...(has && p.source ? { source: SRC(p.source) } : { source: fallback }),
    status: has ? status(p.status) : 'uncertain',
    ...(has && p.status !== status(p.status) ? { statusNote: p.status } : {}),
    ...(!has ? { statusNote: 'no coordinate in any consulted source' } : {}),
    ...(p.note ? { note: p.note } : {}),
  };
}

/** Hub items of one layout, deduplicated by name. */
class Hubs {
  items = new Map<string, Json>();
  add(name: string, nameEn: string, kind: string, loc: Json, extra: Json = {}): string {
    const key = name.replace(/\s+/g, '');
    const found = this.items.get(key);
    if (found) return found.id;
    let id = `hub-${slug(nameEn) || slug(name)}`;
    while ([...this.items.values()].some((h) => h.id === id)) id += '-2';
    const { source, status: st, statusNote } = loc;
    this.items.set(key, {
      type: 'hub',
      id,
      name,
      nameEn,
      status: st,
      ...(statusNote ? { statusNote } : {}),
      source,
      kind,
      location: loc,
      ...extra,
    });
    return id;
  }
  /** Hubs of an entry's points (and coords.json items that refer to it); returns their ids. */
  fromEntry(e: Json): string[] {
    const i = index.get(e.id)!;
    const ids: string[] = [];
    (e.points as Json[]).forEach((p, j) => {
      const cs = coordItems.filter((c) => parseRefs(c.facts_ref).some((r) => r.entry === i && r.point === j));
      const kind = hubKind(p.type, p.name_zh);
      if (!kind) return;
      if (cs.length === 0) ids.push(this.add(p.name_zh, p.name_en, kind, location(p, e)));
      for (const c of cs) {
        const k = hubKind(c.kind, c.name_zh) ?? kind;
        ids.push(this.add(c.name_zh, c.name_en, k, location(p, e, c)));
      }
    });
    // coords.json features that refer to a member or to the entry as a whole
    for (const c of coordItems) {
      for (const r of parseRefs(c.facts_ref)) {
        if (r.entry !== i || r.point !== undefined) continue;
        const k = hubKind(c.kind, c.name_zh);
        if (!k) continue;
        const m = r.member !== undefined ? e.members[r.member] : undefined;
        const unit = m ? (m.code ?? m.within_code) : undefined;
        const loc = location({ within_code: unit }, e, c);
        if (!unit) delete loc.unit;
        ids.push(this.add(c.name_zh, c.name_en, k, loc));
      }
    }
    return [...new Set(ids)];
  }
}

// ---------- entries → items ----------
const GD_CORE: Record<string, string> = {
  'gd-mc-gz': '440100',
  'gd-mc-sz': '440300',
  'gd-mc-zxa': '440400',
  'gd-mc-scj': '440500',
  'gd-mc-zm': '440800',
  'sc-cd-mc': '510100',
};
const PLAN: Record<string, Json> = {
  'gd-mc-gz': {
    title: '广州都市圈发展规划',
    issuer: '广东省人民政府 (粤府〔2023〕92号)',
    date: '2023-10-25',
  },
  'gd-mc-sz': {
    title: '深圳都市圈发展规划',
    issuer: '广东省人民政府 (粤府〔2023〕92号)',
    date: '2023-10-25',
  },
  'gd-mc-zxa': {
    title: '珠江口西岸都市圈发展规划',
    issuer: '广东省人民政府 (粤府〔2023〕92号)',
    date: '2023-10-25',
  },
  'gd-mc-scj': {
    title: '汕潮揭都市圈发展规划',
    issuer: '广东省人民政府 (粤府〔2023〕92号)',
    date: '2023-10-25',
  },
  'gd-mc-zm': {
    title: '湛茂都市圈发展规划',
    issuer: '广东省人民政府 (粤府〔2023〕92号)',
    date: '2023-10-25',
  },
  'sc-cd-mc': {
    title: '成都都市圈发展规划',
    issuer: '四川省人民政府 (reported by 四川新闻网)',
    date: '2021-11-29',
  },
};
function variantSource(e: Json, label: string): string {
  if (/2022/.test(label)) return SRC('GD_MC_2022');
  if (/2020|2021/.test(label) && e.id.startsWith('gd-')) return SRC('GD_MC_2020');
  if (/2023/.test(label) && e.id === 'gd-mc-zm') return SRC('GD_MC_2023_ZM');
  if (/2023/.test(label)) return SRC('GD_MC_2023');
  return primarySource(e);
}
function variants(e: Json): Json[] | undefined {
  const sets: Json[] = (e.member_sets ?? []).filter((s: Json) => !/CURRENT|主要包括/.test(s.label));
  if (!sets.length) return undefined;
  return sets.map((s) => {
    const date = /(\d{4}-\d{2}-\d{2})/.exec(s.label)?.[1] ?? /(\d{4}(?:–\d{2,4})?)/.exec(s.label)?.[1];
    const st = status(s.status);
    return {
      label: s.label,
      ...(date ? { date } : {}),
      ...(Array.isArray(s.members)
        ? { members: members(s.members, e, variantSource(e, s.label)) }
        : { description: s.members }),
      source: variantSource(e, s.label),
      status: st,
      ...(st !== s.status ? { statusNote: s.status } : {}),
    };
  });
}
function currentScope(e: Json): string | undefined {
  const cur = (e.member_sets ?? []).find((s: Json) => /CURRENT|主要包括/.test(s.label));
  return cur ? `${cur.label}: ${typeof cur.members === 'string' ? cur.members : 'see members'}` : undefined;
}

function corridorKind(e: Json): string {
  const n = e.name_zh;
  if (/科技创新走廊/.test(n)) return 'science-technology';
  if (/科技创新轴/.test(n)) return 'axis';
  if (/通道$/.test(n) && e.id === 'gzsz-szlink') return 'bridge';
  if (/铁|高铁|城际|客专/.test(n)) return 'rail';
  if (/高速|路/.test(n)) return 'road';
  return 'transport';
}
function ecoKind(e: Json): string {
  const n = e.name_zh;
  if (/国家公园/.test(n)) return 'national-park';
  if (/自然保护区/.test(n)) return 'nature-reserve';
  if (/廊道|江/.test(n)) return 'ecological-corridor';
  if (/绿美/.test(n)) return 'ecological-programme';
  return 'ecological-function-zone';
}
function linkSince(notes: string[]): { since?: string; datesNote?: string } {
  const ev = notes.find((n) => n.startsWith('since/evidence:'));
  if (!ev) return {};
  const since =
    /since (\d{4}(?:-\d{2})?)/.exec(ev)?.[1] ??
    /(\d{4}) round/.exec(ev)?.[1] ??
    /entered \S+ (\d{4}-\d{2})/.exec(ev)?.[1];
  return { ...(since ? { since } : {}), datesNote: ev.replace('since/evidence: ', '') };
}

function convert(e: Json, hubs: Hubs): Json[] {
  const hubIds = hubs.fromEntry(e);
  const withHubs = (o: Json) => (hubIds.length ? { ...o, hubs: hubIds } : o);
  const fallback = primarySource(e);
  switch (e.kind) {
    case 'metropolitan_circle': {
      const o = base(e, {
        core: GD_CORE[e.id],
        members: members(e.members, e),
        ...(currentScope(e) ? { scope: currentScope(e) } : {}),
        ...(PLAN[e.id] ? { plan: PLAN[e.id] } : {}),
        ...(variants(e) ? { variants: variants(e) } : {}),
      });
      return [withHubs({ type: 'metro-circle', ...o })];
    }
    case 'transport_hub_pole': {
      if (e.id === 'gd-hub-1c3p') {
        const poles = e.member_sets.find((s: Json) => s.label === 'poles');
        const centre = e.member_sets.find((s: Json) => s.label === 'centre');
        const gba = byId.get('gd-gba')!;
        // hubs per pole, by the pole city named in the hub (airports, stations, ports)
        const hubOf = (city: string) =>
          [...hubs.items.values()]
            .filter((h) => hubIds.includes(h.id) && h.name.includes(city.replace(/市$/, '')))
            .map((h) => h.id);
        return [
          {
            type: 'hub-layout',
            ...base(e),
            hubs: hubIds,
            centre: {
              name: '粤港澳大湾区',
              ref: 'gd-gba',
              members: members(gba.members, gba),
              ...fact(centre.status, undefined, fallback),
              note: centre.members,
            },
            poles: poles.members.map((m: Json) => ({
              code: m.code,
              name: m.name_zh,
              hubs: hubOf(m.name_zh),
              ...fact(m.status, undefined, fallback),
            })),
          },
        ];
      }
      return [
        withHubs({
          type: 'city-role',
          ...base(e),
          role: e.name_zh,
          roleEn: e.name_en,
          members: members(e.members, e),
        }),
      ];
    }
    case 'city_role': {
      const sets: Json[] = e.member_sets ?? [];
      if (!e.members.length && sets.length) {
        return sets.map((s, k) => {
          const st = status(s.status);
          return withHubs({
            type: 'city-role',
            ...base(e, {
              id: `${e.id}-${k + 1}`,
              name: `${e.name_zh}: ${s.label}`,
              status: st,
              statusNote: s.status === st ? undefined : s.status,
            }),
            group: e.name_zh,
            role: e.name_zh.replace(/\(.*$/, ''),
            members: Array.isArray(s.members) ? members(s.members, e) : [],
            ...(Array.isArray(s.members) ? {} : { description: s.members }),
          });
        });
      }
      return [
        withHubs({
          type: 'city-role',
          ...base(e),
          role: e.name_zh.replace(/\(.*$/, ''),
          roleEn: e.name_en,
          members: members(e.members, e),
        }),
      ];
    }
    case 'corridor':
      return [
        withHubs({
          type: 'corridor',
          ...base(e),
          kind: corridorKind(e),
          nodes: members(e.members, e),
        }),
      ];
    case 'ecological_zone': {
      const p = e.points[0];
      const i = index.get(e.id)!;
      const c = p ? coordItems.find((ci) => parseRefs(ci.facts_ref).some((r) => r.entry === i)) : undefined;
      return [
        withHubs({
          type: 'eco-zone',
          ...base(e),
          kind: ecoKind(e),
          members: members(e.members, e),
          ...(p ? { location: location(p, e, c) } : {}),
        }),
      ];
    }
    case 'industry_transfer_pairing': {
      const helper = e.members.find((m: Json) => /^helper/.test(m.coverage ?? ''));
      const recipient = e.members.find((m: Json) => /^recipient/.test(m.coverage ?? ''));
      if (helper && recipient) {
        return [
          withHubs({
            type: 'link',
            ...base(e),
            kind: 'counterpart-aid',
            from: helper.code,
            to: recipient.code,
            ...linkSince(e.notes),
          }),
        ];
      }
      if (e.members.length === 2 && e.members.every((m: Json) => m.code)) {
        const kind = /integration/.test(e.kind_note ?? '')
          ? 'integration'
          : e.id === 'my-hebei-park'
            ? 'industry-transfer'
            : 'partnership';
        return [
          withHubs({
            type: 'link',
            ...base(e),
            kind,
            from: e.members[0].code,
            to: e.members[1].code,
            ...(e.members[1].note ? { notes: [...(e.notes ?? []), `to: ${e.members[1].note}`] } : {}),
          }),
        ];
      }
      const category = /cluster/.test(e.kind_note ?? '')
        ? 'industry-cluster'
        : /飞地/.test(e.name_zh) && e.members.length
          ? 'enclave'
          : /转移/.test(e.name_zh) && e.members.length
            ? 'industry-transfer'
            : e.members.length
              ? 'other'
              : 'programme';
      return [withHubs({ type: 'economic-zone', ...base(e), category, members: members(e.members, e) })];
    }
    case 'platform':
      return [
        withHubs({
          type: 'economic-zone',
          ...base(e),
          category: 'platform',
          members: members(e.members, e),
          ...(variants(e) ? { variants: variants(e) } : {}),
        }),
      ];
    case 'program_statewide':
      return [
        withHubs({
          type: 'economic-zone',
          ...base(e),
          category: 'programme',
          members: members(e.members, e),
        }),
      ];
    case 'economic_zone': {
      if (e.id === 'gd-1c1b1z') {
        return (e.member_sets as Json[]).map((s, k) => {
          const st = status(s.status);
          const common = {
            ...base(e, {
              id: ['gd-1c1b1z-core', 'gd-1c1b1z-belt', 'gd-1c1b1z-north'][k],
              name: s.label.split(' ')[2] ?? s.label,
              nameEn: s.label,
              status: st,
              statusNote: st === s.status ? undefined : s.status,
              source: SRC('GD_1C1B1Z'),
            }),
            group: '一核一带一区',
            members: members(s.members, e),
          };
          return k === 2
            ? { type: 'eco-zone', ...common, kind: 'ecological-development-area' }
            : {
                type: 'economic-zone',
                ...common,
                category: k === 0 ? 'economic-region' : 'development-belt',
              };
        });
      }
      if (e.id === 'my-3zones') {
        return (e.member_sets as Json[]).map((s, k) => {
          const st = status(s.status);
          return withHubs({
            type: 'economic-zone',
            ...base(e, {
              id: `my-3zones-${k + 1}`,
              name: s.label.replace(/ \(.*$/, ''),
              nameEn: s.label,
              status: st,
              statusNote: st === s.status ? undefined : s.status,
            }),
            group: '三区',
            category: 'economic-region',
            members: members(s.members, e),
          });
        });
      }
      const sets: Json[] = e.member_sets ?? [];
      const setMembers = sets.flatMap((s) => (Array.isArray(s.members) ? s.members : []));
      const all = [...e.members, ...setMembers];
      const excludes: Json[] = [];
      for (const m of all) {
        for (const x of String(m.coverage ?? '').matchAll(/(\S+) (\d{6})/g)) {
          if (/^all except/.test(m.coverage)) {
            excludes.push({
              code: x[2],
              name: x[1],
              ...fact(m.status, m.source, fallback),
              note: `excluded from ${m.name_zh} ${m.code}`,
            });
          }
        }
      }
      const category = /经济圈/.test(e.name_zh) ? 'economic-circle' : 'economic-region';
      return [
        withHubs({
          type: 'economic-zone',
          ...base(e),
          category,
          members: members(all, e),
          ...(excludes.length ? { excludes } : {}),
          ...(sets.length ? { description: sets.map((s) => `${s.label} (${s.status})`).join('; ') } : {}),
        }),
      ];
    }
    default:
      throw new Error(`unhandled kind ${e.kind} (${e.id})`);
  }
}

// ---------- national circles ----------
const NATL_CORE: Record<string, string> = {};
const CROSS_REF: Record<string, string> = {
  成都都市圈: 'sc-cd-mc',
  广州都市圈: 'gd-mc-gz',
  深圳都市圈: 'gd-mc-sz',
};
function national(): Json[] {
  return (facts.national_metropolitan_circles as Json[]).map((c) => {
    const city = /^(.{2,3}?)(现代化)?都市圈$/.exec(c.name_zh)?.[1];
    let core: string | undefined;
    if (city && !['长株潭', '厦漳泉'].includes(city)) {
      core = codeOf(city);
      NATL_CORE[c.name_zh] = core;
    }
    const st = status(c.status);
    const refE = CROSS_REF[c.name_zh] ? byId.get(CROSS_REF[c.name_zh]!) : undefined;
    const source = c.name_zh === '重庆都市圈' ? SRC('CQ_MC') : SRC('NATL_MC');
    return {
      type: 'metro-circle',
      id: `cn-mc-${String(c.order).padStart(2, '0')}`,
      name: c.name_zh,
      status: st,
      ...(st !== c.status ? { statusNote: c.status } : {}),
      source,
      ...(source === SRC('CQ_MC') ? { seeAlso: [SRC('NATL_MC')] } : {}),
      ...(core ? { core } : {}),
      members: refE ? members(refE.members, refE) : [],
      scope: refE ? `${c.scope} (members copied from ${refE.id})` : c.scope,
      approved: c.ndrc_reply,
      notes: [
        `NDRC reply order ${c.order}: ${c.ndrc_reply}`,
        ...(core ? [`core ${core} derived from the circle's name (inferred)`] : []),
      ],
    };
  });
}

// ---------- modules ----------
interface Region {
  file: string;
  name: string;
  title: string;
  titleEn: string;
  region: string;
  description: string;
  ids: string[];
}
const seedOf = (f: string) => entries.filter((e) => e.seed.file.startsWith(f)).map((e) => e.id as string);
const GZSZ_EXTRA = ['gd-mc-gz', 'gd-pf-nansha', 'gd-pf-qianhai', 'gd-pf-hengqin', 'gd-pf-hetao'];
const regions: Region[] = [
  {
    file: 'guangdong',
    name: 'guangdong',
    title: '广东区域协调发展布局',
    titleEn: 'Guangdong: regional coordinated-development layout',
    region: 'Guangdong',
    description:
      'Five metropolitan circles (2023 plans current; 2022 and 2020-21 member sets as variants), 一核一带一区, 一中心三极点 with hubs, 湛茂一体化, counterpart-aid pairs, platforms, northern ecological development area; from the May 2024 provincial symposium (seed 000) and the sources cited per item.',
    ids: [...seedOf('000'), 'gd-1c1b1z'],
  },
  {
    file: 'guangzhou-shenzhen',
    name: 'guangzhouShenzhen',
    title: '广深双城联动',
    titleEn: 'Guangzhou–Shenzhen twin-city linkage',
    region: 'Guangdong',
    description:
      '广深港 and 广珠澳 science and technology corridors, platforms (南沙, 前海, 横琴, 河套, science cities), 广州都市圈, 广佛肇清云韶 economic circle, airports, ports and rail links named in the November 2020 interview (seed 003).',
    ids: [...seedOf('003').filter((id) => id !== 'gd-1c1b1z'), ...GZSZ_EXTRA],
  },
  {
    file: 'sichuan',
    name: 'sichuan',
    title: '四川“五区共兴”与成渝地区双城经济圈',
    titleEn: 'Sichuan: five regions and the Chengdu–Chongqing economic circle',
    region: 'Sichuan',
    description:
      '五区共兴, 成都都市圈, 成渝地区双城经济圈 scope with exclusions, provincial economic sub-centres, regional central cities, 天府新区; from the March 2024 leading-group meeting (seed 002).',
    ids: seedOf('002'),
  },
  {
    file: 'heilongjiang',
    name: 'heilongjiang',
    title: '黑龙江区域协调发展',
    titleEn: 'Heilongjiang: regional coordination',
    region: 'Heilongjiang',
    description:
      '哈大齐 national innovation demonstration zone (three high-tech zones and their cities) and the other categories of the 2024 leading-group meeting (seed 001) as far as the facts allow; categories without sourced members are kept with empty members.',
    ids: seedOf('001'),
  },
  {
    file: 'mianyang',
    name: 'mianyang',
    title: '绵阳“一核两翼三区”区域发展新格局',
    titleEn: 'Mianyang: one core, two wings, three zones',
    region: 'Mianyang, Sichuan',
    description:
      'A city guideline with place names replaced by "XX", resolved to Mianyang (seed 004, c. 2018-19). Members are county-level codes; many resolutions are inferred and marked so.',
    ids: seedOf('004'),
  },
];

const HEADER = (what: string) =>
  `// GENERATED by scripts/import-facts.ts from the research fact sheet (facts.json, coords.json). ${what}\n` +
  '// Review changes like code; re-run the script rather than editing by hand.\n';

function render(v: unknown): string {
  return JSON.stringify(v, null, 2).replace(/"__SRC:(\w+)__"/g, 'S.$1');
}
function usedSources(items: Json[]): string[] {
  const set = new Set<string>();
  for (const m of JSON.stringify(items).matchAll(/__SRC:(\w+)__/g)) set.add(m[1]!);
  return [...set];
}
function writeModule(r: Omit<Region, 'ids'>, items: Json[], counts: string) {
  const srcs = usedSources(items);
  const layout = {
    id: r.file,
    title: r.title,
    titleEn: r.titleEn,
    region: r.region,
    description: r.description,
    sources: srcs.map((s) => `__SRC:${s}__`),
    items,
  };
  const text =
    HEADER(counts) +
    `import type { Layout } from './schema.ts';\nimport * as S from './sources.ts';\n\n` +
    `/**\n * ${r.title} — ${r.titleEn}.\n *\n * ${r.description}\n *\n * @example\n * \`\`\`ts\n` +
    ` * import { ${r.name} } from 'quyu/layouts/${r.file}';\n * ${r.name}.items.filter((i) => i.type === 'metro-circle').length;\n * \`\`\`\n */\n` +
    `export const ${r.name}: Layout = ${render(layout)};\n`;
  writeFileSync(join(out, `${r.file}.ts`), text);
}

const placed = new Set<string>();
for (const r of regions) {
  const hubs = new Hubs();
  const items: Json[] = [];
  for (const id of r.ids) {
    const e = byId.get(id);
    if (!e) throw new Error(`no entry ${id}`);
    items.push(...convert(e, hubs));
    placed.add(id);
  }
  // drop undefined fields
  const clean = JSON.parse(JSON.stringify([...items, ...hubs.items.values()]));
  writeModule(r, clean, `${clean.length} items.`);
}
writeModule(
  {
    file: 'national',
    name: 'national',
    title: '国家发展改革委批复(函复)的都市圈',
    titleEn: 'Metropolitan circles with an NDRC reply (national list of 18)',
    region: 'China',
    description:
      'The 18 metropolitan circles whose plans received an NDRC reply, in order, with reply dates. Members are coded only where the fact sheet lists them (成都, 广州, 深圳 copied from the regional layouts); other scopes are kept as text in `scope`.',
  },
  JSON.parse(JSON.stringify(national())),
  '18 items.',
);

// sources module
let src = `${HEADER('Sources cited by the built-in layouts.')}import type { Source } from './schema.ts';\n\n`;
const used = new Set<string>();
for (const f of ['guangdong', 'guangzhou-shenzhen', 'sichuan', 'heilongjiang', 'mianyang', 'national']) {
  for (const m of readFileSync(join(out, `${f}.ts`), 'utf8').matchAll(/S\.(\w+)/g)) used.add(m[1]!);
}
for (const [id, s] of sourceDefs) {
  if (!used.has(id)) continue;
  src += `/** ${s.title.replace(/\*\//g, '* /')} */\nexport const ${id}: Source = ${JSON.stringify(s, null, 2)};\n\n`;
}
writeFileSync(join(out, 'sources.ts'), src);
const unplaced = entries.filter((e) => !placed.has(e.id)).map((e) => e.id);
console.log('unplaced entries:', unplaced);
