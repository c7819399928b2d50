// The npm package as a portal installs it (issue 14, "Package"; issue 15, one package): packed
// from pkg/ and installed offline into a project under test-results/package-app/. It ships
// exactly the module, its glue and snippets, the widget's wrapper and stylesheet, their types,
// the integrator's README (docs/integrators.md and the README's API, CSP and licences) and the
// LICENSE with the ANPR attribution; `instrada/package.json`
// resolves; and the public results carry no maintainers' notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { installPackage } from './harness.mjs';

const APP = new URL('../../test-results/package-app/', import.meta.url).pathname;
const installed = installPackage(APP);
const require = createRequire(`${APP}index.js`);

test('the package ships the whole product, its types, README and LICENSE, and nothing else', () => {
  const shipped = readdirSync(installed, { recursive: true })
    .map(String)
    .filter((f) => statSync(`${installed}${f}`).isFile())
    .sort();
  const snippets = shipped.filter((f) => f.startsWith('snippets/'));
  assert.ok(snippets.length > 0 && snippets.every((f) => /^snippets\/instrada-[0-9a-f]+\/src\/[a-z]+\/[a-z_]+\.js$/.test(f)), snippets.join(', '));
  assert.deepEqual(shipped.filter((f) => !f.startsWith('snippets/')), [
    'LICENSE',
    'README.md',
    'instrada-catalog.txt',
    'instrada-places.txt',
    'instrada-widget.d.ts',
    'instrada-widget.js',
    'instrada.css',
    'instrada.d.ts',
    'instrada.js',
    'instrada_bg.wasm',
    'instrada_bg.wasm.d.ts',
    'package.json',
  ]);
});

test('the LICENSE is MIT, with the attribution the ANPR data needs (CC BY 4.0)', () => {
  const license = readFileSync(`${installed}LICENSE`, 'utf8');
  assert.match(license, /^MIT License/);
  assert.match(license, /ANPR/);
  assert.match(license, /Creative Commons Attribution 4\.0 International/);
  assert.match(license, /https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//);
  const manifest = JSON.parse(readFileSync(`${installed}package.json`, 'utf8'));
  assert.equal(manifest.license, 'MIT');
});

test("the README is the integrator's guide, with the API, the CSP and the data's licences", () => {
  const readme = readFileSync(`${installed}README.md`, 'utf8');
  assert.match(readme, /^# instrada\n/);
  // scripts/package.mjs builds it from docs/integrators.md (the fields, values, attributes and
  // options, checked against the code by tests/native/vocabulary.rs), its headings one level down.
  const guide = readFileSync(new URL('../../docs/integrators.md', import.meta.url), 'utf8');
  for (const heading of guide.split('\n').filter((l) => /^## /.test(l))) {
    assert.ok(readme.includes(`\n#${heading}\n`), `the guide's "${heading}" is in the package's README`);
  }
  assert.match(readme, /data-instrada-field/);
  assert.match(readme, /instrada\/widget/);
  // Then the repository README's JavaScript API, embedding and licences.
  assert.match(readme, /\n## JavaScript API\n[^]*checkCodiceFiscale/);
  assert.match(readme, /\n## Embedding[^]*'wasm-unsafe-eval'/);
  assert.match(readme, /\n## Data and licences\n[^]*ANPR[^]*CC BY 4\.0/);
});

test('instrada, instrada/widget, instrada/instrada.css and instrada/package.json resolve from the project', () => {
  for (const [name, file] of [
    ['instrada', 'instrada.js'],
    ['instrada/widget', 'instrada-widget.js'],
    ['instrada/instrada.css', 'instrada.css'],
    ['instrada/instrada_bg.wasm', 'instrada_bg.wasm'],
    ['instrada/package.json', 'package.json'],
  ]) {
    assert.equal(require.resolve(name), `${installed}${file}`, name);
  }
  assert.equal(require('instrada/package.json').name, 'instrada');
});

// The data files carry notes for their maintainers (how a patron day was verified, the
// keywords and weights of the object suggestions); none of them may reach a portal's result.
const INTERNAL = ['verified', 'keywords', 'keywordsFrom', 'strong', 'allOf', 'aliases'];

test('public results carry no internal notes (sedi, profiles, catalogs, titolari, route, review, timeline, …)', async () => {
  const m = await import(require.resolve('instrada'));
  m.initSync({ module: readFileSync(require.resolve('instrada/instrada_bg.wasm')) });
  // The profiles and titolari are a file of the package, read from its folder (issue 15).
  assert.equal(await m.ready(), true);
  const found = [];
  const walk = (value, path) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (INTERNAL.includes(k)) found.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
    }
  };
  const sedi = m.sedi();
  assert.ok(sedi.length > 20, `${sedi.length} sedi`);
  walk(sedi, 'sedi()');
  walk(m.sedi({ lang: 'en' }), "sedi({ lang: 'en' })");
  walk(m.profiles(), 'profiles()');
  for (const p of m.profiles()) walk(m.catalog(p.id), `catalog(${p.id})`);
  walk(m.titolari(), 'titolari()');
  for (const t of m.titolari().titolari) walk(m.titolario(t.id), `titolario(${t.id})`);
  walk(m.suggestObjects('milano', 'aziende-dm', 'avviso bonario contributi', {}), 'suggestObjects');
  walk(m.route({ profile: 'milano', gestione: 'aziende-dm', kind: 'sollecito' }), 'route');
  walk(m.review({ profile: 'milano', gestione: 'aziende-dm', kind: 'comunicazione', description: 'avviso bonario', object: 'Non Specificato' }), 'review');
  walk(m.timeline({ profile: 'milano', sent: '2026-11-20', today: '2026-11-21' }), 'timeline');
  walk(m.holidays(2026, { sede: 'milano' }), 'holidays');
  walk(m.checkCodiceFiscale('RSSMRA85T10A562T', { today: '2026-11-20' }), 'checkCodiceFiscale');
  assert.deepEqual(found, []);
  // The sede's patron day is still there, with what fixes it.
  const milano = sedi.find((s) => s.id === 'milano');
  assert.equal(milano?.fixedDay, '12-07');
  assert.match(milano?.source ?? '', /Milano/);
});
