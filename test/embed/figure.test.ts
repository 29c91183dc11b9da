/**
 * The figure model in Node: a journalist's table resolved through the gazetteer, classed, framed, described
 * and exported as SVG; spec limits, bidi isolation and the single-file figure's data block.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNumber, parseTableText } from '../../examples/studio/table.ts';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { svgDocument } from '../../src/embed/export-svg.ts';
import { describeFigure, figureData, figureLegend } from '../../src/embed/figure.ts';
import { frameOf, frameOfCodes, NATIONAL_FRAME } from '../../src/embed/framing.ts';
import { FIGURE_SPEC_ID, figureHtml, MAX_STATIC_SVG } from '../../src/embed/html.ts';
import { parseMapSpec, TEXT_LIMITS } from '../../src/embed/spec.ts';
import { formatError, QuyuError } from '../../src/errors/index.ts';
import { guangdong } from '../../src/layouts/guangdong.ts';
import { national } from '../../src/layouts/national.ts';
import { layoutLayers, outlineOnly } from '../../src/maplibre/index.ts';
import { bidiIsolate } from '../../src/text/index.ts';
import { ROOT } from '../browser/harness.ts';

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas();
});

/** The studio's sample: Guangdong's 21 cities written as they arrive in a newsroom (examples/studio/README.md). */
function gdpValues(): Record<string, number> {
  const table = parseTableText(readFileSync(join(ROOT, 'examples/studio/guangdong-gdp-2023.tsv'), 'utf8'));
  return Object.fromEntries(table.rows.map((r) => [r[0]!, parseNumber(r[1]!) as number]));
}

const GD: [number, number, number, number] = [109.6, 20.1, 117.4, 25.6];
const within = (b: number[], box: number[]) =>
  b[0]! >= box[0]! && b[1]! >= box[1]! && b[2]! <= box[2]! && b[3]! <= box[3]!;

describe('figureData(spec, atlas): a choropleth keyed by names or codes', () => {
  it("resolves 21 mixed spellings (廣州, 深圳市, Foshan, 东莞, 韶關, 441600 …) to Guangdong's 21 units", () => {
    const spec = parseMapSpec({
      layers: [{ type: 'choropleth', values: gdpValues(), label: 'GDP（亿元）' }],
    });
    const [d] = figureData(spec, atlas);
    expect(d!.resolved.matches.counts.matched).toBe(21);
    expect(Object.keys(d!.resolved.values).sort()).toEqual(
      atlas
        .prefectures({ province: '440000' })
        .map((u) => u.id)
        .sort(),
    );
    expect(d!.noData).toEqual([]);
    expect(d!.set.stops.every((s) => s.count > 0)).toBe(true); // ckmeans by default: no empty class
    expect(d!.resolved.note).toBeUndefined();
  });

  it('reports unmatched and ambiguous keys, draws null and missing units as "no data"', () => {
    const values: Record<string, number | null> = { 广州: 1, 深圳: 2, 白云区: 3, 深川: 4, 佛山: null };
    const [d] = figureData(parseMapSpec({ layers: [{ type: 'choropleth', values }] }), atlas);
    expect(d!.resolved.matches.counts).toMatchObject({ matched: 3, ambiguous: 1, unmatched: 1 });
    expect(d!.resolved.note?.en).toMatch(/3 of 5 rows matched/);
    expect(d!.noData).toContain('440600'); // 佛山: null
    expect(d!.noData).toHaveLength(19); // 佛山 and Guangdong's 18 other units
    const legend = figureLegend(parseMapSpec({}), [d!], []);
    expect(legend.map((s) => s.title)).toContain('未匹配的行');
  });
});

