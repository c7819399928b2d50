// The widget in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
//
// 1. start-up: from the demo page's module start (`performance.mark('instrada:start')` in
//    www/app.js) to an interactive widget (`instrada:interactive`, after `attach` returned):
//    fetching, compiling and instantiating the wasm, then binding the form. Each load is in
//    a fresh browser context (cold HTTP and code caches); the very first load of the browser
//    is dropped (it also starts the browser's own machinery). Target: under 100 ms.
// 2. input latency: from dispatching an `input` event to the updated messages, measured in
//    the page with performance.now() around `dispatchEvent` (the widget updates the page
//    synchronously in its handler), for typing a codice fiscale and a description one
//    character at a time, a second after the page is ready (the widget prepares the titolari
//    in idle time, as while a person reads the form). Target: p95 under 4 ms.
// 3. the whole size: wasm + JS + CSS of pkg/, brotli 11 and gzip -9, against the budgets of
//    scripts/size.mjs.
//
// Run with `make build && node benches/widget.mjs` (or `make bench`). A measurement, not a
// test: it prints figures and never fails on them.
import { launch, serve } from '../tests/e2e/harness.mjs';
import { measure, BUDGET_INTERACTIVE_BROTLI_BYTES, BUDGET_TOTAL_BROTLI_BYTES } from '../scripts/size.mjs';

const LOADS = Number(process.env.LOADS ?? 15);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const row = (name, xs) =>
  `  ${name.padEnd(34)} n=${String(xs.length).padStart(4)}  p50 ${quantile(xs, 0.5).toFixed(2).padStart(7)} ms  p95 ${quantile(xs, 0.95).toFixed(2).padStart(7)} ms  max ${Math.max(...xs).toFixed(2).padStart(7)} ms`;

const server = await serve();
const browser = await launch();
try {
  const version = await browser.version();
  const startup = [];
  const loading = [];
  const attaching = [];
  const sinceNavigation = [];
  // One load more than reported: the first one also warms the browser up, and is dropped.
  for (let i = -1; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html?oggi=2026-11-20&profilo=torino`);
    await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
    const [measured, load, bind, at] = await page.evaluate(() => [
      performance.measure('widget-start', 'instrada:start', 'instrada:interactive').duration,
      performance.measure('widget-load', 'instrada:start', 'instrada:loaded').duration,
      performance.measure('widget-attach', 'instrada:loaded', 'instrada:interactive').duration,
      performance.getEntriesByName('instrada:interactive')[0].startTime,
    ]);
    if (i >= 0) {
      startup.push(measured);
      loading.push(load);
      attaching.push(bind);
      sinceNavigation.push(at);
    }
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/index.html?oggi=2026-11-20&profilo=torino`);
  await page.waitForFunction(() => document.documentElement.dataset.instrada === 'ready');
  // A person takes a moment before typing: the widget prepares the titolari in idle time.
  await page.waitForTimeout(1000);
  const latency = await page.evaluate((rounds) => {
    const type = (control, text) => {
      const times = [];
      control.value = '';
      control.dispatchEvent(new Event('input', { bubbles: true }));
      for (const ch of text) {
        control.value += ch;
        const t0 = performance.now();
        control.dispatchEvent(new Event('input', { bubbles: true }));
        times.push(performance.now() - t0);
      }
      // Leave the field: the messages are on display from now on (the next round updates them).
      control.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      return times;
    };
    const gestione = document.getElementById('gestione');
    gestione.value = 'aziende-dm';
    gestione.dispatchEvent(new Event('change', { bubbles: true }));
    const out = { cf: [], descrizione: [], oggetto: [] };
    for (let r = 0; r < rounds; r++) {
      out.cf.push(...type(document.getElementById('cf'), r % 2 ? 'RSSMRA85T10A562S' : 'rss mra 85t10 a562x'));
      out.descrizione.push(
        ...type(
          document.getElementById('descrizione'),
          "Contestazione dell'avviso bonario n. 2026/004512 sui contributi di marzo 2026: il versamento risulta effettuato con F24 del 16/04/2026, di cui si allega la quietanza.",
        ),
      );
      out.oggetto.push(...type(document.getElementById('oggetto'), 'Non Specificato'));
    }
    return out;
  }, ROUNDS);
  await context.close();

  const { files, total, interactive } = measure(new URL('../pkg/', import.meta.url).pathname);
  const all = [...latency.cf, ...latency.descrizione, ...latency.oggetto];
  console.log(`instrada widget bench — headless ${version}, ${LOADS} cold loads, ${ROUNDS} typing rounds`);
  console.log('start-up (target < 100 ms)');
  console.log(row('module start → interactive widget', startup));
  console.log(row('  of which: fetch + compile + init', loading));
  console.log(row('  of which: attach (bind the form)', attaching));
  console.log(row('navigation start → interactive', sinceNavigation));
  console.log('input event → updated messages (target p95 < 4 ms)');
  console.log(row('codice fiscale, per keystroke', latency.cf));
  console.log(row('descrizione, per keystroke', latency.descrizione));
  console.log(row('oggetto, per keystroke', latency.oggetto));
  console.log(row('all keystrokes', all));
  const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
  console.log(`size of pkg/, brotli 11 and gzip -9 (budgets: before interactive ${BUDGET_INTERACTIVE_BROTLI_BYTES / 1024} KB br, total ${BUDGET_TOTAL_BROTLI_BYTES / 1024} KB br)`);
  for (const f of files) console.log(`  ${f.name.padEnd(34)} ${kb(f.brotli)} br ${kb(f.gzip)} gz`);
  console.log(`  ${'before interactive'.padEnd(34)} ${kb(interactive.brotli)} br ${kb(interactive.gzip)} gz`);
  console.log(`  ${'total'.padEnd(34)} ${kb(total.brotli)} br ${kb(total.gzip)} gz`);
} finally {
  await browser.close();
  server.stop();
}
