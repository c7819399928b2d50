//! The place registry: every Belfiore code (Italian comuni, current and suppressed, and
//! foreign states, current and ceased) with its names, province and periods of validity.
//!
//! Built from the ANPR archive of comuni and stati esteri (Ministero dell'Interno, licence
//! [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)) by `scripts/gen_places.py`,
//! embedded compressed (`src/data/places.bin`, about 56 KB) and decoded once, at first use.
//! The decoding costs about a quarter of a second of CPU in a browser (a context-mixing
//! model over 217 KB of text): a page takes it early with [`preload`], or spreads it over
//! idle moments with [`preload_step`]. Look-up by code is then a binary search over the
//! sorted codes (`O(log n)`, tens of nanoseconds); look-up by name uses an index built at
//! the first name search.
//!
//! Each code keeps its periods of validity (with gaps: a comune suppressed and restored),
//! the name it had in each, its latest province and, for bilingual comuni, the name in the
//! other language. Earlier provinces of comuni that moved to a new province are not kept
//! (they would cost about 1.5 KB more).
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

mod codec;

use std::sync::{Mutex, OnceLock};

use chrono::{Datelike, Days, NaiveDate};

use crate::text::fold_words;

/// The compressed registry (see `scripts/gen_places.py` for its format).
static PACKED: &[u8] = include_bytes!("../../data/places.bin");

/// The first letters a Belfiore code can have: `A`–`I`, `L`, `M` for comuni, `Z` for states.
pub const CODE_LETTERS: &str = "ABCDEFGHILMZ";

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

const OPEN: u32 = u32::MAX;

struct RawPeriod {
    from: u32,
    /// Last valid day, included; [`OPEN`] while still valid.
    until: u32,
    name: u16,
}

struct Entry {
    code: [u8; 4],
    province: [u8; 2],
    /// Spans of the names in `Registry::names_text`, in order of first use.
    names: Vec<(u32, u16)>,
    alt: Option<(u32, u16)>,
    periods: Vec<RawPeriod>,
}

struct Registry {
    date: NaiveDate,
    names_text: String,
    alt_text: String,
    /// Sorted by code.
    entries: Vec<Entry>,
    /// The sort keys of `entries` ([`key_of`]), apart for a cache-friendly binary search.
    keys: Vec<u16>,
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();
static NAME_INDEX: OnceLock<Vec<(Box<str>, u32)>> = OnceLock::new();

/// The decoding in progress, when [`preload_step`] started it.
static PENDING: Mutex<Option<Unpacking>> = Mutex::new(None);

fn registry() -> &'static Registry {
    REGISTRY.get_or_init(|| {
        // Finish what `preload_step` started, or do it all now.
        let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner()).take();
        let mut u = pending.unwrap_or_else(|| Unpacking::new(PACKED));
        u.step(usize::MAX);
        build(u)
    })
}

/// Decodes the registry now rather than at the first look-up (a few hundred milliseconds
/// of CPU in a browser: see [`preload_step`] to spread them).
pub fn preload() {
    registry();
}

/// Decodes at most `max_bytes` more bytes of the registry (about 217 KB of text in all)
/// and says whether it is complete. A page calls it at idle moments (say 8 KB at a time,
/// a few milliseconds each) so that the first check does not wait for the decoding.
pub fn preload_step(max_bytes: usize) -> bool {
    if REGISTRY.get().is_some() {
        return true;
    }
    let done = {
        let mut guard = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        let u = guard.get_or_insert_with(|| Unpacking::new(PACKED));
        if u.step(max_bytes) {
            guard.take()
        } else {
            None
        }
    };
    // The lock is released before the registry is built: `registry()` takes it too.
    if let Some(u) = done {
        REGISTRY.get_or_init(|| build(u));
    }
    REGISTRY.get().is_some()
}

