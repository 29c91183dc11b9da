/**
 * Built-in layouts by id, loaded on demand so an embed ships only the regions it shows.
 */
import { QuyuError } from '../errors/index.ts';
import { defineLayout } from '../layouts/define.ts';
import type { Layout } from '../layouts/schema.ts';
import type { BuiltinLayoutId, MapSpec } from './spec.ts';

/** Loaders of the built-in layouts. */
export const BUILTIN_LAYOUTS: Record<BuiltinLayoutId, () => Promise<Layout>> = {
  guangdong: () => import('../layouts/guangdong.ts').then((m) => m.guangdong),
  'guangzhou-shenzhen': () => import('../layouts/guangzhou-shenzhen.ts').then((m) => m.guangzhouShenzhen),
  sichuan: () => import('../layouts/sichuan.ts').then((m) => m.sichuan),
  heilongjiang: () => import('../layouts/heilongjiang.ts').then((m) => m.heilongjiang),
  mianyang: () => import('../layouts/mianyang.ts').then((m) => m.mianyang),
  national: () => import('../layouts/national.ts').then((m) => m.national),
};

/**
 * The layouts a spec names: built-ins by id, inline layouts checked with `defineLayout`.
 *
 * @example
 * ```ts
 * const [gd] = await resolveLayouts(parseMapSpec({ layouts: ['guangdong'] }));
 * ```
 */
export async function resolveLayouts(spec: Pick<MapSpec, 'layouts'>): Promise<Layout[]> {
  return Promise.all(
    spec.layouts.map((l, i) => {
      if (typeof l === 'string') return BUILTIN_LAYOUTS[l]();
      try {
        return Promise.resolve(defineLayout(l));
      } catch (e) {
        // Paths of an inline layout's problems start at the spec: layouts[i].items[...]
        if (e instanceof QuyuError) {
          throw new QuyuError(
            e.issues.map((x) => ({ ...x, path: `layouts[${i}]${x.path ? `.${x.path}` : ''}` })),
            e.omitted,
          );
        }
        throw e;
      }
    }),
  );
}
