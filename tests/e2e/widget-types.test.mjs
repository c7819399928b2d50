// The shipped TypeScript types: a portal's code using the whole API (widget-types/consumer.ts:
// the widget from `instrada/widget`, the core from `instrada`) type-checks with `strict`
// against the package as npm installs it (packed from pkg/, installed into a project under
// test-results/), under `moduleResolution` `bundler` and `node16` (which read `exports`) and
// `node` (node10, which ignores `exports` and reads `types` and `typesVersions`), and misuses
// are rejected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { installPackage } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
const APP = `${root}test-results/types-app/`;
installPackage(APP);
copyFileSync(`${root}tests/e2e/widget-types/consumer.ts`, `${APP}consumer.ts`);

/**
 * Runs tsc on the portal's file with `--moduleResolution resolution`; `lib` es2022 and dom,
 * plus esnext.disposable unless `disposable` is false (wasm-bindgen declares
 * `[Symbol.dispose]()` on exported classes). Resolves to { ok, output }.
 */
function tsc(resolution, { disposable = true, extra = [] } = {}) {
  const lib = disposable ? 'es2022,esnext.disposable,dom' : 'es2022,dom';
  // node16 resolution goes with the node16 module system (the project is "type": "module").
  const module = resolution === 'node16' ? 'node16' : 'es2022';
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', module, '--moduleResolution', resolution, '--lib', lib, ...extra];
  const run = spawnSync(`${root}node_modules/.bin/tsc`, [...args, `${APP}consumer.ts`], { encoding: 'utf8', cwd: APP });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

for (const resolution of ['bundler', 'node16', 'node']) {
  test(`the API type-checks under strict TypeScript, moduleResolution ${resolution}`, () => {
    const { ok, output } = tsc(resolution);
    assert.equal(output, '');
    assert.ok(ok);
  });

  // The resolution really went through the installed package, by name: `exports` under
  // bundler and node16, `types` and `typesVersions` under node (node10).
  test(`tsc resolves instrada and instrada/widget to the installed package, moduleResolution ${resolution}`, () => {
    const { output } = tsc(resolution, { extra: ['--traceResolution'] });
    for (const [name, file] of [['instrada', 'instrada.d.ts'], ['instrada/widget', 'instrada-widget.d.ts']]) {
      assert.match(output, new RegExp(`Module name '${name}' was successfully resolved to '${APP}node_modules/instrada/${file}'`), `${name} → ${file}`);
    }
  });
}

// What the README tells TypeScript portals: no class of the package is a wasm-bindgen class
// (the Widget handle is the watchdog's, without free() or `[Symbol.dispose]()`, issue 16), so
// the types need no `esnext.disposable` lib and no skipLibCheck.
test('the types need no esnext.disposable lib and no skipLibCheck (the README says so)', () => {
  assert.deepEqual(tsc('bundler', { disposable: false }), { ok: true, output: '' });
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
