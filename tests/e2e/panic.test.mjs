// A real panic in the page (issue 7, "No panic across the boundary"; issue 6, "Never in the
// way"): the module built with the `test-hooks` feature (scripts/build-test-hooks.sh, never
// shipped) panics at the next input event a widget handles. The panic hook must log it once,
// with no value the user typed; every widget must step aside (its additions removed, the
// portal's inputs and what was typed in them untouched); the form must submit exactly as
// without the widget.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, screenshot, useSite } from './harness.mjs';

const MODULE = new URL('../../target/test-hooks-pkg/', import.meta.url).pathname;
const CF = 'RSSMRA85T10A562S';

// Served under the demo's origin by Playwright (so that "inviata.html" is the demo's page):
// a portal form like embed.html, and a module script that starts the widget and exposes the
// test hook. No CSP here: the inline script is the test's, not the widget's.
const PAGE = `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Panico</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="instrada.css"></head><body><main>
<form action="/inviata.html" method="get" data-instrada="torino">
  <label for="cf">Codice fiscale</label>
  <input id="cf" name="cf" autocomplete="off" data-instrada-field="codice-fiscale" required>
  <label for="gestione">Gestione</label>
  <select id="gestione" name="gestione" data-instrada-field="gestione" required>
    <option value="">Scegli la gestione</option>
    <option value="aziende-dm">Aziende con dipendenti (DM)</option>
  </select>
  <label for="descrizione">Descrizione</label>
  <textarea id="descrizione" name="descrizione" data-instrada-field="descrizione" required></textarea>
  <label for="data-invio">Data di invio</label>
  <input id="data-invio" name="data-invio" type="date" data-instrada-field="data-invio" required>
  <button type="submit">Invia</button>
</form></main>
<script type="module">
  import { start } from './instrada-widget.js';
  import { __panicAtNextInputForTests } from './instrada.js';
  window.panicAtNextInput = __panicAtNextInputForTests;
  const widgets = await start({ today: '2026-11-23' });
  document.documentElement.dataset.widgets = String(widgets.length);
</script></body></html>`;

before(() => {
  assert.ok(existsSync(join(MODULE, 'instrada_bg.wasm')), 'target/test-hooks-pkg/ is missing: run scripts/build-test-hooks.sh (make e2e does)');
});
const site = useSite();

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

test('a panic is logged once, the widget steps aside, what was typed stays and the form submits', async () => {
  const { context, page, foreign, console } = await openPage(site.browser, site.origin);
  await page.route(`${site.origin}/test-hooks/**`, (route) => {
    const path = new URL(route.request().url()).pathname.slice('/test-hooks/'.length);
    if (path === 'page.html') return route.fulfill({ contentType: 'text/html', body: PAGE });
    const file = join(MODULE, path);
    if (!file.startsWith(MODULE) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await page.goto(`${site.origin}/test-hooks/page.html`);
  await page.waitForFunction(() => document.documentElement.dataset.widgets === '1');
  // The widget is there: the form is marked and the widget added its own elements.
  const added = () => page.evaluate(() => document.querySelectorAll('form [id^="instrada-"]').length);
  assert.equal(await page.getAttribute('form', 'data-instrada-attached'), '');
  assert.ok((await added()) > 0, 'the widget added nothing');

  await page.evaluate(() => window.panicAtNextInput());
  await page.fill('#cf', CF); // the panic, inside the widget's input handler
  // More events after it: each must find the widget out of the way, none may log again.
  await page.selectOption('#gestione', 'aziende-dm');
  await page.fill('#descrizione', `Contestazione avviso bonario di ${CF}`);
  await page.fill('#data-invio', '2026-11-23');
  await page.focus('#cf');
  await page.keyboard.press('Tab');
  await screenshot(page, 'panic-stepped-aside');

  const errors = console.filter((m) => m.type === 'error' || m.type === 'pageerror');
  assert.equal(errors.length, 1, `one console error, got: ${JSON.stringify(errors)}`);
  assert.match(errors[0].text, /^instrada: internal error at src\/widget\/page\.rs:\d+; the widget steps aside and the form keeps working\.$/);
  assert.ok(console.every((m) => !m.text.includes(CF) && !m.text.includes('avviso bonario')), 'a typed value reached the console');

  // Out of the way: no mark, nothing of its own left, the browser's validation back.
  assert.equal(await page.getAttribute('form', 'data-instrada-attached'), null);
  assert.equal(await added(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('form').noValidate), false);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[aria-invalid], [aria-describedby]').length), 0);
  // What was typed is untouched.
  assert.equal(await page.inputValue('#cf'), CF);
  assert.equal(await page.inputValue('#descrizione'), `Contestazione avviso bonario di ${CF}`);

  await Promise.all([page.waitForURL(/inviata\.html\?/), page.click('button[type=submit]')]);
  const sent = new URL(page.url()).searchParams;
  assert.equal(sent.get('cf'), CF);
  assert.equal(sent.get('gestione'), 'aziende-dm');
  assert.deepEqual(foreign, [], 'requests outside the origin');
  await context.close();
});
