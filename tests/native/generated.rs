//! Files generated from the crate and checked fresh by `make test`: a change to the data or
//! to the messages that does not regenerate them fails here, so what a reviewer or a portal
//! reads is always what the code does.
//!
//! - `tests/golden/titolari/<id>.txt`: each embedded titolario listed the way its document
//!   lists it (class, then its objects), with what instrada adds (thresholds, dates, status),
//!   so a reviewer compares it with the document line by line.
//! - `docs/findings.md`: every finding code a portal can program against, by area, with its
//!   severity, the field it marks and an example message in Italian and English, from the
//!   `examples` of each area's `messages` module (the same code that renders the findings).
//!
//! Regenerate with `INSTRADA_BLESS=1 cargo test --test generated`, then review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use std::collections::BTreeSet;

use instrada::catalog::profile::{self, NoteSeverity};
use instrada::catalog::titolario::{self, Status, Titolario, Unit};
use instrada::finding::{Finding, Lang, Severity};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `text` with the file at `path` (relative to the crate), or writes it when
/// `INSTRADA_BLESS` is set. Returns a complaint when they differ.
fn fresh(path: &Path, text: &str) -> Option<String> {
    let full = root().join(path);
    if std::env::var_os("INSTRADA_BLESS").is_some() {
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(&full, text).unwrap();
        return None;
    }
    match fs::read_to_string(&full) {
        Ok(old) if old == text => None,
        Ok(old) => {
            let line = old
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(old.lines().count().min(text.lines().count()));
            Some(format!(
                "{} is stale from line {} on (regenerate: INSTRADA_BLESS=1 cargo test --test generated)",
                path.display(),
                line + 1
            ))
        }
        Err(_) => Some(format!(
            "{} is missing (generate: INSTRADA_BLESS=1 cargo test --test generated)",
            path.display()
        )),
    }
}

