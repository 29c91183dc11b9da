/**
 * `npm run build:layouts`: writes the built-in layout modules from the reviewed data in `data/layouts/`.
 *
 *   npm run build:layouts            # write the generated files
 *   npm run build:layouts -- --check # exit 1 and name every generated file that differs from the data
 *
 * Inputs (all in the repository):
 * - `data/layouts/<id>.json`: one file per built-in layout (every file with an `items` array);
 * - `data/layouts/sources.json`: every source, once, and the publisher domains its URLs may use;
 * - `data/changes/divisions.csv` when present: dated division changes (abolished, renamed, recoded, moved
 *   units), applied to every code the layouts name (see {@link applyDivisionChanges});
 * - `data/seats.json` (written by `npm run build:data`): seats of the county-level units the layouts name.
 *
 * Outputs: `src/layouts/<id>.ts` (one typed, tree-shakable module per layout), `src/layouts/shared.ts` (items
 * that several layouts include, defined once), `src/layouts/sources.ts`, `src/layouts/builtins.ts` (the list
 * of built-in layouts that the package entry points, the map spec and the gallery derive from),
 * `src/layouts/seats.ts`, and the generated blocks of `data/layouts/README.md` and `README.md`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import * as v from 'valibot';
import { CHANGE_COLUMNS } from '../data/build/changes.ts';
import { type Layout, LayoutSchema, SourceSchema } from '../src/layouts/schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON read from the data files, checked below before use
type Json = any;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Files in `data/layouts/` that are not layouts. */
const NOT_LAYOUTS = new Set(['sources.json', 'seats.json']);

