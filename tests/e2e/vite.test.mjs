// A portal's Vite app using the packed package (issue 14, "Package"): `npm pack` of pkg/,
// installed offline into a fresh project under test-results/vite-app/, imported by name
// (`instrada/widget`, `instrada`, `instrada/instrada.css`), built by Vite (the project's dev
// dependency), served from its dist/ and loaded in headless Chromium under a strict Content
// Security Policy. The bundle must find the wasm file (the glue's and the wrapper's
// `new URL('instrada_bg.wasm', import.meta.url)`, which Vite turns into an asset) and the
// widget must enhance the portal's form. No network: every request stays on the loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { installPackage, launch, openPage, screenshot, serve } from './harness.mjs';

const APP = new URL('../../test-results/vite-app/', import.meta.url).pathname;
const DIST = join(APP, 'dist');

// The portal's page: its own form, its own script, the CSP the README asks for.
const page = (script) => `<!doctype html>
<html lang="it">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'">
  <link rel="icon" href="data:,">
  <title>Portale: richiesta all'INPS</title>
</head>
<body>
  <main>
    <h1>Richiesta all'INPS</h1>
    <form id="richiesta" action="/invia" method="post">
      <label for="cf">Codice fiscale del contribuente</label>
      <input id="cf" name="cf" autocomplete="off" data-instrada-field="codice-fiscale">
      <button type="submit">Invia</button>
    </form>
    <p id="stato"></p>
  </main>
  <script type="module" src="./${script}"></script>
</body>
</html>
`;

// The portal's scripts: the widget and the core API from the package, by name, one module.
// main.js lets the widget load the module (the wrapper's URL of the wasm); core.js starts the
// core first, as the README's "JavaScript API" shows (the glue's URL), and the widget shares it.
const REPORT = `  // The list of places is a file of the package, fetched after start-up (issue 15).
  if (widget) await ready();
  const person = widget ? checkCodiceFiscale('RSSMRA85T10A562S', { today: '2026-11-20' }).person : undefined;
  const stato = document.getElementById('stato');
  stato.dataset.ready = widget ? 'yes' : 'no';
  stato.dataset.version = version();
  stato.dataset.place = person?.placeName ?? '';`;
const SCRIPTS = {
  'main.js': `import { attach, version } from 'instrada/widget';
import { checkCodiceFiscale, ready } from 'instrada';
import 'instrada/instrada.css';

attach(document.getElementById('richiesta'), { today: '2026-11-20' }).then(async (widget) => {
${REPORT}
});
`,
  'core.js': `import init, { checkCodiceFiscale, ready } from 'instrada';
import { attach, version } from 'instrada/widget';
import 'instrada/instrada.css';

await init();
const widget = await attach(document.getElementById('richiesta'), { today: '2026-11-20' });
${REPORT}
`,
};
const PAGES = { 'index.html': 'main.js', 'core.html': 'core.js' };

let site;
let browser;
let built;

before(async () => {
  installPackage(APP);
  for (const [name, text] of Object.entries(SCRIPTS)) writeFileSync(join(APP, name), text);
  for (const [name, script] of Object.entries(PAGES)) writeFileSync(join(APP, name), page(script));
  const input = Object.fromEntries(Object.keys(PAGES).map((name) => [name.replace('.html', ''), join(APP, name)]));
  built = await build({
    root: APP,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: DIST, emptyOutDir: true, rollupOptions: { input } },
  });
  site = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.stop();
});

test('Vite bundles the packed package: the wasm becomes an asset the bundle points to', () => {
  assert.ok(built, 'vite build returned');
  const assets = readdirSync(join(DIST, 'assets'));
  const wasm = assets.find((f) => /^instrada_bg-.*\.wasm$/.test(f));
  assert.ok(wasm, `a wasm asset in ${assets.join(', ')}`);
  assert.deepEqual(readFileSync(join(DIST, 'assets', wasm)), readFileSync(join(APP, 'node_modules/instrada/instrada_bg.wasm')));
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(DIST, 'assets', f), 'utf8')).join('\n');
  assert.ok(js.includes(wasm), 'the bundle refers to the hashed wasm asset');
  // The list of places too (src/bindings/places.js's `new URL('../../../../instrada-places.txt', import.meta.url)`).
  const places = assets.find((f) => /^instrada-places-.*\.txt$/.test(f));
  assert.ok(places, `the list of places is an asset in ${assets.join(', ')}`);
  assert.ok(js.includes(places), 'the bundle refers to the hashed list of places');
  // And the built-in profiles and titolari, the same way.
  const catalog = assets.find((f) => /^instrada-catalog-.*\.txt$/.test(f));
  assert.ok(catalog, `the profiles and titolari are an asset in ${assets.join(', ')}`);
  assert.ok(js.includes(catalog), 'the bundle refers to the hashed profiles and titolari');
  const css = assets.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(DIST, 'assets', f), 'utf8')).join('\n');
  assert.match(css, /\.instrada-/, "the widget's stylesheet is in the bundle's CSS");
  for (const name of Object.keys(PAGES)) assert.ok(existsSync(join(DIST, name)), name);
});

for (const [name, script] of Object.entries(PAGES)) test(`the Vite-built ${name} (${script}) loads the module and enhances the portal form, with no foreign request`, async () => {
  const { context, page, foreign, console: messages } = await openPage(browser, site.origin);
  const wasmResponses = [];
  const failed = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasmResponses.push({ url: r.url(), status: r.status() });
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${site.origin}/${name}`);
  const stato = page.locator('#stato');
  await page.locator('#stato[data-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await stato.getAttribute('data-ready'), 'yes', JSON.stringify(messages));
  assert.match(await stato.getAttribute('data-version'), /^\d+\.\d+\.\d+/);
  // The core API imported by name shares the module the wrapper loaded.
  assert.equal(await stato.getAttribute('data-place'), 'San Giuliano Terme');

  // A person types a codice fiscale: the widget decodes it under the field.
  await page.locator('#cf').pressSequentially('RSSMRA85T10A562S');
  await page.waitForFunction(() => /San Giuliano Terme/.test(document.getElementById('richiesta').textContent));
  assert.match(await page.locator('#richiesta').textContent(), /Nato il 10\/12\/1985 a San Giuliano Terme \(PI\)/);
  // The widget's stylesheet, imported by name, applies: its custom properties are set.
  const css = readFileSync(join(APP, 'node_modules/instrada/instrada.css'), 'utf8');
  const errorColor = css.match(/--instrada-error-color:\s*([^;]+);/)?.[1];
  assert.ok(errorColor, 'instrada.css declares --instrada-error-color');
  const applied = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--instrada-error-color').trim());
  assert.equal(applied, errorColor);

  assert.equal(wasmResponses.length, 1, JSON.stringify(wasmResponses));
  assert.match(wasmResponses[0].url, /\/assets\/instrada_bg-[^/]*\.wasm$/);
  assert.equal(wasmResponses[0].status, 200);
  assert.deepEqual(foreign, [], 'every request is for the app itself');
  assert.deepEqual(failed, [], 'every request was answered');
  assert.deepEqual(
    messages.filter((m) => m.type === 'error' || m.type === 'pageerror' || m.type === 'warning'),
    [],
    'no error, CSP violation or warning in the console',
  );
  await screenshot(page, `vite-app-${name.replace('.html', '')}`);
  await context.close();
});
