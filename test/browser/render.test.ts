/**
 * Render tests in a real browser (Debian's Chromium, WebGL2 through SwiftShader): each case opens an example
 * page, waits for the map's first `idle`, and checks that it drew — no console errors, a real canvas size,
 * labels rasterised from a real CJK font — and that it matches `test/render/<case>/expected.png`.
 * Then the layout handle is exercised in the page: hover and click events with typed items, tooltips,
 * visibility, adding twice, removal, and escaping of text in the legend and tooltips.
 *
 * All browser cases live in this one file so that one browser runs at a time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailable,
  compareGolden,
  drawsCjk,
  type Harness,
  labelPixels,
  openMapPage,
  RENDER_DIR,
  screenshotMap,
  skipWithoutBrowser,
  startHarness,
} from './harness.ts';

/** One render case: `test/render/<name>/case.json` says what it shows and where; expected.png beside it. */
interface RenderCase {
  /** Folder under test/render/. */
  name: string;
  /** What the case shows, in a sentence: what a reviewer should see in expected.png. */
  shows: string;
  /** Page path on the dev server. */
  page: string;
  /** The label font the page uses, checked for real CJK glyphs. */
  font: 'sans' | 'serif';
  /** Compare with a golden image. Default true. */
  golden?: boolean;
  /** The browser test that takes and compares this case's image itself (a figure export, a phone width). */
  by?: string;
  /** Viewport in CSS pixels. Default 1000×760; phone cases 375×667. */
  width?: number;
  height?: number;
  /** At least this many names drawn (base map and overlays): the figure names its units at this size. */
  minLabels?: number;
}

const FONTS = { sans: "'Noto Sans CJK SC'", serif: "'Noto Serif CJK SC'" } as const;

const CASES: RenderCase[] = readdirSync(RENDER_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(RENDER_DIR, d.name, 'case.json')))
  .map(
    (d): RenderCase => ({
      name: d.name,
      ...JSON.parse(readFileSync(join(RENDER_DIR, d.name, 'case.json'), 'utf8')),
    }),
  )
  .filter((c) => !c.by);

/** Fewer changed pixels than this between labels shown and hidden means the labels did not draw. */
const MIN_LABEL_PIXELS = 1500;

