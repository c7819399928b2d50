//! The results of the calendar functions, written on the wire (`crate::wire`) in the shapes
//! the TypeScript declarations of `mod.rs` give: an absent value is `null`.

use crate::calendar::{Holiday, Scope};
use crate::dates::iso;
use crate::finding::{Finding, Lang};
use crate::wire::{Json, ToWire};

pub(super) struct CalendarRef {
    pub(super) sede: Option<&'static str>,
    pub(super) label: String,
}

impl ToWire for CalendarRef {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str_or_null("sede", self.sede);
        out.field_str("label", &self.label);
        out.end_object();
    }
}

pub(super) struct HolidayInfo {
    pub(super) date: String,
    pub(super) name: &'static str,
    pub(super) scope: Scope,
    pub(super) source: &'static str,
}

impl HolidayInfo {
    pub(super) fn new(h: &Holiday, lang: Lang) -> HolidayInfo {
        HolidayInfo {
            date: iso(h.date),
            name: h.name(lang),
            scope: h.scope,
            source: h.source,
        }
    }
}

impl ToWire for HolidayInfo {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("date", &self.date);
        out.field_str("name", self.name);
        out.field_str(
            "scope",
            match self.scope {
                Scope::National => "national",
                Scope::Local => "local",
            },
        );
        out.field_str("source", self.source);
        out.end_object();
    }
}

/// `key: n`, or `key: null`.
fn field_int_or_null(out: &mut Json, key: &str, value: Option<i32>) {
    out.key(key);
    match value {
        Some(n) => out.int(i64::from(n)),
        None => out.null(),
    }
}

/// The fields a calendar function's answer starts with, before the calendar and the
/// findings every answer ends with. `Default` is a failed call's: `null`, `false`, empty.
pub(super) trait Head: Default {
    fn write_fields(&self, out: &mut Json);
}

/// A calendar function's answer: its own fields, then the calendar used (`null` when the call
/// failed) and the findings.
pub(super) struct Answer<H> {
    pub(super) head: H,
    pub(super) calendar: Option<CalendarRef>,
    pub(super) findings: Vec<Finding>,
}

impl<H: Head> Answer<H> {
    /// The answer of a call that failed with `finding`.
    pub(super) fn failed(finding: Finding) -> Answer<H> {
        Answer {
            head: H::default(),
            calendar: None,
            findings: vec![finding],
        }
    }
}

impl<H: Head> ToWire for Answer<H> {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        self.head.write_fields(out);
        write_tail(out, &self.calendar, &self.findings);
    }
}

/// The `calendar` and `findings` every answer ends with: one function, not one copy per
/// kind of answer (a smaller module).
#[inline(never)]
fn write_tail(out: &mut Json, calendar: &Option<CalendarRef>, findings: &[Finding]) {
    out.key("calendar");
    calendar.write(out);
    out.field_list("findings", findings);
    out.end_object();
}

/// `HolidaysResult`.
#[derive(Default)]
pub(super) struct Holidays {
    pub(super) year: Option<i32>,
    pub(super) holidays: Vec<HolidayInfo>,
}

impl Head for Holidays {
    fn write_fields(&self, out: &mut Json) {
        field_int_or_null(out, "year", self.year);
        out.field_list("holidays", &self.holidays);
    }
}

/// `WorkingDayResult`.
#[derive(Default)]
pub(super) struct WorkingDay {
    pub(super) working_day: Option<bool>,
    pub(super) day: Option<&'static str>,
    pub(super) holiday: Option<HolidayInfo>,
}

impl Head for WorkingDay {
    fn write_fields(&self, out: &mut Json) {
        out.key("workingDay");
        self.working_day.write(out);
        out.field_str_or_null("day", self.day);
        out.key("holiday");
        self.holiday.write(out);
    }
}

/// `DateResult` (its failure only: `date_result_js` writes a date found).
#[derive(Default)]
pub(super) struct DateHead {
    pub(super) date: Option<String>,
}

impl Head for DateHead {
    fn write_fields(&self, out: &mut Json) {
        out.field_str_or_null("date", self.date.as_deref());
    }
}

/// `CountResult`.
#[derive(Default)]
pub(super) struct Count {
    pub(super) working_days: Option<i32>,
}

impl Head for Count {
    fn write_fields(&self, out: &mut Json) {
        field_int_or_null(out, "workingDays", self.working_days);
    }
}

/// `TermResult`.
#[derive(Default)]
pub(super) struct Term {
    pub(super) date: Option<String>,
    pub(super) nominal: Option<String>,
    pub(super) moved: bool,
}

impl Head for Term {
    fn write_fields(&self, out: &mut Json) {
        out.field_str_or_null("date", self.date.as_deref());
        out.field_str_or_null("nominal", self.nominal.as_deref());
        out.field_bool("moved", self.moved);
    }
}

pub(super) struct SedeInfo {
    pub(super) id: &'static str,
    pub(super) name: &'static str,
    pub(super) comune: &'static str,
    pub(super) region: &'static str,
    pub(super) saint: &'static str,
    pub(super) patron_day: String,
    pub(super) fixed_day: Option<String>,
    pub(super) source: &'static str,
    pub(super) document: Option<&'static str>,
}

impl ToWire for SedeInfo {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("id", self.id);
        out.field_str("name", self.name);
        out.field_str("comune", self.comune);
        out.field_str("region", self.region);
        out.field_str("saint", self.saint);
        out.field_str("patronDay", &self.patron_day);
        out.field_str_or_null("fixedDay", self.fixed_day.as_deref());
        out.field_str("source", self.source);
        out.field_str_or_null("document", self.document);
        out.end_object();
    }
}
