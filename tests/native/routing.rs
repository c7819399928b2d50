//! Routing: for the facts a form knows, the channel, the address or cassetto, what the
//! subject or booking must hold, and the rule. One line per case, citing the document and
//! section the expected answer comes from.
//!
//! Documents (`/work/shared/sources/`, cited by their number): 000 = `000_30f97537163db067.txt`
//! (Siena 2012), 001 = `001_d4b51664bcfb40f6.txt` (Emilia Romagna 2019), 002 =
//! `002_16d6e432ed698fc3.txt` (Milano 2018), 003 = `003_78822a7178531fb3.txt` (Torino 2017,
//! update 19/07/2021), 004 = `004_42f457ca74ab71b1.txt` (circolare INPS 34/2023).

use instrada::catalog::profile::{BookingPart, Channel, Kind, SubjectPart, Weekday};
use instrada::finding::{Lang, Severity};
use instrada::routing::{route, Facts, Route};

struct Case {
    /// Document and section of the rule.
    cite: &'static str,
    /// profile, sede, gestione, kind, date, description, previous, level
    facts: [&'static str; 8],
    channel: Channel,
    rule: &'static str,
    /// First address, or cassetto id, or "" for none.
    to: &'static str,
}

fn facts(f: &[&str; 8]) -> Facts {
    let o = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Facts {
        profile: o(f[0]),
        sede: o(f[1]),
        gestione: o(f[2]),
        kind: o(f[3]),
        date: o(f[4]),
        description: o(f[5]),
        previous: o(f[6]),
        level: o(f[7]),
        ..Facts::default()
    }
}

fn run(f: &[&str; 8]) -> Route {
    route(&facts(f), Lang::It)
}

fn codes(r: &Route) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code).collect()
}