describe.skipIf(skipWithoutBrowser)('render in Chromium', () => {
  let h: Harness;

  beforeAll(async () => {
    const missing = browserUnavailable();
    if (missing) throw new Error(`${missing}. Under CI the browser tests must run, never skip.`);
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  for (const c of CASES) {
    it(`${c.name}: ${c.page} becomes idle without errors, draws labels${c.golden === false ? '' : ', and matches expected.png'}`, async () => {
      const m = await openMapPage(h, c.page, { width: c.width, height: c.height });
      try {
        expect(m.errors, 'console or page errors').toEqual([]);
        if (c.minLabels) {
          const names = (await m.page.evaluate(`(() => {
            const map = window.__quyuMap;
            const layers = map.getStyle().layers.filter((l) => l.type === 'symbol').map((l) => l.id);
            const texts = map.queryRenderedFeatures({ layers }).map((f) => f.properties.label || f.properties.name || '');
            return [...new Set(texts.filter(Boolean))];
          })()`)) as string[];
          expect(names.length, `names drawn: ${names.join(' ')}`).toBeGreaterThanOrEqual(c.minLabels);
        }
        expect(m.canvas.width, 'canvas width').toBeGreaterThan(100);
        expect(m.canvas.height, 'canvas height').toBeGreaterThan(100);
        const font = FONTS[c.font];
        expect(await drawsCjk(m.page, font), `${font} draws Chinese (fonts-noto-cjk installed?)`).toBe(true);
        const labelPx = await labelPixels(m.page);
        expect(labelPx, 'pixels drawn by labels').toBeGreaterThan(MIN_LABEL_PIXELS);
        let message = '';
        if (c.golden !== false) {
          const golden = compareGolden(c.name, await screenshotMap(m.page));
          message = golden.message;
          expect(golden.status, golden.message).not.toBe('mismatch');
        }
        console.info(`${c.name}: idle after ${m.msToIdle} ms, ${labelPx} label px; ${message}`);
        expect(m.errors, 'console or page errors after the checks').toEqual([]);
      } finally {
        await m.page.close();
      }
    });
  }

  it('national-inset: the 南海诸岛 inset draws the islands and the ten-dash line', async () => {
    const m = await openMapPage(h, '/examples/national.html');
    try {
      const inset = (await m.page.evaluate(`(() => {
        const box = document.querySelector('.quyu-inset');
        const r = box && box.getBoundingClientRect();
        return {
          paths: box ? box.querySelectorAll('path').length : 0,
          label: box ? box.textContent : '',
          width: r ? r.width : 0,
          right: r ? window.innerWidth - r.right : -1,
          bottom: r ? window.innerHeight - r.bottom : -1,
        };
      })()`)) as { paths: number; label: string; width: number; right: number; bottom: number };
      expect(inset.paths).toBe(5);
      expect(inset.label).toBe('南海诸岛');
      expect(inset.width).toBeGreaterThan(100);
      expect(inset.right).toBeLessThan(20);
      expect(inset.bottom).toBeLessThan(40);
      expect(m.errors).toEqual([]);
    } finally {
      await m.page.close();
    }
  });

  it('addLayout handle: hover and click give the typed item, tooltips show it, setVisible, adding twice and remove() are safe', async () => {
    const m = await openMapPage(h, '/examples/metro-circles.html?test');
    try {
      // 佛山 belongs whole to 广州都市圈.
      const at = (await m.page.evaluate(`(() => {
        const p = window.__quyuMap.project([113.05, 23.0]);
        window.__events = [];
        window.__quyuLayout.on('hover', (e) => window.__events.push(['hover', e.item ? e.item.id : null, e.item ? e.item.type : null]));
        window.__quyuLayout.on('click', (e) => window.__events.push(['click', e.item.id, e.properties.status]));
        return { x: p.x, y: p.y };
      })()`)) as { x: number; y: number };
      await m.page.mouse.move(at.x, at.y);
      await m.page.waitForFunction('window.__events.length > 0');
      await m.page.mouse.click(at.x, at.y);
      await m.page.waitForFunction('window.__events.some((e) => e[0] === "click")');
      const tooltip = (await m.page.evaluate(
        `document.querySelector('.quyu-tooltip').style.display + '|' + document.querySelector('.quyu-tooltip').textContent`,
      )) as string;
      expect(tooltip).toMatch(/^block\|广州都市圈都市圈/);
      expect(tooltip).toMatch(/状态：已核实/);
      await m.page.mouse.move(5, 740);
      await m.page.waitForFunction('window.__events.some((e) => e[0] === "hover" && e[1] === null)');
      const events = (await m.page.evaluate('window.__events')) as unknown[][];
      expect(events[0]).toEqual(['hover', 'gd-mc-gz', 'metro-circle']);
      expect(events.find((e) => e[0] === 'click')).toEqual(['click', 'gd-mc-gz', 'verified']);

      const state = (await m.page.evaluate(`(async () => {
        const map = window.__quyuMap;
        const handle = window.__quyuLayout;
        const ours = () => map.getStyle().layers.filter((l) => l.id.startsWith(handle.id));
        const out = { layers: ours().length };
        handle.setVisible(false);
        out.hidden = ours().every((l) => (l.layout || {}).visibility === 'none');
        out.legendHidden = handle.legend.element.style.display === 'none';
        handle.setVisible(true);
        out.shown = ours().every((l) => (l.layout || {}).visibility !== 'none');
        const { addLayout } = await import('/src/maplibre/index.ts');
        const { guangdong } = await import('/src/layouts/guangdong.ts');
        const again = addLayout(map, guangdong, { atlas: window.__quyuAtlas, items: (i) => i.type === 'metro-circle', lang: 'en' });
        await again.ready;
        out.againLayers = ours().length;
        out.legends = document.querySelectorAll('.quyu-legend').length;
        out.legendTitle = again.legend.element.firstChild.textContent;
        handle.remove();
        out.afterOldRemove = ours().length;
        again.remove();
        again.remove();
        out.afterRemove = ours().length;
        out.sources = Object.keys(map.getStyle().sources).filter((s) => s.startsWith(handle.id)).length;
        out.legendsAfter = document.querySelectorAll('.quyu-legend').length;
        return out;
      })()`)) as Record<string, unknown>;
      expect(state).toMatchObject({
        hidden: true,
        legendHidden: true,
        shown: true,
        legends: 1,
        legendTitle: 'Guangdong: regional coordinated-development layout',
        afterRemove: 0,
        sources: 0,
        legendsAfter: 0,
      });
      expect(state.layers).toBeGreaterThan(5);
      expect(state.againLayers).toBe(state.layers);
      // The first handle became inert when the layout was added again: removing it touches nothing.
      expect(state.afterOldRemove).toBe(state.layers);
      expect(m.errors).toEqual([]);
    } finally {
      await m.page.close();
    }
  });

  it('two layouts on one map join one legend, fit beside it, and label each unit once', async () => {
    const m = await openMapPage(h, '/examples/metro-circles.html?test');
    try {
      const out = (await m.page.evaluate(`(async () => {
        const map = window.__quyuMap;
        const { addLayout } = await import('/src/maplibre/index.ts');
        const { guangzhouShenzhen } = await import('/src/layouts/guangzhou-shenzhen.ts');
        const first = window.__quyuLayout;
        const labelled = (hd) => Object.values(hd.layerSet.sources)
          .flatMap((s) => s.data.features)
          .filter((f) => f.properties.unitLabel && f.properties.label)
          .map((f) => f.properties.code);
        const before = labelled(first);
        const second = addLayout(map, guangzhouShenzhen, { atlas: window.__quyuAtlas, idPrefix: 'gs-' });
        await second.ready;
        const a = labelled(first);
        const b = labelled(second);
        const out = {
          legends: document.querySelectorAll('.quyu-legend').length,
          same: first.legend === second.legend,
          title: first.legend.element.firstChild.textContent,
          statusSections: [...first.legend.element.children].filter((c) => /信息状态/.test(c.textContent)).length,
          both: before.filter((c) => b.includes(c)).length,
          twice: a.filter((c) => b.includes(c)),
        };
        first.setVisible(false);
        out.handedOn = before.filter((c) => labelled(second).includes(c)).length;
        first.setVisible(true);
        second.remove();
        out.legendsAfter = document.querySelectorAll('.quyu-legend').length;
        out.titleAfter = first.legend.element.firstChild.textContent;
        return out;
      })()`)) as Record<string, unknown>;
      expect(out).toMatchObject({ legends: 1, same: true, statusSections: 1, twice: [], legendsAfter: 1 });
      expect(out.title).toMatch(/ · /);
      expect(out.titleAfter).not.toMatch(/ · /);
      // Units both layouts name (广州, 深圳 …) are labelled by the first; hidden, it hands the labels on.
      expect(out.both).toBe(0);
      expect(Number(out.handedOn)).toBeGreaterThan(0);
      expect(m.errors).toEqual([]);
    } finally {
      await m.page.close();
    }
  });

  it('LegendControl and tooltips put data in as text, never as HTML', async () => {
    const m = await openMapPage(h, '/examples/base-style.html');
    try {
      const html = '<img src=x onerror="window.__xss=1"><b>粗</b>';
      const result = (await m.page.evaluate(`(async () => {
        const html = ${JSON.stringify(html)};
        const { LegendControl, tooltipContent } = await import('/src/maplibre/index.ts');
        const { Tooltip } = await import('/src/maplibre/map/tooltip.ts');
        const legend = new LegendControl({
          title: html,
          subtitle: html,
          sections: [{ key: 'x', title: html, entries: [{ label: html, note: html, swatch: { kind: 'fill', color: '#f00' } }] }],
          sources: [{ title: html }],
        });
        window.__quyuMap.addControl(legend);
        const item = { type: 'hub', id: 'x', name: html, status: 'uncertain', statusNote: html, kind: 'port', source: { title: html }, location: { point: null } };
        const tip = new Tooltip(window.__quyuMap.getContainer(), (await import('/src/maplibre/style/themes.ts')).light);
        tip.show({ x: 10, y: 10 }, tooltipContent(item, { note: html }, 'zh'));
        await new Promise((r) => setTimeout(r, 50));
        return {
          legendTags: legend.element.querySelectorAll('img, b').length,
          legendText: legend.element.textContent.includes(html),
          tipTags: tip.element.querySelectorAll('img, b').length,
          tipText: tip.element.textContent.includes(html),
          xss: window.__xss === 1,
        };
      })()`)) as Record<string, unknown>;
      expect(result).toEqual({ legendTags: 0, legendText: true, tipTags: 0, tipText: true, xss: false });
      expect(m.errors).toEqual([]);
    } finally {
      await m.page.close();
    }
  });
});
