/**
 * Geometry validity under the OGC Simple Features rules, checked with an implementation independent of the
 * build: GEOS, through GDAL's `ogrinfo` (Debian package gdal-bin, installed by .ci/run). Each shipped file is
 * read twice: by GDAL's own TopoJSON driver (as any GIS reads it), and as GeoJSON decoded by topojson-client
 * (as quyu and d3 users read it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, describe, expect, it } from 'vitest';

const FILES = ['china-10m.json', 'china-2m.json'];
const OBJECTS = ['nation', 'provinces', 'prefectures', 'scsIslands', 'tenDashLine', 'neighbors'];

function ogrinfo(args: string[]): string {
  try {
    return execFileSync('ogrinfo', ['-q', '-ro', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT')
      throw new Error('ogrinfo (GDAL) is not installed: install the Debian package gdal-bin (.ci/run does).');
    throw e;
  }
}

/** `id name reason` of every geometry that GEOS finds invalid or that is null, in one layer. */
function invalid(path: string, layer: string, idField: string): string[] {
  const sql = `SELECT ${idField} AS oid, ST_IsValidReason(geometry) AS reason FROM "${layer}" WHERE geometry IS NULL OR NOT ST_IsValid(geometry)`;
  const out = ogrinfo(['-dialect', 'sqlite', '-sql', sql, path]);
  return [...out.matchAll(/oid \(String\) = (.*)\n\s+reason \(String\) = (.*)/g)].map(
    (m) => `${m[1]}: ${m[2]}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'quyu-geos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GEOS (GDAL ogrinfo) finds no invalid geometry', () => {
  for (const file of FILES) {
    it(`${file}, every object read by GDAL's TopoJSON driver`, () => {
      const bad: string[] = [];
      const layers = ogrinfo([`data/${file}`]);
      for (const layer of OBJECTS) {
        expect(layers, `layer ${layer}`).toContain(`: ${layer}`);
        // tenDashLine has no ids; the row number stands in.
        const id = layer === 'tenDashLine' ? 'CAST(rowid AS TEXT)' : 'id';
        for (const b of invalid(`data/${file}`, layer, id)) bad.push(`${layer} ${b}`);
      }
      expect(bad).toEqual([]);
    }, 120_000);

    it(`${file}, every object decoded by topojson-client`, () => {
      const topo = JSON.parse(readFileSync(`data/${file}`, 'utf8')) as Topology;
      const bad: string[] = [];
      for (const name of OBJECTS) {
        const fc = feature(topo, topo.objects[name]!) as unknown as {
          features: { id?: string; properties: Record<string, unknown> }[];
        };
        fc.features.forEach((f, i) => {
          f.properties = { oid: String(f.id ?? i) };
        });
        const path = join(dir, `${file}-${name}.geojson`);
        writeFileSync(path, JSON.stringify(fc));
        for (const b of invalid(path, `${file}-${name}`, 'oid')) bad.push(`${name} ${b}`);
      }
      expect(bad).toEqual([]);
    }, 120_000);
  }
});

describe('neighbouring countries', () => {
  it('34 neighbours, each with a geometry, in both files', () => {
    for (const file of FILES) {
      const topo = JSON.parse(readFileSync(`data/${file}`, 'utf8')) as Topology;
      const geoms = (
        topo.objects.neighbors as unknown as { geometries: { id: string; type: string | null }[] }
      ).geometries;
      expect(geoms, file).toHaveLength(34);
      expect(
        geoms.filter((g) => !g.type).map((g) => g.id),
        file,
      ).toEqual([]);
    }
  });
});
