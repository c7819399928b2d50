//! The place registry: every Belfiore code (Italian comuni, current and suppressed, and
//! foreign states, current and ceased) with its names, province and periods of validity.
//!
//! Built from the ANPR archive of comuni and stati esteri (Ministero dell'Interno, licence
//! [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)) by `scripts/gen_places.py`
//! into `src/data/places.txt`, whose header describes the format. The text is **read in
//! place**: loading it finds where each line starts (one pass over the line breaks, about a
//! millisecond in a browser, no decoding) and each look-up reads the few bytes of its code's
//! lines (names split at `|`, periods read item by item as they are asked for). Look-up by
//! code is a binary search over the sorted codes (`O(log n)`); look-up by name uses an index
//! built at the first name search.
//!
//! **Where the text comes from.** Natively, and in a wasm build without the `places-file`
//! feature, it is embedded (`include_str!`) and indexed at first use. The published package
//! is built with `places-file`: the text is not in the module but a file of the package,
//! `instrada-places.txt` (written by `build/places.rs` with the names front-coded, expanded
//! back once by [`load`]), that JavaScript fetches (at idle after start-up, or at the first
//! need: `bindings::places`) and hands over with [`load`]. Until then the registry is
//! absent ([`absence`]): look-ups find nothing, but the module still knows the registry's
//! date ([`registry_date`]) and which codes exist ([`code_exists`], one bit per possible
//! code, written by `build.rs` from the same `places.txt`), so that a codice fiscale is
//! still checked and only the place's name and history wait for the file.
//!
//! Each code keeps its periods of validity (with gaps: a comune suppressed and restored),
//! the name it had in each, its latest province and, for bilingual comuni, the name in the
//! other language. Earlier provinces of comuni that moved to a new province are not kept.
//!
//! ```
//! use chrono::NaiveDate;
//! use instrada::cf::places;
//!
//! let roma = places::lookup_code("H501").unwrap();
//! assert_eq!(roma.name(), "Roma");
//! assert_eq!(roma.province(), "RM");
//!
//! // A code keeps its history: A001 was "Abano" until 13/11/1924.
//! let abano = places::lookup_code("A001").unwrap();
//! let d = |y, m, g| NaiveDate::from_ymd_opt(y, m, g).unwrap();
//! assert_eq!(abano.name_on(d(1920, 1, 1)), "Abano");
//! assert_eq!(abano.name_on(d(1950, 1, 1)), "Abano Terme");
//!
//! // By name, keeping the places valid on a date.
//! let found = places::find_by_name("Bagnolo Piemonte", Some(d(1985, 12, 10)));
//! assert_eq!(found[0].code(), "A571");
//! ```

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};

use crate::text::fold_words;

mod registry;

pub use registry::{absence, load, mark_unavailable, preload, preload_step, Absence};
use registry::{registry, Registry, Span};

// `REGISTRY_YMD` and `EXISTS`, written by build.rs from src/data/places.txt.
include!(concat!(env!("OUT_DIR"), "/places_codes.rs"));

/// The first letters a Belfiore code can have: `A`–`I`, `L`, `M` for comuni, `Z` for states.
pub const CODE_LETTERS: &str = "ABCDEFGHILMZ";

/// Possible codes: 12 letters × 999 numbers, one `%names` line each.
const SLOTS: usize = 12 * 999;

/// Day 0 of the registry's day numbers.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1861, 1, 1).unwrap_or_default()
}

fn from_days(days: u32) -> NaiveDate {
    epoch()
        .checked_add_days(Days::new(days as u64))
        .unwrap_or_default()
}

fn to_days(date: NaiveDate) -> i64 {
    // `epoch().num_days_from_ce()`, as a constant: this is on the path of every check.
    const EPOCH_FROM_CE: i64 = 679_352;
    date.num_days_from_ce() as i64 - EPOCH_FROM_CE
}

/// Sorts codes: letter position in [`CODE_LETTERS`] × 1000 + number.
fn key_of(code: &[u8]) -> Option<u16> {
    if code.len() != 4 {
        return None;
    }
    let letter = CODE_LETTERS
        .bytes()
        .position(|l| l == code[0].to_ascii_uppercase())?;
    let mut n: u16 = 0;
    for &d in &code[1..] {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + (d - b'0') as u16;
    }
    Some(letter as u16 * 1000 + n)
}

