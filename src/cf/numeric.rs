//! Codici fiscali of 11 digits: companies and entities (the same number as the partita
//! IVA) and the temporary codes given to persons. Digits 1–7 are a serial, 8–10 the code
//! of the office that issued it, 11 the check digit (Luhn).

use super::tables::{luhn_digit, office_kind};
use super::{fixes, Kind};
use crate::finding::{Finding, Lang};

/// The full check of an 11-character code: findings in `out`, the kind if valid.
pub(crate) fn check(chars: &[char], lang: Lang, out: &mut Vec<Finding>) -> Option<Kind> {
    let mut code = [0u8; 11];
    let mut ok = true;
    for (i, (slot, &c)) in code.iter_mut().zip(chars).enumerate() {
        if c.is_ascii_digit() {
            *slot = c as u8;
        } else {
            ok = false;
            out.push(
                Finding::error(
                    "cf.digit-expected",
                    match lang {
                        Lang::It => format!("Un codice fiscale di 11 caratteri (società, enti, codici provvisori) ha solo cifre: al {}° posto c'è «{c}». Se è il codice di una persona, ha 16 caratteri.", i + 1),
                        Lang::En => format!("An 11-character codice fiscale (companies, entities, temporary codes) has digits only: character {} is “{c}”. A person's code has 16 characters.", i + 1),
                    },
                )
                .at(i),
            );
        }
    }
    if !ok {
        return None;
    }
    if code[..7].iter().all(|&b| b == b'0') {
        out.push(
            Finding::error(
                "cf.serial-zero",
                lang.pick(
                    "Le prime sette cifre sono il numero progressivo del codice e non possono essere tutte zero: controlla il codice sul certificato di attribuzione.",
                    "The first seven digits are the code's serial number and cannot all be zero: check the code on the certificate of attribution.",
                ),
            )
            .at(0),
        );
        return None;
    }
    let office: String = chars[7..10].iter().collect();
    let kind = office_kind(&code);
    if kind.is_none() {
        let serial_from_8 = code[0] >= b'8';
        let entity_office = matches!(office.parse::<u32>(), Ok(1..=100 | 120 | 121 | 888 | 999));
        out.push(if serial_from_8 && entity_office {
            Finding::error(
                "cf.office-serial",
                match lang {
                    Lang::It => format!("I codici che iniziano con 8 o 9 (enti non commerciali) hanno come ufficio (8ª–10ª cifra) un numero tra 001 e 095: «{office}» non lo è. Controlla il codice sul certificato di attribuzione."),
                    Lang::En => format!("Codes starting with 8 or 9 (non-commercial entities) have an office number (digits 8–10) between 001 and 095: “{office}” is not. Check the code on the certificate of attribution."),
                },
            )
            .at(7)
        } else {
            Finding::error(
                "cf.office",
                match lang {
                    Lang::It => format!("L'8ª, la 9ª e la 10ª cifra («{office}») indicano l'ufficio che ha attribuito il codice: per società ed enti sono tra 001 e 100, 120, 121, 888 o 999; per i codici provvisori delle persone 000, tra 151 e 245, tra 301 e 766 o tra 900 e 950. Controlla il codice sul certificato di attribuzione."),
                    Lang::En => format!("Digits 8, 9 and 10 (“{office}”) are the office that issued the code: 001–100, 120, 121, 888 or 999 for companies and entities; 000, 151–245, 301–766 or 900–950 for temporary codes of persons. Check the code on the certificate of attribution."),
                },
            )
            .at(7)
        });
    }
    let expected = luhn_digit(&code[..10]).unwrap_or(b'0');
    if code[10] != expected {
        let mut f = Finding::error(
            "cf.check-digit",
            match lang {
                Lang::It => format!("L'ultima cifra, di controllo, dovrebbe essere {} e non {}: di solito vuol dire che una cifra è stata copiata male. Controlla il codice sul certificato di attribuzione o sulla visura camerale.", expected as char, code[10] as char),
                Lang::En => format!("The last digit, the check digit, should be {}, not {}: usually a digit was copied wrongly. Check the code on the certificate of attribution or the company register extract.", expected as char, code[10] as char),
            },
        )
        .at(10);
        let mut fixes = fixes::numeric(&code).into_iter();
        if let Some(best) = fixes.next() {
            f.message.push(' ');
            f.message.push_str(&best.describe(lang));
            f.suggestion = Some(best.code);
        }
        out.push(f);
        out.extend(fixes.map(|f| f.alternative(lang)));
        return None;
    }
    let kind = kind?;
    if kind == Kind::Temporary {
        out.push(Finding::info(
            "cf.temporary",
            lang.pick(
                "È un codice fiscale provvisorio: l'Agenzia delle Entrate lo attribuisce a una persona in attesa del codice di 16 caratteri. È regolare; se la persona ha già il codice definitivo, usa quello.",
                "This is a temporary codice fiscale: the Agenzia delle Entrate gives it to a person until the 16-character code is issued. It is regular; if the person already has the definitive code, use that one.",
            ),
        ));
    }
    Some(kind)
}