/// One titolario as its document lists it.
fn listing(t: &Titolario) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n", t.name));
    out.push_str(&format!("# {}\n", t.name_en));
    out.push_str(&format!(
        "# {} §{} (as of {}), cassetto {}\n",
        t.source.document, t.source.section, t.as_of, t.cassetto
    ));
    if let Some(missing) = &t.list_missing {
        out.push_str(&format!("# list not in the documents: {missing}\n"));
    }
    if let Some(generic) = &t.generic {
        out.push_str(&format!("# generic object: {generic}\n"));
    }
    for classe in &t.classes {
        out.push('\n');
        out.push_str(&format!(
            "{}  [§{}{}]\n",
            classe.label,
            classe.source.section,
            if classe.direct {
                ", chosen directly"
            } else {
                ""
            }
        ));
        for o in &classe.objects {
            let mut extra = Vec::new();
            if let Some(t) = &o.tempo_soglia {
                extra.push(format!(
                    "{} {}",
                    t.days,
                    match t.unit {
                        Unit::WorkingDays => "working days",
                        Unit::CalendarDays => "calendar days",
                    }
                ));
            }
            if let Some(from) = o.from {
                extra.push(format!("from {from}"));
            }
            if let Some(removed) = o.removed {
                extra.push(format!("removed {removed}"));
            }
            match o.status {
                Status::Active => {}
                Status::Removed => extra.push("removed".into()),
                Status::Eliminated => extra.push("ELIMINATO".into()),
                Status::Legacy => extra.push("oggetto precedente".into()),
            }
            if o.generic {
                extra.push("generic".into());
            }
            if o.source.section != classe.source.section && !o.source.section.is_empty() {
                extra.push(format!("§{}", o.source.section));
            }
            extra.dedup();
            out.push_str(&format!(" - {}", o.label));
            if !extra.is_empty() {
                out.push_str(&format!("  [{}]", extra.join("; ")));
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn titolari_listings_are_fresh() {
    assert!(titolario::load_errors().is_empty());
    let mut stale = Vec::new();
    let dir = Path::new("tests/golden/titolari");
    for t in titolario::titolari() {
        stale.extend(fresh(&dir.join(format!("{}.txt", t.id)), &listing(t)));
    }
    // No listing of a titolario that no longer exists.
    if std::env::var_os("INSTRADA_BLESS").is_none() {
        for entry in fs::read_dir(root().join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let id = name.trim_end_matches(".txt");
            if titolario::titolario(id).is_none() {
                stale.push(format!("{}: no titolario {id}", dir.join(&name).display()));
            }
        }
    }
    assert!(stale.is_empty(), "{stale:#?}");
}

/// The example findings of an area, in a language (`messages::examples`).
type Examples = fn(Lang) -> Vec<Finding>;

/// The areas of instrada that report findings, each with the examples its `messages` module
/// gives (one finding per code, or more when a code is used with different severities).
fn areas() -> Vec<(&'static str, &'static str, Examples)> {
    vec![
        (
            "Codice fiscale",
            "`checkCodiceFiscale`, `crossCheckCodiceFiscale`, `encodeCodiceFiscale`, `checkMatricola`",
            instrada::cf::messages::examples,
        ),
        (
            "Calendar",
            "`addWorkingDays`, `isWorkingDay`, `workingDaysBetween`, `termCalendarDays`, `holidays`, `toIcs`",
            instrada::calendar::messages::examples,
        ),
        (
            "Catalog",
            "`loadProfile`, `profiles`, `sedi`, `catalog`, `titolari`, `titolario`, `suggestObjects`",
            instrada::catalog::messages::examples,
        ),
        (
            "Routing",
            "`route`, `composeSubject`",
            instrada::routing::messages::examples,
        ),
        (
            "Review",
            "`review`",
            instrada::review::messages::examples,
        ),
        (
            "Timeline",
            "`timeline`, `timelineIcs`",
            instrada::timeline::messages::examples,
        ),
        (
            "Form",
            "the widget (`mount`, `attach`): the form's own checks",
            instrada::form::messages::examples,
        ),
        (
            "Input",
            "any function given a value of the wrong kind",
            instrada::input::messages::examples,
        ),
    ]
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// A message in a table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// `docs/findings.md`: one row per code, in the order the area's messages module lists them.
fn findings_md() -> String {
    let mut out = String::from(
        "# Finding codes\n\n\
         Generated by `tests/native/generated.rs` from the `messages` modules of `src/` (the code that \
         writes the messages): do not edit by hand; regenerate with \
         `INSTRADA_BLESS=1 cargo test --test generated`.\n\n\
         Every function of instrada answers with findings: `{ code, severity, message, field?, \
         position?, suggestion?, source? }`. Programs match on `code`, which is stable and never \
         changes with the language; `message` is for people, in the language asked for \
         (`lang: \"it\"`, the default, or `\"en\"`). Only `error` blocks a form's submission. \
         `field` is the form field the finding is about (the names of `docs/integrators.md`) or \
         the property of a JavaScript argument the form has no field for. The examples below \
         are real messages for made-up inputs: the words in them vary with the input.\n",
    );
    for (title, functions, examples) in areas() {
        let it = examples(Lang::It);
        let en = examples(Lang::En);
        assert_eq!(
            it.len(),
            en.len(),
            "{title}: the Italian and English examples differ"
        );
        out.push_str(&format!("\n## {title}\n\nFrom {functions}.\n\n"));
        out.push_str("| code | severity | field | esempio (italiano) | example (English) |\n");
        out.push_str("|---|---|---|---|---|\n");
        let mut seen = BTreeSet::new();
        for (i, f) in it.iter().enumerate() {
            let e = &en[i];
            assert_eq!(f.code, e.code, "{title}: example {i} has two codes");
            let row = (f.code, f.severity, f.field_id().map(str::to_string));
            if !seen.insert(row.clone()) {
                continue;
            }
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                f.code,
                severity(f.severity),
                row.2
                    .as_deref()
                    .map(|f| format!("`{f}`"))
                    .unwrap_or_default(),
                cell(&f.message),
                cell(&e.message),
            ));
        }
    }
    out.push_str(
        "\n## Notes of the built-in protocol profiles\n\n\
         Written in the profiles' data (`src/data/profiles/`), each citing its document, and \
         returned by `route`, `review` and `timeline` among their findings when the case they \
         describe applies (a portal's own profile may add its own codes).\n\n\
         | code | severity | profile | source | testo (italiano) | text (English) |\n\
         |---|---|---|---|---|---|\n",
    );
    for (profile, note) in profile_notes() {
        out.push_str(&format!(
            "| `{}` | {} | `{}` | {} §{} | {} | {} |\n",
            note.code,
            match note.severity {
                NoteSeverity::Error => "error",
                NoteSeverity::Warning => "warning",
                NoteSeverity::Info => "info",
            },
            profile,
            cell(&note.source.document),
            cell(&note.source.section),
            cell(note.text.get(Lang::It)),
            cell(note.text.get(Lang::En)),
        ));
    }
    out
}

/// Each area's examples say each code in both languages: the same codes, severities and
/// fields in the same order, a message in each language, in different words but where the
/// words are a reference both languages share. (`every_code_has_an_example` checks that no
/// code is missing.)
#[test]
fn examples_say_each_code_in_both_languages() {
    // The matricola's reason inside `review.matricola-format` is the matricola check's
    // Italian (the reviewer reads the form as INPS does); `input.unknown-lang` is said in
    // both languages, since the language asked for is not known.
    const SAME_IN_BOTH: [&str; 2] = ["review.matricola-format", "input.unknown-lang"];
    for (title, _, examples) in areas() {
        let (it, en) = (examples(Lang::It), examples(Lang::En));
        assert_eq!(it.len(), en.len(), "{title}");
        for (i, e) in it.iter().zip(&en) {
            assert_eq!(
                (i.code, i.severity, i.field_id()),
                (e.code, e.severity, e.field_id()),
                "{title}"
            );
            assert!(!i.message.is_empty() && !e.message.is_empty(), "{}", i.code);
            if !SAME_IN_BOTH.contains(&i.code) {
                assert_ne!(i.message, e.message, "{}", i.code);
            }
        }
    }
}

#[test]
fn findings_md_is_fresh() {
    let text = findings_md();
    if let Some(stale) = fresh(Path::new("docs/findings.md"), &text) {
        panic!("{stale}");
    }
}

/// The notes of every built-in profile and of its rules, with the profile's id.
fn profile_notes() -> Vec<(String, profile::Note)> {
    let mut out = Vec::new();
    for p in profile::profiles() {
        for note in p
            .notes
            .iter()
            .chain(p.rules.iter().flat_map(|r| r.notes.iter()))
        {
            out.push((p.id.clone(), note.clone()));
        }
    }
    out
}

/// Every code written in `src/` (a string literal `"area.kebab-case"` of a known area) has an
/// example in `docs/findings.md`: a new code without one fails here.
#[test]
fn every_code_has_an_example() {
    let mut documented = BTreeSet::new();
    for (_, _, examples) in areas() {
        for lang in [Lang::It, Lang::En] {
            documented.extend(examples(lang).into_iter().map(|f| f.code.to_string()));
        }
    }
    documented.extend(profile_notes().into_iter().map(|(_, n)| n.code));
    const AREAS: [&str; 15] = [
        "cf",
        "matricola",
        "calendar",
        "date",
        "ics",
        "catalog",
        "profile",
        "suggest",
        "route",
        "review",
        "subject",
        "timeline",
        "input",
        "widget",
        "field",
    ];
    let mut missing = BTreeSet::new();
    for (_, path, text) in crate::architecture::sources() {
        if path.ends_with("tests.rs") {
            continue;
        }
        // Without unit tests (the wire writer's own test spells made-up codes) and comments.
        let text = crate::architecture::code_of(&text);
        // Each `"` followed by `area.` and kebab-case up to the next `"`.
        for (at, _) in text.match_indices('"') {
            let rest = &text[at + 1..];
            let Some(end) = rest.find('"') else {
                continue;
            };
            let literal = &rest[..end];
            let Some((area, code)) = literal.split_once('.') else {
                continue;
            };
            let kebab = !code.is_empty()
                && code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !AREAS.contains(&area) || !kebab {
                continue;
            }
            // A prefix completed at run time (`"route.online-"` + the service) is covered
            // by any documented code that starts with it.
            let covered = if literal.ends_with('-') {
                documented.iter().any(|c| c.starts_with(literal))
            } else {
                documented.contains(literal)
            };
            if !covered {
                missing.insert(format!("{literal} ({})", path.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "codes without an example in their area's messages::examples: {missing:#?}"
    );
}
