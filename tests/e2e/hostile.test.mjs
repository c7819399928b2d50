// Hostile input at the JavaScript boundary (issue 7, "no panic across the boundary"): every
// function the module exports is found from the module itself (a new export is covered
// without editing this file), its parameters are read from the generated instrada.d.ts, and it
// is called with undefined, null, numbers, NaN, objects, arrays, a 1 MiB string, lone
// surrogates, emoji, NUL and right-to-left text, in every argument position, with 0 to 3
// arguments. Each call must return (README: "Every function takes any JavaScript value and
// never throws"), every finding in a result must have a stable code, a severity and a
// message, a required parameter given a value it cannot use must be answered with a finding
// (or a refusal: undefined, null, false), the panic hook must never have spoken, and a
// known-good call must still give the right answer afterwards (a panic would have killed the
// module). The package (pkg/, the whole product) runs in Node and in Chromium, with the
// widget's attach/mount and the Widget's methods.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, useSite } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);

/**
 * The parameters of each exported function, from the generated TypeScript declarations:
 * `{ name: [{ name, type, required }] }`. `required`: not optional and not `| undefined`.
 */
function signatures(dts) {
  const out = {};
  for (const [, name, params] of dts.matchAll(/^export function (\w+)\(([^)]*)\)/gm)) {
    const list = [];
    let depth = 0;
    let current = '';
    for (const c of params) {
      if (c === '{' || c === '<' || c === '[') depth++;
      if (c === '}' || c === '>' || c === ']') depth--;
      if (c === ',' && depth === 0) {
        list.push(current);
        current = '';
      } else current += c;
    }
    if (current.trim()) list.push(current);
    out[name] = list.map((p) => {
      const m = p.trim().match(/^(\w+)(\?)?:\s*([\s\S]*)$/);
      const type = m?.[3].trim() ?? '';
      return { name: m?.[1] ?? p.trim(), type, required: !m?.[2] && !/\bundefined\b/.test(type) };
    });
  }
  return out;
}

/**
 * Calls every exported function of module `m` with every hostile value in every position and
 * returns what went wrong (empty arrays when all is well). Self-contained: it runs as is in
 * Node and, as source text, in the page. `env.sigs` are the signatures, `env.dom` is true in a
 * browser (attach/mount get a real form and a real container in the other position).
 */
