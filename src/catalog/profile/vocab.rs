//! The closed vocabularies a profile is written in: kinds of contributor (gestioni), kinds
//! of request, channels, and the small enums of escalation, response terms, mailboxes and
//! notes. They are identifiers in the JSON (kebab-case Italian, as the documents name
//! things), so a portal profile with a typo is rejected with "unknown variant … expected one
//! of …" (serde's words).

/// The names the reader accepts for a closed vocabulary: each value's id (the name it is
/// written with), in declaration order, then the other spellings accepted (Level's lower
/// case, the widget's «senza risposta»). "expected one of …" lists them in this order.
pub(crate) trait Named: Copy + 'static {
    /// The names, ids first.
    const NAMES: &'static [&'static str];
    /// The value of each name, in the same order (two lists, not one of pairs: the
    /// reader's search of a name is then one function for every vocabulary).
    const VALUES: &'static [Self];
}

/// Declares a closed vocabulary once: the enum, each value's identifier (the one the JSON
/// and the JS API write) with the other spellings read as the same value
/// (`Scaduta = "scaduta" | "senza-risposta"`), and, for the vocabularies shown to people,
/// its Italian and English label (`=> ("…", "…")`). From these: `ALL` in declaration order,
/// `id()`, `parse()` through the one id normaliser, the reader's names ([`Named`]),
/// `label()` where labels are given, and how it is written to the wire and to serde (areas
/// whose results still derive `Serialize` embed these enums).
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $id:literal $(| $alias:literal)*
                => ($it:literal, $en:literal $(,)?),)+
        }
    ) => {
        $crate::catalog::profile::vocabulary! {
            $(#[$meta])*
            pub enum $name {
                $($(#[$vmeta])* $variant = $id $(| $alias)*,)+
            }
        }

        impl $name {
            /// The name shown in messages.
            pub fn label(self, lang: $crate::finding::Lang) -> &'static str {
                let (it, en) = match self {
                    $($name::$variant => ($it, $en),)+
                };
                lang.pick(it, en)
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $id:literal $(| $alias:literal)*,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order (the order forms list them).
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];

            /// The identifier used in JSON and in the JS API.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// Reads an identifier or an accepted spelling, as [`crate::text::id_key`]
            /// normalises ids everywhere: any case, spaces or underscores for hyphens.
            pub fn parse(s: &str) -> Option<$name> {
                use $crate::catalog::profile::Named;
                let key = $crate::text::id_key(s)?;
                let i = $name::NAMES
                    .iter()
                    .position(|name| name.eq_ignore_ascii_case(&key))?;
                $name::VALUES.get(i).copied()
            }
        }

        impl $crate::catalog::profile::Named for $name {
            const NAMES: &'static [&'static str] = &[$($id,)+ $($($alias,)*)+];
            const VALUES: &'static [$name] = &[
                $($name::$variant,)+
                $($({ let _ = $alias; $name::$variant },)*)+
            ];
        }

        impl $crate::wire::ToWire for $name {
            fn write(&self, out: &mut $crate::wire::Json) {
                out.str(self.id())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
/// A kind of contributor, as the protocols distinguish them. Each has its own cassetto
/// (or, where no Comunicazione bidirezionale exists yet, its own e-mail boxes).
pub enum Gestione {
    /// Aziende con dipendenti (DM, Uniemens): the Cassetto previdenziale aziende.
    AziendeDm = "aziende-dm" => ("aziende con dipendenti", "employers with employees (DM)"),
    /// Committenti della Gestione separata.
    CommittentiGs = "committenti-gs" => (
        "committenti della Gestione separata",
        "Gestione separata principals (committenti)",
    ),
    /// Liberi professionisti iscritti alla Gestione separata.
    LiberiProfessionisti = "liberi-professionisti" => (
        "liberi professionisti della Gestione separata",
        "self-employed professionals in the Gestione separata",
    ),
    /// Artigiani e commercianti.
    ArtigianiCommercianti = "artigiani-commercianti" => (
        "artigiani e commercianti",
        "craftspeople and traders",
    ),
    /// Datori di lavoro agricolo and lavoratori autonomi agricoli.
    Agricoli = "agricoli" => (
        "datori di lavoro agricolo e lavoratori autonomi agricoli",
        "agricultural employers and self-employed farmers",
    ),
    /// Datori di lavoro domestico.
    Domestici = "domestici" => ("datori di lavoro domestico", "domestic employers"),
    /// Aziende and workers of sport e spettacolo (ex ENPALS).
    SportSpettacolo = "sport-spettacolo" => ("sport e spettacolo", "sport and entertainment"),
    /// Public employers (Gestione dipendenti pubblici, ex INPDAP).
    DipendentiPubblici = "dipendenti-pubblici" => (
        "datori di lavoro di dipendenti pubblici",
        "public employers",
    ),
}
}

impl Gestione {
    /// The name INPS staff read in an e-mail subject: always Italian, in the documents' words
    /// ("lavoratori domestici", "agricoli", "gestione separata", Milano §2, Torino §2.5).
    pub fn subject_label(self) -> &'static str {
        match self {
            Gestione::AziendeDm => "Aziende con dipendenti",
            Gestione::CommittentiGs => "Committenti Gestione separata",
            Gestione::LiberiProfessionisti => "Gestione separata liberi professionisti",
            Gestione::ArtigianiCommercianti => "Artigiani e commercianti",
            Gestione::Agricoli => "Agricoli",
            Gestione::Domestici => "Lavoratori domestici",
            Gestione::SportSpettacolo => "Sport e spettacolo",
            Gestione::DipendentiPubblici => "Dipendenti pubblici",
        }
    }

    /// Words (folded with [`crate::text::fold_words`]) that name this gestione in a subject
    /// line; a trailing `*` matches any ending. "gestione separata" names both GS gestioni.
    pub fn subject_words(self) -> &'static [&'static str] {
        match self {
            Gestione::AziendeDm => &[
                "aziende con dipendenti",
                "azienda con dipendenti",
                "aziende dm",
                "azienda dm",
                "dipendenti privati",
                "uniemens",
            ],
            Gestione::CommittentiGs => &["committent*", "gestione separata", "gs"],
            Gestione::LiberiProfessionisti => &[
                "liberi professionisti",
                "libero professionista",
                "professionist*",
                "gestione separata",
                "gs",
            ],
            Gestione::ArtigianiCommercianti => {
                &["artigian*", "commerciant*", "artcom", "art com", "ivs"]
            }
            Gestione::Agricoli => &["agricol*", "coltivator*", "operai agricoli", "cd cm", "iap"],
            Gestione::Domestici => &["domestic*", "colf", "badant*"],
            Gestione::SportSpettacolo => &["spettacolo", "sport", "enpals", "ex enpals"],
            Gestione::DipendentiPubblici => &[
                "dipendenti pubblici",
                "dipendente pubblico",
                "gestione pubblica",
                "gdp",
                "inpdap",
                "ex inpdap",
                "pubblic*",
            ],
        }
    }
}

