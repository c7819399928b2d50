
/** How a threshold counts days. */
export type Unit = "working-days" | "calendar-days";
/** A threshold: days INPS has to settle a request on this object. */
export interface TempoSoglia { days: number; unit: Unit; }
/** Whether an object is offered: "legacy" are the ER "Oggetti precedenti". */
export type ObjectStatus = "active" | "removed" | "eliminated" | "legacy";
/** A cassetto (drawer) of the INPS portal, whose Comunicazione bidirezionale has a menu of objects. */
export type Cassetto = "aziende-dm" | "committenti-gs" | "liberi-professionisti" | "artigiani-commercianti" | "dipendenti-pubblici" | "agricoli" | "domestici";
export interface TitolarioSummary {
  id: string;
  cassetto: Cassetto;
  name: string; asOf: string; source: Source;
  /** Why the list is not in the documents, when it is not. */
  listMissing?: string;
  /** Titolario of the same cassetto to fall back to when the list is missing. */
  seeAlso?: string;
  /** Id of the generic object ("Non Specificato", "altro"). */
  generic?: string;
  objectCount: number;
}
export interface TitolariResult { titolari: TitolarioSummary[]; findings: Finding[]; }
export interface OggettoView {
  id: string; label: string; labelEn: string; tempoSoglia?: TempoSoglia;
  from?: string; removed?: string; status: ObjectStatus; generic: boolean;
  /** Whether it can be chosen at the requested date (as the list stands, without one). */
  available: boolean;
  note?: NoteView; source: Source;
}
export interface ClasseView { id: string; label: string; labelEn: string; direct: boolean; objects: OggettoView[]; source: Source; }
/** A note of a titolario or object: the document's text (with where) or instrada's reading (with why). */
export type NoteView =
  | { text: string; kind: "document"; source: Source }
  | { text: string; kind: "reading"; why: string };
export interface TitolarioView extends TitolarioSummary { notes: NoteView[]; classes: ClasseView[]; }
export interface TitolarioOptions { date?: string; lang?: "it" | "en"; }
export interface TitolarioResult { titolario?: TitolarioView; findings: Finding[]; }
export interface SuggestOptions { date?: string; limit?: number; lang?: "it" | "en"; }
export interface ObjectSuggestion {
  object: string; label: string; labelEn: string; classe: string; score: number;
  /** The words of the description that matched. */
  matched: string[];
  tempoSoglia?: TempoSoglia;
}
export interface SuggestResult {
  /** The titolario the suggestions come from (the seeAlso one when the list is missing). */
  titolario?: string;
  suggestions: ObjectSuggestion[];
  findings: Finding[];
}
