#![cfg_attr(test, allow(dead_code))] // Built by the libtest harness when Cargo.toml lacks the [[bench]] entry: `main` is then unused.
//! The codice fiscale engine natively, timed with `std::time::Instant`, over the same
//! deterministic codes as `benches/cf.mjs` (a 32-bit LCG): the full check with decoding and
//! place look-up (target < 1 µs), the fast path, and the one-time decoding of the place
//! registry. Prints one JSON line per measurement for `cf.mjs` to collect:
//! `{"impl": …, "ns_per_call": …, "checksum": …}` (the checksum counts the valid codes).
//!
//! Run alone: `cargo bench --bench cf_native`.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use instrada::cf::{check, is_valid, places, CheckOptions};

const SEED: u32 = 20_260_115;
const VALID: usize = 3000;
const INVALID: usize = 1000;

/// Belfiore codes valid since before 1900 (and so on any birth date of the inputs).
const PLACES: [&str; 40] = [
    "H501", "F205", "F839", "L219", "G273", "D969", "A944", "D612", "A662", "C351", "L736", "L781",
    "F158", "G224", "L424", "B157", "G702", "A562", "L049", "H294", "E506", "B354", "C933", "D643",
    "A271", "L378", "F257", "H703", "E463", "I452", "Z112", "Z404", "Z110", "Z133", "Z129", "Z100",
    "Z330", "Z210", "Z600", "Z602",
];

struct Lcg(u32);

impl Lcg {
    fn next(&mut self, n: u32) -> u32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (self.0 >> 8) % n
    }
}

const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

fn check_char(code: &[u8]) -> u8 {
    let mut sum = 0;
    for (i, &c) in code.iter().enumerate() {
        let v = if c.is_ascii_digit() {
            (c - b'0') as usize
        } else {
            (c - b'A') as usize
        };
        sum += if i % 2 == 0 { ODD[v] } else { v as u32 };
    }
    b'A' + (sum % 26) as u8
}

/// The inputs of `benches/cf.mjs`, built the same way: valid person codes (a tenth with
/// omocodia letters, born 1930–2019 so that any century rule gives the same date), then
/// invalid ones (one character changed, or two swapped).
fn codes() -> Vec<String> {
    let mut r = Lcg(SEED);
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let months = b"ABCDEHLMPRST";
    let omocodia = b"LMNPQRSTUV";
    let mut out = Vec::with_capacity(VALID + INVALID);
    for _ in 0..VALID {
        let mut c: Vec<u8> = (0..6).map(|_| letters[r.next(26) as usize]).collect();
        let year = 30 + r.next(90);
        c.extend(format!("{:02}", year % 100).bytes());
        c.push(months[r.next(12) as usize]);
        let day = 1 + r.next(28) + if r.next(2) == 1 { 40 } else { 0 };
        c.extend(format!("{day:02}").bytes());
        c.extend(PLACES[r.next(PLACES.len() as u32) as usize].bytes());
        if r.next(10) == 0 {
            let pos = [6, 7, 9, 10, 12, 13, 14][r.next(7) as usize];
            c[pos] = omocodia[(c[pos] - b'0') as usize];
        }
        let k = check_char(&c);
        c.push(k);
        out.push(String::from_utf8(c).expect("ASCII"));
    }
    for i in 0..INVALID {
        let mut c = out[i].clone().into_bytes();
        let pos = r.next(15) as usize;
        if r.next(2) == 0 {
            c[pos] = letters[r.next(26) as usize];
        } else {
            c.swap(pos, pos + 1);
        }
        out.push(String::from_utf8(c).expect("ASCII"));
    }
    out
}

/// Best of `runs` timings of `f` over all codes, in ns per call, and the checksum.
fn measure(runs: usize, n: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut checksum = 0;
    for _ in 0..runs {
        let t = Instant::now();
        checksum = black_box(f());
        best = best.min(t.elapsed().as_nanos() as f64 / n as f64);
    }
    (best, checksum)
}

fn line(name: &str, ns: f64, checksum: usize) {
    println!("{{\"impl\": \"{name}\", \"ns_per_call\": {ns:.1}, \"checksum\": {checksum}}}");
}

fn main() {
    let t = Instant::now();
    places::preload();
    let preload = t.elapsed().as_nanos() as f64;
    line(
        "native: place registry decoding (once)",
        preload,
        places::len(),
    );

    let codes = codes();
    let options = CheckOptions {
        today: NaiveDate::from_ymd_opt(2026, 1, 15),
        ..Default::default()
    };
    let valid = &codes[..VALID];
    let (ns, sum) = measure(7, valid.len(), || {
        valid
            .iter()
            .filter(|c| check(c, &options).person.is_some())
            .count()
    });
    line(
        "native: check() of valid codes (decoding, place look-up)",
        ns,
        sum,
    );
    let wrong = &codes[VALID..];
    let (ns, sum) = measure(7, wrong.len(), || {
        wrong
            .iter()
            .map(|c| {
                check(c, &options)
                    .findings
                    .iter()
                    .filter(|f| f.suggestion.is_some())
                    .count()
            })
            .sum()
    });
    line(
        "native: check() of changed codes (checksum: suggestions)",
        ns,
        sum,
    );
    let (ns, sum) = measure(7, codes.len(), || {
        codes.iter().filter(|c| check(c, &options).valid()).count()
    });
    line("native: check() of all codes", ns, sum);
    let (ns, sum) = measure(7, codes.len(), || {
        codes.iter().filter(|c| is_valid(c)).count()
    });
    line("native: is_valid() of all codes", ns, sum);
    let (ns, sum) = measure(7, valid.len(), || {
        valid
            .iter()
            .filter(|c| places::lookup_code(&c[11..15]).is_some())
            .count()
    });
    line("native: places::lookup_code()", ns, sum);
}
