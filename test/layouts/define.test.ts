import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { QuyuError, type QuyuIssue } from '../../src/errors/index.ts';
import { defineLayout, type LayoutWarning } from '../../src/layouts/define.ts';
import { loadGazetteer } from '../../src/names/load.ts';

// County-level codes below need the county part of the gazetteer (loaded on demand).
beforeAll(() => loadGazetteer());

const dir = new URL('./fixtures/invalid/', import.meta.url);
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

function issuesOf(input: unknown): QuyuIssue[] {
  try {
    defineLayout(input);
  } catch (e) {
    expect(e).toBeInstanceOf(QuyuError);
    return (e as QuyuError).issues;
  }
  throw new Error('defineLayout did not throw');
}

/** Expected issues per fixture: [code, path, English problem (substring), English fix (substring)]. */
const expected: Record<string, [string, string, string, string][]> = {
  'unknown-code.json': [
    ['unknown-code', 'items[0].members[1].code', 'Unknown division code', '深圳市 440300'],
  ],
  'swapped.json': [['swapped-coordinates', 'items[0].location.point', 'look swapped', 'use [113.3, 23.39]']],
  'out-of-range.json': [['out-of-range', 'items[0].location.point', 'out of range', 'within -180..180']],
  'self-link.json': [['self-link', 'items[0].to', 'Link points to itself', 'two different units']],
  'duplicate-id.json': [['duplicate-id', 'items[1].id', 'Duplicate id', 'items[0] already uses this id']],
  'duplicate-member.json': [
    ['duplicate-member', 'items[0].members[2].code', 'Member listed twice', 'Same as items[0].members[0]'],
  ],
  'schema.json': [
    ['invalid-input', 'items[0].name', 'Missing required field', 'Provide "name"'],
    ['invalid-input', 'items[1].status', 'Wrong type or format', 'received "sure"'],
    ['invalid-input', 'items[2].colour', 'Unknown field', 'check its spelling'],
    ['invalid-input', 'items[3].type', 'Wrong type or format', 'received "region"'],
    ['invalid-input', 'items[4].members[0].code', 'Wrong type or format', 'received "4401"'],
  ],
  'many.json': [
    ['self-link', 'items[0].to', 'Link points to itself', 'two different units'],
    ['duplicate-id', 'items[1].id', 'Duplicate id', 'items[0]'],
    ['unknown-code', 'items[1].to', 'Unknown division code', 'closest matches'],
    ['invalid-input', 'items[2].nodes[1]', 'neither a code nor a point', 'Give a code or a point'],
    ['swapped-coordinates', 'items[2].nodes[2].point', 'look swapped', 'use [114.1, 22.5]'],
    ['invalid-input', 'items[3].hubs[0]', 'hub that does not exist', 'type "hub"'],
  ],
};
/** Fixtures that fail only with an atlas (tested in points.test.ts). */
const needsAtlas = ['outside-unit.json'];

describe('defineLayout(input) with invalid fixtures', () => {
  it('every fixture in fixtures/invalid has an expectation', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([...Object.keys(expected), ...needsAtlas].sort());
  });

  it.each(Object.entries(expected))(
    '%s reports every issue with path, value and bilingual fix',
    (file, want) => {
      const issues = issuesOf(load(file));
      expect(issues.map((i) => [i.code, i.path])).toEqual(want.map(([code, path]) => [code, path]));
      issues.forEach((issue, k) => {
        const [, , problem, fix] = want[k]!;
        expect(issue.problem.en).toContain(problem);
        expect(issue.fix.en).toContain(fix);
        expect(issue.problem.zh).toMatch(/\p{Script=Han}/u);
        expect(issue.fix.zh.length).toBeGreaterThan(0);
        expect('value' in issue).toBe(true);
      });
    },
  );

  it('the error message names the first path in Chinese and English and counts the rest', () => {
    try {
      defineLayout(load('many.json'));
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('items[0].to: 连接指向自身');
      expect(msg).toContain('items[0].to: Link points to itself');
      expect(msg).toContain('(+5 more / 另有 5 处问题)');
    }
  });

  it('unknown-code suggests the closest codes in Chinese too', () => {
    const [issue] = issuesOf(load('unknown-code.json'));
    expect(issue?.fix.zh).toContain('最接近的是');
    expect(issue?.value).toBe('440399');
  });
});

describe('defineLayout(input) with valid input', () => {
  const input = {
    id: 'mine',
    title: '我的布局',
    region: 'Guangdong',
    items: [
      {
        type: 'link',
        id: 'gz-mz',
        name: '广州→梅州',
        kind: 'counterpart-aid',
        from: '440100',
        to: '441400',
        since: '2013',
        status: 'verified',
        source: { title: '中新社 2013-11-07', date: '2013-11-07' },
      },
      {
        type: 'hub',
        id: 'can',
        name: '广州白云国际机场',
        kind: 'airport',
        status: 'verified',
        location: { point: [113.299, 23.3924], unit: '440100', status: 'verified' },
      },
      {
        type: 'metro-circle',
        id: 'mc',
        name: '广州都市圈',
        core: '440100',
        status: 'verified',
        source: { title: 'plan' },
        members: [
          { code: '440100' },
          { code: '441200', coverage: { counties: ['端州区', '鼎湖区'] } },
          { code: '441200', coverage: { description: '四会市' } },
        ],
        hubs: ['can'],
      },
    ],
  };

  it('returns a typed deep copy and does not mutate the input', () => {
    const before = JSON.stringify(input);
    const out = defineLayout(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(out.items[2]).not.toBe(input.items[2]);
    expect(out.items).toEqual(input.items);
    (out.items[2] as { members: unknown[] }).members.pop();
    expect(input.items[2]!.members).toHaveLength(3);
  });

  it('warns (does not throw) about facts without a source, in warnings and via onWarning', () => {
    const seen: LayoutWarning[] = [];
    const out = defineLayout(input, { onWarning: (w) => seen.push(w) });
    expect(out.warnings.map((w) => [w.code, w.path])).toEqual([['missing-source', 'items[1].source']]);
    expect(seen).toEqual(out.warnings);
    expect(out.warnings[0]!.problem.zh).toBe('该条目没有来源');
  });

  it('accepts a layout it returned (warnings are recomputed)', () => {
    const once = defineLayout(input);
    expect(defineLayout(once).warnings).toHaveLength(1);
  });

  it('accepts a null point (unsourced) without range checks', () => {
    const item = { ...input.items[1]!, location: { point: null, unit: '440100', status: 'uncertain' } };
    expect(() => defineLayout({ ...input, items: [item] })).not.toThrow();
  });
});
