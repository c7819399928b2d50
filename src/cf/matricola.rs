//! The matricola aziendale INPS: 10 digits. No check-digit algorithm is public, so only the
//! form is checked; a code is never rejected on a guessed check digit.

use super::input::normalize;
use super::messages::MatricolaProblem;
use super::write_findings;
use crate::finding::{Finding, Lang, Severity};
use crate::wire::{Json, ToWire};

/// The result of [`check_matricola`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatricolaReport {
    /// Exactly 10 digits.
    pub valid: bool,
    /// The input as read: without spaces, hyphens, dots and invisible characters.
    pub normalized: String,
    /// Errors, and an info when the input was normalised.
    pub findings: Vec<Finding>,
}

/// `{ valid, normalized, errors, warnings, infos? }`, as the TypeScript `MatricolaResult`
/// declares (`infos` only when there are some).
impl ToWire for MatricolaReport {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_bool("valid", self.valid);
        out.field_str("normalized", &self.normalized);
        write_findings(out, "errors", &self.findings, Severity::Error);
        write_findings(out, "warnings", &self.findings, Severity::Warning);
        if self.findings.iter().any(|f| f.severity == Severity::Info) {
            write_findings(out, "infos", &self.findings, Severity::Info);
        }
        out.end_object();
    }
}

/// Checks the form of a matricola aziendale INPS: 10 digits, spaces, hyphens, dots and
/// invisible characters ignored.
///
/// ```
/// use instrada::cf::check_matricola;
/// use instrada::finding::Lang;
/// assert!(check_matricola("12345 67890", Lang::It).valid);
/// assert_eq!(check_matricola("123456789", Lang::It).findings[0].code, "matricola.length");
/// ```
pub fn check_matricola(input: &str, lang: Lang) -> MatricolaReport {
    let norm = normalize(input);
    let normalized = norm.text();
    let mut findings = Vec::new();
    let n = norm.chars().len();
    if n == 0 {
        findings.push(MatricolaProblem::Empty.finding(lang));
    } else {
        if norm.changed {
            findings.push(
                MatricolaProblem::Normalized {
                    normalized: &normalized,
                }
                .finding(lang),
            );
        }
        let digits = norm.chars().iter().all(|c| c.is_ascii_digit());
        let looks_like_cf = !norm.too_long
            && ((n == 16 && norm.chars().iter().all(|c| c.is_ascii_alphanumeric()))
                || (n == 11 && digits));
        if looks_like_cf {
            findings.push(MatricolaProblem::CodiceFiscale { n }.finding(lang));
        } else if norm.too_long {
            findings.push(MatricolaProblem::TooLong.finding(lang));
        } else {
            for (pos, &c) in norm
                .chars()
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.is_ascii_digit())
            {
                findings.push(MatricolaProblem::DigitExpected { pos, c }.finding(lang));
            }
            if n != 10 {
                findings.push(MatricolaProblem::Length { n }.finding(lang));
            }
        }
    }
    for f in &mut findings {
        f.field = Some(super::field::MATRICOLA.into());
    }
    let valid = !findings.iter().any(Finding::is_error);
    MatricolaReport {
        valid,
        normalized,
        findings,
    }
}
