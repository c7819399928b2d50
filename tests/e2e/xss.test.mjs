// Cross-site scripting (issue 7): the widget writes text into the page only as text nodes and
// attribute values, never as markup. Classic payloads are typed into every field of the demo
// pages (the portal's own form enhanced with attach, and the form mount builds), the fields
// are left, the form submitted, the suggestions accepted; and a portal-supplied profile
// (loadProfile) carries the same payloads in its names, texts, notes and labels. Nothing may
// execute, no element or handler may be injected, and each payload must show literally where
// the widget shows it.
//
// The demo pages have a Content-Security-Policy that would stop inline handlers by itself;
// the browser context bypasses it (`bypassCSP`), and a canary proves that an injected handler
// would run, so this test can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, useSite } from './harness.mjs';
import { TODAY } from './widget-helpers.mjs';

const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '"><svg onload=window.__xss=1>',
  "'><script>window.__xss=1</script>",
  'javascript:window.__xss=1',
  '${alert(1)}',
  "{{constructor.constructor('window.__xss=1')()}}",
  '</textarea><script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">x</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
  '<style>@import "x"</style><math><mtext><img src=x onerror=window.__xss=1>',
];
const ALL = PAYLOADS.join(' ');

const site = useSite();

/** Opens a demo page with the CSP bypassed, records dialogs, and proves handlers would run. */
async function open(path, params = {}) {
  const opened = await openPage(site.browser, site.origin, { bypassCSP: true });
  const { page } = opened;
  opened.dialogs = [];
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.setViewportSize({ width: 1100, height: 900 });
  const query = new URLSearchParams({ oggi: TODAY, ...params });
  await page.goto(`${site.origin}/${path}?${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  // The canary: markup written with innerHTML does run here (CSP bypassed), so the widget's
  // text nodes are what keeps the payloads inert.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<img src="data:," onerror="window.__canary=1" onload="window.__canary=1">';
    document.body.append(probe);
    window.__probe = probe;
  });
  await page.waitForFunction(() => window.__canary === 1);
  await page.evaluate(() => window.__probe.remove());
  // What the page holds before the widget sees any payload: elements that could run code.
  opened.before = await dangerous(page);
  return opened;
}

/** Elements and attributes that could run code, as "tag attr" strings. */
function dangerous(page) {
  return page.evaluate(() => {
    const out = [];
    for (const e of document.querySelectorAll('*')) {
      const tag = e.tagName.toLowerCase();
      if (['script', 'svg', 'img', 'iframe', 'object', 'embed', 'math', 'style', 'base'].includes(tag)) {
        out.push(`${tag}${e.id ? '#' + e.id : ''} ${e.getAttribute('src') ?? ''}`);
      }
      for (const a of e.attributes) {
        if (/^on/i.test(a.name)) out.push(`${tag}[${a.name}]`);
        if (['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href'].includes(a.name) && /^\s*javascript:/i.test(a.value)) {
          out.push(`${tag}[${a.name}=${a.value}]`);
        }
      }
    }
    return out;
  });
}

/** Asserts nothing ran and nothing that could run was added. */
async function assertInert(opened, where) {
  const { page, dialogs } = opened;
  assert.equal(await page.evaluate(() => window.__xss), undefined, `${where}: a payload ran`);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(await dangerous(page), opened.before, `${where}: elements or handlers that could run code were added`);
}

/** Types `text` into a text control (as a paste), then leaves it with Tab. */
async function type(page, selector, text) {
  await page.click(selector);
  await page.fill(selector, '');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Tab');
}

/** Clicks every "Usa …" button on display, once each (their set changes as they are used). */
async function acceptSuggestions(page) {
  for (let i = 0; i < 10; i++) {
    const buttons = await page.$$('.instrada-use:visible');
    if (buttons.length === 0) return i;
    await buttons[0].click();
  }
  return 10;
}

/** The widget's own texts on display (messages, guidance, panels, picker, summary). */
function widgetText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.instrada-error, .instrada-warning, .instrada-guidance, .instrada-panel, .instrada-picker, .instrada-summary')]
      .map((e) => e.textContent)
      .join('\n'),
  );
}

test('payloads typed into every field of the portal form (attach): nothing runs, the text shows literally', async () => {
  const opened = await open('index.html', { profilo: 'milano' });
  const { page, context, foreign } = opened;
  for (const payload of PAYLOADS) {
    for (const selector of ['#cf', '#matricola', '#descrizione', '#oggetto']) await type(page, selector, payload);
    await page.selectOption('#gestione', 'aziende-dm');
    // The picker's own search box, then a choice in the picker.
    await type(page, '.instrada-picker input[type=search]', payload);
    await page.fill('.instrada-picker input[type=search]', '');
    await page.click('button[type=submit]');
    assert.match(page.url(), /index\.html/, 'the submission with errors was stopped');
    await acceptSuggestions(page);
    await assertInert(opened, `index.html, ${payload}`);
  }
  // A payload around a real code: the code's message quotes what was typed, as text.
  await type(page, '#cf', `RSSMRA85T10A562S${PAYLOADS[0]}`);
  const cfText = await page.textContent('#cf ~ .instrada-error');
  assert.ok(cfText.length > 0, 'the codice fiscale has an error on display');
  // The description proposes objects; accepting one writes a titolario label, not markup.
  await type(page, '#descrizione', `Avviso bonario n. 2026/004512 ${ALL}`);
  await page.selectOption('.instrada-picker select', 'Avvisi bonari');
  assert.equal(await page.inputValue('#oggetto'), 'Avvisi bonari');
  // What was typed stays as typed: the value holds the payloads byte for byte.
  assert.equal(await page.inputValue('#descrizione'), `Avviso bonario n. 2026/004512 ${ALL}`);
  // An object that is not in the titolario: the message quotes what was typed, as text.
  await type(page, '#oggetto', PAYLOADS[0]);
  await page.click('button[type=submit]');
  const text = await widgetText(page);
  assert.ok(text.includes(PAYLOADS[0]), `the typed object is quoted literally:\n${text.slice(0, 1500)}`);
  await assertInert(opened, 'index.html, after accepting');
  assert.deepEqual(foreign, []);
  await context.close();
});

test('payloads typed into every field of the mounted form, the e-mail fields included', async () => {
  // Siena, committenti della Gestione separata: the route is an institutional e-mail, so the
  // mounted form shows the subject and the recipient.
  const opened = await open('mount.html', { profilo: 'siena' });
  const { page, context, foreign } = opened;
  await page.selectOption('[data-instrada-field=gestione]', 'committenti-gs');
  await page.waitForSelector('[data-instrada-field=oggetto-email]:visible');
  for (const payload of PAYLOADS) {
    for (const field of ['codice-fiscale', 'matricola', 'descrizione', 'oggetto-email', 'destinatario']) {
      await type(page, `[data-instrada-field="${field}"]`, payload);
    }
    // Siena lists no objects for this cassetto: the picker shows only where it has a list.
    if (await page.isVisible('.instrada-picker input[type=search]')) {
      await type(page, '.instrada-picker input[type=search]', payload);
      await page.fill('.instrada-picker input[type=search]', '');
    }
    await page.click('.instrada-submit');
    assert.match(page.url(), /mount\.html/, 'the submission with errors was stopped');
    await acceptSuggestions(page);
    await assertInert(opened, `mount.html, ${payload}`);
  }
  // The recipient's message names what was typed; it shows as text.
  await type(page, '[data-instrada-field=destinatario]', PAYLOADS[1]);
  await page.click('.instrada-submit');
  await assertInert(opened, 'mount.html, after the last submission');
  assert.equal(await page.inputValue('[data-instrada-field=destinatario]'), PAYLOADS[1]);
  assert.deepEqual(foreign, []);
  await context.close();
});

/**
 * The full example profile of docs/profile-schema.md (the one the test suite loads), with
 * every text a person sees carrying the payloads.
 */
function hostileProfile() {
  const doc = readFileSync(new URL('../../docs/profile-schema.md', import.meta.url), 'utf8');
  const json = doc.match(/```json\n([\s\S]*?)\n```/)[1];
  const profile = JSON.parse(json);
  profile.id = 'portale-xss';
  // Keys whose strings are shown to people (texts are { it, en }).
  const shown = new Set(['it', 'en', 'issuer', 'title', 'reference', 'name', 'purpose', 'label', 'where', 'when', 'role', 'why']);
  const walk = (value, key) => {
    if (typeof value === 'string') return shown.has(key) ? `${value} ${ALL}` : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(profile, '');
}

test('a portal-supplied profile full of payloads: loaded, shown as text, nothing runs', async () => {
  const opened = await open('index.html', { profilo: 'milano' });
  const { page, context, foreign } = opened;
  const profile = hostileProfile();
  const loaded = await page.evaluate(async (p) => {
    const m = await import('/pkg/instrada.js');
    // A portal's profile is checked against the built-ins: wait for their file.
    await m.ready();
    return m.loadProfile(JSON.stringify(p));
  }, profile);
  assert.equal(loaded.ok, true, JSON.stringify(loaded.errors ?? loaded).slice(0, 2000));
  // The portal chooses its profile: the demo's profile select gets it and re-attaches.
  await page.evaluate(() => {
    const select = document.getElementById('demo-profilo');
    select.append(new Option('Portale', 'portale-xss'));
    select.value = 'portale-xss';
    select.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => document.getElementById('richiesta').dataset.instrada === 'portale-xss');
  await page.waitForSelector('form[data-instrada-attached]');
  const cases = [
    ['aziende-dm', 'comunicazione'],
    ['aziende-dm', 'durc'],
    ['committenti-gs', 'sollecito'],
    ['artigiani-commercianti', 'appuntamento'],
    ['dipendenti-pubblici', 'comunicazione'],
  ];
  let shown = '';
  for (const [gestione, tipo] of cases) {
    await page.selectOption('#gestione', gestione);
    await page.selectOption('#tipo', tipo);
    await type(page, '#descrizione', `Richiesta di chiarimenti ${PAYLOADS[0]}`);
    await page.click('button[type=submit]');
    await acceptSuggestions(page);
    shown += await widgetText(page);
    await assertInert(opened, `portal profile, ${gestione}/${tipo}`);
  }
  // The profile's texts reached the page, and as text: a payload shows literally.
  assert.ok(shown.includes(PAYLOADS[0]), `a payload of the profile is on display as text:\n${shown.slice(0, 1500)}`);
  assert.ok(shown.includes(PAYLOADS[1]));
  // The .ics download carries the profile's texts too; it is a file, not markup in the page.
  await assertInert(opened, 'portal profile, at the end');
  assert.deepEqual(foreign, []);
  await context.close();
});
