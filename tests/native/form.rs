//! The form's view-model (`instrada::form`), natively: what each field of a request form
//! shows from its values, without a browser. The browser suite (`tests/web_widget.rs`) checks
//! that the widget writes it into the page; these tables check what it says.

use chrono::NaiveDate;
use instrada::field::{Field, FormField as F};
use instrada::finding::{Finding, Lang, Severity};
use instrada::form::{self, display, messages, Config, Memo, Shown, Trigger, Values};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

fn config(profile: &str, lang: Lang) -> Config {
    let mut cfg = Config::new(lang, day("2026-11-20"));
    cfg.profile = Some(profile.to_string());
    cfg
}

/// A form with these fields (each: field, value, required).
fn values(fields: &[(F, &str, bool)]) -> Values {
    let mut v = Values::default();
    for &(field, text, required) in fields {
        v.set(field, text.to_string(), required, false);
    }
    v
}

/// (field, code) of every finding.
fn codes(findings: &[Finding]) -> Vec<(String, &'static str)> {
    findings
        .iter()
        .map(|f| (f.field_id().unwrap_or_default().to_string(), f.code))
        .collect()
}

fn marks(f: &Finding, field: F) -> bool {
    f.marks(field)
}

fn has(findings: &[Finding], field: F, code: &str) -> bool {
    findings.iter().any(|f| marks(f, field) && f.code == code)
}

#[test]
fn required_fields_left_empty_say_what_to_enter_in_the_field_s_words() {
    // (field, Italian, English): GOV.UK, "say what to do with the field's own words".
    let table = [
        (
            F::CodiceFiscale,
            "Inserisci il codice fiscale del contribuente",
            "Enter the contributor's codice fiscale",
        ),
        (
            F::Descrizione,
            "Descrivi la richiesta",
            "Describe the request",
        ),
        (F::Sesso, "Scegli il sesso", "Choose the sex"),
        (
            F::DataInvio,
            "Inserisci la data di invio",
            "Enter the date of sending",
        ),
    ];
    for (field, it, en) in table {
        for (lang, expected) in [(Lang::It, it), (Lang::En, en)] {
            let out = form::evaluate(
                &config("nazionale", lang),
                &values(&[(field, "  ", true)]),
                false,
                &mut Memo::default(),
            );
            let required: Vec<&Finding> = out
                .findings
                .iter()
                .filter(|f| f.code == "field.required")
                .collect();
            assert_eq!(required.len(), 1, "{field:?}: {:?}", codes(&out.findings));
            assert_eq!(required[0].message, expected);
            assert!(marks(required[0], field));
            assert_eq!(required[0].severity, Severity::Error);
        }
    }
    // Not required, or a value instrada does not know (not missing either): nothing.
    let mut unknown = values(&[(F::Gestione, "", true)]);
    unknown.unknown[F::Gestione.index()] = true;
    for v in [values(&[(F::Descrizione, "", false)]), unknown] {
        let out = form::evaluate(
            &config("nazionale", Lang::It),
            &v,
            false,
            &mut Memo::default(),
        );
        assert!(!out.has_errors(), "{:?}", codes(&out.findings));
    }
}

