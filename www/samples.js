// Realistic sample requests for the demo (invented people and companies: the codici fiscali
// are well formed, nobody owns them). Filling a field dispatches `input`, `change` and
// `focusout`, as a person typing and leaving it would.
export const SAMPLES = {
  'avviso-bonario': {
    'codice-fiscale': 'RSSMRA85T10A562S',
    matricola: '4912345678',
    gestione: 'aziende-dm',
    descrizione:
      "Contestazione dell'avviso bonario n. 2026/004512 sui contributi di marzo 2026: il versamento risulta " +
      "effettuato con F24 del 16/04/2026, di cui si allega la quietanza. Si chiede l'annullamento dell'avviso.",
    oggetto: 'Non Specificato',
  },
  'cf-sbagliato': {
    'codice-fiscale': 'BNCGLI90A41F205V',
    gestione: 'liberi-professionisti',
    descrizione: 'Richiesta di chiarimenti sui versamenti alla Gestione separata del 2025.',
  },
  'cf-spazi': {
    'codice-fiscale': 'bncgli 90a41 f205h',
    gestione: 'artigiani-commercianti',
    descrizione: 'Richiesta di estratto contributivo aggiornato per la posizione di artigiano.',
  },
  completa: {
    'codice-fiscale': '02987650153',
    matricola: '4912345678',
    gestione: 'aziende-dm',
    descrizione:
      'Sollecito del rimborso del credito F24 del mese di marzo 2026 (DM a credito), richiesto con la ' +
      'comunicazione del 12/05/2026 rimasta senza risposta.',
    oggetto: 'Rimborsi/compensazioni DMP/RTP/DMVpassivi',
  },
  vuoto: {
    'codice-fiscale': '',
    matricola: '',
    gestione: '',
    descrizione: '',
    oggetto: '',
  },
};

/** Fills `form`'s marked fields with a sample, in the form's order, like a person would. */
export function fill(form, name) {
  const sample = SAMPLES[name];
  if (!sample) return;
  for (const [field, value] of Object.entries(sample)) {
    const control = form.querySelector(`[data-instrada-field="${field}"]`);
    if (!control) continue;
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
    control.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  }
}
