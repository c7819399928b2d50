// The built-in profiles and titolari as a file of the package (issue 15): instrada-catalog.txt
// is fetched after start-up, like the list of places. Until it is there, every function that
// needs them answers `catalog.data-pending` (never an "unknown profile"); `await ready()`
// gives the complete answers, as before the split; a missing file (404) degrades to
// `catalog.data-unavailable` with one console warning, and the form still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, useSite } from './harness.mjs';
import { TODAY } from './widget-helpers.mjs';

const ROOT = new URL('../../', import.meta.url);
const CODE = 'RSSMRA85T10A562S';
const FACTS = { profile: 'torino', gestione: 'aziende-dm', kind: 'comunicazione', date: TODAY, description: 'avviso bonario' };
const PORTAL = JSON.stringify({
  id: 'portale-e2e',
  inherits: ['nazionale'],
  name: { it: 'Portale', en: 'Portal' },
  territory: { it: 'Prova', en: 'Test' },
  effective: { from: '2020-01-01' },
  document: { file: 'portale.pdf', title: 'Portale' },
});

/** A fresh instance of the package's module in Node (a query string makes a new one). */
async function fresh(tag) {
  const m = await import(new URL(`pkg/instrada.js?${tag}`, ROOT));
  m.initSync({ module: readFileSync(new URL('pkg/instrada_bg.wasm', ROOT)) });
  return m;
}

/** What the functions that need the built-ins answer, in a form easy to compare. */
function answers(m) {
  return {
    route: m.route(FACTS),
    review: m.review({ ...FACTS, channel: 'cassetto', object: 'Non specificato' }),
    timeline: m.timeline({ profile: 'torino', sent: TODAY, today: TODAY }),
    catalog: m.catalog('torino', { date: TODAY }),
    titolari: m.titolari(),
    titolario: m.titolario('aziende-dm-torino-2017'),
    suggest: m.suggestObjects('torino', 'aziende-dm', 'avviso bonario', {}),
    suggestIn: m.suggestObjectsIn('aziende-dm-torino-2017', 'avviso bonario', {}),
  };
}

const codes = (r) => (r.findings ?? r.errors ?? []).map((f) => f.code);

test('Node: pending answers before ready(), the complete ones after', async () => {
  const m = await fresh('pending');
  const before = answers(m);
  for (const [name, r] of Object.entries(before)) {
    assert.ok(codes(r).includes('catalog.data-pending'), `${name}: ${JSON.stringify(r).slice(0, 400)}`);
    assert.equal(codes(r).some((c) => /unknown-profile|unknown-titolario/.test(c)), false, name);
  }
  const pending = before.route.findings.find((f) => f.code === 'catalog.data-pending');
  assert.equal(pending.severity, 'warning');
  assert.match(pending.message, /ready\(\)/);
  assert.deepEqual(m.profiles(), [], 'no built-in profile listed yet');
  const loaded = m.loadProfile(PORTAL);
  assert.equal(loaded.ok, false);
  assert.deepEqual(codes(loaded), ['catalog.data-pending']);
  // Nothing to export yet: the pending finding says why, not "no dated entry".
  const ics = m.timelineIcs({ profile: 'torino', sent: TODAY, today: TODAY });
  assert.equal(ics.ics ?? null, null);
  assert.deepEqual(codes(ics), ['catalog.data-pending']);
  // The codice fiscale does not need the file.
  assert.equal(m.checkCodiceFiscale(CODE, { today: TODAY }).valid, true);

  assert.equal(await m.ready(), true);
  const after = answers(m);
  for (const [name, r] of Object.entries(after)) {
    assert.equal(codes(r).some((c) => c.startsWith('catalog.data-')), false, `${name}: ${JSON.stringify(r).slice(0, 400)}`);
  }
  assert.equal(after.route.ok, true, JSON.stringify(after.route.findings));
  assert.equal(after.catalog.ok, true);
  assert.equal(after.titolari.titolari.length, 9);
  assert.ok(after.suggest.suggestions.length > 0);
  assert.ok(m.profiles().some((p) => p.id === 'torino'));
  // A portal's profile is now checked against the built-ins (this one lacks rules: refused
  // for that, not for the file).
  assert.equal(codes(m.loadProfile(PORTAL)).some((c) => c.startsWith('catalog.data-')), false);
  // The same answers as a module given the file's text directly: the file is the data.
  const other = await fresh('text');
  const text = readFileSync(new URL('pkg/instrada-catalog.txt', ROOT), 'utf8');
  assert.equal(await other.ready({ catalogText: text }), true);
  assert.deepEqual(answers(other), after);
});

