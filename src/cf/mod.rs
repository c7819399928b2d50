//! The codice fiscale engine: checks, decodes and computes codici fiscali, and checks the
//! matricola aziendale INPS.
//!
//! Every request to INPS carries the contributor's codice fiscale. This module catches
//! every wrong code while it is typed and says precisely what is wrong, but never rejects
//! a code the Agenzia delle Entrate issues: omocodia on any of the seven numeric
//! positions, places created after the birth date (a warning, not an error), temporary
//! 11-digit codes of persons, births in any century.
//!
//! | function | what it does |
//! |---|---|
//! | [`check`] | the full check: every problem with a stable code, position and message; the decoded birth date, sex and place |
//! | [`is_valid`] | the fast path: structure, date, place code and check character, no allocation, no registry decoding; agrees with [`check`] |
//! | [`encode`] | computes the code from surname, name, birth date, sex and place |
//! | [`cross_check`] | compares a code with the other fields of the form |
//! | [`check_matricola`] | the form of a matricola aziendale INPS (10 digits) |
//! | [`places`] | the registry of comuni and foreign states with their periods of validity |
//!
//! ```
//! use chrono::NaiveDate;
//! use instrada::cf::{check, CheckOptions, Kind, Sex};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 1, 15);
//! let report = check("rssmra85t10a562s", &CheckOptions { today, ..Default::default() });
//! assert!(report.valid());
//! assert_eq!(report.normalized, "RSSMRA85T10A562S");
//! assert_eq!(report.kind, Some(Kind::Person));
//! let person = report.person.unwrap();
//! assert_eq!(person.birth_date, NaiveDate::from_ymd_opt(1985, 12, 10).unwrap());
//! assert_eq!(person.sex, Sex::M);
//! assert_eq!(person.place_name.as_deref(), Some("San Giuliano Terme"));
//!
//! // A wrong code: every problem, each with a stable code and the position.
//! let report = check("RSSMRA85X10A562S", &CheckOptions { today, ..Default::default() });
//! let codes: Vec<&str> = report.errors().map(|f| f.code).collect();
//! assert_eq!(codes, ["cf.month", "cf.check-character"]);
//! ```
//!
//! Findings' codes are `cf.*` (and `matricola.*`); positions are 0-based in
//! [`CfReport::normalized`]. Messages are in Italian or English ([`Lang`]).

// A `Finding` is the project's error value (as in `crate::dates::parse_date`): an error is
// the rare path, and boxing it would only add allocations.
#![allow(clippy::result_large_err)]

mod crosscheck;
mod encode;
mod fast;
mod fixes;
mod input;
mod matricola;
pub mod messages;
mod numeric;
mod person;
pub mod places;
mod tables;

use chrono::NaiveDate;

pub use crosscheck::cross_check;
pub use encode::{encode, Encoded};
pub use fixes::MAX_SUGGESTIONS;
pub use matricola::{check_matricola, MatricolaReport};
pub(crate) use messages::without_proposal;

use crate::finding::{Finding, Lang, Severity};
use crate::wire::{Json, ToWire};
use messages::Problem;

/// Options of [`check`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Today's date, for the century of the birth. `None`: the registry's date
    /// ([`places::registry_date`]) is used, and an info finding says so. The clock is
    /// never read.
    pub today: Option<NaiveDate>,
    /// The language of messages.
    pub lang: Lang,
}

/// What kind of subject a valid code belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A person's 16-character code.
    Person,
    /// A company's or an entity's 11-digit code (also its partita IVA).
    Entity,
    /// A temporary 11-digit code of a person.
    Temporary,
}

impl Kind {
    /// `"person"`, `"entity"` or `"temporary"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Entity => "entity",
            Kind::Temporary => "temporary",
        }
    }
}

/// Sex as the codice fiscale records it (day + 40 for women).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Maschio.
    M,
    /// Femmina.
    F,
}

impl Sex {
    /// `"M"` or `"F"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::M => "M",
            Sex::F => "F",
        }
    }

    /// Reads `M`/`F`, `maschio`/`femmina`, `uomo`/`donna`, `male`/`female` (any case).
    pub fn parse(s: &str) -> Option<Sex> {
        match s.trim().to_ascii_lowercase().as_str() {
            "m" | "maschio" | "uomo" | "male" | "man" => Some(Sex::M),
            "f" | "femmina" | "donna" | "female" | "woman" => Some(Sex::F),
            _ => None,
        }
    }
}

