//! One test per problem the fuzz targets of `fuzz/` found (issue 7): the input inline, the
//! function called, the clean result expected. Each names the target that found it.

use std::sync::{Arc, Weak};

use instrada::catalog::profile::{load_profile, profile, Profile};
use instrada::finding::Lang;

/// A valid portal profile (the smallest the loader accepts, as in tests/profiles.rs).
const PORTAL_PROFILE: &str = r#"{"id":"portale-fuzz","name":{"it":"Portale di prova","en":"Test portal"},"territory":{"it":"Provincia di prova"},"issuer":"Direzione provinciale di prova","document":{"file":"protocollo-prova.pdf","title":"Protocollo","date":"2024-01-01"},"effective":{"from":"2024-02-01"},"sedi":[{"id":"prova","name":"Direzione provinciale di prova","mailboxes":[{"address":"direzione.provinciale.prova@postacert.inps.gov.it","kind":"pec","uses":["domande"],"source":{"document":"protocollo-prova.pdf","section":"1"}}]}],"rules":[{"id":"prova-pec","kinds":["domanda-non-telematizzata"],"channel":"pec","mailbox":"domande","why":{"it":"Via PEC."},"source":{"document":"protocollo-prova.pdf","section":"1"}}]}"#;

/// Target `profile_load`: loading a profile with the id of one already loaded replaces it.
/// When lookups handed out `&'static` references, the replaced profile was leaked and a page
/// that reloaded its profile in a loop grew without end (about 12 KB per load of this small
/// profile; a libFuzzer run reached its 2 GB limit), and loads were capped. Profiles are now
/// owned: every load is accepted, and the replaced profile is dropped as soon as nothing
/// uses it.
#[test]
fn reloading_a_profile_in_a_loop_keeps_one_copy() {
    let mut previous: Option<Weak<Profile>> = None;
    for i in 0..2000 {
        // Each load a little different, as a portal editing its profile would send.
        let json = PORTAL_PROFILE.replace("Portale di prova", &format!("Portale di prova {i}"));
        let loaded = load_profile(&json, Lang::It);
        assert!(loaded.ok, "load {i}: {:?}", loaded.errors);
        if let Some(old) = previous.take() {
            assert!(
                old.upgrade().is_none(),
                "load {i}: the replaced profile is still held"
            );
        }
        let now = profile("portale-fuzz").expect("registered");
        assert_eq!(now.name.get(Lang::It), format!("Portale di prova {i}"));
        previous = Some(Arc::downgrade(&now));
    }
    // A handle taken before a replacement keeps its profile whole until it is dropped.
    let held = profile("portale-fuzz").unwrap();
    assert!(load_profile(PORTAL_PROFILE, Lang::En).ok);
    assert_eq!(held.name.get(Lang::It), "Portale di prova 1999");
    assert_eq!(
        profile("portale-fuzz").unwrap().name.get(Lang::It),
        "Portale di prova"
    );
}

/// Target `cf_check`: the 11-digit code `00009009019` (typed after a line break and a space)
/// got the suggestion `00000009019`, whose serial is all zero (`cf.serial-zero`): a
/// suggestion the check itself refuses. Every suggestion must now be a code the check
/// accepts (found by the 60 s run of `make test`).
#[test]
fn a_numeric_suggestion_never_has_a_zero_serial() {
    use instrada::cf::{check, CheckOptions};
    let options = CheckOptions {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
        lang: Lang::It,
    };
    for input in [
        "`\n 00009009019",
        "00009009019",
        "00000009018",
        "10000000000",
    ] {
        let report = check(input, &options);
        assert!(!report.valid(), "{input:?} should not be valid");
        for s in report
            .findings
            .iter()
            .filter_map(|f| f.suggestion.as_deref())
        {
            let again = check(s, &options);
            assert!(
                again.valid(),
                "suggestion {s:?} for {input:?}: {:?}",
                again.findings.iter().map(|f| f.code).collect::<Vec<_>>()
            );
        }
    }
}