#[test]
fn a_valid_codice_fiscale_is_decoded_and_a_wrong_one_gets_proposals_but_no_guidance() {
    let cfg = config("nazionale", Lang::It);
    // RSSMRA85T10A562S: Mario Rossi, born 10 December 1985 in San Giuliano Terme (PI)
    // (A562 in the ANPR registry).
    let out = form::evaluate(
        &cfg,
        &values(&[(F::CodiceFiscale, "RSSMRA85T10A562S", true)]),
        false,
        &mut Memo::default(),
    );
    assert!(!out.has_errors(), "{:?}", codes(&out.findings));
    assert_eq!(
        out.person.as_deref(),
        Some("Nato il 10/12/1985 a San Giuliano Terme (PI).")
    );
    // Written in lower case with spaces: read, and offered as written («Usa»), never
    // rewritten.
    let out = form::evaluate(
        &cfg,
        &values(&[(F::CodiceFiscale, "rss mra 85t10 a562s", true)]),
        false,
        &mut Memo::default(),
    );
    let normalized = out
        .findings
        .iter()
        .find(|f| f.code == "cf.normalized")
        .expect("cf.normalized");
    assert_eq!(normalized.suggestion.as_deref(), Some("RSSMRA85T10A562S"));
    assert!(marks(normalized, F::CodiceFiscale));
    // A wrong check character: an error on the field, a proposal, no decoded person, and no
    // information about a code still being typed.
    let out = form::evaluate(
        &cfg,
        &values(&[(F::CodiceFiscale, "RSSMRA85T10A562X", true)]),
        false,
        &mut Memo::default(),
    );
    assert!(out.has_errors());
    assert_eq!(out.person, None);
    assert!(out
        .findings
        .iter()
        .all(|f| f.severity != Severity::Info && marks(f, F::CodiceFiscale)));
    let mut shown = [Shown::default()];
    display(
        &[F::CodiceFiscale],
        &mut shown,
        &out,
        &Values::default(),
        Trigger::Submit,
    );
    let m = display::messages(F::CodiceFiscale, &shown[0]);
    assert_eq!(m.proposals.first(), Some(&"RSSMRA85T10A562S"));
    // The proposal has its own line: the error's words lose the sentence that proposes it.
    let error = m.errors[0];
    assert!(error.message.contains("RSSMRA85T10A562S"));
    assert!(!display::shown_message(F::CodiceFiscale, error).contains("RSSMRA85T10A562S"));
    assert_eq!(
        form::evaluate::meaning("RSSMRA85T10A562S", &cfg).as_deref(),
        Some("Nato il 10/12/1985 a San Giuliano Terme (PI).")
    );
    assert_eq!(form::evaluate::meaning("RSSMRA85T10A562X", &cfg), None);
}

#[test]
fn the_codice_fiscale_is_described_in_either_language() {
    // (code, Italian, English).
    let table = [
        (
            "RSSMRA85T10A562S",
            "Nato il 10/12/1985 a San Giuliano Terme (PI).",
            "Born on 10 Dec 1985 in San Giuliano Terme (PI), male.",
        ),
        (
            "00743110157",
            "Codice fiscale di un'azienda o di un ente (11 cifre, come la partita IVA).",
            "The codice fiscale of a company or an entity (11 digits, as its partita IVA).",
        ),
    ];
    for (code, it, en) in table {
        for (lang, expected) in [(Lang::It, it), (Lang::En, en)] {
            let cfg = config("nazionale", lang);
            assert_eq!(
                form::evaluate::meaning(code, &cfg).as_deref(),
                Some(expected),
                "{code}"
            );
        }
    }
}

#[test]
fn errors_wait_for_the_person_and_warnings_of_a_draft_show_at_once() {
    // GOV.UK's validation pattern: (trigger, what the field shows) for one field holding an
    // error and a warning.
    let error = Finding::error("x.error", "E").field(F::Oggetto);
    let warning = Finding::warning("x.warning", "W").field(F::Oggetto);
    let outcome = form::Outcome {
        findings: vec![error, warning],
        ..form::Outcome::default()
    };
    let filled = values(&[(F::Oggetto, "Non specificato", false)]);
    let table: [(Trigger, &[&str]); 6] = [
        (Trigger::Start, &["x.warning"]),
        (Trigger::Review, &["x.warning"]),
        (Trigger::Input(0), &[]),
        (Trigger::Portal, &[]),
        (Trigger::Commit(0), &["x.error", "x.warning"]),
        (Trigger::Submit, &["x.error", "x.warning"]),
    ];
    for (trigger, expected) in table {
        let mut shown = [Shown::default()];
        display(&[F::Oggetto], &mut shown, &outcome, &filled, trigger);
        let codes: Vec<&str> = shown[0].shown.iter().map(|f| f.code).collect();
        assert_eq!(codes, expected, "{trigger:?}");
    }
    // Leaving another field shows nothing new here; typing again only takes away.
    let mut shown = [Shown::default(), Shown::default()];
    display(
        &[F::Descrizione, F::Oggetto],
        &mut shown,
        &outcome,
        &filled,
        Trigger::Commit(0),
    );
    assert!(shown[1].shown.is_empty());
    let mut shown = [Shown {
        visited: true,
        shown: vec![Finding::error("x.error", "E").field(F::Oggetto)],
        ..Shown::default()
    }];
    let fixed = form::Outcome::default();
    display(
        &[F::Oggetto],
        &mut shown,
        &fixed,
        &filled,
        Trigger::Input(0),
    );
    assert!(
        shown[0].shown.is_empty(),
        "a fixed problem goes while typing"
    );
    // An empty field on the first look: not even its warnings.
    let mut shown = [Shown::default()];
    display(
        &[F::Oggetto],
        &mut shown,
        &outcome,
        &Values::default(),
        Trigger::Start,
    );
    assert!(shown[0].shown.is_empty());
}

