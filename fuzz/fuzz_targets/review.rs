//! `review::review` on arbitrary drafts: every field is missing, arbitrary text or a real
//! value of the data (profile, sede, gestione, cassetto, kind, channel, object, address,
//! date, code), so that both the refusals and the deep checks are reached. Also
//! `routing::route` on the same facts, `review::review_request` on what the draft reads as,
//! and `review::compose_subject`.
//!
//! Properties: never a panic; `ok` is exactly "no error finding"; every finding has a code
//! of its area and a message; errors come first; a composed subject is one line.
#![no_main]

use instrada::finding::{Finding, Lang, Severity};
use instrada::review::{compose_subject, review, review_request, Draft, SubjectInput, Texts};
use instrada::routing::{route, Facts};
use instrada_fuzz::{vocab, Input};
use libfuzzer_sys::fuzz_target;

fn sound(findings: &[Finding], what: &str) {
    for f in findings {
        assert!(
            f.code.contains('.') && !f.message.trim().is_empty(),
            "{what}: {f:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let v = vocab();
    let mut input = Input::new(data);
    let lang = if input.bool() { Lang::En } else { Lang::It };
    // Drawn in the order the draft's fields were always drawn, so that the corpus keeps
    // its meaning.
    let mut f = |values: &[String]| input.field(values);
    let (profile, sede, gestione) = (f(&v.profiles), f(&v.sedi), f(&v.gestioni));
    let (cassetto, kind, date) = (f(&v.cassetti), f(&v.kinds), f(&v.dates));
    let (channel, object, description) = (f(&v.channels), f(&v.objects), f(&v.objects));
    let (subject, recipient, sender) = (f(&v.codes), f(&v.addresses), f(&v.addresses));
    let (codice_fiscale, matricola, reference) = (f(&v.codes), f(&v.codes), f(&v.codes));
    let (previous, level) = (f(&v.states), f(&v.states));
    let (accentramento, period) = (f(&v.flags), f(&v.periods));
    let draft = Draft {
        facts: Facts {
            profile,
            sede,
            gestione,
            kind,
            date,
            description,
            previous,
            level,
            accentramento,
            period,
        },
        channel,
        texts: Texts {
            cassetto,
            object,
            subject,
            recipient,
            sender,
            codice_fiscale,
            matricola,
            reference,
        },
    };

    let r = review(&draft, lang);
    sound(&r.findings, "review");
    let errors = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    assert_eq!(
        r.ok,
        errors == 0,
        "ok disagrees with the findings: {:?}",
        r.findings
    );
    assert!(
        r.findings
            .iter()
            .take(errors)
            .all(|f| f.severity == Severity::Error),
        "errors are not first: {:?}",
        r.findings
    );
    if let Some(s) = &r.subject {
        assert!(!s.contains(['\n', '\r']), "subject on two lines: {s:?}");
    }

    let _ = route(&draft.facts, lang);
    // The typed core on what the text front door read: the review without the reading's
    // findings.
    let (request, read) = draft.read(lang);
    let typed = review_request(&request, lang);
    if read.is_empty() {
        assert_eq!(typed, r, "the typed core disagrees with the text");
    }

    let c = compose_subject(
        &SubjectInput {
            codice_fiscale: draft.texts.codice_fiscale.clone(),
            gestione: draft.facts.gestione.clone(),
            content: draft.facts.description.clone(),
            matricola: draft.texts.matricola.clone(),
        },
        lang,
    );
    sound(&c.findings, "compose_subject");
    assert!(
        !c.subject.contains(['\n', '\r']),
        "subject on two lines: {:?}",
        c.subject
    );
    if c.ok {
        assert!(
            c.findings.iter().all(|f| f.severity != Severity::Error),
            "{c:?}"
        );
    }
});
