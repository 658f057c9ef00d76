//! The survey summary a planner reads and the readiness report must tell the same story about
//! the same answers: SUS, NPS and the ADKAR barriers, through the real export and import.

use crate::readiness_support::program_toml;
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use wavegate_core::csv_safe::CsvOptions;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::{DataSet, Inputs, Roster};
use wavegate_core::readiness::import::read_responses;
use wavegate_core::readiness::metric::MetricId;
use wavegate_core::readiness::{Program, evaluate};
use wavegate_core::survey::imported::by_survey;
use wavegate_core::survey::sample::complete_response;
use wavegate_core::survey::{
    Answer, Attributes, StoredResponse, SummaryOptions, export_long, summarize_with, templates,
};

fn program() -> String {
    program_toml(
        "Agreement",
        &[],
        None,
        &[
            ("pilot", "2027-01-04", "2027-01-15", None),
            ("wave-1", "2027-03-01", "2027-03-12", None),
        ],
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.051
}

/// `n` sampled pilot-feedback responses from next-wave people; `skips` drops some ADKAR items
/// so incomplete barriers occur too.
fn responses(n: usize, seed: u64, skips: &[(usize, usize)]) -> Vec<StoredResponse> {
    let survey = templates::builtin("pilot-feedback").unwrap();
    let at = Utc.with_ymd_and_hms(2027, 2, 10, 9, 0, 0).unwrap();
    (0..n)
        .map(|i| {
            let mut response = complete_response(
                &survey,
                &Attributes::new(),
                &format!("r{i:04}"),
                seed + i as u64,
            );
            for &(who, element) in skips {
                if who == i {
                    let id = wavegate_core::measures::Element::ALL[element].question_id();
                    response.answers.remove(id);
                }
            }
            StoredResponse {
                response,
                person_id: Some(format!("p{i:04}")),
                submitted_at: at,
                attributes: Attributes::new(),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn survey_summary_and_readiness_agree_on_sus_nps_and_barriers(
        n in 8usize..40,
        seed in 0u64..10_000,
        skips in proptest::collection::vec((0usize..8, 0usize..5), 0..4),
    ) {
        let survey = templates::builtin("pilot-feedback").unwrap();
        let stored = responses(n, seed, &skips);

        let pairs: Vec<_> = stored.iter().map(|s| (s.response.clone(), Attributes::new())).collect();
        let options = SummaryOptions { level: 0.80, ..SummaryOptions::default() };
        let summary = summarize_with(&survey, &pairs, &options);

        let csv = export_long(&survey, &stored, Vec::new(), CsvOptions::default()).unwrap();
        let program = Program::parse(&program()).unwrap();
        let mut roster = Roster::default();
        for i in 0..n {
            roster.push(&format!("p{i:04}"), None, 1, &[]);
        }
        let read = read_responses(&csv[..]).unwrap();
        // The same answers imported as a file read as the survey results do.
        let imported = &by_survey(&read)[0];
        let (here, there) = (summary.overall.sus.as_ref().unwrap(), imported.sus.as_ref().unwrap());
        prop_assert_eq!((here.n, here.incomplete, here.mean), (there.n, there.incomplete, there.mean));
        let (here, there) = (&summary.overall.nps[0], imported.nps.as_ref().unwrap());
        prop_assert_eq!((here.promoters, here.passives, here.detractors), (there.promoters, there.passives, there.detractors));
        prop_assert_eq!(&summary.overall.adkar.as_ref().unwrap().barriers, &imported.adkar.as_ref().unwrap().barriers);
        let inputs = Inputs { responses: Some(read), ..Inputs::default() };
        let data = DataSet::new(&program, roster, inputs);
        let report = evaluate(&data, &program, NaiveDate::from_ymd_opt(2027, 2, 20).unwrap(), Lang::En, &[]);
        let wave = &report.segments[0];
        let metric = |id: MetricId| wave.metrics.iter().find(|m| m.id == id).unwrap();

        // SUS: the same mean over the same complete answer sets.
        let sus = summary.overall.sus.as_ref().unwrap();
        prop_assert_eq!(metric(MetricId::Sus).n, sus.n as u64);
        if let Some(mean) = sus.mean {
            prop_assert!(close(metric(MetricId::Sus).estimate.unwrap(), mean));
        }

        // NPS: the same score and interval at the same level.
        let nps = &summary.overall.nps[0];
        let m = metric(MetricId::Nps);
        prop_assert_eq!(m.n, nps.n as u64);
        prop_assert!(close(m.estimate.unwrap(), nps.score.unwrap()));
        let (a, b) = (m.interval.unwrap(), nps.interval.unwrap());
        prop_assert!(close(a[0], b[0]) && close(a[1], b[1]), "{:?} vs {:?}", a, b);

        // Barriers: the same share of respondents per outcome.
        let adkar = summary.overall.adkar.as_ref().unwrap();
        let individual = &report.adkar.as_ref().unwrap().individual_barriers;
        for count in &adkar.barriers {
            let share = count.count as f64 / adkar.n as f64;
            let reported = individual.get(&count.value).copied().unwrap_or(0.0);
            prop_assert!((share - reported).abs() < 0.0006, "{}: {} vs {}", count.value, share, reported);
        }
    }
}

#[test]
fn an_unanswered_element_makes_the_barrier_unknown_in_both() {
    // Before the shared definition, readiness skipped the missing Awareness answer and named the
    // next low element, while the survey summary said "incomplete".
    let survey = templates::builtin("pilot-feedback").unwrap();
    let mut stored = responses(8, 7, &[]);
    for s in &mut stored {
        s.response.answers.remove("adkar_awareness");
        s.response
            .answers
            .insert("adkar_desire".into(), Answer::Scale(2));
    }
    let csv = export_long(&survey, &stored, Vec::new(), CsvOptions::default()).unwrap();
    let program = Program::parse(&program()).unwrap();
    let mut roster = Roster::default();
    for i in 0..8 {
        roster.push(&format!("p{i:04}"), None, 1, &[]);
    }
    let inputs = Inputs {
        responses: Some(read_responses(&csv[..]).unwrap()),
        ..Inputs::default()
    };
    let data = DataSet::new(&program, roster, inputs);
    let report = evaluate(
        &data,
        &program,
        NaiveDate::from_ymd_opt(2027, 2, 20).unwrap(),
        Lang::En,
        &[],
    );
    let individual = &report.adkar.as_ref().unwrap().individual_barriers;
    assert_eq!(individual.get("incomplete"), Some(&1.0));
    assert_eq!(individual.get("desire"), Some(&0.0));
}
