//! The channel the draft is about to use, against the route: an online-only request sent by
//! mail, an e-mail where the cassetto's Comunicazione bidirezionale is exclusive, a
//! professional's quesito where the Ordine must ask, the residual box used for a topic the
//! titolario covers.

use crate::catalog::profile::Channel;
use crate::finding::{Finding, Lang};
use crate::routing::Route;

use super::messages::Problem;
use super::Proposal;

/// Reads the channel a draft says it uses (`"pec"`, `"bidirezionale"`, …) as every closed
/// vocabulary is read (`Channel::parse`: any case, spaces or underscores for hyphens, the
/// spellings the profiles accept); `nessuno` is no channel a draft can be sent by.
pub fn parse_channel(s: &str) -> Option<Channel> {
    Channel::parse(s).filter(|c| *c != Channel::Nessuno)
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
            let label = route
                .listed
                .as_ref()
                .filter(|l| l.online_only)
                .map(|l| l.label.clone());
            Problem::OnlineOnly {
                label: label.as_deref(),
                chosen,
            }
            .finding(lang)
        }
        // Siena 000: the bidirezionale is "il canale esclusivo" for the ordinary matters of
        // aziende DM, the PEC is "per segnalazioni urgenti" (issue 13): not a residual box.
        Channel::Bidirezionale | Channel::Agenda
            if chosen == Channel::Pec && recipient_is_alternative =>
        {
            let alt = route
                .alternatives
                .iter()
                .find(|a| a.channel == Channel::Pec);
            let alt_src = alt
                .and_then(|a| a.source.clone())
                .unwrap_or_else(|| src.clone());
            return Some(Problem::PecUrgentOnly.finding(lang).source(alt_src));
        }
        Channel::Bidirezionale | Channel::Agenda
            if chosen.is_mail() && recipient_is_alternative =>
        {
            return Some(match proposals.first() {
                Some(b) => Problem::ResidualNotAllowed { best: &b.label }
                    .finding(lang)
                    .suggest(b.label.clone())
                    .source(src),
                None => Problem::Residual.finding(lang).source(src),
            });
        }
        Channel::Bidirezionale | Channel::Agenda => {
            let (name, menu) = route
                .step
                .cassetto
                .as_ref()
                .map(|k| (k.name.clone(), k.menu.clone()))
                .unwrap_or_default();
            Problem::UseCassetto {
                agenda: rc == Channel::Agenda,
                name: &name,
                menu: menu.as_deref(),
                chosen,
                why,
            }
            .finding(lang)
        }
        Channel::Pec if chosen == Channel::Email => return None, // the recipient check says it precisely
        Channel::Ordine => Problem::UseOrdine { chosen, why }.finding(lang),
        Channel::Escalation if chosen.is_mail() => return None, // the recipient check says it
        Channel::Email if chosen == Channel::Pec => return None, // the recipient check says it
        Channel::Nessuno => return None,
        _ => Problem::ChannelOther {
            route: rc,
            chosen,
            why,
        }
        .finding(lang),
    };
    Some(f.source(src))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drafts_channel_is_read_as_every_vocabulary_is() {
        for (given, read) in [
            ("pec", Some(Channel::Pec)),
            (" PEC ", Some(Channel::Pec)),
            ("Servizi online", Some(Channel::ServiziOnline)),
            ("servizi_online", Some(Channel::ServiziOnline)),
            ("bidirezionale", Some(Channel::Bidirezionale)),
            ("nessuno", None),
            ("fax", None),
            ("", None),
        ] {
            assert_eq!(parse_channel(given), read, "{given:?}");
        }
    }
}
