//! The words about the code itself (`cf.*` of [`check`](crate::cf::check)): its length, its
//! characters, its date and place, the 11-digit codes, and the corrections offered.

use chrono::{Datelike, NaiveDate};

use super::text::{al, al_cap, cat, il, il_cap, nth};
use crate::cf::input::MAX_SIGNIFICANT;
use crate::cf::places::{Absence, Place};
use crate::cf::tables::{digit_value, month_len, month_of};
use crate::cf::{field, Decoded, Sex};
use crate::dates::{human, month_name};
use crate::finding::{Finding, Lang};

/// One defect of a 16-character code found by `person::scan`, with the 0-based position
/// where it applies. Plain data: the scan runs at every keystroke and never allocates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Defect {
    /// Not an ASCII letter or digit.
    Character(usize),
    LetterExpected(usize),
    DigitExpected(usize),
    Month,
    /// 00, 32–40 or over 71.
    Day,
    /// A day the month does not have (31 April, 30 February).
    DayOfMonth,
    /// 29 February of a year that cannot be a leap year.
    LeapDay,
    PlaceLetter,
    PlaceZero,
    CheckChar {
        expected: u8,
    },
}

/// What the check of a code met besides a [`Defect`], with the data its message needs.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Problem<'a> {
    /// Nothing typed.
    Empty,
    /// The input was read with changes (case, separators): `normalized` is what was read.
    Normalized { normalized: &'a str },
    /// More significant characters than are ever read.
    TooLong,
    /// Neither 16 nor 11 characters.
    Length { n: usize },
    /// No `today` given: the registry's date was used.
    TodayAssumed { today: NaiveDate },
    /// The code's date is after `today` in every century (`day`, `month`, `yy` as written).
    BirthInFuture {
        day: u32,
        month: u32,
        yy: u32,
        today: NaiveDate,
    },
    /// The place code (omocodia undone) is not in the registry of `date`.
    PlaceUnknown {
        place_code: &'a str,
        date: NaiveDate,
    },
    /// A valid code checked without the registry (`place_code` exists): the name follows or
    /// will not.
    PlaceNameAbsent {
        place_code: &'a str,
        absence: Absence,
    },
    /// The older century was chosen because the place was valid then and not in `recent`.
    CenturyFromPlace {
        birth: NaiveDate,
        recent: NaiveDate,
        name: &'a str,
        place_code: &'a str,
    },
    /// A valid code with omocodia letters; its place of birth, omocodia undone.
    Omocode { place_code: &'a str },
    /// The place was not valid on the birth date in either century.
    PlaceNotValidAtBirth { place: Place, birth: NaiveDate },
    /// An 11-character code with something other than a digit at `pos`.
    NumericCharacter { pos: usize, c: char },
    /// An 11-digit code whose serial (digits 1–7) is all zeros.
    SerialZero,
    /// A code of a non-commercial entity (8 or 9 first) with an office outside 001–095.
    OfficeSerial { office: &'a str },
    /// An office code (digits 8–10) of no kind.
    Office { office: &'a str },
    /// The check digit of an 11-digit code (`expected`, `found`: ASCII digits).
    CheckDigit { expected: u8, found: u8 },
    /// A valid temporary code of a person.
    Temporary,
}

impl Problem<'_> {
    /// The finding, in `lang` only.
    // Inlined where each problem is reported (one place for most, the others go through a
    // helper): the arms of the other problems fall away there, so the module is no larger
    // than when each rule wrote its own words.
    #[inline(always)]
    pub(crate) fn finding(self, lang: Lang) -> Finding {
        match self {
            Problem::Empty => Finding::error(
                "cf.empty",
                match lang {
                    Lang::It => "Inserisci il codice fiscale: 16 caratteri per una persona, 11 cifre per una società o un ente.",
                    Lang::En => "Enter the codice fiscale: 16 characters for a person, 11 digits for a company or an entity.",
                },
            )
            .field(field::CODE),
            Problem::Normalized { normalized } => Finding::info(
                "cf.normalized",
                match lang {
                    Lang::It => format!("Codice letto come «{normalized}»: maiuscole, senza spazi, trattini, punti o caratteri invisibili."),
                    Lang::En => format!("Code read as “{normalized}”: capitals, without spaces, hyphens, dots or invisible characters."),
                },
            )
            .field(field::CODE),
            Problem::TooLong => Finding::error(
                "cf.too-long",
                match lang {
                    Lang::It => format!("Il codice fiscale ha 16 caratteri (persona) o 11 cifre (società, ente), ma il testo inserito ne ha più di {}: inserisci solo il codice.", MAX_SIGNIFICANT),
                    Lang::En => format!("A codice fiscale has 16 characters (person) or 11 digits (company, entity), but the text has more than {}: enter only the code.", MAX_SIGNIFICANT),
                },
            )
            .field(field::CODE),
            Problem::Length { n } => {
                let hint = match (n, lang) {
                    (15 | 10, Lang::It) => " Forse manca un carattere.",
                    (15 | 10, Lang::En) => " Perhaps a character is missing.",
                    (17 | 12, Lang::It) => " Forse c'è un carattere in più.",
                    (17 | 12, Lang::En) => " Perhaps there is one character too many.",
                    _ => "",
                };
                Finding::error(
                    "cf.length",
                    match lang {
                        Lang::It => format!("Il codice fiscale deve avere 16 caratteri (persona) o 11 cifre (società, ente): quello inserito ne ha {n}.{hint}"),
                        Lang::En => format!("The codice fiscale must have 16 characters (person) or 11 digits (company, entity): this one has {n}.{hint}"),
                    },
                )
                .field(field::CODE)
            }
            Problem::TodayAssumed { today } => Finding::info(
                "cf.today-assumed",
                match lang {
                    Lang::It => format!("Data di oggi non indicata: il secolo di nascita è stato scelto rispetto al {}, data dell'archivio dei luoghi.", human(today, lang)),
                    Lang::En => format!("Today's date was not given: the century of birth was chosen relative to {}, the date of the place archive.", human(today, lang)),
                },
            ),
            Problem::BirthInFuture { day, month, yy, today } => Finding::error(
                "cf.birth-in-future",
                match lang {
                    Lang::It => format!("La data di nascita del codice ({:02}/{:02}/..{:02}) cade dopo oggi ({}) in ogni secolo: controlla anno, mese e giorno.", day, month, yy, human(today, lang)),
                    Lang::En => format!("The code's date of birth ({:02}/{:02}/..{:02}) falls after today ({}) in every century: check the year, month and day.", day, month, yy, human(today, lang)),
                },
            )
            .at(6),
            Problem::PlaceUnknown { place_code, date } => Finding::error(
                "cf.place-unknown",
                match lang {
                    Lang::It => format!("Il codice del luogo di nascita «{place_code}» non corrisponde a nessun comune né stato estero, attuale o cessato, dell'archivio ANPR aggiornato al {}: controlla dal 12° al 15° carattere.", human(date, lang)),
                    Lang::En => format!("The place-of-birth code “{place_code}” matches no comune or foreign state, current or ceased, in the ANPR archive as of {}: check characters 12 to 15.", human(date, lang)),
                },
            )
            .at(11),
            Problem::PlaceNameAbsent { place_code, absence } => match absence {
                Absence::Loading => Finding::info(
                    "cf.place-name-pending",
                    match lang {
                        Lang::It => cat(&["Il codice è regolare (struttura, data di nascita, carattere di controllo; il luogo ", place_code, " esiste). Il nome del luogo arriva tra un istante, con l'elenco dei luoghi: allora si controlla anche che il luogo esistesse alla data di nascita."]),
                        Lang::En => cat(&["The code is regular (structure, date of birth, check character; the place ", place_code, " exists). The place's name follows in a moment, with the list of places: then the place is also checked to have existed on the date of birth."]),
                    },
                ),
                Absence::Unavailable => Finding::info(
                    "cf.place-name-unavailable",
                    match lang {
                        Lang::It => cat(&["Il codice è regolare (struttura, data di nascita, carattere di controllo; il luogo ", place_code, " esiste), ma il nome del luogo non è disponibile: l'elenco dei luoghi non si è potuto caricare, quindi non si è controllato che il luogo esistesse alla data di nascita."]),
                        Lang::En => cat(&["The code is regular (structure, date of birth, check character; the place ", place_code, " exists), but the place's name is unavailable: the list of places could not be loaded, so the place was not checked to have existed on the date of birth."]),
                    },
                ),
            }
            .field(field::CODE),
            Problem::CenturyFromPlace { birth, recent, name, place_code } => Finding::info(
                "cf.century-from-place",
                match lang {
                    Lang::It => format!("Anno di nascita letto come {}, non {}: {} ({}) era valido nel {} e non nel {}.", birth.year(), recent.year(), name, place_code, birth.year(), recent.year()),
                    Lang::En => format!("Year of birth read as {}, not {}: {} ({}) was valid in {} and not in {}.", birth.year(), recent.year(), name, place_code, birth.year(), recent.year()),
                },
            ),
            Problem::Omocode { place_code } => omocode(place_code, lang),
            Problem::PlaceNotValidAtBirth { place, birth } => validity_warning(&place, birth, lang),
            Problem::NumericCharacter { pos, c } => Finding::error(
                "cf.digit-expected",
                match lang {
                    Lang::It => format!("Un codice fiscale di 11 caratteri (società, enti, codici provvisori) ha solo cifre: al {}° posto c'è «{c}». Se è il codice di una persona, ha 16 caratteri.", pos + 1),
                    Lang::En => format!("An 11-character codice fiscale (companies, entities, temporary codes) has digits only: character {} is “{c}”. A person's code has 16 characters.", pos + 1),
                },
            )
            .at(pos),
            Problem::SerialZero => Finding::error(
                "cf.serial-zero",
                match lang {
                    Lang::It => "Le prime sette cifre sono il numero progressivo del codice e non possono essere tutte zero: controlla il codice sul certificato di attribuzione.",
                    Lang::En => "The first seven digits are the code's serial number and cannot all be zero: check the code on the certificate of attribution.",
                },
            )
            .at(0),
            Problem::OfficeSerial { office } => Finding::error(
                "cf.office-serial",
                match lang {
                    Lang::It => format!("I codici che iniziano con 8 o 9 (enti non commerciali) hanno come ufficio (8ª–10ª cifra) un numero tra 001 e 095: «{office}» non lo è. Controlla il codice sul certificato di attribuzione."),
                    Lang::En => format!("Codes starting with 8 or 9 (non-commercial entities) have an office number (digits 8–10) between 001 and 095: “{office}” is not. Check the code on the certificate of attribution."),
                },
            )
            .at(7),
            Problem::Office { office } => Finding::error(
                "cf.office",
                match lang {
                    Lang::It => format!("L'8ª, la 9ª e la 10ª cifra («{office}») indicano l'ufficio che ha attribuito il codice: per società ed enti sono tra 001 e 100, 120, 121, 888 o 999; per i codici provvisori delle persone 000, tra 151 e 245, tra 301 e 766 o tra 900 e 950. Controlla il codice sul certificato di attribuzione."),
                    Lang::En => format!("Digits 8, 9 and 10 (“{office}”) are the office that issued the code: 001–100, 120, 121, 888 or 999 for companies and entities; 000, 151–245, 301–766 or 900–950 for temporary codes of persons. Check the code on the certificate of attribution."),
                },
            )
            .at(7),
            Problem::CheckDigit { expected, found } => Finding::error(
                "cf.check-digit",
                match lang {
                    Lang::It => format!("L'ultima cifra, di controllo, dovrebbe essere {} e non {}: di solito vuol dire che una cifra è stata copiata male. Controlla il codice sul certificato di attribuzione o sulla visura camerale.", expected as char, found as char),
                    Lang::En => format!("The last digit, the check digit, should be {}, not {}: usually a digit was copied wrongly. Check the code on the certificate of attribution or the company register extract.", expected as char, found as char),
                },
            )
            .at(10),
            Problem::Temporary => Finding::info(
                "cf.temporary",
                match lang {
                    Lang::It => "È un codice fiscale provvisorio: l'Agenzia delle Entrate lo attribuisce a una persona in attesa del codice di 16 caratteri. È regolare; se la persona ha già il codice definitivo, usa quello.",
                    Lang::En => "This is a temporary codice fiscale: the Agenzia delle Entrate gives it to a person until the 16-character code is issued. It is regular; if the person already has the definitive code, use that one.",
                },
            ),
        }
    }
}

/// The information `cf.omocode` (apart: it is written from three places).
#[inline(never)]
fn omocode(place_code: &str, lang: Lang) -> Finding {
    Finding::info(
        "cf.omocode",
        match lang {
            Lang::It => cat(&["Codice con omocodia: l'Agenzia delle Entrate ha sostituito alcune cifre con lettere per distinguerlo da un codice uguale. È regolare; il luogo di nascita è ", place_code, "."]),
            Lang::En => cat(&["Code with omocodia: the Agenzia delle Entrate replaced some digits with letters to tell it apart from an identical code. It is regular; the place of birth is ", place_code, "."]),
        },
    )
    .field(field::CODE)
}

/// The warning `cf.place-not-valid-at-birth`.
fn validity_warning(place: &Place, birth: NaiveDate, lang: Lang) -> Finding {
    let (name, province, code) = (place.name_on(birth), place.province(), place.code());
    let from = human(place.valid_from(), lang);
    let until = place.valid_until().map(|u| human(u, lang));
    let until = until.as_deref();
    let birth = human(birth, lang);
    Finding::warning(
        "cf.place-not-valid-at-birth",
        match lang {
            Lang::It => cat(&["Il codice indica la nascita a ", name, " (", province, ") il ", &birth, ", ma il codice ", code, " è valido solo dal ", &from, if until.is_some() { " al " } else { "" }, until.unwrap_or(""), ". L'Agenzia delle Entrate attribuisce codici anche con comuni istituiti dopo la nascita, quindi il codice può essere giusto: controlla la data e il luogo di nascita."]),
            Lang::En => cat(&["The code gives birth in ", name, " (", province, ") on ", &birth, ", but code ", code, " is only valid from ", &from, if until.is_some() { " to " } else { "" }, until.unwrap_or(""), ". The Agenzia delle Entrate also issues codes with comuni created after the birth, so the code may be right: check the date and place of birth."]),
        },
    )
    .at(11)
}

/// What the characters at a position stand for, to say it in messages.
fn part(pos: usize, lang: Lang) -> &'static str {
    match (pos, lang) {
        (0..=2, Lang::It) => "le prime tre lettere vengono dal cognome",
        (0..=2, Lang::En) => "the first three letters come from the surname",
        (3..=5, Lang::It) => "dal 4° al 6° carattere vengono dal nome",
        (3..=5, Lang::En) => "characters 4 to 6 come from the first name",
        (6 | 7, Lang::It) => "il 7° e l'8° carattere sono l'anno di nascita",
        (6 | 7, Lang::En) => "characters 7 and 8 are the year of birth",
        (8, Lang::It) => "il 9° carattere è la lettera del mese di nascita",
        (8, Lang::En) => "character 9 is the letter of the month of birth",
        (9 | 10, Lang::It) => "il 10° e l'11° carattere sono il giorno di nascita",
        (9 | 10, Lang::En) => "characters 10 and 11 are the day of birth",
        (11..=14, Lang::It) => "dal 12° al 15° carattere c'è il codice del luogo di nascita",
        (11..=14, Lang::En) => "characters 12 to 15 are the code of the place of birth",
        (_, Lang::It) => "l'ultimo carattere è quello di controllo",
        (_, Lang::En) => "the last character is the check character",
    }
}

impl Defect {
    /// The finding of a defect. `chars` is the normalised input (16 characters).
    pub(crate) fn finding(self, chars: &[char], lang: Lang) -> Finding {
        // Each character as text, for `cat` (`?` past the end).
        let mut bufs = [[0u8; 4]; 16];
        let mut shown = ["?"; 16];
        for ((slot, buf), c) in shown.iter_mut().zip(&mut bufs).zip(chars) {
            *slot = c.encode_utf8(buf);
        }
        let at = |pos: usize| shown.get(pos).copied().unwrap_or("?");
        let n = |pos: usize| pos + 1;
        match self {
            Defect::Character(pos) => Finding::error(
                "cf.character",
                match lang {
                    Lang::It => cat(&[il_cap(n(pos)), nth(n(pos)), "° carattere, «", at(pos), "», non può stare in un codice fiscale: usa solo lettere senza accenti e cifre."]),
                    Lang::En => cat(&["Character ", nth(n(pos)), ", “", at(pos), "”, cannot be part of a codice fiscale: use only unaccented letters and digits."]),
                },
            )
            .at(pos),
            Defect::LetterExpected(pos) => Finding::error(
                "cf.letter-expected",
                match lang {
                    Lang::It => cat(&[al_cap(n(pos)), nth(n(pos)), "° posto ci vuole una lettera, non «", at(pos), "»: ", part(pos, lang), "."]),
                    Lang::En => cat(&["Character ", nth(n(pos)), " must be a letter, not “", at(pos), "”: ", part(pos, lang), "."]),
                },
            )
            .at(pos),
            Defect::DigitExpected(pos) => Finding::error(
                "cf.digit-expected",
                match lang {
                    Lang::It => cat(&[
                        al_cap(n(pos)), nth(n(pos)),
                        "° posto ci vuole una cifra (o una delle lettere L M N P Q R S T U V che la sostituiscono nei codici con omocodia), non «",
                        at(pos), "»: ", part(pos, lang), ".",
                    ]),
                    Lang::En => cat(&[
                        "Character ", nth(n(pos)),
                        " must be a digit (or one of the letters L M N P Q R S T U V that replace digits in codes with omocodia), not “",
                        at(pos), "”: ", part(pos, lang), ".",
                    ]),
                },
            )
            .at(pos),
            Defect::Month => Finding::error(
                "cf.month",
                match lang {
                    Lang::It => cat(&["Il 9° carattere indica il mese di nascita e deve essere una tra A B C D E H L M P R S T (da gennaio a dicembre): «", at(8), "» non indica nessun mese."]),
                    Lang::En => cat(&["Character 9 is the month of birth and must be one of A B C D E H L M P R S T (January to December): “", at(8), "” is not a month."]),
                },
            )
            .at(8),
            Defect::Day => Finding::error(
                "cf.day",
                match lang {
                    Lang::It => cat(&["Il 10° e l'11° carattere indicano il giorno di nascita: da 01 a 31 per gli uomini, da 41 a 71 per le donne (giorno + 40). «", at(9), at(10), "» non è nessuno dei due."]),
                    Lang::En => cat(&["Characters 10 and 11 are the day of birth: 01 to 31 for men, 41 to 71 for women (day + 40). “", at(9), at(10), "” is neither."]),
                },
            )
            .at(9),
            Defect::DayOfMonth => {
                let (m, d) = day_month(chars);
                let max = month_len(m, true);
                Finding::error(
                    "cf.day-of-month",
                    match lang {
                        Lang::It => format!("Il codice indica il giorno {d} di {}, che ha al massimo {max} giorni: controlla il giorno (10° e 11° carattere) e il mese (9° carattere).", month_name(m, lang)),
                        Lang::En => format!("The code gives day {d} of {}, which has at most {max} days: check the day (characters 10 and 11) and the month (character 9).", month_name(m, lang)),
                    },
                )
                .at(9)
            }
            Defect::LeapDay => Finding::error(
                "cf.leap-day",
                match lang {
                    Lang::It => format!("Il codice indica il 29 febbraio di un anno che finisce per {}{} e non è bisestile: controlla l'anno (7° e 8° carattere) e il giorno (10° e 11°).", at(6), at(7)),
                    Lang::En => format!("The code gives 29 February of a year ending in {}{}, which is not a leap year: check the year (characters 7 and 8) and the day (10 and 11).", at(6), at(7)),
                },
            )
            .at(9),
            Defect::PlaceLetter => Finding::error(
                "cf.place-letter",
                match lang {
                    Lang::It => cat(&["Il 12° carattere è la lettera del codice del luogo di nascita: A–I, L o M per un comune italiano, Z per uno stato estero; «", at(11), "» non lo è."]),
                    Lang::En => cat(&["Character 12 is the letter of the place-of-birth code: A–I, L or M for an Italian comune, Z for a foreign state; “", at(11), "” is neither."]),
                },
            )
            .at(11),
            Defect::PlaceZero => Finding::error(
                "cf.place-zero",
                match lang {
                    Lang::It => format!("Il codice del luogo di nascita non può essere «{}000»: controlla dal 12° al 15° carattere.", at(11)),
                    Lang::En => format!("The place-of-birth code cannot be “{}000”: check characters 12 to 15.", at(11)),
                },
            )
            .at(12),
            Defect::CheckChar { expected } => {
                let e = [expected];
                let expected = std::str::from_utf8(&e).unwrap_or("?");
                Finding::error(
                    "cf.check-character",
                    match lang {
                        Lang::It => cat(&["L'ultimo carattere, di controllo, dovrebbe essere «", expected, "» e non «", at(15), "»: di solito vuol dire che un carattere è stato copiato male. Controlla il codice sulla tessera sanitaria o sul certificato dell'Agenzia delle Entrate."]),
                        Lang::En => cat(&["The last character, the check character, should be “", expected, "”, not “", at(15), "”: usually a character was copied wrongly. Check the code on the health insurance card or the Agenzia delle Entrate certificate."]),
                    },
                )
                .at(15)
            }
        }
    }
}

/// Month and day as written (for messages), omocodia undone.
fn day_month(chars: &[char]) -> (u32, u32) {
    let b = |i: usize| chars.get(i).map(|&c| c as u32 as u8).unwrap_or(b'?');
    let m = month_of(b(8)).unwrap_or(1);
    let d = digit_value(b(9)).unwrap_or(0) as u32 * 10 + digit_value(b(10)).unwrap_or(0) as u32;
    (m, if d > 40 { d - 40 } else { d })
}

// ---------------------------------------------------------------------------------------
// Corrections
// ---------------------------------------------------------------------------------------

/// The one change that turns a wrong code into a correction.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Edit {
    /// Characters at `i` and `i + 1` swapped.
    Swap(usize),
    /// The character at `i` replaced (old, new).
    Replace(usize, char, char),
}

