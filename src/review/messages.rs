//! The words of the review: every problem the review of a draft and the subject composer
//! report. The checks only say which [`Problem`] they met; this module gives its code,
//! severity and field, and renders it in the language asked for, and only in that one (the
//! texts, Italian and English side by side in one `match`, are in `messages/text.rs`).

use chrono::NaiveDate;

use crate::catalog::profile::{Channel, Gestione, SubjectPart};
use crate::catalog::titolario::{TempoSoglia, Unit};
use crate::field::{Field, FormField};
use crate::finding::{Finding, Lang, Severity};

use super::proposal::Proposal;

mod text;

/// What the review met, with the data the message needs.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Problem<'a> {
    // The draft as a whole (mod.rs).
    DescriptionCut,
    /// The codice fiscale fails its check: `reason` is the engine's first one, already in
    /// the language asked for.
    CfInvalid {
        cf: &'a str,
        reason: &'a str,
    },
    /// The matricola's form: the engine's reason, already in the language asked for.
    MatricolaFormat {
        reason: &'a str,
    },
    UnknownChannel {
        channel: &'a str,
    },
    CassettoWrong {
        name: &'a str,
        chosen: &'a str,
    },
    SenderInvalid {
        sender: &'a str,
    },
    SenderNotPec,

    // The channel (channel.rs). `why` is the route's, already in the language asked for.
    OnlineOnly {
        label: Option<&'a str>,
        chosen: Channel,
    },
    PecUrgentOnly,
    ResidualNotAllowed {
        best: &'a str,
    },
    Residual,
    UseCassetto {
        agenda: bool,
        name: &'a str,
        menu: Option<&'a str>,
        chosen: Channel,
        why: &'a str,
    },
    UseOrdine {
        chosen: Channel,
        why: &'a str,
    },
    ChannelOther {
        route: Channel,
        chosen: Channel,
        why: &'a str,
    },

    // Appointments and escalations (booking.rs).
    AppointmentVague {
        words: usize,
    },
    BookingCfMissing,
    BookingMatricolaMissing,
    AppointmentNoAct,
    AppointmentNamedOfficial,
    AppointmentNotFor,
    EscalationCfMissing,
    EscalationMatricolaMissing,
    EscalationReferenceMissing,
    EscalationAttach,

    // The object of the titolario (objects.rs). `best`: the object that fits best.
    /// The list of the cassetto is not in the documents (`object`: the one chosen, if read).
    TitolarioUnknown {
        cassetto: &'a str,
        object: Option<&'a str>,
    },
    TitolarioSeeAlso {
        cassetto: &'a str,
        name: &'a str,
        name_en: &'a str,
    },
    ObjectMissing {
        best: Option<&'a Proposal>,
    },
    ObjectUnknown {
        object: &'a str,
        cassetto: &'a str,
        best: Option<&'a Proposal>,
    },
    ObjectNotYet {
        object: &'a str,
        from: NaiveDate,
        best: Option<&'a Proposal>,
    },
    ObjectRemoved {
        object: &'a str,
        on: NaiveDate,
        best: Option<&'a Proposal>,
    },
    GenericEliminated {
        object: &'a str,
        best: Option<&'a Proposal>,
    },
    ObjectLegacy {
        object: &'a str,
        best: Option<&'a Proposal>,
    },
    ObjectEliminated {
        object: &'a str,
        best: Option<&'a Proposal>,
    },
    GenericObject {
        object: &'a str,
        best: &'a Proposal,
    },
    GenericUnchecked {
        cassetto: &'a str,
        object: &'a str,
    },
    GenericNoDescription {
        object: &'a str,
    },
    GenericOk {
        object: &'a str,
    },
    ObjectOtherFits {
        object: &'a str,
        best: &'a Proposal,
    },
    TempoSoglia {
        object: &'a str,
        soglia: TempoSoglia,
    },

    // The recipient (recipient.rs); `a` is the address as read.
    RecipientInvalid {
        raw: &'a str,
    },
    RecipientDead {
        a: &'a str,
        pattern: &'a str,
    },
    EscalationFirstContact {
        a: &'a str,
        level: &'a str,
    },
    EscalationOutdated {
        a: &'a str,
        level: &'a str,
        replaced_on: Option<NaiveDate>,
    },
    EscalationSede {
        a: &'a str,
        level: &'a str,
    },
    RecipientWrong {
        box_: &'a str,
        addresses: &'a str,
    },
    /// An official's own box: an error where the protocol says they are not read.
    RecipientPersonal {
        a: &'a str,
        not_read: bool,
    },
    RecipientNotListed {
        a: &'a str,
    },
    RecipientUnknown {
        a: &'a str,
    },
    RecipientNotInps {
        a: &'a str,
    },
    RecipientNotPec {
        a: &'a str,
    },

    // The subject line (subject.rs).
    SubjectMissing {
        parts: &'a [SubjectPart],
    },
    SubjectCfInvalid {
        cf: &'a str,
    },
    SubjectCfMissing,
    SubjectCfDifferent {
        found: &'a str,
        cf: &'a str,
    },
    SubjectIdMissing,
    SubjectGestioneMissing {
        example: Gestione,
    },
    SubjectGestioneOther {
        named: &'a str,
        gestione: Gestione,
    },
    SubjectContentMissing,
    SubjectPrefix {
        prefix: &'a str,
    },
    SubjectLong,

    // The subject composer (subject.rs, `compose_subject`).
    ComposeCfInvalid {
        cf: &'a str,
    },
    ComposeCfMissing,
    ComposeMatricolaFormat {
        matricola: &'a str,
    },
    ComposeUnknownGestione {
        gestione: &'a str,
    },
    ComposeGestioneMissing,
    ComposeContentMissing,
    ComposeContentShortened,
}

