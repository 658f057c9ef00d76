//! The enrollment timeline of the report: per wave, its roster people who had enrolled a device
//! by each day up to the evaluation date, small waves withheld (docs/data-formats.md).

use crate::readiness_support::{Scenario, date, program_toml};
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::Compliance;
use wavegate_core::readiness::render::{markdown, table};
use wavegate_core::readiness::report::{Report, Source, SuppressionReason};

const WAVES: [(&str, &str, &str, Option<u32>); 3] = [
    ("pilot", "2027-01-11", "2027-01-29", Some(10)),
    ("wave-1", "2027-02-08", "2027-02-26", Some(40)),
    ("wave-2", "2027-03-08", "2027-03-26", None),
];

fn program() -> String {
    program_toml("Timeline", &["platform"], None, &WAVES)
}

fn day(offset: i64) -> NaiveDate {
    date("2027-01-01") + Duration::days(offset)
}

/// A person: their wave (index into [`WAVES`]) and their devices' enrollment times (day offset
/// from 1 January 2027, minute of the day).
type Person = (usize, Vec<(i64, u32)>);

/// The scenario of `people`, with only the devices `keep` accepts.
fn scenario(people: &[Person], keep: impl Fn(i64) -> bool) -> Scenario {
    let mut s = Scenario::new(&program());
    for (wave, devices) in people {
        let id = s
            .people(1, WAVES[*wave].0, &[("platform", "Windows")])
            .remove(0);
        for &(d, minute) in devices.iter().filter(|(d, _)| keep(*d)) {
            let at = format!("{} {:02}:{:02}", day(d), minute / 60, minute % 60);
            s.device(&id, &at, Compliance::Compliant);
        }
    }
    s
}

fn check(people: &[Person], at: i64, r: &Report) -> Result<(), TestCaseError> {
    let evaluated = day(at);
    prop_assert_eq!(r.enrollment_timeline.len(), WAVES.len());
    for (w, timeline) in r.enrollment_timeline.iter().enumerate() {
        prop_assert_eq!(&timeline.wave, WAVES[w].0);
        let members: Vec<&Person> = people.iter().filter(|(wave, _)| *wave == w).collect();
        prop_assert_eq!(timeline.people as usize, members.len());
        // The first day each member had a device, counting only days up to the evaluation date.
        let first: Vec<Option<i64>> = members
            .iter()
            .map(|(_, devices)| devices.iter().map(|d| d.0).filter(|&d| d <= at).min())
            .collect();
        let enrolled_by = |d: NaiveDate| first.iter().flatten().filter(|&&f| day(f) <= d).count();
        if (1..5).contains(&members.len()) {
            prop_assert_eq!(timeline.withheld, Some(SuppressionReason::Small));
            prop_assert!(
                r.suppressed
                    .iter()
                    .any(|s| s.segment.get("wave") == Some(&timeline.wave)
                        && s.n as usize == members.len()
                        && s.reason == SuppressionReason::Small),
                "{} is not listed as suppressed",
                timeline.wave
            );
        }
        if timeline.withheld.is_some() {
            prop_assert!(timeline.series.is_empty() && timeline.enrolled.is_none());
            continue;
        }
        let series = &timeline.series;
        let last = series.last().expect("a shown wave has a series");
        prop_assert_eq!(
            last.date,
            evaluated,
            "the series ends on the evaluation date"
        );
        prop_assert_eq!(last.enrolled as usize, enrolled_by(evaluated));
        prop_assert_eq!(timeline.enrolled, Some(last.enrolled));
        for pair in series.windows(2) {
            prop_assert!(pair[0].date < pair[1].date, "{:?}", series);
            prop_assert!(pair[0].enrolled <= pair[1].enrolled, "{:?}", series);
            prop_assert!(pair[0].enrolled < pair[1].enrolled || pair[1].date == evaluated);
        }
        for p in series {
            prop_assert!(p.date <= evaluated);
            prop_assert!(p.enrolled <= timeline.people);
            prop_assert_eq!(p.enrolled as usize, enrolled_by(p.date), "on {}", p.date);
        }
    }
    Ok(())
}

