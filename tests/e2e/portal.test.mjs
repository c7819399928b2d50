// A portal's own form (www/portal.html), written as a portal would: its own field names and
// option values (DM, ART, COM, SOLL, CASSA), its own check of a mandate checkbox, saved drafts
// put back into the form. Driven like a person (and like the portal's integrator), every state
// checked with axe and saved under test-results/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './harness.mjs';
import { checkState, errors, focused, TODAY } from './widget-helpers.mjs';

const site = useSite();

/** Opens the portal page with `?oggi=` and the given parameters, at `width` px. */
async function openPortal(params = {}, width = 1100) {
  // An Italian browser: the date fields read day, month, year.
  const opened = await openPage(site.browser, site.origin, { locale: 'it-IT' });
  const query = new URLSearchParams({ oggi: TODAY, ...params });
  await opened.page.setViewportSize({ width, height: 900 });
  await opened.page.goto(`${site.origin}/portal.html?${query}`);
  await opened.page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  await catalogArrived(opened.page);
  return opened;
}

/**
 * Waits until the widget has checked the portal's form again with the package's lazy files
 * (the profiles and titolari, the list of places): what it says on the form.
 */
function catalogArrived(page) {
  return page.waitForSelector('#pratica[data-instrada-catalog=ready][data-instrada-places=ready]', { state: 'attached' });
}

/** The visible text the widget shows after a control (errors, warnings, guidance). */
function shownAfter(page, selector) {
  return page.$eval(selector, (control) => {
    const out = [];
    for (let e = control.nextElementSibling; e && /instrada-/.test(e.className); e = e.nextElementSibling) {
      const message = /instrada-(error|warning|guidance)/.test(e.className);
      if (message && !e.hidden) out.push(e.textContent.replace(/\s+/g, ' ').trim());
    }
    return out.join(' | ');
  });
}

/** Every value of the portal's named controls: { name: value }. */
function values(page) {
  return page.$eval('#pratica', (f) =>
    Object.fromEntries([...f.elements].filter((e) => e.name).map((e) => [e.name, e.type === 'checkbox' ? e.checked : e.value])),
  );
}

/** instrada's console warnings. */
function integratorWarnings(consoleMessages) {
  return consoleMessages.filter((m) => m.type === 'warning' && m.text.startsWith('instrada:')).map((m) => m.text);
}

test("the portal's own values are mapped; an unknown one is told on the console, never to the person", async () => {
  const { context, page, console, foreign } = await openPortal();
  await checkState(page, 'portal-clean');
  // ART and COM (the `values` option) both mean artigiani e commercianti; DM (the option's
  // data-instrada-value) aziende con dipendenti: the channel follows each.
  for (const [value, words] of [['ART', 'artigiani'], ['COM', 'artigiani'], ['DM', 'aziende']]) {
    await page.selectOption('#gest', value);
    const channel = (await page.textContent('.instrada-channel')).toLowerCase();
    assert.ok(channel.includes(words), `${value}: the channel of ${words}: ${channel}`);
    assert.equal(await shownAfter(page, '#gest'), '', `${value}: nothing under the field`);
  }
  assert.deepEqual(integratorWarnings(console), [], 'no warning for mapped values');

  // CASSA is not a gestione instrada knows: nothing on the page, one line on the console.
  await page.selectOption('#gest', 'CASSA');
  await page.selectOption('#gest', 'DM');
  await page.selectOption('#gest', 'CASSA');
  assert.equal(await shownAfter(page, '#gest'), '');
  assert.equal(await page.isVisible('.instrada-channel'), false, 'the checks that need the gestione are silent');
  const told = integratorWarnings(console);
  assert.equal(told.length, 1, `once per field and value: ${told}`);
  assert.match(told[0], /"CASSA" of the gestione field/);
  assert.match(told[0], /data-instrada-value/);
  // A submission: the summary lists what is missing, never the unknown gestione.
  await page.click('button[type=submit]');
  const summary = await page.textContent('.instrada-summary');
  assert.doesNotMatch(summary, /gestione|CASSA/i, summary);
  assert.equal(await page.getAttribute('#gest', 'aria-invalid'), null);
  await checkState(page, 'portal-unknown-value');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors(console), []);
  await context.close();
});

