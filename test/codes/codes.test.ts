import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import {
  childrenOf,
  codeOf,
  loadGazetteer,
  lookupCode,
  nameOf,
  parentOf,
  QuyuError,
  RETIRED_CODES,
  suggestCodes,
} from '../../src/index.ts';

beforeAll(() => loadGazetteer());

function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(QuyuError);
    return (e as QuyuError).issues[0]!;
  }
  throw new Error('expected a QuyuError');
}

describe('code tables', () => {
  it('codeOf(name) finds full names, short names and English names', () => {
    expect(codeOf('深圳市')).toBe('440300');
    expect(codeOf('深圳')).toBe('440300');
    expect(codeOf('Shenzhen')).toBe('440300');
    expect(codeOf('吉林')).toBe('220000');
    expect(codeOf('吉林', { level: 'prefecture' })).toBe('220200');
  });

  it('codeOf(unknown name) names it and suggests 深圳市 440300 first, in Chinese and English', () => {
    const issue = issueOf(() => codeOf('深川'));
    expect(issue.code).toBe('unknown-name');
    expect(issue.value).toBe('深川');
    expect(issue.fix.zh).toMatch(/最接近的是：广东省深圳市 440300/);
    expect(issue.fix.en).toMatch(/closest matches: Shenzhen 440300/);
    expect(suggestCodes('深川')[0]!.code).toBe('440300');
  });

  it('nameOf(unknown code) suggests codes; a retired code names its successor', () => {
    expect(issueOf(() => nameOf('440399')).fix.en).toMatch(/440300|440309/);
    const retired = issueOf(() => nameOf('371200'));
    expect(retired.problem.zh).toMatch(/莱芜/);
    expect(retired.fix.zh).toBe('请改用 济南市 370100');
    expect(retired.fix.en).toMatch(/370100/);
  });

  it('nameOf, parentOf, childrenOf', () => {
    expect(nameOf('440100')).toBe('广州市');
    expect(nameOf('440100', 'en')).toBe('Guangzhou');
    expect(nameOf('513200', 'en')).toBe('Aba Tibetan and Qiang Autonomous Prefecture');
    expect(parentOf('440300')).toBe('440000');
    expect(parentOf('510726')).toBe('510700');
    expect(parentOf('440000')).toBeNull();
    expect(childrenOf('440000')).toHaveLength(21);
    expect(childrenOf('510700')).toContain('510726');
    expect(lookupCode('510726')).toMatchObject({ name: '北川羌族自治县', level: 'county', inAtlas: false });
  });
});

describe('Atlas guards', () => {
  it('merge() counts a code listed twice once', async () => {
    const atlas = await loadAtlas();
    expect(atlas.merge(['440100', '440100']).coordinates.length).toBe(
      atlas.merge(['440100']).coordinates.length,
    );
    expect(atlas.merge(['440100', '440100']).coordinates.length).toBeGreaterThan(0);
  });

  it('prefectures({ province }) rejects a code that is not province-level', async () => {
    const atlas = await loadAtlas();
    const issue = issueOf(() => atlas.prefectures({ province: '440300' }));
    expect(issue.path).toBe('province');
    expect(issue.fix.en).toMatch(/440000/);
  });

  it("feature() hands out a copy: a caller's edit does not reach the atlas", async () => {
    const atlas = await loadAtlas();
    atlas.feature('440300').properties.name = 'X';
    expect(atlas.feature('440300').properties.name).toBe('深圳市');
  });
});

describe('division changes after the 2023 table', () => {
  it('units created since are in the code tables (和康县, 和安县 2024; 两江新区 2025)', () => {
    expect(lookupCode('653228')).toMatchObject({ name: '和康县', level: 'county', parent: '653200' });
    expect(lookupCode('653229')).toMatchObject({ name: '和安县', level: 'county', parent: '653200' });
    expect(lookupCode('500157')).toMatchObject({ name: '两江新区', parent: '500000', inAtlas: true });
    expect(childrenOf('653200')).toEqual(expect.arrayContaining(['653228', '653229']));
  });

  it('RETIRED_CODES names successors and dates; abolished units are no longer codes', () => {
    expect(lookupCode('500105')).toBeUndefined();
    expect(RETIRED_CODES['500105']).toMatchObject({ to: '500157', date: '2025-11-06', kind: 'abolished' });
    expect(RETIRED_CODES['500112']!.successors).toEqual(['500157', '500109']);
    expect(RETIRED_CODES['512081']).toMatchObject({ to: '510185', kind: 'moved', date: '2016-05-03' });
    expect(RETIRED_CODES['220381']).toMatchObject({ to: '220184', kind: 'moved', date: '2020-06-05' });
    // Chains are followed to current codes: 错那县 542232 → 540530 (2016) → 错那市 540581 (2023).
    expect(RETIRED_CODES['542232']!.successors).toEqual(['540581']);
    for (const [code, r] of Object.entries(RETIRED_CODES)) {
      expect(lookupCode(code), code).toBeUndefined();
      for (const s of r.successors) expect(lookupCode(s), `${code} → ${s}`).toBeDefined();
    }
  });

  it('a retired code names its successor, with the date, in both languages', () => {
    const issue = issueOf(() => nameOf('500112'));
    expect(issue.problem.zh).toMatch(/渝北区.*2025-11-06/);
    expect(issue.fix.zh).toMatch(/两江新区 500157/);
    expect(issue.fix.en).toMatch(/500157.*provisional/);
  });
});
