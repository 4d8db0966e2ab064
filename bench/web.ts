import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { CHROMIUM_PATH, launchBrowser } from '../tests/support/browser';
import { WEB_DIST } from '../api/web';

/**
 * The web app's side of the benchmark: what a browser downloads (raw and gzipped), and, against the
 * filled database, how long the clerk's busiest pages take from navigation to a rendered table in
 * Chromium, with the page's JavaScript heap afterwards.
 */
export async function benchWeb(origin: string, rounds: number): Promise<void> {
  const assets = fs.readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  console.log(`\n${'web asset'.padEnd(30)} ${'KiB'.padStart(8)} ${'gzip KiB'.padStart(9)}`);
  for (const file of assets) {
    const bytes = fs.readFileSync(path.join(WEB_DIST, 'assets', file));
    console.log(`${file.padEnd(30)} ${(bytes.length / 1024).toFixed(0).padStart(8)} ${(zlib.gzipSync(bytes).length / 1024).toFixed(0).padStart(9)}`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.log(`(no Chromium at ${CHROMIUM_PATH}: page timings skipped)`);
    return;
  }

  const browser = await launchBrowser();
  try {
    const pages: [name: string, key: string, hash: string, ready: string][] = [
      ['office: review inbox', 'demo-office-key', '/inbox', 'table'],
      ['office: lateness board', 'demo-office-key', '/late', 'table'],
      ['unit: cases by urgency', 'demo-unit-450621-key', '/unit', 'table'],
      ['office: statistics (month)', 'demo-office-key', '/stats', 'table'],
    ];
    console.log(`\n${'page (first paint of data)'.padEnd(30)} ${'p50 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'rows'.padStart(6)} ${'heap MiB'.padStart(9)}`);
    for (const [name, key, hash, ready] of pages) {
      const page = await browser.newPage();
      // Sign in once per page kind; each round then loads the view afresh.
      await page.goto(`${origin}/`);
      await page.getByLabel('API 密钥').fill(key);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(/#\/(inbox|unit|my)$/);
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < rounds; i++) {
        await page.goto('about:blank');
        const t = performance.now();
        await page.goto(`${origin}/#${hash}`);
        await page.locator(`main ${ready}`).first().waitFor({ timeout: 60_000 });
        times.push(performance.now() - t);
        rows = await page.locator('main tbody tr').count();
      }
      const heap = Number(await page.evaluate('performance.memory.usedJSHeapSize')) / 2 ** 20;
      times.sort((a, b) => a - b);
      console.log(`${name.padEnd(30)} ${times[Math.floor(times.length / 2)]!.toFixed(0).padStart(8)} ${times[times.length - 1]!.toFixed(0).padStart(8)} ${String(rows).padStart(6)} ${heap.toFixed(1).padStart(9)}`);
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
}