impl Edit {
    /// The position it starts at.
    pub(crate) fn position(self) -> usize {
        match self {
            Edit::Swap(i) | Edit::Replace(i, _, _) => i,
        }
    }

    /// What changes, as the start of a sentence: "scambiando il 7° e l'8° carattere".
    fn words(self, lang: Lang) -> String {
        match self {
            Edit::Swap(i) => match lang {
                Lang::It => cat(&[
                    "scambiando ",
                    il(i + 1),
                    nth(i + 1),
                    "° e ",
                    il(i + 2),
                    nth(i + 2),
                    "° carattere",
                ]),
                Lang::En => cat(&["exchanging characters ", nth(i + 1), " and ", nth(i + 2)]),
            },
            Edit::Replace(i, old, new) => {
                let (mut o, mut n) = ([0u8; 4], [0u8; 4]);
                let (old, new) = (&*old.encode_utf8(&mut o), &*new.encode_utf8(&mut n));
                match lang {
                    Lang::It => cat(&[
                        "con «",
                        new,
                        "» ",
                        al(i + 1),
                        nth(i + 1),
                        "° posto invece di «",
                        old,
                        "»",
                    ]),
                    Lang::En => cat(&[
                        "with “",
                        new,
                        "” instead of “",
                        old,
                        "” as character ",
                        nth(i + 1),
                    ]),
                }
            }
        }
    }
}

