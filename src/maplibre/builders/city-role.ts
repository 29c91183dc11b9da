/**
 * `cityRoleLayers`: cities with a role (省域经济副中心, 区域中心城市, 节点城市, 极核 …) as concentric markers: one
 * ring size per role, so a city with several roles shows all of them, and roles read without colour.
 */
import type { Feature, Point, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { CityRole } from '../../layouts/schema.ts';
import { weakestStatus } from '../../layouts/status.ts';
import { finishBuild, startBuild } from '../support/assemble.ts';
import { drawableCode, feature, unitLabel, unitPoint } from '../support/geometry.ts';
import {
  type BuilderOptions,
  collection,
  type LayerSet,
  type LegendEntry,
  type OverlayProperties,
} from '../support/layer-set.ts';
import { sizeForRadius, symbolImage } from '../support/patterns.ts';
import type { Stack } from '../support/stack.ts';
import { byStatus } from '../support/style-helpers.ts';
import { isWeak, itemName, t } from '../support/text.ts';

/** Defaults of {@link CityRoleOptions}, read by {@link cityRoleLayers}. */
export const CITY_ROLE_DEFAULTS = { radius: 5.5, step: 4.5 } as const;

/** Options of {@link cityRoleLayers}. */
export interface CityRoleOptions extends BuilderOptions {
  /** Colour of the role at `index` (roles in order of first appearance; default: the theme palette). */
  getColor?: (role: string, index: number) => string;
  /**
   * Radius of the innermost marker in pixels.
   * @default 5.5
   */
  radius?: number;
  /**
   * Radius added per further role in pixels.
   * @default 4.5
   */
  step?: number;
}

/**
 * Sources and layers for city roles: items with the same role share one marker (a filled dot for the
 * first role, rings of growing size for the next), each city labelled once. A member at a county without a
 * boundary sits at its parent unit and is drawn weak (approximate). Roles without listed cities are listed
 * under "not drawn".
 *
 * @example
 * ```ts
 * import { sichuan } from 'quyu/layouts/sichuan';
 * const roles = sichuan.items.filter((i): i is CityRole => i.type === 'city-role');
 * const set = cityRoleLayers(roles, { atlas, radius: 6 });
 * set.legend[0]!.entries.map((e) => e.label); // one line per role, rings growing by `step` (4.5 px)
 * ```
 */
export function cityRoleLayers(items: CityRole[], options: CityRoleOptions): LayerSet {
  const ctx = startBuild('role', options);
  const { atlas, theme, lang, id, images, notDrawn } = ctx;
  const r0 = options.radius ?? CITY_ROLE_DEFAULTS.radius;
  const step = options.step ?? CITY_ROLE_DEFAULTS.step;
  const roleOf = (item: CityRole) => (lang === 'en' && item.roleEn ? item.roleEn : item.role);
  const roles: string[] = [];
  for (const item of items)
    if (item.members.length && !roles.includes(roleOf(item))) roles.push(roleOf(item));
  const colorOf = (role: string) => {
    const i = roles.indexOf(role);
    return options.getColor?.(role, i) ?? theme.palette[i % theme.palette.length]!;
  };
  const markers: Feature<Point, OverlayProperties>[] = [];
  const cities = new Map<string, { point: Position; maxRadius: number; weak: boolean; item: CityRole }>();
  const halo = theme.iconHalo;
  for (const item of items) {
    if (!item.members.length) {
      notDrawn.push({ label: itemName(item, lang), note: t('noMembers', lang) });
      continue;
    }
    const role = roleOf(item);
    const index = roles.indexOf(role);
    const radius = r0 + index * step;
    const color = colorOf(role);
    for (const member of item.members) {
      const code = drawableCode(atlas, member.code);
      if (!code) continue;
      const approximate = code !== member.code;
      const status = weakestStatus([
        item.status,
        member.status ?? item.status,
        ...(approximate ? ['inferred' as const] : []),
      ]);
      const point = unitPoint(atlas, code);
      markers.push(
        feature(
          { type: 'Point', coordinates: point },
          {
            item: item.id,
            itemType: item.type,
            status,
            weak: isWeak(status),
            label: role,
            code: member.code,
            role,
            color,
            radius,
            icon: id(`marker-${index}`),
            ...(approximate ? { note: t('approximate', lang) } : {}),
          },
        ),
      );
      const city = cities.get(code);
      if (!city) cities.set(code, { point, maxRadius: radius, weak: isWeak(status), item });
      else {
        city.maxRadius = Math.max(city.maxRadius, radius);
        city.weak &&= isWeak(status);
      }
    }
  }
  // Bigger rings first, so smaller ones stay visible on top.
  markers.sort((a, b) => Number(b.properties.radius) - Number(a.properties.radius));
  const labels = [...cities].map(([code, c]) => {
    return feature({ type: 'Point', coordinates: c.point }, {
      item: c.item.id,
      itemType: c.item.type,
      status: c.item.status,
      weak: c.weak,
      label: unitLabel(atlas, code, lang),
      code,
      unitLabel: true,
      offset: Math.round(((c.maxRadius + 3) / 13) * 100) / 100,
    } satisfies OverlayProperties);
  });
  roles.forEach((role, i) => {
    const radius = r0 + i * step;
    images[id(`marker-${i}`)] =
      i === 0
        ? symbolImage('circle', colorOf(role), { size: sizeForRadius(radius), halo })
        : symbolImage('ring', colorOf(role), { size: sizeForRadius(radius), halo, ringWidth: 2.6 });
  });
  const layers: [Stack, LayerSpecification][] = [
    [
      'symbol',
      {
        // Icons, not circles: they take part in label collisions, so the base map's label of the same city
        // gives way to the overlay's own label instead of sitting inside the rings.
        id: id('marker'),
        type: 'symbol',
        source: id('markers'),
        layout: {
          'icon-image': ['get', 'icon'],
          'icon-allow-overlap': true,
          'symbol-sort-key': ['-', 0, ['get', 'radius']],
        },
        paint: { 'icon-opacity': byStatus(1, 0.55) },
      },
    ],
    [
      'symbol',
      {
        id: id('label'),
        type: 'symbol',
        source: id('labels'),
        layout: {
          'text-field': ['get', 'label'],
          'text-font': theme.fontBold,
          'text-size': 13,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': ['get', 'offset'],
        },
        paint: {
          'text-color': theme.overlayText,
          'text-halo-color': theme.overlayHalo,
          'text-halo-width': 1.6,
          'text-opacity': byStatus(1, 0.75),
        },
      },
    ],
  ];
  // A role that is a city's own name (成都 for 成都(极核/主干)) says more through its item's name.
  const legendLabel = (role: string) => {
    const withRole = items.filter((i) => roleOf(i) === role && i.members.length);
    const only = withRole.length === 1 ? withRole[0]! : undefined;
    const namesCity = only?.members.some((m) => {
      const code = drawableCode(atlas, m.code);
      return code && unitLabel(atlas, code, lang) === role;
    });
    return only && namesCity ? itemName(only, lang) : role;
  };
  const entries: LegendEntry[] = roles.map((role, i) => ({
    label: legendLabel(role),
    swatch: { kind: 'ring', color: colorOf(role), filled: i === 0, radius: Math.min(9, r0 + i * 1.5) },
  }));
  return finishBuild(ctx, {
    sources: { markers: collection(markers), labels: collection(labels) },
    layers,
    legend: [{ key: 'roles', title: t('cityRoles', lang), entries }],
    status: { areas: false, points: true },
    items,
    bounds: ['markers'],
  });
}
