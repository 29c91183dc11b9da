/**
 * The map spec's JSON Schema, in a module of its own: building it needs `@valibot/to-json-schema`, which a
 * figure never needs at run time (the embed validates specs with the valibot schema itself).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { MapSpecSchema } from './spec.ts';

/**
 * The JSON Schema (draft-07) of the map spec, for editors and other languages.
 *
 * @example
 * ```ts
 * mapSpecJsonSchema.title; // 'quyu map spec'
 * ```
 */
export const mapSpecJsonSchema: Record<string, unknown> = {
  title: 'quyu map spec',
  ...(toJsonSchema(MapSpecSchema, { errorMode: 'ignore' }) as Record<string, unknown>),
};
