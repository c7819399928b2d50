// Shared set-up of the end-to-end tests: a static server for www/ (Python's http.server, the
// same as `make demo`), Debian's headless Chromium driven by playwright-core, a watch on every
// request the page makes, and axe for accessibility (WCAG 2.1 AA).
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const WWW = new URL('../../www/', import.meta.url).pathname;
export const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;

/** Serves www/ on a free loopback port; resolves to { origin, stop }. */
export function serve() {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', WWW], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => reject(new Error('the static server did not start')), 15000);
    server.stdout.on('data', (chunk) => {
      const port = String(chunk).match(/port (\d+)/)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${port}`, stop: () => server.kill() });
      }
    });
    server.on('error', reject);
  });
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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
}

/**
 * The static server and Chromium for a test file: started before its tests, stopped after
 * them. The returned object's `origin` and `browser` are set once the tests run.
 */
export function useSite() {
  const site = { origin: '', browser: null };
  let stop = () => {};
  before(async () => {
    const server = await serve();
    stop = server.stop;
    site.origin = server.origin;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    stop();
  });
  return site;
}

/**
 * Opens a new page that records every request leaving `origin` (data: and blob: URLs stay in
 * the page) and every console message.
 */
export async function openPage(browser, origin, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const foreign = [];
  const console = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
  });
  page.on('console', (message) => console.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => console.push({ type: 'pageerror', text: String(error) }));
  return { context, page, foreign, console };
}

/** axe's violations for WCAG 2.0/2.1 A and AA, as "rule: target" lines (empty when clean). */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/** Saves a full-page screenshot under test-results/screenshots/ for a person to look at. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