/// What a person's code says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The birth date, century chosen by the rule described at [`check`].
    pub birth_date: NaiveDate,
    /// Sex (day + 40 in the code for women).
    pub sex: Sex,
    /// The Belfiore code of the birth place, omocodia undone (`H501`).
    pub place_code: String,
    /// The place's name on the birth date (or the nearest period's). Always present when
    /// the code is valid (the place is in the registry).
    pub place_name: Option<String>,
    /// The place's province (its latest one), `EE` for foreign states.
    pub province: Option<String>,
    /// Whether the code has omocodia letters.
    pub omocode: bool,
}

/// The result of [`check`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CfReport {
    /// The code as read: upper-case, without spaces, hyphens, dots and invisible
    /// characters. Positions in findings refer to it.
    pub normalized: String,
    /// The kind of a valid code; `None` when the code has errors.
    pub kind: Option<Kind>,
    /// Errors, warnings and infos, in the order of the code's characters.
    pub findings: Vec<Finding>,
    /// The decoded person, for a valid person's code.
    pub person: Option<Person>,
}

impl CfReport {
    /// No errors (warnings and infos may be present).
    pub fn valid(&self) -> bool {
        self.kind.is_some() && !self.findings.iter().any(Finding::is_error)
    }
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.with(Severity::Error)
    }
    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.with(Severity::Warning)
    }
    /// The infos.
    pub fn infos(&self) -> impl Iterator<Item = &Finding> {
        self.with(Severity::Info)
    }
    fn with(&self, s: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == s)
    }
}

/// The other fields of a form, as typed: the input of [`encode`] and [`cross_check`].
/// Empty strings count as missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    /// Cognome.
    pub surname: Option<String>,
    /// Nome.
    pub name: Option<String>,
    /// Data di nascita, `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub birth_date: Option<String>,
    /// Sesso: `M`/`F` (see [`Sex::parse`]).
    pub sex: Option<String>,
    /// Luogo di nascita as a Belfiore code (`H501`); wins over `place_name`.
    pub place_code: Option<String>,
    /// Luogo di nascita by name (`Roma`, `Castro (LE)`, `Germania`).
    pub place_name: Option<String>,
}

/// The form field names used in findings of [`encode`] and [`cross_check`].
pub mod field {
    /// The codice fiscale.
    use crate::field::FormField;
    pub const CODE: FormField = FormField::CodiceFiscale;
    /// Cognome.
    pub const SURNAME: FormField = FormField::Cognome;
    /// Nome.
    pub const NAME: FormField = FormField::Nome;
    /// Data di nascita.
    pub const BIRTH_DATE: FormField = FormField::DataNascita;
    /// Sesso.
    pub const SEX: FormField = FormField::Sesso;
    /// Luogo di nascita (by code or by name).
    pub const PLACE: FormField = FormField::LuogoNascita;
    /// Matricola aziendale INPS.
    pub const MATRICOLA: FormField = FormField::Matricola;
}

/// Checks a codice fiscale completely and decodes it.
///
/// The input is read forgivingly (case, spaces, hyphens, dots and invisible characters
/// are ignored; an info finding `cf.normalized` says so). Then:
///
/// - 16 characters, a person: the letter/digit pattern, the month letter, the day
///   (01–31, 41–71 for women) against the month's real length (29 February only in years
///   that can be leap), omocodia letters on any of the seven numeric positions, the place
///   code's letter (A–I, L, M, Z) and not `000`, the check character, the place in the
///   registry. The century is the most recent one that does not put the birth after
///   `today`; if the place was not valid on that date but was one century earlier, the
///   earlier one (info `cf.century-from-place`); if it was valid in neither, the code is
///   still valid but warning `cf.place-not-valid-at-birth` says so.
/// - 11 digits, a company, an entity or a temporary code of a person: the check digit and
///   the office code (digits 8–10).
///
/// Every problem is reported, not just the first. When the check character is wrong, its
/// message says which one the first fifteen characters give. When one swap of adjacent
/// characters or one mistyped character would make the code valid (a real date, a place in
/// the registry), the error carries the likeliest such code as [`Finding::suggestion`] and
/// up to two more follow as `cf.alternative` warnings, each with its suggestion and what
/// the corrected code means; none is ever applied. The ranking and the number are
/// described at [`MAX_SUGGESTIONS`].
pub fn check(input: &str, options: &CheckOptions) -> CfReport {
    check_with(input, options, &Fields::default())
}

