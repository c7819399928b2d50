
/** Options of the calendar functions. */
export interface CalendarOptions {
  /** A sede id from `sedi()` (e.g. "milano-nord") or its name; absent for the national calendar. */
  sede?: string;
  /** Language of names and messages: "it" (default) or "en". */
  lang?: "it" | "en";
}
/** The calendar a result was computed with. */
export interface CalendarRef {
  /** The sede id, or null for the national calendar. */
  sede: string | null;
  /** For people: "Calendario nazionale + Sant'Ambrogio, patrono di Milano (7 dicembre)". */
  label: string;
}
export interface HolidayInfo {
  date: string;
  name: string;
  scope: "national" | "local";
  /** The law or local rule: "L. 151/2025", "Festa patronale del Comune di Milano". */
  source: string;
}
export interface HolidaysResult {
  year: number | null;
  holidays: HolidayInfo[];
  calendar: CalendarRef | null;
  findings: Finding[];
}
export interface WorkingDayResult {
  /** null when the input could not be read (see findings). */
  workingDay: boolean | null;
  day: "working" | "saturday" | "sunday" | "holiday" | null;
  holiday: HolidayInfo | null;
  calendar: CalendarRef | null;
  findings: Finding[];
}
export interface DateResult {
  /** "YYYY-MM-DD", or null when the input could not be read (see findings). */
  date: string | null;
  calendar: CalendarRef | null;
  findings: Finding[];
}
export interface CountResult {
  workingDays: number | null;
  calendar: CalendarRef | null;
  findings: Finding[];
}
export interface TermResult {
  /** When the term is due: `nominal`, or the next working day when the office is closed then. */
  date: string | null;
  /** The event's date plus the calendar days. */
  nominal: string | null;
  moved: boolean;
  calendar: CalendarRef | null;
  findings: Finding[];
}
export interface SedeInfo {
  id: string;
  name: string;
  comune: string;
  region: string;
  saint: string;
  /** The patron day in words: "7 dicembre", "primo martedì di maggio". */
  patronDay: string;
  /** "MM-DD" for a fixed day, null for a movable one. */
  fixedDay: string | null;
  source: string;
  /** The source document that names this office, when one does. */
  document: string | null;
}
export interface IcsEventInput {
  date: string;
  summary: string;
  description?: string;
  /** Stable identity: the UID is derived from it, so a recomputed date updates the event. */
  key?: string;
  /** Reminders: days before the day, at hour:minute (default 09:00). */
  reminders?: { daysBefore: number; hour?: number; minute?: number }[];
}
export interface IcsInput {
  /** Calendar name shown by calendar applications. */
  name?: string;
  /** When the file is made, UTC, as an ISO string (e.g. new Date().toISOString()). Required: the library never reads the clock. */
  stamp: string;
  events: IcsEventInput[];
}
export interface IcsResult {
  /** The .ics text (CRLF line ends), or null when the input could not be read. */
  ics: string | null;
  findings: Finding[];
}
