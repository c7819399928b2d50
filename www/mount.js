// The "mount" demo: instrada builds the whole request form in an empty element.
import { load, mount, version } from './pkg/instrada-widget.js';
import { fill } from './samples.js';

const status = document.getElementById('stato-instrada');
const container = document.getElementById('modulo');
const profile = document.getElementById('demo-profilo');
const language = document.getElementById('demo-lingua');
const params = new URLSearchParams(location.search);
const today = params.get('oggi') ?? undefined;
if (params.get('profilo')) profile.value = params.get('profilo');
if (params.get('lingua')) language.value = params.get('lingua');

let widget;

// Changing the language or the profile builds the form again: what was typed is carried
// over, field by field, so that no setting of the demo ever loses it.
async function build() {
  const typed = widget?.form ? values(widget.form) : {};
  widget?.detach();
  widget = await mount(container, { profile: profile.value, lang: language.value, today, action: 'inviata.html', method: 'get' });
  if (widget?.form) restore(widget.form, typed);
}

/** The values of a mounted form's fields, by field name. */
function values(form) {
  const out = {};
  for (const control of form.querySelectorAll('[data-instrada-field]')) out[control.dataset.instradaField] = control.value;
  return out;
}

/**
 * Puts `saved` back into a freshly mounted form, in the form's order (the gestione before the
 * object, whose list it decides), telling the widget as typing would.
 */
function restore(form, saved) {
  for (const control of form.querySelectorAll('[data-instrada-field]')) {
    const value = saved[control.dataset.instradaField];
    if (value === undefined || control.value === value) continue;
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

async function start() {
  if (!(await load())) {
    document.documentElement.dataset.instrada = 'unavailable';
    status.textContent = 'I controlli automatici non sono disponibili: il modulo non può essere costruito. Scrivi a INPS dal cassetto previdenziale.';
    return;
  }
  await build();
  document.documentElement.dataset.instrada = 'ready';
  status.textContent = `Controlli attivi (instrada ${version()}).`;
  profile.addEventListener('change', build);
  language.addEventListener('change', build);
  for (const button of document.querySelectorAll('[data-sample]')) {
    button.addEventListener('click', () => widget?.form && fill(widget.form, button.dataset.sample));
  }
}

start();