test('Node: a missing file resolves ready() to false and answers catalog.data-unavailable', async () => {
  const m = await fresh('missing');
  const warned = [];
  const warn = console.warn;
  console.warn = (...args) => warned.push(args.map(String).join(' '));
  try {
    assert.equal(await m.ready({ catalogUrl: new URL('pkg/no-such-file.txt', ROOT) }), false);
  } finally {
    console.warn = warn;
  }
  assert.equal(warned.length, 1, warned.join('\n'));
  assert.match(warned[0], /instrada-catalog\.txt.*could not be loaded/);
  const r = m.route({ ...FACTS, lang: 'en' });
  assert.equal(r.ok, false);
  const f = r.findings.find((x) => x.code === 'catalog.data-unavailable');
  assert.ok(f, JSON.stringify(r.findings));
  assert.match(f.message, /instrada-catalog\.txt/);
  assert.equal(m.checkCodiceFiscale(CODE, { today: TODAY }).valid, true);
  // A text of another build of the data is refused.
  const other = await fresh('other');
  const text = readFileSync(new URL('pkg/instrada-catalog.txt', ROOT), 'utf8');
  console.warn = () => {};
  try {
    assert.equal(await other.ready({ catalogText: text.replace('"torino"', '"turin"') }), false);
  } finally {
    console.warn = warn;
  }
});

const site = useSite();

test('Chromium: the widget fetches the file once after interactive and shows the channel when it arrives', async () => {
  const { context, page, foreign, console: messages } = await openPage(site.browser, site.origin);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url())));
  // The file arrives late: the form is used before it.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/instrada-catalog.txt', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.origin}/index.html?oggi=${TODAY}&profilo=torino`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  await page.fill('#cf', CODE);
  await page.waitForFunction(() => document.getElementById('richiesta').textContent.includes('San Giuliano Terme (PI)'));
  // Attaching does not need the file: the profile's sedi are listed at once.
  assert.ok((await page.locator('#sede option').count()) > 1, 'the sedi listed before the profiles arrive');
  await page.selectOption('#gestione', 'aziende-dm');
  assert.equal(await page.locator('.instrada-channel:not([hidden])').count(), 0, 'no channel before the profiles arrive');
  assert.equal(await page.getAttribute('#richiesta', 'data-instrada-catalog'), null, 'nothing said while the file is on its way');
  release();
  await page.waitForSelector('.instrada-channel:not([hidden])');
  // The form says when the widget has checked it again with the file (what a script waits for).
  await page.waitForSelector('#richiesta[data-instrada-catalog=ready]');
  const file = requests.filter((u) => u.pathname.endsWith('/instrada-catalog.txt'));
  assert.deepEqual(file.map((u) => u.pathname + u.search), ['/pkg/instrada-catalog.txt'], 'fetched once, nothing of the person in the request');
  assert.deepEqual(foreign, []);
  assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror' || m.type === 'warning'), []);
  await context.close();
});

test('Chromium: the file missing (404) is one warning, and the form still works', async () => {
  const { context, page, foreign, console: messages } = await openPage(site.browser, site.origin);
  await page.route('**/instrada-catalog.txt', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${site.origin}/index.html?oggi=${TODAY}&profilo=torino`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  await page.fill('#cf', CODE);
  await page.waitForFunction(() => document.getElementById('richiesta').textContent.includes('San Giuliano Terme (PI)'));
  await page.locator('#cf').blur();
  assert.notEqual(await page.locator('#cf').getAttribute('aria-invalid'), 'true');
  // The form says the file could not be had once the widget has checked it again without.
  await page.waitForSelector('#richiesta[data-instrada-catalog=unavailable]');
  const warnings = () => messages.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.equal(warnings().length, 1, warnings().join('\n'));
  assert.match(warnings()[0], /instrada-catalog\.txt.*could not be loaded.*HTTP 404/);
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
  assert.deepEqual(errors.filter((m) => !/^Failed to load resource: .* 404/.test(m.text)), []);
  // The person is told once, at the gestione, that no channel, object or date will come,
  // and the form stays usable (the gestione is a choice like any other, not an error).
  await page.selectOption('#gestione', 'aziende-dm');
  const note = page.locator('text=Canale, oggetto e scadenze non sono disponibili');
  await note.first().waitFor();
  assert.equal(await note.count(), 1);
  assert.notEqual(await page.locator('#gestione').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.instrada-channel:not([hidden])').count(), 0);
  assert.deepEqual(foreign, []);
  await context.close();
});
