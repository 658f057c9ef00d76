//! The response rate counts the people asked to answer (docs/scoring.md "Step 1 in the engine"):
//! a survey sent to the pilot alone says nothing of the later waves' willingness to answer.

use crate::readiness_support::{Scenario, program_toml};
use wavegate_core::readiness::data::ScoredAnswers;
use wavegate_core::readiness::metric::{MetricId, State};
use wavegate_core::readiness::report::{MetricReport, Report};

/// A pilot of 60 and a first wave of 200, both rolled out by 1 March; 400 wait in wave 2.
/// 50 of the pilot answered the survey.
fn pilot_answered() -> (Scenario, Vec<String>, Vec<String>) {
    let mut s = Scenario::new(&program_toml(
        "Reach",
        &["department"],
        None,
        &[
            ("pilot", "2027-01-11", "2027-01-29", Some(60)),
            ("wave-1", "2027-02-08", "2027-02-26", Some(200)),
            ("wave-2", "2027-03-08", "2027-03-26", Some(400)),
        ],
    ));
    let mut pilot = s.people(30, "pilot", &[("department", "Sales")]);
    pilot.extend(s.people(30, "pilot", &[("department", "HR")]));
    let mut wave1 = s.people(100, "wave-1", &[("department", "Sales")]);
    wave1.extend(s.people(100, "wave-1", &[("department", "HR")]));
    s.people(400, "wave-2", &[("department", "Sales")]);
    for p in pilot.iter().take(50) {
        s.delighted(p, "2027-01-20 12:00");
    }
    (s, pilot, wave1)
}

fn response_rate(r: &Report) -> &MetricReport {
    r.segments[0]
        .metrics
        .iter()
        .find(|m| m.id == MetricId::ResponseRate)
        .unwrap()
}

#[test]
fn a_survey_sent_to_the_pilot_alone_is_rated_on_the_pilot() {
    let (mut s, pilot, _) = pilot_answered();
    // Without invitations.csv everyone rolled out counts as asked: 50 of 260.
    let unknown = s.evaluate("2027-03-01");
    let m = response_rate(&unknown);
    assert_eq!((m.n, m.state), (260, State::Fail));
    // Asked: the pilot's 60, personally. 50 of 60 answered.
    for p in &pilot {
        s.invite(p, "2027-01-15 09:00");
    }
    let known = s.evaluate("2027-03-01");
    let m = response_rate(&known);
    assert_eq!((m.n, m.state), (60, State::Pass), "{m:?}");
    assert!(m.estimate.unwrap() > 0.75, "{m:?}");
}

#[test]
fn people_count_as_asked_from_the_day_their_link_was_made() {
    let (mut s, pilot, wave1) = pilot_answered();
    for p in &pilot {
        s.invite(p, "2027-01-15 09:00");
    }
    // Wave 1 was asked on 25 February and nobody has answered yet: 50 of 260 on 1 March...
    for p in &wave1 {
        s.invite(p, "2027-02-25 09:00");
    }
    let m = response_rate(&s.evaluate("2027-03-01")).clone();
    assert_eq!((m.n, m.state), (260, State::Fail), "{m:?}");
    // ...but only the pilot on 24 February, before wave 1's links existed (wave 2 is next
    // then too: wave 1 has started and is rolled out).
    let before = s.evaluate("2027-02-24");
    assert_eq!(response_rate(&before).n, 60);
}

#[test]
fn an_anonymous_link_asks_its_whole_segment() {
    let (mut s, pilot, _) = pilot_answered();
    for p in &pilot {
        s.invite(p, "2027-01-15 09:00");
    }
    // An anonymous pulse for wave 1's HR people: 100 more asked, 20 anonymous answers.
    s.invite_segment(
        &[("wave", "wave-1"), ("department", "HR")],
        "2027-02-20 09:00",
    );
    let answers = ScoredAnswers {
        nps: Some(9),
        ..ScoredAnswers::default()
    };
    for _ in 0..20 {
        s.anonymous(
            &[("wave", "wave-1"), ("department", "HR")],
            "2027-02-21 09:00",
            answers,
        );
    }
    let m = response_rate(&s.evaluate("2027-03-01")).clone();
    assert_eq!(m.n, 160, "{m:?}");
    // A link for a department nobody on the roster is in, or without a wave its answers could
    // count for, asks no one.
    s.invite_segment(
        &[("wave", "wave-1"), ("department", "Legal")],
        "2027-02-20 09:00",
    );
    s.invite_segment(&[("department", "Sales")], "2027-02-20 09:00");
    assert_eq!(response_rate(&s.evaluate("2027-03-01")).n, 160);
}

#[test]
fn a_wave_whose_answers_came_from_another_tool_counts_in_full() {
    let (mut s, _, wave1) = pilot_answered();
    // The pilot was surveyed with another tool (its answers imported, no links); wave 1 through
    // Wavegate's links, and 40 of its 200 answered.
    for p in &wave1 {
        s.invite(p, "2027-02-20 09:00");
    }
    for p in wave1.iter().take(40) {
        s.delighted(p, "2027-02-22 12:00");
    }
    let m = response_rate(&s.evaluate("2027-03-01")).clone();
    assert_eq!(m.n, 260, "the pilot's 60 count as asked: {m:?}");
}

#[test]
fn a_next_wave_asked_and_silent_is_rated_on_its_own_silence() {
    let (mut s, pilot, _) = pilot_answered();
    for p in &pilot {
        s.invite(p, "2027-01-15 09:00");
    }
    // Wave 2 (next on 1 March): 20 of its people were asked on 27 February, and one has
    // answered. Too few answers is not too little evidence: 20 people were asked, and the
    // pilot's 50 of 60 says nothing of their silence.
    let asked = s.people(20, "wave-2", &[("department", "HR")]);
    for p in &asked {
        s.invite(p, "2027-02-27 09:00");
    }
    s.delighted(&asked[0], "2027-02-28 12:00");
    let m = response_rate(&s.evaluate("2027-03-01")).clone();
    assert_eq!((m.n, m.state), (20, State::Fail), "{m:?}");
    assert!(m.estimate.unwrap() < 0.15, "{m:?}");
}
