import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { cameraFor, styleSvg } from '../../src/embed/first-paint.ts';

const point = (x: number, y: number, label: string) => ({
  type: 'Feature' as const,
  properties: { label },
  geometry: { type: 'Point' as const, coordinates: [x, y] },
});

function style(variable: boolean): StyleSpecification {
  return {
    version: 8,
    sources: {
      a: { type: 'geojson', data: { type: 'FeatureCollection', features: [point(113, 23, '广州')] } },
      b: { type: 'geojson', data: { type: 'FeatureCollection', features: [point(113, 23, '广东')] } },
      far: {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [80, 40],
                    [81, 40],
                    [81, 41],
                    [80, 40],
                  ],
                ],
              },
            },
          ],
        },
      },
    },
    layers: [
      { id: 'far', type: 'fill', source: 'far', paint: { 'fill-color': '#f00' } },
      {
        id: 'b',
        type: 'symbol',
        source: 'b',
        layout: {
          'text-field': ['get', 'label'],
          'text-size': 12,
          ...(variable ? { 'text-variable-anchor': ['center', 'left'], 'text-radial-offset': 1.5 } : {}),
        },
      },
      { id: 'a', type: 'symbol', source: 'a', layout: { 'text-field': ['get', 'label'], 'text-size': 12 } },
    ],
  } as StyleSpecification;
}

describe('styleSvg (the static first frame)', () => {
  const camera = cameraFor([112, 22, 114, 24], 400, 300, 20);
  it('places labels top layer first; a lower label that collides is left out', () => {
    const svg = styleSvg(style(false), { width: 400, height: 300, camera });
    expect(svg).toContain('>广州</text>');
    expect(svg).not.toContain('>广东</text>');
  });
  it('tries text-variable-anchor positions as MapLibre does: 广东 moves right of the point', () => {
    const svg = styleSvg(style(true), { width: 400, height: 300, camera });
    const x = (name: string) => Number(svg.match(new RegExp(`<text x="([\\d.]+)"[^>]*>${name}</text>`))?.[1]);
    // 广州 is centred on the point; 广东's left edge is 1.5 em (18 px) right of it: its centre 18 + 12 px right.
    expect(x('广东') - x('广州')).toBeCloseTo(30, 0);
  });
  it('draws nothing of a feature wholly outside the view', () => {
    const svg = styleSvg(style(false), { width: 400, height: 300, camera });
    expect(svg).not.toContain('fill="#f00"');
  });
});