/// [`check`], with the other fields of the form to rank the suggestions for a wrong code:
/// a correction that agrees with the surname, name, birth date, sex and place typed in the
/// form comes first, and ones that disagree are dropped when one agrees (the ranking is
/// described in full at [`MAX_SUGGESTIONS`]). The fields are not
/// compared with a valid code here: [`cross_check`] does that.
///
/// ```
/// use chrono::NaiveDate;
/// use instrada::cf::{check_with, CheckOptions, Fields};
///
/// let options = CheckOptions { today: NaiveDate::from_ymd_opt(2026, 1, 15), ..Default::default() };
/// // A wrong check character: about a dozen single changes fit (a name letter, a place
/// // digit…); the form's other fields leave one.
/// let fields = Fields {
///     surname: Some("Rossi".into()),
///     name: Some("Mario".into()),
///     birth_date: Some("10/12/1985".into()),
///     place_name: Some("San Giuliano Terme".into()),
///     ..Default::default()
/// };
/// let report = check_with("RSSMRA85T10A562T", &options, &fields);
/// let offered: Vec<_> = report.findings.iter().filter_map(|f| f.suggestion.as_deref()).collect();
/// assert_eq!(offered, ["RSSMRA85T10A562S"]);
/// // Without the form, the three likeliest, each with what it means.
/// let report = check_with("RSSMRA85T10A562T", &options, &Fields::default());
/// assert_eq!(report.findings.iter().filter(|f| f.suggestion.is_some()).count(), 3);
/// ```
pub fn check_with(input: &str, options: &CheckOptions, fields: &Fields) -> CfReport {
    let lang = options.lang;
    let norm = input::normalize(input);
    let normalized = norm.text();
    let mut findings = Vec::new();
    let report = |kind, person, findings| CfReport {
        normalized: normalized.clone(),
        kind,
        findings,
        person,
    };
    if norm.chars().is_empty() {
        findings.push(Problem::Empty.finding(lang));
        return report(None, None, findings);
    }
    if norm.changed {
        findings.push(
            Problem::Normalized {
                normalized: &normalized,
            }
            .finding(lang),
        );
    }
    let n = norm.chars().len();
    if norm.too_long || (n != 16 && n != 11) {
        let problem = if norm.too_long {
            Problem::TooLong
        } else {
            Problem::Length { n }
        };
        findings.push(problem.finding(lang));
        return report(None, None, findings);
    }
    let today = options.today.unwrap_or_else(places::registry_date);
    let (kind, person) = if n == 16 {
        let compare = |candidate: &str| {
            cross_check(candidate, fields, options)
                .iter()
                .filter(|f| f.code.starts_with("cf.mismatch-"))
                .count()
        };
        let conflicts: Option<&dyn Fn(&str) -> usize> =
            (*fields != Fields::default()).then_some(&compare);
        let person = person::check(norm.chars(), today, lang, &mut findings, conflicts);
        if person.is_some() && options.today.is_none() {
            findings.push(Problem::TodayAssumed { today }.finding(lang));
        }
        (person.as_ref().map(|_| Kind::Person), person)
    } else {
        (numeric::check(norm.chars(), lang, &mut findings), None)
    };
    for f in &mut findings {
        if f.field.is_none() {
            f.field = Some(field::CODE.into());
        }
    }
    let kind = kind.filter(|_| !findings.iter().any(Finding::is_error));
    report(kind, person, findings)
}

/// What a valid person's code says, decoded without allocating: see [`decode`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decoded {
    /// The birth date, century chosen by the rule described at [`check`].
    pub birth_date: NaiveDate,
    /// Sex (day + 40 in the code for women).
    pub sex: Sex,
    /// The birth place (omocodia undone); its name on the birth date is
    /// `place.name_on(birth_date)`.
    pub place: places::Place,
    /// Whether the code has omocodia letters ([`check`] says so in an info finding).
    pub omocode: bool,
    /// The older century was chosen because of the place's validity ([`check`]: info
    /// `cf.century-from-place`).
    pub century_from_place: bool,
    /// The place was not valid on the birth date in either century ([`check`]: warning
    /// `cf.place-not-valid-at-birth`).
    pub outside_validity: bool,
}

