//! The channel the draft is about to use, against the route: an online-only request sent by
//! mail, an e-mail where the cassetto's Comunicazione bidirezionale is exclusive, a
//! professional's quesito where the Ordine must ask, the residual box used for a topic the
//! titolario covers.

use crate::catalog::profile::Channel;
use crate::field::Field;
use crate::finding::{Finding, Lang};
use crate::routing::Route;

use super::Proposal;

/// Reads a channel id (`"pec"`, `"bidirezionale"`, …).
pub fn parse_channel(s: &str) -> Option<Channel> {
    let s = s.trim().to_ascii_lowercase();
    [
        Channel::ServiziOnline,
        Channel::Pec,
        Channel::Bidirezionale,
        Channel::Email,
        Channel::Agenda,
        Channel::Telefono,
        Channel::Ordine,
        Channel::Escalation,
    ]
    .into_iter()
    .find(|c| c.id() == s)
}

/// The finding when the draft's channel is not the route's, if it says something the
/// recipient check does not.
pub fn channel_mismatch(
    route: &Route,
    chosen: Channel,
    recipient_is_alternative: bool,
    proposals: &[Proposal],
    lang: Lang,
) -> Option<Finding> {
    let rc = route.step.channel;
    let src = route
        .step
        .source
        .clone()
        .unwrap_or_else(|| crate::finding::Source::new("", ""));
    // A way the route offers as an alternative for the same request is not a mismatch
    // (Milano 002 §2 I: the reply to a preavviso di accertamento goes «sia tramite cassetto
    // che tramite PEC»). Not where the route is the bidirezionale: there the alternatives are
    // restricted (Siena's urgent PEC, the residual box) and the arms below say how.
    if !matches!(rc, Channel::Bidirezionale | Channel::Agenda)
        && route
            .alternatives
            .iter()
            .any(|a| a.channel == chosen && (!chosen.is_mail() || recipient_is_alternative))
    {
        return None;
    }
    // The route's `why` is already in the requested language.
    let why = &route.step.why;
    let f = match rc {
        Channel::ServiziOnline => {
            let label = route.listed.as_ref().filter(|l| l.online_only).map(|l| l.label.clone());
            Finding::error(
                "review.online-only",
                match label {
                    Some(l) => lang.pick(
                        format!("«{l}» si presenta solo dai servizi online di www.inps.it (L. 122/2010): inviata con {} non sarebbe gestita.", chosen.label(Lang::It)),
                        format!("“{l}” can only be submitted through the online services of www.inps.it (L. 122/2010): sent by {} it would not be handled.", chosen.label(Lang::En)),
                    ),
                    None => lang.pick(
                        format!("Questa domanda si presenta solo dai servizi online di www.inps.it (L. 122/2010): inviata con {} non sarebbe gestita.", chosen.label(Lang::It)),
                        format!("This request can only be submitted through the online services of www.inps.it (L. 122/2010): sent by {} it would not be handled.", chosen.label(Lang::En)),
                    ),
                },
            )
            .field(Field::input("canale"))
        }
        // Siena 000: the bidirezionale is "il canale esclusivo" for the ordinary matters of
        // aziende DM, the PEC is "per segnalazioni urgenti" (issue 13): not a residual box.
        Channel::Bidirezionale | Channel::Agenda if chosen == Channel::Pec && recipient_is_alternative => {
            let alt = route.alternatives.iter().find(|a| a.channel == Channel::Pec);
            let alt_src = alt.and_then(|a| a.source.clone()).unwrap_or_else(|| src.clone());
            return Some(
                Finding::warning(
                    "review.pec-urgent-only",
                    lang.pick(
                        "La Comunicazione bidirezionale del cassetto è il canale esclusivo per la trattazione ordinaria delle pratiche; la PEC si usa per segnalazioni urgenti connesse a situazioni particolari (per esempio uno sgravio davanti a imminenti procedure esecutive, solleciti motivati di istanze). Se la richiesta non è urgente, inviala con la Comunicazione bidirezionale.",
                        "The cassetto's Comunicazione bidirezionale is the exclusive channel for ordinary matters; the PEC is for urgent reports in particular situations (for example a write-off before imminent enforcement, reasoned reminders about applications). If the request is not urgent, send it through the Comunicazione bidirezionale.",
                    ),
                )
                .field(Field::input("canale"))
                .source(alt_src),
            );
        }
        Channel::Bidirezionale | Channel::Agenda if chosen.is_mail() && recipient_is_alternative => {
            return Some(match proposals.first() {
                Some(b) => Finding::error(
                    "review.residual-not-allowed",
                    lang.pick(
                        format!("La casella e-mail si usa solo, in via residuale, per argomenti non previsti nel titolario; questa richiesta ha un oggetto nel cassetto: «{}». Inviala con la Comunicazione bidirezionale.", b.label),
                        format!("The e-mail box is only a last resort for topics outside the titolario; this request has an object in the cassetto: “{}”. Send it through the Comunicazione bidirezionale.", b.label),
                    ),
                )
                .field(Field::input("canale"))
                .suggest(b.label.clone())
                .source(src),
                None => Finding::info(
                    "review.residual",
                    lang.pick(
                        "La casella e-mail si usa solo in via residuale, per argomenti non previsti nel titolario del cassetto: se un oggetto del cassetto corrisponde, usa la Comunicazione bidirezionale.",
                        "The e-mail box is only a last resort, for topics outside the cassetto's titolario: if an object of the cassetto fits, use the Comunicazione bidirezionale.",
                    ),
                )
                .field(Field::input("canale"))
                .source(src),
            });
        }
        Channel::Bidirezionale | Channel::Agenda => {
            let (name, menu) = route.step.cassetto.as_ref().map(|k| (k.name.clone(), k.menu.clone())).unwrap_or_default();
            let menu = menu.map(|m| format!(" ({m})")).unwrap_or_default();
            let agenda = rc == Channel::Agenda;
            Finding::error(
                if agenda { "review.use-agenda" } else { "review.use-bidirezionale" },
                lang.pick(
                    format!(
                        "Questa richiesta va inviata con {} di «{name}»{menu}, non con {}. {why}",
                        if agenda { "l'Agenda appuntamenti" } else { "la Comunicazione bidirezionale" },
                        chosen.label(Lang::It)
                    ),
                    format!(
                        "This request goes through the {} of “{name}”{menu}, not by {}. {why}",
                        if agenda { "Agenda appuntamenti" } else { "Comunicazione bidirezionale" },
                        chosen.label(Lang::En)
                    ),
                ),
            )
            .field(Field::input("canale"))
        }
        Channel::Pec if chosen == Channel::Email => return None, // the recipient check says it precisely
        Channel::Ordine => Finding::error(
            "review.use-ordine",
            lang.pick(
                format!("Questa richiesta passa dall'Ordine provinciale, non da {}: rivolgiti al tuo Ordine. {}", chosen.label(Lang::It), why),
                format!("This request goes through the provincial Ordine, not by {}: contact your Ordine. {}", chosen.label(Lang::En), why),
            ),
        )
        .field(Field::input("canale")),
        Channel::Escalation if chosen.is_mail() => return None, // the recipient check says it
        Channel::Email if chosen == Channel::Pec => return None, // the recipient check says it
        Channel::Nessuno => return None,
        _ => Finding::warning(
            "review.channel-other",
            lang.pick(
                format!("Il protocollo indica {} per questa richiesta, non {}. {}", rc.label(Lang::It), chosen.label(Lang::It), why),
                format!("The protocol names {} for this request, not {}. {}", rc.label(Lang::En), chosen.label(Lang::En), why),
            ),
        )
        .field(Field::input("canale")),
    };
    Some(f.source(src))
}
