// Data safety (issue 7): what the person typed survives every widget action. Values are typed
// into every field, then each action runs (leaving fields, a blocked validation, a suggestion
// accepted for another field, detach, attach again, a language switch, a profile switch, and
// for the mounted form its rebuild): after each, every field the action was not about holds
// exactly what was typed, byte for byte, and the field a suggestion is for changes only on the
// click that accepts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, useSite } from './harness.mjs';
import { TODAY } from './widget-helpers.mjs';

const site = useSite();

/** What a person types: odd spacing, emoji, right-to-left marks, quotes: kept as they are. */
const TYPED = {
  cf: 'rss mra 85t10 a562s',
  matricola: ' 4912345678 ',
  gestione: 'aziende-dm',
  // The sede is left unchosen here: its options are the profile's, and the profile changes.
  sede: '',
  tipo: 'sollecito',
  descrizione:
    "  Contestazione dell'avviso bonario n. 2026/004512  sui contributi di marzo 2026 🇮🇹 \u200F«versati» con F24 del 16/04/2026.  ",
  oggetto: 'Non Specificato',
  'data-invio': '2026-11-20',
};

/** The values of the named controls of `form`, disabled ones included: { name: value }. */
function snapshot(page, form = 'form[data-instrada-attached], #richiesta') {
  return page.$eval(form, (f) => Object.fromEntries([...f.elements].filter((e) => e.name).map((e) => [e.name, e.value])));
}

/** Asserts that only the fields in `changed` differ from `before`, and how. */
function assertOnly(before, after, changed, action) {
  const expected = { ...before, ...changed };
  assert.deepEqual(after, expected, `after "${action}" the fields are not what was typed`);
}

/** Types into a text control as a person would (a paste), and leaves it. */
async function type(page, selector, text) {
  await page.click(selector);
  await page.fill(selector, '');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Tab');
}

/**
 * index.html with the demo's own script replaced by nothing: the test is the portal, and
 * holds the widget (window.__widget) to detach and attach it.
 */
