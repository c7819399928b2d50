
/** Where the package's lazy files come from (see `ready`). */
export interface ReadyOptions {
  /**
   * Where `instrada-places.txt` is served, when not next to the module (the default:
   * `new URL('instrada-places.txt', <the package's URL>)`). Only the first load uses it.
   */
  url?: string | URL;
  /** The file's text, for a caller that reads it itself (Node, a bundle that inlines it). */
  text?: string;
  /**
   * Where `instrada-catalog.txt` (the built-in profiles and titolari) is served, when not
   * next to the module. Only the first load uses it.
   */
  catalogUrl?: string | URL;
  /** The text of `instrada-catalog.txt`, for a caller that reads it itself. */
  catalogText?: string;
}
