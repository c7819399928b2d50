//! The titolari as transcribed from the documents: every list complete, in order, with the
//! documents' spelling, thresholds, dates and statuses; lookups; and the validation of the
//! JSON format (errors that name the field and the reason).

use chrono::NaiveDate;
use instrada::catalog::titolario::{
    load_errors, titolari, titolario, Basis, Note, Status, Titolario, Unit, CASSETTI,
};
use instrada::finding::Source;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn labels(id: &str) -> Vec<String> {
    titolario(id)
        .unwrap_or_else(|| panic!("no titolario {id}"))
        .objects()
        .map(|o| o.label.clone())
        .collect()
}

#[test]
fn every_embedded_file_loads() {
    for e in load_errors() {
        println!("{e}");
    }
    assert!(load_errors().is_empty());
    let ids: Vec<&str> = titolari().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "aziende-dm-er-2019",
            "aziende-dm-torino-2017",
            "aziende-dm-milano-2018",
            "committenti-gs",
            "liberi-professionisti-milano-2018",
            "liberi-professionisti-torino-2017",
            "artigiani-commercianti-milano-2018",
            "artigiani-commercianti-torino-2017",
            "dipendenti-pubblici-2023",
        ]
    );
}

/// Object counts against the documents: (titolario, objects in the data, of which the
/// generic one, what the document lists).
#[test]
fn counts_match_the_documents() {
    for (id, total, generic, doc) in [
        // 001 table: 49 objects with a threshold + "Non Specificato" ELIMINATO + 7 "Oggetti precedenti".
        ("aziende-dm-er-2019", 57, 1, "001 tabella"),
        // 003 §2.1: 43 objects + "(Gestione separata) inibito dal 06/10/2015" + "Non Specificato".
        ("aziende-dm-torino-2017", 45, 1, "003 §2.1"),
        ("aziende-dm-milano-2018", 1, 1, "002 addendum: list missing"),
        (
            "committenti-gs",
            1,
            1,
            "002 addendum, 003 §2.2: list missing",
        ),
        (
            "liberi-professionisti-milano-2018",
            14,
            0,
            "002 addendum: 14",
        ),
        ("liberi-professionisti-torino-2017", 12, 0, "003 §2.3: 12"),
        (
            "artigiani-commercianti-milano-2018",
            26,
            1,
            "002 addendum: 25 + altro (002 §2)",
        ),
        (
            "artigiani-commercianti-torino-2017",
            26,
            1,
            "003 §2.4: 25 + altro",
        ),
        ("dipendenti-pubblici-2023", 15, 0, "004 §3.1"),
    ] {
        let t = titolario(id).unwrap();
        assert_eq!(t.objects().count(), total, "{id} ({doc})");
        assert_eq!(
            t.objects().filter(|o| o.generic).count(),
            generic,
            "{id} ({doc})"
        );
    }
}

