//! The vocabulary a portal's form speaks (`instrada::vocabulary`): how a portal's own values
//! are read, and the integrator's guide (`docs/integrators.md`) checked against the code in
//! both directions, so that what the guide promises is what the widget reads.

use instrada::catalog::profile::{self, Previous};
use instrada::vocabulary::{self, map, Choices, Mapped, FIELDS};

const GUIDE: &str = include_str!("../../docs/integrators.md");

fn known(s: &str) -> Mapped {
    Mapped::Known(s.to_string())
}

#[test]
fn portal_values_are_mapped_and_unknown_ones_say_nothing() {
    let sedi = vec![
        (
            "milano-nord".to_string(),
            "Agenzia complessa Milano Nord".to_string(),
        ),
        (
            "legnano".to_string(),
            "Agenzia complessa Legnano".to_string(),
        ),
    ];
    // (field, portal value, the portal's mapping, what instrada reads)
    let table: &[(&str, &str, Option<&str>, Mapped)] = &[
        // instrada's own values, read forgivingly
        ("gestione", "aziende-dm", None, known("aziende-dm")),
        ("gestione", " Aziende_DM ", None, known("aziende-dm")),
        ("tipo", "Sollecito", None, known("sollecito")),
        (
            "esito-precedente",
            "senza risposta",
            None,
            known("senza-risposta"),
        ),
        // the routing's own word for "no answer in time" is read too
        ("esito-precedente", "scaduta", None, known("senza-risposta")),
        (
            "esito-precedente",
            "non-esaustiva",
            None,
            known("non-esaustiva"),
        ),
        ("sesso", "f", None, known("F")),
        // a sede by id or by name
        ("sede", "milano-nord", None, known("milano-nord")),
        ("sede", "Agenzia complessa Legnano", None, known("legnano")),
        // the portal's own values, mapped (several onto one)
        ("gestione", "DM", Some("aziende-dm"), known("aziende-dm")),
        (
            "gestione",
            "ART",
            Some("artigiani-commercianti"),
            known("artigiani-commercianti"),
        ),
        (
            "gestione",
            "COM",
            Some("artigiani-commercianti"),
            known("artigiani-commercianti"),
        ),
        ("tipo", "SOLL", Some("sollecito"), known("sollecito")),
        // unknown: the field says nothing
        ("gestione", "DM", None, Mapped::Unknown),
        ("tipo", "SOLL", None, Mapped::Unknown),
        ("gestione", "DM", Some("aziende"), Mapped::Unknown),
        ("sede", "bologna", None, Mapped::Unknown),
        ("sesso", "X", None, Mapped::Unknown),
        ("gestione", "🙂", None, Mapped::Unknown),
        ("non-un-campo", "x", None, Mapped::Unknown),
        // empty
        ("gestione", "", None, Mapped::Empty),
        ("gestione", "   ", None, Mapped::Empty),
        ("gestione", "DM", Some(" "), Mapped::Empty),
        // free text is never rewritten
        (
            "descrizione",
            "  Avviso bonario  ",
            None,
            known("  Avviso bonario  "),
        ),
    ];
    for (field, portal, explicit, expected) in table {
        assert_eq!(
            &map(field, portal, *explicit, &sedi),
            expected,
            "{field} = {portal:?} (mapped to {explicit:?})"
        );
    }
    let long = "x".repeat(1_000_000);
    assert_eq!(map("gestione", &long, None, &sedi), Mapped::Unknown);
}

#[test]
fn outcomes_reach_the_routing_in_its_words() {
    // Milano §2 B, Torino §2.6 B: an escalation follows a request left without an answer
    // within the guaranteed time: the routing calls it "scaduta".
    for (own, routing) in [
        ("senza-risposta", "scaduta"),
        ("non-accolta", "non-accolta"),
        ("non-esaustiva", "non-esaustiva"),
        ("nessuna", "nessuna"),
        ("in-attesa", "in-attesa"),
    ] {
        let read = Previous::parse(own).map(Previous::id);
        assert_eq!(read, Some(routing), "{own}");
        let listed = vocabulary::OUTCOMES
            .iter()
            .find(|o| o.0 == own)
            .map(|o| o.1.id());
        assert_eq!(listed, Some(routing), "{own}");
    }
}