/** A problem in the data, with the file and the path inside it. */
export class LayoutDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`layout data: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    this.name = 'LayoutDataError';
  }
}

// ---------------------------------------------------------------- division changes

/** One row of `data/changes/divisions.csv`. */
export interface DivisionChange {
  date: string;
  kind: 'moved' | 'created' | 'abolished' | 'renamed' | 'recoded';
  code: string;
  name: string;
  new_code: string;
  new_name: string;
  from_parent: string;
  to_parent: string;
  successor: string;
  note: string;
  publisher: string;
  title: string;
  url: string;
  archive_url: string;
}

/** Reads the change list (header row with the columns of {@link DivisionChange}, in any order). */
export function readDivisionChanges(text: string): DivisionChange[] {
  // The same CSV reader and columns as the atlas build (data/build/changes.ts, d3-dsv).
  const rows = csvParse(text.replace(/^\uFEFF/, ''));
  const header = rows.columns.map((h) => h.trim());
  const missing = ['date', 'kind', 'code'].filter((c) => !header.includes(c));
  if (missing.length) throw new LayoutDataError([`divisions.csv: missing column(s) ${missing.join(', ')}`]);
  return rows
    .filter((r) => Object.values(r).some((v) => (v ?? '').trim() !== ''))
    .map((r) => {
      const o = Object.fromEntries(CHANGE_COLUMNS.map((c) => [c, (r[c] ?? '').trim()]));
      return o as unknown as DivisionChange;
    });
}

function changeCitation(c: DivisionChange): string {
  const who = [c.publisher, c.date].filter(Boolean).join(', ');
  return [who, c.title].filter(Boolean).join(': ');
}

/** What happened to one code, for the layouts: its replacement(s) and a dated note. */
interface CodeFate {
  /** Codes that stand for the old unit now (successor, new code); empty when the unit is gone without one. */
  codes: { code: string; name: string; whole: boolean }[];
  note: string;
  date: string;
}

/**
 * Division changes as the layouts apply them, from the change list:
 * - `abolished` with a `successor`: the unit is replaced by its successor; the successor counts as a whole
 *   member only when every unit it was made from is in the same list, else as a part (coverage);
 * - `recoded` (and `moved` with a `new_code`): the code is replaced by the new code;
 * - `renamed`: the code stays; the member gets a dated note with the new name;
 * - `created`: nothing to apply (a new unit is never added to a published scope).
 * Only changes dated on or before `asOf` apply. Every replaced member keeps the name its source used in a
 * note, with the date and the citation of the change.
 */
export function divisionFates(changes: DivisionChange[], asOf: string): Map<string, CodeFate> {
  const fates = new Map<string, CodeFate>();
  const predecessors = new Map<string, Set<string>>();
  for (const c of changes) {
    if (c.date > asOf) continue;
    if (c.kind === 'abolished' && c.successor) {
      for (const s of c.successor.split(/[;|\s]+/).filter(Boolean)) {
        if (!predecessors.has(s)) predecessors.set(s, new Set());
        predecessors.get(s)!.add(c.code);
      }
    }
  }
  const nameOf = (code: string) =>
    changes.find((c) => c.code === code && c.kind === 'created')?.name ??
    changes.find((c) => c.new_code === code)?.new_name ??
    '';
  for (const c of changes) {
    if (c.date > asOf) continue;
    const cite = changeCitation(c);
    const was = `${c.name || c.code} (${c.code})`;
    if (c.kind === 'abolished') {
      const succ = c.successor.split(/[;|\s]+/).filter(Boolean);
      fates.set(c.code, {
        date: c.date,
        codes: succ.map((s) => ({ code: s, name: nameOf(s), whole: false })),
        note: succ.length
          ? `${was} was abolished on ${c.date}; its area is now in ${succ.map((s) => `${nameOf(s) || s} (${s})`.trim()).join(', ')}${cite ? ` (${cite})` : ''}`
          : `${was} was abolished on ${c.date}${cite ? ` (${cite})` : ''}`,
      });
    } else if ((c.kind === 'recoded' || c.kind === 'moved') && c.new_code && c.new_code !== c.code) {
      fates.set(c.code, {
        date: c.date,
        codes: [{ code: c.new_code, name: c.new_name || c.name, whole: true }],
        note: `${was} has the code ${c.new_code}${c.new_name && c.new_name !== c.name ? ` and the name ${c.new_name}` : ''} since ${c.date}${cite ? ` (${cite})` : ''}`,
      });
    } else if (c.kind === 'renamed' && c.new_name) {
      fates.set(c.code, {
        date: c.date,
        codes: [{ code: c.new_code || c.code, name: c.new_name, whole: true }],
        note: `${was} is named ${c.new_name} since ${c.date}${cite ? ` (${cite})` : ''}`,
      });
    }
  }
  // A successor is whole in a list only if all of its predecessors are in that list (decided per list).
  for (const f of fates.values()) {
    for (const r of f.codes) r.whole = !predecessors.has(r.code);
  }
  (fates as Map<string, CodeFate> & { predecessors?: Map<string, Set<string>> }).predecessors = predecessors;
  return fates;
}

/**
 * Applies division changes to a list of members: replaced codes become their successors (once, even when
 * several abolished units merge into one), with a note naming what the source listed, the date and the
 * citation. A successor made from units not all in the list becomes a partial member.
 */
export function applyToMembers(
  members: Json[],
  fates: Map<string, CodeFate>,
  predecessors: Map<string, Set<string>>,
): { members: Json[]; changed: string[] } {
  const inList = new Set(members.map((m) => m.code as string));
  const out: Json[] = [];
  const changed: string[] = [];
  const bySuccessor = new Map<string, Json>();
  for (const m of members) {
    const fate = fates.get(m.code);
    if (!fate) {
      out.push(m);
      continue;
    }
    changed.push(m.code);
    for (const r of fate.codes) {
      const prior = bySuccessor.get(r.code) ?? out.find((x) => x.code === r.code);
      if (prior) {
        prior.note = [prior.note, fate.note].filter(Boolean).join('; ');
        continue;
      }
      const preds = predecessors.get(r.code);
      const whole = !preds || [...preds].every((p) => inList.has(p));
      const next: Json = { ...m, code: r.code, ...(r.name ? { name: r.name } : {}) };
      next.note = [m.note, fate.note].filter(Boolean).join('; ');
      if (!whole && !next.coverage) {
        next.coverage = {
          description: `the part that was ${[...preds!].filter((p) => inList.has(p)).join(', ')}`,
        };
      }
      bySuccessor.set(r.code, next);
      out.push(next);
    }
    if (!fate.codes.length) {
      // Gone without a successor: kept (the source named it), with the note.
      out.push({ ...m, note: [m.note, fate.note].filter(Boolean).join('; ') });
    }
  }
  return { members: out, changed };
}

// ---------------------------------------------------------------- seats

/** A seat as the layouts' seat module ships it. */
export interface SeatRow {
  point: [number, number];
  status: 'sourced' | 'approximate';
  source: string;
  note?: string;
}

/** Reads a seats file (`{ sources: {...}, seats: { "<code>": { lng, lat, source, status?, note? } } }`). */
export function readSeats(json: Json, file: string): Map<string, SeatRow> {
  const out = new Map<string, SeatRow>();
  const problems: string[] = [];
  for (const [code, s] of Object.entries<Json>(json.seats ?? {})) {
    if (!/^\d{6}$/.test(code) || typeof s.lng !== 'number' || typeof s.lat !== 'number') {
      problems.push(`${file}: seats.${code}: needs a 6-digit code, lng and lat`);
      continue;
    }
    const src = json.sources?.[s.source];
    const source = src
      ? [src.publisher, src.title, src.url].filter(Boolean).join(', ')
      : String(s.source ?? '');
    // A position no second source confirms (`unchecked`) is shipped as approximate, and says so.
    const unchecked = s.status === 'unchecked';
    const note = [unchecked ? 'not checked against a second source' : '', s.note ?? '']
      .filter(Boolean)
      .join('; ');
    out.set(code, {
      point: [s.lng, s.lat],
      status: s.status === 'approximate' || unchecked ? 'approximate' : 'sourced',
      source,
      ...(note ? { note } : {}),
    });
  }
  if (problems.length) throw new LayoutDataError(problems);
  return out;
}

// ---------------------------------------------------------------- data

export interface LayoutData {
  id: string;
  order?: number;
  title: string;
  titleEn?: string;
  region: string;
  description?: string;
  gallery?: { title: { zh: string; en: string }; description: { zh: string; en: string } };
  items: Json[];
}

export interface SourcesData {
  publishers: Record<string, { publisher: string; kind: string; reason: string }>;
  sources: Record<string, Json>;
}

/** Everything the generator reads. */
export interface Inputs {
  layouts: LayoutData[];
  sources: SourcesData;
  changes: DivisionChange[];
  seats: Map<string, SeatRow>;
  seatsFile: string;
  /** Date the division changes are applied as of (default: all changes in the list apply). */
  asOf?: string;
}

/** Reads the inputs from a checkout. `changesFile` overrides `data/changes/divisions.csv` (tests). */
export function readInputs(root = ROOT, opts: { changesFile?: string | null } = {}): Inputs {
  const dir = join(root, 'data/layouts');
  const layouts = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !NOT_LAYOUTS.has(f))
    .map((f) => {
      const json = JSON.parse(readFileSync(join(dir, f), 'utf8')) as LayoutData;
      if (json.id !== f.replace(/\.json$/, '')) {
        throw new LayoutDataError([`data/layouts/${f}: id "${json.id}" must match the file name`]);
      }
      return json;
    })
    .sort((a, b) => (a.order ?? 99) - (b.order ?? 99) || a.id.localeCompare(b.id));
  const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourcesData;
  const changesFile =
    opts.changesFile === undefined ? join(root, 'data/changes/divisions.csv') : opts.changesFile;
  const changes =
    changesFile && existsSync(changesFile) ? readDivisionChanges(readFileSync(changesFile, 'utf8')) : [];
  const seatsFile = join(root, 'data/seats.json');
  const seats = readSeats(JSON.parse(readFileSync(seatsFile, 'utf8')), relative(root, seatsFile));
  return { layouts, sources, changes, seats, seatsFile: relative(root, seatsFile) };
}

const camel = (id: string) => id.replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Member lists of a data item with their holder (whose source and status the members inherit). */
function memberLists(item: Json): { path: string; list: Json[]; holder: Json }[] {
  const out: { path: string; list: Json[]; holder: Json }[] = [];
  if (Array.isArray(item.members)) out.push({ path: 'members', list: item.members, holder: item });
  if (Array.isArray(item.excludes)) out.push({ path: 'excludes', list: item.excludes, holder: item });
  (item.variants ?? []).forEach((vr: Json, k: number) => {
    if (Array.isArray(vr.members)) {
      out.push({
        path: `variants[${k}].members`,
        list: vr.members,
        holder: { source: vr.source ?? item.source, status: vr.status ?? item.status },
      });
    }
  });
  if (item.type === 'hub-layout' && Array.isArray(item.centre?.members)) {
    out.push({
      path: 'centre.members',
      list: item.centre.members,
      holder: { source: item.centre.source ?? item.source, status: item.centre.status ?? item.status },
    });
  }
  return out;
}

/** Every source id a data item cites. */
function citedSources(x: Json, out: Set<string>): Set<string> {
  if (Array.isArray(x)) for (const y of x) citedSources(y, out);
  else if (x && typeof x === 'object') {
    for (const [k, val] of Object.entries<Json>(x)) {
      if (k === 'source' && typeof val === 'string') out.add(val);
      else if (k === 'seeAlso' && Array.isArray(val)) for (const s of val) out.add(s);
      else citedSources(val, out);
    }
  }
  return out;
}

/** A resolved layout: its items in order (shared ones by id), ready to print. */
interface Resolved {
  data: LayoutData;
  exportName: string;
  items: Json[];
  /** Ids of items defined in `shared.ts`. */
  sharedIds: Set<string>;
  sources: string[];
  /** Division changes applied, for the notes and the README. */
  changed: string[];
}

/** Resolves references, borrowed member lists and division changes; checks everything. */
export function resolve(inputs: Inputs): {
  layouts: Resolved[];
  shared: Map<string, Json>;
  usedSources: string[];
} {
  const problems: string[] = [];
  const defs = new Map<string, { layout: string; item: Json }>();
  for (const l of inputs.layouts) {
    if (!Array.isArray(l.items)) problems.push(`data/layouts/${l.id}.json: needs an items array`);
    for (const it of l.items ?? []) {
      if (it.ref) continue;
      const prev = defs.get(it.id);
      if (prev)
        problems.push(
          `item ${it.id} is defined in ${prev.layout} and in ${l.id}: define it once, use {"ref"}`,
        );
      else defs.set(it.id, { layout: l.id, item: it });
    }
  }
  const includedBy = new Map<string, Set<string>>();
  for (const l of inputs.layouts) {
    for (const it of l.items ?? []) {
      const id = it.ref ?? it.id;
      if (!includedBy.has(id)) includedBy.set(id, new Set());
      includedBy.get(id)!.add(l.id);
      if (it.ref && !defs.has(it.ref))
        problems.push(`data/layouts/${l.id}.json: {"ref": "${it.ref}"} names no item`);
    }
  }
  const sources = inputs.sources.sources;
  const fates = divisionFates(inputs.changes, inputs.asOf ?? '9999-12-31');
  const predecessors =
    (fates as Map<string, CodeFate> & { predecessors?: Map<string, Set<string>> }).predecessors ?? new Map();

  /** Effective source/status of a member of a defining item (for lists borrowed by another item). */
  const effective = (m: Json, holder: Json) => ({
    ...m,
    source: m.source ?? holder.source,
    status: m.status ?? holder.status,
  });
  const stripInherited = (list: Json[], holder: Json) =>
    list.map((m) => {
      const o = { ...m };
      if (o.source === holder.source) delete o.source;
      if (o.status === holder.status) delete o.status;
      return o;
    });

  const resolvedItems = new Map<string, Json>();
  const changedBy = new Map<string, string[]>();
  const resolveItem = (def: Json, layout: string): Json => {
    const cached = resolvedItems.get(def.id);
    if (cached) return cached;
    const it: Json = structuredClone(def);
    const where = `data/layouts/${layout}.json: ${it.id}`;
    // Borrowed member lists: `membersFrom` (an item) and a hub layout's `centre.ref`.
    const borrow = (fromId: string, holder: Json, path: string): Json[] => {
      const from = defs.get(fromId);
      if (!from) {
        problems.push(`${where}: ${path} names no item "${fromId}"`);
        return [];
      }
      if (!Array.isArray(from.item.members)) {
        problems.push(`${where}: ${path}: item "${fromId}" has no members`);
        return [];
      }
      return stripInherited(
        from.item.members.map((m: Json) => effective(m, from.item)),
        holder,
      );
    };
    if (it.membersFrom) {
      if (it.members) problems.push(`${where}: has both members and membersFrom`);
      it.members = borrow(it.membersFrom, it, 'membersFrom');
      it.notes = [
        ...(it.notes ?? []),
        `Members as in ${defs.get(it.membersFrom)?.item.name ?? it.membersFrom} (${it.membersFrom}).`,
      ];
      delete it.membersFrom;
    }
    if (it.type === 'hub-layout' && it.centre?.ref && !it.centre.members) {
      it.centre.members = borrow(
        it.centre.ref,
        { source: it.centre.source ?? it.source, status: it.centre.status ?? it.status },
        'centre.ref',
      );
    }
    // Division changes.
    const changed: string[] = [];
    if (fates.size) {
      for (const { list, path } of memberLists(it)) {
        const r = applyToMembers(list, fates, predecessors);
        changed.push(...r.changed);
        if (r.changed.length) {
          if (path === 'members') it.members = r.members;
          else if (path === 'excludes') it.excludes = r.members;
          else if (path === 'centre.members') it.centre.members = r.members;
          else {
            const k = Number(/\[(\d+)\]/.exec(path)![1]);
            it.variants[k].members = r.members;
          }
        }
      }
      const single = (code: string | undefined, set: (c: string) => void, what: string) => {
        const f = code ? fates.get(code) : undefined;
        if (f?.codes.length !== 1) return;
        set(f.codes[0]!.code);
        changed.push(code!);
        it.notes = [...(it.notes ?? []), `${what}: ${f.note}.`];
      };
      if (it.type === 'metro-circle') single(it.core, (c) => (it.core = c), 'Core');
      if (it.type === 'link') {
        single(it.from, (c) => (it.from = c), 'From');
        single(it.to, (c) => (it.to = c), 'To');
      }
      if (it.type === 'hub-layout') {
        for (const p of it.poles) single(p.code, (c) => (p.code = c), 'Pole');
      }
      if (it.type === 'corridor') {
        for (const n of it.nodes) {
          if (n.code) single(n.code, (c) => (n.code = c), 'Node');
        }
      }
      if (it.location?.unit) single(it.location.unit, (c) => (it.location.unit = c), 'Location');
    }
    changedBy.set(it.id, changed);
    // Source ids must exist.
    for (const s of citedSources(it, new Set())) {
      if (!sources[s])
        problems.push(`${where}: cites source "${s}", which data/layouts/sources.json does not define`);
    }
    resolvedItems.set(it.id, it);
    return it;
  };

  const layouts: Resolved[] = [];
  const shared = new Map<string, Json>();
  const used = new Set<string>();
  for (const l of inputs.layouts) {
    const items: Json[] = [];
    const sharedIds = new Set<string>();
    const changed: string[] = [];
    for (const entry of l.items ?? []) {
      const id = entry.ref ?? entry.id;
      const def = defs.get(id);
      if (!def) continue;
      const it = resolveItem(def.item, def.layout);
      if ((includedBy.get(id)?.size ?? 0) > 1) {
        sharedIds.add(id);
        shared.set(id, it);
      }
      changed.push(...(changedBy.get(id) ?? []));
      items.push(it);
    }
    const cited = citedSources(items, new Set());
    for (const s of cited) used.add(s);
    const order = Object.keys(sources).filter((s) => cited.has(s));
    // Check the resolved layout against the schema (the same check users' layouts get).
    const layout = printable(l, items, order, sources);
    const r = v.safeParse(LayoutSchema, layout);
    if (!r.success) {
      for (const issue of r.issues.slice(0, 20)) {
        const path = (issue.path ?? []).map((p) => p.key).join('.');
        problems.push(`data/layouts/${l.id}.json: ${path}: ${issue.message}`);
      }
    }
    layouts.push({ data: l, exportName: camel(l.id), items, sharedIds, sources: order, changed });
  }
  for (const s of Object.keys(sources)) {
    if (!used.has(s)) problems.push(`data/layouts/sources.json: source ${s} is cited by no layout`);
    const r = v.safeParse(SourceSchema, { id: s, ...publicSource(sources[s]) });
    if (!r.success) problems.push(`data/layouts/sources.json: ${s}: ${r.issues[0]!.message}`);
  }
  if (problems.length) throw new LayoutDataError(problems);
  return { layouts, shared, usedSources: [...used] };
}

/** The fields of a source that ship (review fields such as `checked` stay in the data). */
function publicSource(s: Json): Json {
  const { checked: _checked, ...rest } = s;
  return rest;
}

/** A layout with sources inlined (for the schema check and the tests). */
function printable(l: LayoutData, items: Json[], sourceIds: string[], sources: Record<string, Json>): Layout {
  const inline = (x: Json): Json => {
    if (Array.isArray(x)) return x.map(inline);
    if (x && typeof x === 'object') {
      return Object.fromEntries(
        Object.entries<Json>(x).map(([k, val]) => {
          if (k === 'source' && typeof val === 'string')
            return [k, { id: val, ...publicSource(sources[val] ?? {}) }];
          if (k === 'seeAlso' && Array.isArray(val))
            return [k, val.map((s: string) => ({ id: s, ...publicSource(sources[s] ?? {}) }))];
          return [k, inline(val)];
        }),
      );
    }
    return x;
  };
  return {
    id: l.id,
    title: l.title,
    ...(l.titleEn ? { titleEn: l.titleEn } : {}),
    region: l.region,
    ...(l.description ? { description: l.description } : {}),
    sources: sourceIds.map((s) => ({ id: s, ...publicSource(sources[s]) })),
    items: inline(items),
  } as Layout;
}

/** The resolved layouts as plain objects (what the generated modules export). */
export function resolvedLayouts(inputs: Inputs): Layout[] {
  const { layouts } = resolve(inputs);
  return layouts.map((r) => printable(r.data, r.items, r.sources, inputs.sources.sources));
}

// ---------------------------------------------------------------- printing

const HEADER =
  '// GENERATED by scripts/build-layouts.ts from data/layouts/ — edit the data, then run `npm run build:layouts`.\n';

/** Prints a JSON value as TypeScript, with source ids as `S.<ID>` and shared items as identifiers. */
function ts(value: Json, shared: Set<string> = new Set()): string {
  const json = JSON.stringify(
    value,
    (k, val) => {
      if (k === 'source' && typeof val === 'string') return `__SRC:${val}__`;
      if (k === 'seeAlso' && Array.isArray(val)) return val.map((s: string) => `__SRC:${s}__`);
      if (val && typeof val === 'object' && !Array.isArray(val) && shared.has(val.id) && val.type && k !== '')
        return `__ITEM:${val.id}__`;
      return val;
    },
    2,
  );
  return json
    .replace(/"__SRC:(\w+)__"/g, 'S.$1')
    .replace(/"__ITEM:([\w-]+)__"/g, (_, id: string) => camel(id));
}

const TYPE_OF: Record<string, string> = {
  'metro-circle': 'MetroCircle',
  'hub-layout': 'HubLayout',
  hub: 'Hub',
  'eco-zone': 'EcoZone',
  link: 'TransferLink',
  corridor: 'Corridor',
  'economic-zone': 'EconomicZone',
  'city-role': 'CityRole',
};

function countsOf(items: Json[]) {
  let members = 0;
  for (const it of items) for (const { list } of memberLists(it)) members += list.length;
  const hubs = items.filter((i) => i.type === 'hub');
  const byStatus: Record<string, number> = {};
  for (const it of items) byStatus[it.status] = (byStatus[it.status] ?? 0) + 1;
  return {
    items: items.length,
    members,
    hubs: hubs.length,
    hubsWithPoint: hubs.filter((h) => h.location?.point).length,
    byStatus,
  };
}

function layoutModule(r: Resolved, sources: Record<string, Json>): string {
  const l = r.data;
  const body = {
    id: l.id,
    title: l.title,
    ...(l.titleEn ? { titleEn: l.titleEn } : {}),
    region: l.region,
    ...(l.description ? { description: l.description } : {}),
    sources: '__SOURCES__',
    items: r.items,
  };
  const c = countsOf(r.items);
  const sharedUsed = r.items.filter((i) => r.sharedIds.has(i.id)).map((i) => camel(i.id));
  const example =
    r.items.find((i) => i.type === 'metro-circle') !== undefined
      ? `${r.exportName}.items.filter((i) => i.type === 'metro-circle').length;`
      : `${r.exportName}.items.length; // ${c.items}`;
  const doc = [
    `/**`,
    ` * ${l.title}${l.titleEn ? ` — ${l.titleEn}` : ''}.`,
    ` *`,
    ...(l.description ? [` * ${l.description.replace(/\*\//g, '* /')}`, ` *`] : []),
    ` * ${c.items} items, ${c.members} members, ${r.sources.length} sources (data: \`data/layouts/${l.id}.json\`).`,
    ` *`,
    ` * @example`,
    ' * ```ts',
    ` * import { ${r.exportName} } from 'quyu/layouts/${l.id}';`,
    ` * ${example}`,
    ' * ```',
    ` */`,
  ].join('\n');
  void sources;
  return (
    HEADER +
    `import type { Layout } from './schema.ts';\n` +
    (sharedUsed.length ? `import { ${sharedUsed.join(', ')} } from './shared.ts';\n` : '') +
    `import * as S from './sources.ts';\n\n` +
    `${doc}\nexport const ${r.exportName}: Layout = ${ts(body, r.sharedIds).replace(
      '"__SOURCES__"',
      `[${r.sources.map((s) => `S.${s}`).join(', ')}]`,
    )};\n`
  );
}

