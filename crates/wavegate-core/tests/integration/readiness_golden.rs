//! The golden example at the end of docs/scoring.md, as a specification: a pilot of 60, the next
//! wave planned at 400, a helpdesk capacity of 5 rollout tickets a day.

use crate::readiness_support::{Scenario, program_toml};
use wavegate_core::readiness::data::Compliance;
use wavegate_core::readiness::metric::{Element, MetricId, State};
use wavegate_core::readiness::report::{
    ActionKind, Confidence, DecisionKind, GateKind, MetricReport, Report, Segment, TestMethod,
};

fn program() -> String {
    program_toml(
        "Intune rollout 2027",
        &["platform"],
        Some(5.0),
        &[
            ("pilot", "2027-01-11", "2027-01-29", Some(60)),
            ("wave-1", "2027-02-08", "2027-02-26", Some(400)),
        ],
    )
}

fn seg(k: &str, v: &str) -> Segment {
    [(k.to_string(), v.to_string())].into_iter().collect()
}

/// Windows 34 of 35 enroll at the first attempt, iOS 18 of 25; 33 of the 60 answer the survey
/// (Awareness 28/33, Desire 25/33, Knowledge 17/33 agree).
fn golden() -> Report {
    let mut s = Scenario::new(&program());
    let windows = s.people(35, "pilot", &[("platform", "Windows")]);
    let ios = s.people(25, "pilot", &[("platform", "iOS")]);
    s.people(240, "wave-1", &[("platform", "Windows")]);
    s.people(160, "wave-1", &[("platform", "iOS")]);
    for (i, p) in windows.iter().enumerate() {
        if i < 1 {
            s.failure(p, "2027-01-12 09:00", "UserAbandonment");
        }
        s.device(p, "2027-01-12 10:00", Compliance::Compliant);
    }
    for (i, p) in ios.iter().enumerate() {
        if i < 7 {
            s.failure(p, "2027-01-13 09:00", "UserAbandonment");
        }
        s.device(p, "2027-01-13 10:00", Compliance::Compliant);
    }
    for p in windows.iter().take(2) {
        s.ticket(p, "2027-01-14 09:00", "Mobile device", 3, true);
    }
    let respondents: Vec<&String> = windows.iter().take(19).chain(ios.iter().take(14)).collect();
    for (i, p) in respondents.iter().enumerate() {
        let agree = |k: usize| if i < k { 4 } else { 3 };
        // Awareness, Desire and Knowledge agree for the first 28, 25 and 17 respondents.
        s.adkar(
            p,
            "2027-01-27 12:00",
            [agree(28), agree(25), agree(17), 4, 4],
        );
    }
    s.evaluate("2027-02-01")
}

fn metric<'a>(r: &'a Report, segment: &Segment, id: MetricId) -> &'a MetricReport {
    r.segments
        .iter()
        .find(|s| &s.segment == segment)
        .unwrap_or_else(|| panic!("segment {segment:?}"))
        .metrics
        .iter()
        .find(|m| m.id == id)
        .unwrap()
}

#[test]
fn windows_first_attempt_success_is_a_warning() {
    let r = golden();
    let m = metric(
        &r,
        &seg("platform", "Windows"),
        MetricId::EnrollmentFirstAttempt,
    );
    assert_eq!(m.n, 35);
    assert_eq!(m.estimate, Some(0.958));
    assert_eq!(m.interval, Some([0.914, 0.992]));
    assert_eq!(m.p_pass, Some(0.688)); // docs/scoring.md: 0.69
    assert_eq!(m.p_fail, Some(0.01));
    assert_eq!(m.state, State::Warn);
}

#[test]
fn ios_first_attempt_success_fails() {
    let r = golden();
    let m = metric(
        &r,
        &seg("platform", "iOS"),
        MetricId::EnrollmentFirstAttempt,
    );
    assert_eq!(m.estimate, Some(0.712));
    assert_eq!(m.p_fail, Some(0.957));
    assert_eq!(m.state, State::Fail);
}

#[test]
fn the_pooled_pilot_hides_the_ios_problem() {
    let r = golden();
    let m = metric(&r, &seg("wave", "wave-1"), MetricId::EnrollmentFirstAttempt);
    assert_eq!(m.n, 60);
    assert_ne!(
        m.state,
        State::Fail,
        "52/60 = 0.867 alone would not stop anyone"
    );
}

