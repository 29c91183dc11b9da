/**
 * Built-in layouts are standalone modules (so an app ships one region), so a structure that belongs to two
 * regions is written in both. These copies must agree.
 */
import { describe, expect, it } from 'vitest';
import { guangdong } from '../../src/layouts/guangdong.ts';
import { guangzhouShenzhen } from '../../src/layouts/guangzhou-shenzhen.ts';
import { national } from '../../src/layouts/national.ts';
import type { Layout } from '../../src/layouts/schema.ts';
import { sichuan } from '../../src/layouts/sichuan.ts';

function members(layout: Layout, id: string): string[] {
  const item = layout.items.find((i) => i.id === id);
  if (!item || !('members' in item)) throw new Error(`${layout.id} has no item ${id} with members`);
  return item.members.map((m) => m.code).sort();
}

describe('copies of one structure in several built-in layouts', () => {
  it.each([
    ['广州都市圈', guangdong, 'gd-mc-gz', guangzhouShenzhen, 'gd-mc-gz'],
    ['广州都市圈 (national list)', guangdong, 'gd-mc-gz', national, 'cn-mc-11'],
    ['深圳都市圈 (national list)', guangdong, 'gd-mc-sz', national, 'cn-mc-12'],
    ['成都都市圈 (national list)', sichuan, 'sc-cd-mc', national, 'cn-mc-03'],
  ] as const)('%s has the same members in both', (_, a, idA, b, idB) => {
    expect(members(b, idB)).toEqual(members(a, idA));
  });
});