#[test]
fn findings_are_listed_in_the_form_s_order() {
    let mut findings = vec![
        Finding::error("a", "a").field(F::Oggetto),
        Finding::error("b", "b").field(Field::input("lang")),
        Finding::error("c", "c").field(F::CodiceFiscale),
    ];
    display::in_form_order(&mut findings, &[F::CodiceFiscale, F::Oggetto]);
    let order: Vec<&str> = findings.iter().map(|f| f.code).collect();
    assert_eq!(order, ["c", "a", "b"]);
}

#[test]
fn a_durc_by_e_mail_in_milano_proposes_the_agency_s_box_and_the_subject() {
    // Protocollo di Milano 2018, § 2 (DURC): by e-mail to the agency's
    // preavvisodiaccertamento box; the others are listed after it.
    let cfg = config("milano", Lang::It);
    let v = values(&[
        (F::Gestione, "aziende-dm", true),
        (F::Sede, "milano-nord", false),
        (F::Tipo, "durc", false),
        (F::CodiceFiscale, "RSSMRA85T10A562S", true),
        (F::OggettoEmail, "", false),
        (F::Destinatario, "", false),
    ]);
    let out = form::evaluate(&cfg, &v, false, &mut Memo::default());
    assert!(out.mail);
    assert_eq!(out.addresses.len(), 7, "{:?}", out.addresses);
    assert_eq!(
        out.addresses.first().map(String::as_str),
        Some("preavvisodiaccertamento.milanonord@inps.it")
    );
    let recipient = out
        .findings
        .iter()
        .find(|f| f.code == "widget.recipient-proposed")
        .expect("the box proposed");
    assert_eq!(
        recipient.message,
        "Casella da usare: «preavvisodiaccertamento.milanonord@inps.it»."
    );
    assert!(marks(recipient, F::Destinatario));
    let subject = out
        .findings
        .iter()
        .find(|f| f.code == "widget.subject-proposed")
        .expect("the subject proposed");
    assert!(subject
        .suggestion
        .as_deref()
        .is_some_and(|s| s.contains("DURC")));
    assert!(has(&out.findings, F::Sede, "widget.sede-calendar"));
    let channel = out.channel.expect("the channel panel");
    assert!(
        channel
            .headline
            .ends_with(": preavvisodiaccertamento.milanonord@inps.it."),
        "{}",
        channel.headline
    );
    assert!(channel.lines.iter().any(|l| l.starts_with("Anche: ")));
    assert!(channel.reasons.iter().any(|r| r.starts_with("Regola: ")));
    // The timeline: its dates on the panel, an .ics for the calendar.
    let timeline = out.timeline.expect("the timeline panel");
    assert!(timeline.downloadable);
    let (name, ics) = form::request::ics(&cfg, &v).expect("an .ics");
    assert!(name.ends_with(".ics"), "{name}");
    assert!(ics.starts_with("BEGIN:VCALENDAR"));
}

