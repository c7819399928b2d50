// The shipped TypeScript types: a portal's code using the whole API (widget-types/consumer.ts)
// type-checks against instrada-widget.d.ts and the generated instrada.d.ts of the package
// (pkg/), with `strict`, and misuses are rejected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url).pathname;

test('the widget API type-checks under strict TypeScript', () => {
  const tsc = `${root}node_modules/.bin/tsc`;
  const args = [
    '--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler',
    // esnext.disposable: wasm-bindgen declares `[Symbol.dispose]()` on exported classes.
    '--lib', 'es2022,esnext.disposable,dom', `${root}tests/e2e/widget-types/consumer.ts`,
  ];
  let output = '';
  try {
    execFileSync(tsc, args, { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  assert.equal(output, '', output);
});

// What the README tells TypeScript portals: wasm-bindgen's instrada.d.ts declares
// `[Symbol.dispose]()`, so a project needs `lib: ["esnext.disposable"]` (or later), or
// `skipLibCheck`. Checked both ways, so the README's advice stays true.
test('without esnext.disposable the types need skipLibCheck (the README says so)', () => {
  const tsc = `${root}node_modules/.bin/tsc`;
  const base = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'es2022,dom'];
  const run = (extra) => {
    try {
      execFileSync(tsc, [...base, ...extra, `${root}tests/e2e/widget-types/consumer.ts`], { encoding: 'utf8', stdio: 'pipe' });
      return '';
    } catch (error) {
      return `${error.stdout}${error.stderr}`;
    }
  };
  assert.match(run([]), /TS2550: Property 'dispose' does not exist on type 'SymbolConstructor'/);
  assert.equal(run(['--skipLibCheck']), '');
});

test('the package lists the wrapper, its types, the stylesheet and the snippets', () => {
  const manifest = JSON.parse(readFileSync(`${root}pkg/package.json`, 'utf8'));
  for (const file of ['instrada-widget.js', 'instrada-widget.d.ts', 'instrada.css', 'snippets/']) {
    assert.ok(manifest.files.includes(file), `${file} in files`);
  }
  assert.equal(manifest.exports['./widget'].default, './instrada-widget.js');
  // The test hooks (debug builds, the `test-hooks` feature) are in no built package (www/pkg/
  // is the build's copy of pkg/, served by the demo).
  for (const dir of ['pkg', 'www/pkg']) {
    const glue = readFileSync(`${root}${dir}/instrada.js`, 'utf8');
    assert.equal(glue.includes('simulate_failure'), false, dir);
    assert.equal(glue.includes('__panicAtNextInputForTests'), false, dir);
  }
});
