//! The recipient of an e-mail: is it a box that is read, and the right one for this case?
//! Torino §2.7: old institutional boxes (any NOMESEDE) and officials' personal boxes are not
//! read; Milano §2: only the boxes listed in the agreement are used; the escalation contacts
//! are for solleciti after the response time, not for a first contact.

use crate::field::FormField;
use chrono::NaiveDate;

use crate::catalog::profile::{self, Channel, Kind, MailboxKind, Profile, INPS_PEC_DOMAIN};
use crate::dates::clip;
use crate::finding::{Finding, Lang, Severity, Source};
use crate::routing::{Address, Route};

/// A recipient as typed: `mailto:`, a display name with `<…>`, spaces and case removed.
pub fn normalise(address: &str) -> String {
    let a = address.trim();
    let a = match (a.rfind('<'), a.rfind('>')) {
        (Some(i), Some(j)) if i < j => a.get(i + 1..j).unwrap_or(a),
        _ => a,
    };
    let a = a.trim();
    let a = a
        .strip_prefix("mailto:")
        .or_else(|| a.strip_prefix("MAILTO:"))
        .unwrap_or(a);
    a.trim().to_ascii_lowercase()
}

/// Whether the address is INPS's (plain or certified).
fn is_inps(a: &str) -> bool {
    a.ends_with("@inps.it") || a.ends_with(INPS_PEC_DOMAIN)
}

/// The first words of institutional boxes (`direzione`, `urp`, `anagraficaflussi`, …), from
/// every profile's data: a local part `name.surname` that does not start with one of these
/// is a person's box.
fn institutional_prefix(local: &str) -> bool {
    let first = local.split('.').next().unwrap_or("");
    profile::profiles().iter().any(|p| {
        p.all_mailboxes()
            .any(|(_, m)| prefix_of(&m.address) == first)
            || p.dead_mailboxes
                .iter()
                .any(|d| prefix_of(&d.pattern) == first)
            || p.escalation
                .iter()
                .flat_map(|e| e.lists.iter())
                .flat_map(|l| l.to.iter())
                .any(|c| !looks_personal(&c.address) && prefix_of(&c.address) == first)
    })
}

