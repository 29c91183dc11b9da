import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { feature } from 'topojson-client';
import turfArea from '@turf/area';
for (const res of ['2m', '10m']) {
  const ext = JSON.parse(readFileSync(`examples/public/counties/counties-${res}.json`, 'utf8'));
  const fc: any = feature(ext, ext.objects.counties);
  for (const f of fc.features) f.properties = { code: f.id, parent: f.properties.parent };
  writeFileSync(`/tmp/cty/c${res}.geojson`, JSON.stringify(fc));
  const out = execFileSync('ogrinfo', ['-q', '-ro', '-dialect', 'sqlite', '-sql', `SELECT code, ST_IsValidReason(geometry) AS r FROM c${res} WHERE NOT ST_IsValid(geometry)`, `/tmp/cty/c${res}.geojson`], { encoding: 'utf8' });
  console.log(res, [...out.matchAll(/= (.*)/g)].map((m) => m[1]).join(' | '));
}
const out = execFileSync('ogrinfo', ['-q', '-ro', '-dialect', 'sqlite', '-sql', `SELECT AsGeoJSON(ST_Union(geometry)) AS g FROM c2m WHERE parent LIKE '51%'`, `/tmp/cty/c2m.geojson`], { encoding: 'utf8', maxBuffer: 1e9 });
const u = JSON.parse(/g \(String\) = (.*)/.exec(out)![1]!);
const polys = u.type === 'Polygon' ? [u.coordinates] : u.coordinates;
const holes = polys.flatMap((p: any) => p.slice(1));
console.log('parts', polys.length, 'holes', holes.length, holes.slice(0, 8).map((h: any) => [turfArea({ type: 'Polygon', coordinates: [h] } as any).toFixed(0) + ' m2', h[0]]));
