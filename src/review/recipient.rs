//! The recipient of an e-mail: is it a box that is read, and the right one for this case?
//! Torino §2.7: old institutional boxes (any NOMESEDE) and officials' personal boxes are not
//! read; Milano §2: only the boxes listed in the agreement are used; the escalation contacts
//! are for solleciti after the response time, not for a first contact.

use super::messages::Problem;
use crate::text::Join;
use chrono::NaiveDate;
use std::sync::Arc;

use crate::catalog::profile::{self, Channel, Kind, MailboxKind, Profile, INPS_PEC_DOMAIN};
use crate::finding::{Finding, Lang, Source};
use crate::routing::{Address, Route};

/// A recipient as typed: `mailto:`, a display name with `<…>`, spaces and case removed.
pub fn normalise(address: &str) -> String {
    use crate::text::rfind_byte;
    let a = address.trim();
    let a = match (rfind_byte(a, b'<'), rfind_byte(a, b'>')) {
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
            || p.escalation.iter().any(|e| {
                e.lists.iter().any(|l| {
                    l.to.iter()
                        .any(|c| !looks_personal(&c.address) && prefix_of(&c.address) == first)
                })
            })
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
    let mut parts: Vec<&str> = Vec::new();
    for p in local.split('.') {
        parts.push(p);
    }
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
    chain: &[Arc<Profile>],
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
                if listed(l, address).is_none() {
                    continue;
                }
                let in_current = current.and_then(|cl| listed(cl, address));
                let for_sede = in_current.is_some_and(|c| {
                    sede.is_none_or(|s| c.sedi.is_empty() || c.sedi.iter().any(|x| x == s))
                });
                // The first list after this one, by the date: a loop, not map + filter + min
                // (issue 15).
                let mut replaced_on: Option<NaiveDate> = None;
                if in_current.is_none() {
                    for x in &e.lists {
                        if x.from > l.from
                            && x.from <= date
                            && replaced_on.is_none_or(|r| x.from < r)
                        {
                            replaced_on = Some(x.from);
                        }
                    }
                }
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

/// The contact of `list` (to, then cc) with this address: loops, not a chain or `find`
/// (issue 15).
#[allow(clippy::manual_find)]
fn listed<'a>(list: &'a profile::ContactList, address: &str) -> Option<&'a profile::Contact> {
    for c in &list.to {
        if c.address.eq_ignore_ascii_case(address) {
            return Some(c);
        }
    }
    for c in &list.cc {
        if c.address.eq_ignore_ascii_case(address) {
            return Some(c);
        }
    }
    None
}

/// Checks the recipient against the route. `chain` is the profile and those it inherits.
#[allow(clippy::too_many_arguments)]
pub fn check(
    raw: &str,
    route: &Route,
    chain: &[Arc<Profile>],
    kind: Option<Kind>,
    date: NaiveDate,
    sede: Option<&str>,
    lang: Lang,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let a = normalise(raw);
    let first_address = route.step.addresses.first().map(|x| x.address.clone());
    let with_suggestion = |f: Finding| match &first_address {
        Some(s) => f.suggest(s.clone()),
        None => f,
    };
    if !profile::is_email(&a) {
        out.push(Problem::RecipientInvalid { raw }.finding(lang));
        return out;
    }
    let Some(main) = chain.first() else {
        return out;
    };
    let channel = route.step.channel;

    // Old boxes that are no longer read (Torino §2.7).
    if let Some(dead) = chain
        .iter()
        .find_map(|p| p.dead_mailboxes.iter().find(|d| d.matches(&a)))
    {
        out.push(with_suggestion(
            Problem::RecipientDead {
                a: &a,
                pattern: &dead.pattern,
            }
            .finding(lang)
            .source(dead.source.clone()),
        ));
        return out;
    }

    // Escalation contacts.
    if let Some(u) = escalation_use(chain, &a, date, sede) {
        let level = u.level;
        let problem = if kind != Some(Kind::Sollecito) || channel != Channel::Escalation {
            Some(Problem::EscalationFirstContact { a: &a, level })
        } else if !u.current {
            Some(Problem::EscalationOutdated {
                a: &a,
                level,
                replaced_on: u.replaced_on,
            })
        } else if !u.current_for_sede {
            Some(Problem::EscalationSede { a: &a, level })
        } else {
            None
        };
        if let Some(problem) = problem {
            out.push(with_suggestion(problem.finding(lang).source(u.source)));
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
                    Problem::RecipientWrong {
                        box_: &m.address,
                        addresses: &addresses(&route.step.addresses),
                    }
                    .finding(lang)
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
                    Problem::RecipientPersonal {
                        a: &a,
                        not_read: read,
                    }
                    .finding(lang)
                    .source(src),
                ));
            } else if policy.is_some_and(|p| p.listed_only) {
                out.push(with_suggestion(
                    Problem::RecipientNotListed { a: &a }.finding(lang).source(
                        policy
                            .map(|p| p.source.clone())
                            .unwrap_or_else(|| crate::routing::doc_source(main)),
                    ),
                ));
            } else {
                out.push(with_suggestion(
                    Problem::RecipientUnknown { a: &a }.finding(lang),
                ));
            }
        }
        None => {
            if channel == Channel::Pec {
                out.push(with_suggestion(not_pec(&a, route, lang)));
            } else {
                out.push(with_suggestion(
                    Problem::RecipientNotInps { a: &a }.finding(lang),
                ));
            }
        }
    }
    out
}

fn not_pec(a: &str, route: &Route, lang: Lang) -> Finding {
    Problem::RecipientNotPec { a }.finding(lang).source(
        route
            .step
            .source
            .clone()
            .unwrap_or_else(|| Source::new("", "")),
    )
}

fn addresses(list: &[Address]) -> String {
    let mut v = Vec::new();
    for a in list.iter().take(3) {
        v.push(a.address.as_str());
    }
    v.joined(", ")
}

/// Whether a sender's address looks certified (PEC providers put "pec", "cert" or
/// "legalmail" in the domain). Only a hint: the portal knows better.
pub fn sender_looks_certified(sender: &str) -> bool {
    let a = normalise(sender);
    let domain = a.split('@').nth(1).unwrap_or("");
    ["pec", "cert", "legalmail"]
        .iter()
        .any(|w| crate::text::contains(domain, w))
}
