import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main, outputFiles } from '../../src/cli/index.ts';
import { FIXTURE, fixture, shift } from './helpers.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quyu-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function quyu(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

describe('quyu import <in> -o <out>', () => {
  it('writes the extension, reports progress on stderr, exits 0', async () => {
    const out = join(dir, 'mianyang-counties.json');
    const r = await quyu('import', FIXTURE, '-o', out);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\] read: 9 features \(datav\)/);
    expect(r.stderr).toMatch(
      /\] crs: WGS84 detected \(median 0 m; GCJ02 \d+(\.\d)? m, BD09 \d+(\.\d)? m\); no conversion/,
    );
    expect(r.stderr).toMatch(
      /wrote .*mianyang-counties\.json: 9 counties \(2m, \d+ arcs, \d+ vertices, [\d.]+ KB\)/,
    );
    const topo = JSON.parse(readFileSync(out, 'utf8'));
    expect(topo.quyu).toMatchObject({
      kind: 'quyu-extension',
      object: 'counties',
      sourceFile: 'synthetic-mianyang-counties.geojson',
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes one file per resolution with -r 2m,10m', async () => {
    const out = join(dir, 'counties.json');
    const r = await quyu('import', FIXTURE, '-o', out, '-r', '2m,10m', '-q');
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toBe('');
    const a = JSON.parse(readFileSync(join(dir, 'counties-2m.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'counties-10m.json'), 'utf8'));
    expect([a.quyu.resolution, b.quyu.resolution]).toEqual(['2m', '10m']);
  });

  it('converts GCJ-02 input (--crs gcj02 or detected) and prints the report with --json', async () => {
    const input = join(dir, 'gcj.geojson');
    writeFileSync(input, JSON.stringify(shift(fixture(), 'GCJ02')));
    const r = await quyu('import', input, '-o', join(dir, 'gcj-out.json'), '--json', '-q');
    expect(r.code).toBe(EXIT.ok);
    const report = JSON.parse(r.stdout).report;
    expect(report.crs).toMatchObject({ crs: 'GCJ02', method: 'detected', converted: true });
    const given = await quyu(
      'import',
      input,
      '-o',
      join(dir, 'gcj-out.json'),
      '--crs',
      'gaode',
      '--json',
      '-q',
    );
    expect(JSON.parse(given.stdout).report.crs).toMatchObject({ crs: 'GCJ02', method: 'given' });
  });

  it('rejects bad input with every problem, exit 1, and leaves an existing output untouched', async () => {
    const input = join(dir, 'dup.geojson');
    const fc = fixture();
    fc.features[3]!.properties.adcode = 510703;
    // A code no table has, under a name no unit of 绵阳 has: neither the change list nor the name recodes it.
    fc.features[5]!.properties.adcode = 510799;
    fc.features[5]!.properties.name = '无名县';
    writeFileSync(input, JSON.stringify(fc));
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'previous content');
    const r = await quyu('import', input, '-o', out);
    expect(r.code).toBe(EXIT.rejected);
    expect(r.stderr).toMatch(/dup\.geojson was not imported \(2 problems\)/);
    expect(r.stderr).toMatch(/- dup\.geojson:features\[5\]\.properties\.adcode: .*旧代码/);
    expect(r.stderr).toMatch(
      /dup\.geojson:features\[3\]\.properties\.adcode: Code 510703 \(Fucheng District\) appears twice/,
    );
    expect(readFileSync(out, 'utf8')).toBe('previous content');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('applies --recode and --skip-unknown', async () => {
    const input = join(dir, 'stale.geojson');
    const fc = fixture();
    fc.features[2]!.properties.adcode = 510724;
    fc.features[3]!.properties.adcode = 990722;
    writeFileSync(input, JSON.stringify(fc));
    const r = await quyu(
      'import',
      input,
      '-o',
      join(dir, 'stale-out.json'),
      '--recode',
      '510724=510705',
      '--skip-unknown',
      '--json',
    );
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.stdout).report.codes).toHaveLength(8);
    expect(r.stderr).toMatch(/warning: stale\.geojson:features\[3\]\.properties\.adcode/);
  });

  it('exits 3 when the input cannot be read', async () => {
    const r = await quyu('import', join(dir, 'missing.json'), '-o', join(dir, 'x.json'));
    expect(r.code).toBe(EXIT.io);
    expect(r.stderr).toMatch(/cannot read .*missing\.json/);
  });
});

describe('quyu usage', () => {
  it('--help prints usage (exit 0); no command prints it to stderr (exit 2)', async () => {
    const h = await quyu('--help');
    expect(h.code).toBe(EXIT.ok);
    expect(h.stdout).toMatch(/quyu import <file\|folder>\.\.\. -o <output\.json>/);
    expect((await quyu()).code).toBe(EXIT.usage);
  });

  it('--version prints the package version', async () => {
    const v = await quyu('--version');
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it.each([
    [['export', 'a.json'], /unknown command "export"/],
    [['import', FIXTURE], /missing -o <output\.json>/],
    [['import', '-o', 'x.json'], /missing the input file/],
    [['import', FIXTURE, '-o', 'x.json', '--crs', 'itrf'], /unknown coordinate system "itrf"/],
    [['import', FIXTURE, '-o', 'x.json', '-r', '5m'], /unknown resolution "5m"/],
    [['import', FIXTURE, '-o', 'x.json', '--recode', '510724'], /--recode needs old=new/],
    [['import', FIXTURE, '-o', 'x.json', '--tolerance', 'far'], /--tolerance needs a number of metres/],
    [['import', FIXTURE, '-o', FIXTURE], /would overwrite the input/],
    [['import', FIXTURE, '--bogus'], /Unknown option '--bogus'/],
  ])('quyu %j → exit 2', async (argv, message) => {
    const r = await quyu(...argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
  });

  it('outputFiles(output, resolutions) names one file per resolution', () => {
    expect([...outputFiles('a/b.json', ['2m']).values()]).toEqual(['a/b.json']);
    expect([...outputFiles('a/b.json', ['2m', '10m']).values()]).toEqual(['a/b-2m.json', 'a/b-10m.json']);
    expect([...outputFiles('out', ['2m', '10m']).values()]).toEqual(['out-2m.json', 'out-10m.json']);
  });
});
