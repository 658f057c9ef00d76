//! A few seconds of fuzzing on every `cargo test`: each importer and the program parser get
//! arbitrary bytes and mutations of valid files, and must keep [`importer_contract`]. The long
//! runs are `scripts/fuzz` (cargo fuzz, ten minutes per target; see docs/fuzzing.md); set
//! `WAVEGATE_FUZZ_CASES` to run this harness longer without nightly Rust.

use crate::importer_contract::{Target, check, context};
use proptest::prelude::*;
use proptest::sample::Index;

/// Text that tends to break parsers: quotes, delimiters, line ends, byte-order marks, dates at
/// the edges of the calendar, numbers past their type, escape sequences, bytes that are not
/// UTF-8, and (rarely) a field past the size bound.
const FRAGMENTS: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b"\xEF\xBB\xBF",
    b"?",
    b"=",
    b"|",
    b"9999-12-31T23:59:59.9999999Z",
    b"0000-01-01",
    b"+262142-12-31T00:00:00Z",
    b"31-12-9999 23:59",
    b"2027-02-29",
    b"nan",
    b"inf",
    b"1e309",
    b"4294967296",
    b"18446744073709551616",
    b"-1",
    b"\x1b[2J",
    b"\xE2\x80\xAE",
    b"\xff\xfe",
    b"\x80\x9b",
    b"person_id",
    b"wave",
    b"pilot",
    b"[[wave]]\nid = \"w\"\nstart = 2027-01-01\nend = 2027-01-02\n",
    b"[thresholds.ticket_rate]\nfail = 1e308\npass = -1e308\n",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete(Index, u8),
    Insert(Index, &'static [u8]),
    Repeat(Index, u8, u16),
    Flip(Index, u8),
    DuplicateLine(Index),
    Truncate(Index),
    HugeField(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), any::<u8>()).prop_map(|(i, n)| Mutation::Delete(i, n)),
        6 => (any::<Index>(), prop::sample::select(FRAGMENTS)).prop_map(|(i, f)| Mutation::Insert(i, f)),
        1 => (any::<Index>(), any::<u8>(), 1..2000u16).prop_map(|(i, b, n)| Mutation::Repeat(i, b, n)),
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        2 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => any::<Index>().prop_map(Mutation::HugeField),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let at = |i: &Index| i.index(bytes.len() + 1);
        match m {
            Mutation::Delete(i, n) => {
                let start = at(i);
                let end = (start + usize::from(*n)).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::Insert(i, f) => {
                let start = at(i);
                bytes.splice(start..start, f.iter().copied());
            }
            Mutation::Repeat(i, b, n) => {
                let start = at(i);
                bytes.splice(start..start, std::iter::repeat_n(*b, usize::from(*n)));
            }
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    let k = i.index(bytes.len());
                    bytes[k] ^= b | 1;
                }
            }
            Mutation::DuplicateLine(i) => {
                let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
                let k = i.index(lines.len());
                let mut out = Vec::with_capacity(bytes.len() * 2);
                for (j, line) in lines.iter().enumerate() {
                    out.extend_from_slice(line);
                    out.push(b'\n');
                    if j == k {
                        out.extend_from_slice(line);
                        out.push(b'\n');
                    }
                }
                bytes = out;
            }
            Mutation::Truncate(i) => {
                let k = at(i);
                bytes.truncate(k);
            }
            Mutation::HugeField(i) => {
                let start = at(i);
                bytes.splice(start..start, std::iter::repeat_n(b'x', 70_000));
            }
        }
    }
    bytes
}

fn input(target: Target) -> impl Strategy<Value = Vec<u8>> {
    let seeds = context().seeds(target);
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..400),
        4 => (prop::sample::select(seeds), prop::collection::vec(mutation(), 1..6))
            .prop_map(|(seed, ms)| apply(seed, &ms)),
    ]
}

fn config() -> ProptestConfig {
    let cases = std::env::var("WAVEGATE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    ProptestConfig {
        cases,
        // A failure is shrunk by the fuzz tooling, not here: keep `cargo test` fast.
        max_shrink_iters: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn roster(bytes in input(Target::Roster)) { check(Target::Roster, &bytes); }

    #[test]
    fn devices(bytes in input(Target::Devices)) { check(Target::Devices, &bytes); }

    #[test]
    fn failures(bytes in input(Target::Failures)) { check(Target::Failures, &bytes); }

    #[test]
    fn tickets(bytes in input(Target::Tickets)) { check(Target::Tickets, &bytes); }

    #[test]
    fn responses(bytes in input(Target::Responses)) { check(Target::Responses, &bytes); }

    #[test]
    fn training(bytes in input(Target::Training)) { check(Target::Training, &bytes); }

    #[test]
    fn survey_long(bytes in input(Target::SurveyLong)) { check(Target::SurveyLong, &bytes); }

    #[test]
    fn survey_wide(bytes in input(Target::SurveyWide)) { check(Target::SurveyWide, &bytes); }

    #[test]
    fn program(bytes in input(Target::Program)) { check(Target::Program, &bytes); }
}

#[test]
fn every_seed_is_accepted() {
    let cx = context();
    for target in Target::ALL {
        for seed in cx.seeds(target) {
            check(target, &seed);
        }
    }
}

/// Writes the seeds as a fuzz corpus: `WAVEGATE_FUZZ_CORPUS=fuzz/corpus cargo test -p
/// wavegate-core --test integration -- --ignored write_fuzz_corpus` (what `scripts/fuzz` does).
#[test]
#[ignore = "writes files; run by scripts/fuzz"]
fn write_fuzz_corpus() {
    let Ok(dir) = std::env::var("WAVEGATE_FUZZ_CORPUS") else {
        panic!("set WAVEGATE_FUZZ_CORPUS to the corpus directory");
    };
    let cx = context();
    for target in Target::ALL {
        let dir = std::path::Path::new(&dir).join(target.name());
        std::fs::create_dir_all(&dir).unwrap();
        for (i, seed) in cx.seeds(target).iter().enumerate() {
            std::fs::write(dir.join(format!("seed-{i}")), seed).unwrap();
        }
    }
}
