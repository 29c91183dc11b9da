/**
 * Decoder for ECharts 4's compressed GeoJSON (`UTF8Encoding: true`), after `lib/coord/geo/parseGeoJson.js`:
 * each ring is a string read two characters at a time; value = charCode - 64, zig-zag decoded, delta-coded
 * from `encodeOffsets`, divided by the scale (1024 unless `UTF8Scale` says otherwise).
 */
export type Ring = [number, number][];

export interface EChartsFeature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets: unknown };
}

export interface EChartsFile {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EChartsFeature[];
}

export function decodeRing(encoded: string, offsets: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/**
 * The decoded rings of a feature as a flat list of rings (each Polygon's rings, then each part's).
 * The file stores extra parts of multi-part units as extra rings of one polygon, so ring roles are
 * decided later by geometry, not by position.
 */
export function decodeFeatureRings(file: EChartsFile, feature: EChartsFeature): Ring[][] {
  const scale = file.UTF8Scale ?? 1024;
  const g = feature.geometry;
  if (!file.UTF8Encoding) {
    // Some files (xizang.json) are plain GeoJSON on the same 1/1024° grid.
    return g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][]);
  }
  if (g.type === 'Polygon') {
    const rings = g.coordinates as string[];
    const offsets = g.encodeOffsets as [number, number][];
    return [rings.map((r, i) => decodeRing(r, offsets[i]!, scale))];
  }
  const polys = g.coordinates as string[][];
  const offsets = g.encodeOffsets as [number, number][][];
  return polys.map((p, i) => p.map((r, j) => decodeRing(r, offsets[i]![j]!, scale)));
}
