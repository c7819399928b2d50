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

// Changing the language or the profile builds the form again in place (`update`): what was
// typed and what the checks said are carried over, so no setting of the demo ever loses it.
function switchSettings() {
  widget?.update({ profile: profile.value, lang: language.value });
}

async function start() {
  if (!(await load())) {
    document.documentElement.dataset.instrada = 'unavailable';
    status.textContent = 'I controlli automatici non sono disponibili: il modulo non può essere costruito. Scrivi a INPS dal cassetto previdenziale.';
    return;
  }
  widget = await mount(container, { profile: profile.value, lang: language.value, today, action: 'inviata.html', method: 'get' });
  document.documentElement.dataset.instrada = 'ready';
  status.textContent = `Controlli attivi (instrada ${version()}).`;
  profile.addEventListener('change', switchSettings);
  language.addEventListener('change', switchSettings);
  for (const button of document.querySelectorAll('[data-sample]')) {
    button.addEventListener('click', () => widget?.form && fill(widget.form, button.dataset.sample));
  }
}

start();