/// The latest date the registry knows (the newest change in the ANPR archive it was built
/// from). Checks that need "today" and were not given one use this date.
pub fn registry_date() -> NaiveDate {
    registry().date
}

/// How many codes the registry holds.
pub fn len() -> usize {
    registry().entries.len()
}

/// Whether the registry is empty (only if the embedded data were damaged).
pub fn is_empty() -> bool {
    registry().entries.is_empty()
}

/// One Belfiore code of the registry. Cheap to copy; all strings borrow from the registry.
#[derive(Clone, Copy)]
pub struct Place {
    reg: &'static Registry,
    entry: &'static Entry,
}

impl std::fmt::Debug for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} ({})", self.code(), self.name(), self.province())
    }
}

impl PartialEq for Place {
    fn eq(&self, other: &Place) -> bool {
        self.entry.code == other.entry.code
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

impl Place {
    /// The Belfiore code, e.g. `H501`.
    pub fn code(&self) -> &'static str {
        std::str::from_utf8(&self.entry.code).unwrap_or("")
    }

    /// The province's abbreviation (the latest one the code had), or `EE` for a foreign state.
    pub fn province(&self) -> &'static str {
        std::str::from_utf8(&self.entry.province).unwrap_or("")
    }

    /// Whether this is a foreign state (`Z` code).
    pub fn is_foreign(&self) -> bool {
        self.entry.code[0] == b'Z'
    }

    fn name_at(&self, i: usize) -> &'static str {
        self.entry
            .names
            .get(i)
            .and_then(|&(start, len)| {
                self.reg
                    .names_text
                    .get(start as usize..start as usize + len as usize)
            })
            .unwrap_or("")
    }

    /// The latest name.
    pub fn name(&self) -> &'static str {
        let last = self
            .entry
            .periods
            .last()
            .map(|p| p.name as usize)
            .unwrap_or(0);
        self.name_at(last)
    }

    /// The name the code had on `date`: the period containing it, else the nearest one.
    pub fn name_on(&self, date: NaiveDate) -> &'static str {
        self.name_at(self.name_index_on(date))
    }

    /// Which of [`Place::names`] the code had on `date` (0 for the first).
    pub fn name_index_on(&self, date: NaiveDate) -> usize {
        let d = to_days(date);
        let periods = &self.entry.periods;
        let i = periods
            .iter()
            .rposition(|p| p.from as i64 <= d)
            .unwrap_or(0);
        periods.get(i).map(|p| p.name as usize).unwrap_or(0)
    }

    /// The place's position in the registry (0 to [`len`] − 1), stable for one build of
    /// the data: a key for callers that keep per-place values (the JavaScript API keeps
    /// the names it has already sent across the boundary).
    pub fn index(&self) -> usize {
        key_of(&self.entry.code)
            .and_then(|k| self.reg.keys.binary_search(&k).ok())
            .unwrap_or(0)
    }

    /// Every name the code had, in order of first use.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.entry.names.len()).map(|i| self.name_at(i))
    }

    /// The name in the other official language of a bilingual comune (e.g. `Bozen`).
    pub fn alt_name(&self) -> Option<&'static str> {
        let (start, len) = self.entry.alt?;
        self.reg
            .alt_text
            .get(start as usize..start as usize + len as usize)
    }

    /// The periods of validity, oldest first.
    pub fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        self.entry.periods.iter().map(|p| Period {
            from: from_days(p.from),
            until: (p.until != OPEN).then(|| from_days(p.until)),
            name: self.name_at(p.name as usize),
        })
    }

    /// Whether the code was valid on `date`.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        let d = to_days(date);
        self.entry
            .periods
            .iter()
            .any(|p| p.from as i64 <= d && (p.until == OPEN || d <= p.until as i64))
    }

    /// The first day the code was valid.
    pub fn valid_from(&self) -> NaiveDate {
        from_days(self.entry.periods.first().map(|p| p.from).unwrap_or(0))
    }

    /// The last day the code was valid, `None` if it still is.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.entry
            .periods
            .last()
            .and_then(|p| (p.until != OPEN).then(|| from_days(p.until)))
    }
}

