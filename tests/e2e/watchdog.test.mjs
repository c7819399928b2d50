// The watchdog (issue 16, "A watchdog over the widget"): whatever fails inside a widget, every
// widget of the page steps aside exactly as after a panic: `novalidate` back to the portal's
// value, the portal's own validity messages back, no mark and nothing of the widget's left,
// one console message without personal data; and the submit handler never lets through a
// form that the browser's own validation would have stopped. Failures tried: a field whose
// `value` getter throws (a portal's bug), on input and on submit; a trap ("memory access out
// of bounds") and the module's memory exhausted (an allocation refused at 4 GiB aborts), each
// provoked through the `test-hooks` build (scripts/build-test-hooks.sh, never shipped). The
// portal's own controls keep the validity messages the portal gives them.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, screenshot, useSite } from './harness.mjs';

const MODULE = new URL('../../target/test-hooks-pkg/', import.meta.url).pathname;
const CF = 'RSSMRA85T10A562S';
const TEXT = `Contestazione avviso bonario di ${CF}`;

// A portal form like embed.html, with two portal-own details the widget must give back: a
// custom validity message and a novalidate-free form. Two forms: every widget steps aside.
const PAGE = `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Watchdog</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="instrada.css"></head><body><main>
<form id="a" action="/inviata.html" method="get" data-instrada="torino">
  <label for="cf">Codice fiscale</label>
  <input id="cf" name="cf" autocomplete="off" data-instrada-field="codice-fiscale" required>
  <label for="gestione">Gestione</label>
  <select id="gestione" name="gestione" data-instrada-field="gestione" required>
    <option value="">Scegli la gestione</option>
    <option value="aziende-dm">Aziende con dipendenti (DM)</option>
  </select>
  <label for="descrizione">Descrizione</label>
  <textarea id="descrizione" name="descrizione" data-instrada-field="descrizione" required></textarea>
  <label for="oggetto">Oggetto</label>
  <input id="oggetto" name="oggetto" data-instrada-field="oggetto" required>
  <label for="data-invio">Data di invio</label>
  <input id="data-invio" name="data-invio" type="date" data-instrada-field="data-invio" required>
  <label for="nota">Nota del portale</label>
  <input id="nota" name="nota">
  <button type="submit">Invia</button>
</form>
<form id="b" action="/inviata.html" method="get" data-instrada="milano">
  <label for="cf2">Codice fiscale</label>
  <input id="cf2" name="cf2" data-instrada-field="codice-fiscale">
  <button type="submit">Invia</button>
</form></main>
<script type="module">
  import { start } from './instrada-widget.js';
  import * as hooks from './instrada.js';
  window.hooks = hooks;
  // The portal's own message, set before the widget comes.
  document.getElementById('nota').setCustomValidity('Messaggio del portale');
  document.getElementById('cf').setCustomValidity('');
  const widgets = await start({ today: '2026-11-23' });
  document.documentElement.dataset.widgets = String(widgets.length);
</script></body></html>`;

before(() => {
  assert.ok(existsSync(join(MODULE, 'instrada_bg.wasm')), 'target/test-hooks-pkg/ is missing: run scripts/build-test-hooks.sh (make e2e does)');
});
const site = useSite();

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

