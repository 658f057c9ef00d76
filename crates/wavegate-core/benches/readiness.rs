//! Criterion benchmarks of the readiness engine on a synthetic organisation: importing the
//! files, evaluating, and both plus the JSON, as `wavegate score` does (single-threaded here;
//! the command line parses the files in parallel). The side-by-side comparison with DuckDB at
//! 100,000 people is `bench/compare_duckdb.sh` (docs/benchmarks.md).

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::collections::BTreeMap;
use std::hint::black_box;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::demo::{self, DemoOptions};
use wavegate_core::readiness::import::InOrder;
use wavegate_core::readiness::{evaluate, load};

fn at() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
}

fn files(people: usize) -> BTreeMap<&'static str, Vec<u8>> {
    let d = demo::generate(&DemoOptions {
        people,
        seed: 1,
        at: at(),
    });
    demo::FILES
        .iter()
        .map(|f| {
            let mut out = Vec::new();
            d.write(f, &mut out).unwrap();
            (*f, out)
        })
        .collect()
}

fn readiness(c: &mut Criterion) {
    let mut group = c.benchmark_group("readiness");
    group.sample_size(10);
    for people in [2_000usize, 20_000] {
        let files = files(people);
        let bytes: usize = files.values().map(Vec::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        let open = |name: &str| Ok(files.get(name).map(|b| b.as_slice()));
        group.bench_with_input(BenchmarkId::new("import", people), &people, |b, _| {
            b.iter(|| black_box(load(open, &InOrder).unwrap()))
        });
        let (program, data) = load(open, &InOrder).unwrap();
        group.bench_with_input(BenchmarkId::new("evaluate", people), &people, |b, _| {
            b.iter(|| black_box(evaluate(&data, &program, at(), Lang::En, &[])))
        });
        group.bench_with_input(BenchmarkId::new("score_json", people), &people, |b, _| {
            b.iter(|| {
                let (program, data) = load(open, &InOrder).unwrap();
                let report = evaluate(&data, &program, at(), Lang::En, &[]);
                black_box(serde_json::to_vec(&report).unwrap())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, readiness);
criterion_main!(benches);
