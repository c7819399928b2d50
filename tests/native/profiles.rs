//! The protocol profiles as data: every built-in file parses and validates, transcribes its
//! document (addresses, lists, terms, contacts with their dates), and a portal's profile is
//! checked with findings that name the field and the reason. Each case cites its document
//! and section.

use chrono::NaiveDate;
use instrada::catalog::profile::{
    self, built_in_errors, load_profile, profile, profile_for_sede, DayUnit, Level, MailboxKind,
    Party, TermKind, Weekday,
};
use instrada::finding::Lang;

const SIENA: &str = "000_30f97537163db067.txt";
const ER: &str = "001_d4b51664bcfb40f6.txt";
const MILANO: &str = "002_16d6e432ed698fc3.txt";
const TORINO: &str = "003_78822a7178531fb3.txt";
const GDP: &str = "004_42f457ca74ab71b1.txt";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
#[rustfmt::skip]
fn every_built_in_profile_parses_and_validates() {
    let errors = built_in_errors();
    assert!(errors.is_empty(), "{errors:#?}");
    // (id, document, signed, in force from)
    for (id, file, signed, from) in [
        ("siena", SIENA, "2012-06-23", "2012-07-02"), // 000: "a partire dal 2 luglio 2012"
        ("emilia-romagna", ER, "2019-07-04", "2019-07-04"), // 001: "Bologna, 04 LUG. 2019"
        ("milano", MILANO, "2018-04-10", "2018-01-01"), // 002: "a partire dal 1° gennaio 2018"
        ("torino", TORINO, "2017-07-13", "2017-07-13"), // 003: "a partire dal 13 luglio 2017"
        ("nazionale-gdp", GDP, "2023-03-31", "2023-03-31"), // 004: circolare n. 34 del 31/03/2023
    ] {
        let p = profile(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(p.document.file, file, "{id}");
        assert_eq!(p.document.date, d(signed), "{id}");
        assert_eq!(p.effective.from, d(from), "{id}");
    }
}

#[test]
#[rustfmt::skip]
fn every_entry_cites_its_document() {
    let files = [SIENA, ER, MILANO, TORINO, GDP];
    for p in profile::profiles()
        .iter()
        .filter(|p| profile::is_built_in(&p.id))
    {
        let mut sources = Vec::new();
        sources.extend(
            p.rules
                .iter()
                .map(|r| (format!("rule {}", r.id), &r.source)),
        );
        sources.extend(
            p.rules
                .iter()
                .flat_map(|r| r.notes.iter())
                .map(|n| (format!("note {}", n.code), &n.source)),
        );
        sources.extend(
            p.notes
                .iter()
                .map(|n| (format!("note {}", n.code), &n.source)),
        );
        sources.extend(
            p.all_mailboxes()
                .map(|(_, m)| (m.address.clone(), &m.source)),
        );
        sources.extend(
            p.terms
                .iter()
                .map(|t| (format!("term {:?}", t.kind), &t.source)),
        );
        sources.extend(
            p.escalation
                .iter()
                .flat_map(|e| e.lists.iter())
                .map(|l| (format!("list {}", l.from), &l.source)),
        );
        sources.extend(p.cassetti.iter().map(|c| (c.cassetto.clone(), &c.source)));
        sources.extend(p.phone.iter().map(|ph| (ph.number.clone(), &ph.source)));
        sources.extend(
            p.dead_mailboxes
                .iter()
                .map(|x| (x.pattern.clone(), &x.source)),
        );
        sources.extend(
            p.online_only
                .iter()
                .flat_map(|o| o.items.iter())
                .map(|i| (i.label.clone(), &i.source)),
        );
        assert!(sources.len() > 5, "{}", p.id);
        for (what, s) in sources {
            assert!(
                files.contains(&s.document.as_str()),
                "{}: {what} cites {:?}",
                p.id,
                s.document
            );
            assert!(!s.section.is_empty(), "{}: {what} has no section", p.id);
        }
    }
}

#[test]
#[rustfmt::skip]
fn sedi_are_the_calendar_s_sedi() {
    for p in profile::profiles()
        .iter()
        .filter(|p| profile::is_built_in(&p.id))
    {
        for s in &p.sedi {
            assert!(
                instrada::calendar::Calendar::for_sede(&s.id).is_some(),
                "{}: sede {} unknown to the calendar",
                p.id,
                s.id
            );
        }
    }
}

#[test]
#[rustfmt::skip]
fn pec_addresses_are_transcribed() {
    // (profile, sede, PEC as the document writes it, document §)
    for (p, sede, pec, section) in [
        ("siena", "siena", "direzione.provinciale.siena@postacert.inps.gov.it", "000 PEC"),
        ("milano", "milano", "direzione.provinciale.milano@postacert.inps.gov.it", "002 §1.2"),
        ("milano", "milano-centro", "direzione.agenziacomplessa.milanocentro@postacert.inps.gov.it", "002 §1.2"),
        ("milano", "milano-nord", "direzione.agenziacomplessa.milanonord@postacert.inps.gov.it", "002 §1.2"),
        ("milano", "milano-sud", "direzione.agenziacomplessa.milanosud@postacert.inps.gov.it", "002 §1.2"),
        ("milano", "milano-est", "direzione.agenziacomplessa.milanoest@postacert.inps.gov.it", "002 §1.2"),
        ("milano", "sesto-san-giovanni", "direzione.agenziacomplessa.milanosestosangiovanni@postacert.inps.gov.it", "002 §1.2"),
        ("milano", "legnano", "direzione.agenziacomplessa.legnano@postacert.inps.gov.it", "002 §1.2"),
        ("torino", "torino", "direzione.provinciale.torino@postacert.inps.gov.it", "003 §1.2"),
        ("torino", "moncalieri", "direzione.agenziacomplexa.moncalieri@postacert.inps.gov.it", "003 §1.2"),
        ("torino", "ivrea", "direzione.agenziacomplexa.ivrea@postacert.inps.gov.it", "003 §1.2"),
        ("torino", "torino-nord", "direzione.agenziacomplexa.torinonord@postacert.inps.gov.it", "003 §1.2"),
        ("torino", "pinerolo", "direzione.agenziacomplexa.pinerolo@postacert.inps.gov.it", "003 §1.2"),
        ("torino", "collegno", "direzione.agenziacomplexa.collegno@postacert.inps.gov.it", "003 §1.2"),
    ] {
        let held = profile(p).unwrap();
        let s = held
            .sede(sede)
            .unwrap_or_else(|| panic!("{section}: {sede}"));
        let m = s
            .mailboxes
            .iter()
            .find(|m| m.kind == MailboxKind::Pec)
            .unwrap_or_else(|| panic!("{section}: {sede} has no PEC"));
        assert_eq!(m.address, pec, "{section}");
    }
    // Torino writes "agenziacomplexa"; the Milano spelling reaches the same box.
    let torino = profile("torino").unwrap();
    assert!(
        torino
            .mailbox("direzione.agenziacomplessa.ivrea@postacert.inps.gov.it")
            .is_some(),
        "003 §1.2 alias"
    );
    // ER lists no PEC of the Direzioni provinciali (001, Presentazione domande di servizio).
    assert!(profile("emilia-romagna")
        .unwrap()
        .all_mailboxes()
        .all(|(_, m)| m.kind != MailboxKind::Pec));
}

#[test]
#[rustfmt::skip]
fn e_mail_boxes_by_gestione_and_agency() {
    // (profile, sede, use, expected address) — Milano §2, Torino §2.5 and §3.1
    for (p, sede, use_, address) in [
        ("milano", "milano", "agricoli", "DatoriLavoroAgricoli.milano@inps.it"),
        ("milano", "milano", "dipendenti-pubblici", "Direzione.milano@inps.it"),
        ("milano", "milano", "sport-spettacolo", "Direzione.milano@inps.it"),
        ("milano", "legnano", "domestici", "Direzione.legnano@inps.it"),
        ("milano", "sesto-san-giovanni", "residuale", "Direzione.milanosestosangiovanni@inps.it"),
        ("milano", "milano-nord", "durc", "preavvisodiaccertamento.milanonord@inps.it"),
        ("torino", "torino", "agricoli", "Direzione.torino@inps.it"),
        ("torino", "torino", "dipendenti-pubblici", "Direzione.torino@inps.it"),
        ("torino", "torino", "accentramento", "Direzione.torino@inps.it"),
        ("torino", "pinerolo", "domestici", "Direzione.pinerolo@inps.it"),
        ("torino", "torino-nord", "appuntamento", "Direzione.torinonord@inps.it"),
        ("emilia-romagna", "", "quesiti", "RelazioniIstituzionali.EmiliaRomagna@inps.it"),
        ("emilia-romagna", "", "assistenza-informatica", "AssistenzaInformatica.EmiliaRomagna@inps.it"),
    ] {
        let pr = profile(p).unwrap();
        let found: Vec<&str> = pr
            .all_mailboxes()
            .filter(|(s, m)| m.serves(use_) && (sede.is_empty() || s.is_some_and(|s| s.id == sede)))
            .map(|(_, m)| m.address.as_str())
            .collect();
        assert_eq!(found, vec![address], "{p} {sede} {use_}");
    }
    // Torino's agencies other than the Direzione only serve domestic employers (§2.5).
    let torino = profile("torino").unwrap();
    let ivrea = torino.sede("ivrea").unwrap();
    assert!(!ivrea.mailboxes.iter().any(|m| m.serves("agricoli")));
}

#[test]
#[rustfmt::skip]
fn escalation_contacts_by_date() {
    // (profile, level, date, sede, expected "to" addresses, expected "cc") — Torino §2.6 B–C
    // and the 19/07/2021 update; Milano §2 B–C.
    for (p, level, date, sede, to, cc, section) in [
        ("torino", Level::B, "2021-07-18", "torino", vec!["elena.martina@inps.it"], vec![], "003 §2.6 B (2017)"),
        ("torino", Level::B, "2021-07-19", "torino", vec!["nicola.vitiello@inps.it"], vec![], "003 update 2021 B"),
        ("torino", Level::B, "2021-07-19", "pinerolo", vec!["elena.martina@inps.it"], vec![], "003 update 2021 B"),
        ("torino", Level::B, "2019-01-01", "moncalieri", vec!["antonio.cecchini@inps.it"], vec![], "003 §2.6 B (2017)"),
        ("torino", Level::B, "2024-01-01", "moncalieri", vec!["flavio.masseni@inps.it"], vec![], "003 update 2021 B"),
        ("torino", Level::B, "2024-01-01", "torino-nord", vec!["roberta.lanzavecchia@inps.it"], vec![], "003 update 2021 B"),
        ("torino", Level::C, "2020-06-01", "", vec!["urp.torino@inps.it"], vec!["maura.bertone@inps.it"], "003 §2.6 C (2017)"),
        ("torino", Level::C, "2021-07-19", "", vec!["urp.torino@inps.it", "sergio.longo@inps.it"], vec![], "003 update 2021 C"),
        ("milano", Level::B, "2019-01-01", "legnano", vec!["Antonio.cirnelli@inps.it"], vec![], "002 §2 B"),
        ("milano", Level::B, "2019-01-01", "milano-centro", vec!["Antonio.cirnelli@inps.it"], vec![], "002 §2 B"),
        ("milano", Level::B, "2019-01-01", "sesto-san-giovanni", vec!["Salvatore.vilardi@inps.it"], vec![], "002 §2 B"),
        ("milano", Level::C, "2019-01-01", "", vec!["urp.milano@inps.it"], vec!["camilla.cosi@inps.it"], "002 §2 C"),
    ] {
        let pr = profile(p).unwrap();
        let sede = (!sede.is_empty()).then_some(sede);
        let got: Vec<&str> = pr
            .escalation_contacts(level, d(date), sede)
            .iter()
            .map(|c| c.address.as_str())
            .collect();
        assert_eq!(got, to, "{section}");
        let list = pr.escalation_list(level, d(date)).unwrap();
        let got_cc: Vec<&str> = list.cc.iter().map(|c| c.address.as_str()).collect();
        assert_eq!(got_cc, cc, "{section}");
    }
    // Both Torino lists are kept, each with its date.
    let torino = profile("torino").unwrap();
    let b = torino
        .escalation_level(Level::B)
        .unwrap();
    assert_eq!(
        b.lists.iter().map(|l| l.from).collect::<Vec<_>>(),
        vec![d("2017-07-13"), d("2021-07-19")]
    );
    // Before the protocol there is no list.
    assert!(profile("torino")
        .unwrap()
        .escalation_list(Level::B, d("2017-07-12"))
        .is_none());
}

#[test]
#[rustfmt::skip]
fn response_terms_for_the_timeline() {
    // (profile, term, days, unit, who, section)
    for (p, kind, days, unit, by, section) in [
        ("milano", TermKind::Risposta, 7, DayUnit::Lavorativi, Party::Inps, "2 A"),
        ("milano", TermKind::RispostaDurc, 5, DayUnit::Lavorativi, Party::Inps, "2 A"),
        ("milano", TermKind::Processo, 20, DayUnit::Lavorativi, Party::Inps, "2 E"),
        ("milano", TermKind::IntermediarioRisposta, 7, DayUnit::Lavorativi, Party::Intermediario, "2 F"),
        ("milano", TermKind::PreavvisoDurc, 3, DayUnit::Calendario, Party::Inps, "2 I"),
        ("milano", TermKind::RispostaPreavvisoDurc, 5, DayUnit::Calendario, Party::Inps, "2 I"),
        ("torino", TermKind::Risposta, 7, DayUnit::Lavorativi, Party::Inps, "2.6 A"),
        ("torino", TermKind::Processo, 20, DayUnit::Lavorativi, Party::Inps, "2.6 E"),
        ("siena", TermKind::IntermediarioDurc, 4, DayUnit::Calendario, Party::Intermediario, "DURC"),
        ("siena", TermKind::IntermediarioIstanze, 4, DayUnit::Calendario, Party::Intermediario, "ISTANZE"),
        ("emilia-romagna", TermKind::Appuntamento, 10, DayUnit::Calendario, Party::Inps, "CONFRONTO DIRETTO CON FUNZIONARI INPS - AGENDA APPUNTAMENTI"),
        ("emilia-romagna", TermKind::Richiamata, 1, DayUnit::Lavorativi, Party::Inps, "CONTATTI TELEFONICI E PROBLEMATICHE URGENTI"),
        ("emilia-romagna", TermKind::QuesitoProvinciale, 10, DayUnit::Lavorativi, Party::Inps, "ASSISTENZA NORMATIVA DIREZIONI PROVINCIALI E DIREZIONE REGIONALE INPS"),
        ("emilia-romagna", TermKind::QuesitoRegionale, 5, DayUnit::Lavorativi, Party::Inps, "ASSISTENZA NORMATIVA DIREZIONI PROVINCIALI E DIREZIONE REGIONALE INPS"),
    ] {
        let held = profile(p).unwrap();
        let t = held
            .term(kind, d("2024-01-10"))
            .unwrap_or_else(|| panic!("{p} {kind:?}"));
        assert_eq!((t.days, t.unit, t.by), (days, unit, by), "{p} {section}");
        assert_eq!(t.source.section, section, "{p} {kind:?}");
    }
    // Torino has no DURC term, ER no general response time (the Direzione Generale's).
    assert!(profile("torino")
        .unwrap()
        .term(TermKind::RispostaDurc, d("2024-01-10"))
        .is_none());
    assert!(profile("emilia-romagna")
        .unwrap()
        .term(TermKind::Risposta, d("2024-01-10"))
        .is_none());
}

#[test]
#[rustfmt::skip]
fn siena_phone_line() {
    // 000, "NUMERO DEDICATI ALLE RISPOSTE TELEFONICHE": lunedì–giovedì 11.00–12.00, 0577 291300.
    let ph = &profile("siena").unwrap().phone;
    assert_eq!(ph.len(), 1);
    assert_eq!(ph[0].number, "0577 291300");
    assert_eq!(
        ph[0].days,
        vec![Weekday::Lun, Weekday::Mar, Weekday::Mer, Weekday::Gio]
    );
    assert_eq!((ph[0].from.as_str(), ph[0].to.as_str()), ("11:00", "12:00"));
}

#[test]
#[rustfmt::skip]
fn torino_dead_mailboxes() {
    let torino = profile("torino").unwrap();
    let dead = |a: &str| torino.dead_mailboxes.iter().any(|x| x.matches(a));
    // (address, dead?) — 003 §2.7, with any NOMESEDE
    for (a, expected) in [
        ("Anagraficaflussi.torino@inps.it", true),
        ("accertamento.moncalieri@inps.it", true),
        ("GESTIONECREDITO.IVREA@INPS.IT", true),
        ("Verificaamministrativa.torinonord@inps.it", true),
        ("Soggettocontribuente.pinerolo@inps.it", true),
        ("GestioneSeparata.collegno@inps.it", true),
        ("DatoriLavoroAgricoli.torino@inps.it", true),
        ("DatoriLavoroAgricoli.milano@inps.it", true), // any NOMESEDE, as the document says
        ("Direzione.torino@inps.it", false),
        ("urp.torino@inps.it", false),
        ("anagraficaflussi@inps.it", false),
        ("anagraficaflussi.torino@inps.it.evil.com", false),
    ] {
        assert_eq!(dead(a), expected, "003 §2.7: {a}");
    }
    assert_eq!(torino.dead_mailboxes.len(), 7);
    // Milano 2018 uses DatoriLavoroAgricoli.milano@inps.it: a different profile, not merged.
    let milano = profile("milano").unwrap();
    assert!(milano.dead_mailboxes.is_empty());
    assert!(
        milano
            .mailbox("DatoriLavoroAgricoli.milano@inps.it")
            .is_some(),
        "002 §2"
    );
}

#[test]
#[rustfmt::skip]
fn online_only_lists_are_transcribed() {
    let labels = |p: &str| -> Vec<String> {
        profile(p)
            .unwrap()
            .online_only
            .as_ref()
            .unwrap()
            .items
            .iter()
            .map(|i| i.label.clone())
            .collect()
    };
    let milano = labels("milano");
    let torino = labels("torino");
    assert_eq!(milano.len(), 14, "002 §1.1");
    assert_eq!(torino.len(), 14, "003 §1.1");
    // (profile list, exact label as written)
    for (list, label, section) in [
        (&milano, "Domande di iscrizione, variazione e cancellazione Lavoratori domestici;", "002 §1.1"),
        (&milano, "Agevolazione disabili – richiesta di sgravio", "002 §1.1"),
        (&milano, "Riduzione contributiva nel settore dell'edilizia, prevista dall'art. 29 del D. L. 244/1995;", "002 §1.1"),
        (&torino, "Domande di iscrizione, variazione e cancellazione Lavoratori Domestici;", "003 §1.1"),
        (&torino, "Agevolazioni contributive ex L. 407/90 e L. 223/91;", "003 §1.1"),
        (&torino, "Domande di cassa integrazione;", "003 §1.1"),
    ] {
        assert!(list.iter().any(|l| l == label), "{section}: {label}");
    }
    assert!(
        !torino.iter().any(|l| l.contains("disabili")),
        "003 §1.1 has no disabili item"
    );
    assert!(
        !milano.iter().any(|l| l.contains("407/90")),
        "002 §1.1 has no L. 407/90 item"
    );
    for p in ["milano", "torino", "emilia-romagna"] {
        assert!(
            !profile(p).unwrap().online_only.as_ref().unwrap().complete,
            "{p}: the lists refer to www.inps.it for the full one"
        );
    }
    // Siena 2012 has no exclusive online list ("sarà privilegiato il canale telematico").
    assert!(profile("siena").unwrap().online_only.is_none());
}

#[test]
#[rustfmt::skip]
fn cassetti_and_titolari() {
    // (profile, cassetto, titolario) — 002 Addendum, 003 §2.1–2.4, 001 table, 004 §3.1
    for (p, cassetto, titolario) in [
        ("milano", "aziende-dm", Some("aziende-dm-milano-2018")),
        ("milano", "liberi-professionisti", Some("liberi-professionisti-milano-2018")),
        ("milano", "artigiani-commercianti", Some("artigiani-commercianti-milano-2018")),
        ("milano", "committenti-gs", Some("committenti-gs")),
        ("torino", "aziende-dm", Some("aziende-dm-torino-2017")),
        ("torino", "liberi-professionisti", Some("liberi-professionisti-torino-2017")),
        ("torino", "artigiani-commercianti", Some("artigiani-commercianti-torino-2017")),
        ("emilia-romagna", "aziende-dm", Some("aziende-dm-er-2019")),
        ("emilia-romagna", "agricoli", None),
        ("emilia-romagna", "domestici", None),
        ("nazionale-gdp", "dipendenti-pubblici", Some("dipendenti-pubblici-2023")),
        ("siena", "aziende-dm", None),
    ] {
        let held = profile(p).unwrap();
        let k = held
            .cassetti
            .iter()
            .find(|k| k.cassetto == cassetto)
            .unwrap_or_else(|| panic!("{p} {cassetto}"));
        assert_eq!(k.titolario.as_deref(), titolario, "{p} {cassetto}");
    }
    // Siena 2012: the artigiani/commercianti cassetto had no bidirezionale yet.
    let siena = profile("siena").unwrap();
    assert!(
        !siena
            .cassetti
            .iter()
            .find(|k| k.cassetto == "artigiani-commercianti")
            .unwrap()
            .bidirezionale
    );
}

#[test]
#[rustfmt::skip]
fn sede_picks_its_profile() {
    for (sede, date, expected) in [
        ("ravenna", "2024-01-01", Some("emilia-romagna")),
        ("sesto-san-giovanni", "2024-01-01", Some("milano")),
        ("collegno", "2024-01-01", Some("torino")),
        ("siena", "2024-01-01", Some("siena")),
        ("siena", "2012-07-01", None), // before the vademecum applies
        ("roma", "2024-01-01", None),
    ] {
        assert_eq!(
            profile_for_sede(sede, d(date)).map(|p| p.id.clone()).as_deref(),
            expected,
            "{sede} {date}"
        );
    }
}

fn minimal(id: &str) -> serde_json::Value {
    serde_json::json!({
        "id": id,
        "name": {"it": "Portale di prova", "en": "Test portal"},
        "territory": {"it": "Provincia di prova"},
        "issuer": "Direzione provinciale di prova",
        "document": {"file": "protocollo-prova.pdf", "title": "Protocollo", "date": "2024-01-01"},
        "effective": {"from": "2024-02-01"},
        "sedi": [{"id": "prova", "name": "Direzione provinciale di prova", "mailboxes": [
            {"address": "direzione.provinciale.prova@postacert.inps.gov.it", "kind": "pec", "uses": ["domande"], "source": {"document": "protocollo-prova.pdf", "section": "1"}}
        ]}],
        "rules": [
            {"id": "prova-pec", "kinds": ["domanda-non-telematizzata"], "channel": "pec", "mailbox": "domande",
             "why": {"it": "Via PEC."}, "source": {"document": "protocollo-prova.pdf", "section": "1"}}
        ]
    })
}

#[test]
#[rustfmt::skip]
fn a_portal_profile_is_loaded_and_routes() {
    let json = minimal("portale-prova").to_string();
    let loaded = load_profile(&json, Lang::It);
    assert!(loaded.ok, "{:#?}", loaded.errors);
    assert_eq!(loaded.id.as_deref(), Some("portale-prova"));
    let p = profile("portale-prova").unwrap();
    assert!(!profile::is_built_in(&p.id));
    let r = instrada::routing::route(
        &instrada::routing::Facts {
            profile: Some("portale-prova".into()),
            gestione: Some("aziende-dm".into()),
            kind: Some("domanda-non-telematizzata".into()),
            date: Some("2024-03-01".into()),
            ..Default::default()
        },
        Lang::It,
    );
    assert_eq!(
        r.step.addresses[0].address,
        "direzione.provinciale.prova@postacert.inps.gov.it"
    );
    // Loading the same id again replaces it.
    let mut v = minimal("portale-prova");
    v["name"]["it"] = "Portale di prova, versione 2".into();
    assert!(load_profile(&v.to_string(), Lang::It).ok);
    assert_eq!(
        profile("portale-prova").unwrap().name.it,
        "Portale di prova, versione 2"
    );
}

#[test]
#[rustfmt::skip]
fn a_malformed_profile_is_refused_with_the_field_and_the_reason() {
    type Edit = fn(&mut serde_json::Value);
    // (what is wrong, edit of a valid profile, expected code, text the field or message holds)
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        ("unknown cassetto", |v| v["cassetti"] = serde_json::json!([{"cassetto": "cassetto-x", "name": {"it": "X"}, "gestioni": ["aziende-dm"], "source": {"document": "p", "section": "1"}}]), "profile.unknown-cassetto", "cassetti[0].cassetto"),
        ("unknown titolario", |v| v["cassetti"] = serde_json::json!([{"cassetto": "aziende-dm", "name": {"it": "X"}, "gestioni": ["aziende-dm"], "titolario": "aziende-dm-napoli-2020", "source": {"document": "p", "section": "1"}}]), "profile.unknown-titolario", "cassetti[0].titolario"),
        ("titolario of another cassetto", |v| v["cassetti"] = serde_json::json!([{"cassetto": "aziende-dm", "name": {"it": "X"}, "gestioni": ["aziende-dm"], "titolario": "committenti-gs", "source": {"document": "p", "section": "1"}}]), "profile.titolario-cassetto", "cassetti[0].titolario"),
        ("bad e-mail", |v| v["sedi"][0]["mailboxes"][0]["address"] = "direzione.prova@@inps".into(), "profile.bad-email", "sedi[0].mailboxes[0].address"),
        ("PEC outside postacert", |v| v["sedi"][0]["mailboxes"][0]["address"] = "direzione.prova@inps.it".into(), "profile.pec-domain", "sedi[0].mailboxes[0].address"),
        ("dates out of order", |v| v["effective"]["until"] = "2023-12-31".into(), "profile.dates-out-of-order", "effective"),
        ("missing source", |v| v["rules"][0]["source"]["document"] = "".into(), "profile.missing-source", "rules[0].source"),
        ("unknown inherited profile", |v| v["inherits"] = serde_json::json!(["nazionale-xyz"]), "profile.unknown-inherits", "inherits[0]"),
        ("unknown alternative", |v| v["rules"][0]["alternatives"] = serde_json::json!(["nope"]), "profile.unknown-rule", "rules[0].alternatives[0]"),
        ("escalation without contacts", |v| { v["rules"][0]["channel"] = "escalation".into(); v["rules"][0]["escalation"] = "B".into(); }, "profile.escalation-missing", "rules[0].escalation"),
        ("unknown mailbox use", |v| v["sedi"][0]["mailboxes"][0]["uses"] = serde_json::json!(["fax"]), "profile.unknown-use", "sedi[0].mailboxes[0].uses[0]"),
        ("bad note code", |v| v["notes"] = serde_json::json!([{"code": "Nota!", "severity": "info", "text": {"it": "x"}, "source": {"document": "p", "section": "1"}}]), "profile.bad-code", "notes[0].code"),
        ("bad phone hours", |v| v["phone"] = serde_json::json!([{"number": "1", "days": ["lun"], "from": "12:00", "to": "11:00", "purpose": {"it": "x"}, "source": {"document": "p", "section": "1"}}]), "profile.bad-hours", "phone[0]"),
        ("escalation lists out of order", |v| { v["escalation"] = serde_json::json!([{"level": "B", "when": {"it": "x"}, "source": {"document": "p", "section": "1"}, "lists": [ {"from": "2025-01-01", "to": [{"address": "a.b@inps.it"}], "source": {"document": "p", "section": "1"}}, {"from": "2024-06-01", "to": [{"address": "c.d@inps.it"}], "source": {"document": "p", "section": "1"}}]}]) }, "profile.dates-out-of-order", "escalation[0].lists[1].from"),
        ("contact of an unknown sede", |v| { v["escalation"] = serde_json::json!([{"level": "B", "when": {"it": "x"}, "source": {"document": "p", "section": "1"}, "lists": [ {"from": "2024-06-01", "to": [{"address": "a.b@inps.it", "sedi": ["altrove"]}], "source": {"document": "p", "section": "1"}}]}]) }, "profile.unknown-sede", "escalation[0].lists[0].contacts[0].sedi[0]"),
        ("duplicate rule id", |v| { let r = v["rules"][0].clone(); v["rules"].as_array_mut().unwrap().push(r); }, "profile.duplicate-id", "rules[1].id"),
        ("built-in id", |v| v["id"] = "milano".into(), "profile.id-taken", "id"),
        ("bad id", |v| v["id"] = "Portale Prova".into(), "profile.bad-id", "id"),
    ];
    for (what, edit, code, field) in cases {
        let mut v = minimal("portale-errato");
        edit(&mut v);
        let loaded = load_profile(&v.to_string(), Lang::It);
        assert!(!loaded.ok, "{what}");
        let f = loaded
            .errors
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{what}: {:#?}", loaded.errors));
        assert_eq!(f.field_id(), Some(field), "{what}");
        assert!(!f.message.is_empty());
    }
    assert!(profile("portale-errato").is_none());
}

#[test]
#[rustfmt::skip]
fn json_errors_give_line_column_and_reason() {
    // (JSON, text the message holds)
    for (json, expected) in [
        ("{", "riga 1"),
        ("", "il testo finisce a metà di un valore"),
        ("[1, 2]", "serve un oggetto, c'è una lista"),
        ("{\"id\": \"x\"}", "manca il campo `name`"),
        ("{\n  \"id\": \"x\",\n  \"nome\": 1\n}", "il campo `nome` non è previsto"),
        ("{\n\"id\":\"x\",\"name\":{\"it\":\"a\"},\"territory\":{\"it\":\"a\"},\"issuer\":\"a\",\"document\":{\"file\":\"f\",\"title\":\"t\",\"date\":\"2024-13-01\"},\"effective\":{\"from\":\"2024-01-01\"}}", "AAAA-MM-GG"),
        ("{\n\"id\":\"x\",\"name\":{\"it\":\"a\"},\"territory\":{\"it\":\"a\"},\"issuer\":\"a\",\"document\":{\"file\":\"f\",\"title\":\"t\",\"date\":\"2024-01-01\"},\"effective\":{\"from\":\"2024-01-01\"},\n\"rules\":[{\"id\":\"r\",\"kinds\":[\"comunicazione\"],\"gestioni\":[\"marziani\"],\"channel\":\"pec\",\"why\":{\"it\":\"x\"},\"source\":{\"document\":\"d\"}}]}", "il valore `marziani` non è ammesso"),
    ] {
        let loaded = load_profile(json, Lang::It);
        assert!(!loaded.ok, "{json}");
        assert_eq!(loaded.errors.len(), 1, "{json}");
        let f = &loaded.errors[0];
        assert_eq!(f.code, "profile.json", "{json}");
        assert!(f.message.contains(expected), "{json}: {}", f.message);
        assert!(f.message.contains("riga") && f.message.contains("colonna"), "{}", f.message);
    }
    let en = load_profile("{", Lang::En);
    assert!(
        en.errors[0].message.contains("line 1, column 1"),
        "{}",
        en.errors[0].message
    );
}

#[test]
#[rustfmt::skip]
fn a_shape_error_names_the_field_and_says_where() {
    type Edit = fn(&mut serde_json::Value);
    // (what is wrong, edit of a valid profile, field, text the message holds)
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        ("unknown gestione", |v| v["rules"][0]["gestioni"] = serde_json::json!(["aziende-dm", "marziani"]), "rules[0].gestioni[1]", "unknown variant `marziani`, expected one of `aziende-dm`"),
        ("unknown mailbox kind", |v| v["sedi"][0]["mailboxes"][0]["kind"] = "fax".into(), "sedi[0].mailboxes[0].kind", "unknown variant `fax`, expected `pec` or `email`"),
        ("misspelt key", |v| v["rules"][0]["canale"] = "pec".into(), "rules[0].canale", "unknown field `canale`, expected one of `id`"),
        ("misspelt key in a source", |v| v["rules"][0]["source"]["sezione"] = "1".into(), "rules[0].source.sezione", "unknown field `sezione`, expected `document` or `section`"),
        ("missing list", |v| { v["rules"][0].as_object_mut().unwrap().remove("kinds"); }, "rules[0].kinds", "missing field `kinds`"),
        ("date the Italian way", |v| v["effective"]["from"] = "01/02/2024".into(), "effective.from", "«01/02/2024» is not a date written YYYY-MM-DD"),
        ("negative days", |v| v["terms"] = serde_json::json!([{"kind": "risposta", "days": -7, "unit": "lavorativi", "label": {"it": "x"}, "by": "inps", "source": {"document": "p"}}]), "terms[0].days", "expected a whole number from 0, found a number"),
        ("text that is not it/en", |v| v["name"] = "Portale".into(), "name", "expected an object, found a string"),
        ("a list for a string", |v| v["issuer"] = serde_json::json!(["a"]), "issuer", "expected a string, found a list"),
        ("a term of a match group that is not text", |v| v["pecExamples"] = serde_json::json!([{"label": "x", "match": [["a"], ["b", 1]], "source": {"document": "p"}}]), "pecExamples[0].match[1][1]", "expected a string, found a number"),
        ("a match group that is not a list", |v| v["pecExamples"] = serde_json::json!([{"label": "x", "match": ["a"], "source": {"document": "p"}}]), "pecExamples[0].match[0]", "expected a list, found a string"),
    ];
    for (what, edit, field, reason) in cases {
        let mut v = minimal("portale-forma");
        edit(&mut v);
        let json = serde_json::to_string_pretty(&v).unwrap();
        let loaded = load_profile(&json, Lang::It);
        assert_eq!(loaded.errors.len(), 1, "{what}: {:#?}", loaded.errors);
        let f = &loaded.errors[0];
        assert_eq!((f.code, f.field_id()), ("profile.json", Some(field)), "{what}");
        // serde_json's words in English; the same said in Italian, with no English left.
        let en = &load_profile(&json, Lang::En).errors[0];
        assert!(en.message.contains(reason), "{what}: {}", en.message);
        for word in ["expected", "found", "missing", "unknown", "variant", "field `", "written"] {
            assert!(!f.message.contains(word), "{what}: {}", f.message);
        }
        assert!(f.message.contains(&format!("in «{field}»")), "{what}: {}", f.message);
        // The position is in the line the message names.
        let line = json.chars().take(f.position.unwrap()).filter(|c| *c == '\n').count() + 1;
        assert!(f.message.contains(&format!("riga {line},")), "{what}: {line} {}", f.message);
        assert_eq!(loaded.id.as_deref(), Some("portale-forma"), "{what}");
    }
    // Level B and C are read in either case, as before.
    let mut v = minimal("portale-forma");
    v["rules"][0]["levels"] = serde_json::json!(["b", "C"]);
    assert!(load_profile(&v.to_string(), Lang::It).ok);
}

