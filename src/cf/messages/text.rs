//! Small pieces for writing messages without the formatting machinery: messages are
//! written for every wrong code (and every candidate correction), and `format!` is both
//! slower and larger in the wasm than joining a few strings once.

/// Concatenates, with one allocation.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// A position (1-based) in digits, up to 16 (`?` beyond: codes are at most 16 long).
pub(crate) fn nth(n: usize) -> &'static str {
    const N: [&str; 17] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    ];
    N.get(n).copied().unwrap_or("?")
}

/// `vowel` before the ordinals read with a vowel first, 8° and 11° (ottavo, undicesimo),
/// `other` before the rest: the one rule behind the four article forms below.
fn elided(n: usize, vowel: &'static str, other: &'static str) -> &'static str {
    if matches!(n, 8 | 11) {
        vowel
    } else {
        other
    }
}

/// The Italian article of an ordinal written in digits: "l'" before 8° and 11° (ottavo,
/// undicesimo), "il " otherwise.
pub(crate) fn il(n: usize) -> &'static str {
    elided(n, "l'", "il ")
}

/// "a" with that article: "all'8°", "al 7°".
pub(crate) fn al(n: usize) -> &'static str {
    elided(n, "all'", "al ")
}

/// The same two, capitalised, to start a sentence.
pub(crate) fn il_cap(n: usize) -> &'static str {
    elided(n, "L'", "Il ")
}

/// "All'8°", "Al 7°".
pub(crate) fn al_cap(n: usize) -> &'static str {
    elided(n, "All'", "Al ")
}
