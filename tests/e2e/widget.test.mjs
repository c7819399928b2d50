// The widget enhancing a portal's own form (www/index.html, Bootstrap Italia), driven like a
// person: typing, pasting, tabbing, clicking, submitting. Every state is checked with axe and
// saved as a screenshot under test-results/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { screenshot, useSite } from './harness.mjs';
import {
  checkState,
  descriptions,
  errors,
  focused,
  openDemo,
  recordEvents,
  recordedEvents,
  summaryLinks,
} from './widget-helpers.mjs';

const site = useSite();

const AVVISO =
  "Contestazione dell'avviso bonario n. 2026/004512 sui contributi di marzo 2026: il versamento risulta effettuato con F24 del 16/04/2026.";

test('submitting the empty form: summary first and focused, same text inline, links focus the fields', async () => {
  const { context, page, foreign, console } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  await checkState(page, 'widget-index-clean');
  await recordEvents(page);

  await page.click('button[type=submit]');
  assert.match(page.url(), /index\.html/, 'the submission was stopped');
  assert.equal(await page.textContent('.instrada-summary h2'), "C'è un problema");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('instrada-summary')), true, 'focus on the summary');
  assert.equal(await page.evaluate(() => document.querySelector('form').firstElementChild.classList.contains('instrada-summary')), true, 'summary at the top of the form');
  assert.deepEqual(await summaryLinks(page), [
    { text: 'Inserisci il codice fiscale del contribuente', href: '#cf' },
    { text: 'Scegli la gestione del contribuente', href: '#gestione' },
    { text: 'Descrivi la richiesta', href: '#descrizione' },
    { text: "Scegli l'oggetto della comunicazione", href: '#oggetto' },
    { text: 'Inserisci la data di invio', href: '#data-invio' },
  ]);
  // Inline: after the label and hint, the same words, announced as an error.
  assert.deepEqual(await descriptions(page, '#cf'), [
    '16 caratteri per le persone, 11 cifre per aziende ed enti.',
    'Errore: Inserisci il codice fiscale del contribuente',
  ]);
  assert.equal(await page.getAttribute('#cf', 'aria-invalid'), 'true');
  assert.equal(await page.$eval('#cf', (e) => e.classList.contains('is-invalid')), true);
  assert.equal(await page.$eval('#matricola', (e) => e.getAttribute('aria-invalid')), null, 'the optional matricola is not in error');
  // The portal's own Constraint Validation API tells the same story.
  assert.equal(await page.$eval('#richiesta', (f) => f.checkValidity()), false);
  assert.equal(await page.$eval('#descrizione', (e) => e.validationMessage), 'Descrivi la richiesta');
  const events = await recordedEvents(page);
  assert.deepEqual(events.map((e) => e.type), ['instrada:invalid']);
  assert.equal(events[0].valid, false);
  assert.ok(events[0].findings.some((f) => f.code === 'field.required' && f.field === 'codice-fiscale'));
  await checkState(page, 'widget-index-errors');

  // A summary link moves the focus to its field (and keeps the URL).
  await page.click('.instrada-summary a[href="#descrizione"]');
  assert.equal(await focused(page), 'descrizione');
  await page.keyboard.type('Richiesta di chiarimenti');
  // Fixed while typing: the error goes away at once, from the field and from the summary.
  assert.equal(await page.getAttribute('#descrizione', 'aria-invalid'), null);
  assert.equal((await summaryLinks(page)).some((l) => l.href === '#descrizione'), false);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors(console), []);
  await context.close();
});

test('a wrong codice fiscale: the right message inline and in the summary, whose link focuses the field', async () => {
  const { context, page, foreign, console } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  await page.click('#cf');
  await page.keyboard.type('BNCGLI90A41F205V'); // the check character should be H
  assert.equal(await page.getAttribute('#cf', 'aria-invalid'), null, 'nothing said while typing');
  await page.keyboard.press('Tab');
  // The message's own words; the proposals follow on their own lines, the first the code
  // with the check character the message names (issue 14).
  const inline = await page.textContent('#cf ~ .instrada-error .instrada-line');
  assert.match(inline, /^Errore: L'ultimo carattere, di controllo, dovrebbe essere «H» e non «V»/);
  assert.equal(await page.textContent('#cf ~ .instrada-error button'), 'Usa «BNCGLI90A41F205H»');
  await page.click('button[type=submit]');
  const link = (await summaryLinks(page)).find((l) => l.href === '#cf');
  assert.equal(`Errore: ${link.text}`, inline, 'the same words in the summary');
  await screenshot(page, 'widget-index-cf-error');
  await page.click('.instrada-summary a[href="#cf"]');
  assert.equal(await focused(page), 'cf');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors(console), []);
  await context.close();
});

