// Privacy (issue 7): during a full session on the demo (a real codice fiscale typed, the
// gestione, object, description and dates chosen, the .ics downloaded, the language and the
// profile switched, the form submitted) no request leaves the page's origin, nothing is
// written to cookies, localStorage, sessionStorage, IndexedDB or the Cache API, no service
// worker is registered, and none of the typed values appears in the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, useSite } from './harness.mjs';
import { TODAY } from './widget-helpers.mjs';

const site = useSite();

/** What the page keeps in the browser: every store a script can write without a server. */
function stores(page) {
  return page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0,
  }));
}

const EMPTY = { cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [], serviceWorkers: 0 };

/** Values typed in the session: none may reach the console. */
const TYPED = {
  cf: 'RSSMRA85T10A562S',
  matricola: '4912345678',
  descrizione: "Contestazione dell'avviso bonario n. 2026/004512 sui contributi di marzo 2026, versati con F24 del 16/04/2026.",
};

for (const [path, selectors] of [
  ['index.html', { field: (name) => ({ 'codice-fiscale': '#cf', matricola: '#matricola', gestione: '#gestione', tipo: '#tipo', descrizione: '#descrizione', 'data-invio': '#data-invio' })[name], picker: '.instrada-picker select', submit: 'button[type=submit]' }],
  ['mount.html', { field: (name) => `[data-instrada-field="${name}"]`, picker: '[data-instrada-field="oggetto"]', submit: '.instrada-submit' }],
]) {
  test(`${path}: a full session stays in the page`, async () => {
    const { context, page, console: messages } = await openPage(site.browser, site.origin, { acceptDownloads: true });
    // Every request, whatever its kind (documents, modules, the wasm, fonts, the download).
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    context.on('request', (r) => requests.push(r.url()));
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${site.origin}/${path}?oggi=${TODAY}&profilo=milano`);
    await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
    assert.deepEqual(await stores(page), EMPTY, 'nothing stored at start');

    const f = selectors.field;
    await page.click(f('codice-fiscale'));
    await page.keyboard.type(TYPED.cf);
    await page.keyboard.press('Tab');
    await page.fill(f('matricola'), TYPED.matricola);
    await page.keyboard.press('Tab');
    await page.selectOption(f('gestione'), 'aziende-dm');
    await page.selectOption(f('tipo'), 'comunicazione');
    await page.click(f('descrizione'));
    await page.keyboard.type(TYPED.descrizione);
    await page.keyboard.press('Tab');
    // The object, from the picker (the portal's input gets the label; a mounted form's
    // object is the picker's select itself).
    await page.selectOption(selectors.picker, 'Avvisi bonari');
    await page.fill(f('data-invio'), '2026-11-20');
    await page.keyboard.press('Tab');
    // The dates as an .ics file: a blob: download, no request.
    await page.waitForSelector('.instrada-ics:visible');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.instrada-ics')]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    const ics = readFileSync(await download.path(), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR/);
    // Language and profile switched (the demo re-attaches, or rebuilds the mounted form).
    await page.selectOption('#demo-lingua', 'en');
    await page.selectOption('#demo-profilo', 'torino');
    await page.waitForSelector('form[data-instrada-attached]');
    assert.deepEqual(await stores(page), EMPTY, 'nothing stored during the session');
    // The form goes to the portal's own page (same origin), as without the widget.
    await Promise.all([page.waitForURL(/inviata\.html/), page.click(selectors.submit)]);
    assert.deepEqual(await stores(page), EMPTY, 'nothing stored after the submission');

    const foreign = requests.filter((url) => {
      const u = new URL(url);
      return !['data:', 'blob:'].includes(u.protocol) && u.origin !== site.origin;
    });
    assert.deepEqual(foreign, [], 'every request stayed on the page’s origin');
    assert.ok(requests.some((u) => u.endsWith('/pkg/instrada_bg.wasm')), 'the wasm was fetched from the origin');
    // The list of places (issue 15): a static file of the package, nothing of the person in
    // the request (no query), fetched once.
    const places = requests.filter((u) => new URL(u).pathname.endsWith('instrada-places.txt'));
    assert.deepEqual([...new Set(places)], [`${site.origin}/pkg/instrada-places.txt`], 'the list of places, once, as it is');
    // The built-in profiles and titolari, the same way.
    const catalog = requests.filter((u) => new URL(u).pathname.endsWith('instrada-catalog.txt'));
    assert.deepEqual([...new Set(catalog)], [`${site.origin}/pkg/instrada-catalog.txt`], 'the profiles and titolari, once, as they are');
    // The console: no typed value, in any form a message could carry it.
    const said = messages.map((m) => m.text).join('\n');
    for (const value of [TYPED.cf, TYPED.matricola, 'RSSMRA', '2026/004512', 'avviso bonario', 'San Giuliano']) {
      assert.equal(said.toLowerCase().includes(value.toLowerCase()), false, `the console holds "${value}":\n${said}`);
    }
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await context.close();
  });
}
