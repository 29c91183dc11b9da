/**
 * What an app developer sees when the atlas does not load: a bilingual QuyuError that says which URL to
 * pass — never a bare "Unexpected token '<'" (a built app answering with its index page) or a raw ENOENT.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { QuyuError } from '../../src/errors/index.ts';

async function failure(p: Promise<unknown>): Promise<QuyuError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(QuyuError);
  return e as QuyuError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadAtlas failures', () => {
  it('an HTML answer (an app fallback page) names the ?url recipe, in Chinese and English', async () => {
    const page = '<!doctype html><html><body><div id="app"></div></body></html>';
    vi.stubGlobal('fetch', async () => new Response(page, { headers: { 'content-type': 'text/html' } }));
    const e = await failure(loadAtlas({ url: 'http://127.0.0.1:5173/node_modules/data/china-10m.json' }));
    expect(e.code).toBe('atlas-load-failed');
    expect(e.message).toMatch(/HTML/);
    expect(e.message).toContain('quyu/data/china-10m.json?url');
    expect(e.message).toMatch(/网页/);
    expect(e.message).not.toMatch(/Unexpected token/);
  });

  it('an HTML answer without a content type is caught too, and the 2m file is named for the 2m atlas', async () => {
    vi.stubGlobal('fetch', async () => new Response('\n  <html></html>'));
    const e = await failure(loadAtlas({ url: 'https://example.org/assets/china-2m.json' }));
    expect(e.message).toContain('quyu/data/china-2m.json?url');
  });

  it('a missing file in Node is a QuyuError naming the file and the fix, not a raw ENOENT', async () => {
    const e = await failure(loadAtlas({ url: new URL('file:///nowhere/china-10m.json') }));
    expect(e.code).toBe('atlas-load-failed');
    expect(e.issues[0]!.value).toBe('file:///nowhere/china-10m.json');
    expect(e.message).toMatch(/ENOENT/);
    expect(e.message).toMatch(/reinstall quyu/);
    expect(e.message).toMatch(/重新安装/);
  });

  it('an HTTP error and a file that is not a topology are QuyuErrors too', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404 }));
    expect((await failure(loadAtlas({ url: 'https://example.org/x.json' }))).message).toMatch(/HTTP 404/);
    vi.stubGlobal('fetch', async () => new Response('{"type":"FeatureCollection","features":[]}'));
    expect((await failure(loadAtlas({ url: 'https://example.org/y.json' }))).message).toMatch(/TopoJSON/);
  });
});