/// The rows of the Markdown tables in the guide's part that starts with `heading` (up to the
/// next heading of the same or a higher level): the first cell of each row, without its
/// backticks.
fn rows(heading: &str) -> Vec<String> {
    let start = GUIDE
        .find(heading)
        .unwrap_or_else(|| panic!("the guide has no heading {heading:?}"));
    let level = heading.chars().take_while(|c| *c == '#').count();
    let body = &GUIDE[start + heading.len()..];
    let end = body
        .lines()
        .scan(0usize, |offset, line| {
            let at = *offset;
            *offset += line.len() + 1;
            Some((at, line))
        })
        .find(|(_, line)| {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            hashes > 0 && hashes <= level
        })
        .map(|(at, _)| at)
        .unwrap_or(body.len());
    body[..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('`').nth(1))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_guide_names_every_field_and_only_them() {
    let code: Vec<String> = FIELDS.iter().map(|f| f.name.to_string()).collect();
    assert_eq!(rows("## Fields"), code);
}

#[test]
fn the_guide_lists_every_value_and_only_them() {
    for f in FIELDS.iter().filter(|f| f.choices != Choices::Free) {
        let heading = format!("### Valori di `{}`", f.name);
        let code: Vec<String> = match f.choices {
            Choices::Sede => profile::profiles()
                .iter()
                .filter(|p| profile::is_built_in(&p.id))
                .flat_map(|p| p.sedi.iter().map(|s| s.id.clone()))
                .collect(),
            c => vocabulary::choices(c, &[])
                .into_iter()
                .map(|c| c.id)
                .collect(),
        };
        let mut guide = rows(&heading);
        let mut code = code;
        guide.sort();
        code.sort();
        assert_eq!(guide, code, "{heading}");
    }
    // Each value's Italian label is the code's.
    for f in FIELDS {
        for c in vocabulary::choices(f.choices, &[]) {
            let row = format!("| `{}` | {} |", c.id, c.it);
            assert!(GUIDE.contains(&row), "the guide lacks {row}");
        }
    }
}

#[test]
fn the_guide_names_every_attribute_option_and_check() {
    let attributes: Vec<String> = vocabulary::ATTRIBUTES
        .iter()
        .map(|(a, _, _)| a.to_string())
        .collect();
    assert_eq!(rows("## Attributi / Attributes"), attributes);
    let options: Vec<String> = vocabulary::OPTIONS
        .iter()
        .map(|(o, _, _)| o.to_string())
        .collect();
    assert_eq!(rows("## Opzioni / Options"), options);
    for check in vocabulary::CHECKS {
        assert!(
            GUIDE.contains(&format!("`{check}`")),
            "the guide lacks {check}"
        );
    }
}

#[test]
fn the_widget_source_reads_only_the_vocabulary_s_names() {
    // The widget's option reader and the typed options name the same options as the guide.
    let options_rs = include_str!("../../src/widget/options.rs");
    let mod_rs = include_str!("../../src/widget/mod.rs");
    let types = include_str!("../../src/widget/widget-api.d.ts");
    for (name, _, _) in vocabulary::OPTIONS {
        assert!(
            options_rs.contains(&format!("\"{name}\"")),
            "options.rs does not read {name}"
        );
        assert!(
            types.contains(&format!("{name}?:")),
            "the TypeScript options (widget-api.d.ts) lack {name}"
        );
    }
    for check in vocabulary::CHECKS {
        assert!(
            options_rs.contains(&format!("(\"{check}\"")),
            "options.rs does not read {check}"
        );
    }
    for (attribute, _, _) in vocabulary::ATTRIBUTES {
        let anywhere = [
            options_rs,
            mod_rs,
            include_str!("../../src/widget/fields.rs"),
            include_str!("../../src/widget/inner.rs"),
            include_str!("../../src/widget/refresh.rs"),
            include_str!("../../src/widget/picker.rs"),
            include_str!("../../src/widget/instrada-widget.js"),
        ]
        .iter()
        .any(|s| s.contains(attribute));
        assert!(anywhere, "the widget does not use {attribute}");
    }
}
