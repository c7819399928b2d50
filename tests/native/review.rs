//! The guard: a draft request checked against the protocol of its territory. One line per
//! case: the draft, the codes that must appear and those that must not, and the document
//! and section of the rule.
//!
//! Documents (`/work/shared/sources/`, cited by their number): 000 = `000_30f97537163db067.txt`
//! (Siena 2012), 001 = `001_d4b51664bcfb40f6.txt` (Emilia Romagna 2019), 002 =
//! `002_16d6e432ed698fc3.txt` (Milano 2018), 003 = `003_78822a7178531fb3.txt` (Torino 2017,
//! update 19/07/2021), 004 = `004_42f457ca74ab71b1.txt` (circolare INPS 34/2023).

use instrada::finding::{Lang, Severity};
use instrada::review::{compose_subject, review, Draft, Review, SubjectInput, Texts};
use instrada::routing::Facts;

const CF: &str = "RSSMRA80A01H501U";
const DITTA: &str = "12345670017";
const DM: &str = "aziende-dm";

#[derive(Default, Clone, Copy)]
struct D {
    profile: &'static str,
    sede: &'static str,
    gestione: &'static str,
    kind: &'static str,
    date: &'static str,
    object: &'static str,
    description: &'static str,
    subject: &'static str,
    recipient: &'static str,
    cf: &'static str,
    matricola: &'static str,
    previous: &'static str,
    level: &'static str,
    sender: &'static str,
    reference: &'static str,
    channel: &'static str,
}

impl D {
    fn draft(&self) -> Draft {
        let o = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Draft {
            facts: Facts {
                profile: o(self.profile),
                sede: o(self.sede),
                gestione: o(self.gestione),
                kind: o(self.kind),
                date: o(self.date),
                description: o(self.description),
                previous: o(self.previous),
                level: o(self.level),
                ..Facts::default()
            },
            channel: o(self.channel),
            texts: Texts {
                object: o(self.object),
                subject: o(self.subject),
                recipient: o(self.recipient),
                codice_fiscale: o(self.cf),
                matricola: o(self.matricola),
                sender: o(self.sender),
                reference: o(self.reference),
                ..Texts::default()
            },
        }
    }
}

fn run(d: D) -> Review {
    review(&d.draft(), Lang::It)
}

fn codes(r: &Review) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code).collect()
}

/// (cite, draft, codes that must appear, codes that must not)
type Case = (
    &'static str,
    D,
    &'static [&'static str],
    &'static [&'static str],
);

fn check(cases: &[Case]) {
    for (cite, d, present, absent) in cases {
        let r = run(*d);
        let c = codes(&r);
        for p in *present {
            assert!(
                c.contains(p),
                "{cite}: {p} missing in {c:?}\n{:#?}",
                r.findings
            );
        }
        for a in *absent {
            assert!(
                !c.contains(a),
                "{cite}: {a} unexpected in {c:?}\n{:#?}",
                r.findings
            );
        }
        assert_eq!(
            r.ok,
            !r.findings.iter().any(|f| f.severity == Severity::Error),
            "{cite}"
        );
    }
}

const TORINO_DM: D = D {
    profile: "torino",
    gestione: DM,
    kind: "comunicazione",
    date: "2024-03-04",
    ..EMPTY
};
const EMPTY: D = D {
    profile: "",
    sede: "",
    gestione: "",
    kind: "",
    date: "",
    object: "",
    description: "",
    subject: "",
    recipient: "",
    cf: "",
    matricola: "",
    previous: "",
    level: "",
    sender: "",
    reference: "",
    channel: "",
};

