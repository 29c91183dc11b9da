import { beforeAll, describe, expect, it } from 'vitest';
import { nameOf } from '../../src/codes/index.ts';
import { describeLayout } from '../../src/embed/describe.ts';
import { guangdong } from '../../src/layouts/guangdong.ts';
import { sichuan } from '../../src/layouts/sichuan.ts';
import { loadGazetteer } from '../../src/names/load.ts';

// County-level codes below need the county part of the gazetteer (loaded on demand).
beforeAll(() => loadGazetteer());

describe('describeLayout(layout, lang)', () => {
  it('names every member of every metropolitan circle of Guangdong (zh and en)', () => {
    const zh = describeLayout(guangdong, 'zh', { types: ['metro-circle'] });
    const en = describeLayout(guangdong, 'en', { types: ['metro-circle'] });
    const circles = guangdong.items.filter((i) => i.type === 'metro-circle');
    expect(circles).toHaveLength(5);
    for (const c of circles) {
      expect(zh).toContain(c.name);
      for (const m of c.members) {
        expect(zh).toContain(m.name ?? nameOf(m.code));
        expect(en).toContain(nameOf(m.code, 'en'));
      }
    }
    expect(zh.startsWith('广东区域协调发展布局。广州都市圈：包括广州市、佛山市')).toBe(true);
  });

  it('marks uncertain and inferred facts in words, not only by style', () => {
    const zh = describeLayout(guangdong, 'zh');
    const uncertain = guangdong.items.filter((i) => i.status === 'uncertain');
    expect(uncertain.length).toBeGreaterThan(0);
    expect(zh).toContain('（待核实）');
    expect(describeLayout(guangdong, 'en')).toContain('(uncertain)');
  });

  it('describes Sichuan 五区共兴', () => {
    const zh = describeLayout(sichuan, 'zh', { types: ['economic-zone'] });
    expect(zh).toContain('成都平原经济区');
  });
});