vocabulary! {
/// A kind of request, as the protocols distinguish them.
pub enum Kind {
    /// A service request, not yet known to be online-only or not: the description decides
    /// (the L. 122/2010 lists, Milano §1.1, Torino §1.1).
    Domanda = "domanda" => ("domanda di servizio", "service request"),
    /// A service request that INPS made online-only (L. 122/2010).
    DomandaTelematizzata = "domanda-telematizzata" => (
        "domanda di servizio telematizzata",
        "online-only service request",
    ),
    /// A service request that is not online (Milano §1.2, Torino §1.2: by PEC).
    DomandaNonTelematizzata = "domanda-non-telematizzata" => (
        "domanda di servizio non telematizzata",
        "service request that is not online",
    ),
    /// Comunicazioni, invio documentazione, richieste di informazioni e chiarimenti.
    Comunicazione = "comunicazione" => (
        "comunicazione, invio di documenti o richiesta di chiarimenti",
        "communication, documents or request for clarification",
    ),
    /// A reminder about an earlier request, or an escalation when the answer is late.
    Sollecito = "sollecito" => ("sollecito", "reminder (sollecito)"),
    /// Communications and regularisations about the DURC.
    Durc = "durc" => ("comunicazione sul DURC", "DURC communication"),
    /// An appointment with an INPS official.
    Appuntamento = "appuntamento" => ("appuntamento", "appointment"),
    /// An urgent matter (Siena: PEC; ER: telephone).
    Urgente = "urgente" => ("segnalazione urgente", "urgent matter"),
    /// A question on the law (ER: only through the provincial Ordine).
    QuesitoNormativo = "quesito-normativo" => (
        "quesito normativo",
        "question on the law (quesito normativo)",
    ),
    /// An istanza di riesame of a denial (Milano H).
    Riesame = "riesame" => ("istanza di riesame", "request for review of a denial (riesame)"),
}
}

