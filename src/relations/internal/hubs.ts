/** Hubs given as hub items or plain points, with their points; hubs without a sourced point are set aside. */
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
