/**
 * GCJ-02 suspicion for one point: China's mapping services (Amap, Tencent) publish coordinates shifted by
 * 100–700 m. A point just outside its unit that falls inside once converted from GCJ-02 to WGS-84 was very
 * likely copied from such a service.
 */
import gcoord from 'gcoord';

/**
 * The WGS-84 point `p` stands for when read as GCJ-02, when `p` lies outside (`contains(p)` false) and that
 * point inside; otherwise undefined. Rounded to 1e-6°.
 */
export function gcj02Suspected(
  p: readonly [number, number],
  contains: (q: [number, number]) => boolean,
): [number, number] | undefined {
  if (contains([p[0], p[1]])) return undefined;
  const [x, y] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  const q: [number, number] = [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
  return contains(q) ? q : undefined;
}
