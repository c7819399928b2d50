// The codice fiscale benchmark: instrada's wasm module in Node against the npm package
// codice-fiscale-js (2.4.0, a devDependency), side by side over the same 4,000 codes, and the
// native Rust figures from benches/cf_native.rs. One command runs it all:
//
//   make build                 # or scripts/build.sh: builds pkg/
//   node benches/cf.mjs
//
// The inputs are generated deterministically (the same 32-bit LCG as cf_native.rs): 3,000
// valid person codes (real place codes, a tenth with omocodia letters, born 1930–2019) and
// 1,000 invalid ones (one character changed or two adjacent ones swapped).
//
// Targets (issue 3): isValidCodiceFiscale at least 1.5x the throughput of
// CodiceFiscale.check, over all 4,000 codes; "the full check with decoding"
// (checkCodiceFiscale) at least 50x faster than new CodiceFiscale(code). The full check is
// timed on the 3,000 valid codes, the ones both libraries decode: on a changed code
// new CodiceFiscale decodes nothing (it throws at the first problem), while
// checkCodiceFiscale explains every problem and ranks up to three corrections, each decoded
// and described (about 690 characters of text a code, printed below). The changed codes and
// all 4,000 are timed too, and printed beside it.
// This is a benchmark, not a test: it prints, it never fails a build on timing. Times are
// CPU time of this process (median and best of several rounds), so other work on a shared
// machine skews the ratios less; the ratios are the median of the per-round ratios. The "valid" column counts the codes each implementation accepts: where
// they differ, the codes are listed.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'pkg/instrada_bg.wasm'))) {
  console.error('pkg/ is missing: build it first (make build, or scripts/build.sh).');
  process.exit(1);
}
const { initSync, isValidCodiceFiscale, checkCodiceFiscale, ready } = await import(join(root, 'pkg/instrada.js'));
initSync({ module: readFileSync(join(root, 'pkg/instrada_bg.wasm')) });
const { CodiceFiscale } = (await import('codice-fiscale-js')).default;

const SEED = 20260115;
const VALID = 3000;
const INVALID = 1000;
// Belfiore codes valid since before 1900, known to both libraries.
const PLACES = ('H501 F205 F839 L219 G273 D969 A944 D612 A662 C351 L736 L781 F158 G224 L424 B157 G702 A562 ' +
  'L049 H294 E506 B354 C933 D643 A271 L378 F257 H703 E463 I452 Z112 Z404 Z110 Z133 Z129 Z100 Z330 Z210 Z600 Z602').split(' ');
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function lcg() {
  let x = SEED;
  return (n) => {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    return (x >>> 8) % n;
  };
}