#[test]
fn emilia_romagna_table_is_transcribed_exactly() {
    // 001, table "Classe / Oggetto / Tempi soglia di definizione": (classe, object, days).
    let expected: &[(&str, &str, Option<u32>)] = &[
        ("UNIEMENS", "Confronto DM10 - Emens", Some(15)),
        ("UNIEMENS", "Note rettifica", Some(25)),
        ("UNIEMENS", "Regolarizzazione (DM-VIG)", Some(25)),
        (
            "UNIEMENS",
            "Regolarizzazione (DM-VIG) - Invio documentazione",
            Some(25),
        ),
        ("UNIEMENS", "Scoperture contributive", Some(15)),
        ("UNIEMENS", "UniEmens trasmessi", Some(10)),
        ("Denunce individuali", "770/SA", Some(15)),
        ("Denunce individuali", "Emens", Some(15)),
        (
            "Posizione aziendale",
            "Esodi lavoratori prossimi a pensione ( l. 92/2012)",
            Some(5),
        ),
        ("Posizione aziendale", "Estratto conto", Some(10)),
        ("Posizione aziendale", "Inquadramento", Some(10)),
        ("Posizione aziendale", "Variazione Dati Aziendali", Some(10)),
        ("Fondi Interprof.", "Adesione", Some(15)),
        (
            "Fondi Interprof.",
            "Vicende societarie (fusioni, scorpori, etc.)",
            Some(15),
        ),
        (
            "Assunzioni agevolate e sgravi",
            "Altre agevolazioni",
            Some(10),
        ),
        ("Assunzioni agevolate e sgravi", "Apprendistato", Some(10)),
        (
            "Assunzioni agevolate e sgravi",
            "Bonus occupazionale Garanzia Giovani",
            Some(10),
        ),
        (
            "Assunzioni agevolate e sgravi",
            "Durc interno (regolarità contributiva)",
            Some(15),
        ),
        (
            "Assunzioni agevolate e sgravi",
            "Esonero contributivo biennale legge n. 208/2015",
            Some(10),
        ),
        (
            "Assunzioni agevolate e sgravi",
            "Esonero contributivo triennale legge n. 190/2014",
            Some(10),
        ),
        (
            "Assunzioni agevolate e sgravi",
            "Incentivo assunzione donne e giovani - DM 05.10.2012",
            Some(10),
        ),
        (
            "Assunzioni agevolate e sgravi",
            "L. 223/1991 (assunzione iscritti nelle liste di mobilità)",
            Some(10),
        ),
        (
            "Assunzioni agevolate e sgravi",
            "L. 407/1990 (assunzione di disoccupati di lunga durata)",
            Some(10),
        ),
        (
            "Assunzioni agevolate e sgravi",
            "L.92/2012 art.2,c. 10bis (assunzione di beneficiari di ASpI)",
            Some(10),
        ),
        ("Versamenti (F24)", "Compensazione F24", Some(15)),
        ("Versamenti (F24)", "Pagamenti F24", Some(15)),
        (
            "Versamenti (F24)",
            "Rimborsi/compensazioni DMP/RTP/DMVpassivi",
            Some(15),
        ),
        (
            "CIGO- CIGS - Solidarietà",
            "CIGO - CIGS - Solidarietà",
            Some(15),
        ),
        (
            "CIGO- CIGS - Solidarietà",
            "Requisito occupazionale Cigo",
            Some(15),
        ),
        (
            "Durc (Documento di regolarità contributiva)",
            "Durc (Documento di regolarità contributiva)",
            Some(5),
        ),
        ("Recupero del credito", "Avvisi bonari", Some(15)),
        ("Recupero del credito", "Avvisi di addebito", Some(15)),
        ("Recupero del credito", "Cartelle di pagamento", Some(15)),
        ("Recupero del credito", "Dilazione amministrativa", Some(5)),
        ("Recupero del credito", "Dilazioni su Cartella", Some(5)),
        (
            "Recupero del credito",
            "Riduzioni sanzioni civili",
            Some(25),
        ),
        ("Illeciti Penali", "Illeciti Penali", Some(15)),
        ("Contenzioso amm.vo", "Contenzioso amm.vo", Some(10)),
        ("Ispez. di Vigilanza", "Ispez. di Vigilanza", Some(15)),
        (
            "Verifica Amministrativa",
            "Confronto dei Monti Retributivi (CMR)",
            Some(15),
        ),
        (
            "Verifica Amministrativa",
            "Controllo quadro D modello DM 10 (CASCO)",
            Some(15),
        ),
        (
            "Verifica Amministrativa",
            "Controllo versamenti TFR",
            Some(15),
        ),
        (
            "Verifica Amministrativa",
            "Recupero contributo addizionale CIG (Giasone)",
            Some(15),
        ),
        (
            "Verifica Amministrativa",
            "Regolarizzazione per reiezione CIG in edilizia (Pegaso)",
            Some(15),
        ),
        (
            "Verifica Amministrativa",
            "Tutoraggio aziende Uniemens (TUTOR)",
            Some(15),
        ),
        ("Non Specificato", "Non Specificato", None),
        ("Oggetti precedenti", "Assunzioni agevolate e sgravi", None),
        (
            "Oggetti precedenti",
            "Esposizioni debitorie accertate",
            None,
        ),
        ("Oggetti precedenti", "Fondi interprof.", None),
        ("Oggetti precedenti", "Gestione separata", None),
        ("Oggetti precedenti", "Posta Ibrida", None),
        ("Oggetti precedenti", "Regolarità contributiva", None),
        ("Oggetti precedenti", "Transazioni previdenziali", None),
        ("Certificazioni", "Certificazioni di distacco", Some(10)),
        ("Certificazioni di malattia", "Surroghe", Some(10)),
        (
            "Certificazioni di malattia",
            "Visite mediche di controllo",
            Some(10),
        ),
        (
            "Servizi Settore Sport e Spettacolo",
            "Richiesta Variazione Agibilità",
            Some(5),
        ),
    ];
    let t = titolario("aziende-dm-er-2019").unwrap();
    let got: Vec<(&str, &str, Option<u32>)> = t
        .objects()
        .map(|o| {
            (
                o.classe.as_str(),
                o.label.as_str(),
                o.tempo_soglia.map(|s| s.days),
            )
        })
        .collect();
    assert_eq!(got, expected);
    // The unit is not in the table: working days, as every other protocol counts (a choice,
    // documented in the data).
    assert!(t
        .objects()
        .filter_map(|o| o.tempo_soglia)
        .all(|s| s.unit == Unit::WorkingDays));
    assert!(t.notes.iter().any(|n| n.it.contains("giorni lavorativi")));
    for (label, status) in [
        ("Non Specificato", Status::Eliminated),
        ("Posta Ibrida", Status::Legacy),
        ("Transazioni previdenziali", Status::Legacy),
        ("Surroghe", Status::Active),
    ] {
        assert_eq!(t.object(label).map(|o| o.status), Some(status), "{label}");
    }
    for direct in [
        "Durc (Documento di regolarità contributiva)",
        "Illeciti Penali",
        "Contenzioso amm.vo",
        "Ispez. di Vigilanza",
        "Non Specificato",
    ] {
        let c = t.classes.iter().find(|c| c.label == direct).unwrap();
        assert!(
            c.direct && c.objects.len() == 1 && c.objects[0].label == direct,
            "{direct}"
        );
    }
}