vocabulary! {
/// How an earlier request went, when the new one depends on it (solleciti, escalation,
/// appointments of the Gestione dipendenti pubblici).
#[derive(Default)]
pub enum Previous {
    /// No earlier request on this matter.
    #[default]
    Nessuna = "nessuna",
    /// An earlier request is waiting, its response time has not passed.
    InAttesa = "in-attesa",
    /// An earlier request got no answer within the response time (tempi soglia);
    /// `senza-risposta` is the widget's «senza risposta», the same outcome.
    Scaduta = "scaduta" | "senza-risposta",
    /// An earlier request was answered with outcome "non accolta".
    NonAccolta = "non-accolta",
    /// An earlier request was answered, but the answer is not exhaustive (Torino §2.6 B:
    /// "la risposta … non sia ritenuta esaustiva").
    NonEsaustiva = "non-esaustiva",
    /// An earlier request was answered and accepted.
    Accolta = "accolta",
}
}

impl Previous {
    /// Whether an answer arrived but does not settle the matter ("non accolta", "non
    /// esaustiva"): the reasons for a level B reminder other than lateness (Torino §2.6 B).
    pub fn answered_unsatisfactorily(self) -> bool {
        matches!(self, Previous::NonAccolta | Previous::NonEsaustiva)
    }
}

vocabulary! {
/// The level of an escalation (Milano §2 B–C, Torino §2.6 B–C); level A is the ordinary
/// channel itself.
pub enum Level {
    // Lower case is read too, as the serde alias accepted.
    /// Level B: the managers of the agencies.
    B = "B" | "b",
    /// Level C: the URP, with the customer-care manager.
    C = "C" | "c",
}
}

vocabulary! {
/// A channel to INPS.
pub enum Channel {
    /// www.inps.it, Servizi online (the online-only service requests).
    ServiziOnline = "servizi-online" => (
        "servizi online di www.inps.it",
        "the online services of www.inps.it",
    ),
    /// Posta elettronica certificata to the competent Direzione or Agenzia.
    Pec = "pec" => ("PEC", "certified e-mail (PEC)"),
    /// Comunicazione bidirezionale inside a cassetto previdenziale.
    Bidirezionale = "bidirezionale" => (
        "Comunicazione bidirezionale del cassetto",
        "the cassetto's Comunicazione bidirezionale",
    ),
    /// An institutional e-mail box (not certified).
    Email = "email" => ("e-mail istituzionale", "institutional e-mail"),
    /// Agenda appuntamenti inside a cassetto previdenziale.
    Agenda = "agenda" => (
        "Agenda appuntamenti del cassetto",
        "the cassetto's Agenda appuntamenti",
    ),
    /// The telephone.
    Telefono = "telefono" => ("telefono", "telephone"),
    /// Through the provincial Ordine (quesiti normativi in ER, appointments in Milano).
    Ordine = "ordine" => ("Ordine provinciale", "the provincial Ordine"),
    /// Escalation to the managers (level B) or the URP (level C).
    Escalation = "escalation" => ("sollecito ai livelli superiori", "escalation to higher levels"),
    /// The protocol names no channel for this case.
    Nessuno = "nessuno" => ("nessun canale indicato", "no channel given"),
}
}

impl Channel {
    /// Whether the channel is writing to an address (so that a subject line and a
    /// recipient apply).
    pub fn is_mail(self) -> bool {
        matches!(self, Channel::Pec | Channel::Email | Channel::Escalation)
    }
}

vocabulary! {
/// What a subject line must hold (Milano §2, Torino §2.5, Siena "Mail istituzionali").
pub enum SubjectPart {
    /// The codice fiscale of the contributor (or of the requester, for the DURC box).
    CodiceFiscale = "codice-fiscale",
    /// The matricola aziendale and/or the codice fiscale (Siena).
    CodiceFiscaleOMatricola = "codice-fiscale-o-matricola",
    /// The gestione previdenziale of the contributor.
    Gestione = "gestione",
    /// A short statement of the content ("sollecito rimborso", …).
    Contenuto = "contenuto",
}
}

