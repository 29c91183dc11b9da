import { beforeAll, describe, expect, it } from 'vitest';
import { parseMapSpec, resolveChoroplethValues } from '../../src/embed/spec.ts';
import {
  allCodes,
  codeOf,
  defineLayout,
  loadGazetteer,
  lookupCode,
  matchRegion,
  matchRegions,
  nameOf,
  QuyuError,
  requireCode,
  suggestRegions,
} from '../../src/index.ts';
import { guangdong } from '../../src/layouts/guangdong.ts';

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

describe('the code table through the gazetteer', () => {
  it('every full name resolves to itself, or is reported ambiguous with every unit of that name', () => {
    const byName = new Map<string, string[]>();
    for (const c of allCodes()) byName.set(c.name, [...(byName.get(c.name) ?? []), c.code]);
    const wrong: string[] = [];
    const level = (code: string) => ['province', 'prefecture', 'county'].indexOf(lookupCode(code)!.level);
    for (const [name, all] of byName) {
      // A name shared by a unit and one of its own rows below it (嘉峪关市 620200 and its county-level row
      // 620201) means the higher unit; units of one level under different parents are ambiguous.
      const top = Math.min(...all.map(level));
      const codes = all.filter((c) => level(c) === top);
      const m = matchRegion(name);
      if (codes.length === 1 ? m.code !== codes[0] : m.status !== 'ambiguous')
        wrong.push(`${name}: ${m.status} ${m.code}`);
      if (codes.length > 1 && m.candidates.map((c) => c.code).join() !== [...codes].sort().join())
        wrong.push(`${name}: candidates ${m.candidates.map((c) => c.code)} vs ${codes}`);
    }
    expect(wrong).toEqual([]);
    // 白云区, 朝阳区, 鼓楼区 … : the table has many names shared by units under different parents.
    expect([...byName.values()].filter((c) => c.length > 1).length).toBeGreaterThan(20);
  });

  it('every unit resolves to itself by its full name within its parent, and by its code as string and number', () => {
    const wrong: string[] = [];
    for (const c of allCodes()) {
      if (matchRegion(c.name, { within: c.parent ?? undefined }).code !== c.code)
        wrong.push(`${c.name} in ${c.parent}`);
      if (matchRegion(c.code).code !== c.code || matchRegion(Number(c.code)).code !== c.code)
        wrong.push(c.code);
    }
    expect(wrong).toEqual([]);
  });

  it('every English name resolves to its unit, to a higher-level unit of the same stem, or is ambiguous with it', () => {
    const wrong: string[] = [];
    for (const c of allCodes()) {
      const m = matchRegion(c.nameEn, { within: c.parent ?? undefined });
      if (m.code === c.code) continue;
      if (m.status === 'ambiguous' && m.candidates.some((x) => x.code === c.code)) continue;
      wrong.push(`${c.nameEn} (${c.name} ${c.code}): ${m.status} ${m.code}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a suffix never changes the kind: a stem with a type suffix never resolves to a unit of another type', () => {
    const suffixes = ['省', '市', '区', '县', '州', '盟', '旗', '地区'];
    const wrong: string[] = [];
    for (const c of allCodes().filter((x) => x.level !== 'county')) {
      const stem = c.name.replace(/(省|市|自治区|特别行政区|地区|盟|自治州)$/u, '');
      for (const s of suffixes) {
        const m = matchRegion(stem + s);
        if (m.status !== 'matched' || m.method === 'former-name') continue;
        const name = allCodes().find((x) => x.code === m.code)!.name;
        const ok =
          name.endsWith(s) ||
          (s === '州' && name.endsWith('自治州')) ||
          (s === '区' && /(区)$/.test(name)) ||
          (s === '县' && name.endsWith('自治县')) ||
          (s === '旗' && name.endsWith('自治旗'));
        if (!ok) wrong.push(`${stem}${s} → ${name} ${m.code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(matchRegion('河南区').status).toBe('unmatched');
    expect(matchRegion('四川市').status).toBe('unmatched');
  });
});

describe('codeOf / nameOf / requireCode', () => {
  it('codeOf resolves short forms of autonomous prefectures to the prefecture, not the county-level unit', () => {
    for (const [name, code] of [
      ['恩施', '422800'],
      ['大理', '532900'],
      ['阿坝', '513200'],
      ['甘孜', '513300'],
      ['临夏', '622900'],
      ['昌吉', '652300'],
      ['凉山', '513400'],
      ['恩施州', '422800'],
      ['凉山州', '513400'],
      ['湘西', '433100'],
      ['延边', '222400'],
      ['黔东南', '522600'],
      ['伊犁', '654000'],
    ])
      expect(codeOf(name!), name).toBe(code);
    const m = matchRegion('恩施');
    expect(m.outranked.map((c) => c.code)).toEqual(['422801']);
  });

  it('codeOf never guesses between same-named units: all candidates with their parents, and the qualifier that decides', () => {
    const issue = issueOf(() => codeOf('白云区'));
    expect(issue.code).toBe('ambiguous-name');
    expect(issue.problem.zh).toContain('广州市白云区 440111');
    expect(issue.problem.zh).toContain('贵阳市白云区 520113');
    expect(issue.problem.en).toContain('Guiyang');
    expect(codeOf('贵阳市白云区')).toBe('520113');
    expect(codeOf('白云区', { within: '520100' })).toBe('520113');
    expect(codeOf('白云区', { within: 520100 })).toBe('520113');
    expect(codeOf('白云区', { within: '贵阳' })).toBe('520113');
    expect(matchRegion('贵阳市白云区').qualified).toBe(true);
  });

  it('codeOf accepts codes as numbers and strings; nameOf too', () => {
    expect(codeOf(440100)).toBe('440100');
    expect(codeOf('440100')).toBe('440100');
    expect(nameOf(440100)).toBe('广州市');
    expect(nameOf(440100, 'en')).toBe('Guangzhou');
  });

  it('a retired code or an abolished unit names its successor and date; a former name resolves', () => {
    const code = issueOf(() => codeOf('371200'));
    expect(code.fix.zh).toContain('济南市 370100');
    expect(code.fix.en).toContain('2018-12-26');
    const name = issueOf(() => codeOf('莱芜市'));
    expect(name.fix.zh).toContain('济南市 370100');
    expect(name.fix.zh).toContain('2018-12-26');
    expect(codeOf('襄樊')).toBe('420600');
    expect(matchRegion('襄樊').method).toBe('former-name');
    expect(matchRegion('襄樊').message.en).toContain('2010');
    expect(codeOf('思茅市')).toBe('530800');
    expect(matchRegion('巢湖', { level: 'prefecture' }).status).toBe('retired');
    expect(matchRegion('巢湖', { level: 'prefecture' }).message.zh).toContain('2011');
  });

  it('unknown names get suggestions of the same script, never applied', () => {
    const issue = issueOf(() => codeOf('深川'));
    expect(issue.code).toBe('unknown-name');
    expect(issue.fix.zh).toMatch(/最接近的是：广东省深圳市 440300/);
    expect(suggestRegions('Harbn')[0]!.code).toBe('230100');
    expect(suggestRegions('Xian')[0]!.code).toBe('610100');
    expect(suggestRegions('廣州市')[0]!.code).toBe('440100');
    expect(matchRegion('Harbn').status).toBe('unmatched');
    expect(matchRegion('Harbn', { acceptFuzzy: true })).toMatchObject({
      status: 'matched',
      code: '230100',
      method: 'fuzzy',
    });
  });

  it('user strings never reach inherited object members', () => {
    for (const s of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(issueOf(() => nameOf(s)).code).toBe('unknown-code');
      expect(issueOf(() => requireCode(s)).code).toBe('unknown-code');
      expect(issueOf(() => codeOf(s)).code).toBe('unknown-name');
      expect(matchRegion(s).status).toBe('unmatched');
    }
    expect(matchRegion(Object.create(null)).status).toBe('unmatched');
    expect(matchRegion(Symbol('x')).status).toBe('unmatched');
    expect(matchRegion(10n).status).toBe('unmatched');
  });

  it('names longer than 64 characters are reported, not searched', () => {
    const m = matchRegion('广'.repeat(10_000));
    expect(m.status).toBe('unmatched');
    expect(m.candidates).toEqual([]);
    expect(m.message.en).toContain('too long');
    expect(suggestRegions('x'.repeat(10_000))).toEqual([]);
  });
});

describe('English names', () => {
  it('are conventional names with the right readings of polyphonic characters', () => {
    const en = (code: string) => nameOf(code, 'en');
    expect(en('150100')).toBe('Hohhot');
    expect(en('650100')).toBe('Urumqi');
    expect(en('540100')).toBe('Lhasa');
    expect(en('230100')).toBe('Harbin');
    expect(en('653100')).toBe('Kashgar Prefecture');
    expect(en('653101')).toBe('Kashgar');
    expect(en('540300')).toBe('Qamdo');
    expect(en('610100')).toBe("Xi'an");
    expect(en('340300')).toBe('Bengbu');
    expect(en('341500')).toBe("Lu'an");
    expect(en('140400')).toBe('Changzhi');
    expect(en('511100')).toBe('Leshan');
    expect(en('350200')).toBe('Xiamen');
    expect(en('331100')).toBe('Lishui');
    expect(en('440113')).toBe('Panyu District');
    expect(en('310112')).toBe('Minhang District');
    expect(en('420116')).toBe('Huangpi District');
    expect(en('130225')).toBe('Laoting County');
    expect(en('652823')).toBe('Yuli County');
    expect(en('422800')).toBe('Enshi Tujia and Miao Autonomous Prefecture');
  });

  it('contain no character-by-character readings the issue found (Kashen, Changdou)', () => {
    const names = allCodes().map((c) => c.nameEn);
    expect(names.filter((n) => /Kashen|Changdou|Huhehaote|Wulumuqi|Haerbin/.test(n))).toEqual([]);
  });
});

describe('matchRegions(rows, options)', () => {
  const rows = [
    { 城市: '广州', v: 1 },
    { 城市: '白云区', v: 2 },
    { 城市: 'Harbin', v: 3 },
    { 城市: 440300, v: 4 },
    { 城市: '深川', v: 5 },
    { 城市: '371200', v: 6 },
    { 城市: '襄樊', v: 7 },
    { 城市: '廣州市', v: 8 },
  ];

  it('says per row which unit and how, and lists ambiguous, unmatched and retired rows with candidates', () => {
    const r = matchRegions(rows, { column: '城市' });
    expect(r.codes).toEqual(['440100', null, '230100', '440300', null, null, '420600', '440100']);
    expect(r.rows.map((x) => x.method)).toEqual([
      'alias',
      null,
      'exact',
      'exact',
      null,
      null,
      'former-name',
      'alias',
    ]);
    expect(r.rows[7]!.via).toBe('traditional');
    expect(r.counts).toMatchObject({ rows: 8, matched: 5, ambiguous: 1, unmatched: 1, retired: 1 });
    expect(r.rows[1]!.candidates.map((c) => c.parentName)).toEqual(['广州市', '贵阳市']);
    expect(r.rows[4]!.candidates[0]!.code).toBe('440300');
    expect(r.rows[5]!.candidates[0]!.code).toBe('370100');
    expect(r.duplicates).toEqual([{ code: '440100', rows: [0, 7] }]);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['ambiguous-name', 'rows[1].城市'],
      ['unknown-name', 'rows[4].城市'],
      ['unknown-code', 'rows[5].城市'],
      ['duplicate-id', 'rows[7].城市'],
    ]);
    expect(r.summary.en).toBe('5 of 8 rows matched; 1 ambiguous, 1 unmatched, 1 abolished units');
    expect(r.summary.zh).toContain('8 行中 5 行已匹配');
  });

  it('takes a parent column, arrays with an index, plain values, and accepts fuzzy matches only when asked', () => {
    const r = matchRegions(
      [
        ['白云区', '贵阳'],
        ['白云区', '广东省广州市'],
        ['朝阳区', '北京'],
      ],
      { column: 0, parentColumn: 1 },
    );
    expect(r.codes).toEqual(['520113', '440111', '110105']);
    expect(r.counts.qualified).toBe(3);
    expect(matchRegions(['深川', 'Harbn']).codes).toEqual([null, null]);
    const fuzzy = matchRegions(['Harbn'], { acceptFuzzy: true });
    expect(fuzzy.codes).toEqual(['230100']);
    expect(fuzzy.counts.byMethod.fuzzy).toBe(1);
    expect(fuzzy.summary.en).toContain('similar spelling');
  });

  it('bounds its cost: issues are capped with a count of the rest; values are read as own properties only', () => {
    const r = matchRegions(
      Array.from({ length: 2000 }, (_, i) => `不存在的地名${i}`),
      { maxIssues: 10 },
    );
    expect(r.issues).toHaveLength(11);
    expect(r.issues[10]!.problem.en).toBe('and 1990 more problems not listed');
    const proto = matchRegions([{}], { column: 'constructor' });
    expect(proto.rows[0]!.status).toBe('unmatched');
    expect(() => matchRegions('广州' as unknown as string[])).toThrow(QuyuError);
  });
});

describe('entry points that resolve names through the gazetteer', () => {
  it('defineLayout names the successor of a retired code, not a code of similar digits', () => {
    const layout = structuredClone(guangdong);
    const circle = layout.items.find((i) => i.type === 'metro-circle')!;
    (circle as { members: { code: string }[] }).members[0]!.code = '371200';
    try {
      defineLayout(layout);
      throw new Error('expected a QuyuError');
    } catch (e) {
      const issue = (e as QuyuError).issues.find((i) => i.value === '371200')!;
      expect(issue.code).toBe('unknown-code');
      expect(issue.fix.zh).toContain('济南市 370100');
      expect(issue.fix.en).toContain('2018-12-26');
      expect(issue.fix.zh).not.toContain('泰州');
    }
  });

  it('a choropleth accepts names and codes and says what did not match; a spec refuses a retired focus code', () => {
    const r = resolveChoroplethValues({ 广州: 1, '440300': 2, 白云区: 3, 371200: 4, Harbin: 5 });
    expect(r.values).toEqual({ '440100': 1, '440300': 2, '230100': 5 });
    expect(r.note?.en).toMatch(/^3 of 5 rows matched; 1 ambiguous, 1 abolished units: /);
    expect(r.note?.zh).toContain('白云区');
    expect(resolveChoroplethValues(new Map([[440100, 1]])).values).toEqual({ '440100': 1 });
    const spec = parseMapSpec({ layers: [{ type: 'choropleth', values: { 广州: 1, Shenzhen: 2 } }] });
    expect(spec.layers[0]!.values).toEqual({ 广州: 1, Shenzhen: 2 });
    const issue = issueOf(() => parseMapSpec({ focus: { codes: ['371200'] } }));
    expect(issue.path).toBe('focus.codes[0]');
    expect(issue.fix.zh).toContain('济南市 370100');
  });
});
