// The review benchmark: `review(draft)` of typical drafts (a 200-word description) through
// the wasm module in Node. Target (issue 5): under 1 ms per call.
//
//   scripts/build.sh        # builds pkg/, the whole product
//   node benches/review.mjs [package dir, default pkg]
//
// A measurement, not a test: it prints, it never fails a build on timing. Each call is timed
// on its own after a warm-up, and the table gives the median and the 95th percentile of CALLS
// calls per scenario, in CPU time (and in wall-clock time, which on a busy machine also counts
// waiting for a core); the first call of the page, which also
// parses the embedded profiles and builds the titolario's suggestion index, is timed apart
// ("cold").
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = resolve(root, process.argv[2] ?? 'pkg');
const CALLS = 3_000;
const WARM_UP = 300;

if (!existsSync(join(dir, 'instrada_bg.wasm'))) {
  console.error(`${dir} has no instrada_bg.wasm: build it first (scripts/build.sh).`);
  process.exit(1);
}
const { initSync, review, ready } = await import(join(dir, 'instrada.js'));
if (typeof review !== 'function') {
  console.error(`${dir} was built without the catalog feature: review() is not exported.`);
  process.exit(1);
}
initSync({ module: readFileSync(join(dir, 'instrada_bg.wasm')) });
// The built-in profiles are a file of the package (issue 15): read before measuring.
await ready();

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
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const rows = [];
for (const { name, draft } of SCENARIOS) {
  let t = process.hrtime.bigint();
  const first = review(draft);
  const cold = Number(process.hrtime.bigint() - t) / 1e6;
  if (!Array.isArray(first.findings)) throw new Error(`no findings for ${name}`);
  for (let i = 0; i < WARM_UP; i++) review(draft);
  // CPU time of the process per call (getrusage, microseconds): on a shared machine the
  // wall clock also counts the time the process waits for a core.
  const times = new Float64Array(CALLS);
  const wall = new Float64Array(CALLS);
  for (let i = 0; i < CALLS; i++) {
    const u = process.cpuUsage();
    t = process.hrtime.bigint();
    review(draft);
    wall[i] = Number(process.hrtime.bigint() - t) / 1e6;
    const used = process.cpuUsage(u);
    times[i] = (used.user + used.system) / 1e3;
  }
  times.sort();
  wall.sort();
  const median = quantile(times, 0.5);
  const p95 = quantile(times, 0.95);
  rows.push({
    scenario: name,
    'median ms': median.toFixed(3),
    'p95 ms': p95.toFixed(3),
    'wall median': quantile(wall, 0.5).toFixed(3),
    'wall p95': quantile(wall, 0.95).toFixed(3),
    'cold ms': cold.toFixed(2),
    findings: first.findings.length,
    'under 1 ms': p95 < 1 ? 'yes' : median < 1 ? 'median only' : 'NO',
  });
}
console.log(`review(draft), ${words}-word description, ${CALLS} calls per scenario after ${WARM_UP} (CPU time per call; wall clock apart)`);
console.table(rows);