/// The `%names` line of a key (letter × 999 + number − 1), if the number is 1 to 999.
fn slot_of(key: u16) -> Option<usize> {
    let (letter, n) = (key as usize / 1000, key as usize % 1000);
    (n >= 1)
        .then(|| letter * 999 + n - 1)
        .filter(|&s| s < SLOTS)
}

const OPEN: u32 = u32::MAX;

static NAME_INDEX: OnceLock<Vec<(Box<str>, u32)>> = OnceLock::new();
/// The latest date the registry knows (the newest change in the ANPR archive it was built
/// from). Checks that need "today" and were not given one use this date. Known even while
/// the registry is absent.
pub fn registry_date() -> NaiveDate {
    let (y, m, d) = REGISTRY_YMD;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Whether `code` (`H501`, any case) is a code of the registry. Known even while the
/// registry is absent (a bit per possible code, in the module).
pub fn code_exists(code: &str) -> bool {
    key_of(code.as_bytes())
        .and_then(slot_of)
        .is_some_and(|s| EXISTS.get(s / 8).is_some_and(|b| b >> (s % 8) & 1 == 1))
}

/// Whether the code of letter `letter` (any case) and number `number` (1–999) exists: the
/// fast path's form of [`code_exists`], on bytes already read.
#[inline]
pub(crate) fn slot_exists(letter: u8, number: u16) -> bool {
    let upper = letter.to_ascii_uppercase();
    let Some(l) = CODE_LETTERS.bytes().position(|x| x == upper) else {
        return false;
    };
    (1..=999).contains(&number) && code_bit(l * 999 + usize::from(number) - 1)
}

/// How many codes the registry holds (0 while it is absent).
pub fn len() -> usize {
    registry().map_or(0, |r| r.codes.len())
}

/// Whether the registry is empty (while it is absent, or if its text were damaged).
pub fn is_empty() -> bool {
    len() == 0
}

/// One Belfiore code of the registry. Cheap to copy; all strings borrow from the registry.
#[derive(Clone, Copy)]
pub struct Place {
    reg: &'static Registry,
    i: u32,
}

impl std::fmt::Debug for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} ({})", self.code(), self.name(), self.province())
    }
}

impl PartialEq for Place {
    fn eq(&self, other: &Place) -> bool {
        self.i == other.i
    }
}

/// A period in which a code was valid under one name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// First valid day.
    pub from: NaiveDate,
    /// Last valid day, `None` while the code is still valid.
    pub until: Option<NaiveDate>,
    /// The name in this period.
    pub name: &'static str,
}

/// A period as the `%time` line gives it: days since 1861-01-01, the index of the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawPeriod {
    from: u32,
    /// Last valid day, included; [`OPEN`] while still valid.
    until: u32,
    name: u16,
}

