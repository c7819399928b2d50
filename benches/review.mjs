// The review benchmark: `review(draft)` of typical drafts (a 200-word description) through
// the wasm module in Node. Target (issue 5): under 1 ms per call.
//
//   make build              # or scripts/build.sh: builds pkg/
//   node benches/review.mjs
//
// A measurement, not a test: it prints, it never fails a build on timing. Each scenario is
// timed in CPU time of the process (best of several runs of CALLS calls), after a warm-up;
// the first call of the page, which also parses the embedded profiles and builds the
// titolario's suggestion index, is timed apart ("cold").
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CALLS = 2_000;
const RUNS = 5;

if (!existsSync(join(root, 'pkg/instrada_bg.wasm'))) {
  console.error('pkg/ is missing: build it first (make build, or scripts/build.sh).');
  process.exit(1);
}
const { initSync, review } = await import(join(root, 'pkg/instrada.js'));
initSync({ module: readFileSync(join(root, 'pkg/instrada_bg.wasm')) });

// About 200 words, as an intermediary would describe a contested DURC.
const DESCRIPTION = [
  "Buongiorno, scriviamo per conto della società cliente, matricola 1234567890, in merito al",
  "documento unico di regolarità contributiva richiesto il 12 febbraio e risultato irregolare.",
  "Dall'esame del cassetto previdenziale aziende emerge una presunta scopertura relativa al",
  "mese di novembre dell'anno precedente, per un importo di circa milleduecento euro, che",
  "secondo i nostri controlli è stata regolarmente versata con modello F24 del sedici dicembre,",
  "di cui alleghiamo la quietanza di pagamento rilasciata dalla banca. Riteniamo che il",
  "versamento non sia stato correttamente abbinato alla denuncia UniEmens del periodo, forse",
  "per un errore nel codice tributo o nella matricola indicata nel modello. Chiediamo pertanto",
  "la verifica dell'abbinamento e la sistemazione della posizione, così da consentire il",
  "rilascio del DURC regolare, necessario alla società per partecipare a una gara d'appalto",
  "in scadenza alla fine del mese. Segnaliamo inoltre che per lo stesso periodo è stata",
  "ricevuta una nota di rettifica che riteniamo collegata alla medesima anomalia: se utile,",
  "possiamo trasmettere anche il prospetto delle retribuzioni e i flussi inviati. Restiamo a",
  "disposizione per ogni chiarimento e ringraziamo per la cortese attenzione. Cordiali saluti,",
  "lo studio professionale incaricato dalla società, con delega registrata nel cassetto.",
].join(' ');

const SCENARIOS = [
  {
    name: 'Torino, aziende DM, "Non specificato" (suggestions)',
    draft: {
      profile: 'torino', sede: 'moncalieri', gestione: 'aziende-dm', kind: 'comunicazione', date: '2024-03-04',
      object: 'Non specificato', description: DESCRIPTION, codiceFiscale: '12345670017', matricola: '1234567890',
    },
  },
  {
    name: 'Milano, domestici, e-mail (recipient + subject)',
    draft: {
      profile: 'milano', sede: 'milano-nord', gestione: 'domestici', kind: 'comunicazione', date: '2024-03-04',
      recipient: 'Direzione.milanonord@inps.it', subject: 'sollecito rimborso', description: DESCRIPTION,
      codiceFiscale: 'RSSMRA80A01H501U',
    },
  },
  {
    name: 'Milano, aziende DM, sollecito level B',
    draft: {
      profile: 'milano', sede: 'milano-sud', gestione: 'aziende-dm', kind: 'sollecito', previous: 'scaduta',
      date: '2024-03-04', recipient: 'Adelegemma.boscia@inps.it', description: DESCRIPTION,
    },
  },
  {
    name: 'Emilia Romagna, aziende DM, "Non Specificato" eliminated',
    draft: {
      profile: 'emilia-romagna', gestione: 'aziende-dm', kind: 'comunicazione', date: '2024-03-04',
      object: 'Non Specificato', description: DESCRIPTION,
    },
  },
];

const words = DESCRIPTION.split(/\s+/).length;
const rows = [];
for (const { name, draft } of SCENARIOS) {
  let t = process.hrtime.bigint();
  const first = review(draft);
  const cold = Number(process.hrtime.bigint() - t) / 1e6;
  if (!Array.isArray(first.findings)) throw new Error(`no findings for ${name}`);
  for (let i = 0; i < 200; i++) review(draft); // warm up
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const u = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) review(draft);
    const used = process.cpuUsage(u);
    best = Math.min(best, (used.user + used.system) / 1e3 / CALLS);
  }
  rows.push({ scenario: name, 'ms/call': best.toFixed(3), 'cold ms': cold.toFixed(2), findings: first.findings.length, 'under 1 ms': best < 1 ? 'yes' : 'NO' });
}
console.log(`review(draft), ${words}-word description, best of ${RUNS} × ${CALLS} calls (CPU time)`);
console.table(rows);
