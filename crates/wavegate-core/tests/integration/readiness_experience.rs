//! What a message to the next wave may quote of how it went for the colleagues who went first.

use crate::readiness_support::{Scenario, program_toml};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::Compliance;
use wavegate_core::readiness::experience::{paragraph, quotable};
use wavegate_core::readiness::metric::{MetricId, State};
use wavegate_core::readiness::report::{Report, Segment};

/// A pilot of 200 Windows users who all enrolled at the first attempt and found it smooth,
/// and 24 iOS users of whom `ios_failed` needed more than one attempt; wave 1 waits.
fn pilot(ios_failed: usize) -> Report {
    let toml = program_toml(
        "Experience",
        &["platform"],
        Some(50.0),
        &[
            ("pilot", "2027-01-11", "2027-01-29", Some(224)),
            ("wave-1", "2027-02-08", "2027-02-26", Some(400)),
        ],
    );
    let mut s = Scenario::new(&toml);
    let windows = s.people(200, "pilot", &[("platform", "Windows")]);
    let ios = s.people(24, "pilot", &[("platform", "iOS")]);
    s.people(300, "wave-1", &[("platform", "Windows")]);
    s.people(100, "wave-1", &[("platform", "iOS")]);
    for (i, p) in windows.iter().chain(&ios).enumerate() {
        if i >= 200 && i - 200 < ios_failed {
            s.failure(p, "2027-01-12 09:00", "Device limit reached");
        }
        s.device(p, "2027-01-12 10:00", Compliance::Compliant);
        s.training(p, "intune-basics", 1, true, &[("privacy", 1.0)]);
        s.delighted(p, "2027-01-20 12:00");
    }
    s.evaluate("2027-02-01")
}

fn segment(pairs: &[(&str, &str)]) -> Segment {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn metrics(report: &Report, target: &Segment) -> Vec<MetricId> {
    quotable(report, target).iter().map(|e| e.metric).collect()
}

#[test]
fn a_message_quotes_what_went_well_for_those_who_went_first_with_a_bound_that_holds() {
    let r = pilot(0);
    let wave = segment(&[("wave", "wave-1")]);
    let quoted = quotable(&r, &wave);
    let first = quoted
        .iter()
        .find(|e| e.metric == MetricId::EnrollmentFirstAttempt)
        .unwrap_or_else(|| panic!("{quoted:?}"));
    // The bound is under the interval's lower end: "more than 95%" only when it holds.
    let whole = r.segments.iter().find(|s| s.segment == wave).unwrap();
    let m = whole
        .metrics
        .iter()
        .find(|m| m.id == MetricId::EnrollmentFirstAttempt)
        .unwrap();
    assert_eq!(m.state, State::Pass);
    assert!(f64::from(first.bound) <= m.interval.unwrap()[0] * 100.0);
    assert!(first.bound >= 90, "{first:?}");
    let text = paragraph(&quoted, Lang::Nl).unwrap();
    assert!(
        text.contains(&format!(
            "meer dan {}% schreef het toestel in één keer in",
            first.bound
        )),
        "{text}"
    );
    assert!(text.contains("soepel"), "{text}");
}

#[test]
fn a_group_for_whom_it_did_not_go_well_is_not_told_that_it_did() {
    // Five of 24 iOS users needed another attempt: the wave as a whole still passes, iOS
    // does not, so a message to iOS says nothing about enrolling at the first attempt.
    let r = pilot(5);
    let ios = segment(&[("platform", "iOS")]);
    let group = r.segments.iter().find(|s| s.segment == ios).unwrap();
    let state = group
        .metrics
        .iter()
        .find(|m| m.id == MetricId::EnrollmentFirstAttempt)
        .unwrap()
        .state;
    assert!(matches!(state, State::Warn | State::Fail), "{state:?}");
    let wave = segment(&[("wave", "wave-1")]);
    assert!(metrics(&r, &wave).contains(&MetricId::EnrollmentFirstAttempt));
    assert!(!metrics(&r, &ios).contains(&MetricId::EnrollmentFirstAttempt));
    assert!(metrics(&r, &ios).contains(&MetricId::EnrollExperience));
}
