//! Where the registry's text comes from and how it is indexed: embedded, or handed over by
//! JavaScript ([`load`]) in a `places-file` build, its names then front-coded (`expand`);
//! then one pass over the line breaks of its three sections. The text is owned by the index
//! for the life of the page (a borrowed `&'static str` when embedded, the `String` handed
//! over otherwise), so the places' names borrow from it without copying and nothing is
//! leaked.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use super::{code_bit, registry_date, CODE_LETTERS, EXISTS, SLOTS};

/// The registry's text, when the module holds it.
#[cfg(any(not(target_arch = "wasm32"), not(feature = "places-file")))]
pub(super) static EMBEDDED: &str = include_str!("../../data/places.txt");

/// A line of the text: where it starts, how long it is.
#[derive(Clone, Copy)]
pub(super) struct Span {
    pub(super) start: u32,
    pub(super) len: u32,
}

/// The index of the text: for each existing code, in code order, its code and where its
/// three lines are. Nothing of the lines themselves is decoded here.
pub(super) struct Registry {
    /// The text the spans point into, kept for as long as the registry (the whole run):
    /// borrowed when embedded, the text handed to [`load`] otherwise.
    pub(super) text: Cow<'static, str>,
    pub(super) codes: Vec<[u8; 4]>,
    /// The sort keys of `codes` ([`key_of`]), apart for a cache-friendly binary search.
    pub(super) keys: Vec<u16>,
    pub(super) names: Vec<Span>,
    pub(super) alt: Vec<Span>,
    pub(super) time: Vec<Span>,
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();
/// The file could not be had (`mark_unavailable`): the names will not come.
static UNAVAILABLE: AtomicBool = AtomicBool::new(false);

#[cfg(any(not(target_arch = "wasm32"), not(feature = "places-file")))]
pub(super) fn registry() -> Option<&'static Registry> {
    Some(REGISTRY.get_or_init(|| {
        Registry::read(Cow::Borrowed(EMBEDDED)).unwrap_or_else(|_| Registry::empty())
    }))
}

#[cfg(all(target_arch = "wasm32", feature = "places-file"))]
pub(super) fn registry() -> Option<&'static Registry> {
    REGISTRY.get()
}

/// Why the registry is not there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absence {
    /// Its file is on its way (or not asked for yet).
    Loading,
    /// Its file could not be had (missing, refused, of another version): the names of
    /// places will not come on this page.
    Unavailable,
}

/// `None` when the registry is there; otherwise why not. Only a `places-file` build in a
/// browser or in Node is ever without it.
pub fn absence() -> Option<Absence> {
    match registry() {
        Some(_) => None,
        None if UNAVAILABLE.load(Ordering::Relaxed) => Some(Absence::Unavailable),
        None => Some(Absence::Loading),
    }
}

/// Hands over the registry's text (the file `instrada-places.txt`: `src/data/places.txt`
/// with its names front-coded, see `expand`; the canonical text is taken too) and indexes
/// it. Refused, and the registry stays absent, when the text is not the registry this module
/// was built with (another date, other codes, or damaged). `Ok` when the registry is there
/// (already, or from now on).
pub fn load(text: String) -> Result<(), String> {
    if REGISTRY.get().is_some() {
        return Ok(());
    }
    // Owned by the registry for the life of the page, as an embedded text would be.
    let reg = Registry::read(Cow::Owned(expand(text)?))?;
    let _ = REGISTRY.set(reg);
    UNAVAILABLE.store(false, Ordering::Relaxed);
    Ok(())
}

/// Records that the registry's file could not be had: [`absence`] says `Unavailable`.
pub fn mark_unavailable() {
    if REGISTRY.get().is_none() {
        UNAVAILABLE.store(true, Ordering::Relaxed);
    }
}

/// Indexes the registry now rather than at the first look-up (about a millisecond). Does
/// nothing while the registry's file has not arrived.
pub fn preload() {
    registry();
}

/// Kept for callers of the former step-by-step decoding: indexes the registry (there is
/// nothing left to spread) and says whether it is there.
pub fn preload_step(_max_bytes: usize) -> bool {
    registry().is_some()
}

/// The text with its `%names-fc` section (the shipped file's, written by `build/places.rs`)
/// written out as the `%names` section that [`Registry::read`] indexes, in one pass: each
/// name there starts with the number of leading bytes it shares with the previous non-empty
/// name, when it shares any (names hold no digit). A text without that section (the
/// canonical one) is returned as it is. A count beyond the previous name or inside one of
/// its characters is refused.
pub(super) fn expand(text: String) -> Result<String, String> {
    const FRONT_CODED: &str = "\n%names-fc\n";
    let Some(at) = crate::text::find(&text, FRONT_CODED) else {
        return Ok(text);
    };
    let src = text.as_bytes();
    let mut i = at + FRONT_CODED.len();
    // The canonical text is about 1.23 times the shipped one.
    let mut out = Vec::with_capacity(text.len() / 4 * 5);
    out.extend_from_slice(&src[..at]);
    out.extend_from_slice(b"\n%names\n");
    // Each name (a line, or a part between `|`) as a run: its count, the shared bytes, the
    // rest copied whole up to the next `|` or line break. The previous non-empty name is a
    // range of `out`. The section ends at a line that starts with `%` (or the end).
    let (mut prev, mut line) = (0..0, 0);
    while i < src.len() {
        let mut count = 0usize;
        while let Some(d) = src.get(i).filter(|b| b.is_ascii_digit()) {
            count = count
                .saturating_mul(10)
                .saturating_add(usize::from(d - b'0'));
            i += 1;
        }
        // Inside the previous name, on a character's first byte (or at its end).
        if count > prev.len() || (count < prev.len() && out[prev.start + count] & 0xc0 == 0x80) {
            return Err(format!(
                "the places file's names are damaged (line {line} of names)"
            ));
        }
        let name = out.len();
        out.extend_from_within(prev.start..prev.start + count);
        let run = i;
        while i < src.len() && src[i] != b'|' && src[i] != b'\n' {
            i += 1;
        }
        out.extend_from_slice(&src[run..i]);
        if out.len() > name {
            prev = name..out.len();
        }
        let Some(&separator) = src.get(i) else {
            break;
        };
        out.push(separator);
        i += 1;
        if separator == b'\n' {
            line += 1;
            if src.get(i) == Some(&b'%') {
                break;
            }
        }
    }
    out.extend_from_slice(&src[i..]);
    String::from_utf8(out).map_err(|_| "the places file is not UTF-8".to_string())
}