#[test]
fn torino_titolario_is_transcribed_exactly() {
    // 003 §2.1, in the document's order and spelling ("Regularizzazione (DM-VIG)").
    let expected = [
        "Confronto DM10 - Emens",
        "Note rettifica",
        "Regularizzazione (DM-VIG)",
        "UniEmens trasmessi",
        "770/SA",
        "Emens",
        "Esodi lavoratori prossimi a pensione (l. 92/2012)",
        "Estratto conto",
        "Inquadramento",
        "Variazione Dati Aziendali",
        "Adesione",
        "Vicende societarie (fusioni, scorpori, etc.)",
        "Altre agevolazioni",
        "Apprendistato",
        "Bonus occupazionale Garanzia Giovani",
        "Durc interno (regolarità contributiva)",
        "Incentivo assunzione donne e giovani - DM 05.10.2012",
        "Esonero contributivo triennale legge n. 190/2014",
        "L. 223/1991 (assunzione iscritti nelle liste di mobilità)",
        "L. 407/1990 (assunzione di disoccupati di lunga durata)",
        "L.92/2012 art.2,c. 10bis (assunzione di beneficiari di ASpI)",
        "Compensazione F24",
        "Pagamenti F24",
        "Rimborsi/compensazioni DMP/RTP/DMVpassivi",
        "CIGO - CIGS - Solidarietà",
        "Durc (Documento di regolarità contributiva)",
        "Avvisi bonari",
        "Avvisi di addebito",
        "Cartelle di pagamento",
        "Dilazione amministrativa",
        "Dilazioni su Cartella",
        "Riduzioni sanzioni civili",
        "Illeciti Penali",
        "Contenzioso amm.vo",
        "Ispez. di Vigilanza",
        "Confronto dei Monti Retributivi (CMR)",
        "Controllo quadro D modello DM 10 (CASCO)",
        "Recupero contributo addizionale CIG (Giasone)",
        "Regolarizzazione per reiezione CIG in edilizia (Pegaso)",
        "Tutoraggio aziende Uniemens (TUTOR)",
        "Gestione separata",
        "Non Specificato",
        "Certificazioni di distacco",
        "Surroghe",
        "Visite mediche di controllo",
    ];
    assert_eq!(labels("aziende-dm-torino-2017"), expected);
    let t = titolario("aziende-dm-torino-2017").unwrap();
    // No thresholds per object in Torino: the protocol's seven working days apply (§2.6 A).
    assert!(t.objects().all(|o| o.tempo_soglia.is_none()));
    // The ER spelling finds Torino's object; the note says so.
    let o = t.object("Regolarizzazione (DM-VIG)").unwrap();
    assert_eq!(o.label, "Regularizzazione (DM-VIG)");
    assert!(o
        .note
        .as_ref()
        .unwrap()
        .it
        .contains("Regolarizzazione (DM-VIG)"));
    // Same object, same id across the two titolari of the cassetto.
    let er = titolario("aziende-dm-er-2019").unwrap();
    for o in t.objects().filter(|o| o.id != "gestione-separata") {
        assert!(
            er.objects().any(|e| e.id == o.id),
            "{} has no twin in ER",
            o.id
        );
    }
}

