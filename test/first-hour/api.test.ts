/**
 * Names say what they return, and quyu takes what quyu gives: `areaKm2` is a number (`Math.round` works),
 * `areaFeature` a feature, and `regionAt` reads the `{ lng, lat }` of a map click.
 */
import { describe, expect, it } from 'vitest';
import { areaFeature, areaKm2, areaOf, loadAtlas, QuyuError, regionAt } from '../../src/index.ts';

describe('the first hour', () => {
  it('areaKm2 is a number; areaFeature and the older areaOf return the feature it measures', async () => {
    const atlas = await loadAtlas();
    const km2 = areaKm2(['440100', '440600'], atlas);
    expect(typeof km2).toBe('number');
    expect(Math.round(km2)).toBeGreaterThan(10_000);
    expect(areaFeature(['440100', '440600'], atlas).properties.areaKm2).toBe(km2);
    expect(areaOf).toBe(areaFeature);
  });

  it('regionAt reads { lng, lat } objects as map events give them, as well as [lng, lat]', async () => {
    const atlas = await loadAtlas();
    expect(regionAt({ lng: 113.26, lat: 23.13 }, atlas)).toBe('440100');
    expect(regionAt([113.26, 23.13], atlas)).toBe('440100');
    expect(() => regionAt({ lng: Number.NaN, lat: 23 }, atlas)).toThrow(QuyuError);
  });
});