#[test]
#[rustfmt::skip]
fn the_generic_object() {
    check(&[
        ("003 §2.1: Non specificato where Durc fits", D { object: "Non specificato", description: "Il DURC risulta irregolare per un versamento già effettuato", ..TORINO_DM }, &["review.generic-object"], &["review.generic-ok"]),
        ("003 §2.1: Non specificato where nothing fits", D { object: "Non specificato", description: "Segnaliamo il nuovo indirizzo della sede dello studio professionale", ..TORINO_DM }, &["review.generic-ok"], &["review.generic-object"]),
        ("003 §2.1: Non specificato without a description", D { object: "Non specificato", ..TORINO_DM }, &["review.generic-no-description"], &[]),
        ("001 table: Non Specificato ELIMINATO", D { profile: "emilia-romagna", object: "Non Specificato", description: "contestazione avviso bonario", ..TORINO_DM }, &["review.generic-eliminated"], &["review.generic-object"]),
        ("003 §2.4: altro where an object fits", D { gestione: "artigiani-commercianti", object: "altro", description: "chiedo la rateizzazione dell'avviso bonario", ..TORINO_DM }, &["review.generic-object"], &[]),
        ("002 §2: committenti list missing, altro cannot be checked", D { profile: "milano", gestione: "committenti-gs", object: "altro", description: "rimborso", ..TORINO_DM }, &["review.generic-unchecked"], &["review.generic-object"]),
        ("002 Addendum (blank) → Torino 2017 list of the national cassetto", D { profile: "milano", object: "Non specificato", description: "DURC negativo per irregolarità", ..TORINO_DM }, &["review.titolario-see-also", "review.generic-object"], &[]),
    ]);
    // 003 §2.1: the best objects, ranked, with the words that matched.
    let r = run(D {
        object: "Non specificato",
        description: "Il DURC risulta irregolare per un versamento già effettuato",
        ..TORINO_DM
    });
    assert_eq!(r.objects[0].label, "Durc (Documento di regolarità contributiva)");
    assert!(r.objects[0].matched.iter().any(|w| w.contains("durc")));
    assert!(r.objects.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
#[rustfmt::skip]
fn objects_at_the_date() {
    check(&[
        ("003 §2.1: Gestione separata inibito dal 06/10/2015", D { object: "Gestione separata", date: "2017-07-13", ..TORINO_DM }, &["review.object-removed"], &[]),
        ("003 §2.1: Gestione separata, still removed later", D { object: "Gestione separata", ..TORINO_DM }, &["review.object-removed"], &["review.object-unknown"]),
        ("001 table: Oggetti precedenti", D { profile: "emilia-romagna", object: "Posta Ibrida", ..TORINO_DM }, &["review.object-legacy"], &[]),
        ("003 §2.1: an object that is not in the menu", D { object: "Fondo pensioni", ..TORINO_DM }, &["review.object-unknown"], &[]),
        ("003 §2.1: the object is missing", D { description: "avviso bonario da contestare", ..TORINO_DM }, &["review.object-missing"], &[]),
        ("001 table: tempo soglia of the object", D { profile: "emilia-romagna", object: "Durc (Documento di regolarità contributiva)", ..TORINO_DM }, &["review.tempo-soglia"], &["review.object-unknown"]),
        ("003 §2.1: a specific object, another fits better", D { object: "Apprendistato", description: "contestazione della cartella di pagamento notificata", ..TORINO_DM }, &["review.object-other-fits"], &[]),
        ("003 §2.1: the right specific object", D { object: "Cartelle di pagamento", description: "contestazione della cartella di pagamento notificata", ..TORINO_DM }, &[], &["review.object-other-fits", "review.generic-object"]),
    ]);
}

const MILANO_DOM: D = D {
    profile: "milano",
    sede: "milano-nord",
    gestione: "domestici",
    kind: "comunicazione",
    date: "2024-03-04",
    recipient: "Direzione.milanonord@inps.it",
    cf: CF,
    ..EMPTY
};

#[test]
#[rustfmt::skip]
fn the_subject_line() {
    check(&[
        ("002 §2: CF, gestione, content", D { subject: "RSSMRA80A01H501U - Lavoratori domestici - sollecito rimborso", ..MILANO_DOM }, &[], &[ "review.subject-missing", "review.subject-cf-missing", "review.subject-gestione-missing", "review.subject-content-missing", ]),
        ("002 §2: no subject", MILANO_DOM, &["review.subject-missing"], &[]),
        ("002 §2: no CF", D { subject: "Lavoratori domestici - sollecito rimborso", ..MILANO_DOM }, &["review.subject-cf-missing"], &["review.subject-gestione-missing"]),
        ("002 §2: CF that fails its check", D { subject: "RSSMRA80A01H501X colf rimborso", ..MILANO_DOM }, &["review.subject-cf-invalid"], &["review.subject-cf-missing"]),
        ("002 §2: another contributor's CF", D { subject: "VRDLGU85T10F205N colf rimborso", ..MILANO_DOM }, &["review.subject-cf-different"], &[]),
        ("002 §2: no gestione", D { subject: "RSSMRA80A01H501U sollecito rimborso", ..MILANO_DOM }, &["review.subject-gestione-missing"], &[]),
        ("002 §2: another gestione", D { subject: "RSSMRA80A01H501U agricoli sollecito rimborso", ..MILANO_DOM }, &["review.subject-gestione-other"], &[]),
        ("002 §2: no content", D { subject: "RSSMRA80A01H501U lavoratori domestici", ..MILANO_DOM }, &["review.subject-content-missing"], &[]),
        ("003 §2.5: Torino asks the same", D { profile: "torino", sede: "ivrea", recipient: "Direzione.ivrea@inps.it", subject: "sollecito", ..MILANO_DOM }, &[ "review.subject-cf-missing", "review.subject-gestione-missing", ], &[]),
        ("002 §2 DURC box: the requester's CF is enough", D { profile: "milano", sede: "milano-nord", gestione: DM, kind: "durc", recipient: "preavvisodiaccertamento.milanonord@inps.it", subject: "12345670017", cf: DITTA, ..MILANO_DOM }, &[], &[ "review.subject-gestione-missing", "review.subject-content-missing", "review.subject-cf-missing", ]),
        ("002 §2 DURC box: without the CF", D { profile: "milano", sede: "milano-nord", gestione: DM, kind: "durc", recipient: "preavvisodiaccertamento.milanonord@inps.it", subject: "DURC negativo", cf: DITTA, ..MILANO_DOM }, &["review.subject-cf-missing"], &[]),
        ("000 Mail istituzionali: matricola or CF", D { profile: "siena", sede: "", date: "2015-03-04", recipient: "", channel: "email", subject: "matricola 1234567890 richiesta estratto conto", ..MILANO_DOM }, &[], &["review.subject-id-missing"]),
        ("000 Mail istituzionali: neither", D { profile: "siena", sede: "", date: "2015-03-04", recipient: "", channel: "email", subject: "richiesta estratto conto", ..MILANO_DOM }, &["review.subject-id-missing"], &[]),
    ]);
    // A composed subject is offered when the subject falls short (002 §2, 003 §2.5).
    for (d, composed) in [
        (D { subject: "sollecito rimborso", ..MILANO_DOM }, Some("RSSMRA80A01H501U - Lavoratori domestici - sollecito rimborso")),
        (D { subject: "colf: sollecito rimborso", ..MILANO_DOM }, Some("RSSMRA80A01H501U - Lavoratori domestici - sollecito rimborso")),
        (D { subject: "RSSMRA80A01H501U - Lavoratori domestici - sollecito rimborso", ..MILANO_DOM }, None),
        (D { subject: "", cf: "", ..MILANO_DOM }, Some("Lavoratori domestici - comunicazione, invio di documenti o richiesta di chiarimenti")),
    ] {
        assert_eq!(run(d).subject.as_deref(), composed, "{:?}", d.subject);
    }
}

#[test]
#[rustfmt::skip]
fn compose_subject_table() {
    // (cf, gestione, content, matricola, expected subject, ok, codes) — 002 §2, 003 §2.5
    for (cf, g, content, m, subject, ok, expected) in [
        (CF, "domestici", "sollecito rimborso", "", "RSSMRA80A01H501U - Lavoratori domestici - sollecito rimborso", true, vec![]),
        ("rss mra 80a01 h501u", "agricoli", "  contestazione\n avviso bonario ", "", "RSSMRA80A01H501U - Agricoli - contestazione avviso bonario", true, vec![]),
        (DITTA, DM, "DURC", "1234567890", "12345670017 - matricola 1234567890 - Aziende con dipendenti - DURC", true, vec![]),
        (DITTA, DM, "DURC", "12345", "12345670017 - matricola 12345 - Aziende con dipendenti - DURC", true, vec!["subject.matricola-format"]),
        ("RSSMRA80A01H501X", "domestici", "rimborso", "", "RSSMRA80A01H501X - Lavoratori domestici - rimborso", false, vec!["subject.cf-invalid"]),
        ("", "domestici", "rimborso", "", "Lavoratori domestici - rimborso", false, vec!["subject.cf-missing"]),
        (CF, "", "rimborso", "", "RSSMRA80A01H501U - rimborso", false, vec!["subject.gestione-missing"]),
        (CF, "marittimi", "rimborso", "", "RSSMRA80A01H501U - rimborso", false, vec!["subject.unknown-gestione"]),
        (CF, "domestici", "", "", "RSSMRA80A01H501U - Lavoratori domestici", false, vec!["subject.content-missing"]),
    ] {
        let o = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let c = compose_subject(
            &SubjectInput {
                codice_fiscale: o(cf),
                gestione: o(g),
                content: o(content),
                matricola: o(m),
            },
            Lang::It,
        );
        assert_eq!(c.subject, subject);
        assert_eq!(c.ok, ok, "{subject}");
        let got: Vec<&str> = c.findings.iter().map(|f| f.code).collect();
        assert_eq!(got, expected, "{subject}");
    }
    let long = compose_subject(
        &SubjectInput {
            codice_fiscale: Some(CF.into()),
            gestione: Some("domestici".into()),
            content: Some("parola ".repeat(100)),
            matricola: None,
        },
        Lang::En,
    );
    assert!(long.subject.chars().count() < 200);
    assert_eq!(long.findings[0].code, "subject.content-shortened");
}

#[test]
#[rustfmt::skip]
fn mailboxes() {
    check(&[
        ("003 §2.7: Anagraficaflussi.NOMESEDE", D { recipient: "Anagraficaflussi.torino@inps.it", ..TORINO_DM }, &["review.recipient-dead"], &[]),
        ("003 §2.7: Accertamento.NOMESEDE", D { gestione: "domestici", recipient: "Accertamento.ivrea@inps.it", ..TORINO_DM }, &["review.recipient-dead"], &[]),
        ("003 §2.7: Gestionecredito.NOMESEDE", D { gestione: "domestici", recipient: "Gestionecredito.pinerolo@inps.it", ..TORINO_DM }, &["review.recipient-dead"], &[]),
        ("003 §2.7: Verificaamministrativa.NOMESEDE", D { gestione: "domestici", recipient: "verificaamministrativa.torinonord@inps.it", ..TORINO_DM }, &["review.recipient-dead"], &[]),
        ("003 §2.7: Soggettocontribuente.NOMESEDE", D { gestione: "domestici", recipient: "Soggettocontribuente.collegno@inps.it", ..TORINO_DM }, &["review.recipient-dead"], &[]),
        ("003 §2.7: GestioneSeparata.NOMESEDE", D { gestione: "domestici", recipient: "gestioneseparata.moncalieri@inps.it", ..TORINO_DM }, &["review.recipient-dead"], &[]),
        ("003 §2.7: DatoriLavoroAgricoli.NOMESEDE", D { gestione: "agricoli", recipient: "DatoriLavoroAgricoli.torino@inps.it", ..TORINO_DM }, &["review.recipient-dead"], &[]),
        ("002 §2: DatoriLavoroAgricoli.milano is Milano's box", D { profile: "milano", gestione: "agricoli", recipient: "DatoriLavoroAgricoli.milano@inps.it", subject: "RSSMRA80A01H501U agricoli richiesta estratto", cf: CF, ..TORINO_DM }, &[], &["review.recipient-dead", "review.recipient-wrong"]),
        ("003 §2.7: personal mailbox", D { gestione: "domestici", recipient: "mario.rossi@inps.it", ..TORINO_DM }, &["review.recipient-personal"], &[]),
        ("002 §2: personal mailbox", D { profile: "milano", gestione: "domestici", recipient: "Mario.Rossi <mario.rossi@inps.it>", ..TORINO_DM }, &["review.recipient-personal"], &[]),
        ("002 §2: an institutional box not in the agreement", D { profile: "milano", gestione: "domestici", recipient: "info.milano@inps.it", ..TORINO_DM }, &["review.recipient-not-listed"], &[]),
        ("003 §2.6 B: escalation contact used for a first contact", D { gestione: "domestici", sede: "torino", recipient: "nicola.vitiello@inps.it", ..TORINO_DM }, &["review.recipient-escalation-first-contact"], &["review.recipient-personal"]),
        ("002 §2 B: escalation contact used for a first contact", D { profile: "milano", gestione: "domestici", recipient: "Gherardo.chiancone@inps.it", ..TORINO_DM }, &["review.recipient-escalation-first-contact"], &[]),
        ("003 §2.5: the agency's box, not the Direzione's", D { sede: "ivrea", gestione: "domestici", recipient: "Direzione.torino@inps.it", ..TORINO_DM }, &["review.recipient-wrong"], &[]),
        ("002 §2: agricoli write to DatoriLavoroAgricoli.milano", D { profile: "milano", gestione: "agricoli", recipient: "Direzione.milano@inps.it", ..TORINO_DM }, &["review.recipient-wrong"], &[]),
        ("002 §1.2: a non-PEC address for a PEC request", D { profile: "milano", sede: "milano-nord", kind: "domanda-non-telematizzata", recipient: "Direzione.milanonord@inps.it", ..TORINO_DM }, &["review.recipient-not-pec"], &[]),
        ("002 §1.2: another agency's PEC", D { profile: "milano", sede: "milano-nord", kind: "domanda-non-telematizzata", recipient: "direzione.agenziacomplessa.milanosud@postacert.inps.gov.it", ..TORINO_DM }, &["review.recipient-wrong"], &["review.recipient-not-pec"]),
        ("002 §1.2: the right PEC", D { profile: "milano", sede: "milano-nord", kind: "domanda-non-telematizzata", recipient: "direzione.agenziacomplessa.milanonord@postacert.inps.gov.it", ..TORINO_DM }, &[], &["review.recipient-wrong", "review.recipient-not-pec"]),
        ("003 §1.2: Torino PEC written agenziacomplessa", D { sede: "ivrea", kind: "domanda-non-telematizzata", recipient: "direzione.agenziacomplessa.ivrea@postacert.inps.gov.it", ..TORINO_DM }, &[], &["review.recipient-wrong", "review.recipient-not-pec"]),
        ("001: a non-PEC address for a PEC request", D { profile: "emilia-romagna", kind: "domanda-non-telematizzata", recipient: "studio@gmail.com", ..TORINO_DM }, &["review.recipient-not-pec"], &[]),
        ("003 §1.3: the sender must be a PEC", D { sede: "ivrea", kind: "domanda-non-telematizzata", recipient: "direzione.agenziacomplexa.ivrea@postacert.inps.gov.it", sender: "studio.rossi@gmail.com", ..TORINO_DM }, &["review.sender-not-pec"], &[]),
        ("003 §1.3: a PEC sender", D { sede: "ivrea", kind: "domanda-non-telematizzata", recipient: "direzione.agenziacomplexa.ivrea@postacert.inps.gov.it", sender: "studio.rossi@pec.it", ..TORINO_DM }, &[], &["review.sender-not-pec"]),
        ("003 §2.5: not an address", D { recipient: "direzione torino", ..TORINO_DM }, &["review.recipient-invalid"], &[]),
    ]);
}

#[test]
#[rustfmt::skip]
fn channels() {
    check(&[
        ("003 §2.1: DM writes through the bidirezionale", D { recipient: "Direzione.torino@inps.it", ..TORINO_DM }, &["review.use-bidirezionale"], &[]),
        ("002 §2 H: riesame only via the bidirezionale", D { profile: "milano", kind: "riesame", recipient: "Direzione.milano@inps.it", ..TORINO_DM }, &["review.use-bidirezionale"], &[]),
        ("002 §1.1: online-only request sent by PEC", D { profile: "milano", kind: "domanda", description: "domanda di cassa integrazione ordinaria", recipient: "direzione.provinciale.milano@postacert.inps.gov.it", ..TORINO_DM }, &["review.online-only"], &[]),
        ("001: quesito normativo from a single professional", D { profile: "emilia-romagna", kind: "quesito-normativo", recipient: "RelazioniIstituzionali.EmiliaRomagna@inps.it", ..TORINO_DM }, &["review.use-ordine"], &[]),
        ("002 §2: residual box for a topic with an object", D { profile: "milano", sede: "milano-nord", recipient: "Direzione.milanonord@inps.it", description: "contestazione avviso bonario", cf: CF, subject: "RSSMRA80A01H501U aziende con dipendenti contestazione avviso bonario", ..TORINO_DM }, &["review.residual-not-allowed"], &["review.recipient-wrong", "review.use-bidirezionale"]),
        ("002 §2: residual box for a topic outside the titolario", D { profile: "milano", sede: "milano-nord", recipient: "Direzione.milanonord@inps.it", description: "invito a un convegno dello studio", cf: CF, subject: "RSSMRA80A01H501U aziende con dipendenti invito convegno", ..TORINO_DM }, &["review.residual"], &["review.residual-not-allowed", "review.recipient-wrong"]),
        ("002 §2: residual box, subject checked", D { profile: "milano", sede: "milano-nord", recipient: "Direzione.milanonord@inps.it", description: "invito a un convegno", ..TORINO_DM }, &["review.subject-missing"], &[]),
        ("001: cassetto of another gestione", D { profile: "emilia-romagna", object: "Durc (Documento di regolarità contributiva)", ..TORINO_DM }, &[], &["review.cassetto-wrong"]),
    ]);
    let mut d = D {
        profile: "emilia-romagna",
        object: "Durc (Documento di regolarità contributiva)",
        ..TORINO_DM
    }
    .draft();
    d.texts.cassetto = Some("committenti-gs".into());
    assert!(codes(&review(&d, Lang::It)).contains(&"review.cassetto-wrong"));
}

const MILANO_SOLL: D = D {
    profile: "milano",
    sede: "milano-sud",
    gestione: DM,
    kind: "sollecito",
    date: "2024-03-04",
    previous: "scaduta",
    recipient: "Adelegemma.boscia@inps.it",
    ..EMPTY
};

/// Emilia Romagna 001 «Assistenza normativa»: the CODER's reminders to its box carry the
/// subject "Sollecito a precedente richiesta di …" (issue 13).
#[test]
#[rustfmt::skip]
fn er_coder_reminders_carry_the_subject_prefix() {
    const CODER: D = D { profile: "emilia-romagna", sede: "bologna", gestione: DM, kind: "sollecito", date: "2024-03-04", recipient: "RelazioniIstituzionali.EmiliaRomagna@inps.it", ..EMPTY };
    check(&[
        ("001 Assistenza normativa: no prefix", D { subject: "mancata risposta Uniemens", ..CODER }, &["review.subject-prefix"], &[]),
        ("001 Assistenza normativa: with the prefix", D { subject: "Sollecito a precedente richiesta di chiarimenti Uniemens del 12/02/2024", ..CODER }, &[], &["review.subject-prefix"]),
    ]);
    // The CODER's box is an alternative of a reminder only, not of a comunicazione.
    let facts = |kind: &str| instrada::routing::Facts { profile: Some("emilia-romagna".into()), sede: Some("bologna".into()), gestione: Some(DM.into()), kind: Some(kind.into()), date: Some("2024-03-04".into()), ..Default::default() };
    let r = instrada::routing::route(&facts("comunicazione"), Lang::It);
    assert!(r.alternatives.iter().all(|s| s.rule.as_deref() != Some("er-sollecito-coder")));
    let r = instrada::routing::route(&facts("sollecito"), Lang::It);
    let alt = r.alternatives.iter().find(|s| s.rule.as_deref() == Some("er-sollecito-coder")).unwrap();
    assert_eq!(alt.subject_prefix.as_deref(), Some("Sollecito a precedente richiesta di"));
    assert_eq!(alt.addresses[0].address, "RelazioniIstituzionali.EmiliaRomagna@inps.it");
}

/// The object chosen can name an online-only request (L. 122/2010, Torino §1.1): said
/// whatever the kind (issue 13).
#[test]
#[rustfmt::skip]
fn an_online_only_object_is_said() {
    check(&[
        ("003 §1.1: object «Dilazioni» of a comunicazione", D { profile: "torino", sede: "torino", gestione: DM, kind: "comunicazione", date: "2024-03-04", object: "Dilazione amministrativa", ..EMPTY }, &["route.online-only-request"], &[]),
    ]);
}

/// Siena 000: the bidirezionale is "il canale esclusivo" for ordinary DM matters, the PEC
/// "per segnalazioni urgenti" (issue 13): a warning that says so, not the residual-box info.
#[test]
#[rustfmt::skip]
fn siena_pec_is_for_urgent_matters() {
    check(&[
        ("000 Comunicazione bidirezionale per aziende DM / PEC", D { profile: "siena", sede: "siena", gestione: DM, kind: "comunicazione", date: "2015-05-06", channel: "pec", recipient: "direzione.provinciale.siena@postacert.inps.gov.it", ..EMPTY }, &["review.pec-urgent-only"], &["review.residual", "review.residual-not-allowed"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn escalations() {
    check(&[
        ("002 §2 D: no CF, no matricola", MILANO_SOLL, &[ "review.escalation-cf-missing", "review.escalation-matricola-missing", "review.escalation-reference-missing", ], &[]),
        ("002 §2 D: with CF and matricola", D { cf: DITTA, matricola: "1234567890", reference: "prot. 12345 del 12/02/2024", ..MILANO_SOLL }, &[], &[ "review.escalation-cf-missing", "review.escalation-matricola-missing", "review.escalation-reference-missing", ]),
        ("002 §2 D: CF and matricola written in the text", D { description: "Sollecito per 12345670017 matricola 1234567890", reference: "prot. 1", ..MILANO_SOLL }, &[], &[ "review.escalation-cf-missing", "review.escalation-matricola-missing", ]),
        ("003 §2.6 D: no matricola needed for domestic employers", D { profile: "torino", sede: "ivrea", gestione: "domestici", recipient: "massimo.colonna@inps.it", cf: CF, ..MILANO_SOLL }, &["review.escalation-reference-missing"], &[ "review.escalation-matricola-missing", "review.escalation-cf-missing", ]),
        ("002 §2 C: attach the unanswered cassetti", D { level: "C", recipient: "urp.milano@inps.it", cf: DITTA, matricola: "1234567890", reference: "x", ..MILANO_SOLL }, &["review.escalation-attach"], &[]),
        ("003 update 2021: a contact of the 2017 list", D { profile: "torino", sede: "moncalieri", date: "2022-03-04", recipient: "antonio.cecchini@inps.it", ..MILANO_SOLL }, &["review.recipient-escalation-outdated"], &[]),
        ("003 §2.6 B: the same contact in 2020", D { profile: "torino", sede: "moncalieri", date: "2020-03-04", recipient: "antonio.cecchini@inps.it", ..MILANO_SOLL }, &[], &["review.recipient-escalation-outdated"]),
        ("003 update 2021: maura.bertone replaced by sergio.longo", D { profile: "torino", sede: "", date: "2022-03-04", level: "C", recipient: "maura.bertone@inps.it", ..MILANO_SOLL }, &["review.recipient-escalation-outdated"], &[]),
        ("003 update 2021: another agency's contact", D { profile: "torino", sede: "moncalieri", date: "2022-03-04", recipient: "massimo.colonna@inps.it", ..MILANO_SOLL }, &["review.recipient-escalation-sede"], &[]),
        ("003 update 2021: the agency's contact", D { profile: "torino", sede: "moncalieri", date: "2022-03-04", recipient: "flavio.masseni@inps.it", ..MILANO_SOLL }, &[], &[ "review.recipient-escalation-sede", "review.recipient-escalation-outdated", "review.recipient-wrong", ]),
    ]);
}

const DETAILED: &str = "Richiedo un incontro per la cartella di pagamento n. 09720190012345678 relativa ai contributi del periodo marzo 2019, già pagata con F24 del 16/04/2019: chiedo lo sgravio perché il pagamento risulta non abbinato e la procedura online non lo consente";

#[test]
#[rustfmt::skip]
fn appointments() {
    let torino_dom = D {
        profile: "torino",
        sede: "collegno",
        gestione: "domestici",
        kind: "appuntamento",
        date: "2024-03-04",
        recipient: "Direzione.collegno@inps.it",
        subject: "RSSMRA80A01H501U - Lavoratori domestici - appuntamento cartella",
        ..EMPTY
    };
    check(&[
        ("003 §3.1: vague, no act, no CF", D { description: "chiarimenti sulla posizione", ..torino_dom }, &["review.appointment-vague", "review.appointment-no-act", "review.booking-cf-missing"], &[]),
        ("003 §3.1: detailed, with the act and the CF", D { description: DETAILED, cf: CF, ..torino_dom }, &[], &["review.appointment-vague", "review.appointment-no-act", "review.booking-cf-missing"]),
        ("003 §3.1: matricola of a company", D { profile: "torino", gestione: DM, kind: "appuntamento", date: "2024-03-04", description: DETAILED, cf: DITTA, ..EMPTY }, &["review.booking-matricola-missing"], &[]),
        ("003 §3.1: not for solleciti", D { description: "sollecito della pratica di rimborso presentata a gennaio 2024 e ancora senza risposta da parte della sede competente", cf: CF, ..torino_dom }, &["review.appointment-not-for"], &[]),
        ("002 §3.1: no named official", D { profile: "milano", gestione: "liberi-professionisti", kind: "appuntamento", date: "2024-03-04", description: "Vorrei fissare l'incontro con il dott. Bianchi per la cartella n. 09720190012345678 del periodo 2019, che contestiamo nel merito perché il reddito è già stato dichiarato", cf: CF, ..EMPTY }, &["review.appointment-named-official"], &[]),
        ("003 §3.1: Torino does not say it", D { gestione: DM, kind: "appuntamento", date: "2024-03-04", profile: "torino", description: "Vorrei fissare l'incontro con il dott. Bianchi per la cartella n. 09720190012345678 del periodo 2019, che contestiamo nel merito perché il reddito è già stato dichiarato", cf: DITTA, matricola: "1234567890", ..EMPTY }, &[], &["review.appointment-named-official"]),
        ("001: in detail", D { profile: "emilia-romagna", gestione: DM, kind: "appuntamento", date: "2024-03-04", description: "urgente", ..EMPTY }, &["review.appointment-vague"], &["review.appointment-no-act"]),
        ("004 §3.1: GDP appointment before the thresholds", D { profile: "milano", gestione: "dipendenti-pubblici", kind: "appuntamento", date: "2024-03-04", description: DETAILED, ..EMPTY }, &["route.gdp-appointment-not-yet"], &[]),
        ("004 §3.1: GDP appointment after a non accolta", D { profile: "milano", gestione: "dipendenti-pubblici", kind: "appuntamento", date: "2024-03-04", previous: "non-accolta", description: DETAILED, ..EMPTY }, &[], &["route.gdp-appointment-not-yet"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn identifiers_and_odd_input() {
    check(&[
        ("DM 12/03/1974: the check character", D { cf: "RSSMRA80A01H501X", ..TORINO_DM }, &["review.cf-invalid"], &[]),
        ("DM 12/03/1974: spaces and case are forgiven", D { cf: " rss mra 80a01 h501u ", ..TORINO_DM }, &[], &["review.cf-invalid"]),
        ("DOMAIN: the matricola has 10 digits", D { matricola: "123456789", ..TORINO_DM }, &["review.matricola-format"], &[]),
        ("003 §2.1: the object typed loosely is still found", D { object: "  NON   specificato. ", description: "DURC irregolare", ..TORINO_DM }, &["review.generic-object"], &["review.object-unknown"]),
        // Issue 13: no profile is the national baseline, not a refusal.
        ("empty draft", EMPTY, &[ "route.national-profile", "route.gestione-missing", "route.kind-missing", "route.date-missing", ], &["route.profile-missing"]),
        ("unknown channel", D { channel: "piccione", ..TORINO_DM }, &["review.unknown-channel"], &[]),
    ]);
    let long: &'static str =
        Box::leak(format!("{} {}", "DURC ".repeat(10), "parola ".repeat(300_000)).into_boxed_str());
    let strange = ["\0", "😀", "\u{202E}ossecca", "%s%n", long];
    for s in strange {
        let d = Draft {
            facts: Facts {
                profile: Some("torino".into()),
                sede: Some(s.into()),
                gestione: Some(DM.into()),
                kind: Some("comunicazione".into()),
                date: Some("2024-03-04".into()),
                description: Some(s.into()),
                previous: Some(s.into()),
                level: Some(s.into()),
                accentramento: Some(s.into()),
                period: Some(s.into()),
            },
            channel: Some(s.into()),
            texts: Texts {
                cassetto: Some(s.into()),
                object: Some("Non specificato".into()),
                subject: Some(s.into()),
                recipient: Some(s.into()),
                sender: Some(s.into()),
                codice_fiscale: Some(s.into()),
                matricola: Some(s.into()),
                reference: Some(s.into()),
            },
        };
        let r = review(&d, Lang::En);
        assert!(!r.ok);
        assert!(r
            .findings
            .iter()
            .all(|f| !f.message.is_empty() && f.code.contains('.')));
    }
    let r = run(D {
        object: "Non specificato",
        description: long,
        ..TORINO_DM
    });
    assert!(codes(&r).contains(&"review.description-cut"));
    assert!(
        codes(&r).contains(&"review.generic-object"),
        "the first words are still read"
    );
}

/// (cite, draft, code, severity, suggestion ("" none), source "document §section" ("" any),
/// words of the message)
type Detail = (
    &'static str,
    D,
    &'static str,
    Severity,
    &'static str,
    &'static str,
    &'static str,
);

#[test]
#[rustfmt::skip]
fn findings_say_what_to_do_and_cite_the_rule() {
    let cases: &[Detail] = &[
        ("003 §2.1", D { object: "Non specificato", description: "Il DURC risulta irregolare per un versamento già effettuato", ..TORINO_DM }, "review.generic-object", Severity::Warning, "Durc (Documento di regolarità contributiva)", "003_78822a7178531fb3.txt §2.1", "nessun tempo garantito|non ha tempi garantiti"),
        ("002 §2", D { profile: "milano", object: "Non specificato", description: "DURC negativo per irregolarità", ..TORINO_DM }, "review.generic-object", Severity::Warning, "Durc (Documento di regolarità contributiva)", "002_16d6e432ed698fc3.txt §2", "Durc"),
        ("003 §2.4", D { gestione: "artigiani-commercianti", object: "altro", description: "chiedo la rateizzazione dell'avviso bonario", ..TORINO_DM }, "review.generic-object", Severity::Warning, "", "003_78822a7178531fb3.txt §2.4", "«Dilazione»"),
        ("001 table", D { profile: "emilia-romagna", object: "Durc (Documento di regolarità contributiva)", ..TORINO_DM }, "review.tempo-soglia", Severity::Info, "", "001_d4b51664bcfb40f6.txt", "5 giorni lavorativi"),
        ("001 table", D { profile: "emilia-romagna", object: "Non Specificato", description: "contestazione avviso bonario", ..TORINO_DM }, "review.generic-eliminated", Severity::Error, "Avvisi bonari", "001_d4b51664bcfb40f6.txt", "eliminato"),
        ("003 §2.1", D { object: "Gestione separata", date: "2018-01-11", ..TORINO_DM }, "review.object-removed", Severity::Error, "", "003_78822a7178531fb3.txt §2.1", "06/10/2015"),
        ("003 §2.7", D { sede: "ivrea", gestione: "domestici", recipient: "Anagraficaflussi.ivrea@inps.it", ..TORINO_DM }, "review.recipient-dead", Severity::Error, "Direzione.ivrea@inps.it", "003_78822a7178531fb3.txt §2.7", "non sono più prese in carico"),
        ("003 §2.7", D { gestione: "domestici", sede: "ivrea", recipient: "mario.rossi@inps.it", ..TORINO_DM }, "review.recipient-personal", Severity::Error, "Direzione.ivrea@inps.it", "003_78822a7178531fb3.txt §2.7", "casella personale"),
        ("003 update 2021", D { profile: "torino", sede: "moncalieri", date: "2022-03-04", recipient: "antonio.cecchini@inps.it", ..MILANO_SOLL }, "review.recipient-escalation-outdated", Severity::Error, "flavio.masseni@inps.it", "003_78822a7178531fb3.txt", "19/07/2021"),
        ("002 §1.2", D { profile: "milano", sede: "milano-nord", kind: "domanda-non-telematizzata", recipient: "Direzione.milanonord@inps.it", ..TORINO_DM }, "review.recipient-not-pec", Severity::Error, "direzione.agenziacomplessa.milanonord@postacert.inps.gov.it", "002_16d6e432ed698fc3.txt §1.2", "non sarebbe gestita"),
        ("002 §2 D", MILANO_SOLL, "review.escalation-matricola-missing", Severity::Error, "", "002_16d6e432ed698fc3.txt", "matricola"),
        ("002 §2", D { subject: "Lavoratori domestici - sollecito rimborso", ..MILANO_DOM }, "review.subject-cf-missing", Severity::Error, "", "002_16d6e432ed698fc3.txt §2", "codice fiscale"),
        ("004 §3.1", D { profile: "milano", gestione: "dipendenti-pubblici", kind: "appuntamento", date: "2024-03-04", description: DETAILED, ..EMPTY }, "route.gdp-appointment-not-yet", Severity::Error, "", "004_42f457ca74ab71b1.txt", "tempi soglia"),
    ];
    for (cite, d, code, severity, suggestion, source, words) in cases {
        let r = run(*d);
        let f = r
            .findings
            .iter()
            .find(|f| f.code == *code)
            .unwrap_or_else(|| panic!("{cite}: no {code} in {:?}", codes(&r)));
        assert_eq!(f.severity, *severity, "{cite} {code}");
        if *severity == Severity::Error {
            assert!(!r.ok, "{cite}: an error blocks the draft");
        }
        if !suggestion.is_empty() {
            assert_eq!(f.suggestion.as_deref(), Some(*suggestion), "{cite} {code}");
        }
        if !source.is_empty() {
            let src = f.source.as_ref().unwrap_or_else(|| panic!("{cite}: {code} has no source"));
            let (document, section) = source.split_once(" §").unwrap_or((source, ""));
            assert_eq!(src.document, document, "{cite} {code}");
            // A section may name the entry too: "2.1, voce (Gestione separata) …".
            assert!(src.section.starts_with(section), "{cite} {code}: {}", src.section);
        }
        assert!(
            words.split('|').any(|w| f.message.contains(w)),
            "{cite} {code}: {}",
            f.message
        );
    }
}

#[test]
#[rustfmt::skip]
fn english_messages() {
    let d = D {
        object: "Non specificato",
        description: "Il DURC risulta irregolare",
        cf: "X",
        ..TORINO_DM
    }
    .draft();
    let it = review(&d, Lang::It);
    let en = review(&d, Lang::En);
    assert_eq!(codes(&it), codes(&en));
    for (a, b) in it.findings.iter().zip(en.findings.iter()) {
        assert_ne!(a.message, b.message, "{}", a.code);
    }
    let f = en
        .findings
        .iter()
        .find(|f| f.code == "review.generic-object")
        .unwrap();
    assert!(f.message.contains("no guaranteed time"), "{}", f.message);
}

#[test]
#[rustfmt::skip]
fn findings_come_errors_first() {
    let r = run(D {
        object: "Non specificato",
        description: "DURC",
        cf: "X",
        matricola: "1",
        ..TORINO_DM
    });
    let sev: Vec<Severity> = r.findings.iter().map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
}

/// Milano 002 §2 I: the reply to a preavviso di accertamento goes «sia tramite cassetto che
/// tramite PEC». The DURC route (§2: the preavvisodiaccertamento box) offers the cassetto and
/// the sede's PEC as alternatives: neither is a wrong channel; a box of neither is.
#[test]
fn milano_durc_reply_by_cassetto_or_pec() {
    let durc = D {
        profile: "milano",
        sede: "milano-nord",
        gestione: DM,
        kind: "durc",
        date: "2024-05-06",
        description: "Riscontro al preavviso di accertamento: il versamento è stato effettuato, allego la ricevuta di pagamento",
        subject: "RSSMRA80A01H501U riscontro preavviso",
        cf: CF,
        ..EMPTY
    };
    const WRONG: &[&str] = &[
        "review.recipient-wrong",
        "review.channel-other",
        "review.use-bidirezionale",
    ];
    #[rustfmt::skip]
    check(&[
        ("002 §2 I: by PEC to the sede's PEC", D { channel: "pec", recipient: "direzione.agenziacomplessa.milanonord@postacert.inps.gov.it", ..durc }, &[], WRONG),
        ("002 §2 I: through the cassetto", D { channel: "bidirezionale", ..durc }, &[], WRONG),
        ("002 §2: the preavvisodiaccertamento box", D { channel: "email", recipient: "preavvisodiaccertamento.milanonord@inps.it", ..durc }, &[], WRONG),
        ("002 §2: another sede's box is still wrong", D { channel: "email", recipient: "preavvisodiaccertamento.legnano@inps.it", ..durc }, &["review.recipient-wrong"], &[]),
        ("002 §2 I: a box the protocol does not list is still wrong", D { channel: "email", recipient: "aziende.milanonord@inps.it", ..durc }, &["review.recipient-not-listed"], &[]),
    ]);
}

/// The typed request is the core (issue 17): the text front door reads the draft into it,
/// and reviewing that request gives the review of the text.
#[test]
fn a_typed_request_reviews_as_its_text() {
    use instrada::catalog::profile::{Channel, Gestione};
    use instrada::review::review_request;
    let d = D {
        profile: "torino",
        gestione: "domestici",
        kind: "comunicazione",
        date: "2024-03-04",
        recipient: " Anagraficaflussi.torino@inps.it ",
        channel: "email",
        ..D::default()
    };
    let (request, read) = d.draft().read(Lang::It);
    assert!(read.is_empty(), "{read:?}");
    assert_eq!(request.route.gestione, Some(Gestione::Domestici));
    assert_eq!(request.channel, Some(Channel::Email));
    assert_eq!(
        request.texts.recipient.as_deref(),
        Some("Anagraficaflussi.torino@inps.it")
    );
    assert_eq!(review_request(&request, Lang::It), run(d));

    // A channel the reading does not know: `None` in the request, a finding in the review.
    let (request, read) = D {
        channel: "piccione",
        ..d
    }
    .draft()
    .read(Lang::It);
    assert_eq!(request.channel, None);
    assert_eq!(
        read.iter().map(|f| f.code).collect::<Vec<_>>(),
        ["review.unknown-channel"]
    );
    assert!(codes(&run(D {
        channel: "piccione",
        ..d
    }))
    .contains(&"review.unknown-channel"));
}