impl Problem<'_> {
    /// The stable code.
    pub(crate) fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            DescriptionCut => "review.description-cut",
            CfInvalid { .. } => "review.cf-invalid",
            MatricolaFormat { .. } => "review.matricola-format",
            UnknownChannel { .. } => "review.unknown-channel",
            CassettoWrong { .. } => "review.cassetto-wrong",
            SenderInvalid { .. } => "review.sender-invalid",
            SenderNotPec => "review.sender-not-pec",
            OnlineOnly { .. } => "review.online-only",
            PecUrgentOnly => "review.pec-urgent-only",
            ResidualNotAllowed { .. } => "review.residual-not-allowed",
            Residual => "review.residual",
            UseCassetto { agenda: true, .. } => "review.use-agenda",
            UseCassetto { agenda: false, .. } => "review.use-bidirezionale",
            UseOrdine { .. } => "review.use-ordine",
            ChannelOther { .. } => "review.channel-other",
            AppointmentVague { .. } => "review.appointment-vague",
            BookingCfMissing => "review.booking-cf-missing",
            BookingMatricolaMissing => "review.booking-matricola-missing",
            AppointmentNoAct => "review.appointment-no-act",
            AppointmentNamedOfficial => "review.appointment-named-official",
            AppointmentNotFor => "review.appointment-not-for",
            EscalationCfMissing => "review.escalation-cf-missing",
            EscalationMatricolaMissing => "review.escalation-matricola-missing",
            EscalationReferenceMissing => "review.escalation-reference-missing",
            EscalationAttach => "review.escalation-attach",
            TitolarioUnknown { .. } => "review.titolario-unknown",
            TitolarioSeeAlso { .. } => "review.titolario-see-also",
            ObjectMissing { .. } => "review.object-missing",
            ObjectUnknown { .. } => "review.object-unknown",
            ObjectNotYet { .. } => "review.object-not-yet",
            ObjectRemoved { .. } => "review.object-removed",
            GenericEliminated { .. } => "review.generic-eliminated",
            ObjectLegacy { .. } => "review.object-legacy",
            ObjectEliminated { .. } => "review.object-eliminated",
            GenericObject { .. } => "review.generic-object",
            GenericUnchecked { .. } => "review.generic-unchecked",
            GenericNoDescription { .. } => "review.generic-no-description",
            GenericOk { .. } => "review.generic-ok",
            ObjectOtherFits { .. } => "review.object-other-fits",
            TempoSoglia { .. } => "review.tempo-soglia",
            RecipientInvalid { .. } => "review.recipient-invalid",
            RecipientDead { .. } => "review.recipient-dead",
            EscalationFirstContact { .. } => "review.recipient-escalation-first-contact",
            EscalationOutdated { .. } => "review.recipient-escalation-outdated",
            EscalationSede { .. } => "review.recipient-escalation-sede",
            RecipientWrong { .. } => "review.recipient-wrong",
            RecipientPersonal { .. } => "review.recipient-personal",
            RecipientNotListed { .. } => "review.recipient-not-listed",
            RecipientUnknown { .. } => "review.recipient-unknown",
            RecipientNotInps { .. } => "review.recipient-not-inps",
            RecipientNotPec { .. } => "review.recipient-not-pec",
            SubjectMissing { .. } => "review.subject-missing",
            SubjectCfInvalid { .. } => "review.subject-cf-invalid",
            SubjectCfMissing => "review.subject-cf-missing",
            SubjectCfDifferent { .. } => "review.subject-cf-different",
            SubjectIdMissing => "review.subject-id-missing",
            SubjectGestioneMissing { .. } => "review.subject-gestione-missing",
            SubjectGestioneOther { .. } => "review.subject-gestione-other",
            SubjectContentMissing => "review.subject-content-missing",
            SubjectPrefix { .. } => "review.subject-prefix",
            SubjectLong => "review.subject-long",
            ComposeCfInvalid { .. } => "subject.cf-invalid",
            ComposeCfMissing => "subject.cf-missing",
            ComposeMatricolaFormat { .. } => "subject.matricola-format",
            ComposeUnknownGestione { .. } => "subject.unknown-gestione",
            ComposeGestioneMissing => "subject.gestione-missing",
            ComposeContentMissing => "subject.content-missing",
            ComposeContentShortened => "subject.content-shortened",
        }
    }

    fn severity(&self) -> Severity {
        use Problem::*;
        match self {
            DescriptionCut
            | Residual
            | EscalationAttach
            | TitolarioUnknown { .. }
            | TitolarioSeeAlso { .. }
            | GenericUnchecked { .. }
            | GenericOk { .. }
            | ObjectOtherFits { .. }
            | TempoSoglia { .. }
            | ComposeContentShortened => Severity::Info,
            MatricolaFormat { .. }
            | UnknownChannel { .. }
            | SenderInvalid { .. }
            | SenderNotPec
            | PecUrgentOnly
            | ChannelOther { .. }
            | AppointmentVague { .. }
            | BookingMatricolaMissing
            | AppointmentNoAct
            | AppointmentNamedOfficial
            | AppointmentNotFor
            | EscalationReferenceMissing
            | GenericObject { .. }
            | GenericNoDescription { .. }
            | EscalationSede { .. }
            | RecipientUnknown { .. }
            | RecipientNotInps { .. }
            | SubjectCfDifferent { .. }
            | SubjectGestioneOther { .. }
            | SubjectPrefix { .. }
            | SubjectLong
            | ComposeMatricolaFormat { .. } => Severity::Warning,
            RecipientPersonal { not_read, .. } => {
                if *not_read {
                    Severity::Error
                } else {
                    Severity::Warning
                }
            }
            _ => Severity::Error,
        }
    }

    /// The form field the finding marks.
    fn field(&self) -> Field {
        use Problem::*;
        match self {
            DescriptionCut
            | AppointmentVague { .. }
            | AppointmentNoAct
            | AppointmentNamedOfficial
            | GenericNoDescription { .. } => FormField::Descrizione.into(),
            CfInvalid { .. }
            | BookingCfMissing
            | EscalationCfMissing
            | ComposeCfInvalid { .. }
            | ComposeCfMissing => FormField::CodiceFiscale.into(),
            MatricolaFormat { .. }
            | BookingMatricolaMissing
            | EscalationMatricolaMissing
            | ComposeMatricolaFormat { .. } => FormField::Matricola.into(),
            UnknownChannel { .. }
            | OnlineOnly { .. }
            | PecUrgentOnly
            | ResidualNotAllowed { .. }
            | Residual
            | UseCassetto { .. }
            | UseOrdine { .. }
            | ChannelOther { .. } => Field::input("canale"),
            CassettoWrong { .. } | ComposeUnknownGestione { .. } | ComposeGestioneMissing => {
                FormField::Gestione.into()
            }
            SenderInvalid { .. } | SenderNotPec => FormField::Mittente.into(),
            AppointmentNotFor => FormField::Tipo.into(),
            EscalationReferenceMissing => Field::input("riferimento"),
            EscalationAttach => Field::input("allegati"),
            TitolarioUnknown { .. }
            | TitolarioSeeAlso { .. }
            | ObjectMissing { .. }
            | ObjectUnknown { .. }
            | ObjectNotYet { .. }
            | ObjectRemoved { .. }
            | GenericEliminated { .. }
            | ObjectLegacy { .. }
            | ObjectEliminated { .. }
            | GenericObject { .. }
            | GenericUnchecked { .. }
            | GenericOk { .. }
            | ObjectOtherFits { .. }
            | TempoSoglia { .. } => FormField::Oggetto.into(),
            RecipientInvalid { .. }
            | RecipientDead { .. }
            | EscalationFirstContact { .. }
            | EscalationOutdated { .. }
            | EscalationSede { .. }
            | RecipientWrong { .. }
            | RecipientPersonal { .. }
            | RecipientNotListed { .. }
            | RecipientUnknown { .. }
            | RecipientNotInps { .. }
            | RecipientNotPec { .. } => FormField::Destinatario.into(),
            SubjectMissing { .. }
            | SubjectCfInvalid { .. }
            | SubjectCfMissing
            | SubjectCfDifferent { .. }
            | SubjectIdMissing
            | SubjectGestioneMissing { .. }
            | SubjectGestioneOther { .. }
            | SubjectContentMissing
            | SubjectPrefix { .. }
            | SubjectLong => FormField::OggettoEmail.into(),
            ComposeContentMissing | ComposeContentShortened => Field::input("content"),
        }
    }

    /// The finding, in `lang`: code, severity, message and the field it marks. The caller
    /// adds the source and the suggestion.
    pub(crate) fn finding(&self, lang: Lang) -> Finding {
        Finding::new(self.code(), self.severity(), self.message(lang)).field(self.field())
    }
}