function sharedModule(shared: Map<string, Json>, layouts: Resolved[]): string {
  const types = new Set([...shared.values()].map((i) => TYPE_OF[i.type]!));
  let out =
    HEADER +
    `/**\n * Items that several built-in layouts include, each defined once (in the data of the layout named below)\n` +
    ` * and imported by every layout that shows it.\n */\n` +
    `import type { ${[...types].sort().join(', ')} } from './schema.ts';\nimport * as S from './sources.ts';\n`;
  for (const [id, it] of shared) {
    const users = layouts.filter((l) => l.sharedIds.has(id)).map((l) => l.data.id);
    out += `\n/** ${String(it.name).replace(/\*\//g, '* /')} (\`${id}\`), in ${users.join(', ')}. */\n`;
    out += `export const ${camel(id)}: ${TYPE_OF[it.type]} = ${ts(it)};\n`;
  }
  return out;
}

function sourcesModule(sources: Record<string, Json>, used: Set<string>): string {
  let out =
    HEADER +
    `/**\n * The sources cited by the built-in layouts: title in the original language, publisher, date and the\n` +
    ` * address on the publisher's own site (or none, when no original could be found).\n */\n` +
    `import type { Source } from './schema.ts';\n`;
  for (const [id, s] of Object.entries<Json>(sources)) {
    if (!used.has(id)) continue;
    const line = [s.publisher, s.date].filter(Boolean).join(', ');
    out += `\n/** ${line ? `${line}: ` : ''}${String(s.title).replace(/\*\//g, '* /')} */\n`;
    out += `export const ${id}: Source = ${JSON.stringify({ id, ...publicSource(s) }, null, 2)};\n`;
  }
  return out;
}

