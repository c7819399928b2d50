// The demo page loads over HTTP, the module initialises, axe finds nothing, no request leaves
// the origin, and the form still submits when the wasm cannot be loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, screenshot, useSite } from './harness.mjs';

const site = useSite();

test('the demo page initialises the module, passes axe and stays on its origin', async () => {
  const { context, page, foreign, console } = await openPage(site.browser, site.origin);
  const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto(`${site.origin}/index.html`);
  const response = await wasm;
  assert.equal(response.headers()['content-type'], 'application/wasm');
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  assert.match(await page.textContent('#stato-instrada'), /Controlli attivi \(instrada \d+\.\d+\.\d+\)/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(foreign, [], 'requests outside the origin');
  assert.deepEqual(console.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await screenshot(page, 'foundation-ready');
  await context.close();
});

test('with a broken wasm URL the form still submits', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${site.origin}/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'unavailable');
  await page.fill('#cf', 'RSSMRA85T10A562S');
  await page.selectOption('#gestione', 'aziende-dm');
  await page.fill('#oggetto', 'Avvisi bonari');
  await page.fill('#descrizione', 'Contestazione avviso bonario');
  await page.fill('#data-invio', '2026-11-23');
  await Promise.all([page.waitForURL(/inviata\.html\?/), page.click('button[type=submit]')]);
  assert.match(page.url(), /cf=RSSMRA85T10A562S/);
  await context.close();
});
