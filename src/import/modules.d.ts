// Types for the small untyped packages the importer uses (only the functions called).

declare module 'polylabel' {
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
  ): [number, number] & { distance: number };
}

declare module 'topojson-server' {
  import type { Topology } from 'topojson-specification';
  export function topology(objects: Record<string, unknown>, quantization?: number): Topology;
}

declare module 'topojson-simplify' {
  import type { Topology } from 'topojson-specification';
  /** A topology whose arc positions carry a third value, the Visvalingam weight. */
  export function presimplify(topology: Topology, weight?: (triangle: number[][]) => number): Topology;
  export function simplify(topology: Topology, minWeight?: number): Topology;
  export function filter(
    topology: Topology,
    filter?: (ring: number[], interior: boolean) => boolean,
  ): Topology;
  export function sphericalTriangleArea(triangle: number[][]): number;
  export function planarRingArea(ring: number[][]): number;
}
