import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import {
  cameraFor,
  drawCompleteFrameOnly,
  labelAnchoring,
  styleSvg,
  styleValue,
} from '../../src/embed/first-paint.ts';

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

// Real MapLibre is exercised by test/browser/embed.test.ts (one draw instead of eight, the same pixels);
// these cover the ways out of the gate that a real map rarely takes.
describe('drawCompleteFrameOnly (the hand-over)', () => {
  function fakeMap() {
    const listeners: Record<string, () => void> = {};
    const drawn: number[] = [];
    const map = {
      loaded: () => state.loaded,
      _placementDirty: false,
      triggerRepaint: vi.fn(),
      once: (type: 'idle' | 'error', f: () => void) => {
        listeners[type] = f;
      },
      painter: { render: (n: number) => drawn.push(n) },
    };
    const state = { loaded: false };
    return { map, state, drawn, fire: (type: string) => listeners[type]?.() };
  }

  it('draws nothing until the map is loaded with nothing left to place, then every frame', () => {
    const { map, state, drawn } = fakeMap();
    drawCompleteFrameOnly(map);
    map.painter.render(1);
    state.loaded = true;
    map._placementDirty = true;
    map.painter.render(2);
    map._placementDirty = false;
    map.painter.render(3);
    state.loaded = false; // later frames (a pan loading tiles) are drawn as MapLibre draws them
    map.painter.render(4);
    expect(drawn).toEqual([3, 4]);
  });

  it('draws every frame again after an error or the timeout, and asks for a frame', () => {
    vi.useFakeTimers();
    try {
      const a = fakeMap();
      drawCompleteFrameOnly(a.map);
      a.fire('error');
      a.map.painter.render(1);
      expect(a.drawn).toEqual([1]);
      expect(a.map.triggerRepaint).toHaveBeenCalledOnce();
      const b = fakeMap();
      drawCompleteFrameOnly(b.map);
      b.map.painter.render(1);
      vi.advanceTimersByTime(5000);
      b.map.painter.render(2);
      expect(b.drawn).toEqual([2]);
      expect(b.map.triggerRepaint).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('after idle, every frame is drawn and the gate takes its error listener away', () => {
    const { map, state, drawn, fire } = fakeMap();
    const off = vi.fn();
    const withOff = Object.assign(map, { off });
    drawCompleteFrameOnly(withOff);
    map.painter.render(1);
    state.loaded = true;
    fire('idle');
    map.painter.render(2);
    expect(drawn).toEqual([2]);
    expect(off).toHaveBeenCalledWith('error', expect.any(Function));
  });

  it('leaves a map without the renderer it expects as it is', () => {
    const map = { once: () => undefined, loaded: () => true };
    expect(() => drawCompleteFrameOnly(map)()).not.toThrow();
  });
});

describe('styleValue and labelAnchoring (the expressions quyu layers use)', () => {
  const f = {
    type: 'Feature' as const,
    properties: { size: 10, radius: 4 },
    geometry: { type: 'Point' as const, coordinates: [113, 23] },
  };
  it("arithmetic: the hub names' offset and the city sort key", () => {
    expect(styleValue(['*', ['get', 'size'], 0.95], f, 6)).toBeCloseTo(9.5, 10);
    expect(styleValue(['-', 0, ['get', 'radius']], f, 6)).toBe(-4);
    expect(styleValue(['/', ['get', 'size'], 4], f, 6)).toBe(2.5);
    expect(styleValue(['+', 1, 2, 3], f, 6)).toBe(6);
    expect(styleValue(['*', ['get', 'missing'], 2], f, 6)).toBeUndefined();
    expect(styleValue(['%', 5, 2], f, 6)).toBeUndefined(); // outside the subset: no value, not the array
  });
  it('reads anchors and offsets as MapLibre does', () => {
    expect(
      labelAnchoring(
        { 'text-variable-anchor': ['left', 'right'], 'text-radial-offset': ['*', ['get', 'size'], 0.1] },
        f,
        6,
      ),
    ).toEqual({
      anchors: ['left', 'right'],
      variable: true,
      radialOffset: 1,
    });
    expect(labelAnchoring({ 'text-anchor': 'top', 'text-offset': [0, 1.1] }, f, 6)).toEqual({
      anchors: ['top'],
      offset: [0, 1.1],
    });
    expect(labelAnchoring(undefined, f, 6)).toEqual({});
  });
});
