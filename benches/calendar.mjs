// The calendar benchmark: `addWorkingDays(date, 20)` through the wasm module in Node, natively
// in Rust, in Python's workalendar and with numpy.busday_offset (the same holiday list),
// over the same 100,000 start dates. One command runs it all and prints a table of ratios:
//
//   pip install -r benches/requirements.txt   # once
//   make build                                # or scripts/build.sh: builds pkg/
//   node benches/calendar.mjs                 # PYTHON=path/to/python to choose the interpreter
//
// Targets (issue 4): through the JS boundary, at least 50x faster than workalendar and at
// least 3x faster than numpy's scalar call. This is a benchmark, not a test: it prints, it
// never fails a build on timing. The checksum column (sum of the answers as days since
// 1970-01-01) shows which implementations agree on the dates. JavaScript and Python are timed
// in CPU time of their process (best of several runs), so that other work on a shared machine
// does not skew the ratios; the native bench uses std::time::Instant.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CALLS = 100_000;
const SEED = 12345;
const SPAN_DAYS = 3653; // 2020-01-01 .. 2029-12-31

if (!existsSync(join(root, 'pkg/instrada_bg.wasm'))) {
  console.error('pkg/ is missing: build it first (make build, or scripts/build.sh).');
  process.exit(1);
}
const { initSync, addWorkingDays, holidays } = await import(join(root, 'pkg/instrada.js'));
initSync({ module: readFileSync(join(root, 'pkg/instrada_bg.wasm')) });

// The same 32-bit LCG as benches/calendar.py and benches/calendar_native.rs.
function startDates() {
  const first = Date.UTC(2020, 0, 1);
  const out = new Array(CALLS);
  let x = SEED;
  for (let i = 0; i < CALLS; i++) {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    out[i] = new Date(first + (x % SPAN_DAYS) * 86_400_000).toISOString().slice(0, 10);
  }
  return out;
}

const epochDays = (iso) => Date.parse(iso + 'T00:00:00Z') / 86_400_000;

function measureWasm(dates, runs) {
  for (let i = 0; i < 20_000; i++) addWorkingDays(dates[i], 20); // warm up
  // As in calendar.py: the timed loop only calls (keeping the last answer), and the
  // checksum comes from a separate pass.
  let best = Infinity;
  let last;
  for (let r = 0; r < runs; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) last = addWorkingDays(dates[i], 20);
    const used = process.cpuUsage(t);
    best = Math.min(best, ((used.user + used.system) * 1e3) / CALLS);
  }
  if (!last?.date) throw new Error('no answer');
  let checksum = 0;
  for (let i = 0; i < CALLS; i++) {
    const r = addWorkingDays(dates[i], 20);
    if (r.findings.length) throw new Error(`unexpected findings: ${JSON.stringify(r.findings)}`);
    checksum += epochDays(r.date);
  }
  return { impl: 'wasm via JS: addWorkingDays(date, 20)', ns_per_call: best, checksum };
}

function jsonLines(text) {
  return text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

const dates = startDates();
const rows = [measureWasm(dates, 5)];

// Native Rust (cargo builds the bench in release mode the first time: about a minute).
const native = spawnSync('cargo', ['bench', '--bench', 'calendar_native', '-q'], { cwd: root, encoding: 'utf8' });
if (native.status === 0) rows.push(...jsonLines(native.stdout));
else console.error(`native bench failed:\n${native.stderr}`);

// Python, with instrada's own national holiday list for numpy.
const dir = mkdtempSync(join(tmpdir(), 'instrada-bench-'));
const holidayFile = join(dir, 'holidays.json');
const list = [];
for (let y = 2019; y <= 2032; y++) for (const h of holidays(y).holidays) list.push(h.date);
writeFileSync(holidayFile, JSON.stringify(list));
const python = process.env.PYTHON ?? 'python3';
const py = spawnSync(python, [join(root, 'benches/calendar.py'), '--holidays', holidayFile], { encoding: 'utf8' });
rmSync(dir, { recursive: true, force: true });
if (py.status === 0) rows.push(...jsonLines(py.stdout));
else console.error(`python bench failed (pip install -r benches/requirements.txt?):\n${py.stderr}`);

// The table.
const wasm = rows[0];
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`\naddWorkingDays(date, 20) over ${CALLS.toLocaleString('en')} start dates (2020-2029), best of several runs (CPU time)\n`);
console.log(`${pad('implementation', 52)} ${lpad('ns/call', 10)} ${lpad('wasm is x faster', 17)}  same dates as wasm`);
for (const r of rows) {
  const ratio = r === wasm ? '' : (r.ns_per_call / wasm.ns_per_call).toFixed(1) + 'x';
  const same = r === wasm ? '' : r.checksum === wasm.checksum ? 'yes' : 'NO';
  console.log(`${pad(r.impl, 52)} ${lpad(r.ns_per_call.toFixed(0), 10)} ${lpad(ratio, 17)}  ${same}`);
}
const find = (prefix) => rows.find((r) => r.impl.startsWith(prefix));
const targets = [
  ['python workalendar', 50, 'workalendar'],
  ['numpy busday_offset scalar, roll=forward', 3, "numpy's scalar call (roll=forward)"],
  ['numpy busday_offset scalar, roll=backward', 3, "numpy's scalar call (roll=backward)"],
];
console.log('');
for (const [prefix, want, name] of targets) {
  const r = find(prefix);
  if (!r) continue;
  const got = r.ns_per_call / wasm.ns_per_call;
  console.log(`target: >= ${want}x faster than ${name}: ${got.toFixed(1)}x ${got >= want ? 'met' : 'NOT met'}`);
}
console.log(
  '\nworkalendar lacks 4 October from 2026 (L. 151/2025), so its dates differ; numpy with roll=forward\n' +
    'counts one day late from a Saturday, Sunday or holiday; roll=backward gives the right dates.',
);
