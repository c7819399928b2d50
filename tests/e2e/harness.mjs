// Shared set-up of the end-to-end tests: a static server for www/ (Python's http.server, the
// same as `make demo`) or another folder, Debian's headless Chromium driven by playwright-core,
// a watch on every request the page makes, axe for accessibility (WCAG 2.1 AA), and the package
// installed into a portal's project as npm installs it.
import { execFileSync, spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const WWW = new URL('../../www/', import.meta.url).pathname;
export const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;
/** The npm package that `make build` makes (www/pkg/ is the build's copy of it). */
export const PKG = new URL('../../pkg/', import.meta.url).pathname;

/** Serves `dir` (www/ by default) on a free loopback port; resolves to { origin, stop }. */
export function serve(dir = WWW) {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], {
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

/**
 * Makes `app` (emptied first) a portal's npm project with the package installed as a portal
 * installs it: `npm pack` of pkg/ (so only what its manifest ships), then `npm install` of the
 * tarball, offline (the package has no dependencies; nothing is fetched). Returns the path of
 * the installed package, `app/node_modules/instrada/`.
 */
export function installPackage(app) {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'portale', private: true, type: 'module' }, null, 2));
  const npm = (args) => execFileSync('npm', args, { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [{ filename }] = JSON.parse(npm(['pack', PKG, '--pack-destination', app, '--json']));
  npm(['install', '--offline', '--no-audit', '--no-fund', `./${filename}`]);
  return join(app, 'node_modules/instrada/');
}
