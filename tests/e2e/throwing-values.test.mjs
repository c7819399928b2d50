// Values that throw when they are read (issue 16, "No JavaScript exception crosses a wasm
// frame"): a Date-like (Object.create(Date.prototype)) and a Proxy of a Date, which pass
// `instanceof Date` and throw in getTime; a revoked Proxy, which throws in Array.isArray and
// in `instanceof`; options holding them; in a browser, a Proxy of a form and Widget handles
// used after detach() (and after free(), if a handle ever has one again). An exception that
// unwinds through the module's frames leaves its stack pointer where it was: after a few
// hundred of them every call failed with "memory access out of bounds". Here every export is
// called 10,000 times with such values, in every argument position; no call may throw, and
// the module must still answer right afterwards. The counts are printed (node --test shows
// them as diagnostics): calls, throws, and the call after which the module stopped answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, useSite } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);
const ROUNDS = 10_000;
// In the page, where each call is slower (a DOM, attach and mount on real elements): enough
// for the exceptions of the Node runs to have stopped the module several times over.
const BROWSER_ROUNDS = 1_000;

/**
 * Calls every export of `m` ROUNDS times with throwing values; self-contained (it runs as
 * source text in the page). Returns { calls, throws, samples, stoppedAfter, exported }.
 */
async function hammer(m, env) {
  const { rounds, dom } = env;
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const dateLike = Object.create(Date.prototype);
  const dateProxy = new Proxy(new Date(2026, 10, 20), {});
  const values = [
    ['Object.create(Date.prototype)', dateLike],
    ['Proxy of a Date', dateProxy],
    ['revoked Proxy', revoked],
    ['options with Date-likes', { today: dateLike, date: dateLike, sent: dateLike, notice: dateLike, stamp: dateLike, lang: 'en' }],
    ['options with Proxies of a Date', { today: dateProxy, date: dateProxy, sent: dateProxy, notice: dateProxy }],
    ['options with revoked Proxies', { today: revoked, profile: revoked, events: revoked, checks: revoked, sent: revoked, lang: revoked }],
    ['a list holding a revoked Proxy', [revoked, dateLike]],
    ['toString and toPrimitive that throw', { toString() { throw new Error('x'); }, [Symbol.toPrimitive]() { throw new Error('x'); } }],
  ];
  if (dom) {
    const form = document.createElement('form');
    form.innerHTML = '<input data-instrada-field="codice-fiscale"><button>Invia</button>';
    values.push(['Proxy of a form', new Proxy(form, {})]);
    const { proxy, revoke: revokeForm } = Proxy.revocable(document.createElement('form'), {});
    revokeForm();
    values.push(['revoked Proxy of a form', proxy]);
  }
  const healthy = () => {
    try {
      const cf = m.checkCodiceFiscale('RSSMRA85T10A562S', { today: '2026-11-20' });
      return cf?.valid === true && m.addWorkingDays('2026-10-01', 7, { sede: 'bologna' })?.date === '2026-10-12';
    } catch (_) {
      return false;
    }
  };
  const out = { calls: 0, throws: 0, samples: [], stoppedAfter: null, throwsWhenStopped: null, exported: [] };
  const saved = { error: console.error, warn: console.warn };
  console.error = () => {};
  console.warn = () => {};
  try {
    const fns = Object.entries(m).filter(
      ([name, f]) => typeof f === 'function' && !['default', 'initSync'].includes(name) && !/^class\b/.test(Function.prototype.toString.call(f)),
    );
    out.exported = fns.map(([n]) => n);
    const realForm = () => {
      const form = document.createElement('form');
      form.innerHTML = '<input data-instrada-field="codice-fiscale"><button>Invia</button>';
      document.body.append(form);
      return form;
    };
    for (let round = 0; round < rounds; round++) {
      for (const [name, f] of fns) {
        const [label, value] = values[round % values.length];
        const position = Math.floor(round / values.length) % 3;
        const args = [];
        for (let i = 0; i <= position; i++) args.push(i === position ? value : undefined);
        // attach/mount get a real element before the hostile options now and then (each
        // builds a whole widget: about 50 of them in all).
        const real = dom && position === 1 && round % 200 < 20 && (name === 'attach' || name === 'mount');
        if (real) args[0] = name === 'attach' ? realForm() : document.body.appendChild(document.createElement('div'));
        out.calls++;
        try {
          const result = f(...args);
          if (result && typeof result.detach === 'function') {
            // A handle used after detach (and after free, should it have one).
            result.detach();
            result.free?.();
            result.detach();
            result.findings(value);
            result.validate(value);
          }
          if (real) args[0].remove();
        } catch (error) {
          out.throws++;
          if (out.samples.length < 12) out.samples.push(`${name}(${label} at ${position}) threw ${String(error).slice(0, 120)}`);
        }
      }
      if (out.stoppedAfter === null && round % 10 === 9 && !healthy()) {
        out.stoppedAfter = out.calls;
        out.throwsWhenStopped = out.throws;
      }
    }
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
  }
  out.healthy = healthy();
  return out;
}

function report(t, where, r) {
  t.diagnostic(`${where}: ${r.calls} calls, ${r.throws} threw, module stopped answering after: ${r.stoppedAfter === null ? 'never' : `${r.stoppedAfter} calls, ${r.throwsWhenStopped} of which threw`}`);
  for (const s of r.samples) t.diagnostic(`  ${s}`);
}

function assertClean(r, where) {
  assert.ok(r.exported.length > 0, `${where}: no export found`);
  assert.deepEqual(
    { throws: r.throws, samples: r.samples, stoppedAfter: r.stoppedAfter, healthy: r.healthy },
    { throws: 0, samples: [], stoppedAfter: null, healthy: true },
    `${where}: no call may throw, and the module must keep answering`,
  );
}

async function inNode(dir) {
  const m = await import(new URL(`${dir}/instrada.js`, ROOT));
  m.initSync({ module: readFileSync(new URL(`${dir}/instrada_bg.wasm`, ROOT)) });
  return hammer(m, { rounds: ROUNDS, dom: false });
}

test('www/pkg in Node: every export 10,000 times with values that throw when read', { timeout: 900_000 }, async (t) => {
  const r = await inNode('www/pkg');
  report(t, 'www/pkg in Node', r);
  assert.ok(r.calls >= ROUNDS * 25, `${r.calls} calls`);
  assertClean(r, 'www/pkg in Node');
});

test('pkg/ in Node: every export 10,000 times with values that throw when read', { timeout: 900_000 }, async (t) => {
  const r = await inNode('pkg');
  report(t, 'pkg in Node', r);
  assertClean(r, 'pkg in Node');
});

const site = useSite();

test('www/pkg in Chromium: every export 1,000 times, attach, mount and Widget handles included', { timeout: 900_000 }, async (t) => {
  const { context, page, console: messages } = await openPage(site.browser, site.origin);
  await page.goto(`${site.origin}/inviata.html`);
  const r = await page.evaluate(`(async () => {
    const m = await import('/pkg/instrada.js');
    await m.default({ module_or_path: '/pkg/instrada_bg.wasm' });
    return (${hammer.toString()})(m, ${JSON.stringify({ rounds: BROWSER_ROUNDS, dom: true })});
  })()`);
  report(t, 'www/pkg in Chromium', r);
  assert.ok(r.exported.includes('attach') && r.exported.includes('mount'));
  assertClean(r, 'www/pkg in Chromium');
  assert.deepEqual(messages.filter((x) => x.type === 'pageerror'), []);
  await context.close();
});
