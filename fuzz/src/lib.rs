//! What the fuzz targets share: a reader that turns libFuzzer's bytes into structured input
//! (choices, numbers, texts, dates) without the `arbitrary` crate, and the vocabularies of
//! the real data (profiles, sedi, cassetti, objects, places) that the choices pick from, so
//! that most inputs reach the deep paths instead of stopping at "unknown profile".

use std::sync::OnceLock;

/// The independent oracle of the codice fiscale (check character and digit, written again
/// from the decree), the one the native tests use too.
#[path = "../../tests/support/oracle.rs"]
pub mod oracle;

use chrono::NaiveDate;
use instrada::catalog::{profile, titolario};

/// Reads libFuzzer's bytes front to back. Running out of bytes gives zeros and empty text, so
/// every input decodes to something.
pub struct Input<'a> {
    data: &'a [u8],
}

/// Separates texts in the input (a byte that never occurs in UTF-8).
pub const SEP: u8 = 0xFF;

impl<'a> Input<'a> {
    /// The reader over `data`.
    pub fn new(data: &'a [u8]) -> Input<'a> {
        Input { data }
    }

    /// Whether every byte was read.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// One byte (0 at the end).
    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    /// A flag.
    pub fn bool(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// Four bytes, little-endian.
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }

    /// Four bytes as a signed number.
    pub fn i32(&mut self) -> i32 {
        self.u32() as i32
    }

    /// An index below `n` (0 when `n` is 0).
    pub fn index(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (u32::from(self.byte()) << 8 | u32::from(self.byte())) as usize % n
        }
    }

    /// The bytes up to the next [`SEP`] (or the end), as text (invalid UTF-8 replaced).
    pub fn text(&mut self) -> String {
        let end = self
            .data
            .iter()
            .position(|&b| b == SEP)
            .unwrap_or(self.data.len());
        let (head, rest) = self.data.split_at(end);
        self.data = rest.get(1..).unwrap_or(&[]);
        String::from_utf8_lossy(head).into_owned()
    }

    /// Text, or one of `words` (real values), or nothing, by a choice byte.
    pub fn field(&mut self, words: &[String]) -> Option<String> {
        match self.byte() % 4 {
            0 => None,
            1 => Some(self.text()),
            _ if words.is_empty() => Some(self.text()),
            _ => Some(words[self.index(words.len())].clone()),
        }
    }

    /// Any date chrono can hold (years about -262 000 to 262 000).
    pub fn any_date(&mut self) -> NaiveDate {
        let days = self.i32();
        NaiveDate::from_num_days_from_ce_opt(days)
            .or_else(|| NaiveDate::from_num_days_from_ce_opt(days % 95_000_000))
            .unwrap_or(NaiveDate::MIN)
    }

    /// A date between `from` and `from + span` days (or any date, one time in eight).
    pub fn date_near(&mut self, from: NaiveDate, span: u32) -> NaiveDate {
        if self.byte() & 7 == 0 {
            return self.any_date();
        }
        let offset = self.u32() % span.max(1);
        from.checked_add_days(chrono::Days::new(u64::from(offset)))
            .unwrap_or(from)
    }
}

/// Real values of the data, for inputs that look like what a portal passes.
pub struct Vocab {
    /// Profile ids.
    pub profiles: Vec<String>,
    /// Sede ids and names of the profiles and of the calendar.
    pub sedi: Vec<String>,
    /// Gestione ids.
    pub gestioni: Vec<String>,
    /// Cassetto ids.
    pub cassetti: Vec<String>,
    /// Request kinds.
    pub kinds: Vec<String>,
    /// Channel ids.
    pub channels: Vec<String>,
    /// Object ids and labels of every titolario.
    pub objects: Vec<String>,
    /// Mailbox addresses of the profiles.
    pub addresses: Vec<String>,
    /// Values of "previous" and "level".
    pub states: Vec<String>,
    /// Some real codici fiscali and matricole.
    pub codes: Vec<String>,
    /// Dates around the profiles' periods, ISO and Italian.
    pub dates: Vec<String>,
    /// Values of "accentramento" (yes/no words and others).
    pub flags: Vec<String>,
    /// Contribution periods, `MM/YYYY` and `YYYY-MM`, around 12/2014 and malformed.
    pub periods: Vec<String>,
}

