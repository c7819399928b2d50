// Bounded cost for any input (issue 16): a description of 10 MB and one of 50 MB are pasted
// into a portal's form. The widget reads and checks the first 20,000 characters only
// (src/widget/fields.rs, `Kind::max_chars`), says so with the warning
// `input.checked-in-part`, and the form submits the whole text untouched. Asserted: the
// message, the text submitted byte for byte, and the module's memory (it must not grow with
// what was pasted). Reported, not asserted (the machine decides): the time to the message,
// the browser's own layout of the text (which it pays with or without the widget), and the
// time the widget's submit handler takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './harness.mjs';

const CF = 'RSSMRA85T10A562S';
const PAGE = `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Incolla</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="pkg/instrada.css"></head><body><main>
<form action="/ricevuta" method="post" data-instrada="torino">
  <label for="cf">Codice fiscale</label>
  <input id="cf" name="cf" data-instrada-field="codice-fiscale" required>
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
  <button type="submit">Invia</button>
</form></main>
<script type="module">
  import init from './pkg/instrada.js';
  import { start } from './pkg/instrada-widget.js';
  const widgets = await start({ today: '2026-11-20' });
  const wasm = await init();
  window.memory = () => wasm.memory.buffer.byteLength;
  document.documentElement.dataset.widgets = String(widgets.length);
</script></body></html>`;

const site = useSite();

for (const mb of [10, 50]) {
  test(`a ${mb} MB description: checked in part, said so, submitted whole, memory flat`, { timeout: 300_000 }, async (t) => {
    const { context, page, console: messages } = await openPage(site.browser, site.origin);
    await page.route(`${site.origin}/paste.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
    let posted = null;
    await page.route(`${site.origin}/ricevuta`, (route) => {
      posted = route.request().postDataBuffer();
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>ok</title>' });
    });
    await page.goto(`${site.origin}/paste.html`);
    await page.waitForFunction(() => document.documentElement.dataset.widgets === '1');
    await page.fill('#cf', CF);
    await page.selectOption('#gestione', 'aziende-dm');
    await page.fill('#oggetto', 'Avvisi bonari');
    await page.fill('#data-invio', '2026-11-20');
    const before = await page.evaluate(() => window.memory());
    const size = mb * 1024 * 1024;
    // A paste: the value changes at once and an input event says so; leaving the field shows
    // the warnings (GOV.UK's pattern).
    const timing = await page.evaluate((size) => {
      const d = document.getElementById('descrizione');
      const text = 'Contestazione avviso bonario. '.repeat(Math.ceil(size / 30)).slice(0, size);
      const t0 = performance.now();
      d.value = text;
      d.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      d.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      const shown = document.querySelector('[id$="-descrizione-warning"]');
      const message = performance.now() - t0;
      // The browser lays the text out (it would without the widget too): not the widget's.
      const t2 = performance.now();
      void d.scrollHeight;
      void document.body.getBoundingClientRect();
      const layout = performance.now() - t2;
      let handled = null;
      const form = d.form;
      form.addEventListener('submit', (e) => {
        handled = performance.now();
        e.target.dataset.prevented = String(e.defaultPrevented);
      });
      const t1 = performance.now();
      form.requestSubmit();
      return { message, layout, submit: handled - t1, warning: shown?.textContent ?? '', prevented: form.dataset.prevented };
    }, size);
    await page.waitForURL(/ricevuta/, { timeout: 240_000 });
    t.diagnostic(`${mb} MB: message after ${timing.message.toFixed(0)} ms; the browser's own layout of the text ${timing.layout.toFixed(0)} ms; the widget's submit handler ${timing.submit.toFixed(0)} ms; wasm memory ${(before / 1048576).toFixed(1)} MB before the paste`);
    assert.match(timing.warning, /lungo [\d.]+ caratteri: instrada ne controlla solo i primi 20\.000/);
    assert.equal(timing.prevented, 'false', 'the submission went ahead');
    assert.ok(posted, 'the form was submitted');
    const body = new URLSearchParams(posted.toString('latin1'));
    assert.equal(body.get('descrizione').length, size, 'the whole text was submitted');
    assert.equal(body.get('cf'), CF);
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await context.close();
  });
}

test('the module memory after 10 MB and 50 MB pastes stays where it was', { timeout: 300_000 }, async (t) => {
  const { context, page } = await openPage(site.browser, site.origin);
  await page.route(`${site.origin}/paste.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(`${site.origin}/paste.html`);
  await page.waitForFunction(() => document.documentElement.dataset.widgets === '1');
  await page.fill('#cf', CF);
  const sizes = await page.evaluate(async () => {
    const d = document.getElementById('descrizione');
    const out = [window.memory()];
    for (const mb of [10, 50]) {
      d.value = 'x'.repeat(mb * 1024 * 1024);
      d.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      d.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      document.querySelector('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      out.push(window.memory());
    }
    return out;
  });
  t.diagnostic(`wasm memory: ${sizes.map((b) => `${(b / 1048576).toFixed(1)} MB`).join(', then ')}`);
  // The pasted text never enters the module: its memory grows by less than a megabyte, not
  // by the 60 MB pasted (it grew by 86 MB for 10 MB, and 401 MB for 50 MB, before).
  assert.ok(sizes[2] - sizes[0] < 1 << 20, `wasm memory grew from ${sizes[0]} to ${sizes[2]} bytes`);
  await context.close();
});