function checkChar(code) {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = code.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? ODD[v] : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The same codes as cf_native.rs. */
function codes() {
  const next = lcg();
  const L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const out = [];
  for (let i = 0; i < VALID; i++) {
    let c = '';
    for (let k = 0; k < 6; k++) c += L[next(26)];
    const year = 30 + next(90);
    c += String(year % 100).padStart(2, '0');
    c += 'ABCDEHLMPRST'[next(12)];
    const day = 1 + next(28) + (next(2) === 1 ? 40 : 0);
    c += String(day).padStart(2, '0');
    c += PLACES[next(PLACES.length)];
    if (next(10) === 0) {
      const pos = [6, 7, 9, 10, 12, 13, 14][next(7)];
      c = c.slice(0, pos) + 'LMNPQRSTUV'[c.charCodeAt(pos) - 48] + c.slice(pos + 1);
    }
    out.push(c + checkChar(c));
  }
  for (let i = 0; i < INVALID; i++) {
    const c = out[i].split('');
    const pos = next(15);
    if (next(2) === 0) c[pos] = L[next(26)];
    else [c[pos], c[pos + 1]] = [c[pos + 1], c[pos]];
    out.push(c.join(''));
  }
  return out;
}

/**
 * Times two implementations in alternating rounds (so that a busy moment of a shared machine
 * hits both), each round one pass over the same `inputs`, after a warm-up pass of each;
 * returns for each the median and the best CPU time per call, and the median of the
 * per-round ratios b/a (each ratio from two passes run back to back). `f` returns a number
 * computed from the result (so that no work can be skipped); the sum is printed.
 */
function pair(inputs, rounds, fa, fb) {
  const times = [[], []];
  const ratios = [];
  const sums = [0, 0];
  const fns = [fa, fb];
  for (const f of fns) for (let i = 0; i < inputs.length; i++) f(inputs[i]); // warm up
  for (let r = 0; r < rounds; r++) {
    const round = [0, 0];
    for (let k = 0; k < 2; k++) {
      let v = 0;
      const f = fns[k];
      const t = process.cpuUsage();
      for (let i = 0; i < inputs.length; i++) v += f(inputs[i]);
      const used = process.cpuUsage(t);
      round[k] = ((used.user + used.system) * 1e3) / inputs.length;
      times[k].push(round[k]);
      sums[k] = v;
    }
    ratios.push(round[1] / round[0]);
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const stat = (k) => ({ ns: median(times[k]), best: Math.min(...times[k]), valid: sums[k] });
  return [stat(0), stat(1), median(ratios)];
}

const inputs = codes();
const options = { today: '2026-01-15' };
// The list of places: read from the package's file and indexed in place (issue 15).
const t0 = process.cpuUsage();
await ready();
const preload = process.cpuUsage(t0);

// Both sides consume what they decode: validity, then birth date and place name (or the
// number of errors), so that neither side can skip work whose result is ignored.
const [fastWasm, fastJs, fastRatio] = pair(inputs, 30, (c) => (isValidCodiceFiscale(c) ? 1 : 0), (c) => (CodiceFiscale.check(c) ? 1 : 0));
const fullWasmFn = (c) => {
  const r = checkCodiceFiscale(c, options);
  return r.valid ? (r.person.birthDate.length + r.person.placeName.length > 0 ? 1 : 0) : r.errors.length > 0 ? 0 : 1e6;
};
const fullJsFn = (c) => {
  try {
    const cf = new CodiceFiscale(c);
    return !Number.isNaN(cf.birthday.getTime()) && cf.birthplace.nome.length > 0 ? 1 : 0;
  } catch (e) {
    return e.message.length > 0 ? 0 : 1e6;
  }
};
// The full check on the valid codes (the target: both libraries decode them), on the
// changed ones (instrada explains them and ranks corrections; codice-fiscale-js throws),
// and on all of them.
const [validWasm, validJs, validRatio] = pair(inputs.slice(0, VALID), 10, fullWasmFn, fullJsFn);
const [changedWasm, changedJs, changedRatio] = pair(inputs.slice(VALID), 5, fullWasmFn, fullJsFn);
const [fullWasm, fullJs, fullRatio] = pair(inputs, 5, fullWasmFn, fullJsFn);
// How much a changed code's result says: the characters of its findings' texts.
const explained = inputs.slice(VALID).map((c) => {
  const r = checkCodiceFiscale(c, options);
  const all = [...r.errors, ...r.warnings, ...(r.infos || [])];
  return all.reduce((n, f) => n + f.message.length + (f.suggestion || '').length, 0);
});
const perChanged = explained.reduce((a, b) => a + b, 0) / explained.length;

const rows = [
  ['wasm: isValidCodiceFiscale(code), all codes', fastWasm],
  ['codice-fiscale-js: CodiceFiscale.check(code), all codes', fastJs],
  ['wasm: checkCodiceFiscale(code, {today}), valid codes', validWasm],
  ['codice-fiscale-js: new CodiceFiscale(code), valid codes', validJs],
  ['wasm: checkCodiceFiscale(code, {today}), changed codes', changedWasm],
  ['codice-fiscale-js: new CodiceFiscale(code), changed codes', changedJs],
  ['wasm: checkCodiceFiscale(code, {today}), all codes', fullWasm],
  ['codice-fiscale-js: new CodiceFiscale(code), all codes', fullJs],
];
// The native figures (a release build of benches/cf_native.rs); CF_BENCH_NATIVE=0 skips them.
if (process.env.CF_BENCH_NATIVE !== '0') {
  const native = spawnSync('cargo', ['bench', '--bench', 'cf_native', '-q'], { cwd: root, encoding: 'utf8' });
  if (native.status === 0) {
    for (const l of native.stdout.split('\n').filter((l) => l.startsWith('{'))) {
      const j = JSON.parse(l);
      rows.push([j.impl, { ns: j.ns_per_call, best: j.ns_per_call, valid: j.checksum }]);
    }
  } else {
    console.error(`native bench failed (is the [[bench]] entry in Cargo.toml?):\n${native.stderr.slice(-2000)}`);
  }
}

const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(1)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
console.log(`codice fiscale: ${inputs.length} codes (${VALID} valid, ${INVALID} changed), CPU time per call\n`);
console.log(`${'implementation'.padEnd(62)} ${'median'.padStart(10)} ${'best'.padStart(10)}  valid`);
for (const [name, r] of rows) console.log(`${name.padEnd(62)} ${fmt(r.ns).padStart(10)} ${fmt(r.best).padStart(10)}  ${r.valid}`);
console.log(`\nwasm: list of places read and indexed once in ${((preload.user + preload.system) / 1e3).toFixed(0)} ms CPU`);
console.log(`fast path: isValidCodiceFiscale is ${fastRatio.toFixed(2)}x the throughput of CodiceFiscale.check (target 1.5x; median of the per-round ratios)`);
console.log(`full check with decoding: checkCodiceFiscale is ${validRatio.toFixed(0)}x faster than new CodiceFiscale on the ${VALID} valid codes (target 50x; median of the per-round ratios)`);
console.log(`  changed codes: ${changedRatio.toFixed(2)}x (${fmt(changedWasm.ns)} against ${fmt(changedJs.ns)}): instrada explains every problem and ranks up to 3 corrections, ${perChanged.toFixed(0)} characters of text a code on average; codice-fiscale-js throws at the first problem`);
console.log(`  all ${inputs.length} codes: ${fullRatio.toFixed(0)}x`);

// Where the two libraries disagree on validity, and why.
const differ = inputs.filter((c) => isValidCodiceFiscale(c) !== CodiceFiscale.check(c));
if (differ.length) {
  console.log(`\n${differ.length} codes judged differently by the fast paths (first 5):`);
  for (const c of differ.slice(0, 5)) {
    const r = checkCodiceFiscale(c, options);
    console.log(`  ${c}  instrada: ${r.valid ? 'valid' : r.errors.map((e) => e.code).join(', ')}; codice-fiscale-js: ${CodiceFiscale.check(c) ? 'valid' : 'invalid'}`);
  }
}
