import { readFileSync } from 'node:fs';
import kinks from '@turf/kinks';
const fc = JSON.parse(readFileSync('test/fixtures/synthetic-mianyang-counties.geojson', 'utf8'));
const f = fc.features[7];
console.log('original kinks', kinks(f).features.length);
