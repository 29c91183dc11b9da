/**
 * `npm run previews`: one preview image per gallery example, taken from the real pages in headless
 * Chromium, into `examples/public/previews/<slug>.png` (the gallery's thumbnails and the README's pictures).
 * Run after a change that alters a page; the images are never drawn by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../examples/gallery.ts';
import { openMapPage, ROOT, startHarness } from '../test/browser/harness.ts';

const OUT = join(ROOT, 'examples/public/previews');
const only = process.argv.slice(2);
mkdirSync(OUT, { recursive: true });
const h = await startHarness();
try {
  for (const ex of EXAMPLES) {
    if (only.length && !only.includes(ex.slug)) continue;
    const path = `/examples/${ex.slug}.html?test${ex.query ? `&${ex.query}` : ''}`;
    let png: Buffer;
    if (ex.slug === 'snippet') {
      // No map of its own: the preview iframe holds it.
      const page = await h.browser.newPage({
        viewport: { width: 1000, height: 700 },
        deviceScaleFactor: 0.6,
      });
      await page.goto(h.baseUrl + path);
      await page.frameLocator('#preview').locator('.quyu-description').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      png = await page.screenshot();
      await page.close();
    } else if (ex.slug === 'studio') {
      // The studio with its sample table, after both previews drew it.
      const page = await h.browser.newPage({
        viewport: { width: 1280, height: 900 },
        deviceScaleFactor: 0.5,
      });
      await page.goto(h.baseUrl + path);
      await page.evaluate(() => window.__quyuStudio!.ready);
      await page.locator('#sample').click();
      await page.evaluate(() => window.__quyuStudio!.settled());
      await page.waitForTimeout(500);
      png = await page.screenshot();
      await page.close();
    } else {
      const m = await openMapPage(h, path, { width: 1000, height: 700, deviceScaleFactor: 0.6 });
      if (m.errors.length) throw new Error(`${ex.slug}: ${m.errors.join('; ')}`);
      png = await m.page.screenshot();
      await m.page.close();
    }
    writeFileSync(join(OUT, `${ex.slug}.png`), png);
    console.log(`previews: ${ex.slug}.png (${(png.length / 1024).toFixed(0)} KB)`);
  }
} finally {
  await h.close();
}
