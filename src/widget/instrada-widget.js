// instrada's widget for portals.
//
//   import { start } from './instrada-widget.js';
//   start({ today: '2026-11-23' });   // enhances every <form data-instrada="…">
//
// `start`, `attach` and `mount` load the WebAssembly module once, never throw, and never
// leave a form half-enhanced: if the module cannot be loaded or fails, the forms stay
// exactly as they were (they submit as without the widget) and ONE console warning says
// why. No network request other than the module itself, no storage, no cookies.
import init, { attach as attachNow, mount as mountNow, version as moduleVersion } from './instrada.js';

let loading;
let warned = false;

function warnOnce(what, error) {
  if (warned) return;
  warned = true;
  console.warn(`instrada: ${what}; the form works without the checks.`, error ?? '');
}

/**
 * Loads and initialises the module (once; later calls share the same promise). `wasm` is
 * where the .wasm file is, by default next to this file. Resolves to true, or to false when
 * it could not be loaded (after one console warning).
 */
export function load(options = {}) {
  try {
    loading ??= init({ module_or_path: option(options, 'wasm') ?? new URL('./instrada_bg.wasm', import.meta.url) }).then(
      () => true,
      (error) => {
        warnOnce('the WebAssembly module could not be loaded', error);
        return false;
      },
    );
  } catch (error) {
    warnOnce('the WebAssembly module could not be loaded', error);
    loading = Promise.resolve(false);
  }
  return loading;
}

/**
 * Loads the module and enhances every `form[data-instrada]` under `options.root` (the
 * document by default); each form's `data-instrada` attribute names its profile. Resolves to
 * the widgets (an empty array when the module could not be loaded).
 */
export async function start(options = {}) {
  if (!(await load(options))) return [];
  let forms;
  try {
    const root = option(options, 'root') ?? document;
    // A root that throws when read (a Proxy) is no root: resolved, never rejected.
    forms = Array.from(root.querySelectorAll('form[data-instrada]'));
  } catch {
    console.warn('instrada: start() needs options.root to be a document or an element; no form was enhanced.');
    return [];
  }
  let copy = {};
  try {
    if (options !== null && typeof options === 'object') copy = { ...options };
  } catch {
    // Unreadable options (a Proxy that throws): the forms' own attributes and the defaults.
  }
  const widgets = [];
  for (const form of forms) {
    const widget = guarded(() => attachNow(form, { ...copy, profile: form.getAttribute('data-instrada') || copy.profile }));
    if (widget) widgets.push(widget);
  }
  return widgets;
}

/** Enhances one form. Resolves to the widget, or undefined (after one console warning). */
export async function attach(form, options = {}) {
  if (!(await load(options))) return undefined;
  return guarded(() => attachNow(form, options));
}

/** Builds a complete request form in `container` and enhances it. */
export async function mount(container, options = {}) {
  if (!(await load(options))) return undefined;
  return guarded(() => mountNow(container, options));
}

/** instrada's version, once loaded ("" before). */
export function version() {
  return guarded(() => moduleVersion()) ?? '';
}

/** `options[name]`, or undefined: whatever a portal passes as options, reading never throws. */
function option(options, name) {
  try {
    return options !== null && typeof options === 'object' ? options[name] : undefined;
  } catch {
    return undefined;
  }
}

function guarded(run) {
  try {
    return run();
  } catch (error) {
    warnOnce('the checks stopped', error);
    return undefined;
  }
}
