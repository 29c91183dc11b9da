/**
 * Every render case says what it shows: `test/render/<case>/case.json` with a sentence for the reviewer,
 * the page, the label font, and an expected.png unless it opts out of the golden image.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../render/', import.meta.url);

describe('render cases', () => {
  it('every folder under test/render has a case.json that says what it shows', () => {
    const folders = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(folders.length).toBeGreaterThan(10);
    for (const d of folders) {
      const file = new URL(`${d.name}/case.json`, DIR);
      expect(existsSync(file), `${d.name}/case.json`).toBe(true);
      const c = JSON.parse(readFileSync(file, 'utf8'));
      expect(typeof c.shows === 'string' && c.shows.length > 20, `${d.name}: shows`).toBe(true);
      expect(c.page, `${d.name}: page`).toMatch(/^\/examples\/[\w-]+\.html/);
      expect(['sans', 'serif'], `${d.name}: font`).toContain(c.font);
      if (c.golden !== false) expect(existsSync(new URL(`${d.name}/expected.png`, DIR)), d.name).toBe(true);
    }
  });
});