function builtinsModule(layouts: Resolved[]): string {
  const ids = layouts.map((r) => r.data.id);
  const info = Object.fromEntries(
    layouts.map((r) => [
      r.data.id,
      {
        exportName: r.exportName,
        title: r.data.title,
        ...(r.data.titleEn ? { titleEn: r.data.titleEn } : {}),
        ...(r.data.gallery ? { gallery: r.data.gallery } : {}),
      },
    ]),
  );
  return (
    HEADER +
    `/**\n * The built-in layouts, derived from the files in \`data/layouts/\`: the package entry points\n` +
    ` * (\`quyu/layouts/<id>\`), the map spec's \`layouts\` ids and the gallery's layout pages all come from here.\n */\n` +
    `/**\n * Ids of the built-in layouts, in display order.\n *\n * @example\n * \`\`\`ts\n * BUILTIN_LAYOUT_IDS.includes('guangdong'); // true\n * \`\`\`\n */\n` +
    `export const BUILTIN_LAYOUT_IDS = ${JSON.stringify(ids)} as const;\n\n` +
    `/** Id of a built-in layout. */\nexport type BuiltinLayoutId = (typeof BUILTIN_LAYOUT_IDS)[number];\n\n` +
    `/** What a list of layouts shows about each: the module's export name, titles, gallery card text. */\n` +
    `export interface BuiltinLayoutInfo {\n  exportName: string;\n  title: string;\n  titleEn?: string;\n` +
    `  gallery?: { title: { zh: string; en: string }; description: { zh: string; en: string } };\n}\n\n` +
    `/**\n * Titles and gallery text of each built-in layout (without its data).\n *\n * @example\n * \`\`\`ts\n * BUILTIN_LAYOUT_INFO.guangdong.title; // '${layouts[0]?.data.title ?? ''}'\n * \`\`\`\n */\n` +
    `export const BUILTIN_LAYOUT_INFO: Readonly<Record<BuiltinLayoutId, BuiltinLayoutInfo>> = ${JSON.stringify(info, null, 2)};\n\n` +
    ''
  );
}