fn prefix_of(address: &str) -> String {
    address
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether `word` names a sede the way mailboxes do (`milanonord`, `torino`, `emiliaromagna`).
fn is_sede_word(word: &str) -> bool {
    profile::profiles().iter().any(|p| {
        p.sedi.iter().any(|s| s.id.replace('-', "") == word)
            || p.all_mailboxes()
                .any(|(_, m)| m.address.to_ascii_lowercase().split(['.', '@']).nth(1) == Some(word))
    })
}

/// `name.surname@inps.it`: two parts, the first made of letters, the second not a sede's
/// name (`info.milano@inps.it` is an office's box, if not a listed one).
fn looks_personal(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or("");
    let parts: Vec<&str> = local.split('.').collect();
    parts.len() == 2
        && parts.iter().all(|p| !p.is_empty())
        && parts
            .first()
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts.get(1).is_some_and(|p| {
            p.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && !is_sede_word(&p.to_ascii_lowercase())
        })
}

/// Where an escalation contact appears: (level, list start, still in the list on `date`).
struct ContactUse {
    level: &'static str,
    current: bool,
    current_for_sede: bool,
    replaced_on: Option<NaiveDate>,
    source: Source,
}

fn escalation_use(
    chain: &[&'static Profile],
    address: &str,
    date: NaiveDate,
    sede: Option<&str>,
) -> Option<ContactUse> {
    for p in chain {
        for e in &p.escalation {
            let level = if e.level == profile::Level::B {
                "B"
            } else {
                "C"
            };
            let current = p.escalation_list(e.level, date);
            for l in &e.lists {
                let hit =
                    l.to.iter()
                        .chain(l.cc.iter())
                        .find(|c| c.address.eq_ignore_ascii_case(address));
                let Some(_) = hit else { continue };
                let in_current = current.and_then(|cl| {
                    cl.to
                        .iter()
                        .chain(cl.cc.iter())
                        .find(|c| c.address.eq_ignore_ascii_case(address))
                });
                let for_sede = in_current.is_some_and(|c| {
                    sede.is_none_or(|s| c.sedi.is_empty() || c.sedi.iter().any(|x| x == s))
                });
                let replaced_on = if in_current.is_none() {
                    e.lists
                        .iter()
                        .map(|x| x.from)
                        .filter(|f| *f > l.from && *f <= date)
                        .min()
                } else {
                    None
                };
                return Some(ContactUse {
                    level,
                    current: in_current.is_some(),
                    current_for_sede: for_sede,
                    replaced_on,
                    source: current
                        .map(|c| c.source.clone())
                        .unwrap_or_else(|| l.source.clone()),
                });
            }
        }
    }
    None
}

/// Checks the recipient against the route. `chain` is the profile and those it inherits.
#[allow(clippy::too_many_arguments)]
pub fn check(
    raw: &str,
    route: &Route,
    chain: &[&'static Profile],
    kind: Option<Kind>,
    date: NaiveDate,
    sede: Option<&str>,
    lang: Lang,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let a = normalise(raw);
    let field = FormField::Destinatario;
    let first_address = route.step.addresses.first().map(|x| x.address.clone());
    let with_suggestion = |f: Finding| match &first_address {
        Some(s) => f.suggest(s.clone()),
        None => f,
    };
    if !profile::is_email(&a) {
        out.push(
            Finding::error(
                "review.recipient-invalid",
                lang.pick(
                    format!(
                        "«{}» non è un indirizzo e-mail: scrivilo come nome@dominio.it.",
                        clip(raw.trim())
                    ),
                    format!(
                        "“{}” is not an e-mail address: write it as name@domain.it.",
                        clip(raw.trim())
                    ),
                ),
            )
            .field(field),
        );
        return out;
    }
    let Some(main) = chain.first() else {
        return out;
    };
    let channel = route.step.channel;

    // Old boxes that are no longer read (Torino §2.7).
    if let Some(dead) = chain
        .iter()
        .flat_map(|p| p.dead_mailboxes.iter())
        .find(|d| d.matches(&a))
    {
        out.push(with_suggestion(
            Finding::error(
                "review.recipient-dead",
                lang.pick(
                    format!("La casella {a} è tra le vecchie e-mail istituzionali ({}) che non sono più prese in carico: la richiesta non avrebbe seguito. Usa il canale indicato.", dead.pattern),
                    format!("{a} is one of the old institutional boxes ({}) that are no longer read: the request would get no reply. Use the channel shown.", dead.pattern),
                ),
            )
            .field(field)
            .source(dead.source.clone()),
        ));
        return out;
    }

    // Escalation contacts.
    if let Some(u) = escalation_use(chain, &a, date, sede) {
        let level = u.level;
        let problem = if kind != Some(Kind::Sollecito) || channel != Channel::Escalation {
            Some((
                "review.recipient-escalation-first-contact",
                Severity::Error,
                format!("{a} è un contatto per i solleciti di livello {level}: si scrive lì solo quando la risposta tarda oltre il tempo garantito. Per il primo contatto usa il canale indicato."),
                format!("{a} is a level {level} escalation contact: write there only when the answer is later than the guaranteed time. For the first contact use the channel shown."),
            ))
        } else if !u.current {
            let (it_when, en_when) = match u.replaced_on {
                Some(d) => (
                    format!(" dal {}", crate::dates::it(d)),
                    format!(" on {}", crate::dates::iso(d)),
                ),
                None => (String::new(), String::new()),
            };
            Some((
                "review.recipient-escalation-outdated",
                Severity::Error,
                format!("{a} non è più nell'elenco dei contatti di livello {level}: l'elenco è stato sostituito{it_when}. Scrivi al contatto indicato per la tua sede."),
                format!("{a} is no longer in the level {level} contact list: the list was replaced{en_when}. Write to the contact shown for your office."),
            ))
        } else if !u.current_for_sede {
            Some((
                "review.recipient-escalation-sede",
                Severity::Warning,
                format!("{a} è il contatto di livello {level} di un'altra sede: scrivi a quello della sede competente."),
                format!("{a} is the level {level} contact of another office: write to the competent office's one."),
            ))
        } else {
            None
        };
        if let Some((code, severity, it, en)) = problem {
            out.push(with_suggestion(
                Finding::new(code, severity, lang.pick(it, en))
                    .field(field)
                    .source(u.source),
            ));
        }
        return out;
    }

    let in_route = |addrs: &[Address]| {
        addrs.iter().any(|x| {
            x.address.eq_ignore_ascii_case(&a)
                || main.mailbox(&a).is_some_and(|(_, m)| m.is(&x.address))
        })
    };
    let listed = chain.iter().find_map(|p| p.mailbox(&a));
    let policy = chain.iter().find_map(|p| p.mailbox_policy.as_ref());

    match listed {
        Some((_, m)) => {
            let right = in_route(&route.step.addresses) || in_route(&route.step.cc);
            let alternative = route.alternatives.iter().any(|s| in_route(&s.addresses));
            if channel.is_mail() && !route.step.addresses.is_empty() && !right && !alternative {
                out.push(with_suggestion(
                    Finding::error(
                        "review.recipient-wrong",
                        lang.pick(
                            format!(
                                "{} non è la casella per questa richiesta: scrivi a {}.",
                                m.address,
                                addresses(&route.step.addresses)
                            ),
                            format!(
                                "{} is not the box for this request: write to {}.",
                                m.address,
                                addresses(&route.step.addresses)
                            ),
                        ),
                    )
                    .field(field)
                    .source(
                        route
                            .step
                            .source
                            .clone()
                            .unwrap_or_else(|| m.source.clone()),
                    ),
                ));
            }
            if channel == Channel::Pec && m.kind != MailboxKind::Pec && !alternative {
                out.push(with_suggestion(not_pec(&a, route, lang)));
            }
        }
        None if is_inps(&a) => {
            if channel == Channel::Pec && !a.ends_with(INPS_PEC_DOMAIN) {
                out.push(with_suggestion(not_pec(&a, route, lang)));
            }
            let local = a.split('@').next().unwrap_or("");
            if a.ends_with("@inps.it") && looks_personal(&a) && !institutional_prefix(local) {
                let src = policy
                    .map(|p| p.source.clone())
                    .unwrap_or_else(|| crate::routing::doc_source(main));
                let read = policy.is_some_and(|p| p.personal_not_read);
                out.push(with_suggestion(
                    Finding::new(
                        "review.recipient-personal",
                        if read { Severity::Error } else { Severity::Warning },
                        lang.pick(
                            format!("{a} sembra la casella personale di un funzionario: le caselle dei singoli operatori non sono prese in carico. Usa il canale indicato."),
                            format!("{a} looks like an official's personal box: individual officials' boxes are not read. Use the channel shown."),
                        ),
                    )
                    .field(field)
                    .source(src),
                ));
            } else if policy.is_some_and(|p| p.listed_only) {
                out.push(with_suggestion(
                    Finding::error(
                        "review.recipient-not-listed",
                        lang.pick(
                            format!("{a} non è tra le caselle indicate nel protocollo: le richieste inviate ad altre caselle non sono prese in considerazione. Usa il canale indicato."),
                            format!("{a} is not among the boxes the protocol lists: requests sent to other boxes are not considered. Use the channel shown."),
                        ),
                    )
                    .field(field)
                    .source(policy.map(|p| p.source.clone()).unwrap_or_else(|| crate::routing::doc_source(main))),
                ));
            } else {
                out.push(with_suggestion(
                    Finding::warning(
                        "review.recipient-unknown",
                        lang.pick(
                            format!("{a} non è tra le caselle del protocollo: verifica che sia quella giusta."),
                            format!("{a} is not among the protocol's boxes: check it is the right one."),
                        ),
                    )
                    .field(field),
                ));
            }
        }
        None => {
            if channel == Channel::Pec {
                out.push(with_suggestion(not_pec(&a, route, lang)));
            } else {
                out.push(with_suggestion(
                    Finding::warning(
                        "review.recipient-not-inps",
                        lang.pick(
                            format!("{a} non è una casella dell'INPS: controlla il destinatario."),
                            format!("{a} is not an INPS box: check the recipient."),
                        ),
                    )
                    .field(field),
                ));
            }
        }
    }
    out
}

fn not_pec(a: &str, route: &Route, lang: Lang) -> Finding {
    Finding::error(
        "review.recipient-not-pec",
        lang.pick(
            format!("Questa richiesta va inviata via PEC a un indirizzo @postacert.inps.gov.it: {a} non è una PEC e la richiesta non sarebbe gestita."),
            format!("This request must go by PEC to an @postacert.inps.gov.it address: {a} is not a PEC and the request would not be handled."),
        ),
    )
    .field(FormField::Destinatario)
    .source(route.step.source.clone().unwrap_or_else(|| Source::new("", "")))
}

fn addresses(list: &[Address]) -> String {
    let v: Vec<&str> = list.iter().take(3).map(|a| a.address.as_str()).collect();
    v.join(", ")
}

/// Whether a sender's address looks certified (PEC providers put "pec", "cert" or
/// "legalmail" in the domain). Only a hint: the portal knows better.
pub fn sender_looks_certified(sender: &str) -> bool {
    let a = normalise(sender);
    let domain = a.split('@').nth(1).unwrap_or("");
    ["pec", "cert", "legalmail"]
        .iter()
        .any(|w| domain.contains(w))
}
