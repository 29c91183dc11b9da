/**
 * One neighbour rule: `Atlas.neighbors` and `neighbors` give the same answer for every unit of the atlas
 * (units that meet at a single point included).
 */
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { neighbors } from '../../src/relations/index.ts';

describe('neighbours', () => {
  it('Atlas.neighbors and neighbors agree on every finest unit and every province', async () => {
    const atlas = await loadAtlas();
    const differ: string[] = [];
    for (const f of atlas.prefectures()) {
      if (atlas.neighbors(f.id).join() !== neighbors(f.id, atlas, { level: 'prefecture' }).join())
        differ.push(f.id);
    }
    for (const f of atlas.provinces()) {
      if (atlas.prefectures().some((p) => p.id === f.id)) continue;
      if (atlas.neighbors(f.id).join() !== neighbors(f.id, atlas).join()) differ.push(f.id);
    }
    expect(differ).toEqual([]);
  });
});