vocabulary! {
/// What an appointment booking must hold (Torino §3.1).
pub enum BookingPart {
    /// The codice fiscale of the company as "richiedente".
    Richiedente = "richiedente",
    /// In the notes: what identifies the contributor (codice fiscale, matricola aziendale).
    Identificativi = "identificativi",
    /// The gestione previdenziale of the contributor.
    Gestione = "gestione",
    /// The object with the act's identifiers (numero cartella, avviso with period) and what
    /// is asked.
    AttoEOggetto = "atto-e-oggetto",
    /// A detailed description of the problem (Siena, ER, Milano §3.1).
    Dettaglio = "dettaglio",
}
}

vocabulary! {
/// What an escalation must carry to be handled (Milano §2 B–D, Torino §2.6 B–D).
pub enum Requirement {
    /// The codice fiscale of the contributor.
    CodiceFiscale = "codice-fiscale",
    /// The matricola aziendale (aziende con dipendenti).
    Matricola = "matricola",
    /// What identifies the unanswered communication (protocol of the bidirezionale, date
    /// of the e-mail).
    Riferimento = "riferimento",
    /// A copy of the unanswered cassetto messages (Milano §2 C).
    CopiaCassetti = "copia-cassetti",
}
}

vocabulary! {
/// Working or calendar days.
pub enum DayUnit {
    /// "giorni lavorativi": Monday–Friday, minus public holidays.
    Lavorativi = "lavorativi",
    /// Calendar days (the document says "giorni" or "gg" without "lavorativi").
    Calendario = "calendario",
}
}

vocabulary! {
/// The response times and deadlines a profile sets, for the timeline.
pub enum TermKind {
    /// Maximum time for INPS to answer (Milano §2 A, Torino §2.6 A: 7 working days).
    Risposta = "risposta",
    /// Maximum time for INPS to answer on the DURC (Milano §2 A: 5 working days).
    RispostaDurc = "risposta-durc",
    /// The whole process from the first contact (Milano §2 E, Torino §2.6 E: 20 working days).
    Processo = "processo",
    /// The intermediary answers INPS's requests (Milano §2 F: 7 working days).
    IntermediarioRisposta = "intermediario-risposta",
    /// The intermediary fixes DURC anomalies (Siena "DURC": 4 days).
    IntermediarioDurc = "intermediario-durc",
    /// The intermediary fixes anomalies of istanze (Siena "ISTANZE": 4 days).
    IntermediarioIstanze = "intermediario-istanze",
    /// An appointment is fixed within (ER: 10 days from the request).
    Appuntamento = "appuntamento",
    /// An INPS operator calls back within (ER: the next working day).
    Richiamata = "richiamata",
    /// The provincial Direzione answers a quesito normativo (ER: 10 working days).
    QuesitoProvinciale = "quesito-provinciale",
    /// The regional Direzione answers a quesito normativo (ER: 5 working days).
    QuesitoRegionale = "quesito-regionale",
    /// INPS sends the preavviso di accertamento after a negative DURC (Milano §2 I: 3 days).
    PreavvisoDurc = "preavviso-durc",
    /// INPS answers the consultant's reply to the preavviso (Milano §2 I: 5 days).
    RispostaPreavvisoDurc = "risposta-preavviso-durc",
}
}

vocabulary! {
/// Days of the week, for telephone hours.
#[allow(missing_docs)]
pub enum Weekday {
    Lun = "lun",
    Mar = "mar",
    Mer = "mer",
    Gio = "gio",
    Ven = "ven",
    Sab = "sab",
    Dom = "dom",
}
}

impl Weekday {
    /// The chrono weekday.
    pub fn chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Lun => chrono::Weekday::Mon,
            Weekday::Mar => chrono::Weekday::Tue,
            Weekday::Mer => chrono::Weekday::Wed,
            Weekday::Gio => chrono::Weekday::Thu,
            Weekday::Ven => chrono::Weekday::Fri,
            Weekday::Sab => chrono::Weekday::Sat,
            Weekday::Dom => chrono::Weekday::Sun,
        }
    }
}

vocabulary! {
/// Certified or plain mailbox.
pub enum MailboxKind {
    /// Posta elettronica certificata.
    Pec = "pec",
    /// Plain e-mail.
    Email = "email",
}
}

vocabulary! {
/// Severity of a note.
pub enum NoteSeverity {
    /// Blocks: the request would not be handled.
    Error = "error",
    /// Something to fix or check.
    Warning = "warning",
    /// Something to know.
    Info = "info",
}
}

vocabulary! {
/// Who must meet a term.
pub enum Party {
    /// INPS.
    Inps = "inps",
    /// The intermediary (or the contributor).
    Intermediario = "intermediario",
}
}