describe('framing', () => {
  it('embed.html#layout=guangdong frames Guangdong, not the South China Sea (海南 is drawn, not framed)', () => {
    const frame = frameOf(parseMapSpec({ layouts: ['guangdong'] }), [guangdong], [], atlas);
    expect(within(frame.bounds, GD)).toBe(true);
    expect(frame.leftOut).toContain('460000');
    expect(frame.inset).toBe(false);
  });

  it('a province with islands gets the inset: Hainan frames Hainan island', () => {
    const frame = frameOfCodes(['460000'], atlas);
    expect(frame.inset).toBe(true);
    expect(within(frame.bounds, [108, 17.8, 111.5, 20.5])).toBe(true);
  });

  it('one far unit does not pull the frame; data across the country frames the national view with the inset', () => {
    const gd = atlas.prefectures({ province: '440000' }).map((u) => u.id);
    const far = frameOfCodes([...gd, '650100'], atlas); // 乌鲁木齐
    expect(far.leftOut).toEqual(['650100']);
    expect(within(far.bounds, GD)).toBe(true);
    const all = frameOfCodes(
      atlas.provinces().map((p) => p.id),
      atlas,
    );
    expect(all).toMatchObject({ bounds: NATIONAL_FRAME, inset: true, national: true });
    expect(frameOf(parseMapSpec({ layouts: ['national'] }), [national], [], atlas).national).toBe(true);
  });
});

describe('figureLegend and describeFigure', () => {
  it('one legend: data first, no title twice, every class and "no data"; the description mentions the data', () => {
    const spec = parseMapSpec({
      title: 'GDP（亿元）',
      layouts: ['guangdong'],
      show: { types: ['metro-circle'] },
      layers: [{ type: 'choropleth', values: gdpValues(), label: 'GDP（亿元）', classes: 5 }],
    });
    const data = figureData(spec, atlas);
    const overlay = outlineOnly(layoutLayers(guangdong, { atlas, items: (i) => i.type === 'metro-circle' }));
    const legend = figureLegend(spec, data, [overlay]);
    expect(legend[0]!.key).toBe('choropleth-choropleth-0');
    expect(legend[0]!.title).toBe(''); // said once, by the figure's title
    expect(legend[0]!.entries.map((e) => e.label).at(-1)).toBe('无数据');
    expect(legend[0]!.entries).toHaveLength(6);
    const titles = legend.map((s) => s.title).filter(Boolean);
    expect(new Set(titles).size).toBe(titles.length);
    // outlines only over data
    expect(overlay.layers.some((l) => l.type === 'fill')).toBe(false);

    const zh = describeFigure(spec, data, [guangdong]);
    expect(
      zh.startsWith(
        'GDP（亿元）：21 个单位有数据，从云浮市的 1,263 到深圳市的 34,606；最高的是深圳市、广州市、佛山市。',
      ),
    ).toBe(true);
    expect(zh).toContain('按自然断点分为 5 级');
    expect(zh).toContain('广州都市圈：包括广州市');
    const en = describeFigure({ ...spec, lang: 'en' }, data, []);
    expect(en).toMatch(
      /^GDP（亿元）: data for 21 units, from Yunfu \(1,263\) to Shenzhen \(34,606\); highest: Shenzhen, Guangzhou and Foshan\./,
    );
  });
});

describe('svgDocument with data', () => {
  it('draws the data under the overlays, every class and "no data" in the legend, names, and the inset clipped', () => {
    const spec = parseMapSpec({
      title: '广东各市 2023 年地区生产总值',
      source: '示例\u202Eevil',
      notes: '注：示例数据',
      layouts: ['guangdong'],
      show: { types: ['metro-circle'] },
      layers: [{ type: 'choropleth', values: gdpValues(), label: 'GDP（亿元）', palette: 'Blues' }],
    });
    const [d] = figureData(spec, atlas);
    const overlay = outlineOnly(layoutLayers(guangdong, { atlas, items: (i) => i.type === 'metro-circle' }));
    const svg = svgDocument({
      width: 640,
      height: 480,
      bounds: GD,
      spec,
      layerSets: [d!.set, overlay],
      legend: figureLegend(spec, [d!], [overlay]),
      atlas,
      inset: true,
    });
    for (const stop of d!.set.stops) expect(svg).toContain(`fill="${stop.color}"`);
    // The legend's name, isolated, then its count right after it (a tspan, placed by the reader's font).
    expect(svg).toContain('>\u2068无数据\u2069<tspan');
    expect(svg).toContain('>0 个单位</tspan>');
    expect(svg.indexOf('fill-opacity="0.85"')).toBeLessThan(svg.indexOf('广州都市圈'));
    expect(svg).toContain('clip-path="url(#quyu-inset-clip)"');
    expect(svg).toContain('>广州<'); // place names
    expect(svg).toContain('>注：示例数据<');
    // The source is isolated: its override cannot reverse 示意图，无审图号 after it.
    expect(svg).toContain(`来源：${bidiIsolate('示例\u202Eevil')} · 示意图，无审图号`);
    expect(svg).not.toContain('\u202E');
  });
});