#[test]
fn time_of_the_first_read() {
    // Not an assertion: `cargo test --test profiles time_of -- --nocapture` prints how long
    // reading and validating the five built-in files takes (the first call also reads the
    // titolari, which validation looks up).
    for call in ["first", "second"] {
        let start = std::time::Instant::now();
        let errors = built_in_errors();
        println!(
            "built-in profiles read and validated ({call} call): {:?}",
            start.elapsed()
        );
        assert!(errors.is_empty());
    }
}

#[test]
#[rustfmt::skip]
fn several_problems_are_reported_at_once() {
    let mut v = minimal("portale-molti-errori");
    v["sedi"][0]["mailboxes"][0]["address"] = "non-un-indirizzo".into();
    v["effective"]["until"] = "2020-01-01".into();
    v["rules"][0]["source"]["document"] = "".into();
    let loaded = load_profile(&v.to_string(), Lang::En);
    let codes: Vec<&str> = loaded.errors.iter().map(|f| f.code).collect();
    for c in [
        "profile.bad-email",
        "profile.dates-out-of-order",
        "profile.missing-source",
    ] {
        assert!(codes.contains(&c), "{codes:?}");
    }
    // English messages name the field too.
    assert!(
        loaded.errors.iter().all(|f| f.message.contains('“')),
        "{:#?}",
        loaded.errors
    );
}

