/**
 * The South China Sea islands inset (南海诸岛 box) of Chinese standard maps, drawn from the atlas' own
 * objects (`scsIslands`, `tenDashLine`, `nation`, `neighbors`) as a small SVG map in a corner of the map.
 * A national view can then frame the mainland tightly and still show the islands and the ten-dash line.
 *
 * `southChinaSeaInset` computes the drawing (pure, testable in Node); `SouthChinaSeaInset` is the
 * MapLibre control that shows it. Same Web Mercator projection as the main map.
 */
import type { FeatureCollection, Position } from 'geojson';
import type { ControlPosition, IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { Theme, ThemeName } from '../style/themes.ts';
import type { Lang } from '../support/layer-set.ts';
import { resolveTheme } from '../support/layer-set.ts';
import { t } from '../support/text.ts';
import { el, svgEl } from './dom.ts';
import { fontFamily } from './legend.ts';

/** The atlas objects the inset reads. quyu's `Atlas` satisfies it. */
export interface InsetAtlas {
  geojson(object: 'nation' | 'neighbors' | 'scsIslands' | 'tenDashLine'): FeatureCollection;
}

/** Options of {@link southChinaSeaInset} and {@link SouthChinaSeaInset}. */
export interface InsetOptions {
  atlas: InsetAtlas;
  theme?: ThemeName | Theme;
  lang?: Lang;
  /** Width in CSS pixels; the height follows from the bounds. Default 116. */
  width?: number;
  /** `[west, south, east, north]` shown. Default `[106, 2.6, 122.6, 24.4]`: Hainan to 曾母暗沙, the Philippines to Vietnam. */
  bounds?: [number, number, number, number];
}

/** One path of the inset drawing. */
export interface InsetPath {
  /** Layer name: `sea`, `neighbors`, `land`, `islands`, `dashes`. */
  layer: string;
  /** SVG path data in pixels. */
  d: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
}

/** The inset as SVG paths. */
export interface InsetDrawing {
  width: number;
  height: number;
  bounds: [number, number, number, number];
  paths: InsetPath[];
  label: string;
  frame: string;
  labelColor: string;
  font: string;
}

const RAD = Math.PI / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

/**
 * The inset drawing: sea, neighbouring land, China's land, the South China Sea islands and the ten-dash
 * line, projected in Web Mercator into a `width`-pixel box.
 *
 * @example
 * ```ts
 * const drawing = southChinaSeaInset({ atlas });
 * drawing.paths.find((p) => p.layer === 'dashes')!.d.length > 0; // true
 * ```
 */
export function southChinaSeaInset(options: InsetOptions): InsetDrawing {
  const theme = resolveTheme(options.theme);
  const lang = options.lang ?? 'zh';
  const width = options.width ?? 116;
  const bounds = options.bounds ?? [106, 2.6, 122.6, 24.4];
  const [w, s, e, n] = bounds;
  const yTop = mercY(n);
  const yBottom = mercY(s);
  const scale = width / ((e - w) * RAD);
  const height = Math.round((yTop - yBottom) * scale);
  const project = ([lng, lat]: Position): [number, number] => [
    (lng! - w) * RAD * scale,
    (yTop - mercY(lat!)) * scale,
  ];
  const margin = 0.5;
  const near = (ring: Position[]) => {
    let rw = Infinity;
    let re = -Infinity;
    let rs = Infinity;
    let rn = -Infinity;
    for (const [x, y] of ring) {
      rw = Math.min(rw, x!);
      re = Math.max(re, x!);
      rs = Math.min(rs, y!);
      rn = Math.max(rn, y!);
    }
    return re >= w - margin && rw <= e + margin && rn >= s - margin && rs <= n + margin;
  };
  const ringPath = (ring: Position[], close: boolean): string => {
    let d = '';
    let last: [number, number] | undefined;
    for (const p of ring) {
      const q = project(p);
      if (last && Math.abs(q[0] - last[0]) < 0.35 && Math.abs(q[1] - last[1]) < 0.35) continue;
      d += `${d ? 'L' : 'M'}${q[0].toFixed(1)},${q[1].toFixed(1)}`;
      last = q;
    }
    return d && close ? `${d}Z` : d;
  };
  const pathOf = (fc: FeatureCollection): string => {
    let d = '';
    for (const f of fc.features) {
      const g = f.geometry;
      if (!g) continue;
      const polys =
        g.type === 'Polygon'
          ? [g.coordinates]
          : g.type === 'MultiPolygon'
            ? g.coordinates
            : g.type === 'LineString'
              ? [[g.coordinates]]
              : g.type === 'MultiLineString'
                ? g.coordinates.map((l) => [l])
                : [];
      const closed = g.type === 'Polygon' || g.type === 'MultiPolygon';
      for (const poly of polys) {
        if (!poly[0] || !near(poly[0])) continue;
        for (const ring of poly) d += ringPath(ring, closed);
      }
    }
    return d;
  };
  const dashColor = theme.tenDashLine;
  const paths: InsetPath[] = [
    { layer: 'sea', d: `M0,0H${width}V${height}H0Z`, fill: theme.sea, stroke: 'none', strokeWidth: 0 },
    {
      layer: 'neighbors',
      d: pathOf(options.atlas.geojson('neighbors')),
      fill: theme.neighborLand,
      stroke: theme.neighborLine,
      strokeWidth: 0.5,
    },
    {
      layer: 'land',
      d: pathOf(options.atlas.geojson('nation')),
      fill: theme.land,
      stroke: theme.nationLine,
      strokeWidth: 0.7,
    },
    {
      layer: 'islands',
      d: pathOf(options.atlas.geojson('scsIslands')),
      fill: theme.land,
      stroke: theme.nationLine,
      strokeWidth: 0.6,
    },
    {
      layer: 'dashes',
      d: pathOf(options.atlas.geojson('tenDashLine')),
      fill: dashColor,
      stroke: dashColor,
      strokeWidth: 1.1,
    },
  ];
  return {
    width,
    height,
    bounds,
    paths,
    label: t('inset', lang),
    frame: theme.nationLine,
    labelColor: theme.provinceText,
    font: fontFamily(theme.font),
  };
}

/**
 * The 南海诸岛 inset as a MapLibre control (default bottom-right).
 *
 * @example
 * ```ts
 * map.addControl(new SouthChinaSeaInset({ atlas, theme: 'light' }), 'bottom-right');
 * ```
 */
export class SouthChinaSeaInset implements IControl {
  #options: InsetOptions;
  #container: HTMLElement | undefined;

  constructor(options: InsetOptions) {
    this.#options = options;
  }

  getDefaultPosition(): ControlPosition {
    return 'bottom-right';
  }

  /** The inset's root element (after `onAdd`). */
  get element(): HTMLElement | undefined {
    return this.#container;
  }

  onAdd(_map: MapLibreMap): HTMLElement {
    const d = southChinaSeaInset(this.#options);
    const root = el('div', {
      position: 'relative',
      width: `${d.width}px`,
      height: `${d.height}px`,
      border: `1px solid ${d.frame}`,
      boxSizing: 'content-box',
      background: d.paths[0]!.fill,
      lineHeight: '0',
    });
    root.className = 'maplibregl-ctrl quyu-inset';
    root.setAttribute('role', 'img');
    root.setAttribute('aria-label', d.label);
    const svg = svgEl('svg', { width: d.width, height: d.height, viewBox: `0 0 ${d.width} ${d.height}` });
    for (const p of d.paths) {
      if (!p.d) continue;
      svg.append(
        svgEl('path', {
          d: p.d,
          fill: p.fill,
          stroke: p.stroke,
          'stroke-width': p.strokeWidth,
          'stroke-linejoin': 'round',
        }),
      );
    }
    root.append(svg);
    const label = el(
      'div',
      {
        position: 'absolute',
        right: '4px',
        bottom: '3px',
        fontFamily: d.font,
        fontSize: '10px',
        lineHeight: '1.2',
        color: d.labelColor,
        background: d.paths[0]!.fill,
        padding: '1px 2px',
      },
      d.label,
    );
    root.append(label);
    this.#container = root;
    return root;
  }

  onRemove(): void {
    this.#container?.remove();
    this.#container = undefined;
  }

  /** Shows or hides the inset. */
  setVisible(visible: boolean): void {
    if (this.#container) this.#container.style.display = visible ? '' : 'none';
  }
}