#[test]
fn the_wave_is_split_windows_proceeds_and_ios_is_held() {
    let r = golden();
    let d = r.decision.as_ref().unwrap();
    assert_eq!(d.kind, DecisionKind::Split);
    assert_eq!(d.proceed, vec![seg("platform", "Windows")]);
    assert_eq!(d.hold, vec![seg("platform", "iOS")]);
    // Windows and iOS users are different people: everyone on the list goes.
    assert!(!d.proceed_overlaps_hold());
    assert_eq!(d.recommended_size, 240);
    assert_eq!(d.confidence, Confidence::Medium, "55% answered: caution");

    let gate = r
        .gates
        .iter()
        .find(|g| g.id == GateKind::Enrollment)
        .expect("enrollment gate");
    assert_eq!(gate.scope, seg("platform", "iOS"));
    assert!(gate.confined);
    let test = gate.test.as_ref().unwrap();
    assert_eq!(test.method, TestMethod::FisherExact);
    assert_eq!(test.p, 0.007); // Fisher exact 34/1 vs 18/7
    assert_eq!(test.difference, 0.251); // 25 points apart
    assert_eq!(test.against, vec![seg("platform", "Windows")]);
}

#[test]
fn knowledge_is_the_group_barrier_so_the_action_is_training_not_delay() {
    let r = golden();
    let adkar = r.adkar.as_ref().unwrap();
    assert_eq!(adkar.respondents, 33);
    assert_eq!(adkar.group_barrier, Some(Element::Knowledge));
    let k = adkar
        .elements
        .iter()
        .find(|e| e.element == Element::Knowledge)
        .unwrap();
    assert_eq!(k.p_below_target, 0.987);
    for e in [Element::Awareness, Element::Desire] {
        let x = adkar.elements.iter().find(|x| x.element == e).unwrap();
        assert!(x.p_below_target < 0.6, "{e:?} is fine");
    }
    assert!(
        r.actions
            .iter()
            .any(|a| a.kind == ActionKind::TargetedTraining && a.target == seg("wave", "wave-1"))
    );
    assert_ne!(r.decision.unwrap().kind, DecisionKind::Delay);
}

#[test]
fn assisted_enrollment_targets_ios_where_the_failures_are() {
    let r = golden();
    let a = r
        .actions
        .iter()
        .find(|a| a.kind == ActionKind::AssistedEnrollment && a.target == seg("platform", "iOS"))
        .expect("an action for the held segment");
    assert_eq!(a.items, vec!["UserAbandonment".to_string()]);
}

#[test]
fn the_gate_says_what_would_clear_it() {
    let r = golden();
    assert!(
        r.counterfactuals
            .iter()
            .any(|c| c.starts_with("Platform iOS:")),
        "{:#?}",
        r.counterfactuals
    );
}

#[test]
fn the_timeline_has_the_pilot_enrolled_over_two_days_and_the_next_wave_not_yet() {
    // As the example report of docs/data-formats.md shows it.
    let r = golden();
    let series = |i: usize| -> Vec<(String, u32)> {
        r.enrollment_timeline[i]
            .series
            .iter()
            .map(|p| (p.date.to_string(), p.enrolled))
            .collect()
    };
    let point = |d: &str, n: u32| (d.to_string(), n);
    let [pilot, next] = &r.enrollment_timeline[..] else {
        panic!("two waves: {:?}", r.enrollment_timeline);
    };
    assert_eq!(
        (
            pilot.wave.as_str(),
            pilot.planned_size,
            pilot.people,
            pilot.enrolled
        ),
        ("pilot", 60, 60, Some(60))
    );
    assert_eq!(
        series(0),
        [
            point("2027-01-12", 35),
            point("2027-01-13", 60),
            point("2027-02-01", 60)
        ]
    );
    assert_eq!(
        (
            next.wave.as_str(),
            next.planned_size,
            next.people,
            next.enrolled
        ),
        ("wave-1", 400, 400, Some(0))
    );
    assert_eq!(series(1), [point("2027-02-01", 0)]);
}
