import fs from 'node:fs';
import path from 'node:path';
import { ensureWebBuilt } from '../../scripts/runtime/web-build';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs the package when it is missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of each main page land here (git-ignored), one folder per test file. */
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', 'artifacts', 'screenshots');


export interface BrowserSession {
  browser: Browser;
  /** A fresh context (own storage) for one actor: an enterprise, a clerk, a unit. */
  newPage(opts?: { phone?: boolean }): Promise<Page>;
  /** Every console error or uncaught page error seen so far, across all pages. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * Chromium with the flags this machine needs: no sandbox as root, no GPU, and no background
 * networking (the closed network refuses those connections). Playwright gives every launch a new,
 * empty profile directory of its own (it refuses a --user-data-dir flag) and removes it on close.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  // `npm test` builds the web app first; a bare `npx jest` run builds it here when it is stale.
  ensureWebBuilt();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const consoleErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    browser,
    consoleErrors,
    async newPage(opts = {}) {
      const context = await browser.newContext(
        {
          // The office's own setting: Chinese first, Beijing time (what the page's Intl formats read).
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          ...(opts.phone ? { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }),
        },
      );
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page as it is now. The script is evaluated through the
 * DevTools protocol, so the service's CSP (script-src 'self') stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this file is compiled without the DOM's types.
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`)) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Saves a full-page screenshot as `<dir>/<name>.png` and returns its path. */
export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  const folder = path.join(ARTIFACTS_DIR, dir);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits (up to 15 s) until the element's attribute has the value, and asserts it. */
export async function expectAttribute(locator: Locator, name: string, value: string | null): Promise<void> {
  const deadline = Date.now() + 15_000;
  let seen = await locator.getAttribute(name);
  while (seen !== value && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await locator.getAttribute(name);
  }
  if (seen !== value) throw new Error(`${name} of ${locator} is ${JSON.stringify(seen)}, expected ${JSON.stringify(value)}`);
}

/** Waits (up to 15 s) until the element shows the text, and asserts it. */
export async function expectText(locator: Locator, text: string | RegExp): Promise<void> {
  const deadline = Date.now() + 15_000;
  const matches = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
  let seen = '';
  do {
    seen = (await locator.first().innerText({ timeout: 1_000 }).catch(() => '')) ?? '';
    if (matches(seen)) return;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  throw new Error(`${locator} shows ${JSON.stringify(seen.slice(0, 300))}, expected ${text}`);
}

/** Waits until some element in the page shows exactly this text (a status badge, say). */
export async function expectVisibleText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
}
