// The watchdog's JavaScript side (src/widget/watchdog.rs): whatever fails inside a widget,
// every widget of the page steps aside and the form is the portal's again, without calling
// the module once more.

const records = new Map();
const created = new WeakSet();
let failed = false;
let logged = false;
let api = null;

// The one message of a failure: its kind only (RuntimeError, TypeError, …), never its text.
function log(error) {
  if (logged) return;
  logged = true;
  let kind = 'Error';
  try {
    if (error !== null && typeof error === 'object' && typeof error.name === 'string') kind = error.name.slice(0, 40);
  } catch (_) {}
  console.error(`instrada: internal error (${kind}); the widget steps aside and the form keeps working.`);
}

function quiet(run) {
  try {
    run();
  } catch (_) {}
}

function setAttr(e, name, value) {
  quiet(() => (value === null ? e.removeAttribute(name) : e.setAttribute(name, value)));
}

// Puts a record's form back as the portal made it, in JavaScript only.
function restore(r) {
  if (r.mounted) {
    quiet(() => r.mounted.remove());
    return;
  }
  const prefix = r.prefix + '-';
  // Every element the widget created, wherever in the form or next to a bound control.
  const scopes = [r.form, ...r.controls.map((s) => s.c.parentElement).filter(Boolean)];
  const found = [];
  for (const scope of scopes) {
    quiet(() => {
      for (const e of scope.querySelectorAll('*')) found.push(e);
    });
  }
  // The person's choice in a portal's select stays, when it is an option the widget offered.
  for (const e of found) {
    if (!created.has(e) || e.tagName !== 'OPTION' || !e.selected) continue;
    const parent = e.parentElement;
    const select = parent?.tagName === 'OPTGROUP' ? parent.parentElement : parent;
    if (r.selects.has(select) && parent !== select) quiet(() => select.append(e));
  }
  for (const e of found) {
    if (!created.has(e) || !e.isConnected) continue;
    if (e.tagName === 'OPTION' && e.selected && r.selects.has(e.parentElement)) continue;
    quiet(() => e.remove());
  }
  for (const s of r.controls) {
    const c = s.c;
    // Only the bound fields: the widget never sets the others' messages, and what the
    // portal set on them since is the portal's.
    if (s.bound) quiet(() => c.setCustomValidity(s.custom));
    quiet(() => {
      const tokens = (c.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((t) => t && !t.startsWith(prefix));
      setAttr(c, 'aria-describedby', tokens.length ? tokens.join(' ') : s.describedby === null ? null : '');
    });
    setAttr(c, 'aria-invalid', s.invalid);
    quiet(() => {
      c.classList.toggle('is-invalid', s.invalidClass);
      c.classList.remove('instrada-has-warning');
      if (s.cls === null && c.getAttribute('class') === '') c.removeAttribute('class');
    });
    quiet(() => {
      if (c.id !== s.id && c.id.startsWith(prefix)) setAttr(c, 'id', s.idAttr);
    });
    if (s.selected) {
      quiet(() => {
        // A selection the widget changed on its own (filling the list): the portal's again.
        if (c.selectedIndex < 0) s.options.forEach((o, i) => (o.selected = s.selected[i]));
      });
    }
  }
  quiet(() => (r.form.noValidate = r.novalidate));
  for (const a of ['data-instrada-attached', 'data-instrada-catalog', 'data-instrada-places']) {
    quiet(() => r.form.removeAttribute(a));
  }
}

// What the portal's controls have before the widget touches them.
export function wd_watch(prefix, form, mounted) {
  const controls = [];
  const selects = new Set();
  const seen = new Set();
  let list = [];
  quiet(() => (list = [...Array.from(form.elements), ...Array.from(form.querySelectorAll('[data-instrada-field]'))]));
  for (const c of list) {
    if (seen.has(c)) continue;
    seen.add(c);
    try {
      const s = {
        c,
        id: c.id,
        idAttr: c.getAttribute('id'),
        cls: c.getAttribute('class'),
        invalidClass: c.classList.contains('is-invalid'),
        describedby: c.getAttribute('aria-describedby'),
        invalid: c.getAttribute('aria-invalid'),
        custom: c.validity && c.validity.customError ? c.validationMessage : '',
        bound: c.hasAttribute('data-instrada-field'),
        options: null,
        selected: null,
        value: '',
      };
      if (c.tagName === 'SELECT') {
        s.options = Array.from(c.options);
        s.selected = s.options.map((o) => o.selected);
        s.value = c.value;
        selects.add(c);
      }
      controls.push(s);
    } catch (_) {}
  }
  records.set(prefix, { prefix, form, mounted: mounted ?? null, novalidate: form.noValidate, controls, selects });
}

// The portal's custom validity message of a control at attach time ('' when none).
export function wd_custom(prefix, control) {
  const r = records.get(prefix);
  const s = r?.controls.find((x) => x.c === control);
  return s ? s.custom : '';
}

// After the widget's own detach: what only the snapshot knows, then forget the form.
export function wd_release(prefix) {
  const r = records.get(prefix);
  if (!r) return;
  records.delete(prefix);
  restore(r);
}

export function wd_created(e) {
  created.add(e);
}

export function wd_failed() {
  return failed;
}

// The panic hook has logged the failure: the watchdog does not log it again.
export function wd_logged() {
  logged = true;
}

// Tests only: a fresh start after a simulated failure.
export function wd_reset() {
  failed = false;
}

// Any failure: every widget steps aside, once; the submission in progress (if any) is
// handed to the browser's own validation.
export function wd_fail(error, event) {
  log(error);
  const first = !failed;
  failed = true;
  if (first) {
    for (const r of records.values()) restore(r);
    records.clear();
  }
  let form = null;
  quiet(() => {
    if (event && event.type === 'submit' && event.target instanceof HTMLFormElement) form = event.target;
  });
  if (form) {
    quiet(() => event.preventDefault());
    quiet(() => {
      if (!form.reportValidity()) return;
      // Once this submission's events are over (a form ignores requestSubmit while it fires
      // them): the browser's own submission, as the person asked for.
      const submitter = event.submitter ?? null;
      setTimeout(() => {
        try {
          form.requestSubmit(submitter);
        } catch (_) {
          quiet(() => form.requestSubmit());
        }
      }, 0);
    });
  }
}

// Wraps a handler (an event listener, an idle task): once anything failed, the module is
// not called again; a failure inside it makes every widget step aside.
export function guard(f) {
  let running = false;
  return function (event) {
    if (failed) return;
    // A value the widget applies is announced to the portal with `input` and `change`,
    // which reach this same listener while it runs: a Rust closure cannot be entered
    // twice (wasm-bindgen throws), and the outer call already checks the field again.
    if (running) return;
    running = true;
    try {
      f(event);
    } catch (error) {
      wd_fail(error, event);
    } finally {
      running = false;
    }
  };
}

// Runs f; false when it failed (every widget has then stepped aside).
export function wd_try(f) {
  if (failed) return false;
  try {
    f();
    return true;
  } catch (error) {
    wd_fail(error, undefined);
    return false;
  }
}

export function wd_api(f) {
  api = f;
}

function call(run, otherwise) {
  if (failed || api === null) return otherwise();
  try {
    return run();
  } catch (error) {
    wd_fail(error, undefined);
    return otherwise();
  }
}

// The handle `attach` and `mount` return. No `free()`: dropping it does nothing (the widget
// lives until `detach()`), and a method called after `detach()` does nothing.
class Widget {
  #key;
  #form;
  constructor(key, form) {
    this.#key = key;
    this.#form = form;
  }
  detach() {
    const key = this.#key;
    this.#key = null;
    this.#form = undefined;
    if (key !== null) call(() => api('detach', key), () => undefined);
  }
  findings() {
    const key = this.#key;
    return key === null ? [] : call(() => api('findings', key), () => []);
  }
  update(options) {
    const key = this.#key;
    if (key === null) return;
    const next = call(() => api('update', key, options), () => undefined);
    if (Array.isArray(next)) {
      this.#key = next[0];
      this.#form = next[1];
    } else {
      // Detached, or the new widget could not start: the handle does nothing from now on.
      this.#key = null;
    }
  }
  refresh() {
    const key = this.#key;
    if (key !== null) call(() => api('refresh', key), () => undefined);
  }
  validate() {
    const key = this.#key;
    const form = this.#form;
    if (key === null) return true;
    // After a failure: what the browser's own validation says.
    return call(() => api('validate', key), () => {
      try {
        return form.reportValidity();
      } catch (_) {
        return true;
      }
    });
  }
  get form() {
    return this.#form;
  }
}

// Brand checks that never throw: a Proxy of a form passes `instanceof HTMLFormElement` and
// then throws in every method; a revoked Proxy throws in `instanceof` itself. A platform
// getter read on `v` throws unless `v` is that kind of object; the prototype (`proto()`) is
// looked up inside the try too: where the page has no such interface, `v` is not one.
function branded(proto, getter, v) {
  try {
    Reflect.apply(Object.getOwnPropertyDescriptor(proto(), getter).get, v, []);
    return true;
  } catch (_) {
    return false;
  }
}
export function wd_is_form(v) {
  return branded(() => HTMLFormElement.prototype, 'elements', v);
}
export function wd_is_element(v) {
  return branded(() => Element.prototype, 'tagName', v);
}

// A control's value, at most `max` UTF-16 units of it (never half a surrogate pair): what
// the module copies into its memory and checks is bounded whatever is pasted. The full
// length is kept for wd_value_length.
let valueLength = 0;
export function wd_value(control, max) {
  const v = control.value;
  if (typeof v !== 'string') {
    valueLength = 0;
    return '';
  }
  valueLength = v.length;
  if (v.length <= max) return v;
  const end = max > 0 && (v.charCodeAt(max - 1) & 0xfc00) === 0xd800 ? max - 1 : max;
  return v.slice(0, end);
}
export function wd_value_length() {
  return valueLength;
}

export function wd_handle(key, form) {
  return new Widget(key, form);
}