#[test]
fn flat_lists_are_transcribed_exactly() {
    for (id, expected) in [
        // 002 addendum, Liberi Professionisti (14).
        (
            "liberi-professionisti-milano-2018",
            &[
                "anagrafica",
                "deleghe",
                "posizione assicurativa",
                "rendicontazione GS",
                "versamenti",
                "normativa",
                "domande telematiche",
                "riduzione sanzioni civili",
                "rimborso",
                "istanze rateizzazione",
                "ruoli",
                "ricorsi",
                "situazione debitoria",
                "sanzioni",
            ][..],
        ),
        // 003 §2.3 (12).
        (
            "liberi-professionisti-torino-2017",
            &[
                "Anagrafica",
                "Deleghe",
                "Posizione assicurativa",
                "Rendicontazione GS",
                "Versamenti",
                "Normativa",
                "Domande telematiche",
                "Riduzione sanzioni civili",
                "Rimborso",
                "Istanze di rateizzazione",
                "Ruoli",
                "Ricorsi",
            ][..],
        ),
        // 002 addendum, Artigiani/Commercianti (25), + "altro" (002 §2).
        (
            "artigiani-commercianti-milano-2018",
            &[
                "anagrafica aziendale",
                "anagrafica soggetto",
                "avviso bonario",
                "calcolo codeline",
                "cancellazione",
                "circolari e messaggi",
                "compensazione contributiva",
                "data inizio attività",
                "dati modello f24",
                "deleghe ricevute",
                "deleghe rilasciate",
                "dilazione",
                "estratto contributivo",
                "estratto debitorio",
                "invio quietanza di versamento",
                "iscrizione",
                "news",
                "riduzione sanzioni",
                "rid.sanzioni ex.art 59 c.15 L.449/97",
                "rimborso",
                "ruoli/avviso di addebito",
                "versamenti da avvisi bonari",
                "versamenti da avvisi di addebito",
                "versamenti da condono",
                "versamenti da flusso corrente",
                "altro",
            ][..],
        ),
        // 003 §2.4 (25) + "altro".
        (
            "artigiani-commercianti-torino-2017",
            &[
                "Anagrafica Aziendale",
                "Anagrafica Soggetto",
                "Avviso bonario",
                "Calcolo Codeline",
                "Cancellazione",
                "Circolari e Messaggi",
                "Compensazione Contrib.",
                "Data Inizio Attività",
                "Dati del modello F24",
                "Deleghe ricevute",
                "Deleghe rilasciate",
                "Dilazione",
                "Estratto contributivo",
                "Estratto debitorio",
                "Invio quietanza di Versamento",
                "Iscrizione",
                "News",
                "Riduzione Sanzioni",
                "Riduzione ex art.59, c15 L. 449/97",
                "Rimborso",
                "Ruoli/Avvisi di addebito",
                "Versamenti da Avvisi Bonari",
                "Versamenti da Avvisi di Addebito",
                "Versamenti da Condono",
                "Versamenti da Flusso Corrente",
                "altro",
            ][..],
        ),
    ] {
        assert_eq!(labels(id), expected, "{id}");
        let t = titolario(id).unwrap();
        assert!(
            t.classes.iter().all(|c| c.direct && c.objects.len() == 1),
            "{id}: flat list"
        );
    }
}

#[test]
fn circolare_34_2023_list_is_transcribed_exactly() {
    // 004 §3.1, CLASSE / OGGETTO.
    let expected: &[(&str, &str)] = &[
        ("Uniemens", "Note di rettifica"),
        (
            "Uniemens",
            "Regularizzazione (documentazione a seguito di contestazione)",
        ),
        ("Uniemens", "Enti inadempienti"),
        ("Uniemens", "Uniemens trasmessi"),
        ("Denunce individuali", "770"),
        ("Denunce individuali", "Uniemens DO"),
        ("Versamenti", "Pagamenti"),
        ("Versamenti", "Rimborsi/compensazioni"),
        (
            "Durc (Documento unico di regolarità contributiva)",
            "Durc (Documento unico di regolarità contributiva)",
        ),
        (
            "Gestione del credito",
            "Estratto conto amministrazione (ECA)",
        ),
        ("Gestione del credito", "Note di debito"),
        ("Gestione del credito", "Avvisi di addebito (AVA)"),
        (
            "Gestione del credito",
            "Gestione scarti piani di ammortamento",
        ),
        ("Gestione del credito", "Dilazione amministrativa"),
        ("Certificazioni", "Certificazioni di distacco"),
    ];
    let t = titolario("dipendenti-pubblici-2023").unwrap();
    let got: Vec<(&str, &str)> = t
        .objects()
        .map(|o| (o.classe.as_str(), o.label.as_str()))
        .collect();
    assert_eq!(got, expected);
    assert!(t.generic.is_none());
    // The objects exist from the circular's publication (31/03/2023).
    let o = t.object("Uniemens trasmessi").unwrap();
    assert!(!t.is_available(o, Some(d(2023, 3, 30))));
    assert!(t.is_available(o, Some(d(2023, 3, 31))));
}

#[test]
fn missing_lists_say_so_instead_of_inventing_them() {
    for (id, generic_label, see_also) in [
        ("committenti-gs", "altro", None),
        (
            "aziende-dm-milano-2018",
            "NON SPECIFICATO",
            Some("aziende-dm-torino-2017"),
        ),
    ] {
        let t = titolario(id).unwrap();
        assert!(
            t.list_missing.as_deref().is_some_and(|m| m.contains("non")),
            "{id}"
        );
        assert!(t.list_missing_en.is_some(), "{id}");
        assert_eq!(
            t.generic_object().map(|o| o.label.as_str()),
            Some(generic_label),
            "{id}"
        );
        assert_eq!(t.see_also.as_deref(), see_also, "{id}");
        assert_eq!(t.objects().count(), 1, "{id}: only the generic object");
    }
    for t in titolari().iter().filter(|t| t.list_missing.is_none()) {
        assert!(t.objects().filter(|o| !o.generic).count() >= 12, "{}", t.id);
    }
}

