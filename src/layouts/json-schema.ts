/**
 * JSON Schema (draft-07) of a {@link Layout}, generated from the valibot schema. It checks shape only;
 * code existence, coordinate order and the other semantic checks are done by `defineLayout`.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { LayoutSchema } from './schema.ts';

/**
 * JSON Schema of a layout document, for editors, `ajv` or other languages.
 * Also committed as `src/layouts/layout.schema.json` (regenerate with `QUYU_UPDATE=1 npx vitest run test/layouts`).
 *
 * @example
 * ```ts
 * import Ajv from 'ajv';
 * const validate = new Ajv({ strict: false }).compile(layoutJsonSchema);
 * validate(guangdong); // true
 * ```
 */
export const layoutJsonSchema: Record<string, unknown> = {
  ...toJsonSchema(LayoutSchema, { errorMode: 'throw', ignoreActions: ['finite', 'transform'] }),
  $id: 'https://github.com/quyu/quyu/layout.schema.json',
  title: 'quyu layout',
};
