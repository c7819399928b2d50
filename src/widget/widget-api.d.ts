
/** Which checks the widget runs; each is on unless set to false. */
export interface InstradaChecks {
  /** The codice fiscale (and matricola) checks, and the decoded data. */
  codiceFiscale?: boolean;
  /** The object picker, and the check that the object is in the titolario. */
  picker?: boolean;
  /** The review: generic object misuse, e-mail subject, mailboxes. */
  review?: boolean;
  /** The channel advice. */
  channel?: boolean;
  /** The dates INPS must answer by, and the .ics download. */
  timeline?: boolean;
}
/** Options of `attach`; the form's `data-instrada-*` attributes fill what is left out. */
export interface InstradaOptions {
  /** Protocol profile: "milano", "torino", "siena", "emilia-romagna" (attribute `data-instrada`). */
  profile?: string;
  /** A sede of the profile, for its local closures (attribute `data-instrada-sede`). */
  sede?: string;
  /** Language of the messages: Italian by default (attribute `data-instrada-lang`). */
  lang?: Lang;
  /** Today's date, "YYYY-MM-DD" or a Date; the browser's date by default (attribute `data-instrada-today`). */
  today?: string | Date;
  /** A label for the .ics events' titles, e.g. your practice number (attribute `data-instrada-label`); never the codice fiscale unless you put it here. */
  label?: string;
  /** Which checks are on (attribute `data-instrada-checks`: the names of those on). */
  checks?: InstradaChecks;
  /**
   * The portal's own option values mapped onto instrada's, by field:
   * `{ gestione: { DM: "aziende-dm", ART: "artigiani-commercianti" } }`. An `<option>`'s
   * `data-instrada-value` attribute does the same in the markup.
   */
  values?: { [field: string]: { [portalValue: string]: string } };
}
/** Options of `update`: each one given replaces the current setting; the others stay. */
export type InstradaUpdateOptions = Pick<InstradaOptions, "profile" | "sede" | "lang" | "today" | "checks" | "values">;
/** Options of `mount`: those of `attach`, and where the built form submits. */
export interface InstradaMountOptions extends InstradaOptions {
  action?: string;
  method?: "get" | "post";
}
/**
 * A handle on an enhanced form. Dropping it does nothing: the widget lives until
 * `detach()`. It has no `free()`; after `detach()` its methods do nothing.
 */
export interface Widget {
  /** Removes everything the widget added and puts back what it changed; a mounted form is removed. A second call does nothing. */
  detach(): void;
  /** The current findings of every check, each with its `field`; an empty array once detached. */
  findings(): Finding[];
  /** Runs the checks as a submission would, without submitting; true when there is no error. */
  validate(): boolean;
  /** Applies new options without losing what is typed; does nothing once detached. */
  update(options: InstradaUpdateOptions): void;
  /** Looks at the form again as on attach (for a portal that filled the fields itself). */
  refresh(): void;
  /** The enhanced form (undefined once detached). */
  readonly form: HTMLFormElement | undefined;
}
/** `detail` of the `instrada:change`, `instrada:invalid` and `instrada:valid` events. */
export interface InstradaEventDetail {
  /** True when no finding is an error. */
  valid: boolean;
  findings: Finding[];
}
