import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { decodeSpec, encodeSpec, mapSpecJsonSchema, parseMapSpec } from '../../src/embed/spec.ts';
import { QuyuError } from '../../src/errors/index.ts';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(QuyuError);
    return (e as QuyuError).issues;
  }
  throw new Error('expected a QuyuError');
}

describe('parseMapSpec(input)', () => {
  it('fills defaults', () => {
    const spec = parseMapSpec({ layouts: ['guangdong'] });
    expect(spec).toMatchObject({
      version: 1,
      lang: 'zh',
      theme: 'light',
      basemap: 'quyu',
      legend: true,
      height: 520,
    });
  });

  it('accepts a JSON string', () => {
    expect(parseMapSpec('{"layouts":["sichuan"],"lang":"en"}').lang).toBe('en');
  });

  it('names the path and the fix of every problem', () => {
    const issues = issuesOf(() =>
      parseMapSpec({
        layouts: ['guangdongg'],
        theme: 'neon',
        focus: { bounds: [120, 30, 110, 40] },
        extra: 1,
      }),
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('layouts[0]');
    expect(paths).toContain('theme');
    expect(paths).toContain('focus.bounds');
    expect(paths).toContain('extra');
    for (const i of issues) {
      expect(i.fix.zh).toMatch(/JSON Schema/);
      expect(i.fix.en).toMatch(/JSON Schema/);
    }
  });

  it('rejects javascript: and data: URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'JaVaScRiPt:alert(1)',
    ]) {
      const issues = issuesOf(() => parseMapSpec({ sourceUrl: url }));
      expect(issues[0]!.path).toBe('sourceUrl');
    }
    const basemap = issuesOf(() => parseMapSpec({ basemap: { style: 'javascript:alert(1)' } }));
    expect(basemap[0]!.path).toBe('basemap.style');
  });

  it('reports invalid JSON text', () => {
    expect(issuesOf(() => parseMapSpec('{layouts:'))[0]!.problem.en).toMatch(/not valid JSON/);
  });
});

describe('encodeSpec(spec) / decodeSpec(text)', () => {
  it('round-trips Chinese text through a URL-safe string', () => {
    const spec = { layouts: ['guangdong' as const], title: '广东五大都市圈 <b>"&\'' };
    const encoded = encodeSpec(spec);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSpec(encoded)).toEqual(spec);
  });
});

describe('mapSpecJsonSchema', () => {
  it('is a JSON Schema that accepts valid specs and rejects invalid ones', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(mapSpecJsonSchema);
    expect(validate({ layouts: ['guangdong'], title: 't', theme: 'dark' })).toBe(true);
    expect(validate({ theme: 'neon' })).toBe(false);
  });
});