async function exercise(m, env) {
  const problems = { throws: [], badFindings: [], silent: [], panics: [], broken: [], calls: 0, exported: [] };
  const MiB = 1 << 20;
  const hostile = () => {
    const throwing = {};
    for (const key of ['lang', 'today', 'profile', 'date', 'gestione', 'surname', 'events', 'stamp']) {
      Object.defineProperty(throwing, key, { enumerable: true, get() { throw new Error('a getter that throws'); } });
    }
    // Getters on the prototype (a portal's options class) and a Proxy whose only trap is
    // `get`: serde-wasm-bindgen reads fields by name, own or inherited.
    // Values that throw when read (issue 16): a Date-like and a Proxy of a Date pass
    // `instanceof Date` and throw in getTime; a revoked Proxy throws even in Array.isArray.
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const dateLike = Object.create(Date.prototype);
    const dateProxy = new Proxy(new Date(2026, 10, 20), {});
    class Inherited {}
    for (const key of ['lang', 'today', 'profile', 'date', 'gestione', 'surname', 'sede', 'events']) {
      Object.defineProperty(Inherited.prototype, key, { get() { throw new Error('an inherited getter that throws'); } });
    }
    return [
      ['undefined', undefined],
      ['null', null],
      ['0', 0],
      ['-1', -1],
      ['-0', -0],
      ['1e308', 1e308],
      ['2^53+1', 2 ** 53 + 1],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
      ['true', true],
      ['bigint', 10n],
      ['symbol', Symbol('instrada')],
      ['function', () => 'x'],
      ['{}', {}],
      ['[]', []],
      ['array of junk', [null, 1, 'x', {}, [NaN]]],
      ['nested object', { lang: { it: 1 }, today: [1, 2], profile: 42, date: {}, gestione: NaN, events: 'x', stamp: -1 }],
      ['Date(NaN)', new Date(NaN)],
      ['object with throwing getters', throwing],
      ['Proxy that throws', new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, has() { throw new Error('trap'); }, getOwnPropertyDescriptor() { throw new Error('trap'); } })],
      ['class with throwing getters', new Inherited()],
      ['Proxy whose get throws', new Proxy({}, { get() { throw new Error('trap'); } })],
      ['Object.create(Date.prototype)', dateLike],
      ['Proxy of a Date', dateProxy],
      ['revoked Proxy', revoked],
      ['options holding Date-likes and revoked Proxies', { today: dateLike, date: dateProxy, sent: revoked, events: [revoked], lang: 'en' }],
      ['empty string', ''],
      ['spaces', '   \t\n '],
      ['1 MiB string', 'A'.repeat(MiB)],
      ['1 MiB + 1 string', 'A'.repeat(MiB + 1)],
      ['1 MiB of emoji', '😀'.repeat(MiB / 2)],
      ['lone surrogates', '\uD800RSSMRA85T10A562S\uDC00'],
      ['emoji', '👨‍👩‍👧‍👦🇮🇹 RSSMRA85T10A562S'],
      ['NUL', 'RSSMRA85\u0000T10A562S'],
      ['right-to-left', '\u202EمرحباRSSMRA85T10A562S\u202C'],
      ['JSON junk', '{"id": "x", "cassetti": [1, 2, {"}'],
      ['markup', '<img src=x onerror="window.__xss=1">'],
    ];
  };
  const codeShape = /^[a-z][a-z0-9]*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;
  // Findings anywhere in a result: objects with a code and a severity.
  const findingsIn = (value, out = [], depth = 0) => {
    if (depth > 6 || value === null || typeof value !== 'object') return out;
    if (typeof value.code === 'string' && 'severity' in value) out.push(value);
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children.slice(0, 500)) findingsIn(child, out, depth + 1);
    return out;
  };
  const refusal = (r) => r === undefined || r === null || r === false;
  // Whether `value` is one a parameter of TypeScript type `type` cannot use. Strings are
  // judged by the function itself (a junk code gets its errors; a junk free text may well
  // propose nothing); whole numbers are read as text; undefined and null are the defaults of
  // an options object, and any plain object may be one.
  // (A real Date only: a Date-like is not one; nor is a revoked Proxy an array or a plain
  // object, it cannot be read at all.)
  const isDate = (v) => {
    try {
      Date.prototype.getTime.call(v);
      return true;
    } catch (_) {
      return false;
    }
  };
  const readable = (v) => {
    try {
      Array.isArray(v);
      return true;
    } catch (_) {
      return false;
    }
  };
  const unusable = (type, value) => {
    const t = type.replace(/\|\s*undefined/g, '');
    const plain = value !== null && typeof value === 'object' && readable(value) && !Array.isArray(value);
    const whole = typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e15;
    if (/\bstring\b/.test(t)) return !(typeof value === 'string' || whole || (isDate(value) && /\bDate\b/.test(t)));
    if (/^\s*number\s*$/.test(t)) return !whole;
    return !(value === undefined || value === null || plain);
  };
  const healthy = () => {
    const checks = [];
    const cf = m.checkCodiceFiscale('RSSMRA85T10A562S', { today: '2026-11-20' });
    checks.push(cf?.valid === true && cf?.person?.placeName === 'San Giuliano Terme');
    checks.push(m.isValidCodiceFiscale('rss mra 85t10 a562s') === true);
    checks.push(m.addWorkingDays('2026-10-01', 7, { sede: 'bologna' })?.date === '2026-10-12');
    return checks.every(Boolean);
  };
  // The panic hook writes "instrada: internal error" with console.error; the widget's
  // refusals are console warnings (expected here: attach(NaN) says what it needs).
  const saved = { error: console.error, warn: console.warn };
  const errors = [];
  console.error = (...args) => errors.push(args.map(String).join(' '));
  console.warn = () => {};
  const skip = new Set(['default', 'initSync']);
  try {
    const fns = Object.entries(m).filter(
      ([name, f]) => typeof f === 'function' && !skip.has(name) && !/^class\b/.test(Function.prototype.toString.call(f)),
    );
    problems.exported = fns.map(([name]) => name);
    const widgets = [];
    // A usable value for a parameter, by its name in the declarations (a parameter not
    // named here gets undefined): the hostile value then reaches the later positions with
    // the earlier ones valid, so options are read too.
    const usable = {
      input: 'RSSMRA85T10A562S',
      code: 'RSSMRA85T10A562S',
      date: '2026-10-01',
      from: '2026-10-01',
      to: '2026-10-20',
      n: 7,
      days: 7,
      year: 2026,
      profile_id: 'milano',
      titolario_id: 'aziende-dm-torino-2017',
      id: 'aziende-dm-torino-2017',
      text: "Contestazione dell'avviso bonario",
      max_bytes: 1000,
    };
    // In a page, attach and mount get a real element in the position not under test.
    const good = (name, position, prefix) => {
      const param = env.sigs[name]?.[position]?.name;
      if (prefix && param in usable) return usable[param];
      if (!env.dom) return undefined;
      if (name === 'attach' && position === 0) {
        const form = document.createElement('form');
        form.innerHTML = '<input data-instrada-field="codice-fiscale"><button>Invia</button>';
        document.body.append(form);
        return form;
      }
      if (name === 'mount' && position === 0) {
        const div = document.createElement('div');
        document.body.append(div);
        return div;
      }
      return undefined;
    };
    const values = hostile();
    for (const [name, f] of fns) {
      const params = env.sigs[name] ?? [];
      // [count, position, prefix]: `count` arguments, the hostile value at `position`, the
      // others undefined, or (prefix) the earlier ones usable.
      const shapes = [[]];
      for (let count = 1; count <= 3; count++) {
        for (let position = 0; position < count; position++) {
          shapes.push([count, position, false]);
          if (position > 0) shapes.push([count, position, true]);
        }
      }
      for (const [label, value] of values) {
        for (const shape of shapes) {
          const [count, position, prefix] = shape;
          const args = [];
          for (let i = 0; i < (count ?? 0); i++) args.push(i === position ? value : good(name, i, prefix && i < position));
          problems.calls++;
          const shown = (a, i) =>
            i === position ? label : a instanceof Object && 'tagName' in a ? 'element' : JSON.stringify(a) ?? 'undefined';
          const where = `${name}(${args.map(shown).join(', ')})`;
          let result;
          try {
            result = f(...args);
          } catch (error) {
            problems.throws.push(`${where} threw ${String(error).slice(0, 200)}`);
            continue;
          }
          if (result && typeof result === 'object' && typeof result.detach === 'function') {
            widgets.push(result);
            try {
              for (const method of ['findings', 'validate', 'detach', 'findings']) result[method](value, value);
              void result.form;
              // A handle after detach, and after free() should one ever have it again.
              result.free?.();
              result.detach();
              result.validate();
            } catch (error) {
              problems.throws.push(`${where} → widget method threw ${String(error).slice(0, 200)}`);
            }
          }
          for (const finding of findingsIn(result)) {
            const ok =
              codeShape.test(finding.code) &&
              ['error', 'warning', 'info'].includes(finding.severity) &&
              typeof finding.message === 'string' &&
              finding.message.trim().length > 0 &&
              finding.message.length < 2000;
            if (!ok) problems.badFindings.push(`${where}: ${JSON.stringify(finding).slice(0, 300)}`);
          }
          // A required parameter given this value: a finding that says what to pass, or a
          // refusal. (A later parameter only when the earlier ones are usable: otherwise it
          // may not be read at all, the first being answered.)
          const param = params[position];
          if ((position === 0 || prefix) && param?.required && unusable(param.type, value)) {
            // Any finding counts: crossCheckCodiceFiscale answers a wrong code with an info
            // ("correct the code first"), the code's own check having said what is wrong.
            const answered = refusal(result) || findingsIn(result).length > 0;
            if (!answered) problems.silent.push(`${where} → ${JSON.stringify(result)?.slice(0, 200)}`);
          }
        }
      }
      if (errors.length) problems.panics.push(`after ${name}: ${errors.splice(0).join(' | ').slice(0, 300)}`);
      if (!healthy()) problems.broken.push(`the module no longer answers right after ${name}`);
    }
    for (const w of widgets) w.free?.();
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
  }
  return problems;
}

