/**
 * County-level units are loaded on demand: before `loadGazetteer()` the gazetteer knows provinces,
 * prefecture-level units and the county-level units the atlas draws, synchronously; a county-level name or
 * code asked before loading gets an error that says how to load them. (Own file: no other test has loaded
 * them in this module graph.)
 */
import { describe, expect, it } from 'vitest';
import { codeOf, countiesLoaded, loadGazetteer, matchRegion, nameOf, QuyuError } from '../../src/index.ts';

function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(QuyuError);
    return (e as QuyuError).issues[0]!;
  }
  throw new Error('expected a QuyuError');
}

describe('loadGazetteer()', () => {
  it('before loading: provinces and prefecture-level units resolve synchronously; counties say how to load them', async () => {
    expect(countiesLoaded()).toBe(false);
    expect(codeOf('深圳')).toBe('440300');
    expect(codeOf('恩施')).toBe('422800');
    expect(codeOf('Harbin')).toBe('230100');
    expect(codeOf('东城区')).toBe('110101'); // a district the atlas draws (Beijing) is always there
    // 朝阳区 is Beijing's (always there) and 长春's (loaded on demand): not answered before loading.
    expect(issueOf(() => codeOf('朝阳区')).fix.en).toContain('loadGazetteer()');
    expect(issueOf(() => nameOf('510726')).fix.en).toContain('loadGazetteer()');
    expect(issueOf(() => codeOf('番禺')).fix.en).toContain('loadGazetteer()');
    expect(matchRegion('510726').message.zh).toContain('loadGazetteer()');

    await loadGazetteer();
    expect(countiesLoaded()).toBe(true);
    expect(nameOf('510726')).toBe('北川羌族自治县');
    expect(codeOf('番禺')).toBe('440113');
    expect(() => codeOf('朝阳区')).toThrow(/220104/); // now 长春's 朝阳区 is known too: ambiguous
    await loadGazetteer(); // later calls return at once
  });
});