fn person() -> impl Strategy<Value = Person> {
    (
        0..WAVES.len(),
        proptest::collection::vec((-20i64..100, 0u32..1440), 0..3),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_series_counts_each_person_once_from_their_first_device_up_to_the_evaluation_date(
        people in proptest::collection::vec(person(), 0..40),
        at in 0i64..90,
    ) {
        let r = scenario(&people, |_| true).evaluate(&day(at).to_string());
        check(&people, at, &r)?;
        // What enrolled after the evaluation date changes nothing.
        let before = scenario(&people, |d| d <= at).evaluate(&day(at).to_string());
        prop_assert_eq!(&r.enrollment_timeline, &before.enrollment_timeline);
        prop_assert_eq!(&r.suppressed, &before.suppressed);
    }
}

/// A pilot of 12 enrolled over three days, a next wave of 3 (too small to show), a later wave
/// of 8 of whom two enrolled early.
fn three_waves() -> Scenario {
    let mut s = Scenario::new(&program());
    let pilot = s.people(12, "pilot", &[("platform", "Windows")]);
    let next = s.people(3, "wave-1", &[("platform", "Windows")]);
    let later = s.people(8, "wave-2", &[("platform", "iOS")]);
    for (i, p) in pilot.iter().enumerate() {
        let d = ["2027-01-12 09:00", "2027-01-13 10:00", "2027-01-15 16:00"][i % 3];
        if i < 9 {
            s.device(p, d, Compliance::Compliant);
        }
    }
    s.device(&next[0], "2027-01-20 09:00", Compliance::Compliant);
    for p in later.iter().take(2) {
        s.device(p, "2027-01-25 09:00", Compliance::Compliant);
    }
    s
}

#[test]
fn the_json_names_each_wave_with_its_dates_counts_and_series() {
    let r = three_waves().evaluate("2027-02-01");
    let json: serde_json::Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
    let timeline = &json["enrollment_timeline"];
    assert_eq!(
        timeline[0],
        serde_json::json!({
            "wave": "pilot", "start": "2027-01-11", "end": "2027-01-29",
            "planned_size": 10, "people": 12, "enrolled": 9,
            "series": [
                {"date": "2027-01-12", "enrolled": 3},
                {"date": "2027-01-13", "enrolled": 6},
                {"date": "2027-01-15", "enrolled": 9},
                {"date": "2027-02-01", "enrolled": 9}
            ],
            "withheld": null
        })
    );
    // The next wave of 3 shows nothing, and the smallest other wave is hidden with it.
    assert_eq!(timeline[1]["withheld"], "small");
    assert_eq!(timeline[1]["enrolled"], serde_json::Value::Null);
    assert_eq!(timeline[1]["series"], serde_json::json!([]));
    assert_eq!(timeline[0]["withheld"], serde_json::Value::Null);
    assert_eq!(timeline[2]["withheld"], "complementary");
    let listed: Vec<(String, u32, Source, SuppressionReason)> = r
        .suppressed
        .iter()
        .filter_map(|s| Some((s.segment.get("wave")?.clone(), s.n, s.group, s.reason)))
        .filter(|(_, _, g, _)| *g != Source::RolledOut)
        .collect();
    assert_eq!(
        listed,
        [
            (
                "wave-1".into(),
                3,
                Source::NextWave,
                SuppressionReason::Small
            ),
            (
                "wave-2".into(),
                8,
                Source::LaterWave,
                SuppressionReason::Complementary
            ),
        ],
        "{:?}",
        r.suppressed
    );
}

#[test]
fn every_rendering_has_the_table_in_both_languages() {
    let s = three_waves();
    let mut r = s.evaluate("2027-02-01");
    let en = markdown(&r);
    assert!(en.contains("## Enrollment per wave"), "{en}");
    assert!(
        en.contains(
            "| Wave | Start | End | Planned size | In the roster | Enrolled by 1 February 2027 | Share |"
        ),
        "{en}"
    );
    assert!(
        en.contains("| pilot | 11 January 2027 | 29 January 2027 | 10 | 12 | 9 | 75% |"),
        "{en}"
    );
    assert!(
        en.contains("| wave-1 | 8 February 2027 | 26 February 2027 | 40 | 3 | hidden (fewer than 5 people) | – |"),
        "{en}"
    );
    r.lang = Lang::Nl;
    let nl = table(&r);
    assert!(nl.contains("Inschrijving per golf"), "{nl}");
    assert!(nl.contains("Ingeschreven op 1 februari 2027"), "{nl}");
    assert!(nl.contains("verborgen (minder dan 5 mensen)"), "{nl}");
    let html = wavegate_core::readiness::render::html(&r, &Default::default());
    assert!(html.contains("Inschrijving per golf"));
}

#[test]
fn without_devices_the_reports_say_so_instead_of_counting() {
    let r = three_waves().without("devices").evaluate("2027-02-01");
    assert!(
        r.enrollment_timeline
            .iter()
            .all(|w| w.enrolled.is_none() && w.series.is_empty())
    );
    // Nothing is withheld where nothing is shown (the next wave of 3 is still listed by the
    // decision's own rule).
    assert!(r.enrollment_timeline.iter().all(|w| w.withheld.is_none()));
    assert!(!r.suppressed.iter().any(|s| s.group == Source::LaterWave));
    let md = markdown(&r);
    assert!(md.contains("No devices\\.csv was read"), "{md}");
}

#[test]
fn when_every_wave_has_started_the_timeline_is_still_there() {
    let r = three_waves().evaluate("2027-04-01");
    assert!(r.decision.is_none());
    assert_eq!(r.enrollment_timeline.len(), 3);
    assert_eq!(r.enrollment_timeline[0].enrolled, Some(9));
    assert!(
        markdown(&r).contains("| pilot | 11 January 2027 | 29 January 2027 | 10 | 12 | 9 | 75% |")
    );
    assert!(table(&r).contains("Enrollment per wave"));
}

/// [`three_waves`] with the pilot and the next wave named in program.toml.
fn three_named_waves() -> Scenario {
    let mut s = three_waves();
    let named = program()
        .replace("id = \"pilot\"\n", "id = \"pilot\"\nname = \"Pilot IT\"\n")
        .replace(
            "id = \"wave-1\"\n",
            "id = \"wave-1\"\nname = \"Regio Noord\"\n",
        );
    s.program = wavegate_core::readiness::Program::parse(&named).unwrap();
    s
}

#[test]
fn wave_names_reach_the_json_and_every_rendering_after_the_id() {
    let r = three_named_waves().evaluate("2027-02-01");
    assert_eq!(r.next_wave.as_deref(), Some("wave-1"));
    assert_eq!(r.next_wave_name.as_deref(), Some("Regio Noord"));
    assert_eq!(r.next_wave_label().as_deref(), Some("wave-1 (Regio Noord)"));
    let json: serde_json::Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
    assert_eq!(json["next_wave"], "wave-1");
    assert_eq!(json["next_wave_name"], "Regio Noord");
    let timeline = &json["enrollment_timeline"];
    assert_eq!(timeline[0]["name"], "Pilot IT");
    assert_eq!(timeline[1]["name"], "Regio Noord");
    assert!(timeline[2].get("name").is_none(), "{}", timeline[2]);
    let md = markdown(&r);
    assert!(md.contains("**Next wave:** wave-1 (Regio Noord)"), "{md}");
    assert!(
        md.contains("| pilot (Pilot IT) | 11 January 2027 | 29 January 2027 | 10 | 12 | 9 | 75% |"),
        "{md}"
    );
    assert!(md.contains("| wave-2 | 8 March 2027 |"), "{md}");
    let terminal = table(&r);
    assert!(terminal.contains("wave-1 (Regio Noord)"), "{terminal}");
    let html = wavegate_core::readiness::render::html(&r, &Default::default());
    assert!(html.contains("wave-1 (Regio Noord)"), "{html}");
}

#[test]
fn without_wave_names_the_json_has_no_name_keys() {
    let json = three_waves().evaluate("2027-02-01").to_json().unwrap();
    assert!(!json.contains("next_wave_name"), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    for wave in value["enrollment_timeline"].as_array().unwrap() {
        assert!(wave.get("name").is_none(), "{wave}");
    }
}