#[test]
fn generic_objects_per_cassetto() {
    // (titolario, generic label, status): Torino §2.1, ER table, 002 §2, 003 §2.2/§2.4.
    for (id, generic) in [
        (
            "aziende-dm-er-2019",
            Some(("Non Specificato", Status::Eliminated)),
        ),
        (
            "aziende-dm-torino-2017",
            Some(("Non Specificato", Status::Active)),
        ),
        (
            "aziende-dm-milano-2018",
            Some(("NON SPECIFICATO", Status::Active)),
        ),
        ("committenti-gs", Some(("altro", Status::Active))),
        (
            "artigiani-commercianti-milano-2018",
            Some(("altro", Status::Active)),
        ),
        (
            "artigiani-commercianti-torino-2017",
            Some(("altro", Status::Active)),
        ),
        // No generic object in the LP lists (002 addendum, 003 §2.3) nor in 004 §3.1.
        ("liberi-professionisti-milano-2018", None),
        ("liberi-professionisti-torino-2017", None),
        ("dipendenti-pubblici-2023", None),
    ] {
        let t = titolario(id).unwrap();
        let got = t.generic_object().map(|o| (o.label.as_str(), o.status));
        assert_eq!(got, generic, "{id}");
        if let Some(g) = t.generic_object() {
            assert!(g.generic && g.note.is_some(), "{id}");
        }
    }
}

#[test]
fn availability_follows_the_documents_dates() {
    let to = titolario("aziende-dm-torino-2017").unwrap();
    let er = titolario("aziende-dm-er-2019").unwrap();
    // (titolario, object, date, available): 003 §2.1 "inibito dal 06/10/2015".
    for (t, obj, date, available) in [
        (to, "Gestione separata", Some(d(2015, 10, 5)), true),
        (to, "Gestione separata", Some(d(2015, 10, 6)), false),
        (to, "Gestione separata", None, false),
        (to, "Non Specificato", Some(d(2017, 7, 13)), true),
        (to, "Non Specificato", None, true),
        (er, "Non Specificato", Some(d(2019, 7, 4)), false),
        (er, "Non Specificato", None, false),
        (er, "Posta Ibrida", Some(d(2010, 1, 1)), false),
        (er, "Surroghe", Some(d(2019, 7, 4)), true),
        (er, "Surroghe", None, true),
    ] {
        let o = t
            .object(obj)
            .unwrap_or_else(|| panic!("{} has no {obj}", t.id));
        assert_eq!(
            t.is_available(o, date),
            available,
            "{} / {obj} / {date:?}",
            t.id
        );
    }
    let gs = to.object("gestione-separata").unwrap();
    assert_eq!(
        (gs.status, gs.removed),
        (Status::Removed, Some(d(2015, 10, 6)))
    );
}

#[test]
fn objects_are_found_by_id_label_or_alias() {
    let er = titolario("aziende-dm-er-2019").unwrap();
    let act = titolario("artigiani-commercianti-torino-2017").unwrap();
    for (t, query, id) in [
        (er, "note-rettifica", Some("note-rettifica")),
        (er, "NOTE RETTIFICA", Some("note-rettifica")),
        (
            er,
            "Richiesta variazione agibilita",
            Some("richiesta-variazione-agibilita"),
        ),
        (
            er,
            "Contenzioso amministrativo",
            Some("contenzioso-amministrativo"),
        ),
        (
            er,
            "Esodi lavoratori prossimi a pensione (l. 92/2012)",
            Some("esodi-lavoratori-prossimi-pensione"),
        ),
        (
            act,
            "rid.sanzioni ex.art 59 c.15 L.449/97",
            Some("riduzione-sanzioni-art-59-l449-97"),
        ),
        (
            act,
            "Compensazione Contrib.",
            Some("compensazione-contributiva"),
        ),
        (er, "", None),
        (er, "🙂", None),
        (er, "Oggetto che non esiste", None),
    ] {
        assert_eq!(
            t.object(query).map(|o| o.id.as_str()),
            id,
            "{} / {query:?}",
            t.id
        );
    }
}

#[test]
fn every_entry_cites_its_document_and_section() {
    for t in titolari() {
        assert!(CASSETTI.contains(&t.cassetto.as_str()), "{}", t.id);
        assert!(!t.name_en.is_empty(), "{}", t.id);
        for c in &t.classes {
            assert!(!c.label_en.is_empty(), "{} / {}", t.id, c.id);
            for o in &c.objects {
                assert!(
                    o.source.document.ends_with(".txt") && !o.source.section.is_empty(),
                    "{} / {}",
                    t.id,
                    o.id
                );
                assert!(!o.label_en.is_empty(), "{} / {}", t.id, o.id);
                if !o.generic && o.status == Status::Active {
                    assert!(
                        !o.keywords.is_empty() || !o.strong.is_empty(),
                        "{} / {} has no keywords",
                        t.id,
                        o.id
                    );
                }
            }
        }
    }
}