// ---------------------------------------------------------------------------------------
// Indexing the text
// ---------------------------------------------------------------------------------------

impl Registry {
    fn empty() -> Registry {
        Registry {
            text: Cow::Borrowed(""),
            codes: Vec::new(),
            keys: Vec::new(),
            names: Vec::new(),
            alt: Vec::new(),
            time: Vec::new(),
        }
    }

    /// Finds the lines of `text` (the format of `src/data/places.txt`): one pass over the
    /// line breaks of the three sections. Refuses a text that is not the registry the module
    /// was built with: another date, or other codes than `EXISTS` says.
    pub(super) fn read(owned: Cow<'static, str>) -> Result<Registry, String> {
        let text: &str = &owned;
        // `split('\n')`, not `lines()`: the same line once trimmed (`lines` only takes a
        // `\r` off its end), without linking `Lines` for this one use; the dates written
        // by `dates::iso`, as chrono's `Display` writes them, without linking chrono's
        // formatting (issue 15).
        let date = text
            .split('\n')
            .find_map(|l| l.strip_prefix("@registry-date "))
            .and_then(|d| crate::dates::date_from(d.trim(), "%Y-%m-%d"));
        if date != Some(registry_date()) {
            return Err(format!(
                "the places file is of {}, this module of {}",
                date.map_or("no date".to_string(), crate::dates::iso),
                crate::dates::iso(registry_date())
            ));
        }
        let known = EXISTS
            .iter()
            .map(|b| b.count_ones() as usize)
            .sum::<usize>();
        let mut reg = Registry::empty();
        for v in [&mut reg.names, &mut reg.alt, &mut reg.time] {
            v.reserve_exact(known);
        }
        reg.codes.reserve_exact(known);
        reg.keys.reserve_exact(known);
        let mut slot = 0;
        let end = section(text, 0, "names", &mut |line| {
            if line.len > 0 {
                let letter = slot / 999;
                let n = slot % 999 + 1;
                let Some(&l) = CODE_LETTERS
                    .as_bytes()
                    .get(letter)
                    .filter(|_| code_bit(slot))
                else {
                    return Err(format!(
                        "the places file has a code this module lacks (line {slot} of names)"
                    ));
                };
                let code = [
                    l,
                    b'0' + (n / 100) as u8,
                    b'0' + (n / 10 % 10) as u8,
                    b'0' + (n % 10) as u8,
                ];
                // `key_of(&code)`, without reading the code again.
                reg.keys.push((letter * 1000 + n) as u16);
                reg.codes.push(code);
                reg.names.push(line);
            }
            slot += 1;
            Ok(())
        })?;
        if slot != SLOTS || reg.codes.len() != known {
            return Err("the places file lacks codes this module has".to_string());
        }
        let end = section(text, end, "alt", &mut |line| {
            reg.alt.push(line);
            Ok(())
        })?;
        section(text, end, "time", &mut |line| {
            reg.time.push(line);
            Ok(())
        })?;
        for (name, spans) in [("alt", &reg.alt), ("time", &reg.time)] {
            if spans.len() != known {
                return Err(format!(
                    "the places file's section {name} has the wrong length"
                ));
            }
        }
        reg.text = owned;
        Ok(reg)
    }
}

/// Hands each line of the section `name` of `text` to `line`, as a span: the lines after
/// the line `%name`, looked for from byte `from` (the sections follow one another, as
/// scripts/gen_places.py writes them: names, alt, time), up to the next line that starts with
/// `%` or the end of the text. Returns where the section ends (the line break before the
/// next section's line), where the next one is looked for. One loop over the bytes, not a
/// search per line: the first codice fiscale after start-up waits for this indexing (issue
/// 15), and it is three times faster so. One callback type, not a generic: one copy in the
/// module.
fn section(
    text: &str,
    from: usize,
    name: &str,
    line: &mut dyn FnMut(Span) -> Result<(), String>,
) -> Result<usize, String> {
    let marker = format!("\n%{name}\n");
    let first = crate::text::find(&text[from..], &marker)
        .map(|s| from + s + marker.len())
        .ok_or_else(|| format!("the places file has no section {name} in its place"))?;
    let bytes = text.as_bytes();
    let span = |start: usize, end: usize| Span {
        start: start as u32,
        len: (end - start) as u32,
    };
    let mut start = first;
    for (at, &b) in bytes.iter().enumerate().skip(first) {
        if b == b'\n' {
            line(span(start, at))?;
            if bytes.get(at + 1) == Some(&b'%') {
                return Ok(at);
            }
            start = at + 1;
        }
    }
    if start < bytes.len() {
        line(span(start, bytes.len()))?;
    }
    Ok(bytes.len())
}
