//! The names a profile's JSON writes each closed vocabulary with: the first name of a value
//! is its id (the name it is written with to JS); later ones are accepted spellings (Level's
//! lower case, the widget's «senza risposta»).

use super::{
    BookingPart, Channel, DayUnit, Gestione, Kind, Level, MailboxKind, NoteSeverity, Party,
    Previous, Requirement, SubjectPart, TermKind, Weekday,
};

/// The closed vocabularies, by the names the JSON writes them with (as they are serialized).
pub(super) trait Named: Copy + 'static {
    const NAMES: &'static [(&'static str, Self)];
}

impl Named for Gestione {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("aziende-dm", Gestione::AziendeDm),
        ("committenti-gs", Gestione::CommittentiGs),
        ("liberi-professionisti", Gestione::LiberiProfessionisti),
        ("artigiani-commercianti", Gestione::ArtigianiCommercianti),
        ("agricoli", Gestione::Agricoli),
        ("domestici", Gestione::Domestici),
        ("sport-spettacolo", Gestione::SportSpettacolo),
        ("dipendenti-pubblici", Gestione::DipendentiPubblici),
    ];
}

impl Named for Kind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("domanda", Kind::Domanda),
        ("domanda-telematizzata", Kind::DomandaTelematizzata),
        ("domanda-non-telematizzata", Kind::DomandaNonTelematizzata),
        ("comunicazione", Kind::Comunicazione),
        ("sollecito", Kind::Sollecito),
        ("durc", Kind::Durc),
        ("appuntamento", Kind::Appuntamento),
        ("urgente", Kind::Urgente),
        ("quesito-normativo", Kind::QuesitoNormativo),
        ("riesame", Kind::Riesame),
    ];
}

impl Named for Previous {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("nessuna", Previous::Nessuna),
        ("in-attesa", Previous::InAttesa),
        ("scaduta", Previous::Scaduta),
        ("non-accolta", Previous::NonAccolta),
        ("non-esaustiva", Previous::NonEsaustiva),
        ("accolta", Previous::Accolta),
        // The widget's «senza risposta»: no answer within the response time.
        ("senza-risposta", Previous::Scaduta),
    ];
}

impl Named for Level {
    // Lower case too, as the serde alias accepted.
    const NAMES: &'static [(&'static str, Self)] = &[
        ("B", Level::B),
        ("C", Level::C),
        ("b", Level::B),
        ("c", Level::C),
    ];
}

impl Named for Channel {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("servizi-online", Channel::ServiziOnline),
        ("pec", Channel::Pec),
        ("bidirezionale", Channel::Bidirezionale),
        ("email", Channel::Email),
        ("agenda", Channel::Agenda),
        ("telefono", Channel::Telefono),
        ("ordine", Channel::Ordine),
        ("escalation", Channel::Escalation),
        ("nessuno", Channel::Nessuno),
    ];
}

impl Named for SubjectPart {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("codice-fiscale", SubjectPart::CodiceFiscale),
        (
            "codice-fiscale-o-matricola",
            SubjectPart::CodiceFiscaleOMatricola,
        ),
        ("gestione", SubjectPart::Gestione),
        ("contenuto", SubjectPart::Contenuto),
    ];
}

impl Named for BookingPart {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("richiedente", BookingPart::Richiedente),
        ("identificativi", BookingPart::Identificativi),
        ("gestione", BookingPart::Gestione),
        ("atto-e-oggetto", BookingPart::AttoEOggetto),
        ("dettaglio", BookingPart::Dettaglio),
    ];
}

impl Named for Requirement {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("codice-fiscale", Requirement::CodiceFiscale),
        ("matricola", Requirement::Matricola),
        ("riferimento", Requirement::Riferimento),
        ("copia-cassetti", Requirement::CopiaCassetti),
    ];
}

impl Named for DayUnit {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("lavorativi", DayUnit::Lavorativi),
        ("calendario", DayUnit::Calendario),
    ];
}

impl Named for TermKind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("risposta", TermKind::Risposta),
        ("risposta-durc", TermKind::RispostaDurc),
        ("processo", TermKind::Processo),
        ("intermediario-risposta", TermKind::IntermediarioRisposta),
        ("intermediario-durc", TermKind::IntermediarioDurc),
        ("intermediario-istanze", TermKind::IntermediarioIstanze),
        ("appuntamento", TermKind::Appuntamento),
        ("richiamata", TermKind::Richiamata),
        ("quesito-provinciale", TermKind::QuesitoProvinciale),
        ("quesito-regionale", TermKind::QuesitoRegionale),
        ("preavviso-durc", TermKind::PreavvisoDurc),
        ("risposta-preavviso-durc", TermKind::RispostaPreavvisoDurc),
    ];
}

impl Named for Weekday {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("lun", Weekday::Lun),
        ("mar", Weekday::Mar),
        ("mer", Weekday::Mer),
        ("gio", Weekday::Gio),
        ("ven", Weekday::Ven),
        ("sab", Weekday::Sab),
        ("dom", Weekday::Dom),
    ];
}

impl Named for MailboxKind {
    const NAMES: &'static [(&'static str, Self)] =
        &[("pec", MailboxKind::Pec), ("email", MailboxKind::Email)];
}

impl Named for NoteSeverity {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("error", NoteSeverity::Error),
        ("warning", NoteSeverity::Warning),
        ("info", NoteSeverity::Info),
    ];
}

impl Named for Party {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("inps", Party::Inps),
        ("intermediario", Party::Intermediario),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names read are the names written to JS: the first name of each value is its
    /// serialization (later ones are accepted spellings, like Level's lower case).
    fn same_as_serialized<T: Named + serde::Serialize + PartialEq + crate::wire::ToWire>() {
        for (name, value) in T::NAMES {
            let first = T::NAMES.iter().find(|(_, v)| v == value).map(|(n, _)| *n);
            let written = serde_json::to_value(value).unwrap();
            assert_eq!(written.as_str(), first, "{name}");
            assert_eq!(
                value.to_wire(),
                serde_json::to_string(value).unwrap(),
                "{name}"
            );
        }
    }

    #[test]
    fn vocabularies_read_what_they_write() {
        same_as_serialized::<Gestione>();
        same_as_serialized::<Kind>();
        same_as_serialized::<Previous>();
        same_as_serialized::<Level>();
        same_as_serialized::<Channel>();
        same_as_serialized::<SubjectPart>();
        same_as_serialized::<BookingPart>();
        same_as_serialized::<Requirement>();
        same_as_serialized::<DayUnit>();
        same_as_serialized::<TermKind>();
        same_as_serialized::<Weekday>();
        same_as_serialized::<MailboxKind>();
        same_as_serialized::<Party>();
        // Every value has a name (NoteSeverity is not serialized: check its count).
        assert_eq!(Gestione::NAMES.len(), Gestione::ALL.len());
        assert_eq!(Kind::NAMES.len(), Kind::ALL.len());
        assert_eq!(NoteSeverity::NAMES.len(), 3);
    }
}