function loadersModule(layouts: Resolved[]): string {
  return (
    HEADER +
    `/**\n * Loaders of the built-in layouts, each its own chunk, so that an embed ships only the layouts it shows.\n */\n` +
    `import type { BuiltinLayoutId } from './builtins.ts';\nimport type { Layout } from './schema.ts';\n\n` +
    `/**\n * Loads a built-in layout on demand.\n *\n * @example\n * \`\`\`ts\n * const gd = await loadBuiltinLayout('guangdong');\n * \`\`\`\n */\n` +
    `export function loadBuiltinLayout(id: BuiltinLayoutId): Promise<Layout> {\n  switch (id) {\n` +
    layouts
      .map(
        (r) =>
          `    case '${r.data.id}':\n      return import('./${r.data.id}.ts').then((m) => m.${r.exportName});\n`,
      )
      .join('') +
    `  }\n}\n`
  );
}

function seatsModule(inputs: Inputs, layouts: Resolved[]): string {
  // Seats of the county-level units named by the built-in layouts (the seat data may hold more).
  const codes = new Set<string>();
  const walk = (x: Json) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, val] of Object.entries<Json>(x)) {
        if (
          (k === 'code' || k === 'unit' || k === 'from' || k === 'to' || k === 'core') &&
          typeof val === 'string'
        )
          codes.add(val);
        else walk(val);
      }
    }
  };
  for (const r of layouts) walk(r.items);
  const rows = [...inputs.seats]
    .filter(([code]) => codes.has(code) && !code.endsWith('00'))
    .sort(([a], [b]) => a.localeCompare(b));
  return (
    HEADER +
    `/**\n * Government seats (人民政府驻地) of the county-level units that the built-in layouts name, from\n` +
    ` * \`${inputs.seatsFile}\`, for drawing counties as points when their boundaries are not loaded. Units\n` +
    ` * without a sourced seat are absent: nothing is guessed.\n */\n` +
    `import type { Point } from './schema.ts';\n\n` +
    `/** A government seat: where it is, how sure, and where the coordinate comes from. */\n` +
    `export interface SeatPoint {\n  /** \`[lng, lat]\` WGS-84 (as published). */\n  point: Point;\n` +
    `  /** \`sourced\`: a dataset record (checked against a second position of the government where one exists) or a reviewed row; \`approximate\`: 5–15 km from that position, a proxy, or a position no second source confirms (see \`note\`). */\n` +
    `  status: 'sourced' | 'approximate';\n  source: string;\n  note?: string;\n}\n\n` +
    `/** Seats by county-level code, e.g. \`LAYOUT_COUNTY_SEATS['510703']?.point\`. */\n` +
    `export const LAYOUT_COUNTY_SEATS: Readonly<Record<string, SeatPoint>> = ${JSON.stringify(Object.fromEntries(rows), null, 2)};\n`
  );
}