test('a correct codice fiscale is decoded while typed; a pasted one with spaces is offered, never rewritten', async () => {
  const { context, page, foreign } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  await page.click('#cf');
  await page.keyboard.type('RSSMRA85T10A562S');
  // Live guidance, before leaving the field (the place's name as soon as the list of places,
  // fetched after start-up, is there).
  await page.waitForFunction(() => document.getElementById('richiesta').textContent.includes('San Giuliano Terme (PI)'));
  assert.ok((await descriptions(page, '#cf')).includes('Nato il 10/12/1985 a San Giuliano Terme (PI).'));
  await page.fill('#cf', '');
  await page.keyboard.insertText('bncgli 90a41 f205h'); // a paste
  const said = await descriptions(page, '#cf');
  assert.ok(said.some((d) => d.startsWith('Nata il 01/01/1990 a Milano (MI).')), said.join(' | '));
  assert.equal(await page.inputValue('#cf'), 'bncgli 90a41 f205h', 'what was typed stays');
  await checkState(page, 'widget-index-cf-decoded');
  await page.click('text=Usa «BNCGLI90A41F205H»');
  assert.equal(await page.inputValue('#cf'), 'BNCGLI90A41F205H');
  assert.equal(await focused(page), 'cf');
  assert.equal(await page.isVisible('text=Usa «BNCGLI90A41F205H»'), false);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('an error waits until the person leaves the field they changed', async () => {
  const { context, page, foreign } = await openDemo(site.browser, site.origin);
  await page.focus('#descrizione');
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  assert.equal(await page.isVisible('#descrizione ~ .instrada-error'), false, 'no accusation while typing');
  await page.keyboard.press('Tab');
  assert.equal(await page.textContent('#descrizione ~ .instrada-error'), 'Errore: Descrivi la richiesta');
  assert.equal(await page.getAttribute('#descrizione', 'aria-invalid'), 'true');
  // No summary before a submission.
  assert.equal(await summaryLinks(page), null);
  // A field only visited (focused and left unchanged) stays quiet.
  await page.focus('#cf');
  await page.keyboard.press('Tab');
  assert.equal(await page.getAttribute('#cf', 'aria-invalid'), null);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('«Non Specificato» for an avviso bonario: «Avvisi bonari» proposed, and once accepted the warning goes', async () => {
  const { context, page, foreign, console } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  await page.selectOption('#gestione', 'aziende-dm');
  await page.click('#descrizione');
  await page.keyboard.type(AVVISO);
  // Live guidance: the picker lists the proposal first, while the description is typed.
  const suggested = await page.$$eval('.instrada-picker select optgroup.instrada-suggested option', (os) => os.map((o) => o.textContent));
  assert.match(suggested[0], /^Avvisi bonari \(Recupero del credito\)/);

  await page.click('#oggetto');
  await page.keyboard.type('Non Specificato');
  await page.keyboard.press('Tab');
  const warning = await page.textContent('#oggetto ~ .instrada-warning');
  // The review's words (crate::review, Torino §2.1): the specific object, why, and the price.
  assert.match(warning, /^Avviso: Hai scelto «Non Specificato», ma per questa richiesta c'è un oggetto specifico: «Avvisi bonari» \(parole trovate: .*«avviso bonario».*\)\. Con l'oggetto generico la risposta non ha tempi garantiti/);
  assert.equal(await page.getAttribute('#oggetto', 'aria-invalid'), null, 'a warning is not an error');
  assert.ok((await descriptions(page, '#oggetto')).some((d) => d.startsWith('Avviso: Hai scelto')));
  await checkState(page, 'widget-index-warning');

  await page.click('text=Usa «Avvisi bonari»');
  assert.equal(await page.inputValue('#oggetto'), 'Avvisi bonari');
  assert.equal(await page.isVisible('#oggetto ~ .instrada-warning'), false);
  assert.equal((await descriptions(page, '#oggetto')).some((d) => d.startsWith('Avviso:')), false);
  assert.equal(await focused(page), 'oggetto', 'the focus stays on the field that changed');
  assert.equal(await page.inputValue('.instrada-picker select'), 'Avvisi bonari', 'the picker follows');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors(console), []);
  await context.close();
});

test('a warning never blocks the submission', async () => {
  const { context, page, foreign } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  await page.fill('#cf', 'RSSMRA85T10A562S');
  await page.selectOption('#gestione', 'aziende-dm');
  await page.fill('#descrizione', AVVISO);
  await page.fill('#oggetto', 'Non Specificato');
  await page.fill('#data-invio', '2026-11-20');
  await page.focus('#richiesta button[type=submit]');
  assert.ok(await page.isVisible('#oggetto ~ .instrada-warning'));
  await Promise.all([page.waitForURL(/inviata\.html\?/), page.click('button[type=submit]')]);
  assert.match(page.url(), /oggetto=Non\+Specificato/);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('the object picker: searchable, grouped by classe, thresholds and removed objects marked', async () => {
  const { context, page } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'emilia-romagna' });
  await page.selectOption('#gestione', 'aziende-dm');
  const groups = await page.$$eval('.instrada-picker select optgroup', (gs) => gs.map((g) => g.label));
  assert.ok(groups.includes('Recupero del credito'), groups.join(', '));
  // Emilia Romagna 2019 (001): "Avvisi bonari" has a threshold; "Gestione separata" is an old object.
  const options = await page.$$eval('.instrada-picker select option', (os) => os.map((o) => ({ text: o.textContent, disabled: o.disabled })));
  assert.ok(options.some((o) => /^Avvisi bonari — \d+ giorni lavorativi$/.test(o.text) && !o.disabled), 'threshold shown');
  assert.ok(options.some((o) => /^Gestione separata — /.test(o.text) && o.disabled), 'removed object marked and disabled');
  // Searching narrows the list and says how many are left.
  await page.click('.instrada-picker input[type=search]');
  await page.keyboard.type('avvisi');
  const visible = await page.$$eval('.instrada-picker select option[data-instrada-search]:not([hidden])', (os) => os.map((o) => o.value));
  assert.ok(visible.includes('Avvisi bonari') && visible.every((v) => /avvis/i.test(v)), visible.join(', '));
  assert.match(await page.textContent('.instrada-picker [role=status]'), /^\d+ oggetti nell'elenco\.$/);
  // Enter in the search box does not submit the form.
  await page.keyboard.press('Enter');
  assert.match(page.url(), /index\.html/);
  // Choosing in the picker writes the label into the portal's input.
  await page.selectOption('.instrada-picker select', 'Avvisi bonari');
  assert.equal(await page.inputValue('#oggetto'), 'Avvisi bonari');
  await context.close();
});

test('Emilia Romagna eliminated «Non Specificato»: an error that blocks, with the proposal to apply', async () => {
  const { context, page } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'emilia-romagna' });
  await page.selectOption('#gestione', 'aziende-dm');
  await page.fill('#descrizione', AVVISO);
  await page.fill('#oggetto', 'Non Specificato');
  await page.click('button[type=submit]');
  const links = await summaryLinks(page);
  const link = links.find((l) => l.href === '#oggetto');
  assert.match(link.text, /^L'oggetto generico «Non Specificato» è stato eliminato da questo titolario: scegli l'oggetto specifico della richiesta\. Oggetto che corrisponde alla descrizione: «Avvisi bonari»/);
  assert.equal(await page.textContent('#oggetto ~ .instrada-error .instrada-line'), `Errore: ${link.text}`);
  await page.click('#oggetto ~ .instrada-error button');
  assert.equal(await page.inputValue('#oggetto'), 'Avvisi bonari');
  assert.equal(await page.getAttribute('#oggetto', 'aria-invalid'), null);
  await context.close();
});

test('the timeline: the dates for a fixed day with their reasons, and the .ics download', async () => {
  const { context, page, foreign, console } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  await page.selectOption('#gestione', 'aziende-dm');
  await page.fill('#oggetto', 'Avvisi bonari');
  await page.fill('#data-invio', '2026-11-20'); // a Friday
  const dates = await page.$$eval('.instrada-timeline li.instrada-date', (ls) =>
    ls.map((l) => [l.querySelector('time')?.getAttribute('datetime'), l.textContent]),
  );
  // Torino §2.6 A: 7 working days; §2.6 E: 20 working days, the Immacolata (8/12) not counted.
  // A line each; the rule and the arithmetic behind «Perché?».
  assert.deepEqual(dates[0], ['2026-12-01', "Risposta dell'INPS entro 01/12/2026"]);
  const process = dates.find(([, text]) => text.startsWith("Fine dell'intero processo"));
  assert.equal(process[0], '2026-12-21');
  const why = await page.textContent('.instrada-timeline details.instrada-why');
  assert.match(why, /Risposta dell'INPS: .*7 giorni lavorativi/);
  assert.match(why, /Immacolata Concezione \(08\/12\/2026\)/);
  assert.match(why, /Calendario: /);
  await checkState(page, 'widget-index-timeline');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.instrada-ics')]);
  assert.equal(download.suggestedFilename(), 'scadenze-inps-torino-2026-11-20.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20261201\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20261221\r\n/);
  assert.deepEqual(foreign, [], 'the file is made in the page');
  assert.deepEqual(errors(console), []);
  await context.close();
});

test('the channel panel follows the gestione; the generic object has no guaranteed date', async () => {
  const { context, page } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  assert.equal(await page.isVisible('.instrada-channel'), false, 'nothing to say before the gestione');
  await page.selectOption('#gestione', 'aziende-dm');
  assert.match(await page.textContent('.instrada-channel .instrada-channel-headline'), /^Comunicazione bidirezionale/);
  assert.match(await page.textContent('.instrada-channel'), /Regola: Torino .*§ 2\.1/);
  await page.fill('#oggetto', 'Non Specificato');
  await page.fill('#data-invio', '2026-11-20');
  const first = await page.$eval('.instrada-timeline li', (l) => l.textContent);
  assert.equal(first, "Risposta dell'INPS: nessuna data garantita");
  assert.match(await page.textContent('.instrada-timeline details.instrada-why'), /nessuna data è garantita/);
  await context.close();
});

test('keyboard only: from the first field to a submitted request', async () => {
  const { context, page, foreign } = await openDemo(site.browser, site.origin, 'index.html', { profilo: 'torino' });
  await page.focus('#cf');
  await page.keyboard.type('RSSMRA85T10A562S');
  await page.keyboard.press('Tab'); // matricola (optional)
  await page.keyboard.press('Tab'); // gestione
  assert.equal(await focused(page), 'gestione');
  await page.keyboard.press('ArrowDown'); // the first gestione: Aziende con dipendenti (DM)
  assert.equal(await page.inputValue('#gestione'), 'aziende-dm');
  // Past the channel panel (its one control: «Perché?», closed) and the optional sede to the
  // kind of request, left as it is.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Perché?');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'sede');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'tipo');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'descrizione');
  await page.keyboard.type('Sollecito del rimborso F24 a credito del mese di marzo');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'oggetto');
  await page.keyboard.press('Tab'); // the picker's search box
  await page.keyboard.type('rimborsi');
  await page.keyboard.press('Tab'); // the picker's select
  await page.keyboard.press('ArrowDown');
  const chosen = await page.inputValue('#oggetto');
  assert.match(chosen, /^Rimborsi/, `the picker wrote ${chosen}`);
  // On to the date, past the picker's elements, and send with Enter.
  await page.focus('#data-invio');
  await page.keyboard.type('11202026');
  assert.equal(await page.inputValue('#data-invio'), '2026-11-20');
  await Promise.all([page.waitForURL(/inviata\.html\?/), page.keyboard.press('Enter')]);
  assert.match(page.url(), /gestione=aziende-dm/);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('English: the same pattern, every word in English', async () => {
  const { context, page } = await openDemo(site.browser, site.origin, 'index.html', { lingua: 'en' });
  await page.click('button[type=submit]');
  assert.equal(await page.textContent('.instrada-summary h2'), 'There is a problem');
  assert.equal((await summaryLinks(page))[0].text, "Enter the contributor's codice fiscale");
  assert.equal(await page.textContent('#cf ~ .instrada-error'), "Error: Enter the contributor's codice fiscale");
  await checkState(page, 'widget-index-errors-en');
  await context.close();
});

test('switching profile updates in place: one set of messages, one picker, the summary kept', async () => {
  const { context, page, console } = await openDemo(site.browser, site.origin);
  await page.click('button[type=submit]');
  for (const p of ['torino', 'siena', 'emilia-romagna', 'milano']) await page.selectOption('#demo-profilo', p);
  await page.selectOption('#gestione', 'aziende-dm');
  assert.equal(await page.$$eval('.instrada-picker', (ps) => ps.length), 1);
  assert.equal(await page.$$eval('.instrada-error', (es) => es.length), await page.$$eval('[data-instrada-field]', (fs) => fs.length));
  // What the submission showed stays on display, said with the new profile's rules.
  assert.equal(await page.$$eval('.instrada-summary', (s) => s.length), 1, 'one summary');
  assert.ok((await summaryLinks(page)).some((l) => l.href === '#cf'), 'the summary still lists the codice fiscale');
  assert.deepEqual(errors(console), []);
  await context.close();
});
