//! `OUT_DIR/instrada-places.txt`: the place registry as the package ships it (the
//! `places-file` build; scripts/build.sh copies it into pkg/). `src/data/places.txt` stays
//! the canonical, readable registry; the shipped text is the same but for two things, which
//! make it 4.7 KB smaller under brotli (73.1 -> 68.4 KB; DESIGN.md, "Why are the names
//! front-coded in the shipped file?"):
//!
//! - its `%names` section is **front-coded**, under the section name `%names-fc`: each name
//!   (names of one line are separated by `|`) starts with the number of leading bytes it
//!   shares with the previous non-empty name of the section, in decimal, when that number is
//!   at least 1, cut back to a UTF-8 character boundary. Names hold no digit, so the leading
//!   digits are the count. `Abano|Abano Terme` and `Abbadia Sopra Adda` become
//!   `Abano|5 Terme` and `2badia Sopra Adda`. The reader (`cf::places::load`, in
//!   `src/cf/places/registry.rs`) writes the section out as `%names` again in one pass;
//!   the embedded text, which has `%names`, is read as it is;
//! - its header keeps the canonical file's opening comments (what the file is, where the
//!   data comes from, its licence and changes, word for word) and says the format in two
//!   lines, pointing to the canonical file's header and ARCHITECTURE.md.
//!
//! `%alt`, `%time` and the `@registry-date` line are copied byte for byte.

use std::{fs, path::Path};

/// The section name of the front-coded names; `src/cf/places/registry.rs` reads it.
pub const FRONT_CODED: &str = "%names-fc";

/// Writes `out/instrada-places.txt` from `src/data/places.txt`.
pub fn write(out: &Path) {
    let source = "src/data/places.txt";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build/places.rs");
    let text = fs::read_to_string(source).expect("src/data/places.txt");
    fs::write(out.join("instrada-places.txt"), shipped(&text)).expect("write instrada-places.txt");
}

/// The shipped text of the canonical registry `text` (see the top of this file).
pub fn shipped(text: &str) -> String {
    let (head, rest) = text.split_once("\n%names\n").expect("%names section");
    let (names, tail) = rest.split_once("\n%alt\n").expect("%alt section");
    // The opening comments, up to the first empty comment line (what the file is, source,
    // licence, changes), word for word; then the non-comment lines (`@registry-date`).
    let mut out = String::new();
    let mut lines = head.split('\n');
    for line in lines.by_ref().take_while(|l| *l != "#") {
        assert!(line.starts_with("# "), "an opening comment: {line}");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(
        "# Written by build.rs (build/places.rs) from src/data/places.txt, whose header and\n\
         # ARCHITECTURE.md (\"Place registry\") describe the format; here %names is front-coded,\n\
         # %names-fc: a name starts with the count of leading bytes it shares with the previous\n\
         # one, when not 0.\n",
    );
    for line in lines.filter(|l| !l.starts_with('#')) {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(FRONT_CODED);
    out.push('\n');
    out.push_str(&front_code(names));
    out.push_str("\n%alt\n");
    out.push_str(tail);
    out
}

/// Front-codes the lines of a `%names` section (see the top of this file). Empty names
/// (empty lines: codes that do not exist) stay empty and do not count as the previous name.
pub fn front_code(names: &str) -> String {
    let mut out = String::with_capacity(names.len());
    let mut prev = "";
    for (i, line) in names.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, name) in line.split('|').enumerate() {
            if j > 0 {
                out.push('|');
            }
            assert!(
                !name.bytes().any(|b| b.is_ascii_digit()),
                "a place name with a digit cannot be front-coded: {name}"
            );
            if name.is_empty() {
                continue;
            }
            let mut shared = prev
                .bytes()
                .zip(name.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            while !name.is_char_boundary(shared) {
                shared -= 1;
            }
            if shared > 0 {
                out.push_str(&shared.to_string());
            }
            out.push_str(&name[shared..]);
            prev = name;
        }
    }
    out
}
