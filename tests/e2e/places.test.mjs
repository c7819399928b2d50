// The list of places as a file of the package (issue 15): instrada-places.txt is fetched after
// start-up and read in place. Until it is there a codice fiscale is still checked (structure,
// date, check character, that the place code exists) and says that the name is on its way;
// `await ready()` gives the complete answers, as before the split; a missing file (404)
// degrades to "place name unavailable" with a note, never to an error on a valid code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, useSite } from './harness.mjs';
import { TODAY } from './widget-helpers.mjs';

const ROOT = new URL('../../', import.meta.url);
const CODE = 'RSSMRA85T10A562S';

/** The check character of the first 15 characters of a codice fiscale (DM 23/12/1976). */
function checkChar(first15) {
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i];
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? odd[v] : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** A fresh instance of the package's module in Node (a query string makes a new one). */
async function fresh(tag) {
  const m = await import(new URL(`pkg/instrada.js?${tag}`, ROOT));
  m.initSync({ module: readFileSync(new URL('pkg/instrada_bg.wasm', ROOT)) });
  return m;
}

test('Node: checked while the list is on its way, complete once ready() resolves', async () => {
  const m = await fresh('ready');
  const before = m.checkCodiceFiscale(CODE, { today: TODAY });
  assert.equal(before.valid, true, JSON.stringify(before));
  assert.deepEqual(before.errors, []);
  assert.equal(before.person.placeCode, 'A562');
  assert.equal(before.person.birthDate, '1985-12-10');
  assert.equal('placeName' in before.person, false);
  assert.deepEqual(before.infos.map((f) => f.code), ['cf.place-name-pending']);
  // A place code the registry does not have is known without the file (A030 does not exist).
  const unknown = 'RSSMRA85T10A030';
  const wrong = m.checkCodiceFiscale(unknown + checkChar(unknown), { today: TODAY });
  assert.equal(wrong.valid, false);
  assert.ok(wrong.errors.some((f) => f.code === 'cf.place-unknown'), JSON.stringify(wrong.errors));
  // A wrong check character is an error whether or not the list is there.
  assert.equal(m.checkCodiceFiscale('RSSMRA85T10A562T', { today: TODAY }).valid, false);

  assert.equal(await m.ready(), true);
  assert.equal(await m.ready(), true, 'later calls resolve too');
  const after = m.checkCodiceFiscale(CODE, { today: TODAY });
  assert.deepEqual(after, {
    valid: true,
    normalized: CODE,
    kind: 'person',
    errors: [],
    warnings: [],
    person: { birthDate: '1985-12-10', sex: 'M', placeCode: 'A562', placeName: 'San Giuliano Terme', province: 'PI', omocode: false },
  });
  assert.equal(m.preloadPlaces(), true);
});

test('Node: a missing file resolves ready() to false and degrades to "place name unavailable"', async () => {
  const m = await fresh('missing');
  const warned = [];
  const warn = console.warn;
  console.warn = (...args) => warned.push(args.map(String).join(' '));
  try {
    assert.equal(await m.ready({ url: new URL('pkg/no-such-file.txt', ROOT) }), false);
  } finally {
    console.warn = warn;
  }
  assert.equal(warned.length, 1, warned.join('\n'));
  assert.match(warned[0], /instrada-places\.txt.*could not be loaded/);
  const r = m.checkCodiceFiscale(CODE, { today: TODAY, lang: 'en' });
  assert.equal(r.valid, true);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.infos.map((f) => f.code), ['cf.place-name-unavailable']);
  assert.match(r.infos[0].message, /place's name is unavailable/);
  // The file's text handed over directly still loads it.
  const text = readFileSync(new URL('pkg/instrada-places.txt', ROOT), 'utf8');
  assert.equal(await m.ready({ text }), true);
  assert.equal(m.checkCodiceFiscale(CODE, { today: TODAY }).person.placeName, 'San Giuliano Terme');
  // A text of another build of the data is refused.
  const other = await fresh('other');
  console.warn = () => {};
  try {
    assert.equal(await other.ready({ text: text.replace('@registry-date 2026-02-21', '@registry-date 2027-01-01') }), false);
  } finally {
    console.warn = warn;
  }
});

const site = useSite();

test('Chromium: ready() in a page loads the file next to the module', async () => {
  const { context, page, foreign } = await openPage(site.browser, site.origin);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url())));
  await page.goto(`${site.origin}/inviata.html`);
  const out = await page.evaluate(async ([code, today]) => {
    const m = await import('/pkg/instrada.js');
    await m.default({ module_or_path: '/pkg/instrada_bg.wasm' });
    const before = m.checkCodiceFiscale(code, { today });
    const ready = await m.ready();
    return { before, ready, after: m.checkCodiceFiscale(code, { today }) };
  }, [CODE, TODAY]);
  assert.equal(out.before.valid, true);
  assert.equal(out.before.person.placeName, undefined);
  assert.equal(out.ready, true);
  assert.equal(out.after.person.placeName, 'San Giuliano Terme');
  const file = requests.filter((u) => u.pathname.endsWith('/instrada-places.txt'));
  assert.deepEqual(file.map((u) => u.pathname + u.search), ['/pkg/instrada-places.txt'], 'fetched once, nothing of the person in the request');
  assert.deepEqual(foreign, []);
  await context.close();
});

test('Chromium: the widget writes the decoded line again when the names arrive', async () => {
  const { context, page, foreign, console: messages } = await openPage(site.browser, site.origin);
  // The file arrives late: the code is typed before it.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/instrada-places.txt', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.origin}/index.html?oggi=${TODAY}&profilo=torino`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  await page.fill('#cf', CODE);
  await page.waitForFunction(() => document.getElementById('richiesta').textContent.includes('A562 (nome del luogo in arrivo)'));
  assert.equal(await page.getAttribute('#richiesta', 'data-instrada-places'), null, 'nothing said while the file is on its way');
  release();
  await page.waitForFunction(() => document.getElementById('richiesta').textContent.includes('San Giuliano Terme (PI)'));
  assert.equal(await page.getAttribute('#richiesta', 'data-instrada-places'), 'ready');
  assert.notEqual(await page.locator('#cf').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(foreign, []);
  assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror' || m.type === 'warning'), []);
  await context.close();
});

test('Chromium: the file missing (404) degrades to "place name unavailable", never an error', async () => {
  const { context, page, foreign, console: messages } = await openPage(site.browser, site.origin);
  await page.route('**/instrada-places.txt', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${site.origin}/index.html?oggi=${TODAY}&profilo=torino`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  await page.fill('#cf', CODE);
  await page.waitForFunction(() => document.getElementById('richiesta').textContent.includes('A562 (nome del luogo non disponibile)'));
  assert.equal(await page.getAttribute('#richiesta', 'data-instrada-places'), 'unavailable');
  // Leaving the field shows its messages: none is an error for this valid code.
  await page.locator('#cf').blur();
  assert.notEqual(await page.locator('#cf').getAttribute('aria-invalid'), 'true');
  const warnings = messages.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /instrada-places\.txt.*could not be loaded.*HTTP 404/);
  // The console says nothing of the person.
  assert.equal(warnings[0].includes(CODE), false);
  // Chromium's own line for the 404 is the only error in the console.
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
  assert.deepEqual(errors.filter((m) => !/^Failed to load resource: .* 404/.test(m.text)), []);
  assert.deepEqual(foreign, []);
  await context.close();
});
