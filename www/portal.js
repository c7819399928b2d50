// A portal's own script, as a portal would write it: its own field names and option values,
// its own check of the mandate checkbox, a saved draft put back into the form. instrada is
// attached to the form with a `values` option for the values the markup does not map.
import { attach, load, version } from './pkg/instrada-widget.js';

const status = document.getElementById('stato-pratica');
const form = document.getElementById('pratica');
const language = document.getElementById('portale-lingua');
const profile = document.getElementById('portale-profilo');
const params = new URLSearchParams(location.search);
const today = params.get('oggi') ?? undefined;
if (params.get('lingua')) language.value = params.get('lingua');
if (params.get('profilo')) profile.value = params.get('profilo');

// The portal's saved drafts (invented data: nobody owns these codes).
const DRAFTS = {
  avviso: {
    cod_fisc: 'RSSMRA85T10A562S',
    matr: '4912345678',
    gest: 'DM',
    tipo_rich: 'COM',
    testo:
      "Contestazione dell'avviso bonario n. 2026/004512 sui contributi di marzo 2026: il versamento risulta " +
      "effettuato con F24 del 16/04/2026, di cui si allega la quietanza. Si chiede l'annullamento dell'avviso.",
    ogg: 'Non specificato',
  },
  sollecito: {
    cod_fisc: '02987650153',
    matr: '4912345678',
    gest: 'DM',
    sede_inps: 'milano-nord',
    tipo_rich: 'SOLL',
    data_prima: '2026-10-01',
    esito: 'NR',
    testo: 'Sollecito della richiesta di rimborso del credito DM di marzo 2026 inviata il 01/10/2026, rimasta senza risposta.',
  },
};

/** Puts a saved draft back into the form, as the portal's own code does (no events). */
function restoreDraft(name) {
  const draft = DRAFTS[name];
  if (!draft) return false;
  for (const [field, value] of Object.entries(draft)) {
    const control = form.elements.namedItem(field);
    if (control) control.value = value;
  }
  return true;
}

// The portal's own rule: the mandate must be confirmed. instrada leaves it to the portal.
form.addEventListener('submit', (event) => {
  const box = document.getElementById('consenso');
  const message = document.getElementById('consenso-errore');
  message.hidden = box.checked;
  if (box.checked) box.removeAttribute('aria-invalid');
  else box.setAttribute('aria-invalid', 'true');
  if (!box.checked) event.preventDefault();
});

async function start() {
  // A draft in the address (`?bozza=avviso`) is in the form before instrada attaches, as a
  // draft the server wrote into the page would be.
  if (params.get('bozza')) restoreDraft(params.get('bozza'));
  if (!(await load())) {
    document.documentElement.dataset.instrada = 'unavailable';
    status.textContent = 'I controlli automatici non sono disponibili: la pratica si può comunque inviare.';
    return;
  }
  const widget = await attach(form, {
    profile: profile.value,
    lang: language.value,
    today,
    // The values the markup leaves unmapped; several portal values to one of instrada's.
    values: { gestione: { ART: 'artigiani-commercianti', COM: 'artigiani-commercianti' }, tipo: { SOLL: 'sollecito' } },
  });
  window.pratica = { widget, restoreDraft };
  // The sede of a draft can only be chosen once the widget has listed the sedi.
  const draft = DRAFTS[params.get('bozza')];
  if (draft?.sede_inps && form.elements.namedItem('sede_inps').value !== draft.sede_inps) {
    restoreDraft(params.get('bozza'));
    widget?.refresh();
  }
  language.addEventListener('change', () => widget?.update({ lang: language.value }));
  profile.addEventListener('change', () => widget?.update({ profile: profile.value }));
  document.getElementById('riprendi-bozza').addEventListener('click', () => {
    // A draft put back after the widget attached: the portal asks it to look again.
    restoreDraft('avviso');
    widget?.refresh();
  });
  document.documentElement.dataset.instrada = 'ready';
  status.textContent = `Controlli attivi (instrada ${version()}).`;
}

start();