/** The generated block of `data/layouts/README.md`: counts per layout. */
function countsBlock(layouts: Resolved[]): string {
  const rows = layouts.map((r) => {
    const c = countsOf(r.items);
    const st = ['verified', 'from-source-text', 'inferred', 'uncertain'].map((s) => c.byStatus[s] ?? 0);
    return `| \`${r.data.id}\` | ${r.data.title} | ${c.items} | ${c.members} | ${c.hubs} (${c.hubsWithPoint} with a point) | ${st.join(' / ')} | ${r.sources.length} |`;
  });
  return [
    '| id | title | items | members | hubs | items verified / from text / inferred / uncertain | sources |',
    '| --- | --- | ---: | ---: | ---: | --- | ---: |',
    ...rows,
  ].join('\n');
}

/** Replaces the text between `<!-- BEGIN name -->` and `<!-- END name -->`. */
export function replaceBlock(text: string, name: string, body: string, file: string): string {
  const begin = `<!-- BEGIN ${name} (generated by scripts/build-layouts.ts) -->`;
  const end = `<!-- END ${name} -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new LayoutDataError([`${file}: no block ${begin} … ${end}`]);
  return `${text.slice(0, i + begin.length)}\n${body}\n${text.slice(j)}`;
}

/**
 * Formats the generated files with the project's Biome (TypeScript: format and organise imports; Markdown:
 * format), so that they pass `npm run lint` exactly as written.
 */
function formatTs(files: Map<string, string>, root: string): Map<string, string> {
  const out = new Map<string, string>();
  const biome = join(root, 'node_modules/.bin/biome');
  for (const [path, text] of files) {
    const args = path.endsWith('.ts')
      ? ['check', '--write', `--stdin-file-path=${path}`]
      : ['format', `--stdin-file-path=${path}`];
    const r = spawnSync(biome, args, { input: text, encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`biome ${args[0]} ${path}: ${r.stderr}`);
    out.set(path, r.stdout);
  }
  return out;
}

/** Every generated file (path relative to the root → content), formatted. */
export function generate(inputs: Inputs, root = ROOT): Map<string, string> {
  const { layouts, shared, usedSources } = resolve(inputs);
  const used = new Set(usedSources);
  const files = new Map<string, string>();
  const sources = inputs.sources.sources;
  for (const r of layouts) files.set(`src/layouts/${r.data.id}.ts`, layoutModule(r, sources));
  files.set('src/layouts/shared.ts', sharedModule(shared, layouts));
  files.set('src/layouts/sources.ts', sourcesModule(sources, used));
  files.set('src/layouts/builtins.ts', builtinsModule(layouts));
  files.set('src/layouts/builtin-loaders.ts', loadersModule(layouts));
  files.set('src/layouts/seats.ts', seatsModule(inputs, layouts));
  const readme = join(root, 'data/layouts/README.md');
  if (existsSync(readme)) {
    files.set(
      'data/layouts/README.md',
      replaceBlock(readFileSync(readme, 'utf8'), 'counts', countsBlock(layouts), 'data/layouts/README.md'),
    );
  }
  const main = join(root, 'README.md');
  if (existsSync(main)) {
    files.set(
      'README.md',
      replaceBlock(readFileSync(main, 'utf8'), 'layouts', countsBlock(layouts), 'README.md'),
    );
  }
  return formatTs(files, root);
}

/** Generated files whose content on disk differs from the data (empty when up to date). */
export function staleFiles(root = ROOT, inputs = readInputs(root)): string[] {
  const stale: string[] = [];
  for (const [path, text] of generate(inputs, root)) {
    const file = join(root, path);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(path);
  }
  return stale;
}

function main() {
  const check = process.argv.includes('--check');
  const inputs = readInputs();
  if (check) {
    const stale = staleFiles(ROOT, inputs);
    if (stale.length) {
      console.error(
        `build:layouts: out of date with data/layouts/: ${stale.join(', ')}\nRun: npm run build:layouts`,
      );
      process.exit(1);
    }
    console.log('build:layouts: generated files are up to date');
    return;
  }
  const files = generate(inputs);
  for (const [path, text] of files) {
    const file = join(ROOT, path);
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (old !== text) {
      writeFileSync(file, text);
      console.log(`build:layouts: wrote ${path}`);
    }
  }
  const { layouts } = resolve(inputs);
  for (const r of layouts) {
    const c = countsOf(r.items);
    console.log(
      `build:layouts: ${r.data.id}: ${c.items} items, ${c.members} members, ${r.sources.length} sources${r.changed.length ? `, division changes applied to ${[...new Set(r.changed)].join(', ')}` : ''}`,
    );
  }
  if (inputs.changes.length === 0)
    console.log('build:layouts: no data/changes/divisions.csv: no division changes applied');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