/// One example finding for every code the review and the subject composer can emit, with
/// realistic data: the list of codes portals program against (`docs/findings.md`).
pub fn examples(lang: Lang) -> Vec<Finding> {
    use Problem::*;
    let best = Proposal {
        object: "rimborsi".into(),
        label: "Rimborsi/compensazioni DMP/RTP/DMVpassivi".into(),
        classe: "Contributi".into(),
        label_en: "Refunds/offsets DMP/RTP/DMVpassivi".into(),
        score: 30,
        matched: vec!["rimborso".into(), "f24".into()],
        tempo_soglia: None,
    };
    let b = Some(&best);
    let day = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default();
    let a = "mario.rossi@inps.it";
    let cassetto = "Cassetto previdenziale aziende";
    let generic = "Non specificato";
    let bidirezionale = Channel::Bidirezionale;
    let why = "Torino 003 §2.1: la Comunicazione bidirezionale è il canale per le aziende con dipendenti.";
    let parts = [
        SubjectPart::CodiceFiscale,
        SubjectPart::Gestione,
        SubjectPart::Contenuto,
    ];
    [
        DescriptionCut,
        CfInvalid {
            cf: "RSSMRA80A01H501X",
            reason: "il carattere di controllo non corrisponde.",
        },
        MatricolaFormat {
            reason: "La matricola aziendale INPS ha 10 cifre.",
        },
        UnknownChannel { channel: "fax" },
        CassettoWrong {
            name: cassetto,
            chosen: "artigiani",
        },
        SenderInvalid {
            sender: "mario.rossi",
        },
        SenderNotPec,
        OnlineOnly {
            label: Some("Assegno per il nucleo familiare"),
            chosen: Channel::Pec,
        },
        PecUrgentOnly,
        ResidualNotAllowed { best: &best.label },
        Residual,
        UseCassetto {
            agenda: false,
            name: cassetto,
            menu: Some("Comunicazione bidirezionale > Invio nuova comunicazione"),
            chosen: Channel::Pec,
            why,
        },
        UseCassetto {
            agenda: true,
            name: cassetto,
            menu: None,
            chosen: Channel::Email,
            why,
        },
        UseOrdine {
            chosen: Channel::Email,
            why,
        },
        ChannelOther {
            route: bidirezionale,
            chosen: Channel::Telefono,
            why,
        },
        AppointmentVague { words: 4 },
        BookingCfMissing,
        BookingMatricolaMissing,
        AppointmentNoAct,
        AppointmentNamedOfficial,
        AppointmentNotFor,
        EscalationCfMissing,
        EscalationMatricolaMissing,
        EscalationReferenceMissing,
        EscalationAttach,
        TitolarioUnknown {
            cassetto,
            object: Some("Rimborsi"),
        },
        TitolarioSeeAlso {
            cassetto,
            name: "Titolario aziende con dipendenti (Torino 2017)",
            name_en: "Titolario of employers (Torino 2017)",
        },
        ObjectMissing { best: b },
        ObjectUnknown {
            object: "Rimborso",
            cassetto,
            best: b,
        },
        ObjectNotYet {
            object: "Esonero contributivo",
            from: day,
            best: b,
        },
        ObjectRemoved {
            object: "Sgravi",
            on: day,
            best: b,
        },
        GenericEliminated {
            object: generic,
            best: b,
        },
        ObjectLegacy {
            object: "DM10 vigilanza",
            best: b,
        },
        ObjectEliminated {
            object: "Rateazioni",
            best: b,
        },
        GenericObject {
            object: generic,
            best: &best,
        },
        GenericUnchecked {
            cassetto,
            object: generic,
        },
        GenericNoDescription { object: generic },
        GenericOk { object: generic },
        ObjectOtherFits {
            object: "Contribuzione",
            best: &best,
        },
        TempoSoglia {
            object: &best.label,
            soglia: crate::catalog::titolario::TempoSoglia {
                days: 30,
                unit: Unit::WorkingDays,
            },
        },
        RecipientInvalid { raw: "mario.rossi" },
        RecipientDead {
            a: "anagraficaflussi.torino@inps.it",
            pattern: "*flussi.torino@inps.it",
        },
        EscalationFirstContact { a, level: "B" },
        EscalationOutdated {
            a,
            level: "C",
            replaced_on: Some(day),
        },
        EscalationSede { a, level: "B" },
        RecipientWrong {
            box_: "direzione.provinciale.torino@postacert.inps.gov.it",
            addresses: "direzione.provinciale.milano@postacert.inps.gov.it",
        },
        RecipientPersonal { a, not_read: true },
        RecipientNotListed {
            a: "urp.torino@inps.it",
        },
        RecipientUnknown {
            a: "urp.torino@inps.it",
        },
        RecipientNotInps {
            a: "info@example.it",
        },
        RecipientNotPec {
            a: "urp.torino@inps.it",
        },
        SubjectMissing { parts: &parts },
        SubjectCfInvalid {
            cf: "RSSMRA80A01H501X",
        },
        SubjectCfMissing,
        SubjectCfDifferent {
            found: "RSSMRA80A01H501U",
            cf: "VRDLGU75C12F205S",
        },
        SubjectIdMissing,
        SubjectGestioneMissing {
            example: Gestione::Domestici,
        },
        SubjectGestioneOther {
            named: "Lavoratori domestici",
            gestione: Gestione::AziendeDm,
        },
        SubjectContentMissing,
        SubjectPrefix {
            prefix: "Assistenza normativa",
        },
        SubjectLong,
        ComposeCfInvalid {
            cf: "RSSMRA80A01H501X",
        },
        ComposeCfMissing,
        ComposeMatricolaFormat { matricola: "12345" },
        ComposeUnknownGestione {
            gestione: "marziani",
        },
        ComposeGestioneMissing,
        ComposeContentMissing,
        ComposeContentShortened,
    ]
    .iter()
    .map(|p| p.finding(lang))
    .collect()
}