/** Asserts the run found nothing wrong, with every problem in the message. */
function assertClean(problems, where) {
  assert.ok(problems.exported.length > 0, `${where}: no function found`);
  const { throws, panics, broken, badFindings, silent } = problems;
  // One comparison, so that a failure lists every kind of problem at once.
  assert.deepEqual(
    { throws, panics, broken, badFindings, silent },
    { throws: [], panics: [], broken: [], badFindings: [], silent: [] },
    `${where}: throws = calls that threw; panics = the panic hook spoke; broken = a known-good call failed after; ` +
      'badFindings = a finding without a stable code, severity or message; silent = a required parameter given a value it cannot use, and no finding',
  );
}

async function inNode(dir) {
  const m = await import(new URL(`${dir}/instrada.js`, ROOT));
  m.initSync({ module: readFileSync(new URL(`${dir}/instrada_bg.wasm`, ROOT)) });
  // The list of places (a file of the package, issue 15): `healthy()` expects a place's name.
  assert.equal(await m.ready(), true);
  const sigs = signatures(readFileSync(new URL(`${dir}/instrada.d.ts`, ROOT), 'utf8'));
  return { m, sigs, problems: await exercise(m, { sigs, dom: false }) };
}

test('the package (pkg/) in Node: every export, every hostile value, every position', { timeout: 600_000 }, async () => {
  const { m, sigs, problems } = await inNode('pkg');
  // The enumeration found the API the README documents (a sanity check, not the list).
  for (const name of ['checkCodiceFiscale', 'route', 'review', 'timeline', 'loadProfile', 'attach', 'mount']) {
    assert.ok(problems.exported.includes(name), `${name} is exported and was called`);
  }
  assert.deepEqual(Object.keys(sigs).filter((n) => !(n in m) && n !== 'initSync'), [], 'every declared function exists');
  assertClean(problems, 'pkg in Node');
  assert.ok(problems.calls > 5000, `${problems.calls} calls`);
});

