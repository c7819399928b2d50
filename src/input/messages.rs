//! The words of the `input.*` findings, Italian and English side by side.

use super::{Expected, InputProblem};
use crate::finding::{Finding, Lang, Severity};
use crate::text::Join;

fn expected(e: Expected, lang: Lang) -> &'static str {
    let (it, en) = match e {
        Expected::Text => ("un testo", "text"),
        Expected::List => ("una lista", "a list"),
        Expected::Bool => ("true o false", "true or false"),
        Expected::Object => ("un oggetto", "an object"),
        Expected::Number => ("un numero", "a number"),
        Expected::Documented => ("il tipo documentato", "the documented type"),
    };
    lang.pick(it, en)
}

/// The finding of `p` in `lang` (without its field: [`InputProblem::finding`] adds it).
pub(super) fn finding(p: &InputProblem, lang: Lang) -> Finding {
    use InputProblem as P;
    use Lang::{En, It};
    let (code, severity, message) = match (p, lang) {
        (P::NumberNotCode, It) => ("input.not-text", Severity::Error, "Il valore ricevuto è un numero che non può essere un codice: passa il testo digitato.".to_string()),
        (P::NumberNotCode, En) => ("input.not-text", Severity::Error, "The value received is a number that cannot be a code: pass the text as typed.".to_string()),
        (P::TooLong { length, max }, It) => ("input.too-long", Severity::Error, format!("Il testo è troppo lungo ({length} caratteri): il massimo è {max}.")),
        (P::TooLong { length, max }, En) => ("input.too-long", Severity::Error, format!("The text is too long ({length} characters): the maximum is {max}.")),
        (P::NotText, It) => ("input.not-text", Severity::Error, "Il valore ricevuto non è un testo: passa una stringa.".to_string()),
        (P::NotText, En) => ("input.not-text", Severity::Error, "The value received is not text: pass a string.".to_string()),
        (P::NotObject { what }, It) => ("input.not-object", Severity::Error, format!("«{what}» deve essere un oggetto JavaScript con i campi documentati.")),
        (P::NotObject { what }, En) => ("input.not-object", Severity::Error, format!("“{what}” must be a JavaScript object with the documented fields.")),
        (P::NotObjectDefaults, It) => ("input.not-object", Severity::Warning, "«options» deve essere un oggetto JavaScript con i campi documentati: uso i valori predefiniti.".to_string()),
        (P::NotObjectDefaults, En) => ("input.not-object", Severity::Warning, "“options” must be a JavaScript object with the documented fields: using the defaults.".to_string()),
        (P::RequestNotObject, It) => ("input.not-object", Severity::Error, "Passa la richiesta come oggetto JavaScript, con almeno «profile» (per esempio \"milano\") e «sent» (la data di invio).".to_string()),
        (P::RequestNotObject, En) => ("input.not-object", Severity::Error, "Pass the request as a JavaScript object, with at least “profile” (for example \"milano\") and “sent” (the sending date).".to_string()),
        (P::TextInsideTooLong { what, max }, It) => ("input.too-long", Severity::Error, format!("«{what}» contiene un testo troppo lungo: ogni testo può avere al massimo {max} caratteri, e tutti insieme {}.", 4 * max)),
        (P::TextInsideTooLong { what, max }, En) => ("input.too-long", Severity::Error, format!("“{what}” holds a text that is too long: each text may have at most {max} characters, and all of them together {}.", 4 * max)),
        (P::WrongType { what, path, expected: e }, It) if path.is_empty() => ("input.bad-field", Severity::Error, format!("«{what}» ha un campo del tipo sbagliato (serve {}): controlla i campi documentati.", expected(*e, It))),
        (P::WrongType { what, path, expected: e }, En) if path.is_empty() => ("input.bad-field", Severity::Error, format!("“{what}” has a field of the wrong type ({} is needed): check the documented fields.", expected(*e, En))),
        (P::WrongType { what, path, expected: e }, It) => ("input.bad-field", Severity::Error, format!("«{what}»: il campo «{path}» è del tipo sbagliato, serve {}. Correggi quel valore o toglilo.", expected(*e, It))),
        (P::WrongType { what, path, expected: e }, En) => ("input.bad-field", Severity::Error, format!("“{what}”: the field “{path}” has the wrong type, it must be {}. Fix that value or leave it out.", expected(*e, En))),
        (P::TodayNotDate, It) => ("input.bad-field", Severity::Error, "«options»: il campo «today» deve essere un testo AAAA-MM-GG.".to_string()),
        (P::TodayNotDate, En) => ("input.bad-field", Severity::Error, "“options”: the field “today” must be a YYYY-MM-DD text.".to_string()),
        (P::Unreadable { what }, It) => ("input.unreadable", Severity::Error, format!("«{what}» non si può leggere (una sua proprietà dà un errore): passa un oggetto semplice con i campi documentati.")),
        (P::Unreadable { what }, En) => ("input.unreadable", Severity::Error, format!("“{what}” cannot be read (one of its properties throws): pass a plain object with the documented fields.")),
        // The language asked for is unknown: said in Italian, the default, with the English
        // in brackets, whatever `lang` is.
        (P::UnknownLang { given }, _) => {
            let given = match given {
                Some(text) => ["«", &crate::dates::clip(text), "»"].joined(""),
                None => "un valore che non è un testo".to_string(),
            };
            ("input.unknown-lang", Severity::Warning, ["«lang» è ", &given, ": le lingue sono «it» (italiano) ed «en» (inglese), e i messaggi sono in italiano. (“lang” must be “it” or “en”: the messages are in Italian.)"].joined(""))
        }
    };
    Finding::new(code, severity, message)
}

/// One finding for every `input.*` code (and every distinct message), for `docs/findings.md`.
pub fn examples(lang: Lang) -> Vec<Finding> {
    let what = || "options".to_string();
    [
        InputProblem::NotText,
        InputProblem::NumberNotCode,
        InputProblem::TooLong {
            length: 1_048_577,
            max: 1_048_576,
        },
        InputProblem::TextInsideTooLong {
            what: what(),
            max: 1_048_576,
        },
        InputProblem::NotObject {
            what: "facts".to_string(),
        },
        InputProblem::NotObjectDefaults,
        InputProblem::RequestNotObject,
        InputProblem::WrongType {
            what: what(),
            path: "events[2].date".to_string(),
            expected: Expected::Text,
        },
        InputProblem::WrongType {
            what: what(),
            path: String::new(),
            expected: Expected::Object,
        },
        InputProblem::TodayNotDate,
        InputProblem::Unreadable { what: what() },
        InputProblem::UnknownLang {
            given: Some("fr".to_string()),
        },
    ]
    .iter()
    .map(|p| p.finding(lang))
    .collect()
}