async function portalPage() {
  const opened = await openPage(site.browser, site.origin);
  const { page } = opened;
  await page.route('**/app.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'export {};' }));
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${site.origin}/index.html`);
  await attach(page, { profile: 'milano', lang: 'it' });
  return opened;
}

/** Detaches the current widget (if any) and attaches a new one with `options`. */
async function attach(page, options) {
  const ok = await page.evaluate(
    async ([options, today]) => {
      const { attach } = await import('/pkg/instrada-widget.js');
      window.__widget?.detach();
      window.__widget = await attach(document.getElementById('richiesta'), { ...options, today });
      return window.__widget !== undefined;
    },
    [options, TODAY],
  );
  assert.equal(ok, true, 'attached');
}

test('the portal form (attach): typed values survive every action; a suggestion changes only its field, on click', async () => {
  const { context, page, console: messages } = await portalPage();
  await type(page, '#cf', TYPED.cf);
  await type(page, '#matricola', TYPED.matricola);
  await page.selectOption('#gestione', TYPED.gestione);
  await page.selectOption('#tipo', TYPED.tipo);
  await type(page, '#descrizione', TYPED.descrizione);
  await type(page, '#oggetto', TYPED.oggetto);
  await page.fill('#data-invio', TYPED['data-invio']);
  await page.keyboard.press('Tab');
  let before = await snapshot(page);
  assert.deepEqual(before, TYPED, 'typing and leaving each field rewrote nothing');

  // Guidance and warnings offer values; nothing is applied until clicked.
  await page.waitForSelector('text=Usa «RSSMRA85T10A562S»');
  const offers = await page.$$eval('.instrada-use', (bs) => bs.map((b) => [b.dataset.instradaTarget, b.dataset.instradaValue]));
  assert.ok(offers.length >= 1, 'at least one suggestion is offered');
  assert.deepEqual(await snapshot(page), before, 'offering changed nothing');

  // A validation (as a submission would, blocked or not) rewrites nothing.
  await page.evaluate(() => window.__widget.validate());
  assertOnly(before, await snapshot(page), {}, 'validate');

  // Accepting the codice fiscale's suggestion changes the codice fiscale only.
  await page.click('text=Usa «RSSMRA85T10A562S»');
  assertOnly(before, await snapshot(page), { cf: 'RSSMRA85T10A562S' }, 'accept the codice fiscale');
  before = await snapshot(page);

  // A suggestion for another field (the object, from the description or the review),
  // accepted with its button, or chosen in the picker: the object only.
  const forObject = await page.$('.instrada-use[data-instrada-target=oggetto]:visible');
  if (forObject) {
    const value = await forObject.getAttribute('data-instrada-value');
    await forObject.click();
    assertOnly(before, await snapshot(page), { oggetto: value }, 'accept the object');
  }
  await page.selectOption('.instrada-picker select', 'Avvisi bonari');
  assertOnly(before, await snapshot(page), { oggetto: 'Avvisi bonari' }, 'choose in the picker');
  before = await snapshot(page);

  // Detach: the portal's form as it was, values untouched; attach again: untouched.
  await page.evaluate(() => window.__widget.detach());
  assert.equal(await page.$$eval('.instrada-error, .instrada-guidance, .instrada-picker, .instrada-panel', (es) => es.length), 0, 'detached');
  assertOnly(before, await snapshot(page, '#richiesta'), {}, 'detach');
  await attach(page, { profile: 'milano', lang: 'it' });
  assertOnly(before, await snapshot(page), {}, 'attach again');

  // Language switch and profile switches (detach, then attach with other options).
  await attach(page, { profile: 'milano', lang: 'en' });
  assertOnly(before, await snapshot(page), {}, 'switch to English');
  for (const profile of ['torino', 'siena', 'emilia-romagna', 'milano']) {
    await attach(page, { profile, lang: 'it' });
    assertOnly(before, await snapshot(page), {}, `switch to profile ${profile}`);
  }
  // update(): the same settings changed in place.
  for (const options of [{ lang: 'en' }, { profile: 'torino' }, { today: '2026-12-01' }, { profile: 'milano', lang: 'it' }]) {
    await page.evaluate((o) => window.__widget.update(o), options);
    assertOnly(before, await snapshot(page), {}, `update(${JSON.stringify(options)})`);
  }
  // Typing in one field never touches another.
  await type(page, '#descrizione', `${TYPED.descrizione} altro`);
  assertOnly(before, await snapshot(page), { descrizione: `${TYPED.descrizione} altro` }, 'type in the description');
  assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});

test('the demo page (index.html): its language and profile switches keep what was typed', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  await page.goto(`${site.origin}/index.html?oggi=${TODAY}&profilo=milano`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  await type(page, '#cf', TYPED.cf);
  await page.selectOption('#gestione', TYPED.gestione);
  await type(page, '#descrizione', TYPED.descrizione);
  await type(page, '#oggetto', TYPED.oggetto);
  const before = await snapshot(page, '#richiesta');
  for (const [select, value] of [['#demo-lingua', 'en'], ['#demo-profilo', 'torino'], ['#demo-profilo', 'siena'], ['#demo-lingua', 'it']]) {
    await page.selectOption(select, value);
    await page.waitForSelector('#richiesta[data-instrada-attached]');
    assertOnly(before, await snapshot(page, '#richiesta'), {}, `${select} → ${value}`);
  }
  await context.close();
});

test('the mounted form: language and profile switches rebuild it with every typed value, the e-mail fields included', async () => {
  const { context, page, console: messages } = await openPage(site.browser, site.origin);
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${site.origin}/mount.html?oggi=${TODAY}&profilo=milano`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  const f = (name) => `[data-instrada-field="${name}"]`;
  // The e-mail fields wait for a route by e-mail: Milano sends DURC matters by e-mail.
  assert.equal(await page.isVisible(f('oggetto-email')), false, 'no e-mail fields before the route asks for them');
  await type(page, f('codice-fiscale'), TYPED.cf);
  await type(page, f('matricola'), TYPED.matricola);
  await page.selectOption(f('gestione'), 'aziende-dm');
  await page.selectOption(f('tipo'), 'durc');
  await type(page, f('descrizione'), TYPED.descrizione);
  await page.waitForSelector(`${f('oggetto-email')}:visible`);
  assert.equal(await page.isVisible(f('destinatario')), true);
  await type(page, f('oggetto-email'), 'DURC  RSSMRA85T10A562S aziende 🇮🇹');
  await type(page, f('destinatario'), 'durc.milano@inps.it ');
  const before = await snapshot(page);
  assert.equal(before['oggetto-email'], 'DURC  RSSMRA85T10A562S aziende 🇮🇹');
  assert.equal(before.destinatario, 'durc.milano@inps.it ', 'the recipient as typed, its space too');
  assert.deepEqual(await axeViolations(page), [], 'the e-mail fields pass axe');
  assert.equal(before.descrizione, TYPED.descrizione);
  assert.equal(before['codice-fiscale'], TYPED.cf, 'nothing rewritten');

  // A suggestion for one field changes that field only, and only when clicked.
  const offer = await page.$('.instrada-use:visible');
  if (offer) {
    const [target, value] = [await offer.getAttribute('data-instrada-target'), await offer.getAttribute('data-instrada-value')];
    assert.deepEqual(await snapshot(page), before, 'offering changed nothing');
    await offer.click();
    assertOnly(before, await snapshot(page), { [target]: value }, `accept the suggestion for ${target}`);
    await page.evaluate(([sel, v]) => {
      const c = document.querySelector(sel);
      c.value = v;
      c.dispatchEvent(new Event('input', { bubbles: true }));
    }, [f(target), before[target]]);
  }
  assert.deepEqual(await snapshot(page), before);

  await page.selectOption('#demo-lingua', 'en');
  await page.waitForSelector('form[data-instrada-attached]');
  assertOnly(before, await snapshot(page), {}, 'switch to English');
  assert.equal(await page.isVisible(f('oggetto-email')), true, 'the e-mail fields are back with the route');
  // Torino handles DURC in the cassetto: the e-mail fields go (hidden, disabled, not
  // submitted) but keep what was typed, and come back with Milano.
  await page.selectOption('#demo-profilo', 'torino');
  await page.waitForSelector('form[data-instrada-attached]');
  assertOnly(before, await snapshot(page), {}, 'switch to Torino');
  assert.equal(await page.isVisible(f('oggetto-email')), false, 'no e-mail fields for the cassetto');
  assert.equal(await page.$eval(f('oggetto-email'), (e) => e.disabled), true);
  await page.selectOption('#demo-profilo', 'milano');
  await page.waitForSelector(`${f('oggetto-email')}:visible`);
  assertOnly(before, await snapshot(page), {}, 'back to Milano');
  assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});