/// ": indica una donna nata il 01/02/1980 a Roma (RM)" (empty for 11 digits).
fn meaning(decoded: Option<&Decoded>, lang: Lang) -> String {
    let Some(d) = decoded else {
        return String::new();
    };
    let name = d.place.name_on(d.birth_date);
    let date = human(d.birth_date, lang);
    let province = d.place.province();
    let (who, at) = match (lang, d.sex) {
        (Lang::It, Sex::M) => (": indica un uomo nato il ", " a "),
        (Lang::It, Sex::F) => (": indica una donna nata il ", " a "),
        (Lang::En, Sex::M) => (": a man born on ", " in "),
        (Lang::En, Sex::F) => (": a woman born on ", " in "),
    };
    cat(&[who, &date, at, name, " (", province, ")"])
}

/// The opening of the sentence [`proposal`] appends, in each language.
const PROPOSAL_OPENINGS: [&str; 2] = [" Forse è «", " It may be “"];

/// The sentence appended to the error's message for the best correction `code`: what
/// changes and what the corrected code means.
pub(crate) fn proposal(code: &str, edit: Edit, decoded: Option<&Decoded>, lang: Lang) -> String {
    let (edit, meaning) = (edit.words(lang), meaning(decoded, lang));
    match lang {
        Lang::It => cat(&[
            &PROPOSAL_OPENINGS[0][1..],
            code,
            "», ",
            &edit,
            &meaning,
            ". Verifica che sia il codice del contribuente prima di usarlo.",
        ]),
        Lang::En => cat(&[
            &PROPOSAL_OPENINGS[1][1..],
            code,
            "”, ",
            &edit,
            &meaning,
            ". Make sure it is the contributor's code before using it.",
        ]),
    }
}

/// The warning `cf.alternative`, which offers a further correction `code`.
pub(crate) fn alternative(
    code: String,
    edit: Edit,
    decoded: Option<&Decoded>,
    lang: Lang,
) -> Finding {
    let (words, meaning) = (edit.words(lang), meaning(decoded, lang));
    let message = match lang {
        Lang::It => cat(&[
            "Oppure potrebbe essere «",
            &code,
            "», ",
            &words,
            &meaning,
            ".",
        ]),
        Lang::En => cat(&["Or it may be “", &code, "”, ", &words, &meaning, "."]),
    };
    Finding::warning("cf.alternative", message)
        .at(edit.position())
        .suggest(code)
}

/// A message without the sentence [`proposal`] appended to it: the widget shows the
/// proposal on its own line, with what it means and its button.
pub(crate) fn without_proposal(message: &str) -> &str {
    PROPOSAL_OPENINGS
        .iter()
        .filter_map(|o| crate::text::find(message, o))
        .min()
        .map_or(message, |i| &message[..i])
}