test('a text over the limit is refused with input.too-long before any work; at the limit it is answered', async () => {
  const m = await import(new URL('pkg/instrada.js', ROOT));
  m.initSync({ module: readFileSync(new URL('pkg/instrada_bg.wasm', ROOT)) });
  const over = 'A'.repeat((1 << 20) + 1);
  for (const [name, call] of [
    ['checkCodiceFiscale', () => m.checkCodiceFiscale(over).errors],
    ['checkMatricola', () => m.checkMatricola(over).findings ?? m.checkMatricola(over).errors],
    ['isWorkingDay', () => m.isWorkingDay(over).findings],
  ]) {
    const findings = call();
    assert.ok(
      findings.some((f) => f.code === 'input.too-long' && /1048576/.test(f.message)),
      `${name}: ${JSON.stringify(findings).slice(0, 300)}`,
    );
  }
  // At the limit: answered (a finding about the code, not about the length).
  const at = m.checkCodiceFiscale('A'.repeat(1 << 20));
  assert.equal(at.valid, false);
  assert.ok(at.errors.length > 0 && at.errors.every((f) => f.code !== 'input.too-long'), JSON.stringify(at.errors).slice(0, 300));
  assert.equal(m.isValidCodiceFiscale(over), false);
});

const site = useSite();

