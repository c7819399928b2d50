
export type Gestione = "aziende-dm" | "committenti-gs" | "liberi-professionisti" | "artigiani-commercianti" | "agricoli" | "domestici" | "sport-spettacolo" | "dipendenti-pubblici";
export type RequestKind = "domanda" | "domanda-telematizzata" | "domanda-non-telematizzata" | "comunicazione" | "sollecito" | "durc" | "appuntamento" | "urgente" | "quesito-normativo" | "riesame";
/** How an earlier request went: "senza-risposta" is the same as "scaduta" (no answer within the response time). */
export type PreviousOutcome = "nessuna" | "in-attesa" | "scaduta" | "senza-risposta" | "non-accolta" | "non-esaustiva" | "accolta";
export type ChannelId = "servizi-online" | "pec" | "bidirezionale" | "email" | "agenda" | "telefono" | "ordine" | "escalation" | "nessuno";
/** What a form knows. Every field is optional text; a wrong value is a finding. */
export interface RouteFacts {
  profile?: string;
  sede?: string;
  gestione?: Gestione | string;
  kind?: RequestKind | string;
  /** YYYY-MM-DD or DD/MM/YYYY: the sending date (the widget never reads the clock). */
  date?: string;
  description?: string;
  /** How the earlier request went. "non-esaustiva" (or "non-accolta") routes a sollecito to level B where the protocol says so (Torino §2.6 B). */
  previous?: PreviousOutcome;
  level?: "B" | "C";
  /** The request is about accentramento (Torino §2.5: Direzione.torino@inps.it). Left out: read from the description ("accentramento", "matricola accentrata"). */
  accentramento?: boolean;
  /** The contribution period the request is about, "MM/YYYY" or "YYYY-MM" (Torino §2.5: the sport e spettacolo box serves periods up to 12/2014; later ones get a warning and no address). `periodo` is accepted too. */
  period?: string;
  periodo?: string;
  lang?: "it" | "en";
}
export interface RouteAddress { address: string; kind: "pec" | "email"; sede?: string; role?: string; note?: string }
export interface RouteStep {
  channel: ChannelId;
  rule?: string;
  why: string;
  /** instrada's reading, when the protocol does not state the rule (Siena 2012: the channel of a DURC request, istanze not online); `why` says what the document does state. */
  reading?: string;
  source?: Source;
  addresses: RouteAddress[];
  cc: RouteAddress[];
  cassetto?: { cassetto: string; name: string; titolario?: string; menu?: string; generic?: string };
  subject: ("codice-fiscale" | "codice-fiscale-o-matricola" | "gestione" | "contenuto")[];
  subjectPrefix?: string;
  booking: ("richiedente" | "identificativi" | "gestione" | "atto-e-oggetto" | "dettaglio")[];
  requires: ("codice-fiscale" | "matricola" | "riferimento" | "copia-cassetti")[];
  phone: { number: string; days: string[]; from: string; to: string; purpose: string }[];
}
export interface RouteResult extends RouteStep {
  ok: boolean;
  profile?: string;
  sede?: string;
  gestione?: Gestione;
  kind?: RequestKind;
  date?: string;
  alternatives: RouteStep[];
  listed?: { label: string; onlineOnly: boolean; matched: string[]; source: Source };
  findings: Finding[];
}
/** A draft request as the form holds it. */
export interface ReviewDraft extends RouteFacts {
  cassetto?: string;
  channel?: ChannelId | string;
  object?: string;
  subject?: string;
  recipient?: string;
  sender?: string;
  codiceFiscale?: string;
  matricola?: string;
  reference?: string;
}
export interface ReviewResult {
  ok: boolean;
  findings: Finding[];
  route: RouteResult;
  /** The objects that fit the description, best first (as `suggestObjects` gives them). */
  objects: ObjectSuggestion[];
  subject?: string;
}
export interface SubjectRequest { codiceFiscale?: string; gestione?: Gestione | string; content?: string; matricola?: string; lang?: "it" | "en" }
export interface SubjectResult { ok: boolean; subject: string; findings: Finding[] }
/** Options that only choose the language of the messages. */
export interface LangOptions { lang?: Lang }
/** Options of `catalog`: the date the rules are read at (YYYY-MM-DD or DD/MM/YYYY). */
export interface CatalogOptions { date?: string; lang?: Lang }
export interface LoadResult {
  ok: boolean;
  id?: string;
  errors: Finding[];
  /** Options that could not be used (`input.not-object`, `input.unknown-lang`). */
  warnings: Finding[];
}
export interface ProfileSummary {
  id: string; name: string; territory: string; issuer: string; document: string; title: string; date: string;
  from: string; until?: string; trialUntil?: string; inherits: string[]; sedi: string[]; builtIn: boolean;
}
export interface CatalogResult {
  ok: boolean;
  findings: Finding[];
  catalog?: {
    profile: ProfileSummary; date: string; inForce: boolean;
    cassetti: { cassetto: string; name: string; gestioni: Gestione[]; bidirezionale: boolean; menu?: string; titolario?: string; listMissing?: string; objectsFrom?: string;
      classes: { id: string; label: string; direct: boolean; objects: { id: string; label: string; tempoSoglia?: TempoSoglia; generic: boolean }[] }[]; profile: string; source: Source }[];
    channels: { rule: string; profile: string; gestioni: Gestione[]; kinds: RequestKind[]; channel: ChannelId; alternativeOnly: boolean; why: string; source: Source }[];
    sedi: { id: string; name: string; mailboxes: { address: string; kind: "pec" | "email"; uses: string[]; note?: string; source: Source }[] }[];
    mailboxes: { address: string; kind: "pec" | "email"; uses: string[]; note?: string; source: Source }[];
    terms: { kind: string; days: number; unit: "lavorativi" | "calendario"; by: "inps" | "intermediario"; label: string; note?: string; source: Source }[];
    escalation: { level: "B" | "C"; when: string; listFrom: string; to: { address: string; sedi: string[]; role?: string }[]; cc: { address: string; sedi: string[]; role?: string }[]; source: Source }[];
    phone: { number: string; days: string[]; from: string; to: string; purpose: string; source: Source }[];
    onlineOnly: { label: string; source: Source }[];
    deadMailboxes: string[];
  };
}
