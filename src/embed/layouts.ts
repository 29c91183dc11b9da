/**
 * Built-in layouts by id, loaded on demand so an embed ships only the regions it shows.
 */
import { QuyuError } from '../errors/index.ts';
import { loadBuiltinLayout } from '../layouts/builtin-loaders.ts';
import { BUILTIN_LAYOUT_IDS } from '../layouts/builtins.ts';
import { defineLayout } from '../layouts/define.ts';
import type { Layout } from '../layouts/schema.ts';
import type { BuiltinLayoutId, MapSpec } from './spec.ts';

/** Loaders of the built-in layouts (generated from `data/layouts/`). */
export const BUILTIN_LAYOUTS: Record<BuiltinLayoutId, () => Promise<Layout>> = Object.fromEntries(
  BUILTIN_LAYOUT_IDS.map((id) => [id, () => loadBuiltinLayout(id)]),
) as Record<BuiltinLayoutId, () => Promise<Layout>>;

/**
 * The layouts a spec names: built-ins by id, inline layouts checked with `defineLayout`.
 *
 * @example
 * ```ts
 * const [gd] = await resolveLayouts(parseMapSpec({ layouts: ['guangdong'] }));
 * ```
 */
export async function resolveLayouts(spec: Pick<MapSpec, 'layouts'>): Promise<Layout[]> {
  // Inline layouts are checked first, so a bad one fails before any built-in starts loading (no load is
  // left running after the error).
  const inline = spec.layouts.map((l, i) => {
    if (typeof l === 'string') return null;
    try {
      return defineLayout(l);
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
  });
  return Promise.all(spec.layouts.map((l, i) => (typeof l === 'string' ? BUILTIN_LAYOUTS[l]() : inline[i]!)));
}