#[test]
fn a_sede_s_calendar_is_named_under_the_sede_field() {
    // (sede, lang, message): the patron day the dates count (calendar data, `src/data`).
    let table = [
        (
            "milano",
            Lang::It,
            "Date contate sul calendario nazionale + Sant'Ambrogio, patrono di Milano (7 dicembre).",
        ),
        (
            "sconosciuta",
            Lang::En,
            "Dates counted on the National calendar (this sede's patron day is not in instrada's data).",
        ),
    ];
    for (sede, lang, expected) in table {
        let f = form::request::calendar_of(sede, lang);
        assert_eq!(f.code, "widget.sede-calendar");
        assert_eq!(f.message, expected, "{sede}");
        assert!(f.marks(F::Sede));
    }
}

#[test]
fn the_examples_cover_every_code_the_form_reports_in_both_languages() {
    let it = messages::examples(Lang::It);
    let en = messages::examples(Lang::En);
    let codes = |l: &[Finding]| l.iter().map(|f| f.code).collect::<Vec<_>>();
    assert_eq!(
        codes(&it),
        [
            "field.required",
            "input.checked-in-part",
            "widget.subject-proposed",
            "widget.recipient-proposed",
            "widget.sede-calendar",
            "widget.catalog-unavailable",
            "field.native",
        ]
    );
    assert_eq!(codes(&it), codes(&en));
    for (i, e) in it.iter().zip(&en) {
        assert!(
            !i.message.is_empty() && i.message != e.message,
            "{}",
            i.code
        );
        assert!(i.field.is_some(), "{} marks a field", i.code);
    }
    // Thousands grouped as each language writes them.
    assert!(it[1].message.starts_with(
        "Il testo è lungo 1.048.576 caratteri: instrada ne controlla solo i primi 20.000."
    ));
    assert!(en[1].message.starts_with(
        "The text is 1,048,576 characters long: instrada checks only the first 20,000."
    ));
    assert_eq!(it[1].severity, Severity::Warning);
}

#[test]
fn a_mounted_form_offers_every_gestione_and_kind_with_a_label() {
    for lang in [Lang::It, Lang::En] {
        for (id, label) in form::request::gestioni(lang)
            .into_iter()
            .chain(form::request::kinds(lang))
        {
            assert!(!id.is_empty());
            assert!(
                label.starts_with(|c: char| c.is_ascii_uppercase()),
                "{id}: {label}"
            );
        }
        for field in F::ALL {
            assert!(!messages::field_label(field, lang).is_empty(), "{field:?}");
        }
    }
}

#[test]
fn the_core_s_precise_words_replace_the_generic_required_message() {
    // One message per failure (GOV.UK): an empty required object in Milano's cassetto gets
    // the review's own error ("Scegli l'oggetto … dal menu"), not a second, generic one.
    let cfg = config("milano", Lang::It);
    let v = values(&[
        (F::Gestione, "aziende-dm", true),
        (F::Oggetto, "", true),
        (
            F::Descrizione,
            "Richiesta di rateazione dell'avviso bonario",
            true,
        ),
    ]);
    let out = form::evaluate(&cfg, &v, false, &mut Memo::default());
    let on_object: Vec<&'static str> = out
        .findings
        .iter()
        .filter(|f| f.is_error() && f.marks(F::Oggetto))
        .map(|f| f.code)
        .collect();
    assert!(!on_object.is_empty(), "{:?}", codes(&out.findings));
    assert!(!on_object.contains(&"field.required"), "{on_object:?}");
    // The picker lists the cassetto's titolario, with the description's proposals.
    assert!(out.titolario.is_some());
    assert!(!out.suggestions.is_empty());
}

