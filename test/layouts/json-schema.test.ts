import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutJsonSchema } from '../../src/layouts/json-schema.ts';

const file = new URL('../../src/layouts/layout.schema.json', import.meta.url);

describe('layoutJsonSchema', () => {
  it('matches the committed src/layouts/layout.schema.json (REGEN=1 rewrites it)', () => {
    const text = `${JSON.stringify(layoutJsonSchema, null, 2)}\n`;
    if (process.env.REGEN) writeFileSync(file, text);
    // compared as data: the committed file is formatted by Biome
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(layoutJsonSchema);
  });

  it('describes the eight item types', () => {
    const items = (
      layoutJsonSchema.properties as Record<string, { items: { oneOf?: unknown[]; anyOf?: unknown[] } }>
    ).items!.items;
    expect((items.oneOf ?? items.anyOf)?.length).toBe(8);
  });
});