#[test]
#[rustfmt::skip]
fn every_note_says_whether_it_is_the_document_or_a_reading() {
    const DOC: &str = "document";
    const READING: &str = "reading";
    // (titolario, note: `notes[i]` or the object's id, kind, section of a document note,
    // words the note or its object's label takes from the document there). The words were
    // checked against shared/sources/ (002 line 113, 003 lines 94, 158-162, 178, 185-189, 262,
    // 004 line 201).
    let expected = [
        ("artigiani-commercianti-milano-2018", "notes[0]", READING, "", ""),
        ("artigiani-commercianti-milano-2018", "altro", READING, "", ""), // "altro" is not in 002's list
        ("artigiani-commercianti-torino-2017", "notes[0]", READING, "", ""),
        ("artigiani-commercianti-torino-2017", "altro", DOC, "2.4", "si usa la codifica generica \"altro\""),
        ("aziende-dm-er-2019", "notes[0]", READING, "", ""), // the table gives no unit
        ("aziende-dm-er-2019", "notes[1]", READING, "", ""),
        ("aziende-dm-er-2019", "notes[2]", READING, "", ""),
        ("aziende-dm-er-2019", "non-specificato", READING, "", ""), // the table says only ELIMINATO
        ("aziende-dm-er-2019", "precedente-gestione-separata", READING, "", ""), // the date is 003's
        ("aziende-dm-milano-2018", "notes[0]", READING, "", ""),
        ("aziende-dm-milano-2018", "non-specificato", DOC, "2. Comunicazione elettronica", "L'uso improprio delle causali NON SPECIFICATO e \"altro\" non consentiranno di garantire una risposta"),
        ("aziende-dm-torino-2017", "notes[0]", READING, "", ""),
        ("aziende-dm-torino-2017", "notes[1]", READING, "", ""),
        ("aziende-dm-torino-2017", "notes[2]", READING, "", ""),
        ("aziende-dm-torino-2017", "regolarizzazione-dm-vig", DOC, "2.1", "Regularizzazione (DM-VIG)"),
        ("aziende-dm-torino-2017", "gestione-separata", READING, "", ""), // the drawer to use is not in §2.1
        ("aziende-dm-torino-2017", "non-specificato", DOC, "2.1", "l'uso improprio della causale NON SPECIFICATO non consentirà di garantire alcuna risposta in tempi certi"),
        ("committenti-gs", "notes[0]", DOC, "2.2", "msg 6838 del 06/11/2015"),
        ("committenti-gs", "altro", DOC, "2.2", "non consentirà di garantire alcuna risposta in tempi certi"),
        ("dipendenti-pubblici-2023", "notes[0]", READING, "", ""), // the circolare gives no date for objects
        ("dipendenti-pubblici-2023", "notes[1]", DOC, "3.1", "Regularizzazione (documentazione a seguito di contestazione)"),
        ("dipendenti-pubblici-2023", "regolarizzazione-documentazione-contestazione", DOC, "3.1", "Regularizzazione (documentazione a seguito di contestazione)"),
        ("liberi-professionisti-milano-2018", "notes[0]", READING, "", ""),
        ("liberi-professionisti-milano-2018", "notes[1]", READING, "", ""),
        ("liberi-professionisti-torino-2017", "notes[0]", READING, "", ""),
    ];
    // Every note of every titolario, with the label of its object.
    let mut all: Vec<(&str, String, &Note, &str, &str)> = Vec::new();
    for t in titolari() {
        for (i, n) in t.notes.iter().enumerate() {
            all.push((&t.id, format!("notes[{i}]"), n, "", &t.source.document));
        }
        for o in t.objects() {
            if let Some(n) = &o.note {
                all.push((&t.id, o.id.clone(), n, &o.label, &o.source.document));
            }
        }
    }
    assert_eq!(all.len(), expected.len(), "a note without a line in this table");
    for (id, at, kind, section, words) in expected {
        let (_, _, note, label, document) = all
            .iter()
            .find(|(t, w, ..)| *t == id && w == at)
            .unwrap_or_else(|| panic!("{id} {at}: no such note"));
        match &note.basis {
            Basis::Document { source } => {
                assert_eq!((kind, source.section.as_str()), (DOC, section), "{id} {at}");
                // Without a `document` of its own, the note quotes its entry's document.
                assert_eq!(&source.document, document, "{id} {at}");
                assert!(note.it.contains(words) || label.contains(words), "{id} {at}: {words}");
            }
            Basis::Reading { why, why_en } => {
                assert_eq!(kind, READING, "{id} {at}");
                assert!(why.len() > 40 && why_en.len() > 40, "{id} {at}: say why");
            }
        }
    }
    // A note may quote another document than its entry's.
    let json = MINIMAL.replacen(
        r#""sogliaUnit""#,
        r#""notes": [{"it": "n", "en": "n", "kind": "document", "section": "2", "document": "002_16d6e432ed698fc3.txt"}], "sogliaUnit""#,
        1,
    );
    let t = Titolario::from_json(&json).unwrap();
    assert_eq!(
        t.notes[0].basis,
        Basis::Document { source: Source::new("002_16d6e432ed698fc3.txt", "2") }
    );
}