test('a saved draft with «Non specificato» over an avviso bonario is warned on load, without errors', async () => {
  const { context, page, console } = await openPortal({ bozza: 'avviso' });
  // On load: as soon as the profiles have arrived, without the person acting.
  const warning = await shownAfter(page, '#ogg');
  assert.match(warning, /Avvisi bonari/, `the warning on load: ${warning}`);
  assert.equal(await page.$$eval('[aria-invalid=true]', (es) => es.length), 0, 'no error before the person acts');
  assert.equal(await page.$('.instrada-summary'), null);
  await checkState(page, 'portal-draft-on-load');
  // The same draft put back after the widget attached, with refresh(): the same warning.
  await page.goto(`${site.origin}/portal.html?oggi=${TODAY}`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  await catalogArrived(page);
  assert.equal(await shownAfter(page, '#ogg'), '');
  await page.click('#riprendi-bozza');
  assert.match(await shownAfter(page, '#ogg'), /Avvisi bonari/, 'refresh() reviews the draft');
  assert.deepEqual(errors(console), []);
  await context.close();
});

test('update() switches sede, language and profile keeping every value and every warning', async () => {
  const { context, page, console } = await openPortal({ bozza: 'avviso' });
  await page.fill('#dt_invio', '2026-11-27');
  await page.dispatchEvent('#dt_invio', 'change');
  const before = await values(page);
  const national = await page.textContent('.instrada-timeline');
  // The sede, a field of the portal's form: Milano Nord keeps Sant'Ambrogio (7 December).
  await page.selectOption('#sede_inps', 'milano-nord');
  assert.match(await shownAfter(page, '#sede_inps'), /Sant'Ambrogio/);
  const milano = await page.textContent('.instrada-timeline');
  assert.notEqual(milano, national, 'the dates follow the sede');
  const withSede = await values(page);
  await checkState(page, 'portal-sede');

  // English, through the portal's own language switch (widget.update({ lang })).
  await page.selectOption('#portale-lingua', 'en');
  assert.deepEqual(await values(page), withSede, 'every value kept');
  const english = await shownAfter(page, '#ogg');
  assert.match(english, /Avvisi bonari/);
  assert.match(english, /specific object|generic/i, `the warning said again in English: ${english}`);
  assert.match(await shownAfter(page, '#sede_inps'), /Saint Ambrose/);
  await checkState(page, 'portal-english');

  // The API itself: today, then back to Italian; nothing typed moves.
  await page.evaluate(() => window.pratica.widget.update({ today: '2026-11-23', lang: 'it' }));
  assert.deepEqual(await values(page), withSede);
  assert.match(await shownAfter(page, '#ogg'), /Hai scelto/);
  // Another profile: its own sedi (Milano Nord is not Torino's), every other value kept.
  await page.selectOption('#portale-profilo', 'torino');
  const torino = await values(page);
  assert.deepEqual(torino, { ...before, sede_inps: '' });
  assert.ok((await page.$$eval('#sede_inps option', (os) => os.map((o) => o.textContent))).includes('Agenzia complessa Moncalieri'));
  assert.match(await shownAfter(page, '#ogg'), /Avvisi bonari/, 'the warning stays');
  await checkState(page, 'portal-torino');
  assert.deepEqual(errors(console), []);
  await context.close();
});

test('a sollecito of a request left without an answer reaches level B, addresses on the page', async () => {
  const { context, page, console } = await openPortal({ bozza: 'sollecito' });
  assert.equal(await page.inputValue('#sede_inps'), 'milano-nord');
  assert.equal(await page.inputValue('#tipo_rich'), 'SOLL');
  // Shown once the profiles have arrived (at idle after interactive).
  await page.waitForSelector('.instrada-channel:not([hidden])');
  const channel = await page.textContent('.instrada-channel');
  // Protocollo di Milano 2018, § 2 B: the manager of the agency (Milano Nord).
  assert.match(channel, /Giusep\.carbone@inps\.it/, channel);
  const timeline = await page.textContent('.instrada-timeline');
  assert.match(timeline, /Giusep\.carbone@inps\.it/);
  // The dates are the first request's (sent 01/10/2026): its answer due 7 working days later,
  // level B the day after, and the whole process 20 working days from the first contact
  // (Milano §2 A, B, E), not from the sollecito (20/11/2026).
  for (const date of ['12/10/2026', '13/10/2026', '29/10/2026']) assert.ok(timeline.includes(date), `${date} in ${timeline}`);
  await checkState(page, 'portal-sollecito-level-b');
  // Answered but not exhaustively: another outcome, still the portal's own value.
  await page.selectOption('#esito', 'INC');
  assert.equal(await shownAfter(page, '#esito'), '');
  assert.deepEqual(integratorWarnings(console), []);
  assert.deepEqual(errors(console), []);
  await context.close();
});

test("keyboard only: a portal's form completed and sent, its own checkbox checked by its own script", async () => {
  const { context, page, console } = await openPortal();
  await page.focus('#cod_fisc');
  await page.keyboard.type('RSSMRA85T10A562S');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'matr');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'gest');
  await page.keyboard.press('ArrowDown'); // DM
  assert.equal(await page.inputValue('#gest'), 'DM');
  // The channel panel's one control: «Perché?», closed.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Perché?');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'sede_inps');
  await page.keyboard.press('ArrowDown'); // the first sede
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'tipo_rich');
  // Past the sollecito's date (its day, month and year are stops of their own) and outcome.
  for (let i = 0; i < 8 && (await focused(page)) !== 'testo'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'testo');
  await page.keyboard.type("Contestazione dell'avviso bonario n. 2026/004512 sui contributi di marzo 2026.");
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'ogg');
  await page.keyboard.type('Avvisi bonari');
  // Through the picker's controls to the date and the checkbox.
  for (let i = 0; i < 8 && (await focused(page)) !== 'dt_invio'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'dt_invio');
  // The date of sending is left empty: the widget counts from today, as the portal would.
  // Past the dates' «Perché?» and the .ics button.
  for (let i = 0; i < 7 && (await focused(page)) !== 'consenso'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'consenso');
  // Enter without the mandate: the portal's own message, the page stays.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.match(page.url(), /portal\.html/);
  assert.equal(await page.isVisible('#consenso-errore'), true, "the portal's own message");
  assert.equal(await page.$('.instrada-summary'), null, `instrada found nothing to stop: ${await page.textContent('.instrada-summary').catch(() => '')}`);
  await checkState(page, 'portal-keyboard-mandate');
  await page.focus('#consenso');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForURL(/inviata\.html/), page.keyboard.press('Enter')]);
  const sent = new URL(page.url()).searchParams;
  assert.equal(sent.get('gest'), 'DM', "the portal's own value is what is sent");
  assert.equal(sent.get('ogg'), 'Avvisi bonari');
  assert.deepEqual(errors(console), []);
  await context.close();
});

test('375 px wide, in English: the draft warned, nothing wider than the screen, axe clean', async () => {
  const { context, page, console } = await openPortal({ bozza: 'avviso', lingua: 'en' }, 375);
  assert.match(await shownAfter(page, '#ogg'), /Avvisi bonari/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  await checkState(page, 'portal-375-english');
  await page.fill('#testo', '');
  await page.click('button[type=submit]');
  assert.equal(await page.textContent('.instrada-summary h2'), 'There is a problem');
  await checkState(page, 'portal-375-english-summary');
  assert.deepEqual(errors(console), []);
  await context.close();
});
