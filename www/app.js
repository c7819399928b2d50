// The demo page's script: enhances the portal's own form with instrada. If anything fails
// (the wasm cannot be fetched, the browser has no WebAssembly), the form keeps working
// exactly as without the widget, and the failure is logged once (by the wrapper).
import { attach, load, version } from './pkg/instrada-widget.js';
import { fill } from './samples.js';

// benches/widget.mjs reads these marks: from this module's start to an interactive widget.
performance.mark('instrada:start');

const status = document.getElementById('stato-instrada');
const form = document.getElementById('richiesta');
const profile = document.getElementById('demo-profilo');
const language = document.getElementById('demo-lingua');
// `?oggi=2026-11-20` fixes "today" (the tests use it); otherwise the browser's date.
const params = new URLSearchParams(location.search);
const today = params.get('oggi') ?? undefined;
if (params.get('profilo')) profile.value = params.get('profilo');
if (params.get('lingua')) language.value = params.get('lingua');

let widget;

async function enhance() {
  form.dataset.instrada = profile.value;
  widget = await attach(form, { profile: profile.value, lang: language.value, today });
  return widget !== undefined;
}

// Switching the profile or the language keeps everything: what is typed, and what the checks
// said (said again in the new language, with the new profile's rules).
function switchSettings() {
  form.dataset.instrada = profile.value;
  widget?.update({ profile: profile.value, lang: language.value });
}

async function start() {
  const loaded = await load();
  performance.mark('instrada:loaded');
  if (!loaded) {
    document.documentElement.dataset.instrada = 'unavailable';
    status.textContent = 'I controlli automatici non sono disponibili: puoi comunque compilare e inviare il modulo.';
    return;
  }
  await enhance();
  performance.mark('instrada:interactive');
  document.documentElement.dataset.instrada = 'ready';
  status.textContent = `Controlli attivi (instrada ${version()}).`;
  profile.addEventListener('change', switchSettings);
  language.addEventListener('change', switchSettings);
  for (const button of document.querySelectorAll('[data-sample]')) {
    button.addEventListener('click', () => fill(form, button.dataset.sample));
  }
}

start();