/// A valid minimal titolario, to break one field at a time.
const MINIMAL: &str = r#"{
  "id": "prova", "cassetto": "aziende-dm", "name": "Prova", "nameEn": "Test", "asOf": "2019-07-04",
  "document": "001_d4b51664bcfb40f6.txt", "section": "tabella", "sogliaUnit": "working-days",
  "classes": [ { "id": "uniemens", "label": "UNIEMENS", "labelEn": "UniEmens", "section": "tabella",
    "objects": [ { "id": "note-rettifica", "label": "Note rettifica", "labelEn": "Notes", "soglia": 25, "from": "2010-01-01" },
                 { "id": "altro", "label": "Altro", "labelEn": "Other", "soglia": 5 } ] } ]
}"#;

#[test]
fn validation_names_the_field_and_the_reason() {
    assert!(
        Titolario::from_json(MINIMAL).is_ok(),
        "{:?}",
        Titolario::from_json(MINIMAL).err()
    );
    // (what to replace, with what, field in the error, words of the reason)
    for (from, to, field, reason) in [
        (
            r#""id": "altro""#,
            r#""id": "note-rettifica""#,
            "classes[0].objects[1].id",
            "already the id",
        ),
        (
            r#""sogliaUnit": "working-days""#,
            r#""sogliaUnit": "giorni""#,
            "sogliaUnit",
            "not a unit",
        ),
        (
            r#", "sogliaUnit": "working-days""#,
            "",
            "classes[0].objects[0].soglia",
            "no sogliaUnit",
        ),
        (
            r#""soglia": 5"#,
            r#""soglia": 0"#,
            "classes[0].objects[1].soglia",
            "not a threshold",
        ),
        (
            r#""from": "2010-01-01""#,
            r#""from": "2010-01-01", "removed": "2009-12-31", "status": "removed""#,
            "classes[0].objects[0].removed",
            "not after",
        ),
        (
            r#""from": "2010-01-01""#,
            r#""from": "2010-02-30""#,
            "classes[0].objects[0].from",
            "not a date",
        ),
        (
            r#""from": "2010-01-01""#,
            r#""status": "removed""#,
            "classes[0].objects[0].removed",
            "needs the date",
        ),
        (
            r#""from": "2010-01-01""#,
            r#""status": "gone""#,
            "classes[0].objects[0].status",
            "not a status",
        ),
        (
            r#""cassetto": "aziende-dm""#,
            r#""cassetto": "aziende""#,
            "cassetto",
            "not a cassetto",
        ),
        (r#""id": "prova""#, r#""id": "Prova 1""#, "id", "kebab-case"),
        (
            r#""asOf": "2019-07-04""#,
            r#""asOf": "04/07/2019""#,
            "asOf",
            "YYYY-MM-DD",
        ),
        (
            r#""label": "Altro""#,
            r#""label": " ""#,
            "classes[0].objects[1].label",
            "empty",
        ),
        (
            r#""section": "tabella","#,
            r#""section": "","#,
            "section",
            "empty",
        ),
        (
            r#""labelEn": "Other", "soglia": 5"#,
            r#""labelEn": "Other", "soglia": 5, "generic": true"#,
            "generic",
            "name it",
        ),
        (
            r#""sogliaUnit""#,
            r#""generic": "altro", "sogliaUnit""#,
            "generic",
            "marked generic",
        ),
        (
            r#""sogliaUnit""#,
            r#""listMissing": {"it": "x", "en": "x"}, "sogliaUnit""#,
            "listMissing",
            "only its generic",
        ),
        (
            r#""sogliaUnit""#,
            r#""keywordsFrom": "aziende-dm-er-2019", "sogliaUnit""#,
            "keywordsFrom",
            "embedded",
        ),
        (
            r#""labelEn": "Notes""#,
            r#""labelEn": "Notes", "keywords": ["***"]"#,
            "classes[0].objects[0].keywords",
            "no letters",
        ),
        (
            r#""labelEn": "Notes""#,
            r#""labelEn": "Notes", "keywords": ["rate + bonari"]"#,
            "classes[0].objects[0].keywords",
            "allOf",
        ),
        (
            r#""labelEn": "Notes""#,
            r#""labelEn": "Notes", "codes": ["c a #@ + 0##"]"#,
            "classes[0].objects[0].codes",
            "allOf",
        ),
        (
            r#""labelEn": "Notes""#,
            r#""labelEn": "Notes", "allOf": ["rateizz* + "]"#,
            "classes[0].objects[0].allOf",
            "two phrases",
        ),
        // Shape errors name the field, down to the element of a list.
        (
            r#""soglia": 25"#,
            r#""soglia": "25""#,
            "classes[0].objects[0].soglia",
            "whole number",
        ),
        (
            r#""soglia": 25"#,
            r#""soglia": -1"#,
            "classes[0].objects[0].soglia",
            "whole number",
        ),
        (
            r#""label": "Altro""#,
            r#""label": 7"#,
            "classes[0].objects[1].label",
            "expected a string",
        ),
        (
            r#""labelEn": "Notes""#,
            r#""labelEn": "Notes", "keywords": "durc""#,
            "classes[0].objects[0].keywords",
            "expected a list",
        ),
        (
            r#""labelEn": "Notes""#,
            r#""labelEn": "Notes", "keywords": ["durc", 5]"#,
            "classes[0].objects[0].keywords[1]",
            "expected a string",
        ),
        (
            r#""labelEn": "Notes""#,
            r#""labelEn": "Notes", "patterns": [" c ?a "]"#,
            "classes[0].objects[0].patterns",
            "unknown field `patterns`",
        ),
        (
            r#""sogliaUnit""#,
            r#""notes": [{"it": "nota"}], "sogliaUnit""#,
            "notes[0].en",
            "missing field `en`",
        ),
        // A note says whether it is the document's text or instrada's reading.
        (
            r#""sogliaUnit""#,
            r#""notes": [{"it": "n", "en": "n"}], "sogliaUnit""#,
            "notes[0].kind",
            "missing field `kind`",
        ),
        (
            r#""sogliaUnit""#,
            r#""notes": [{"it": "n", "en": "n", "kind": "quote"}], "sogliaUnit""#,
            "notes[0].kind",
            "unknown variant `quote`, expected `document` or `reading`",
        ),
        (
            r#""sogliaUnit""#,
            r#""notes": [{"it": "n", "en": "n", "kind": "document"}], "sogliaUnit""#,
            "notes[0].section",
            "missing field `section`",
        ),
        (
            r#""sogliaUnit""#,
            r#""notes": [{"it": "n", "en": "n", "kind": "document", "section": "2", "why": "x"}], "sogliaUnit""#,
            "notes[0].why",
            "goes with a note of kind reading, not document",
        ),
        (
            r#""sogliaUnit""#,
            r#""notes": [{"it": "n", "en": "n", "kind": "reading", "why": "perché"}], "sogliaUnit""#,
            "notes[0].whyEn",
            "missing field `whyEn`",
        ),
        (
            r#""sogliaUnit""#,
            r#""notes": [{"it": "n", "en": "n", "kind": "reading", "why": " ", "whyEn": "x"}], "sogliaUnit""#,
            "notes[0].why",
            "is empty",
        ),
        (
            r#""sogliaUnit""#,
            r#""notes": [{"it": "n", "en": "n", "kind": "reading", "why": "w", "whyEn": "w", "section": "2"}], "sogliaUnit""#,
            "notes[0].section",
            "goes with a note of kind document, not reading",
        ),
        (
            r#""labelEn": "Notes""#,
            r#""labelEn": "Notes", "note": {"it": "n", "en": "n", "kind": "document", "section": "2", "sezione": "2"}"#,
            "classes[0].objects[0].note.sezione",
            "unknown field `sezione`",
        ),
    ] {
        assert!(MINIMAL.contains(from), "test setup: {from}");
        let json = MINIMAL.replacen(from, to, 1);
        let e = Titolario::from_json(&json).expect_err(to);
        assert_eq!(e.field, field, "{to}: {e}");
        assert!(e.reason.contains(reason), "{to}: {e}");
        assert!(e.to_string().contains(field), "{e}");
    }
    // Syntax errors keep serde_json's words (with line and column); a missing or unknown
    // field is said in serde's words too.
    for (json, reason) in [
        ("", "JSON object"),
        ("[]", "JSON object"),
        ("{", "EOF"),
        (r#"{"id": "x"}"#, "missing field `cassetto`"),
        (
            &MINIMAL.replacen(r#""nameEn""#, r#""nome": 1, "nameEn""#, 1),
            "unknown field `nome`",
        ),
    ] {
        let e = Titolario::from_json(json).expect_err(reason);
        assert!(e.reason.contains(reason), "{e}");
    }
}

#[test]
fn a_note_s_view_says_what_it_rests_on() {
    use instrada::finding::Lang;
    let torino = titolario("aziende-dm-torino-2017").unwrap();
    // 003 §2.1: the document's words.
    let v = torino
        .object("non-specificato")
        .unwrap()
        .note
        .as_ref()
        .unwrap()
        .view(Lang::En);
    assert_eq!(v.kind, "document");
    assert_eq!(v.source.map(|s| s.section.as_str()), Some("2.1"));
    assert!(v.text.starts_with("Only for communications") && v.why.is_none());
    // The unit of the Emilia Romagna thresholds: instrada's reading, said why.
    let v = titolario("aziende-dm-er-2019").unwrap().notes[0].view(Lang::It);
    assert_eq!((v.kind, v.source), ("reading", None));
    assert!(v.why.is_some_and(|w| w.contains("002 §2 A")), "{v:?}");
}
