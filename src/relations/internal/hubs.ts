/** Hubs given as hub items or plain points, with their points; hubs without a sourced point are set aside. */
import { fail } from '../../errors/index.ts';
import type { Hub } from '../../layouts/schema.ts';
import { hubPoint, type PointInput, toLngLat } from './input.ts';

/** A hub item or a plain point. */
export type HubInput = Hub | PointInput;

export interface LocatedHub {
  /** Position in the input list. */
  index: number;
  /** The hub's id, or null for a plain point. */
  id: string | null;
  point: [number, number];
}

export function locateHubs(
  hubs: readonly HubInput[],
  path: string,
): { located: LocatedHub[]; unlocated: string[] } {
  if (!Array.isArray(hubs)) {
    fail({
      code: 'invalid-input',
      path,
      value: hubs,
      problem: { zh: '枢纽必须是数组', en: 'Hubs must be an array' },
      fix: {
        zh: '请传入枢纽条目或 [经度, 纬度] 点的数组，例如 hubsOf(layout)',
        en: 'Pass an array of hub items or [lng, lat] points, e.g. hubsOf(layout)',
      },
    });
  }
  const located: LocatedHub[] = [];
  const unlocated: string[] = [];
  hubs.forEach((h, index) => {
    const at = `${path}[${index}]`;
    if (h && typeof h === 'object' && (h as Hub).type === 'hub') {
      const hub = h as Hub;
      if (!hub.location?.point) unlocated.push(hub.id);
      else located.push({ index, id: hub.id, point: hubPoint(hub, at) });
    } else located.push({ index, id: null, point: toLngLat(h, at) });
  });
  return { located, unlocated };
}
