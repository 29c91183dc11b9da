/**
 * What every example page shares: MapLibre's worker under Vite, and the `window.__quyuIdle` signal the
 * browser tests wait for.
 */
import * as maplibreModule from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

declare global {
  interface Window {
    /** Resolves on the map's first `idle` (every source loaded, every label placed); rejects on a map error. */
    __quyuIdle?: Promise<void>;
    /** The page's map, for tests that toggle layers. */
    __quyuMap?: maplibreModule.Map;
  }
}

/**
 * maplibre-gl with its worker URL set. Vite pre-bundles maplibre-gl into node_modules/.vite, and the gallery
 * build hashes the worker's file name, so MapLibre's default worker URL (a sibling file) does not exist;
 * without this the map never becomes idle ("Worker failed to load"). A value, not a bare statement: with
 * `sideEffects: false` a bundler may skip a module's top-level statements when only re-exports are used.
 */
export const maplibregl: typeof maplibreModule = (() => {
  maplibreModule.setWorkerUrl(workerUrl);
  return maplibreModule;
})();

/** Page parameters from the query string, e.g. `?theme=dark&lang=en&atlas=/data/china-2m.json`. */
export const params = new URLSearchParams(location.search);

/** Publishes the map for the tests and resolves `window.__quyuIdle` on its first `idle`. */
export function signalIdle(map: maplibreModule.Map): void {
  window.__quyuMap = map;
  window.__quyuIdle = new Promise<void>((resolve, reject) => {
    map.once('idle', () => resolve());
    map.once('error', (e: maplibreModule.ErrorEvent) => reject(e.error));
  });
}

/** Registers a failure before the map exists (e.g. the atlas did not load), so the tests see it. */
export function signalFailure(error: unknown): void {
  window.__quyuIdle = Promise.reject(error);
  console.error(error);
}

/** National view: mainland, Hainan and the South China Sea down to the ten-dash line. */
export const CHINA_BOUNDS: [[number, number], [number, number]] = [
  [73.4, 3.4],
  [135.1, 53.6],
];
