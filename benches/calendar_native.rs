#![cfg_attr(test, allow(dead_code))] // Built by the libtest harness when Cargo.toml lacks the [[bench]] entry: `main` is then unused.
//! `add_working_days(date, 20)` natively, over the same 100,000 start dates as
//! `benches/calendar.mjs` and `benches/calendar.py` (a 32-bit LCG over 2020–2029), timed with
//! `std::time::Instant`. Prints one JSON line per measurement for `calendar.mjs` to collect:
//! `{"impl": …, "ns_per_call": …, "checksum": …}`; the checksum (sum of the results as days
//! since 1970-01-01) shows whether two implementations agree.
//!
//! Run alone: `cargo bench --bench calendar_native`.

use std::hint::black_box;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use instrada::calendar::Calendar;

const CALLS: usize = 100_000;
const SEED: u32 = 12_345;
const SPAN_DAYS: u32 = 3653; // 2020-01-01 to 2029-12-31

fn start_dates() -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid date");
    let mut x = SEED;
    (0..CALLS)
        .map(|_| {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            first + Days::new(u64::from(x % SPAN_DAYS))
        })
        .collect()
}

fn epoch_days(d: NaiveDate) -> i64 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")).num_days()
}

/// Best of `runs` timings of `f` over all dates, in ns per call, and the checksum.
fn measure(runs: usize, mut f: impl FnMut() -> i64) -> (f64, i64) {
    let mut best = f64::INFINITY;
    let mut checksum = 0;
    for _ in 0..runs {
        let t = Instant::now();
        checksum = black_box(f());
        best = best.min(t.elapsed().as_nanos() as f64 / CALLS as f64);
    }
    (best, checksum)
}

fn main() {
    let dates = start_dates();
    let texts: Vec<String> = dates
        .iter()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    let national = Calendar::national();
    let milano = Calendar::for_sede("milano").expect("milano is a sede");
    // Warm the per-year tables.
    let _ = national.add_working_days(dates[0], 20);
    let _ = milano.add_working_days(dates[0], 20);

    let (ns, sum) = measure(5, || {
        dates
            .iter()
            .map(|&d| {
                national
                    .add_working_days(black_box(d), 20)
                    .map(epoch_days)
                    .unwrap_or(0)
            })
            .sum()
    });
    println!(
        "{{\"impl\": \"rust native (NaiveDate)\", \"ns_per_call\": {ns:.1}, \"checksum\": {sum}}}"
    );

    let (ns, sum) = measure(5, || {
        texts
            .iter()
            .map(|t| {
                let d = NaiveDate::parse_from_str(black_box(t), "%Y-%m-%d").expect("valid date");
                let due = national.add_working_days(d, 20).expect("in range");
                let out = due.format("%Y-%m-%d").to_string();
                black_box(&out);
                epoch_days(due)
            })
            .sum()
    });
    println!("{{\"impl\": \"rust native (chrono text parse + format)\", \"ns_per_call\": {ns:.1}, \"checksum\": {sum}}}");

    let (ns, sum) = measure(5, || {
        dates
            .iter()
            .map(|&d| {
                milano
                    .add_working_days(black_box(d), 20)
                    .map(epoch_days)
                    .unwrap_or(0)
            })
            .sum()
    });
    println!(
        "{{\"impl\": \"rust native, sede milano (another calendar)\", \"ns_per_call\": {ns:.1}, \"checksum\": {sum}}}"
    );
}