async function open() {
  const opened = await openPage(site.browser, site.origin);
  const { page } = opened;
  await page.route(`${site.origin}/test-hooks/**`, (route) => {
    const path = new URL(route.request().url()).pathname.slice('/test-hooks/'.length);
    if (path === 'page.html') return route.fulfill({ contentType: 'text/html', body: PAGE });
    const file = join(MODULE, path);
    if (!file.startsWith(MODULE) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await page.goto(`${site.origin}/test-hooks/page.html`);
  await page.waitForFunction(() => document.documentElement.dataset.widgets === '2');
  assert.equal(await page.$$eval('form[data-instrada-attached]', (f) => f.length), 2);
  return opened;
}

/** What the page shows of the widget: none of it may be left after a failure. */
function leftovers(page) {
  return page.evaluate(() => ({
    marked: document.querySelectorAll('[data-instrada-attached]').length,
    ids: document.querySelectorAll('[id^="instrada-"]').length,
    classes: document.querySelectorAll('[class*="instrada-"]').length,
    aria: document.querySelectorAll('[aria-invalid], [aria-describedby]').length,
    noValidate: [...document.forms].map((f) => f.noValidate),
    portalMessage: document.getElementById('nota').validationMessage,
    customErrors: [...document.querySelectorAll('input, select, textarea')].filter((c) => c.validity.customError).map((c) => c.id),
  }));
}

const OUT_OF_THE_WAY = { marked: 0, ids: 0, classes: 0, aria: 0, noValidate: [false, false], portalMessage: 'Messaggio del portale', customErrors: ['nota'] };

/** Exactly one console error, the watchdog's (or the panic hook's), with no typed value. */
function oneMessage(messages, pattern) {
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
  assert.equal(errors.length, 1, `one console error, got: ${JSON.stringify(errors)}`);
  assert.match(errors[0].text, pattern);
  assert.ok(messages.every((m) => !m.text.includes(CF) && !m.text.includes('avviso bonario') && !m.text.includes('personal')), 'a value reached the console');
}

/** Fills every required field natively valid (the portal's note gets no value). */
async function fillAll(page) {
  await page.fill('#cf', CF);
  await page.selectOption('#gestione', 'aziende-dm');
  await page.fill('#descrizione', TEXT);
  await page.fill('#oggetto', 'Avvisi bonari');
  await page.fill('#data-invio', '2026-11-23');
}

/** The portal's own message is the form's only native error: clear it for a submission. */
function clearPortalMessage(page) {
  return page.evaluate(() => document.getElementById('nota').setCustomValidity(''));
}

/** Makes a field's `value` getter throw (a portal's bug), with personal data in the error. */
function throwingValue(page, id) {
  return page.evaluate((id) => {
    const e = document.getElementById(id);
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(e), 'value');
    Object.defineProperty(e, 'value', {
      configurable: true,
      get() {
        throw new Error('personal data: RSSMRA85T10A562S');
      },
      set(v) {
        own.set.call(this, v);
      },
    });
    window.restoreValue = () => delete e.value;
  }, id);
}

/** Clicks submit; the URL it went to, or null when the submission was stopped. */
async function submit(page) {
  const start = page.url();
  await page.click('#a button[type=submit]');
  await page.waitForTimeout(400);
  return page.url() === start ? null : page.url();
}

test('a field whose value getter throws: every widget steps aside, the browser validates again', async () => {
  const { context, page, console: messages } = await open();
  await page.fill('#cf', CF);
  await throwingValue(page, 'descrizione');
  await page.dispatchEvent('#descrizione', 'input');
  await screenshot(page, 'watchdog-throwing-getter');
  assert.deepEqual(await leftovers(page), OUT_OF_THE_WAY);
  oneMessage(messages, /^instrada: internal error \(Error\); the widget steps aside and the form keeps working\.$/);
  // More events: the module is not called again (no second message), nothing comes back.
  await page.fill('#cf', 'X');
  await page.evaluate(() => window.restoreValue());
  await page.fill('#descrizione', TEXT);
  assert.deepEqual(await leftovers(page), OUT_OF_THE_WAY);
  // The browser's own validation stops the empty required fields and the portal's message.
  assert.equal(await submit(page), null, 'an invalid form went through');
  await fillAll(page);
  assert.equal(await submit(page), null, 'the portal message did not stop the form');
  await clearPortalMessage(page);
  const sent = new URL(await submit(page));
  assert.equal(sent.searchParams.get('descrizione'), TEXT);
  assert.equal(sent.searchParams.get('cf'), CF);
  oneMessage(messages, /internal error/);
  await context.close();
});

test('a getter that throws during the submission: stopped when the browser would stop it, sent when not', async () => {
  for (const valid of [false, true]) {
    const { context, page, console: messages } = await open();
    if (valid) {
      await fillAll(page);
      await clearPortalMessage(page);
    } else {
      await page.fill('#descrizione', TEXT);
    }
    await throwingValue(page, 'descrizione');
    const went = await submit(page);
    if (valid) assert.match(went ?? '', /inviata\.html\?.*descrizione=/, 'a valid form is sent (the click is not lost)');
    else assert.equal(went, null, 'the empty required fields must stop the submission');
    oneMessage(messages, /^instrada: internal error \(Error\);/);
    if (!valid) assert.deepEqual(await leftovers(page), OUT_OF_THE_WAY);
    await context.close();
  }
});

for (const [what, hook, pattern] of [
  ['a trap (memory access out of bounds)', '__trapAtNextInputForTests', /^instrada: internal error \(RuntimeError\);/],
  ['the module\'s memory exhausted', '__exhaustMemoryAtNextInputForTests', /^instrada: internal error \(RuntimeError\);/],
]) {
  test(`${what}: every widget steps aside and the form submits as without it`, async () => {
    const { context, page, console: messages } = await open();
    await page.evaluate((hook) => window.hooks[hook](), hook);
    await page.fill('#cf', CF);
    await page.selectOption('#gestione', 'aziende-dm');
    assert.deepEqual(await leftovers(page), OUT_OF_THE_WAY);
    oneMessage(messages, pattern);
    assert.equal(await submit(page), null, 'an invalid form went through');
    await fillAll(page);
    await clearPortalMessage(page);
    const sent = new URL(await submit(page));
    assert.equal(sent.searchParams.get('cf'), CF);
    assert.equal(sent.searchParams.get('descrizione'), TEXT);
    oneMessage(messages, pattern);
    await context.close();
  });
}