test('the package in Chromium, with attach/mount on real elements and every Widget method', { timeout: 600_000 }, async () => {
  const { context, page, foreign, console: messages } = await openPage(site.browser, site.origin);
  // inviata.html: a page of the demo without the widget (and without a CSP of its own).
  await page.goto(`${site.origin}/inviata.html`);
  const sigs = signatures(readFileSync(new URL('pkg/instrada.d.ts', ROOT), 'utf8'));
  const problems = await page.evaluate(`(async () => {
    const m = await import('/pkg/instrada.js');
    await m.default({ module_or_path: '/pkg/instrada_bg.wasm' });
    await m.ready();
    return (${exercise.toString()})(m, ${JSON.stringify({ sigs, dom: true })});
  })()`);
  assertClean(problems, 'pkg in Chromium');
  assert.ok(problems.calls > 5000, `${problems.calls} calls`);
  // The page itself still works: a fresh form is enhanced and checks a code.
  const decoded = await page.evaluate(async () => {
    const m = await import('/pkg/instrada.js');
    const form = document.createElement('form');
    form.innerHTML = '<label for="x">Codice fiscale</label><input id="x" data-instrada-field="codice-fiscale">';
    document.body.append(form);
    const widget = m.attach(form, { today: '2026-11-20' });
    const input = form.querySelector('input');
    input.value = 'RSSMRA85T10A562S';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const text = form.textContent;
    widget.detach();
    return text;
  });
  assert.match(decoded, /Nato il 10\/12\/1985 a San Giuliano Terme \(PI\)/);
  assert.deepEqual(foreign, []);
  assert.deepEqual(messages.filter((x) => x.type === 'pageerror' || /internal error/.test(x.text)), []);
  await context.close();
});

test('the widget wrapper (instrada-widget.js): every export with hostile values resolves, never rejects', { timeout: 600_000 }, async () => {
  const { context, page, foreign } = await openPage(site.browser, site.origin);
  await page.goto(`${site.origin}/inviata.html`);
  const problems = await page.evaluate(async () => {
    const wrapper = await import('/pkg/instrada-widget.js');
    const out = [];
    const warn = console.warn;
    console.warn = () => {};
    const values = [
      ['undefined', undefined], ['null', null], ['NaN', NaN], ['0', 0], ['true', true], ['string', '<b>x</b>'],
      ['symbol', Symbol('x')], ['function', () => 1], ['[]', []], ['{}', {}],
      ['{ root: 5 }', { root: 5 }], ['{ root: null }', { root: null }], ['{ wasm: 5 }', { wasm: 5 }],
      ['{ profile: {} }', { profile: {} }], ['Proxy that throws', new Proxy({}, { get() { throw new Error('trap'); } })],
      ['{ root: a Proxy that throws }', { root: new Proxy({}, { get() { throw new Error('trap'); } }) }],
      ['{ root: a revoked Proxy }', { root: (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })() }],
      ['a revoked Proxy', (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()],
    ];
    try {
      // Loaded first, with null options (the default place of the wasm): the later hostile
      // `wasm` options find it loaded.
      try {
        if ((await wrapper.load(null)) !== true) out.push('load(null) did not load the module');
      } catch (error) {
        out.push(`load(null) threw ${error}`);
      }
      for (const [name, f] of Object.entries(wrapper)) {
        if (typeof f !== 'function') continue;
        for (const [label, value] of values) {
          for (const args of [[value], [value, value], [document.createElement('form'), value], [document.createElement('div'), value]]) {
            try {
              const result = await f(...args);
              if (result && typeof result.detach === 'function') result.detach();
              if (Array.isArray(result)) for (const w of result) w.detach();
            } catch (error) {
              out.push(`${name}(${label}…) threw ${String(error).slice(0, 160)}`);
            }
          }
        }
      }
    } finally {
      console.warn = warn;
    }
    return out;
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});