#[test]
fn which_checks_run_follows_the_options_and_the_values_instrada_knows() {
    let v = values(&[
        (F::CodiceFiscale, "RSSMRA85T10A562X", true),
        (F::DataNascita, "31/02/1985", false),
        (F::Gestione, "aziende-dm", true),
    ]);
    let mut cfg = config("milano", Lang::It);
    let out = form::evaluate(&cfg, &v, false, &mut Memo::default());
    assert!(
        out.findings
            .iter()
            .any(|f| f.is_error() && f.marks(F::CodiceFiscale)),
        "{:?}",
        codes(&out.findings)
    );
    assert!(out.channel.is_some() && out.timeline.is_some());
    // Without the codice fiscale checks: nothing on it, and the birth date is read on its
    // own (with the codice fiscale checks, the cross-check reads it).
    cfg.checks.codice_fiscale = false;
    let out = form::evaluate(&cfg, &v, false, &mut Memo::default());
    assert!(
        !out.findings.iter().any(|f| f.marks(F::CodiceFiscale)),
        "{:?}",
        codes(&out.findings)
    );
    assert!(
        out.findings
            .iter()
            .any(|f| f.marks(F::DataNascita) && f.is_error()),
        "{:?}",
        codes(&out.findings)
    );
    // A kind of request instrada does not know: no channel, no dates, no review.
    let mut unknown = v.clone();
    unknown.set(F::Tipo, String::new(), false, true);
    let out = form::evaluate(
        &config("milano", Lang::It),
        &unknown,
        false,
        &mut Memo::default(),
    );
    assert!(out.channel.is_none() && out.timeline.is_none());
    // An unknown profile: the integrator is told, the codice fiscale is still checked.
    let mut cfg = config("atlantide", Lang::It);
    cfg.notify = |m| assert!(m.contains("not one instrada knows"), "{m}");
    let out = form::evaluate(&cfg, &v, false, &mut Memo::default());
    assert!(out.has_errors() && out.channel.is_none());
}

#[test]
fn while_the_person_types_the_review_of_the_last_look_stands() {
    let cfg = config("milano", Lang::It);
    let mut memo = Memo::default();
    let mut v = values(&[
        (F::Gestione, "aziende-dm", true),
        (F::Oggetto, "Non specificato", true),
        (
            F::Descrizione,
            "Richiesta di rateazione dell'avviso bonario",
            true,
        ),
    ]);
    let first = form::evaluate(&cfg, &v, false, &mut memo);
    let reviewed: Vec<_> = codes(&first.findings);
    // Typing in the object: the review is not run again until the field is left.
    v.set(F::Oggetto, "Avvisi bonari".into(), true, false);
    let typing = form::evaluate(&cfg, &v, true, &mut memo);
    assert_eq!(codes(&typing.findings), reviewed);
    let left = form::evaluate(&cfg, &v, false, &mut memo);
    assert_ne!(codes(&left.findings), reviewed);
}

/// The widget builds the typed request from its values (issue 17): what it holds as text
/// and cannot read (a gestione, a kind, an outcome nobody mapped) is said on its field by
/// the same reader a portal's text goes through; the date of sending is a date, never text.
#[test]
fn values_the_request_cannot_read_are_said_on_their_field() {
    let cfg = config("milano", Lang::It);
    let sent = day("2024-05-06");
    let findings = |fields: &[(F, &str, bool)]| {
        codes(&form::request::compute(&cfg, &values(fields), sent).findings)
    };
    let base = [(F::Gestione, "aziende-dm", true), (F::Tipo, "durc", true)];
    assert!(!findings(&base)
        .iter()
        .any(|(_, c)| c.starts_with("route.unknown")));
    for (field, value, code) in [
        (F::Gestione, "marziani", "route.unknown-gestione"),
        (F::Tipo, "lettera", "route.unknown-kind"),
        (F::EsitoPrecedente, "forse", "route.unknown-previous"),
    ] {
        let mut fields = base.to_vec();
        fields.retain(|(f, _, _)| *f != field);
        fields.push((field, value, true));
        let got = findings(&fields);
        assert!(
            got.contains(&(Field::Form(field).id().to_string(), code)),
            "{value}: {got:?}"
        );
    }
}
