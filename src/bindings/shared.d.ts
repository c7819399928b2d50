
/** The language of messages: Italian (default) or English. */
export type Lang = "it" | "en";
/** How much a finding matters; only errors block a submission. */
export type Severity = "error" | "warning" | "info";
/** Where a rule comes from: a source document (file name) and its section, or a law. */
export interface Source { document: string; section: string; }
/** One problem, warning or piece of information about an input. */
export interface Finding {
  /** Stable identifier, `area.kebab-case`: match on it, never on the message. */
  code: string;
  severity: Severity;
  /** For a person: what is wrong and what to do, in the requested language. */
  message: string;
  /** 0-based character position in the normalised input. */
  position?: number;
  /**
   * The form field concerned, by its `data-instrada-field` name (`codice-fiscale`, `oggetto`,
   * `data-invio`, …) whichever function reports it; for what the form has no field for, the
   * property (or path) of the input as passed (`profileId`, `events[2].summary`).
   */
  field?: string;
  /** A value the user may accept with an explicit action. */
  suggestion?: string;
  source?: Source;
}