impl Place {
    fn line(&self, spans: &[Span]) -> &'static str {
        spans
            .get(self.i as usize)
            .and_then(|s| {
                self.reg
                    .text
                    .get(s.start as usize..s.start as usize + s.len as usize)
            })
            .unwrap_or("")
    }

    /// The Belfiore code, e.g. `H501`.
    pub fn code(&self) -> &'static str {
        self.reg
            .codes
            .get(self.i as usize)
            .and_then(|c| std::str::from_utf8(c).ok())
            .unwrap_or("")
    }

    /// The province's abbreviation (the latest one the code had), or `EE` for a foreign state.
    pub fn province(&self) -> &'static str {
        self.line(&self.reg.time).split(' ').next().unwrap_or("")
    }

    /// Whether this is a foreign state (`Z` code).
    pub fn is_foreign(&self) -> bool {
        self.code().starts_with('Z')
    }

    fn name_at(&self, i: usize) -> &'static str {
        self.line(&self.reg.names).split('|').nth(i).unwrap_or("")
    }

    /// The periods as written in the `%time` line, read one item at a time.
    fn raw_periods(&self) -> RawPeriods {
        let mut items = self.line(&self.reg.time).split(' ');
        items.next(); // the province
        let mut items = items.peekable();
        // No start of its own: valid from the archive's nominal first day.
        let first = items.peek().is_none_or(|i| i.starts_with('-')).then(|| {
            let from = if self.is_foreign() {
                DEFAULT_STATE
            } else {
                DEFAULT_COMUNE
            };
            RawPeriod {
                from,
                until: OPEN,
                name: 0,
            }
        });
        RawPeriods {
            items,
            current: first,
        }
    }

    /// The latest name.
    pub fn name(&self) -> &'static str {
        let last = self.raw_periods().last().map(|p| p.name as usize);
        self.name_at(last.unwrap_or(0))
    }

    /// The name the code had on `date`: the period containing it, else the nearest one.
    pub fn name_on(&self, date: NaiveDate) -> &'static str {
        self.name_at(self.name_index_on(date))
    }

    /// Which of [`Place::names`] the code had on `date` (0 for the first).
    pub fn name_index_on(&self, date: NaiveDate) -> usize {
        let d = to_days(date);
        // The last period that starts by `date`, else the first one.
        let mut found = None;
        for (i, p) in self.raw_periods().enumerate() {
            if i == 0 || p.from as i64 <= d {
                found = Some(p.name as usize);
            }
        }
        found.unwrap_or(0)
    }

    /// The place's position in the registry (0 to [`len`] − 1), stable for one build of
    /// the data: a key for callers that keep per-place values (the JavaScript API keeps
    /// the names it has already sent across the boundary).
    pub fn index(&self) -> usize {
        self.i as usize
    }

    /// Every name the code had, in order of first use.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        self.line(&self.reg.names).split('|')
    }

    /// The name in the other official language of a bilingual comune (e.g. `Bozen`).
    pub fn alt_name(&self) -> Option<&'static str> {
        Some(self.line(&self.reg.alt)).filter(|a| !a.is_empty())
    }

    /// The periods of validity, oldest first.
    pub fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        self.raw_periods().map(|p| Period {
            from: from_days(p.from),
            until: (p.until != OPEN).then(|| from_days(p.until)),
            name: self.name_at(p.name as usize),
        })
    }

    /// Whether the code was valid on `date`.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        let d = to_days(date);
        self.raw_periods()
            .any(|p| p.from as i64 <= d && (p.until == OPEN || d <= p.until as i64))
    }

    /// The first day the code was valid.
    pub fn valid_from(&self) -> NaiveDate {
        from_days(self.raw_periods().next().map(|p| p.from).unwrap_or(0))
    }

    /// The last day the code was valid, `None` if it still is.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.raw_periods()
            .last()
            .and_then(|p| (p.until != OPEN).then(|| from_days(p.until)))
    }
}

/// 1861-03-17, the proclamation of the Kingdom of Italy: the first day of a comune whose
/// `%time` line gives no start (days since 1861-01-01).
const DEFAULT_COMUNE: u32 = 75;
/// 1900-01-01, the archive's nominal start for states.
const DEFAULT_STATE: u32 = 14_244;

/// The periods of a `%time` line, in order: `d` a period starts on day `d` (the running one
/// ends the day before, unless it ended already), `d=n` the same under name `n`, `-d` the
/// running period ends on day `d`. A period is complete when the next item that starts one
/// is read, or at the end of the line.
struct RawPeriods {
    items: std::iter::Peekable<std::str::Split<'static, char>>,
    current: Option<RawPeriod>,
}

impl Iterator for RawPeriods {
    type Item = RawPeriod;
    fn next(&mut self) -> Option<RawPeriod> {
        for item in self.items.by_ref() {
            if let Some(end) = item.strip_prefix('-') {
                if let (Some(p), Some(d)) = (self.current.as_mut(), parse_b36(end)) {
                    p.until = d;
                }
                continue;
            }
            let (day, name) = match item.split_once('=') {
                Some((d, n)) => (d, n.parse::<u16>().ok()),
                None => (item, None),
            };
            let Some(from) = parse_b36(day) else { continue };
            let prev_name = self.current.map(|p| p.name).unwrap_or(0);
            let next = RawPeriod {
                from,
                until: OPEN,
                name: name.unwrap_or(prev_name),
            };
            if let Some(mut done) = self.current.replace(next) {
                if done.until == OPEN {
                    done.until = from.saturating_sub(1);
                }
                return Some(done);
            }
        }
        self.current.take()
    }
}

fn parse_b36(s: &str) -> Option<u32> {
    u32::from_str_radix(s, 36).ok()
}

/// Finds a Belfiore code (`H501`, any case). `O(log n)`. Omocodia letters are not undone
/// here: pass the code with digits. `None` too while the registry is absent ([`absence`];
/// [`code_exists`] still answers).
pub fn lookup_code(code: &str) -> Option<Place> {
    let key = key_of(code.as_bytes())?;
    let reg = registry()?;
    let i = reg.keys.binary_search(&key).ok()?;
    Some(Place { reg, i: i as u32 })
}

