// The widget as a portal developer meets it: mount() in an empty element (www/mount.html),
// start() on a marked form under a strict Content-Security-Policy (www/embed.html), detach()
// leaving the page as it was, the events and findings(), and stepping aside when the module
// cannot be loaded. Nothing may leave the origin, nothing may be stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './harness.mjs';
import { checkState, errors, focused, openDemo, summaryLinks, TODAY } from './widget-helpers.mjs';

const site = useSite();

/** What a page keeps about the person: storage, cookies, databases. */
function stored(page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).length,
  }));
}

test('mount(): a complete, labelled, Bootstrap Italia form that submits its fields', async () => {
  const { context, page, foreign, console } = await openDemo(site.browser, site.origin, 'mount.html', { profilo: 'torino' });
  await checkState(page, 'widget-mount-clean');
  // Every control has a label; the date starts at "today".
  const unlabelled = await page.$$eval('#modulo form :is(input, select, textarea)', (cs) =>
    cs.filter((c) => !document.querySelector(`label[for="${c.id}"]`)).map((c) => c.outerHTML),
  );
  assert.deepEqual(unlabelled, []);
  assert.equal(await page.inputValue('[data-instrada-field="data-invio"]'), TODAY);

  await page.click('#modulo button[type=submit]');
  assert.deepEqual((await summaryLinks(page)).map((l) => l.text), [
    'Inserisci il codice fiscale del contribuente',
    'Scegli la gestione del contribuente',
    'Descrivi la richiesta',
    "Scegli l'oggetto della comunicazione",
  ]);
  await checkState(page, 'widget-mount-errors');

  await page.click('[data-sample="avviso-bonario"]');
  assert.ok(await page.isVisible('#modulo .instrada-warning:not([hidden])'));
  await checkState(page, 'widget-mount-warning');
  await page.click('#modulo .instrada-warning button');
  assert.equal(await page.inputValue('[data-instrada-field="oggetto"]'), 'Avvisi bonari');
  await Promise.all([page.waitForURL(/inviata\.html\?/), page.click('#modulo button[type=submit]')]);
  const sent = new URL(page.url()).searchParams;
  assert.equal(sent.get('codice-fiscale'), 'RSSMRA85T10A562S');
  assert.equal(sent.get('gestione'), 'aziende-dm');
  assert.equal(sent.get('oggetto'), 'Avvisi bonari');
  assert.equal(sent.get('data-invio'), TODAY);
  assert.equal(sent.has(''), false, "the picker's search box is not submitted");
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors(console), []);
  assert.deepEqual(await stored(page), { local: 0, session: 0, cookie: '', databases: 0 });
  await context.close();
});

test('mount() in English, and a rebuild per profile leaves one form', async () => {
  const { context, page } = await openDemo(site.browser, site.origin, 'mount.html', { lingua: 'en' });
  assert.equal(await page.textContent('#modulo label[for$="codice-fiscale"]'), "Contributor's codice fiscale");
  for (const p of ['torino', 'siena', 'emilia-romagna']) await page.selectOption('#demo-profilo', p);
  assert.equal(await page.$$eval('#modulo form', (fs) => fs.length), 1);
  await page.click('#modulo button[type=submit]');
  assert.equal(await page.textContent('.instrada-summary h2'), 'There is a problem');
  await checkState(page, 'widget-mount-errors-en');
  await context.close();
});