/// Finds a Belfiore code (`H501`, any case). `O(log n)`. Omocodia letters are not undone
/// here: pass the code with digits.
pub fn lookup_code(code: &str) -> Option<Place> {
    let key = key_of(code.as_bytes())?;
    let reg = registry();
    let i = reg.keys.binary_search(&key).ok()?;
    Some(Place {
        reg,
        entry: reg.entries.get(i)?,
    })
}

fn name_index() -> &'static Vec<(Box<str>, u32)> {
    NAME_INDEX.get_or_init(|| {
        let reg = registry();
        let mut index = Vec::with_capacity(reg.entries.len() + 1024);
        for (i, entry) in reg.entries.iter().enumerate() {
            let place = Place { reg, entry };
            let mut seen: Vec<String> = Vec::new();
            for name in place.names().chain(place.alt_name()) {
                let folded = fold_words(name);
                if !folded.is_empty() && !seen.contains(&folded) {
                    seen.push(folded.clone());
                    index.push((folded.into_boxed_str(), i as u32));
                }
            }
        }
        index.sort();
        index
    })
}

/// Splits "Castro (LE)" into ("Castro", Some("LE")).
fn split_province(name: &str) -> (&str, Option<String>) {
    let t = name.trim();
    if let Some(open) = t.rfind('(') {
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
/// are in code order.
pub fn find_by_name(name: &str, on: Option<NaiveDate>) -> Vec<Place> {
    let (bare, province) = split_province(name);
    if bare.chars().count() > 200 {
        return Vec::new();
    }
    let folded = fold_words(bare);
    if folded.is_empty() {
        return Vec::new();
    }
    let reg = registry();
    let index = name_index();
    let start = index.partition_point(|(n, _)| n.as_ref() < folded.as_str());
    let mut found: Vec<Place> = index[start..]
        .iter()
        .take_while(|(n, _)| n.as_ref() == folded.as_str())
        .filter_map(|&(_, i)| {
            reg.entries
                .get(i as usize)
                .map(|entry| Place { reg, entry })
        })
        .filter(|p| province.as_deref().is_none_or(|pr| p.province() == pr))
        .collect();
    found.sort_by_key(|p| key_of(&p.entry.code));
    found.dedup();
    if let Some(date) = on {
        if found.iter().any(|p| p.valid_on(date)) {
            found.retain(|p| p.valid_on(date));
        }
    }
    found
}

/// Places whose name (or one of its words) starts with `prefix`, for suggestions while
/// typing: valid on `on` first when given, then by name; at most `limit`.
pub fn search(prefix: &str, on: Option<NaiveDate>, limit: usize) -> Vec<Place> {
    if prefix.chars().count() > 200 {
        return Vec::new();
    }
    let folded = fold_words(prefix);
    if folded.is_empty() || limit == 0 {
        return Vec::new();
    }
    let reg = registry();
    let index = name_index();
    let start = index.partition_point(|(n, _)| n.as_ref() < folded.as_str());
    let mut found: Vec<Place> = Vec::new();
    for (n, i) in &index[start..] {
        if !n.starts_with(folded.as_str()) {
            break;
        }
        if let Some(entry) = reg.entries.get(*i as usize) {
            let p = Place { reg, entry };
            if !found.contains(&p) {
                found.push(p);
            }
        }
        if found.len() >= limit * 4 {
            break;
        }
    }
    if let Some(date) = on {
        found.sort_by_key(|p| !p.valid_on(date));
    }
    found.truncate(limit);
    found
}

// ---------------------------------------------------------------------------------------
// Reading the embedded file
// ---------------------------------------------------------------------------------------

/// The decoding of `places.bin`: its header read, its sections decoded one after the other.
struct Unpacking {
    date: Option<NaiveDate>,
    /// Sections still to decode: name, decoded size, compressed bytes.
    todo: std::collections::VecDeque<(String, usize, &'static [u8])>,
    current: Option<(String, codec::Stream)>,
    done: Vec<(String, String)>,
}

impl Unpacking {
    fn new(packed: &'static [u8]) -> Unpacking {
        let mut u = Unpacking {
            date: None,
            todo: Default::default(),
            current: None,
            done: Vec::new(),
        };
        let Some(split) = packed.windows(2).position(|w| w == b"\n\n") else {
            return u;
        };
        let head = String::from_utf8_lossy(&packed[..split]);
        let mut body = &packed[split + 2..];
        for line in head.lines() {
            let mut words = line.split(' ');
            match words.next() {
                Some("@registry-date") => {
                    u.date = words
                        .next()
                        .and_then(|d| crate::dates::date_from(d, "%Y-%m-%d"));
                }
                Some("@section") => {
                    let name = words.next().unwrap_or("").to_string();
                    let raw: usize = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                    let len: usize = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                    let len = len.min(body.len());
                    // A sane cap: the registry is a few hundred KB.
                    u.todo.push_back((name, raw.min(1 << 24), &body[..len]));
                    body = &body[len..];
                }
                _ => {}
            }
        }
        u
    }

    /// Decodes up to `max` bytes; `true` when every section is decoded.
    fn step(&mut self, mut max: usize) -> bool {
        loop {
            if self.current.is_none() {
                let Some((name, size, bytes)) = self.todo.pop_front() else {
                    return true;
                };
                self.current = Some((name, codec::Stream::new(bytes, size)));
            }
            let Some((_, stream)) = self.current.as_mut() else {
                return true;
            };
            let before = stream.len();
            let complete = stream.step(max);
            max = max.saturating_sub(stream.len() - before);
            if !complete {
                return false;
            }
            if let Some((name, stream)) = self.current.take() {
                self.done
                    .push((name, String::from_utf8_lossy(&stream.finish()).into_owned()));
            }
            if max == 0 && !self.todo.is_empty() {
                return false;
            }
        }
    }
}

/// The decompressed sections of `places.bin`, by name, and its registry date.
#[cfg(test)]
fn unpack(packed: &'static [u8]) -> (Option<NaiveDate>, Vec<(String, String)>) {
    let mut u = Unpacking::new(packed);
    u.step(usize::MAX);
    (u.date, u.done)
}

fn parse_b36(s: &str) -> Option<u32> {
    u32::from_str_radix(s, 36).ok()
}

fn build(u: Unpacking) -> Registry {
    let (date, sections) = (u.date, u.done);
    let section = |name: &str| {
        sections
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    let names_text = section("names");
    let alt_text = section("alt");
    let time_text = section("time");
    let mut entries = Vec::with_capacity(10_200);
    let day_of = |y, m, d| {
        NaiveDate::from_ymd_opt(y, m, d)
            .map(|d| to_days(d) as u32)
            .unwrap_or(0)
    };
    let default_comune = day_of(1861, 3, 17); // proclamation of the Kingdom of Italy
    let default_state = day_of(1900, 1, 1); // the archive's nominal start for states
    let mut alt_lines = LineSpans::new(&alt_text);
    let mut time_lines = time_text.lines();
    for (slot, (offset, line)) in LineSpans::new(&names_text).enumerate() {
        if line.is_empty() {
            continue;
        }
        let letter = CODE_LETTERS
            .as_bytes()
            .get(slot / 999)
            .copied()
            .unwrap_or(b'?');
        let n = slot % 999 + 1;
        let code = [
            letter,
            b'0' + (n / 100) as u8,
            b'0' + (n / 10 % 10) as u8,
            b'0' + (n % 10) as u8,
        ];
        let mut names = Vec::new();
        let mut pos = offset;
        for name in line.split('|') {
            names.push((pos as u32, name.len() as u16));
            pos += name.len() + 1;
        }
        let alt = alt_lines
            .next()
            .and_then(|(start, a)| (!a.is_empty()).then_some((start as u32, a.len() as u16)));
        let time = time_lines.next().unwrap_or("");
        let mut items = time.split(' ').peekable();
        let prov = items.next().unwrap_or("").as_bytes();
        let province = [
            prov.first().copied().unwrap_or(b'?'),
            prov.get(1).copied().unwrap_or(b'?'),
        ];
        let mut periods: Vec<RawPeriod> = Vec::new();
        if items.peek().is_none_or(|i| i.starts_with('-')) {
            // No start of its own: valid from the archive's nominal first day.
            let from = if letter == b'Z' {
                default_state
            } else {
                default_comune
            };
            periods.push(RawPeriod {
                from,
                until: OPEN,
                name: 0,
            });
        }
        for item in items {
            if let Some(end) = item.strip_prefix('-') {
                if let (Some(p), Some(d)) = (periods.last_mut(), parse_b36(end)) {
                    p.until = d;
                }
                continue;
            }
            let (day, name) = match item.split_once('=') {
                Some((d, n)) => (d, n.parse::<u16>().ok()),
                None => (item, None),
            };
            let Some(from) = parse_b36(day) else { continue };
            let prev_name = periods.last().map(|p| p.name).unwrap_or(0);
            if let Some(last) = periods.last_mut() {
                if last.until == OPEN {
                    last.until = from.saturating_sub(1);
                }
            }
            periods.push(RawPeriod {
                from,
                until: OPEN,
                name: name.unwrap_or(prev_name),
            });
        }
        entries.push(Entry {
            code,
            province,
            names,
            alt,
            periods,
        });
    }
    let keys = entries
        .iter()
        .map(|e| key_of(&e.code).unwrap_or(u16::MAX))
        .collect();
    Registry {
        date: date.unwrap_or_default(),
        names_text,
        alt_text,
        entries,
        keys,
    }
}

/// Iterates the lines of a text with their byte offsets.
struct LineSpans<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> LineSpans<'a> {
    fn new(text: &'a str) -> LineSpans<'a> {
        LineSpans { text, pos: 0 }
    }
}

impl<'a> Iterator for LineSpans<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.text.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        let len = rest.find('\n').unwrap_or(rest.len());
        let start = self.pos;
        self.pos += len + 1;
        Some((start, &rest[..len]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day numbers counted from the constant agree with chrono's subtraction.
    #[test]
    fn day_numbers_count_from_the_epoch() {
        for (y, m, d) in [(1861, 1, 1), (1900, 3, 1), (1985, 12, 10), (2026, 2, 21)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(to_days(date), (date - epoch()).num_days(), "{date}");
        }
    }

    /// Decoding in small steps gives the same text as decoding at once.
    #[test]
    fn stepwise_decoding_gives_the_same_sections() {
        let (_, whole) = unpack(PACKED);
        let mut u = Unpacking::new(PACKED);
        let mut steps = 0;
        while !u.step(7_919) {
            steps += 1;
        }
        assert!(steps > 20, "{steps}");
        assert_eq!(u.done, whole);
    }

    /// The Rust decoder gives back, byte for byte, the text the generator compressed.
    #[test]
    fn embedded_file_decodes_to_places_txt() {
        let text = include_str!("../../data/places.txt");
        let (date, sections) = unpack(PACKED);
        assert_eq!(date, NaiveDate::from_ymd_opt(2026, 2, 21));
        assert_eq!(sections.len(), 3);
        for (name, body) in &sections {
            let marker = format!("%{name}\n");
            let start = text.find(&marker).expect("section in places.txt") + marker.len();
            let end = text[start..]
                .find("\n%")
                .map(|e| start + e + 1)
                .unwrap_or(text.len());
            assert!(&text[start..end] == body.as_str(), "section {name} differs");
        }
    }
}
