//! Files generated from the crate and checked fresh by `make test`: a change to the data or
//! to the messages that does not regenerate them fails here, so what a reviewer or a portal
//! reads is always what the code does.
//!
//! - `tests/golden/titolari/<id>.txt`: each embedded titolario listed the way its document
//!   lists it (class, then its objects), with what instrada adds (thresholds, dates, status),
//!   so a reviewer compares it with the document line by line.
//!
//! Regenerate with `INSTRADA_BLESS=1 cargo test --test generated`, then review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use instrada::catalog::titolario::{self, Status, Titolario, Unit};

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
