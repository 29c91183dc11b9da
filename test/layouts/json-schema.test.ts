import { describe, expect, it } from 'vitest';
import { layoutJsonSchema } from '../../src/layouts/json-schema.ts';
import { expectedText, UPDATE_HINT } from '../regenerate.ts';

const file = new URL('../../src/layouts/layout.schema.json', import.meta.url);

describe('layoutJsonSchema', () => {
  it('matches the committed src/layouts/layout.schema.json (QUYU_UPDATE=1 rewrites it)', () => {
    const text = expectedText(file.pathname, `${JSON.stringify(layoutJsonSchema, null, 2)}\n`);
    // compared as data: the committed file is formatted by Biome
    expect(text, UPDATE_HINT).toBeDefined();
    expect(JSON.parse(text!)).toEqual(layoutJsonSchema);
  });

  it('describes the eight item types', () => {
    const items = (
      layoutJsonSchema.properties as Record<string, { items: { oneOf?: unknown[]; anyOf?: unknown[] } }>
    ).items!.items;
    expect((items.oneOf ?? items.anyOf)?.length).toBe(8);
  });
});