#[test]
#[rustfmt::skip]
fn a_huge_profile_is_refused_before_parsing() {
    let json = format!(
        "{{\"id\": \"x\", \"pad\": \"{}\"}}",
        "a".repeat(profile::MAX_JSON)
    );
    let loaded = load_profile(&json, Lang::It);
    assert_eq!(loaded.errors[0].code, "profile.too-large");
}

#[test]
#[rustfmt::skip]
fn the_schema_document_s_example_loads() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/profile-schema.md"
    ))
    .unwrap();
    let start = doc.find("```json\n").expect("a ```json block") + 8;
    let end = start + doc[start..].find("\n```").unwrap();
    let loaded = load_profile(&doc[start..end], Lang::It);
    assert!(loaded.ok, "{:#?}", loaded.errors);
}

/// The example profile in the README is one the loader accepts (issue 5: the schema is
/// documented in the README with an example).
#[test]
fn the_readme_example_loads() {
    let readme = include_str!("../../README.md");
    let start = readme.find("```json\n").expect("README has a JSON example") + "```json\n".len();
    let end = start + readme[start..].find("\n```").expect("the example ends");
    let loaded = instrada::catalog::profile::load_profile(&readme[start..end], Lang::It);
    assert!(loaded.ok, "{:?}", loaded.errors);
    assert_eq!(loaded.id.as_deref(), Some("portale-esempio"));
}
