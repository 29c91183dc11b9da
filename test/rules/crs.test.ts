/**
 * One list of coordinate-system names: the importer, the CLI, the map spec and the overlay conversion read
 * the same names and aliases.
 */
import { describe, expect, it } from 'vitest';
import { CRS_NAMES, crsName, OVERLAY_CRS, overlayCrs } from '../../src/crs/index.ts';
import { mapSpecJsonSchema } from '../../src/embed/spec-json-schema.ts';
import { CRS_NAMES as IMPORT_CRS_NAMES } from '../../src/import/crs.ts';
import { toCrs } from '../../src/maplibre/index.ts';

describe('coordinate-system names', () => {
  it('the importer knows exactly the core list, and every name reads back as itself in any case', () => {
    expect(IMPORT_CRS_NAMES).toBe(CRS_NAMES);
    for (const c of CRS_NAMES) {
      expect(crsName(c)).toBe(c);
      expect(crsName(c.toLowerCase())).toBe(c);
    }
    expect(crsName('WGS-84')).toBe('WGS84');
    expect(crsName('amap')).toBe('GCJ02');
    expect(crsName('mars')).toBeUndefined();
  });

  it('the map spec offers the overlay systems of the core list, and conversion reads every spelling', () => {
    expect(JSON.stringify(mapSpecJsonSchema)).toContain(JSON.stringify([...OVERLAY_CRS]));
    expect(OVERLAY_CRS.map(overlayCrs)).toEqual([...OVERLAY_CRS]);
    const p: [number, number] = [113.3, 23.1];
    expect(toCrs(p, 'GCJ02' as never)).toEqual(toCrs(p, 'gcj02'));
    expect(() => toCrs(p, 'BD09' as never)).toThrow(/wgs84/);
  });
});
