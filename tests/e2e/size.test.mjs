// The shipped package (wasm + JS + CSS of pkg/, gzip -9) stays under the budget of
// scripts/size.mjs, the one place the budget is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET_GZIP_BYTES, measure } from '../../scripts/size.mjs';

test('the shipped package is within the size budget', () => {
  const { files, total } = measure(new URL('../../pkg/', import.meta.url).pathname);
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'pkg/ holds the wasm module');
  assert.ok(files.some((f) => f.name === 'instrada.js'), 'pkg/ holds the JS glue');
  // The helpers the glue imports are shipped too, and counted (they once were not).
  assert.ok(files.some((f) => f.name.startsWith('snippets/')), 'the snippets are measured');
  assert.ok(total.gzip <= BUDGET_GZIP_BYTES, `${total.gzip} bytes gzip > budget ${BUDGET_GZIP_BYTES}`);
});
