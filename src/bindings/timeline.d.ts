
/** A request whose response timeline is wanted. Only `sent` is required. */
export interface TimelineRequest {
  /** The protocol profile: "milano", "torino", "siena", "emilia-romagna", "nazionale", "nazionale-gdp", or one the portal loaded. Absent: the sede's protocol, else the national baseline ("nazionale"). */
  profile?: string;
  /** The day the request is sent: "YYYY-MM-DD", "DD/MM/YYYY" or a Date. */
  sent: string | Date;
  /** The competent sede ("milano-nord"): its calendar adds the patron day; escalation contacts are filtered by it. */
  sede?: string;
  /** The cassetto ("aziende-dm", …) or the gestione; found from the object when absent. */
  cassetto?: string;
  /** The object of the cassetto's menu (id or label, e.g. "Durc"). */
  object?: string;
  /** "comunicazione" (default), "sollecito", "riesame", "durc", "domanda", "domanda-telematizzata", "domanda-non-telematizzata", "appuntamento", "urgente", "quesito-normativo". */
  kind?: string;
  /** The sending time, "HH:MM": only used for a phone line's hours. */
  time?: string;
  /** The day INPS got in touch with you (asked for documents, reported anomalies): your own deadlines count from it. */
  notice?: string | Date;
  /** A quesito normativo sent to the regional Direzione directly (Emilia Romagna). */
  regional?: boolean;
  /** For a sollecito: the day the first request was sent ("YYYY-MM-DD", "DD/MM/YYYY" or a Date). The 20 working days of the whole process count from it, and levels B and C follow the first request's answer date. */
  firstRequest?: string | Date;
  /** How the first request went: "scaduta" (or "senza-risposta"), "non-accolta", "non-esaustiva", "in-attesa", "accolta", "nessuna". "non-esaustiva" and "non-accolta" open level B at once where the protocol says so (Torino §2.6 B). */
  previous?: PreviousOutcome;
  /** Your reference for the request (protocol number): shown in calendar events, and it keys their UIDs. */
  reference?: string;
  /** timelineIcs only: a label for the events' titles (e.g. your practice number), in place of the reference or the object. Nothing of the person (their codice fiscale) is put in a title unless you put it here. */
  label?: string;
  /** Today: each entry says whether its date has passed; also the DTSTAMP of the .ics. */
  today?: string | Date;
  lang?: Lang;
}
/** An address to write to. */
export interface TimelineRecipient {
  address: string;
  /** In copy rather than as addressee. */
  cc: boolean;
  role: string | null;
  /** The sedi the contact answers for (empty: all). */
  sedi: string[];
}
/** One date of the timeline. */
export interface TimelineEntry {
  /** Stable id: "risposta" (for a sollecito with `firstRequest`: the first request's answer), "livello-b", "livello-c", "processo", "intermediario-risposta", "intermediario-durc", "intermediario-istanze", "risposta-preavviso-durc", "appuntamento", "appuntamento-possibile", "richiamata", "quesito-provinciale", "quesito-regionale", "sollecito-quesito", "telefono". */
  id: string;
  /** "YYYY-MM-DD", or null when the documents give no date for this request (the explanation says why). */
  date: string | null;
  /** Who acts on the date: INPS by then, you may from then, you must by then. */
  kind: "inps-deadline" | "you-may" | "your-deadline";
  title: string;
  /** The document's rule and how the date follows from it. */
  explanation: string;
  /** instrada's reading where the document is silent or ambiguous. */
  reading: string | null;
  /** The document and section that produced the date. */
  rule: Source;
  term: { days: number; unit: "working-days" | "calendar-days" } | null;
  recipients: TimelineRecipient[];
  /** Relative to the request's `today`, when given. */
  status: "passed" | "today" | "upcoming" | null;
}
/** The response timeline of a request. */
export interface Timeline {
  profile: string | null;
  profileName: string;
  territory: string;
  sede: string | null;
  cassetto: string | null;
  object: { id: string; label: string; titolario: string; generic: boolean } | null;
  kind: string;
  sent: string | null;
  time: string | null;
  /** The sending date, or the next working day when the offices are closed that day. */
  countingFrom: string | null;
  /** The calendar the dates were computed with. */
  calendarLabel: string;
  /** Whether the profile guarantees an answer date for this request. */
  guaranteed: boolean;
  /** Earliest first; entries without a date last. Empty when the request has errors. */
  entries: TimelineEntry[];
  findings: Finding[];
  lang: Lang;
}
/** The timeline as an iCalendar file. */
export interface TimelineIcsResult {
  /** The .ics text (CRLF line ends), or null when there is nothing to export (see findings). */
  ics: string | null;
  /** A file name for the download, e.g. "scadenze-inps-milano-2025-12-24.ics". */
  filename: string | null;
  findings: Finding[];
}
