/** Measures of the embed's legend in a page, shared by the embed and studio browser tests. */

/** Share of the map covered by the legend, and whether the legend lies below the map (run in the page). */
export function legendCoverage(): { coverage: number; below: boolean } {
  const map = document.querySelector('.quyu-map')!.getBoundingClientRect();
  const legend = document.querySelector('.quyu-legend-box')!.getBoundingClientRect();
  const w = Math.max(0, Math.min(map.right, legend.right) - Math.max(map.left, legend.left));
  const h = Math.max(0, Math.min(map.bottom, legend.bottom) - Math.max(map.top, legend.top));
  return { coverage: (w * h) / (map.width * map.height), below: legend.top >= map.bottom - 0.5 };
}