describe('spec limits, errors and bidi', () => {
  it('an inline layout that misses a field gets the path and fix defineLayout gives', () => {
    const layout = {
      id: 'x',
      title: 't',
      region: 'Guangdong',
      items: [{ type: 'metro-circle', id: 'c', name: 'n', core: '440300', members: [{ code: '440300' }] }],
    };
    try {
      parseMapSpec({ layouts: [layout] });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(QuyuError);
      const lines = formatError(e as QuyuError);
      expect(lines[0]).toMatch(/^layouts\[0\]\.items\[0\]\.status: 缺少必填字段/);
      expect(lines[0]).toMatch(/Missing required field/);
    }
  });

  it('a 33,333-character item name and a 100,000-character title are refused, and the error echoes little', () => {
    const layout = {
      id: 'x',
      title: 't',
      region: 'Guangdong',
      items: [
        {
          type: 'metro-circle',
          id: 'c',
          name: 'x'.repeat(33_333),
          status: 'verified',
          core: '440300',
          members: [{ code: '440300' }],
        },
      ],
    };
    for (const spec of [{ layouts: [layout] }, { title: '长'.repeat(100_000) }]) {
      const e = (() => {
        try {
          parseMapSpec(spec);
        } catch (err) {
          return err as QuyuError;
        }
        throw new Error('no error');
      })();
      expect(e).toBeInstanceOf(QuyuError);
      expect(e.message.length).toBeLessThan(1200);
      expect(formatError(e).join('\n').length).toBeLessThan(1500);
    }
    expect(TEXT_LIMITS.layoutName).toBe(200);
  });

  it('bidiIsolate strips explicit bidi controls and isolates the text', () => {
    expect(bidiIsolate('\u202Eabc\u2069\u202C')).toBe('\u2068abc\u2069');
  });
});

describe('figureHtml(template, spec)', () => {
  const template = `<html><head><title>quyu</title></head><body><script type="application/json" id="${FIGURE_SPEC_ID}">{}</script><script type="module">run()</script></body></html>`;
  it('puts the spec in the data block where no text can end it, and the title in <title>', () => {
    const html = figureHtml(template, {
      title: '</title><script>alert(1)</script>',
      source: '</script><!--',
    });
    const block = html.match(new RegExp(`id="${FIGURE_SPEC_ID}">([\\s\\S]*?)</script>`))![1]!;
    expect(block).not.toMatch(/</);
    expect(JSON.parse(block).source).toBe('</script><!--');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html.endsWith('<script type="module">run()</script></body></html>')).toBe(true);
  });
  it('validates the spec first', () => {
    expect(() => figureHtml(template, { theme: 'neon' })).toThrow(QuyuError);
  });
  it('keeps a title with replacement patterns ($&, $`) as written', () => {
    expect(figureHtml(template, { title: 'a $& b $` c' })).toContain('<title>a $&amp; b $` c</title>');
  });
  const page = template.replace('<body>', '<body><main id="embed"></main>');
  it('puts the static SVG in a <noscript> block after the figure container', () => {
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>$& 广州</text></svg>';
    const html = figureHtml(page, { title: 't' }, { staticSvg: svg });
    expect(html).toContain(
      '<main id="embed"></main><noscript><div class="quyu-static-figure"><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>$& 广州</text></svg></div></noscript>',
    );
  });
  it.each([
    ['<div>not svg</div>', 'invalid-input'],
    ['<svg><script>alert(1)</script></svg>', 'invalid-input'],
    ['<svg><a href="javascript:alert(1)">x</a></svg>', 'invalid-input'],
    ['<svg onload="alert(1)"></svg>', 'invalid-input'],
    ['<svg><foreignObject><div/></foreignObject></svg>', 'invalid-input'],
    ['<svg></noscript><script>alert(1)</script></svg>', 'invalid-input'],
    [`<svg>${'x'.repeat(MAX_STATIC_SVG)}</svg>`, 'too-large'],
  ])('refuses a static SVG that is not a plain figure: %s', (svg, code) => {
    try {
      figureHtml(page, {}, { staticSvg: svg.slice(0, MAX_STATIC_SVG + 20) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QuyuError);
      expect((e as QuyuError).issues[0]).toMatchObject({ code, path: 'staticSvg' });
    }
  });
});
