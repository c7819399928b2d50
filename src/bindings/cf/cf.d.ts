
/** One problem, warning or piece of information. `code` is stable (`cf.month`, …). */
export interface CfFinding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  /** 0-based position in `normalized`. */
  position?: number;
  /** Form field: "codice-fiscale", "cognome", "nome", "data-nascita", "sesso", "luogo-nascita", "matricola". */
  field?: string;
  /**
   * A corrected value the user may accept explicitly (never applied by instrada). A wrong
   * codice fiscale has at most 3: the likeliest on the error, the others on
   * `cf.alternative` warnings.
   */
  suggestion?: string;
}
export interface CfPerson {
  birthDate: string;
  sex: "M" | "F";
  placeCode: string;
  placeName?: string;
  /** Province abbreviation, "EE" for foreign states. */
  province?: string;
  omocode: boolean;
}
export interface CfCheckResult {
  valid: boolean;
  normalized: string;
  kind: "person" | "entity" | "temporary" | null;
  errors: CfFinding[];
  warnings: CfFinding[];
  infos?: CfFinding[];
  person?: CfPerson;
}
export interface CfFields {
  surname?: string;
  name?: string;
  /** YYYY-MM-DD or DD/MM/YYYY. */
  birthDate?: string;
  sex?: "M" | "F" | string;
  /** Belfiore code (H501); wins over placeName. */
  placeCode?: string;
  /** Place name; add the province for shared names: "Castro (LE)". */
  placeName?: string;
  lang?: "it" | "en";
}
export interface CfCrossCheckOptions extends CfFields {
  /** Today's date, YYYY-MM-DD, for the century of birth. Default: the place registry's date. */
  today?: string;
}
/**
 * The options of `checkCodiceFiscale`: the same as `crossCheckCodiceFiscale`'s, all optional.
 * The form's other fields order the suggestions for a wrong code: the corrections that agree
 * with them come first (ones that disagree are dropped when one agrees). A valid code is not
 * compared with them here: `crossCheckCodiceFiscale` does that.
 */
export type CfCheckOptions = CfCrossCheckOptions;
export interface CfEncodeResult {
  code: string | null;
  errors: CfFinding[];
  warnings: CfFinding[];
}
export interface MatricolaResult {
  valid: boolean;
  normalized: string;
  errors: CfFinding[];
  /** Options that could not be used (`input.not-object`, `input.unknown-lang`). */
  warnings: CfFinding[];
  infos?: CfFinding[];
}
