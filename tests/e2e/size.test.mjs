// The package pkg/ (wasm + JS + CSS, brotli 11) against the budgets of scripts/size.mjs, the
// one place they are written (issue 15: before interactive ≤ 240 KB, total ≤ 330 KB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUDGET_INTERACTIVE_BROTLI_BYTES,
  BUDGET_TOTAL_BROTLI_BYTES,
  measure,
} from '../../scripts/size.mjs';

const pkg = new URL('../../pkg/', import.meta.url).pathname;

test('the size report measures every file a browser fetches', () => {
  const { files } = measure(pkg);
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'pkg/ holds the wasm module');
  assert.ok(files.some((f) => f.name === 'instrada.js'), 'pkg/ holds the JS glue');
  assert.ok(files.some((f) => f.name === 'instrada-widget.js'), 'pkg/ holds the widget wrapper');
  assert.ok(files.some((f) => f.name === 'instrada.css'), 'pkg/ holds the stylesheet');
  // The helpers the glue imports are shipped too, and counted (they once were not).
  assert.ok(files.some((f) => f.name.startsWith('snippets/')), 'the snippets are measured');
  for (const f of files) assert.ok(f.brotli > 0 && f.brotli <= f.raw, `${f.name}: ${JSON.stringify(f)}`);
  // The list of places is a file of the package, fetched after the widget is interactive:
  // counted in the total, not before interactive; every other file is fetched before.
  const places = files.find((f) => f.name === 'instrada-places.txt');
  assert.ok(places, 'pkg/ holds the list of places');
  assert.equal(places.eager, false);
  // So are the built-in profiles and titolari.
  const catalog = files.find((f) => f.name === 'instrada-catalog.txt');
  assert.ok(catalog, 'pkg/ holds the built-in profiles and titolari');
  assert.deepEqual(files.filter((f) => !f.eager).map((f) => f.name), ['instrada-catalog.txt', 'instrada-places.txt']);
});

// Before interactive: enforced (what a person waits for, issue 15's first budget).
test('before interactive, the package is within its brotli budget', () => {
  const { interactive } = measure(pkg);
  assert.ok(interactive.brotli <= BUDGET_INTERACTIVE_BROTLI_BYTES, `${interactive.brotli} bytes br > budget ${BUDGET_INTERACTIVE_BROTLI_BYTES}`);
});

// In total: enforced (every file a session may fetch, issue 15's second budget).
test('in total, the package is within its brotli budget', () => {
  const { total } = measure(pkg);
  assert.ok(total.brotli <= BUDGET_TOTAL_BROTLI_BYTES, `${total.brotli} bytes br > budget ${BUDGET_TOTAL_BROTLI_BYTES}`);
});
