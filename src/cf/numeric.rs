//! Codici fiscali of 11 digits: companies and entities (the same number as the partita
//! IVA) and the temporary codes given to persons. Digits 1–7 are a serial, 8–10 the code
//! of the office that issued it, 11 the check digit (Luhn).

use super::messages::{alternative, proposal, Problem};
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
            out.push(Problem::NumericCharacter { pos: i, c }.finding(lang));
        }
    }
    if !ok {
        return None;
    }
    if code[..7].iter().all(|&b| b == b'0') {
        out.push(Problem::SerialZero.finding(lang));
        return None;
    }
    let office: String = chars[7..10].iter().collect();
    let kind = office_kind(&code);
    if kind.is_none() {
        let serial_from_8 = code[0] >= b'8';
        let entity_office = matches!(office.parse::<u32>(), Ok(1..=100 | 120 | 121 | 888 | 999));
        let office = office.as_str();
        out.push(if serial_from_8 && entity_office {
            Problem::OfficeSerial { office }.finding(lang)
        } else {
            Problem::Office { office }.finding(lang)
        });
    }
    let expected = luhn_digit(&code[..10]).unwrap_or(b'0');
    if code[10] != expected {
        let mut f = Problem::CheckDigit {
            expected,
            found: code[10],
        }
        .finding(lang);
        let mut fixes = fixes::numeric(&code).into_iter();
        if let Some(best) = fixes.next() {
            f.message.push(' ');
            f.message.push_str(&proposal(
                &best.code,
                best.edit,
                best.meaning.as_ref(),
                lang,
            ));
            f.suggestion = Some(best.code);
        }
        out.push(f);
        // A loop, not extend over a map: one copy less of the adapters (issue 15).
        for f in fixes {
            out.push(alternative(f.code, f.edit, f.meaning.as_ref(), lang));
        }
        return None;
    }
    let kind = kind?;
    if kind == Kind::Temporary {
        out.push(Problem::Temporary.finding(lang));
    }
    Some(kind)
}