fn name_index() -> &'static Vec<(Box<str>, u32)> {
    NAME_INDEX.get_or_init(|| {
        let Some(reg) = registry() else {
            return Vec::new();
        };
        let mut index = Vec::with_capacity(reg.codes.len() + 1024);
        for i in 0..reg.codes.len() as u32 {
            let place = Place { reg, i };
            let mut seen: Vec<String> = Vec::new();
            for name in place.names().chain(place.alt_name()) {
                let folded = fold_words(name);
                if !folded.is_empty() && !seen.contains(&folded) {
                    seen.push(folded.clone());
                    index.push((folded.into_boxed_str(), i));
                }
            }
        }
        // Unique pairs: any sort gives the same order.
        crate::text::heap_sort(&mut index);
        index
    })
}

/// Splits "Castro (LE)" into ("Castro", Some("LE")).
fn split_province(name: &str) -> (&str, Option<String>) {
    let t = name.trim();
    if let Some(open) = crate::text::rfind_byte(t, b'(') {
        if t.ends_with(')') {
            let inner = t[open + 1..t.len() - 1].trim();
            if inner.len() == 2 && inner.chars().all(|c| c.is_ascii_alphabetic()) {
                return (t[..open].trim_end(), Some(inner.to_ascii_uppercase()));
            }
        }
    }
    (t, None)
}

/// Finds places by name: case, accents, apostrophes and spacing are ignored
/// (`"sant'antonio"` finds "Sant'Antonio"), earlier names and the names in the other
/// language of bilingual comuni count, and a province in brackets narrows the search
/// (`"Castro (LE)"`). With `on`, only the places valid on that date are kept, unless none
/// is, in which case all matches are returned (the caller decides what to say). Results
/// are in code order. Empty while the registry is absent ([`absence`]).
pub fn find_by_name(name: &str, on: Option<NaiveDate>) -> Vec<Place> {
    let (bare, province) = split_province(name);
    if bare.chars().count() > 200 {
        return Vec::new();
    }
    let folded = fold_words(bare);
    let Some(reg) = registry().filter(|_| !folded.is_empty()) else {
        return Vec::new();
    };
    let index = name_index();
    let start = index.partition_point(|(n, _)| n.as_ref() < folded.as_str());
    let mut found: Vec<Place> = index[start..]
        .iter()
        .take_while(|(n, _)| n.as_ref() == folded.as_str())
        .map(|&(_, i)| Place { reg, i })
        .filter(|p| province.as_deref().is_none_or(|pr| p.province() == pr))
        .collect();
    // Positions are in code order.
    crate::text::sort_small_by_key(&mut found, |p| p.i);
    found.dedup();
    if let Some(date) = on {
        if found.iter().any(|p| p.valid_on(date)) {
            found.retain(|p| p.valid_on(date));
        }
    }
    found
}

/// Places whose name (or one of its words) starts with `prefix`, for suggestions while
/// typing: valid on `on` first when given, then by name; at most `limit`. Empty while the
/// registry is absent.
pub fn search(prefix: &str, on: Option<NaiveDate>, limit: usize) -> Vec<Place> {
    if prefix.chars().count() > 200 {
        return Vec::new();
    }
    let folded = fold_words(prefix);
    if folded.is_empty() || limit == 0 {
        return Vec::new();
    }
    let Some(reg) = registry() else {
        return Vec::new();
    };
    let index = name_index();
    let start = index.partition_point(|(n, _)| n.as_ref() < folded.as_str());
    let mut found: Vec<Place> = Vec::new();
    for (n, i) in &index[start..] {
        if !n.starts_with(folded.as_str()) {
            break;
        }
        let p = Place { reg, i: *i };
        if !found.contains(&p) {
            found.push(p);
        }
        if found.len() >= limit * 4 {
            break;
        }
    }
    if let Some(date) = on {
        crate::text::sort_small_by_key(&mut found, |p| !p.valid_on(date));
    }
    found.truncate(limit);
    found
}

fn code_bit(slot: usize) -> bool {
    EXISTS
        .get(slot / 8)
        .is_some_and(|b| b >> (slot % 8) & 1 == 1)
}

// The tests read the embedded text (the `places-file` build for wasm has none).
#[cfg(all(test, any(not(target_arch = "wasm32"), not(feature = "places-file"))))]
mod tests;
