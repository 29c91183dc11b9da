import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { decodeSpec, encodeSpec, parseMapSpec } from '../../src/embed/spec.ts';
import { mapSpecJsonSchema } from '../../src/embed/spec-json-schema.ts';
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

describe('security of the published schema and inline layouts', () => {
  it('the JSON Schema keeps the http(s) rule for sourceUrl and source links', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(mapSpecJsonSchema);
    expect(validate({ sourceUrl: 'https://example.org/a' })).toBe(true);
    expect(validate({ sourceUrl: 'javascript:alert(1)' })).toBe(false);
    const layout = {
      id: 'x',
      title: 't',
      region: 'r',
      sources: [{ title: 's', url: 'javascript:alert(1)' }],
      items: [],
    };
    expect(validate({ layouts: [layout] })).toBe(false);
    expect(() => parseMapSpec({ layouts: [layout] })).toThrow(QuyuError);
  });

  it('decodeSpec(garbage) throws a QuyuError at path spec', () => {
    expect(issuesOf(() => decodeSpec('!!!'))[0]!.path).toBe('spec');
  });

  it('problems of an inline layout are reported under layouts[i]', async () => {
    const { resolveLayouts } = await import('../../src/embed/layouts.ts');
    const spec = parseMapSpec({
      layouts: [
        'guangdong',
        {
          id: 'x',
          title: 't',
          region: 'r',
          items: [
            {
              type: 'link',
              id: 'l',
              name: 'n',
              kind: 'enclave',
              status: 'verified',
              from: '440300',
              to: '440300',
            },
          ],
        },
      ],
    });
    await expect(resolveLayouts(spec)).rejects.toThrow(QuyuError);
    const error = await resolveLayouts(spec).catch((e: QuyuError) => e);
    expect((error as QuyuError).issues[0]!.path).toMatch(/^layouts\[1\]\.items\[0\]/);
  });
});