test('start() under a strict CSP: no violation, no inline code, nothing stored, nothing sent', async () => {
  const { context, page, foreign, console } = await openPage(site.browser, site.origin);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${site.origin}/embed.html`);
  await page.waitForSelector('form[data-instrada-attached]');
  await page.fill('#cf', 'rss mra 85t10 a562s');
  await page.selectOption('#gestione', 'aziende-dm');
  await page.fill('#descrizione', "Contestazione dell'avviso bonario n. 2026/004512");
  await page.fill('#oggetto', 'Avvisi bonari');
  await page.click('button[type=submit]');
  // The widget wrote no style attribute and no script into the page (checked before axe,
  // which adds its own).
  assert.equal(await page.$$eval('[style]', (es) => es.length), 0);
  assert.equal(await page.$$eval('script:not([src])', (es) => es.length), 0);
  await checkState(page, 'widget-embed-errors');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors(console), []);
  assert.deepEqual(await stored(page), { local: 0, session: 0, cookie: '', databases: 0 });
  await context.close();
});

test('detach() leaves the portal form exactly as it was, and its listeners are gone', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  await page.goto(`${site.origin}/embed.html`);
  await page.waitForSelector('form[data-instrada-attached]');
  const result = await page.evaluate(async () => {
    const { attach } = await import('./pkg/instrada-widget.js');
    const host = document.createElement('div');
    host.innerHTML = `<form id="p" class="portal" novalidate>
      <label for="p-cf">CF</label><input id="p-cf" class="form-control" aria-describedby="p-hint" data-instrada-field="codice-fiscale" required>
      <small id="p-hint" class="form-text">hint</small>
      <label for="p-g">Gestione</label><select id="p-g" data-instrada-field="gestione"><option value="">-</option><option value="aziende-dm">DM</option></select>
      <label for="p-o">Oggetto</label><select id="p-o" data-instrada-field="oggetto"><option value="">Scegli</option></select>
      <button>Invia</button></form>`;
    document.querySelector('main').append(host);
    const form = host.querySelector('form');
    form.addEventListener('submit', (e) => e.preventDefault());
    const before = host.innerHTML;
    const events = [];
    for (const t of ['instrada:change', 'instrada:invalid', 'instrada:valid']) form.addEventListener(t, (e) => events.push([t, e.detail.valid]));
    const widget = await attach(form, { profile: 'torino', today: '2026-11-20' });
    // The picker lists the titolario: a file of the package, fetched after start-up.
    await (await import('./pkg/instrada.js')).ready();
    const cf = form.querySelector('#p-cf');
    cf.value = 'RSSMRA85T10A562S';
    cf.dispatchEvent(new Event('input', { bubbles: true }));
    cf.value = '';
    cf.dispatchEvent(new Event('input', { bubbles: true }));
    const g = form.querySelector('#p-g');
    g.value = 'aziende-dm';
    g.dispatchEvent(new Event('change', { bubbles: true }));
    const options = form.querySelectorAll('#p-o option').length;
    form.requestSubmit();
    const during = { summary: !!form.querySelector('.instrada-summary'), findings: widget.findings().map((f) => f.code), valid: form.checkValidity() };
    widget.detach();
    const afterDetach = host.innerHTML;
    form.requestSubmit();
    cf.value = 'x';
    cf.dispatchEvent(new Event('input', { bubbles: true }));
    return { before, afterDetach, untouched: host.innerHTML === before, options, during, events, findingsAfter: widget.findings() };
  });
  assert.ok(result.options > 40, `the picker filled the portal's select (${result.options} options)`);
  // The codice fiscale is required; the object is not (for the portal), but the review says
  // the bidirezionale needs one.
  assert.deepEqual(result.during, { summary: true, findings: ['field.required', 'review.object-missing'], valid: false });
  assert.equal(result.afterDetach, result.before);
  assert.equal(result.untouched, true, 'no listener reacted after detach');
  // Typing a code, then clearing it, then choosing the gestione (the review now asks for an
  // object): three changes of the findings; then the blocked submission. Nothing after detach.
  assert.deepEqual(result.events, [
    ['instrada:change', true],
    ['instrada:change', false],
    ['instrada:change', false],
    ['instrada:invalid', false],
  ]);
  assert.deepEqual(result.findingsAfter, []);
  await context.close();
});

test('the summary link of a field the portal checks natively, and the portal keeps its own messages', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  await page.goto(`${site.origin}/embed.html`);
  await page.waitForSelector('form[data-instrada-attached]');
  await page.evaluate(() => {
    const extra = document.createElement('input');
    extra.type = 'email';
    extra.name = 'pec';
    extra.value = 'non-un-indirizzo';
    extra.setAttribute('aria-label', 'PEC');
    document.querySelector('form button[type=submit]').before(extra);
  });
  await page.click('button[type=submit]');
  const links = await summaryLinks(page);
  const native = links.at(-1);
  assert.match(native.href, /^#instrada-\d+-control-\d+$/, 'an id was given for the link');
  await page.click(`.instrada-summary a[href="${native.href}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.name), 'pec');
  await context.close();
});

for (const [what, fulfil] of [
  ['missing (404)', { status: 404, body: 'not found' }],
  ['broken (not WebAssembly)', { status: 200, contentType: 'application/wasm', body: 'garbage' }],
]) {
  test(`a ${what} wasm: the portal form submits as without the widget, one warning logged`, async () => {
    const { context, page, foreign, console } = await openPage(site.browser, site.origin);
    await page.route('**/*.wasm', (route) => route.fulfill(fulfil));
    await page.goto(`${site.origin}/embed.html`);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')));
    await page.waitForTimeout(200);
    assert.equal(await page.$('form[data-instrada-attached]'), null, 'not attached');
    await page.fill('#cf', 'RSSMRA85T10A562S');
    await page.selectOption('#gestione', 'aziende-dm');
    await page.fill('#descrizione', 'Contestazione avviso bonario');
    // The object is a plain field of the portal's (issue 16): it is filled without the
    // widget's picker.
    await page.fill('#oggetto', 'Avvisi bonari');
    await page.fill('#data-invio', TODAY);
    await Promise.all([page.waitForURL(/inviata\.html\?/), page.click('button[type=submit]')]);
    assert.match(page.url(), /cf=RSSMRA85T10A562S/);
    assert.match(page.url(), /oggetto=Avvisi\+bonari/);
    const warnings = console.filter((m) => m.type === 'warning' && m.text.startsWith('instrada:'));
    assert.equal(warnings.length, 1, JSON.stringify(console));
    assert.deepEqual(foreign, []);
    await context.close();
  });
}

test('the mount page without the module says so and offers no broken form', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${site.origin}/mount.html`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'unavailable');
  assert.match(await page.textContent('#stato-instrada'), /non sono disponibili/);
  assert.equal(await page.$('#modulo form'), null);
  await context.close();
});

test('keyboard: the summary is reachable and every widget control is in the tab order', async () => {
  const { context, page } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  await page.focus('#richiesta button[type=submit]');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('instrada-summary')), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#cf');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'cf');
  await context.close();
});