/// The vocabularies, built once per process.
pub fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let all = profile::profiles();
        let s = |v: &str| v.to_string();
        let mut sedi: Vec<String> = all
            .iter()
            .flat_map(|p| p.sedi.iter().flat_map(|x| [x.id.clone(), x.name.clone()]))
            .collect();
        sedi.extend(instrada::calendar::sedi().map(|(x, _)| x.id.to_string()));
        Vocab {
            profiles: all.iter().map(|p| p.id.clone()).collect(),
            sedi,
            gestioni: profile::Gestione::ALL.iter().map(|g| s(g.id())).collect(),
            cassetti: profile::CASSETTI.iter().map(|c| s(c)).collect(),
            kinds: profile::Kind::ALL.iter().map(|k| s(k.id())).collect(),
            channels: [
                "servizi-online",
                "pec",
                "bidirezionale",
                "email",
                "agenda",
                "telefono",
                "ordine",
                "escalation",
                "nessuno",
            ]
            .map(s)
            .to_vec(),
            objects: titolario::titolari()
                .iter()
                .flat_map(|t| t.objects().flat_map(|o| [o.id.clone(), o.label.clone()]))
                .collect(),
            addresses: all
                .iter()
                .flat_map(|p| {
                    p.mailboxes
                        .iter()
                        .chain(p.sedi.iter().flat_map(|x| x.mailboxes.iter()))
                        .map(|m| m.address.clone())
                })
                .chain(["nome@gmail.com".to_string(), "x@pec.it".to_string()])
                .collect(),
            states: [
                "nessuna",
                "in-attesa",
                "scaduta",
                "non-accolta",
                "accolta",
                "non-esaustiva",
                "senza-risposta",
                "B",
                "c",
            ]
            .map(s)
            .to_vec(),
            flags: ["true", "false", "si", "no", "Sì", "forse"].map(s).to_vec(),
            periods: [
                "12/2014", "01/2015", "2014-12", "2015-01", "13/2014", "00/2014", "2014-1", "12/99",
            ]
            .map(s)
            .to_vec(),
            codes: [
                "RSSMRA85T10A562S",
                "RSSMRA80A01H501U",
                "RSSMRA85T10A56NH",
                "80078750587",
                "12345670017",
                "1234567890",
            ]
            .map(s)
            .to_vec(),
            dates: all
                .iter()
                .flat_map(|p| {
                    let d = p.effective.from;
                    [instrada::dates::iso(d), instrada::dates::it(d)]
                })
                .chain(["2026-01-15", "31/12/2030", "2019-02-29"].map(s))
                .collect(),
        }
    })
}

/// The positions of a person's code that omocodia may replace, and the letters for 0–9.
pub const OMOCODE_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
/// `L M N P Q R S T U V` stand for `0`–`9`.
pub const OMOCODE_LETTERS: &[u8; 10] = b"LMNPQRSTUV";

/// The omocode variant of a base code (digits at every numeric position) where the positions
/// whose bit is set in `mask` (bit 0 = position 6 … bit 6 = position 14) are letters, with its
/// check character recomputed.
pub fn omocode(code: &str, mask: u8) -> String {
    let mut b: Vec<u8> = code.bytes().collect();
    for (bit, &pos) in OMOCODE_POSITIONS.iter().enumerate() {
        if mask & (1 << bit) != 0 {
            if let Some(c) = b.get_mut(pos) {
                if c.is_ascii_digit() {
                    *c = OMOCODE_LETTERS[usize::from(*c - b'0')];
                }
            }
        }
    }
    if b.len() == 16 {
        b[15] = oracle::check_char(&b[..15]);
    }
    String::from_utf8(b).unwrap_or_default()
}
