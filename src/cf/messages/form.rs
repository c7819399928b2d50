//! The words about the other fields of the form ([`encode`](crate::cf::encode),
//! [`cross_check`](crate::cf::cross_check)), the options of the JavaScript API, and the
//! matricola INPS ([`check_matricola`](crate::cf::check_matricola)).

use crate::text::Join;
use chrono::NaiveDate;

use crate::cf::input::MAX_SIGNIFICANT;
use crate::cf::places::{Absence, Place};
use crate::cf::{field, Sex};
use crate::dates::{clip, human};
use crate::field::FormField;
use crate::finding::{Finding, Lang};

/// A field of the form that is needed and empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Missing {
    Surname,
    Name,
    BirthDate,
    Sex,
}

/// What the fields of the form (or the options) have that the code cannot use or that
/// disagrees with it, with the data the message needs. `first_name`: the name, else the
/// surname.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FormProblem<'a> {
    /// A required field is empty.
    Missing(Missing),
    /// A surname or name over `max` characters.
    NameTooLong { first_name: bool, max: usize },
    /// A surname or name with a character `c` that is not a letter.
    NameCharacter { first_name: bool, c: char },
    /// A surname or name without letters.
    NameLetters { first_name: bool },
    /// A place code that is not a letter and three digits; `or_name`: the name may be given
    /// instead (when computing the code).
    PlaceCodeFormat { typed: &'a str, or_name: bool },
    /// A place code in no period of the registry of `date`.
    PlaceCodeUnknown { code: &'a str, date: NaiveDate },
    /// No place of birth.
    PlaceMissing,
    /// A place name found nowhere; `example`: say which code Roma has.
    PlaceNameUnknown { typed: &'a str, example: bool },
    /// A place name shared by several places.
    PlaceAmbiguous { found: &'a [Place] },
    /// The registry is absent: the place cannot be resolved.
    PlacesAbsent(Absence),
    /// A sex that is not M or F.
    SexInvalid { typed: &'a str },
    /// A code that cannot be compared: not a valid code, or one of 11 digits (`numeric`).
    CrossCheckSkipped { numeric: bool },
    /// The letters of a surname or name (`gives`) are not the code's (`has`, at `at`).
    MismatchName {
        first_name: bool,
        typed: &'a str,
        gives: &'a str,
        has: &'a str,
        at: usize,
    },
    /// The code's date (in the form's century, or `day`/`month`/`yy` when that day does
    /// not exist) is not the form's.
    MismatchBirthDate {
        code: Option<NaiveDate>,
        day: u32,
        month: u32,
        yy: u32,
        form: NaiveDate,
    },
    /// The code's sex (`day` as written) is not the form's.
    MismatchSex { code: Sex, day: u32 },
    /// The registry is absent: the typed place name is not compared yet.
    PlaceCompareAbsent(Absence),
    /// The code's place (`code`) is not the form's (`form`), both already described.
    MismatchPlace { code: &'a str, form: &'a str },
    /// The `today` option is not a date.
    TodayInvalid,
}

impl FormProblem<'_> {
    /// The finding, in `lang` only.
    // Inlined where each problem is reported (one place for most, the others go through a
    // helper): the arms of the other problems fall away there, so the module is no larger
    // than when each rule wrote its own words.
    #[inline(always)]
    pub(crate) fn finding(self, lang: Lang) -> Finding {
        use Lang::{En, It};
        let who = |first_name: bool| match (first_name, lang) {
            (true, It) => "Il nome",
            (true, En) => "The first name",
            (false, It) => "Il cognome",
            (false, En) => "The surname",
        };
        let name_field = |first_name: bool| {
            if first_name {
                field::NAME
            } else {
                field::SURNAME
            }
        };
        match self {
            FormProblem::Missing(m) => {
                let (code, fld, text): (_, FormField, _) = match (m, lang) {
                    (Missing::Surname, It) => ("cf.surname-missing", field::SURNAME, "Inserisci il cognome."),
                    (Missing::Surname, En) => ("cf.surname-missing", field::SURNAME, "Enter the surname."),
                    (Missing::Name, It) => ("cf.name-missing", field::NAME, "Inserisci il nome."),
                    (Missing::Name, En) => ("cf.name-missing", field::NAME, "Enter the first name."),
                    (Missing::BirthDate, It) => ("cf.birth-date-missing", field::BIRTH_DATE, "Inserisci la data di nascita."),
                    (Missing::BirthDate, En) => ("cf.birth-date-missing", field::BIRTH_DATE, "Enter the date of birth."),
                    (Missing::Sex, It) => ("cf.sex-missing", field::SEX, "Indica il sesso (M o F)."),
                    (Missing::Sex, En) => ("cf.sex-missing", field::SEX, "Give the sex (M or F)."),
                };
                Finding::error(code, text).field(fld)
            }
            FormProblem::NameTooLong { first_name, max } => Finding::error(
                if first_name { "cf.name-too-long" } else { "cf.surname-too-long" },
                match lang {
                    It => format!("{} è troppo lungo: scrivi al massimo {max} caratteri.", who(first_name)),
                    En => format!("{} is too long: write at most {max} characters.", who(first_name)),
                },
            )
            .field(name_field(first_name)),
            FormProblem::NameCharacter { first_name, c } => Finding::error(
                if first_name { "cf.name-character" } else { "cf.surname-character" },
                match lang {
                    It => format!("{} contiene «{c}», che il codice fiscale non prevede: scrivilo come risulta all'Agenzia delle Entrate, con lettere senza segni diacritici particolari.", who(first_name)),
                    En => format!("{} contains “{c}”, which the codice fiscale does not use: write it as the Agenzia delle Entrate records it, with plain letters.", who(first_name)),
                },
            )
            .field(name_field(first_name)),
            FormProblem::NameLetters { first_name } => Finding::error(
                if first_name { "cf.name-letters" } else { "cf.surname-letters" },
                match lang {
                    It => format!("{} deve contenere almeno una lettera.", who(first_name)),
                    En => format!("{} must contain at least one letter.", who(first_name)),
                },
            )
            .field(name_field(first_name)),
            FormProblem::PlaceCodeFormat { typed, or_name } => Finding::error(
                "cf.place-code-format",
                match (or_name, lang) {
                    (true, It) => format!("«{}» non è un codice di luogo: scrivi una lettera (A–I, L, M per i comuni, Z per gli stati esteri) e tre cifre, per esempio H501, oppure indica il nome del luogo.", clip(typed)),
                    (true, En) => format!("“{}” is not a place code: write a letter (A–I, L, M for comuni, Z for foreign states) and three digits, e.g. H501, or give the place's name.", clip(typed)),
                    (false, It) => format!("«{}» non è un codice di luogo: scrivi una lettera e tre cifre, per esempio H501.", clip(typed)),
                    (false, En) => format!("“{}” is not a place code: write a letter and three digits, e.g. H501.", clip(typed)),
                },
            )
            .field(field::PLACE),
            FormProblem::PlaceCodeUnknown { code, date } => Finding::error(
                "cf.place-code-unknown",
                match lang {
                    It => format!("Il codice di luogo «{code}» non corrisponde a nessun comune né stato estero, attuale o cessato, dell'archivio ANPR aggiornato al {}: controllalo, oppure indica il nome del luogo.", human(date, lang)),
                    En => format!("The place code “{code}” matches no comune or foreign state, current or ceased, in the ANPR archive as of {}: check it, or give the place's name.", human(date, lang)),
                },
            )
            .field(field::PLACE),
            FormProblem::PlaceMissing => Finding::error(
                "cf.place-missing",
                match lang {
                    It => "Inserisci il luogo di nascita: il comune, oppure lo stato estero per chi è nato all'estero.",
                    En => "Enter the place of birth: the comune, or the foreign state for people born abroad.",
                },
            )
            .field(field::PLACE),
            FormProblem::PlaceNameUnknown { typed, example } => Finding::error(
                "cf.place-name-unknown",
                match (example, lang) {
                    (true, It) => format!("Non trovo «{}» tra i comuni e gli stati esteri, attuali o cessati: controlla come è scritto, oppure indica il codice del luogo (per esempio H501 per Roma).", clip(typed)),
                    (true, En) => format!("“{}” is not among the comuni and foreign states, current or ceased: check the spelling, or give the place code (e.g. H501 for Roma).", clip(typed)),
                    (false, It) => format!("Non trovo «{}» tra i comuni e gli stati esteri, attuali o cessati: controlla come è scritto, oppure indica il codice del luogo.", clip(typed)),
                    (false, En) => format!("“{}” is not among the comuni and foreign states, current or ceased: check the spelling, or give the place code.", clip(typed)),
                },
            )
            .field(field::PLACE),
            FormProblem::PlaceAmbiguous { found } => {
                let list: Vec<String> = found.iter().take(6).map(|p| format!("{} ({}, {})", p.name(), p.province(), p.code())).collect();
                let (name, province) = match found {
                    [first, ..] => (first.name(), first.province()),
                    [] => ("", ""),
                };
                Finding::error(
                    "cf.place-ambiguous",
                    match lang {
                        It => format!("Ci sono più luoghi con questo nome: {}. Aggiungi la provincia tra parentesi, per esempio «{} ({})», oppure indica il codice del luogo.", list.joined(", "), name, province),
                        En => format!("Several places have this name: {}. Add the province in brackets, e.g. “{} ({})”, or give the place code.", list.joined(", "), name, province),
                    },
                )
                .field(field::PLACE)
            }
            FormProblem::PlacesAbsent(absence) => places_absent(absence, lang),
            FormProblem::SexInvalid { typed } => Finding::error(
                "cf.sex-invalid",
                match lang {
                    It => format!("Indica il sesso come M o F (non «{}»): è quello registrato nel codice fiscale.", clip(typed)),
                    En => format!("Give the sex as M or F (not “{}”): the one the codice fiscale records.", clip(typed)),
                },
            )
            .field(field::SEX),
            FormProblem::CrossCheckSkipped { numeric } => Finding::info(
                "cf.cross-check-skipped",
                match (numeric, lang) {
                    (true, It) => "Un codice fiscale di 11 cifre non contiene dati anagrafici: non c'è niente da confrontare con gli altri campi.",
                    (true, En) => "An 11-digit codice fiscale holds no personal data: there is nothing to compare with the other fields.",
                    (false, It) => "Il confronto con cognome, nome, data, sesso e luogo di nascita si fa quando il codice fiscale di 16 caratteri è corretto: correggi prima il codice.",
                    (false, En) => "The comparison with surname, name, date, sex and place of birth is made once the 16-character codice fiscale is correct: fix the code first.",
                },
            )
            .field(field::CODE),
            FormProblem::MismatchName { first_name, typed, gives, has, at } => Finding::warning(
                if first_name { "cf.mismatch-name" } else { "cf.mismatch-surname" },
                match lang {
                    It => format!("{} «{}» dà «{}», ma il codice fiscale ha «{}» (dal {}° al {}° carattere): controlla {} o il codice.", who(first_name), clip(typed), gives, has, at + 1, at + 3, if first_name { "il nome" } else { "il cognome" }),
                    En => format!("{} “{}” gives “{}”, but the codice fiscale has “{}” (characters {} to {}): check the {} or the code.", who(first_name), clip(typed), gives, has, at + 1, at + 3, if first_name { "first name" } else { "surname" }),
                },
            )
            .field(name_field(first_name))
            .at(at),
            FormProblem::MismatchBirthDate { code, day, month, yy, form } => {
                let shown = code
                    .map(|x| human(x, lang))
                    .unwrap_or_else(|| format!("{day:02}/{month:02}/..{yy:02}"));
                Finding::warning(
                    "cf.mismatch-birth-date",
                    match lang {
                        It => format!("Il codice indica la nascita il {shown}, il modulo dice {}: controlla la data di nascita o il codice.", human(form, lang)),
                        En => format!("The code gives birth on {shown}, the form says {}: check the date of birth or the code.", human(form, lang)),
                    },
                )
                .field(field::BIRTH_DATE)
                .at(6)
            }
            FormProblem::MismatchSex { code, day } => {
                let (code_words, form_words) = match (code, lang) {
                    (Sex::F, It) => ("una donna", "uomo"),
                    (Sex::F, En) => ("a woman", "man"),
                    (Sex::M, It) => ("un uomo", "donna"),
                    (Sex::M, En) => ("a man", "woman"),
                };
                Finding::warning(
                    "cf.mismatch-sex",
                    match lang {
                        It => format!("Il codice indica {code_words} (giorno {day:02}: per le donne si aggiunge 40), il modulo dice {form_words}: controlla il sesso o il codice."),
                        En => format!("The code gives {code_words} (day {day:02}: 40 is added for women), the form says {form_words}: check the sex or the code."),
                    },
                )
                .field(field::SEX)
                .at(9)
            }
            FormProblem::PlaceCompareAbsent(absence) => match (absence, lang) {
                (Absence::Loading, It) => Finding::info("cf.place-compare-pending", "Il luogo di nascita del modulo si confronta con il codice quando arriva l'elenco dei luoghi, tra un istante."),
                (Absence::Loading, En) => Finding::info("cf.place-compare-pending", "The place of birth in the form is compared with the code when the list of places arrives, in a moment."),
                (Absence::Unavailable, It) => Finding::info("cf.place-compare-unavailable", "Il luogo di nascita del modulo non è stato confrontato con il codice: l'elenco dei luoghi non si è potuto caricare."),
                (Absence::Unavailable, En) => Finding::info("cf.place-compare-unavailable", "The place of birth in the form was not compared with the code: the list of places could not be loaded."),
            }
            .field(field::PLACE),
            FormProblem::MismatchPlace { code, form } => Finding::warning(
                "cf.mismatch-place",
                match lang {
                    It => format!("Il codice indica la nascita a {code}, il modulo dice {form}: controlla il luogo di nascita o il codice."),
                    En => format!("The code gives birth in {code}, the form says {form}: check the place of birth or the code."),
                },
            )
            .field(field::PLACE)
            .at(11),
            FormProblem::TodayInvalid => Finding::warning(
                "cf.today-invalid",
                match lang {
                    It => "L'opzione «today» non è una data AAAA-MM-GG: il secolo di nascita è stato scelto rispetto alla data dell'archivio dei luoghi.",
                    En => "The “today” option is not a YYYY-MM-DD date: the century of birth was chosen relative to the place archive's date.",
                },
            ),
        }
    }
}

/// The error of a place that cannot be resolved yet (apart: it is written from two places).
#[inline(never)]
fn places_absent(absence: Absence, lang: Lang) -> Finding {
    use Lang::{En, It};
    match (absence, lang) {
        (Absence::Loading, It) => Finding::error("cf.places-pending", "L'elenco dei luoghi di nascita sta arrivando: riprova tra un istante."),
        (Absence::Loading, En) => Finding::error("cf.places-pending", "The list of places of birth is on its way: try again in a moment."),
        (Absence::Unavailable, It) => Finding::error("cf.places-unavailable", "L'elenco dei luoghi di nascita non si è potuto caricare, quindi il codice fiscale non si può calcolare qui: ricarica la pagina più tardi."),
        (Absence::Unavailable, En) => Finding::error("cf.places-unavailable", "The list of places of birth could not be loaded, so the codice fiscale cannot be computed here: reload the page later."),
    }
    .field(field::PLACE)
}

/// What is wrong with a matricola aziendale INPS (the field is set by the caller).
#[derive(Clone, Copy, Debug)]
pub(crate) enum MatricolaProblem<'a> {
    /// Nothing typed.
    Empty,
    /// Read with changes: `normalized` is what was read.
    Normalized { normalized: &'a str },
    /// `n` characters that look like a codice fiscale.
    CodiceFiscale { n: usize },
    /// More significant characters than are ever read.
    TooLong,
    /// Not a digit, `c`, at `pos`.
    DigitExpected { pos: usize, c: char },
    /// `n` characters instead of 10.
    Length { n: usize },
}

impl MatricolaProblem<'_> {
    /// The finding, in `lang` only.
    // Inlined where each problem is reported (one place for most, the others go through a
    // helper): the arms of the other problems fall away there, so the module is no larger
    // than when each rule wrote its own words.
    #[inline(always)]
    pub(crate) fn finding(self, lang: Lang) -> Finding {
        use Lang::{En, It};
        match self {
            MatricolaProblem::Empty => Finding::error(
                "matricola.empty",
                match lang {
                    It => "Inserisci la matricola INPS dell'azienda: 10 cifre, come nel Cassetto previdenziale.",
                    En => "Enter the company's INPS matricola: 10 digits, as in the Cassetto previdenziale.",
                },
            ),
            MatricolaProblem::Normalized { normalized } => Finding::info(
                "matricola.normalized",
                match lang {
                    It => format!("Matricola letta come «{normalized}»: senza spazi, trattini, punti o caratteri invisibili."),
                    En => format!("Matricola read as “{normalized}”: without spaces, hyphens, dots or invisible characters."),
                },
            ),
            MatricolaProblem::CodiceFiscale { n } => Finding::error(
                "matricola.codice-fiscale",
                match lang {
                    It => format!("Sembra un codice fiscale ({n} caratteri): la matricola INPS dell'azienda ha 10 cifre. Inseriscila qui e il codice fiscale nel suo campo."),
                    En => format!("This looks like a codice fiscale ({n} characters): the company's INPS matricola has 10 digits. Enter it here and the codice fiscale in its own field."),
                },
            ),
            MatricolaProblem::TooLong => Finding::error(
                "matricola.too-long",
                match lang {
                    It => format!("La matricola INPS ha 10 cifre, ma il testo inserito ha più di {MAX_SIGNIFICANT} caratteri: inserisci solo la matricola."),
                    En => format!("The INPS matricola has 10 digits, but the text has more than {MAX_SIGNIFICANT} characters: enter only the matricola."),
                },
            ),
            MatricolaProblem::DigitExpected { pos, c } => Finding::error(
                "matricola.digit-expected",
                match lang {
                    It => format!("La matricola INPS ha solo cifre: al {}° posto c'è «{c}».", pos + 1),
                    En => format!("The INPS matricola has digits only: character {} is “{c}”.", pos + 1),
                },
            )
            .at(pos),
            MatricolaProblem::Length { n } => Finding::error(
                "matricola.length",
                match lang {
                    It => format!("La matricola INPS ha 10 cifre: quella inserita ha {n} caratteri."),
                    En => format!("The INPS matricola has 10 digits: this one has {n} characters."),
                },
            ),
        }
    }
}
