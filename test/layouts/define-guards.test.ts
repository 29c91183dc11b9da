import { describe, expect, it } from 'vitest';
import { QuyuError } from '../../src/errors/index.ts';
import { defineLayout } from '../../src/layouts/define.ts';
import { reachRing } from '../../src/relations/index.ts';

describe('defineLayout guards', () => {
  it('an unknown corridor-node code is reported at nodes[i].code', () => {
    expect.assertions(2);
    try {
      defineLayout({
        id: 'x',
        title: 't',
        region: 'r',
        items: [
          {
            type: 'corridor',
            id: 'c',
            name: 'n',
            kind: 'rail',
            status: 'verified',
            nodes: [{ code: '449999' }, { code: '440300' }],
          },
        ],
      });
    } catch (e) {
      expect(e).toBeInstanceOf(QuyuError);
      expect((e as QuyuError).issues.map((i) => i.path)).toContain('items[0].nodes[0].code');
    }
  });

  it('never changes its input, even one that cannot be cloned', () => {
    const input = { id: 'x', title: 't', region: 'r', items: [], warnings: ['mine'], extra: () => 1 };
    expect(() => defineLayout(input)).toThrow(QuyuError);
    expect(input.warnings).toEqual(['mine']);
    expect(typeof input.extra).toBe('function');
  });
});

describe('reachRing(hub, km)', () => {
  it('rejects a distance beyond half the Earth', () => {
    expect(() => reachRing([113.3, 23.1], 25_000)).toThrow(/20015/);
    expect(reachRing([113.3, 23.1], 20_000).geometry.type).toBe('Polygon');
  });
});
