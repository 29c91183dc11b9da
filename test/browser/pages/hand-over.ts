/**
 * Test page for the embed's hand-over (src/embed/first-paint.ts, drawCompleteFrameOnly): the same province
 * figure is loaded twice by real MapLibre, as MapLibre draws it (every frame) and through the hand-over
 * (only the complete frame). Publishes, in `window.__handOver`, how many WebGL draws each made before its
 * first `idle` and how many pixels of the two idle frames differ.
 */
import { loadAtlas } from 'quyu';
import regionUrl from 'quyu/data/regions/440000.json?url';
import { baseStyle } from 'quyu/maplibre';
import { maplibregl } from '../../../examples/lib/map.ts';
import { drawCompleteFrameOnly } from '../../../src/embed/first-paint.ts';

declare global {
  interface Window {
    __handOver?: Promise<{ every: number; handOver: number; differentPixels: number; pixels: number }>;
  }
}

type Painter = { render: (...args: unknown[]) => unknown };

async function load(container: string, handOver: boolean) {
  const atlas = await loadAtlas({ url: regionUrl });
  const map = new maplibregl.Map({
    container,
    style: baseStyle({ atlas, focus: { codes: ['440000'] } }),
    center: [113.4, 23.3],
    zoom: 5.6,
    fadeDuration: 0,
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  // Counts the draws that reach WebGL: installed first, so the hand-over's gate sits in front of it.
  const painter = (map as unknown as { painter: Painter }).painter;
  const render = painter.render;
  let draws = 0;
  painter.render = (...args: unknown[]) => {
    draws++;
    return render.apply(painter, args);
  };
  if (handOver) drawCompleteFrameOnly(map);
  await new Promise<void>((resolve, reject) => {
    map.once('idle', () => resolve());
    map.once('error', (e) => reject(e.error));
  });
  const drawsBeforeIdle = draws;
  const canvas = map.getCanvas();
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
  map.remove();
  return { draws: drawsBeforeIdle, pixels };
}

window.__handOver = (async () => {
  const every = await load('a', false);
  const handOver = await load('b', true);
  let differentPixels = 0;
  for (let i = 0; i < every.pixels.length; i += 4)
    if (
      Math.abs(every.pixels[i]! - handOver.pixels[i]!) > 2 ||
      Math.abs(every.pixels[i + 1]! - handOver.pixels[i + 1]!) > 2 ||
      Math.abs(every.pixels[i + 2]! - handOver.pixels[i + 2]!) > 2
    )
      differentPixels++;
  return { every: every.draws, handOver: handOver.draws, differentPixels, pixels: every.pixels.length / 4 };
})();
