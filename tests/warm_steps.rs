//! The built-in catalog read one file per step, as the widget reads it at idle once the
//! catalog's file has arrived (`titolario::warm_step`, then `profile::warm_step`), is the
//! catalog read at once: every titolario and profile, none refused. A test binary of its
//! own: the parsed files are statics of the process, which the other tests read at once.
use instrada::catalog::{profile, titolario};

#[test]
fn the_catalog_read_one_file_per_step_is_all_of_it() {
    // Nine titolari, one per step; then nothing to do.
    let mut steps = 0;
    while titolario::warm_step() {
        steps += 1;
    }
    assert_eq!(steps, 9);
    // Six profiles (the first one's validation takes the titolari read ahead).
    let mut steps = 0;
    while profile::warm_step() {
        steps += 1;
    }
    assert_eq!(steps, 6);
    assert!(
        !titolario::warm_step() && !profile::warm_step(),
        "nothing left"
    );

    assert!(
        titolario::load_errors().is_empty(),
        "{:?}",
        titolario::load_errors()
    );
    let mut ids: Vec<&str> = titolario::titolari()
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    ids.sort_unstable();
    let mut listed: Vec<String> = std::fs::read_dir("tests/golden/titolari")
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".txt")
                .to_string()
        })
        .collect();
    listed.sort_unstable();
    assert_eq!(ids, listed, "the titolari are those of the golden listings");
    for t in titolario::titolari() {
        assert!(!t.classes.is_empty(), "{} has its classi", t.id);
    }

    assert!(profile::built_in_errors().is_empty());
    let mut ids: Vec<String> = profile::profiles().iter().map(|p| p.id.clone()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "emilia-romagna",
            "milano",
            "nazionale",
            "nazionale-gdp",
            "siena",
            "torino"
        ]
    );
    // Each profile's gestioni name titolari that are there.
    for p in profile::profiles() {
        for t in p.cassetti.iter().filter_map(|c| c.titolario.as_deref()) {
            assert!(titolario::titolario(t).is_some(), "{}: {t}", p.id);
        }
    }
}