impl Decoded {
    /// Whether [`check`] of the same code with the same `today` reports nothing at all
    /// (no omocodia, no century chosen by the place, no validity warning).
    pub fn is_plain(&self) -> bool {
        !self.omocode && !self.century_from_place && !self.outside_validity
    }

    /// Whether the only finding of [`check`] for the same code with the same `today` is
    /// the information that it has omocodia letters (`cf.omocode`).
    pub fn omocode_only(&self) -> bool {
        self.omocode && !self.century_from_place && !self.outside_validity
    }

    /// That finding, exactly as [`check`] writes it, when [`Decoded::omocode_only`].
    pub fn omocode_info(&self, lang: Lang) -> Option<Finding> {
        self.omocode_only().then(|| {
            Problem::Omocode {
                place_code: self.place.code(),
            }
            .finding(lang)
        })
    }
}

/// Decodes a person's code given exactly as 16 ASCII letters and digits (any case, no
/// separators): `None` unless [`check`] would find it valid with this `today`. It
/// allocates nothing (the registry's strings are borrowed), for callers that decode in
/// bulk or at every keystroke; [`check`] explains the codes it rejects.
///
/// ```
/// use chrono::NaiveDate;
/// use instrada::cf::{decode, Sex};
///
/// let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
/// let d = decode("RSSMRA85T10A562S", today).unwrap();
/// assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1985, 12, 10).unwrap());
/// assert_eq!((d.sex, d.place.code(), d.is_plain()), (Sex::M, "A562", true));
/// assert!(decode("RSSMRA85T10A562T", today).is_none());
/// ```
pub fn decode(code: &str, today: NaiveDate) -> Option<Decoded> {
    let bytes: &[u8; 16] = code.as_bytes().try_into().ok()?;
    let parsed = fast::parse(bytes)?;
    let dated = person::date_of(&parsed, today)?;
    Some(Decoded {
        birth_date: dated.birth,
        sex: if parsed.female { Sex::F } else { Sex::M },
        place: dated.place?,
        omocode: parsed.omocode,
        century_from_place: dated.older_for_place.is_some(),
        outside_validity: dated.outside_validity,
    })
}

/// The fast path: whether `input` is a valid codice fiscale, without allocating.
///
/// It reads the input like [`check`] (case, spaces, hyphens, dots and invisible
/// characters ignored) and checks exactly this:
///
/// - 16 characters: letters at positions 1–6, 9, 12 and 16; digits or omocodia letters
///   (`L M N P Q R S T U V`) at 7, 8, 10, 11, 13, 14, 15; a month letter
///   (`A B C D E H L M P R S T`); a day 01–31 or 41–71 that the month has (29 February
///   only when the year's two digits are a multiple of 4); a place code (omocodia undone)
///   that the place registry has, in any period; the check character.
/// - 11 digits: not all zeros, the check digit, and an office code of an entity or of a
///   temporary code.
///
/// It gives the same answer as `check(input, …).valid` for every input (a property test
/// compares them on a million generated and mutated inputs); it reads a bit table of the
/// registry's codes instead of decoding the registry, and needs no `today` (a code's date
/// is always in the past in some century).
///
/// ```
/// use instrada::cf::is_valid;
/// assert!(is_valid("RSSMRA85T10A562S"));
/// assert!(is_valid("rss mra 85t10 a562s"));
/// assert!(is_valid("RSSMRA85T10A56NH")); // omocodia on the last digit of the place
/// assert!(is_valid("80078750587")); // INPS
/// assert!(!is_valid("RSSMRA85T30B562X")); // 30 February
/// ```
pub fn is_valid(input: &str) -> bool {
    fast::is_valid(input)
}

/// `key: [..]` of the findings of one severity (results split them into `errors`,
/// `warnings`, `infos`).
pub(crate) fn write_findings(out: &mut Json, key: &str, all: &[Finding], severity: Severity) {
    out.key(key);
    out.begin_array();
    for f in all.iter().filter(|f| f.severity == severity) {
        f.write(out);
    }
    out.end_array();
}