const DM: &str = "aziende-dm";

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    vec![
        // L. 122/2010: online-only requests, matched against the transcribed lists.
        Case { cite: "002 §1.1", facts: ["milano", "", DM, "domanda", "2024-05-06", "Domanda di dilazione e riduzione sanzioni civili", "", ""], channel: Channel::ServiziOnline, rule: "milano-domande-telematiche", to: "" },
        Case { cite: "002 §1.1", facts: ["milano", "", "domestici", "domanda", "2024-05-06", "rimborso contributi della colf", "", ""], channel: Channel::ServiziOnline, rule: "milano-domande-telematiche", to: "" },
        Case { cite: "002 §1.1", facts: ["milano", "", DM, "domanda", "2024-05-06", "richiesta di sgravio per assunzione disabili", "", ""], channel: Channel::ServiziOnline, rule: "milano-domande-telematiche", to: "" },
        Case { cite: "003 §1.1", facts: ["torino", "", DM, "domanda", "2024-05-06", "agevolazioni ex L. 407/90 per disoccupati di lunga durata", "", ""], channel: Channel::ServiziOnline, rule: "torino-domande-telematiche", to: "" },
        Case { cite: "003 §1.1", facts: ["torino", "", DM, "domanda-non-telematizzata", "2024-05-06", "domanda di cassa integrazione ordinaria", "", ""], channel: Channel::ServiziOnline, rule: "torino-domande-telematiche", to: "" },
        Case { cite: "001 Presentazione domande", facts: ["emilia-romagna", "modena", DM, "domanda", "2024-05-06", "sospensione della cartella di pagamento", "", ""], channel: Channel::ServiziOnline, rule: "er-domande-telematiche", to: "" },
        Case { cite: "002 §1.1 vs 003 §1.1: not merged", facts: ["torino", "", DM, "domanda", "2024-05-06", "richiesta di sgravio per assunzione disabili", "", ""], channel: Channel::Pec, rule: "torino-domande-pec", to: "direzione.provinciale.torino@postacert.inps.gov.it" },
        // PEC for the requests that are not online.
        Case { cite: "002 §1.2", facts: ["milano", "milano-nord", "liberi-professionisti", "domanda", "2024-05-06", "regolarità contributiva del libero professionista", "", ""], channel: Channel::Pec, rule: "milano-domande-pec", to: "direzione.agenziacomplessa.milanonord@postacert.inps.gov.it" },
        Case { cite: "002 §1.2", facts: ["milano", "legnano", DM, "domanda-non-telematizzata", "2024-05-06", "intervento sostitutivo", "", ""], channel: Channel::Pec, rule: "milano-domande-pec", to: "direzione.agenziacomplessa.legnano@postacert.inps.gov.it" },
        Case { cite: "003 §1.2", facts: ["torino", "collegno", DM, "domanda", "2024-05-06", "transazione fiscale dei crediti contributivi", "", ""], channel: Channel::Pec, rule: "torino-domande-pec", to: "direzione.agenziacomplexa.collegno@postacert.inps.gov.it" },
        Case { cite: "001 Presentazione domande", facts: ["emilia-romagna", "parma", DM, "domanda-non-telematizzata", "2024-05-06", "", "", ""], channel: Channel::Pec, rule: "er-domande-pec", to: "" },
        // Comunicazione bidirezionale, exclusive.
        Case { cite: "003 §2.1", facts: ["torino", "", DM, "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "torino-bidirezionale", to: "aziende-dm" },
        Case { cite: "003 §2.2", facts: ["torino", "", "committenti-gs", "sollecito", "2024-05-06", "", "in-attesa", ""], channel: Channel::Bidirezionale, rule: "torino-bidirezionale", to: "committenti-gs" },
        Case { cite: "003 §2.3", facts: ["torino", "", "liberi-professionisti", "durc", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "torino-bidirezionale", to: "liberi-professionisti" },
        Case { cite: "002 §2", facts: ["milano", "", "artigiani-commercianti", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "milano-bidirezionale", to: "artigiani-commercianti" },
        Case { cite: "001 Comunicazione bidirezionale", facts: ["emilia-romagna", "", "agricoli", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "er-bidirezionale", to: "agricoli" },
        Case { cite: "001 Comunicazione bidirezionale", facts: ["emilia-romagna", "", "domestici", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "er-bidirezionale", to: "domestici" },
        Case { cite: "001 Comunicazione bidirezionale", facts: ["emilia-romagna", "", "sport-spettacolo", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "er-bidirezionale", to: "aziende-dm" },
        Case { cite: "000 Comunicazione bidirezionale per aziende DM", facts: ["siena", "", DM, "comunicazione", "2015-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "siena-dm-bidirezionale", to: "aziende-dm" },
        // E-mail boxes by gestione and agency where no bidirezionale exists.
        Case { cite: "002 §2 (Gestione Agricola)", facts: ["milano", "milano-sud", "agricoli", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Email, rule: "milano-email-gestioni", to: "DatoriLavoroAgricoli.milano@inps.it" },
        Case { cite: "002 §2 (domestici)", facts: ["milano", "legnano", "domestici", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Email, rule: "milano-email-gestioni", to: "Direzione.legnano@inps.it" },
        Case { cite: "002 §2 (spettacolo e sport)", facts: ["milano", "milano-est", "sport-spettacolo", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Email, rule: "milano-email-gestioni", to: "Direzione.milano@inps.it" },
        Case { cite: "002 §2 (dipendenti pubblici, before circ. 34/2023)", facts: ["milano", "", "dipendenti-pubblici", "comunicazione", "2023-03-30", "", "", ""], channel: Channel::Email, rule: "milano-email-gestioni", to: "Direzione.milano@inps.it" },
        Case { cite: "003 §2.5 (agricoli)", facts: ["torino", "ivrea", "agricoli", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Email, rule: "torino-email-gestioni", to: "Direzione.torino@inps.it" },
        Case { cite: "003 §2.5 (domestici)", facts: ["torino", "ivrea", "domestici", "sollecito", "2024-05-06", "", "", ""], channel: Channel::Email, rule: "torino-email-gestioni", to: "Direzione.ivrea@inps.it" },
        Case { cite: "003 §2.5 (datori di lavoro pubblico)", facts: ["torino", "pinerolo", "dipendenti-pubblici", "comunicazione", "2022-05-06", "", "", ""], channel: Channel::Email, rule: "torino-email-gestioni", to: "Direzione.torino@inps.it" },
        Case { cite: "000 Mail istituzionali (list not in the document)", facts: ["siena", "", "artigiani-commercianti", "comunicazione", "2015-05-06", "", "", ""], channel: Channel::Email, rule: "siena-altri-email", to: "" },
        // Circolare 34/2023: public employers move to the Cassetto del contribuente.
        Case { cite: "004 §3.1", facts: ["milano", "", "dipendenti-pubblici", "comunicazione", "2023-03-31", "", "", ""], channel: Channel::Bidirezionale, rule: "gdp-bidirezionale", to: "dipendenti-pubblici" },
        Case { cite: "004 §3.1", facts: ["torino", "", "dipendenti-pubblici", "riesame", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "gdp-bidirezionale", to: "dipendenti-pubblici" },
        Case { cite: "004 §3.1", facts: ["siena", "", "dipendenti-pubblici", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "gdp-bidirezionale", to: "dipendenti-pubblici" },
        Case { cite: "004 §3.1", facts: ["emilia-romagna", "", "dipendenti-pubblici", "durc", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "gdp-bidirezionale", to: "dipendenti-pubblici" },
        Case { cite: "004 §3.1", facts: ["nazionale-gdp", "", "dipendenti-pubblici", "comunicazione", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "gdp-bidirezionale", to: "dipendenti-pubblici" },
        Case { cite: "001 (public employers not named before 2023)", facts: ["emilia-romagna", "", "dipendenti-pubblici", "comunicazione", "2022-05-06", "", "", ""], channel: Channel::Nessuno, rule: "", to: "" },
        // The Milano DURC mailbox.
        Case { cite: "002 §2 (DURC)", facts: ["milano", "milano-nord", DM, "durc", "2024-05-06", "", "", ""], channel: Channel::Email, rule: "milano-durc", to: "preavvisodiaccertamento.milanonord@inps.it" },
        Case { cite: "002 §2 (DURC)", facts: ["", "sesto-san-giovanni", "artigiani-commercianti", "durc", "2024-05-06", "", "", ""], channel: Channel::Email, rule: "milano-durc", to: "preavvisodiaccertamento.milanosestosangiovanni@inps.it" },
        Case { cite: "003 §2.1 (Torino has no DURC box)", facts: ["torino", "", DM, "durc", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "torino-bidirezionale", to: "aziende-dm" },
        // Appointments.
        Case { cite: "003 §3.1 (1)", facts: ["torino", "", DM, "appuntamento", "2024-05-06", "", "", ""], channel: Channel::Agenda, rule: "torino-agenda-dm", to: "aziende-dm" },
        Case { cite: "003 §3.1 (2)", facts: ["torino", "collegno", "artigiani-commercianti", "appuntamento", "2024-05-06", "", "", ""], channel: Channel::Email, rule: "torino-appuntamento-email", to: "Direzione.collegno@inps.it" },
        Case { cite: "002 §3.1", facts: ["milano", "", DM, "appuntamento", "2024-05-06", "", "", ""], channel: Channel::Agenda, rule: "milano-agenda-dm", to: "aziende-dm" },
        Case { cite: "002 §3.1 (at the Ordine)", facts: ["milano", "", "liberi-professionisti", "appuntamento", "2024-05-06", "", "", ""], channel: Channel::Ordine, rule: "milano-appuntamento-ordine", to: "" },
        Case { cite: "001 Agenda appuntamenti", facts: ["emilia-romagna", "", "committenti-gs", "appuntamento", "2024-05-06", "", "", ""], channel: Channel::Agenda, rule: "er-agenda", to: "committenti-gs" },
        Case { cite: "000 Agenda appuntamenti", facts: ["siena", "", DM, "appuntamento", "2015-05-06", "", "", ""], channel: Channel::Agenda, rule: "siena-dm-agenda", to: "aziende-dm" },
        Case { cite: "000 Consulenza per soggetti diversi dalle aziende DM", facts: ["siena", "", "domestici", "appuntamento", "2015-05-06", "", "", ""], channel: Channel::Email, rule: "siena-altri-appuntamento", to: "" },
        Case { cite: "004 §3.1 (no answer yet)", facts: ["milano", "", "dipendenti-pubblici", "appuntamento", "2024-05-06", "", "in-attesa", ""], channel: Channel::Bidirezionale, rule: "gdp-agenda-not-yet", to: "dipendenti-pubblici" },
        Case { cite: "004 §3.1 (tempi soglia passed)", facts: ["milano", "", "dipendenti-pubblici", "appuntamento", "2024-05-06", "", "scaduta", ""], channel: Channel::Agenda, rule: "gdp-agenda", to: "dipendenti-pubblici" },
        Case { cite: "004 §3.1 (non accolta)", facts: ["torino", "", "dipendenti-pubblici", "appuntamento", "2024-05-06", "", "non-accolta", ""], channel: Channel::Agenda, rule: "gdp-agenda", to: "dipendenti-pubblici" },
        // Quesiti normativi, riesame, urgent matters.
        Case { cite: "001 Assistenza normativa", facts: ["emilia-romagna", "", "liberi-professionisti", "quesito-normativo", "2024-05-06", "", "", ""], channel: Channel::Ordine, rule: "er-quesiti", to: "" },
        Case { cite: "002 (no channel for quesiti)", facts: ["milano", "", DM, "quesito-normativo", "2024-05-06", "", "", ""], channel: Channel::Nessuno, rule: "", to: "" },
        Case { cite: "002 §2 H", facts: ["milano", "", DM, "riesame", "2024-05-06", "", "", ""], channel: Channel::Bidirezionale, rule: "milano-riesame", to: "aziende-dm" },
        Case { cite: "000 PEC", facts: ["siena", "siena", "domestici", "urgente", "2015-05-06", "", "", ""], channel: Channel::Pec, rule: "siena-pec-urgente", to: "direzione.provinciale.siena@postacert.inps.gov.it" },
        Case { cite: "001 Contatti telefonici", facts: ["emilia-romagna", "", DM, "urgente", "2024-05-06", "", "", ""], channel: Channel::Telefono, rule: "er-urgente", to: "" },
        // Escalation.
        Case { cite: "002 §2 B", facts: ["milano", "milano-sud", DM, "sollecito", "2024-05-06", "", "scaduta", ""], channel: Channel::Escalation, rule: "milano-escalation-b", to: "Adelegemma.boscia@inps.it" },
        Case { cite: "002 §2 C", facts: ["milano", "milano-sud", "domestici", "sollecito", "2024-05-06", "", "", "C"], channel: Channel::Escalation, rule: "milano-escalation-c", to: "urp.milano@inps.it" },
        Case { cite: "003 §2.6 B (2017 list)", facts: ["torino", "torino", DM, "sollecito", "2021-07-16", "", "scaduta", ""], channel: Channel::Escalation, rule: "torino-escalation-b", to: "elena.martina@inps.it" },
        Case { cite: "003 update 19/07/2021, B", facts: ["torino", "torino", DM, "sollecito", "2021-07-19", "", "", "B"], channel: Channel::Escalation, rule: "torino-escalation-b", to: "nicola.vitiello@inps.it" },
        Case { cite: "003 update 19/07/2021, C", facts: ["torino", "", "agricoli", "sollecito", "2022-01-10", "", "", "C"], channel: Channel::Escalation, rule: "torino-escalation-c", to: "urp.torino@inps.it" },
        // 003 §2.6 B: "la risposta tardi o non sia ritenuta esaustiva" (issue 13).
        Case { cite: "003 §2.6 B (non esaustiva)", facts: ["torino", "torino-nord", DM, "sollecito", "2024-05-06", "", "non-esaustiva", ""], channel: Channel::Escalation, rule: "torino-escalation-b", to: "roberta.lanzavecchia@inps.it" },
        Case { cite: "003 §2.6 B (non accolta, read as not exhaustive)", facts: ["torino", "ivrea", "domestici", "sollecito", "2024-05-06", "", "non-accolta", ""], channel: Channel::Escalation, rule: "torino-escalation-b", to: "massimo.colonna@inps.it" },
        Case { cite: "003 §2.6 B (senza risposta = scaduta)", facts: ["torino", "torino", DM, "sollecito", "2024-05-06", "", "senza risposta", ""], channel: Channel::Escalation, rule: "torino-escalation-b", to: "nicola.vitiello@inps.it" },
        Case { cite: "002 §2 B: only \"la risposta tardi\"", facts: ["milano", "milano-sud", DM, "sollecito", "2024-05-06", "", "non-esaustiva", ""], channel: Channel::Bidirezionale, rule: "milano-bidirezionale", to: "aziende-dm" },
        Case { cite: "001 Comunicazione bidirezionale (richieste concatenate)", facts: ["emilia-romagna", "", DM, "sollecito", "2024-05-06", "", "scaduta", ""], channel: Channel::Bidirezionale, rule: "er-bidirezionale", to: "aziende-dm" },
    ]
}

#[test]
#[rustfmt::skip]
fn routes_follow_the_documents() {
    for c in cases() {
        let r = run(&c.facts);
        assert_eq!(
            r.step.channel, c.channel,
            "{}: {:?} {:#?}",
            c.cite, c.facts, r.findings
        );
        assert_eq!(r.step.rule.as_deref().unwrap_or(""), c.rule, "{}", c.cite);
        assert_eq!(r.ok, c.channel != Channel::Nessuno, "{}", c.cite);
        let to = r
            .step
            .addresses
            .first()
            .map(|a| a.address.as_str())
            .or(r.step.cassetto.as_ref().map(|k| k.cassetto.as_str()))
            .unwrap_or("");
        assert_eq!(to, c.to, "{}", c.cite);
        if c.channel != Channel::Nessuno {
            let src = r.step.source.as_ref().unwrap();
            assert!(
                !src.document.is_empty() && !src.section.is_empty(),
                "{}",
                c.cite
            );
        }
    }
}

#[test]
#[rustfmt::skip]
fn a_listed_request_says_which_item_and_which_words() {
    // (cite, facts, listed label ("" none), online-only list, words matched, code expected)
    for (cite, f, label, online, words, code) in [
        ("002 §1.1", ["milano", "", "domestici", "domanda", "2024-05-06", "Rimborso dei contributi versati per la badante", "", ""], "Domande di rimborso contributi Lavoratori domestici", true, &["rimborso", "badante"][..], "route.online-listed"),
        ("003 §1.2: a PEC example", ["torino", "", DM, "domanda", "2024-05-06", "Proposta di transazione fiscale", "", ""], "*", false, &[][..], ""),
        ("002 §1.1: the list is not complete (\"per l'elenco completo…\")", ["milano", "", DM, "domanda", "2024-05-06", "richiesta di certificazione particolare", "", ""], "", false, &[][..], "route.online-list-incomplete"),
        ("003 §1.1: declared non-online but listed", ["torino", "", DM, "domanda-non-telematizzata", "2024-05-06", "ricorso amministrativo al comitato", "", ""], "*", true, &[][..], "route.online-only"),
    ] {
        let r = run(&f);
        match (&r.listed, label) {
            (None, "") => {}
            (Some(l), _) => {
                assert!(label == "*" || l.label == label, "{cite}: {}", l.label);
                assert_eq!(l.online_only, online, "{cite}");
                assert!(words.is_empty() || l.matched == words, "{cite}: {:?}", l.matched);
                assert!(!l.source.section.is_empty(), "{cite}");
            }
            (None, _) => panic!("{cite}: nothing listed"),
        }
        assert!(code.is_empty() || codes(&r).contains(&code), "{cite}: {:?}", codes(&r));
    }
    // Declared non-online but listed: a warning, and the route is the online service.
    let r = run(&["torino", "", DM, "domanda-non-telematizzata", "2024-05-06", "ricorso amministrativo al comitato", "", ""]);
    let f = r.findings.iter().find(|f| f.code == "route.online-only").unwrap();
    assert_eq!(f.severity, Severity::Warning, "003 §1.1");
    assert_eq!(r.step.channel, Channel::ServiziOnline, "003 §1.1");
}

#[test]
#[rustfmt::skip]
fn pec_routes_warn_that_plain_e_mail_is_not_handled() {
    for (f, cite) in [
        ([ "milano", "", DM, "domanda-non-telematizzata", "2024-05-06", "", "", "", ], "002 §1.2"),
        ([ "torino", "", DM, "domanda-non-telematizzata", "2024-05-06", "", "", "", ], "003 §1.3"),
        ([ "emilia-romagna", "", DM, "domanda-non-telematizzata", "2024-05-06", "", "", "", ], "001 Presentazione domande"),
    ] {
        let r = run(&f);
        assert!(codes(&r).contains(&"route.pec-only"), "{cite}");
    }
    // Without the sede, every agency's PEC is listed and the user is asked to pick.
    let r = run(&[
        "milano",
        "",
        DM,
        "domanda-non-telematizzata",
        "2024-05-06",
        "",
        "",
        "",
    ]);
    assert_eq!(r.step.addresses.len(), 7, "002 §1.2");
    assert!(codes(&r).contains(&"route.pick-sede"));
}

#[test]
#[rustfmt::skip]
fn subject_and_booking_requirements() {
    // (facts, subject parts, booking parts, cite)
    let sub = |p: &[SubjectPart]| p.to_vec();
    for (f, subject, booking, cite) in [
        ([ "milano", "", "domestici", "comunicazione", "2024-05-06", "", "", "", ], sub(&[ SubjectPart::CodiceFiscale, SubjectPart::Gestione, SubjectPart::Contenuto, ]), vec![], "002 §2"),
        ([ "torino", "", "agricoli", "comunicazione", "2024-05-06", "", "", "", ], sub(&[ SubjectPart::CodiceFiscale, SubjectPart::Gestione, SubjectPart::Contenuto, ]), vec![], "003 §2.5"),
        (["milano", "", DM, "durc", "2024-05-06", "", "", ""], sub(&[SubjectPart::CodiceFiscale]), vec![], "002 §2 DURC"),
        ([ "siena", "", "domestici", "comunicazione", "2015-05-06", "", "", "", ], sub(&[SubjectPart::CodiceFiscaleOMatricola, SubjectPart::Contenuto]), vec![], "000 Mail istituzionali"),
        ([ "torino", "", "domestici", "appuntamento", "2024-05-06", "", "", "", ], sub(&[ SubjectPart::CodiceFiscale, SubjectPart::Gestione, SubjectPart::Contenuto, ]), vec![ BookingPart::Richiedente, BookingPart::Identificativi, BookingPart::Gestione, BookingPart::AttoEOggetto, ], "003 §3.1"),
        ([ "emilia-romagna", "", DM, "appuntamento", "2024-05-06", "", "", "", ], vec![], vec![BookingPart::Dettaglio], "001 Agenda appuntamenti"),
    ] {
        let r = run(&f);
        assert_eq!(r.step.subject, subject, "{cite}");
        assert_eq!(r.step.booking, booking, "{cite}");
    }
}

#[test]
#[rustfmt::skip]
fn escalation_carries_its_requirements_and_copies() {
    use instrada::catalog::profile::Requirement::{self, *};
    // (cite, facts, to, cc, what the escalation must carry ("-": not checked))
    let any: &[Requirement] = &[];
    for (cite, f, to, cc, requires) in [
        ("002 §2 C–D", ["milano", "", DM, "sollecito", "2024-05-06", "", "", "C"], &["urp.milano@inps.it"][..], &["camilla.cosi@inps.it"][..], &[CodiceFiscale, Matricola, Riferimento, CopiaCassetti][..]),
        ("002 §2 B", ["milano", "milano-sud", DM, "sollecito", "2024-05-06", "", "scaduta", ""], &["Adelegemma.boscia@inps.it"][..], &[][..], any),
        ("003 §2.6 C", ["torino", "", DM, "sollecito", "2020-05-06", "", "", "C"], &["urp.torino@inps.it"][..], &["maura.bertone@inps.it"][..], any),
        ("003 update 2021 C", ["torino", "", DM, "sollecito", "2021-07-19", "", "", "C"], &["urp.torino@inps.it", "sergio.longo@inps.it"][..], &[][..], any),
        ("003 §2.6 B (2017 list)", ["torino", "moncalieri", DM, "sollecito", "2021-07-16", "", "", "B"], &["antonio.cecchini@inps.it"][..], &[][..], any),
        ("003 update 2021 B", ["torino", "moncalieri", DM, "sollecito", "2021-07-19", "", "", "B"], &["flavio.masseni@inps.it"][..], &[][..], any),
    ] {
        let r = run(&f);
        assert_eq!(r.step.channel, Channel::Escalation, "{cite}");
        let list = |a: &[instrada::routing::Address]| a.iter().map(|a| a.address.clone()).collect::<Vec<_>>();
        assert_eq!(list(&r.step.addresses), to, "{cite}");
        assert_eq!(list(&r.step.cc), cc, "{cite}");
        assert!(requires.is_empty() || r.step.requires == requires, "{cite}: {:?}", r.step.requires);
    }
    // A sollecito within the time goes through the ordinary channel, with level B as the
    // alternative once the time has passed (Torino §2.1, §2.6 B).
    let r = run(&["torino", "moncalieri", DM, "sollecito", "2024-05-06", "", "in-attesa", ""]);
    assert_eq!(r.step.channel, Channel::Bidirezionale);
    assert_eq!(r.alternatives[0].addresses[0].address, "flavio.masseni@inps.it");
}

#[test]
#[rustfmt::skip]
fn phone_lines_and_call_back() {
    // 000: urgent reports by PEC, or the phone line Monday to Thursday, 11 to 12.
    let r = run(&["siena", "", "domestici", "urgente", "2015-05-06", "", "", ""]);
    let phone = &r.alternatives.iter().find(|s| s.channel == Channel::Telefono).unwrap().phone[0];
    assert_eq!(phone.number, "0577 291300", "000 PEC");
    assert_eq!(phone.days, vec![Weekday::Lun, Weekday::Mar, Weekday::Mer, Weekday::Gio], "000 PEC");
    assert_eq!((phone.from.as_str(), phone.to.as_str()), ("11:00", "12:00"), "000 PEC");
    // 001: call-back within the next working day; no number in the regional protocol.
    let r = run(&["emilia-romagna", "", DM, "urgente", "2024-05-06", "", "", ""]);
    assert!(r.step.why.contains("entro la successiva giornata lavorativa"), "001 Contatti telefonici");
    assert!(codes(&r).contains(&"route.er-phone-not-listed"), "001 Contatti telefonici");
}

#[test]
#[rustfmt::skip]
fn notes_of_the_documents_are_attached() {
    // (facts, code expected, code not expected, cite)
    for (f, present, absent, cite) in [
        ([ "emilia-romagna", "", DM, "appuntamento", "2024-05-06", "", "", "", ], "route.appointment-ten-days", "", "001 Agenda appuntamenti"),
        ([ "emilia-romagna", "", "liberi-professionisti", "quesito-normativo", "2024-05-06", "", "", "", ], "route.quesiti-terms", "", "001 Assistenza normativa"),
        ([ "emilia-romagna", "", DM, "comunicazione", "2021-07-04", "", "", "", ], "profile.trial-period", "", "001 Durata"),
        ([ "emilia-romagna", "", DM, "comunicazione", "2021-07-03", "", "", "", ], "", "profile.trial-period", "001 Durata"),
        ([ "siena", "", "artigiani-commercianti", "comunicazione", "2015-05-06", "", "", "", ], "route.artcom-no-bidirezionale", "", "000 Cassetto artigiani/commercianti"),
        ([ "siena", "", "artigiani-commercianti", "comunicazione", "2015-05-06", "", "", "", ], "profile.list-missing", "", "000 Mail istituzionali"),
        ([ "siena", "", "artigiani-commercianti", "comunicazione", "2015-05-06", "", "", "", ], "route.no-address", "", "000 Mail istituzionali"),
        (["siena", "", DM, "durc", "2015-05-06", "", "", ""], "route.durc-four-days", "profile.list-missing", "000 DURC"),
        ([ "torino", "", "sport-spettacolo", "comunicazione", "2024-05-06", "", "", "", ], "route.sport-until-2014", "", "003 §2.5"),
        ([ "torino", "", "domestici", "comunicazione", "2024-05-06", "", "", "", ], "", "route.sport-until-2014", "003 §2.5"),
        (["milano", "", DM, "durc", "2024-05-06", "", "", ""], "route.durc-preavviso", "", "002 §2 I"),
        (["milano", "", DM, "comunicazione", "2024-05-06", "", "", ""], "route.generic-object", "profile.gdp-thresholds", "002 §2"),
        ([ "milano", "", "dipendenti-pubblici", "comunicazione", "2023-05-06", "", "", "", ], "route.gdp-transition", "", "004 §2.1"),
        ([ "milano", "", "dipendenti-pubblici", "comunicazione", "2023-07-16", "", "", "", ], "profile.gdp-thresholds", "route.gdp-transition", "004 §2.1"),
        ([ "milano", "", "dipendenti-pubblici", "appuntamento", "2024-05-06", "", "", "", ], "route.gdp-appointment-not-yet", "", "004 §3.1"),
        ([ "milano", "", "liberi-professionisti", "appuntamento", "2024-05-06", "", "", "", ], "route.appointment-no-named-official", "", "002 §3.1"),
    ] {
        let r = run(&f);
        let c = codes(&r);
        if !present.is_empty() {
            assert!(c.contains(&present), "{cite}: {present} missing in {c:?}");
        }
        if !absent.is_empty() {
            assert!(!c.contains(&absent), "{cite}: {absent} present in {c:?}");
        }
    }
    // The GDP appointment before the thresholds is an error: it cannot be booked.
    let r = run(&[
        "milano",
        "",
        "dipendenti-pubblici",
        "appuntamento",
        "2024-05-06",
        "",
        "",
        "",
    ]);
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "route.gdp-appointment-not-yet" && f.severity == Severity::Error));
}

#[test]
#[rustfmt::skip]
fn the_milano_residual_box_is_an_alternative_only() {
    // 002 §2: "in via assolutamente residuale", for topics outside the titolario.
    let r = run(&["milano", "milano-est", DM, "comunicazione", "2024-05-06", "", "", ""]);
    assert_eq!(r.step.channel, Channel::Bidirezionale);
    let alt = r.alternatives.iter().find(|s| s.rule.as_deref() == Some("milano-residuale")).unwrap();
    assert_eq!(alt.addresses[0].address, "Direzione.milanoest@inps.it");
    assert_eq!(alt.subject, vec![SubjectPart::CodiceFiscale, SubjectPart::Gestione, SubjectPart::Contenuto]);
}

/// (cite, facts, channel, rule, first address or cassetto, findings that must be there).
type NationalCase = (
    &'static str,
    [&'static str; 8],
    Channel,
    &'static str,
    &'static str,
    &'static [&'static str],
);

/// The national baseline (issue 13): what the documents state as national, and nothing
/// local borrowed from a territory.
#[test]
#[rustfmt::skip]
fn the_national_baseline_answers_outside_the_four_territories() {
    // (cite, facts, channel, rule, first address or cassetto, findings that must be there)
    let table: &[NationalCase] = &[
        ("L. 122/2010 (002 §1.1)", ["", "napoli", DM, "domanda", "2024-05-06", "domanda di dilazione e riduzione sanzioni civili", "", ""], Channel::ServiziOnline, "nazionale-domande-telematiche", "", &["route.national-profile", "route.online-listed"]),
        ("L. 122/2010 (003 §1.1, Torino's own item)", ["nazionale", "", DM, "domanda", "2024-05-06", "domanda di cassa integrazione", "", ""], Channel::ServiziOnline, "nazionale-domande-telematiche", "", &["route.online-listed"]),
        ("PEC of the Direzione: local address, not invented", ["", "Bari", DM, "domanda-non-telematizzata", "2024-05-06", "intervento sostitutivo", "", ""], Channel::Pec, "nazionale-domande-pec", "", &["route.no-address", "route.pec-only"]),
        ("national cassetto, bidirezionale (004 §3.1)", ["", "", DM, "comunicazione", "2024-05-06", "", "", ""], Channel::Bidirezionale, "nazionale-bidirezionale", "aziende-dm", &["national.times-local"]),
        ("no level B/C contacts: local agreements", ["", "napoli", "artigiani-commercianti", "sollecito", "2024-05-06", "", "scaduta", "B"], Channel::Bidirezionale, "nazionale-bidirezionale", "artigiani-commercianti", &["national.times-local"]),
        ("circ. 34/2023 inherited: GDP", ["", "palermo", "dipendenti-pubblici", "comunicazione", "2024-05-06", "", "", ""], Channel::Bidirezionale, "gdp-bidirezionale", "dipendenti-pubblici", &[]),
        ("only local e-mail boxes for domestici", ["", "", "domestici", "comunicazione", "2024-05-06", "", "", ""], Channel::Nessuno, "", "", &["route.not-covered", "national.local-channel"]),
        // A sede of the four keeps its territorial protocol, also under the national default.
        ("002 §2 (national default, sede of Milano)", ["nazionale", "milano-nord", DM, "comunicazione", "2024-05-06", "", "", ""], Channel::Bidirezionale, "milano-bidirezionale", "aziende-dm", &[]),
        ("002 §2 (sede of Milano, no profile)", ["", "MILANO_NORD", DM, "comunicazione", "2024-05-06", "", "", ""], Channel::Bidirezionale, "milano-bidirezionale", "aziende-dm", &[]),
    ];
    for (cite, f, channel, rule, to, must) in table {
        let r = run(f);
        assert_eq!(r.step.channel, *channel, "{cite}: {:?}", r.step);
        assert_eq!(r.step.rule.as_deref().unwrap_or(""), *rule, "{cite}");
        let first = r.step.addresses.first().map(|a| a.address.as_str())
            .or(r.step.cassetto.as_ref().map(|c| c.cassetto.as_str())).unwrap_or("");
        assert_eq!(first, *to, "{cite}");
        for code in *must {
            assert!(codes(&r).contains(code), "{cite}: {code} missing in {:?}", codes(&r));
        }
        assert!(r.findings.iter().all(|f| !f.is_error()), "{cite}: {:?}", r.findings);
        // Nothing of a territory leaks into the national answer: no local address.
        if r.profile.as_deref() == Some("nazionale") {
            assert!(r.step.addresses.iter().chain(r.step.cc.iter()).all(|a| !a.address.contains("milano") && !a.address.contains("torino")), "{cite}");
        }
    }
}

/// One normaliser for sede ids (issue 13): the same sede, written three ways, is accepted
/// alike by route, review, timeline and the calendar; a string that is no sede is refused
/// alike.
#[test]
fn sede_ids_are_read_alike_by_every_function() {
    use instrada::calendar::Calendar;
    use instrada::review::{review, Draft};
    use instrada::timeline::{timeline, TimelineRequest};
    let sent = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    for (spelling, known) in [
        ("Milano Nord", true),
        ("milano-nord", true),
        ("MILANO_NORD", true),
        (" milano  nord ", true),
        ("milano/nord", false),
        ("milano nord!", false),
    ] {
        let r = run(&["", spelling, DM, "durc", "2024-05-06", "", "", ""]);
        assert_eq!(r.ok, known, "route {spelling:?}: {:?}", codes(&r));
        if known {
            assert_eq!(
                r.step.addresses[0].address, "preavvisodiaccertamento.milanonord@inps.it",
                "{spelling:?}"
            );
        }
        let r = run(&["milano", spelling, DM, "durc", "2024-05-06", "", "", ""]);
        assert_eq!(
            !codes(&r).contains(&"route.sede-not-in-profile"),
            known,
            "route with profile {spelling:?}"
        );
        let t = timeline(&TimelineRequest {
            profile: "milano".into(),
            sede: Some(spelling.into()),
            sent,
            ..TimelineRequest::default()
        });
        assert_eq!(
            t.sede.as_deref() == Some("milano-nord"),
            known,
            "timeline {spelling:?}: {:?}",
            t.findings
        );
        assert_eq!(
            Calendar::for_sede(spelling).is_some(),
            known,
            "calendar {spelling:?}"
        );
        let draft = Draft {
            facts: Facts {
                sede: Some(spelling.into()),
                gestione: Some(DM.into()),
                kind: Some("durc".into()),
                date: Some("2024-05-06".into()),
                ..Facts::default()
            },
            ..Draft::default()
        };
        let rv = review(&draft, Lang::It);
        let refused = rv.findings.iter().any(|f| f.code == "route.unknown-sede");
        assert_eq!(!refused, known, "review {spelling:?}");
    }
}

/// Online-only requests (L. 122/2010, Milano §1.1, Torino §1.1) are said whatever kind of
/// request the form chose (issue 13), with the list's entry; the channel chosen stays.
#[test]
#[rustfmt::skip]
fn online_only_requests_are_said_whatever_the_kind() {
    // (cite, facts, list entry, source section)
    let table: &[(&str, [&str; 8], &str, &str)] = &[
        ("003 §1.1, a comunicazione", ["torino", "", DM, "comunicazione", "2024-05-06", "vorrei la dilazione del debito contributivo", "", ""], "Domande di dilazione e riduzione sanzioni civili", "1.1"),
        ("002 §1.1, a sollecito", ["milano", "", DM, "sollecito", "2024-05-06", "sollecito sulla domanda di sgravio della cartella di pagamento", "", ""], "Domande di sospensione e sgravio di cartelle di pagamento", "1.1"),
        ("L. 122/2010 in the national baseline, a riesame", ["", "", DM, "riesame", "2024-05-06", "domanda di cassa integrazione respinta", "", ""], "Domande di cassa integrazione", "1.1"),
    ];
    for (cite, f, entry, section) in table {
        let r = run(f);
        let found = r.findings.iter().find(|x| x.code == "route.online-only-request").unwrap_or_else(|| panic!("{cite}: {:?}", codes(&r)));
        assert!(found.message.contains(entry), "{cite}: {}", found.message);
        assert_eq!(found.source.as_ref().unwrap().section, *section, "{cite}");
        assert!(r.ok, "{cite}: the chosen channel stays");
        assert_ne!(r.step.channel, Channel::ServiziOnline, "{cite}");
    }
    // Nothing is said when the description names no listed request.
    let r = run(&["torino", "", DM, "comunicazione", "2024-05-06", "invio delle note di rettifica", "", ""]);
    assert!(!codes(&r).contains(&"route.online-only-request"));
}

/// Torino 003 §2.5: accentramento's exclusive box, and the sport e spettacolo period.
#[test]
#[rustfmt::skip]
fn torino_2_5_accentramento_and_sport_e_spettacolo() {
    for description in ["Comunicazione per l'accentramento contributivo", "matricola accentrata: variazione dei dati", "azienda ACCENTRATA su Torino"] {
        let r = run(&["torino", "ivrea", DM, "comunicazione", "2024-05-06", description, "", ""]);
        assert_eq!(r.step.rule.as_deref(), Some("torino-accentramento"), "{description}");
        assert_eq!(r.step.addresses[0].address, "Direzione.torino@inps.it", "{description}");
        assert_eq!(r.step.subject, vec![SubjectPart::CodiceFiscale, SubjectPart::Gestione, SubjectPart::Contenuto]);
        assert_eq!(r.step.source.as_ref().unwrap().section, "2.5");
    }
    // Without it, aziende DM use the bidirezionale (§2.1).
    let r = run(&["torino", "ivrea", DM, "comunicazione", "2024-05-06", "invio note di rettifica", "", ""]);
    assert_eq!(r.step.rule.as_deref(), Some("torino-bidirezionale"));
    // Sport e spettacolo: the box only "per periodi contributivi fino al 12/2014".
    let r = run(&["torino", "torino", "sport-spettacolo", "comunicazione", "2024-05-06", "", "", ""]);
    let w = r.findings.iter().find(|f| f.code == "route.sport-spettacolo-period").unwrap();
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.message.contains("fino al 12/2014"), "{}", w.message);
}

#[test]
fn level_b_quotes_the_clause_of_torino_2_6_b() {
    // 003 §2.6 B: the why quotes the document's words, so the user sees why level B applies
    // to an answer that arrived.
    for lang in [Lang::It, Lang::En] {
        let r = route(
            &facts(&[
                "torino",
                "torino",
                DM,
                "sollecito",
                "2024-05-06",
                "",
                "non-esaustiva",
                "",
            ]),
            lang,
        );
        assert_eq!(r.step.rule.as_deref(), Some("torino-escalation-b"));
        assert!(
            r.step.why.contains(
                "Nella denegata ipotesi che la risposta tardi o non sia ritenuta esaustiva"
            ),
            "{}",
            r.step.why
        );
        assert_eq!(r.step.source.as_ref().unwrap().section, "2.6 B");
    }
}

#[test]
#[rustfmt::skip]
fn what_cannot_be_read_is_a_finding() {
    // (facts, expected code)
    for (f, code) in [
        // Issue 13: no profile, or a sede outside the four, is the national baseline.
        (["", "", DM, "comunicazione", "2024-05-06", "", "", ""], "route.national-profile"),
        (["", "napoli", DM, "comunicazione", "2024-05-06", "", "", ""], "route.national-profile"),
        (["napoli", "", DM, "comunicazione", "2024-05-06", "", "", ""], "route.unknown-profile"),
        (["", "milano/nord", DM, "comunicazione", "2024-05-06", "", "", ""], "route.unknown-sede"),
        (["", "atlantide", DM, "comunicazione", "2024-05-06", "", "", ""], "route.sede-calendar-unknown"),
        ([ "milano", "torino", DM, "comunicazione", "2024-05-06", "", "", "", ], "route.sede-not-in-profile"),
        (["milano", "", "", "comunicazione", "2024-05-06", "", "", ""], "route.gestione-missing"),
        ([ "milano", "", "marittimi", "comunicazione", "2024-05-06", "", "", "", ], "route.unknown-gestione"),
        (["milano", "", DM, "", "2024-05-06", "", "", ""], "route.kind-missing"),
        (["milano", "", DM, "fax", "2024-05-06", "", "", ""], "route.unknown-kind"),
        (["milano", "", DM, "comunicazione", "", "", "", ""], "route.date-missing"),
        (["milano", "", DM, "comunicazione", "31/02/2024", "", "", ""], "date.invalid"),
        (["milano", "", DM, "sollecito", "2024-05-06", "", "forse", ""], "route.unknown-previous"),
        (["milano", "", DM, "sollecito", "2024-05-06", "", "", "Z"], "route.unknown-level"),
        (["torino", "", DM, "comunicazione", "2017-07-12", "", "", ""], "route.profile-not-in-force"),
        ([ "nazionale-gdp", "", "dipendenti-pubblici", "comunicazione", "2023-03-30", "", "", "", ], "route.profile-not-in-force"),
        ([ "nazionale-gdp", "", DM, "comunicazione", "2024-03-30", "", "", "", ], "route.not-covered"),
    ] {
        let r = run(&f);
        assert!(codes(&r).contains(&code), "{f:?}: {:?}", codes(&r));
        assert!(r.findings.iter().all(|x| !x.message.is_empty()));
    }
    // Forms write kinds and gestioni loosely.
    let r = run(&[
        "Milano",
        "Milano-Nord",
        " Aziende_DM ",
        "Comunicazione",
        "06/05/2024",
        "",
        "",
        "",
    ]);
    assert_eq!(r.step.channel, Channel::Bidirezionale);
    assert_eq!(r.kind, Some(Kind::Comunicazione));
}

#[test]
#[rustfmt::skip]
fn messages_in_english() {
    for f in [
        ["emilia-romagna", "", "liberi-professionisti", "quesito-normativo", "2024-05-06", "", "", ""],
        ["milano", "", DM, "domanda", "2024-05-06", "richiesta di certificazione particolare", "", ""],
        ["torino", "", "dipendenti-pubblici", "appuntamento", "2024-05-06", "", "", ""],
        ["napoli", "", "marittimi", "fax", "ieri", "", "forse", "Z"],
    ] {
        let it = route(&facts(&f), Lang::It);
        let en = route(&facts(&f), Lang::En);
        assert_ne!(it.step.why, en.step.why, "{f:?}");
        assert_eq!(it.findings.len(), en.findings.len(), "{f:?}");
        for (a, b) in it.findings.iter().zip(en.findings.iter()) {
            assert_eq!(a.code, b.code);
            assert_ne!(a.message, b.message, "{}", a.code);
        }
    }
    let en = route(&facts(&["emilia-romagna", "", "liberi-professionisti", "quesito-normativo", "2024-05-06", "", "", ""]), Lang::En);
    assert!(en.step.why.contains("Ordine"), "001 Assistenza normativa");
}

#[test]
#[rustfmt::skip]
fn odd_input_never_panics() {
    let long = "è".repeat(2_000_000);
    for text in [
        "",
        "\0\0",
        "😀😀😀",
        "\u{202E}ossecca",
        long.as_str(),
        "%s%s%n",
        "'; DROP TABLE",
    ] {
        let f = Facts {
            profile: Some(text.into()),
            sede: Some(text.into()),
            gestione: Some(text.into()),
            kind: Some(text.into()),
            date: Some(text.into()),
            description: Some(text.into()),
            previous: Some(text.into()),
            level: Some(text.into()),
            accentramento: Some(text.into()),
            period: Some(text.into()),
        };
        let r = route(&f, Lang::En);
        assert!(!r.ok);
        assert!(!r.findings.is_empty());
        let desc = Facts { description: Some(text.into()), ..facts(&["milano", "", DM, "domanda", "2024-05-06", "", "", ""]) };
        assert!(route(&desc, Lang::It).ok);
    }
}

/// Issue 13: a rule a territorial profile inherits from circolare 34/2023 (profile
/// `nazionale-gdp`) is cited by the circolare itself — its file, its section, its title —
/// in the route, the timeline and the calendar file, never by the territorial document's
/// title with the circolare's section number. 004 §3.1: the GDP Comunicazione bidirezionale.
#[test]
fn inherited_rules_cite_circolare_34_2023() {
    use instrada::catalog::profile::{cite, profile};
    use instrada::timeline::{timeline, to_ics, TimelineRequest};
    const CIRC: &str = "004_42f457ca74ab71b1.txt";
    #[rustfmt::skip]
    let cases: [(&str, &str, &str); 5] = [
        ("000 vs 004 §3.1", "siena", "siena"),
        ("001 vs 004 §3.1", "emilia-romagna", "bologna"),
        ("002 vs 004 §3.1", "milano", "milano-nord"),
        ("003 vs 004 §3.1", "torino", "torino"),
        ("baseline vs 004 §3.1", "nazionale", ""),
    ];
    let circolare = profile("nazionale-gdp").unwrap();
    for (cite_doc, p, sede) in cases {
        let r = run(&[
            p,
            sede,
            "dipendenti-pubblici",
            "comunicazione",
            "2024-05-06",
            "",
            "",
            "",
        ]);
        let src = r.step.source.clone().unwrap();
        assert_eq!(
            (src.document.as_str(), src.section.as_str()),
            (CIRC, "3.1"),
            "{cite_doc}"
        );
        for lang in [Lang::It, Lang::En] {
            let words = cite(&src, lang);
            assert!(
                words.contains(&circolare.document.title),
                "{cite_doc}: {words}"
            );
            assert!(
                words.contains(circolare.name.get(lang)),
                "{cite_doc}: {words}"
            );
            assert!(words.ends_with("§ 3.1"), "{cite_doc}: {words}");
            if p != "nazionale" {
                let own = profile(p).unwrap();
                assert!(!words.contains(&own.document.title), "{cite_doc}: {words}");
                assert!(!words.contains(own.name.get(lang)), "{cite_doc}: {words}");
            }
        }
        // The timeline's appointment entry (004 §3.1) and its calendar event say the same.
        let t = timeline(&TimelineRequest {
            profile: p.into(),
            sede: (!sede.is_empty()).then(|| sede.to_string()),
            cassetto: Some("dipendenti-pubblici".into()),
            sent: chrono::NaiveDate::from_ymd_opt(2024, 5, 6).unwrap(),
            ..Default::default()
        });
        let e = t
            .entries
            .iter()
            .find(|e| e.id == "appuntamento-possibile")
            .expect(cite_doc);
        assert_eq!(e.rule.document, CIRC, "{cite_doc}");
        let ics = to_ics(
            &t,
            chrono::NaiveDate::from_ymd_opt(2024, 5, 6)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        );
        let unfolded = ics.replace("\r\n ", "");
        // Dated only where the profile has a response time (Milano, Torino): then in the file.
        assert_eq!(
            e.date.is_some(),
            unfolded.contains("Circolare n. 34 del 31/03/2023"),
            "{cite_doc}"
        );
    }
}

/// Milano 002 §2 I: the DURC route offers the reply to a preavviso «sia tramite cassetto che
/// tramite PEC» as alternatives to the preavvisodiaccertamento box (§2).
#[test]
fn milano_durc_offers_cassetto_and_pec_for_the_reply() {
    let r = run(&[
        "milano",
        "milano-nord",
        DM,
        "durc",
        "2024-05-06",
        "",
        "",
        "",
    ]);
    assert_eq!(
        r.step.addresses[0].address, "preavvisodiaccertamento.milanonord@inps.it",
        "002 §2"
    );
    let alts: Vec<(Channel, String, String)> = r
        .alternatives
        .iter()
        .map(|a| {
            let to = a
                .addresses
                .first()
                .map(|x| x.address.clone())
                .or(a.cassetto.as_ref().map(|k| k.cassetto.clone()))
                .unwrap_or_default();
            (a.channel, to, a.source.as_ref().unwrap().section.clone())
        })
        .collect();
    assert_eq!(
        alts,
        vec![
            (Channel::Bidirezionale, DM.to_string(), "2 I".to_string()),
            (
                Channel::Pec,
                "direzione.agenziacomplessa.milanonord@postacert.inps.gov.it".to_string(),
                "2 I".to_string()
            ),
        ],
        "002 §2 I"
    );
    // Not for the other kinds of Milano's mail routes.
    let c = run(&[
        "milano",
        "milano-nord",
        DM,
        "comunicazione",
        "2024-05-06",
        "",
        "",
        "",
    ]);
    assert!(
        c.alternatives
            .iter()
            .all(|a| a.source.as_ref().unwrap().section != "2 I"),
        "002 §2"
    );
}

/// Siena 000: what the vademecum does not state is marked as instrada's reading (`reading`,
/// kept apart from `why`), as the titolari notes are; what it states is not. The 2012
/// statement that the ARTCOM bidirezionale «non è ancora attiva» says it was dated.
#[test]
fn siena_readings_are_marked_as_readings() {
    #[rustfmt::skip]
    let cases: [(&str, [&str; 8], &str, bool); 7] = [
        ("000 DURC: the request's channel is not stated", ["siena", "", DM, "durc", "2015-05-06", "", "", ""], "siena-dm-durc", true),
        ("000 DURC: the request's channel is not stated", ["siena", "", "artigiani-commercianti", "durc", "2015-05-06", "", "", ""], "siena-altri-durc", true),
        ("000 UTILIZZO DELLE MODALITA' TELEMATICHE: istanze not online", ["siena", "", DM, "domanda-non-telematizzata", "2013-05-06", "", "", ""], "siena-dm-istanze", true),
        ("000 UTILIZZO DELLE MODALITA' TELEMATICHE: istanze not online", ["siena", "", "domestici", "domanda-non-telematizzata", "2013-05-06", "", "", ""], "siena-altri-istanze", true),
        ("000 COMUNICAZIONE BIDIREZIONALE PER AZIENDE DM: stated", ["siena", "", DM, "comunicazione", "2015-05-06", "", "", ""], "siena-dm-bidirezionale", false),
        ("000 MAIL ISTITUZIONALI: stated", ["siena", "", "domestici", "comunicazione", "2015-05-06", "", "", ""], "siena-altri-email", false),
        ("000 PEC: stated", ["siena", "", DM, "urgente", "2015-05-06", "", "", ""], "siena-pec-urgente", false),
    ];
    for (cite, f, rule, reading) in cases {
        for lang in [Lang::It, Lang::En] {
            let r = route(&facts(&f), lang);
            assert_eq!(r.step.rule.as_deref(), Some(rule), "{cite}");
            assert_eq!(r.step.reading.is_some(), reading, "{cite}");
            if let Some(text) = &r.step.reading {
                assert!(!r.step.why.contains(text.as_str()), "{cite}");
                assert!(
                    text.contains(lang.pick("non dice", "does not say")),
                    "{cite}: {text}"
                );
            }
        }
    }
    // ARTCOM: «Al momento la comunicazione bidirezionale non è ancora attiva» (000, 2012),
    // in service from 06/05/2015 (002 addendum, 003 §2.4: msg 3092 del 06/05/2015).
    let r = run(&[
        "siena",
        "",
        "artigiani-commercianti",
        "comunicazione",
        "2024-05-06",
        "",
        "",
        "",
    ]);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "route.artcom-no-bidirezionale")
        .unwrap();
    for words in [
        "2012",
        "«la comunicazione bidirezionale non è ancora attiva»",
        "06/05/2015",
        "003 §2.4",
    ] {
        assert!(
            f.message.contains(words),
            "000 ARTCOM: {words} in {}",
            f.message
        );
    }
}

/// cite, accentramento, period, gestione, description, first address, codes present, absent.
type FactCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
);

/// Torino 003 §2.5 with accentramento and the sport e spettacolo period as facts of the
/// request: `accentramento` routes to Direzione.torino@inps.it whatever the description (and
/// `false` overrides the description); a period up to 12/2014 gets the box, a later one a
/// warning with the clause and no address, an unknown one the warning about the period.
#[test]
fn accentramento_and_sport_period_as_facts() {
    let with = |acc: &str, period: &str, gestione: &str, description: &str| {
        route(
            &Facts {
                accentramento: (!acc.is_empty()).then(|| acc.to_string()),
                period: (!period.is_empty()).then(|| period.to_string()),
                description: (!description.is_empty()).then(|| description.to_string()),
                ..facts(&[
                    "torino",
                    "torino",
                    gestione,
                    "comunicazione",
                    "2024-05-06",
                    "",
                    "",
                    "",
                ])
            },
            Lang::It,
        )
    };
    const BOX: &str = "Direzione.torino@inps.it";
    #[rustfmt::skip]
    let cases: [FactCase; 10] = [
        // cite, accentramento, period, gestione, description, first address, codes present, codes absent
        ("003 §2.5 accentramento: the fact", "true", "", DM, "", Some(BOX), &[], &["route.unknown-accentramento"]),
        ("003 §2.5 accentramento: «si»", "si", "", DM, "", Some(BOX), &[], &[]),
        ("003 §2.5 accentramento: false overrides the words", "false", "", DM, "matricola accentrata", None, &[], &[]),
        ("003 §2.5 accentramento: from the words", "", "", DM, "matricola accentrata", Some(BOX), &[], &[]),
        ("003 §2.5 accentramento: unreadable", "forse", "", DM, "", None, &["route.unknown-accentramento"], &[]),
        ("003 §2.5 sport: 12/2014", "", "12/2014", "sport-spettacolo", "", Some(BOX), &[], &["route.sport-spettacolo-period", "route.sport-spettacolo-after-2014"]),
        ("003 §2.5 sport: 2014-06", "", "2014-06", "sport-spettacolo", "", Some(BOX), &[], &["route.sport-spettacolo-period"]),
        ("003 §2.5 sport: 01/2015", "", "01/2015", "sport-spettacolo", "", None, &["route.sport-spettacolo-after-2014"], &["route.sport-spettacolo-period"]),
        ("003 §2.5 sport: unknown", "", "", "sport-spettacolo", "", Some(BOX), &["route.sport-spettacolo-period"], &["route.sport-spettacolo-after-2014"]),
        ("003 §2.5 sport: unreadable period", "", "2015", "sport-spettacolo", "", Some(BOX), &["route.unknown-period", "route.sport-spettacolo-period"], &[]),
    ];
    for (cite, acc, period, gestione, description, to, present, absent) in cases {
        let r = with(acc, period, gestione, description);
        let first = r.step.addresses.first().map(|a| a.address.as_str());
        if let Some(to) = to {
            assert_eq!(first, Some(to), "{cite}");
        } else {
            assert_ne!(first, Some(BOX), "{cite}");
        }
        let c = codes(&r);
        for p in present {
            assert!(c.contains(p), "{cite}: {p} missing in {c:?}");
        }
        for a in absent {
            assert!(!c.contains(a), "{cite}: {a} in {c:?}");
        }
    }
    // After 12/2014: no address, the clause quoted, cited to 003 §2.5.
    let r = with("", "03/2019", "sport-spettacolo", "");
    assert!(r.step.addresses.is_empty() && !r.ok, "003 §2.5");
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "route.sport-spettacolo-after-2014")
        .unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message
            .contains("«per periodi contributivi fino al 12/2014 (circ. 154 del 3/12/2014)»")
            && f.message.contains("03/2019"),
        "{}",
        f.message
    );
    assert_eq!(f.source.as_ref().map(|s| s.section.as_str()), Some("2.5"));
}

/// The typed request is the core (issue 17): one built from typed values routes as its text,
/// and the text front door keeps for itself what it could not read.
#[test]
fn a_typed_request_routes_as_its_text() {
    use chrono::NaiveDate;
    use instrada::catalog::profile::{self, Gestione, Previous};
    use instrada::routing::{route_request, Request};
    let typed = Request {
        profile: profile::profile("milano"),
        sede: Some("milano-nord".into()),
        gestione: Some(Gestione::AziendeDm),
        kind: Some(Kind::Durc),
        date: NaiveDate::from_ymd_opt(2024, 5, 6),
        previous: Previous::Nessuna,
        level: None,
        accentramento: None,
        period: None,
        description: String::new(),
    };
    let text = facts(&[
        "milano",
        "milano-nord",
        DM,
        "durc",
        "2024-05-06",
        "",
        "",
        "",
    ]);
    assert_eq!(route_request(&typed, Lang::It), route(&text, Lang::It));

    let unknown = facts(&[
        "milano",
        "milano-nord",
        "boh",
        "durc",
        "06/05/2024",
        "",
        "",
        "",
    ]);
    let (request, read) = unknown.read(Lang::It);
    assert_eq!((request.gestione, request.date), (None, typed.date));
    assert_eq!(codes_of(&read), ["route.unknown-gestione"]);
    let routed = route_request(&request, Lang::It);
    assert!(!routed
        .findings
        .iter()
        .any(|f| f.code == "route.unknown-gestione"));
    assert_eq!(
        codes(&route(&unknown, Lang::It)),
        [codes_of(&read), codes(&routed)].concat()
    );
}

fn codes_of(findings: &[instrada::finding::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code).collect()
}
