//! Decisions follow the evidence down to the segment: a failure confined to one segment splits
//! the wave, actions target the group where the problem is, and small groups are never shown.
//! The organisations are generated: a healthy pilot and next wave, split along platform, region
//! and department (values assigned independently), with one problem planted.

use crate::readiness_support::{Scenario, program_toml};
use proptest::prelude::*;
use std::collections::BTreeMap;
use wavegate_core::readiness::data::{Compliance, ScoredAnswers};
use wavegate_core::readiness::metric::{Dimension, MetricId, State};
use wavegate_core::readiness::report::{
    ActionKind, DecisionKind, Report, Segment, Source, SuppressionReason,
};

const ATTRIBUTES: [(&str, &[&str]); 3] = [
    ("platform", &["Windows", "iOS", "Android"]),
    ("region", &["Noord", "Zuid", "West"]),
    ("department", &["Finance", "Sales", "IT"]),
];

/// What is planted in one child segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Planted {
    /// Half of its rolled-out people never enrolled.
    EnrollmentCompletion,
    /// Half of its rolled-out people failed their first attempt.
    FirstAttempt,
    /// Half of its devices are not compliant.
    Compliance,
    /// Almost nobody in it completed training.
    TrainingCompletion,
    /// Its people finish training but get one quiz topic mostly wrong.
    WeakTopic,
}

const PLANTED: [Planted; 4] = [
    Planted::EnrollmentCompletion,
    Planted::FirstAttempt,
    Planted::Compliance,
    Planted::TrainingCompletion,
];

/// Answers of someone for whom the change goes well.
fn healthy_answers() -> ScoredAnswers {
    ScoredAnswers {
        adkar: [Some(5), Some(4), Some(5), Some(4), Some(5)],
        enroll_experience: Some(5),
        nps: Some(9),
        sus: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1].map(Some),
    }
}

fn program() -> String {
    program_toml(
        "Generated",
        &["platform", "region", "department"],
        Some(1000.0),
        &[
            ("pilot", "2027-01-11", "2027-01-29", None),
            ("wave-1", "2027-02-15", "2027-03-05", None),
        ],
    )
}

/// Attribute values for person `i`: each attribute cycles at its own stride, so the values are
/// balanced and independent of one another.
fn attributes(i: usize) -> [(&'static str, &'static str); 3] {
    let mut stride = 1;
    ATTRIBUTES.map(|(name, values)| {
        let v = values[(i / stride) % values.len()];
        stride *= values.len();
        (name, v)
    })
}

/// How a healthy organisation's people fare where nothing is planted.
#[derive(Clone, Copy, Debug)]
struct Health {
    /// Share of enrolled devices that are compliant.
    compliant: f64,
    /// Share of enrolling people whose first attempt fails.
    first_attempt_fails: f64,
    /// Share of people who finish their training.
    trained: f64,
}

/// Nearly everything goes right: a planted failure stands out clearly.
const SPOTLESS: Health = Health {
    compliant: 1.0,
    first_attempt_fails: 0.0,
    trained: 0.97,
};

/// Healthy as organisations really are: each rate safely on the passing side, with the
/// ordinary misses that make some small segment look bad by chance.
const ORDINARY: Health = Health {
    compliant: 0.92,
    first_attempt_fails: 0.05,
    trained: 0.92,
};

/// A healthy organisation with `pilot` people rolled out and `next` people waiting, and a
/// failure planted in segment `attribute = value` (when given).
fn organisation(
    pilot: usize,
    next: usize,
    seed: u64,
    plant: Option<(usize, usize, Planted)>,
) -> Scenario {
    organisation_of(SPOTLESS, pilot, next, seed, plant)
}

/// [`organisation`] with the given health.
fn organisation_of(
    health: Health,
    pilot: usize,
    next: usize,
    seed: u64,
    plant: Option<(usize, usize, Planted)>,
) -> Scenario {
    let mut s = Scenario::new(&program());
    // A small deterministic generator: the same seed gives the same organisation.
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut chance = move |p: f64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 11) as f64 / (1u64 << 53) as f64) < p
    };
    let in_plant = |a: &[(&str, &str); 3], what: Planted| {
        plant.is_some_and(|(attr, value, p)| p == what && a[attr].1 == ATTRIBUTES[attr].1[value])
    };
    // Exactly every other person of the planted segment is hit: "half" by chance was now and
    // then a third of a small pilot's segment, too little to tell from noise, and the test
    // would fail for a plant that was not there.
    let mut planted_so_far = 0usize;
    let mut every_other = move || {
        planted_so_far += 1;
        planted_so_far % 2 == 1
    };
    let healthy = healthy_answers();
    for i in 0..pilot + next {
        let wave = if i < pilot { "pilot" } else { "wave-1" };
        let a = attributes(i);
        let id = s.people(1, wave, &a).remove(0);
        if wave == "pilot" {
            let never = in_plant(&a, Planted::EnrollmentCompletion) && every_other();
            if !never && chance(0.995) {
                let planted = in_plant(&a, Planted::FirstAttempt) && every_other();
                if planted || chance(health.first_attempt_fails) {
                    s.failure(&id, "2027-01-12 09:00", "MdmEnrollmentTimeout");
                }
                let compliant = !(in_plant(&a, Planted::Compliance) && every_other())
                    && chance(health.compliant);
                s.device(
                    &id,
                    "2027-01-12 10:00",
                    if compliant {
                        Compliance::Compliant
                    } else {
                        Compliance::Noncompliant
                    },
                );
            }
        }
        // Training before the wave, for the pilot and the next wave alike.
        if in_plant(&a, Planted::TrainingCompletion) && chance(0.95) {
            s.assigned(&id, "intune-basics");
        } else {
            s.training(
                &id,
                "intune-basics",
                1,
                chance(health.trained),
                &[
                    (
                        "privacy",
                        if in_plant(&a, Planted::WeakTopic) {
                            0.3
                        } else {
                            1.0
                        },
                    ),
                    ("steps", 1.0),
                ],
            );
        }
        if chance(0.8) {
            s.answers(&id, "2027-02-05 12:00", healthy);
        }
    }
    s
}

fn hold(r: &Report) -> Vec<Segment> {
    r.decision
        .as_ref()
        .map(|d| d.hold.clone())
        .unwrap_or_default()
}

fn segment(attribute: usize, value: usize) -> Segment {
    Segment::from([(
        ATTRIBUTES[attribute].0.to_string(),
        ATTRIBUTES[attribute].1[value].to_string(),
    )])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Point 1: a failure confined to one child segment splits the wave; only that child is
    /// held and its siblings go ahead.
    #[test]
    fn a_failure_planted_in_one_segment_holds_exactly_that_segment(
        attribute in 0usize..3,
        value in 0usize..3,
        planted in prop::sample::select(PLANTED.to_vec()),
        large in any::<bool>(),
        seed in 0u64..1_000,
    ) {
        let pilot = if large { 270 } else { 90 };
        let s = organisation(pilot, 270, seed, Some((attribute, value, planted)));
        let r = s.evaluate("2027-02-08");
        let d = r.decision.as_ref().unwrap();
        prop_assert_eq!(d.kind, DecisionKind::Split, "{}", d.explanation);
        prop_assert_eq!(hold(&r), vec![segment(attribute, value)], "{}", d.explanation);
        for v in (0..3).filter(|&v| v != value) {
            prop_assert!(d.proceed.contains(&segment(attribute, v)), "{:?}", d.proceed);
        }
    }

    /// Point 2: every action targets a group where its metric warns or fails, and every
    /// segment failing in Knowledge or Reach is named by an action.
    #[test]
    fn actions_target_the_groups_where_their_metric_is_weak(
        attribute in 0usize..3,
        value in 0usize..3,
        planted in prop::sample::select([&PLANTED[..], &[Planted::WeakTopic]].concat()),
        seed in 0u64..1_000,
    ) {
        let s = organisation(150, 270, seed, Some((attribute, value, planted)));
        check_actions(&s.evaluate("2027-02-08"))?;
    }

    /// Point 5: no group under 5 people is shown, every one is listed, and nothing names one.
    #[test]
    fn small_groups_are_never_shown_and_always_listed(
        pilot in 20usize..80,
        next in 20usize..120,
        seed in 0u64..1_000,
    ) {
        let s = organisation(pilot, next, seed, None);
        check_small_groups(&s, &s.evaluate("2027-02-08"))?;
    }
}

/// A healthy organisation is neither split nor held by chance. With 36 segments and a dozen
/// metrics each, some small segment always looks bad; the engine must read that as the noise it
/// is. Benjamini–Hochberg at q < 0.10 allows a false split now and then, not one in three (7 of
/// these 20 split when only the failing cells made up the family), and a segment that does not
/// stand out holds nothing while the wave as a whole is clear of its failure.
#[test]
fn an_ordinary_healthy_organisation_is_rarely_split_and_never_held() {
    let mut split = Vec::new();
    for seed in 0..20u64 {
        let r = organisation_of(ORDINARY, 200, 270, seed, None).evaluate("2027-02-08");
        let d = r.decision.unwrap();
        assert_ne!(d.kind, DecisionKind::Hold, "seed {seed}: {}", d.explanation);
        if d.kind == DecisionKind::Split {
            split.push((seed, d.explanation));
        }
    }
    assert!(split.len() <= 2, "{} of 20 split: {split:#?}", split.len());
}

/// The target of each action, and whether it (or the wave) is where its metric is weak.
fn check_actions(r: &Report) -> Result<(), TestCaseError> {
    let seg = |s: &Segment| r.segments.iter().find(|x| &x.segment == s);
    let metric_based = |reason| {
        use wavegate_core::readiness::report::ActionReason::*;
        matches!(
            reason,
            EnrollmentFailures | WeakTopic | KnowledgeGap | LowReach
        )
    };
    for a in r.actions.iter().filter(|a| metric_based(a.reason)) {
        let target = seg(&a.target).expect("an action targets a reported segment");
        let m = target
            .metrics
            .iter()
            .find(|m| Some(m.id) == a.metric)
            .expect("the action's metric");
        prop_assert!(
            matches!(m.state, State::Warn | State::Fail),
            "{:?} on {:?}: {:?}",
            a.kind,
            a.target,
            m.state
        );
    }
    for s in r.segments.iter().skip(1) {
        for d in [Dimension::Knowledge, Dimension::Reach] {
            if s.dimensions.get(&d).is_some_and(|x| x.state == State::Fail) {
                // Named by an action for it, for a group that holds it, or for the part of it
                // where the problem is (its other people being clear of it).
                let named = r.actions.iter().any(|a| {
                    let contains = |outer: &Segment| {
                        !outer.contains_key("wave")
                            && outer.iter().all(|(k, v)| s.segment.get(k) == Some(v))
                    };
                    let part = (s.segment.iter()).all(|(k, v)| a.target.get(k) == Some(v));
                    contains(&a.target) || part || a.failing_within.iter().any(contains)
                });
                prop_assert!(
                    named,
                    "{:?} fails {:?} but no action names it",
                    s.segment,
                    d
                );
            }
        }
    }
    Ok(())
}

/// People per (segment, group) computed from the scenario's own roster.
fn group_sizes(s: &Scenario) -> BTreeMap<(Segment, Source), u32> {
    let mut out = BTreeMap::new();
    for (wave, attributes) in s.people_list() {
        let group = if wave == "pilot" {
            Source::RolledOut
        } else {
            Source::NextWave
        };
        let n = attributes.len();
        for i in 0..n {
            for j in i..n {
                let mut key = Segment::new();
                key.insert(attributes[i].0.clone(), attributes[i].1.clone());
                key.insert(attributes[j].0.clone(), attributes[j].1.clone());
                *out.entry((key, group)).or_insert(0) += 1;
            }
        }
    }
    out
}

fn check_small_groups(s: &Scenario, r: &Report) -> Result<(), TestCaseError> {
    let sizes = group_sizes(s);
    let size = |seg: &Segment, g: Source| sizes.get(&(seg.clone(), g)).copied().unwrap_or(0);
    // Behaviour folded into the ADKAR table (quiz passes, enrolled without a ticket) is a
    // group's evidence too: never of fewer than 5.
    let adkars = r
        .adkar
        .iter()
        .chain(r.segments.iter().filter_map(|s| s.adkar.as_ref()));
    for e in adkars.flat_map(|a| &a.elements) {
        prop_assert!(
            !e.behaviour_n.is_some_and(|n| (1..5).contains(&n)),
            "ADKAR behaviour of {:?} people",
            e.behaviour_n
        );
    }
    // A part of the helpdesk forecast is its segment's rolled-out tickets: named only when
    // that group may be shown.
    let forecast_parts = r.helpdesk_forecast.iter().flat_map(|f| &f.segments);
    for part in forecast_parts.filter(|p| !p.segment.is_empty()) {
        prop_assert!(
            !r.suppressed
                .iter()
                .any(|x| x.segment == part.segment && x.group == Source::RolledOut),
            "the forecast names {:?}, whose rolled-out group is hidden",
            part.segment
        );
    }
    for seg in r.segments.iter().skip(1) {
        prop_assert!(
            size(&seg.segment, Source::NextWave) >= 5,
            "{:?}",
            seg.segment
        );
        if (1..5).contains(&size(&seg.segment, Source::RolledOut)) {
            for m in &seg.metrics {
                prop_assert!(
                    m.source != Source::RolledOut || m.estimate.is_none(),
                    "{:?} {:?} shows evidence of fewer than 5 people",
                    seg.segment,
                    m.id
                );
            }
        }
        for m in &seg.metrics {
            if m.id != MetricId::TicketRate
                && m.id != MetricId::ResponseRate
                && (1..5).contains(&m.n)
            {
                prop_assert!(
                    m.estimate.is_none(),
                    "{:?} {:?} n = {}",
                    seg.segment,
                    m.id,
                    m.n
                );
            }
        }
    }
    for ((seg, group), n) in &sizes {
        if (1..5).contains(n) {
            prop_assert!(
                r.suppressed
                    .iter()
                    .any(|x| &x.segment == seg && x.group == *group && x.n == *n),
                "{:?} ({:?}, {}) is not listed",
                seg,
                group,
                n
            );
        }
    }
    // Only groups of somebody are listed: "next wave: 0" is no group to hide.
    for x in &r.suppressed {
        prop_assert!(
            x.n > 0,
            "{:?} ({:?}) is listed with nobody in it",
            x.segment,
            x.group
        );
    }
    // Nothing names a segment that is not reported, nor rests on evidence that is hidden.
    let reported = |seg: &Segment| r.segments.iter().find(|x| &x.segment == seg);
    // No hidden next-wave group can be worked out by subtraction: within the wave and within
    // every reported segment, along each attribute it does not fix, the hidden children are
    // none, or at least two with 5 people together. Finance's iOS users are among Finance's
    // platforms and among iOS's departments: both breakdowns count.
    let mut parents = vec![Segment::new()];
    parents.extend(
        r.segments
            .iter()
            .skip(1)
            .filter(|x| x.segment.len() == 1)
            .map(|x| x.segment.clone()),
    );
    for parent in &parents {
        for (attribute, values) in ATTRIBUTES {
            if parent.contains_key(attribute) {
                continue;
            }
            let hidden: Vec<(Segment, u32)> = values
                .iter()
                .map(|v| {
                    let mut child = parent.clone();
                    child.insert(attribute.to_string(), v.to_string());
                    let n = size(&child, Source::NextWave);
                    (child, n)
                })
                .filter(|(child, n)| *n > 0 && reported(child).is_none())
                .collect();
            let people: u32 = hidden.iter().map(|(_, n)| n).sum();
            prop_assert!(
                hidden.is_empty() || (hidden.len() >= 2 && people >= 5),
                "within {:?} by {}, {:?} can be worked out by subtraction",
                parent,
                attribute,
                hidden
            );
        }
    }
    for g in &r.gates {
        prop_assert!(reported(&g.scope).is_some(), "a gate names {:?}", g.scope);
    }
    for a in &r.actions {
        let target = reported(&a.target);
        prop_assert!(target.is_some(), "an action names {:?}", a.target);
        if let (Some(t), Some(id)) = (target, a.metric) {
            let m = t.metrics.iter().find(|m| m.id == id);
            prop_assert!(
                m.is_none_or(|m| !m.suppressed),
                "{:?} rests on hidden {:?}",
                a.target,
                id
            );
        }
    }
    let _ = SuppressionReason::Small;
    Ok(())
}

#[test]
fn one_failing_segment_in_the_middle_of_its_platform_is_the_one_held() {
    // iOS fails enrollment only in Noord: the most specific segment that explains it is
    // iOS × Noord, not iOS.
    let mut s = Scenario::new(&program());
    for i in 0..540 {
        let wave = if i < 270 { "pilot" } else { "wave-1" };
        let a = attributes(i);
        let id = s.people(1, wave, &a).remove(0);
        if wave == "pilot" {
            let troubled = a[0].1 == "iOS" && a[1].1 == "Noord";
            if !(troubled && (i / 27) % 3 != 0) {
                s.device(&id, "2027-01-12 10:00", Compliance::Compliant);
            }
        }
        s.training(&id, "intune-basics", 1, true, &[("privacy", 1.0)]);
        s.delighted(&id, "2027-02-05 12:00");
    }
    let r = s.evaluate("2027-02-08");
    let ios_noord = Segment::from([
        ("platform".to_string(), "iOS".to_string()),
        ("region".to_string(), "Noord".to_string()),
    ]);
    assert_eq!(hold(&r), vec![ios_noord.clone()], "{:#?}", r.decision);
    // The help with enrolling goes to the same people, not to every iOS user: the other iOS
    // users enrolled well. Before, it went to all of iOS.
    let assisted: Vec<&Segment> = (r.actions.iter())
        .filter(|a| a.kind == ActionKind::AssistedEnrollment)
        .map(|a| &a.target)
        .collect();
    assert_eq!(assisted, vec![&ios_noord], "{:#?}", r.actions);
}

#[test]
fn one_person_without_a_value_cannot_be_worked_out_from_the_segments() {
    // The next wave: 5 in Finance, 5 in Sales and one without a department. The wave minus
    // both departments would be that one person, so one department is hidden beside them.
    let mut s = Scenario::new(&program());
    for i in 0..60 {
        let id = s.people(1, "pilot", &attributes(i)).remove(0);
        s.device(&id, "2027-01-12 10:00", Compliance::Compliant);
    }
    let place = [("platform", "Windows"), ("region", "Noord")];
    for department in ["Finance", "Sales"] {
        s.people(
            5,
            "wave-1",
            &[place[0], place[1], ("department", department)],
        );
    }
    s.people(1, "wave-1", &place);
    let r = s.evaluate("2027-02-08");
    let departments: Vec<&String> = (r.segments.iter().skip(1))
        .filter(|x| x.segment.len() == 1)
        .filter_map(|x| x.segment.get("department"))
        .collect();
    assert_eq!(departments.len(), 1, "{departments:?}");
    assert!(
        r.suppressed
            .iter()
            .any(|x| x.segment.contains_key("department")
                && x.group == Source::NextWave
                && x.reason == SuppressionReason::Complementary),
        "{:#?}",
        r.suppressed
    );
}

#[test]
fn depth_one_keeps_segments_to_one_attribute() {
    let mut program = program();
    program = program.replace("split_attributes", "segment_depth = 1\nsplit_attributes");
    let mut s = Scenario::new(&program);
    for i in 0..200 {
        s.people(1, if i < 100 { "pilot" } else { "wave-1" }, &attributes(i));
    }
    let r = s.evaluate("2027-02-08");
    assert!(r.segments.iter().skip(1).all(|x| x.segment.len() == 1));
}

#[test]
fn a_small_child_leans_toward_its_parent() {
    // 10 rolled-out iOS × Noord people of whom 5 enrolled: on its own 0.5; shrunk toward iOS
    // (nearly all enrolled) the estimate is well above 0.5.
    let mut s = Scenario::new(&program());
    for i in 0..360 {
        let wave = if i < 90 { "pilot" } else { "wave-1" };
        let a = attributes(i);
        let id = s.people(1, wave, &a).remove(0);
        if wave == "pilot" && !(a[0].1 == "iOS" && a[1].1 == "Noord" && i % 2 == 0) {
            s.device(&id, "2027-01-12 10:00", Compliance::Compliant);
        }
    }
    let r = s.evaluate("2027-02-08");
    let child = r
        .segments
        .iter()
        .find(|x| {
            x.segment.get("platform").map(String::as_str) == Some("iOS")
                && x.segment.get("region").map(String::as_str) == Some("Noord")
                && x.segment.len() == 2
        })
        .expect("iOS × Noord");
    let m = child
        .metrics
        .iter()
        .find(|m| m.id == MetricId::EnrollmentCompletion)
        .unwrap();
    assert_eq!(m.n, 10);
    assert!(m.estimate.unwrap() > 0.6, "{:?}", m.estimate);
}

#[test]
fn a_failing_child_whose_siblings_are_each_too_small_to_judge_is_held_against_the_rest() {
    // iOS users in West: 8 of 21 never enrolled. Their siblings are each too few to judge, so
    // there was nothing to compare with, and the wave waited for more evidence. Together they
    // are the rest of iOS (57 people, all enrolled), or the rest of West (38).
    let program = program_toml(
        "Nested",
        &["platform", "region"],
        Some(1000.0),
        &[
            ("pilot", "2027-01-11", "2027-01-29", None),
            ("wave-1", "2027-02-15", "2027-03-05", None),
        ],
    );
    let mut s = Scenario::new(&program);
    // Neither iOS (8 of 78 failing) nor West (8 of 59) fails as a whole; iOS × West (8 of 21)
    // does, and every sibling of it, either way, has 19 people.
    let groups = [
        ("iOS", "West", 21),
        ("iOS", "Noord", 19),
        ("iOS", "Oost", 19),
        ("iOS", "Zuid", 19),
        ("Windows", "West", 19),
        ("Android", "West", 19),
        ("Windows", "Noord", 30),
        ("Windows", "Oost", 30),
    ];
    for (platform, region, n) in groups {
        let attrs = [("platform", platform), ("region", region)];
        for (k, id) in s.people(n, "pilot", &attrs).iter().enumerate() {
            if !(platform == "iOS" && region == "West" && k < 8) {
                s.device(id, "2027-01-12 10:00", Compliance::Compliant);
            }
        }
        for id in s.people(n, "wave-1", &attrs) {
            s.training(&id, "intune-basics", 1, true, &[("privacy", 1.0)]);
            s.delighted(&id, "2027-02-05 12:00");
        }
    }
    let r = s.evaluate("2027-02-08");
    let ios_west = Segment::from([
        ("platform".to_string(), "iOS".to_string()),
        ("region".to_string(), "West".to_string()),
    ]);
    assert_eq!(
        r.decision.as_ref().map(|d| d.kind),
        Some(DecisionKind::Split),
        "{:#?}",
        r.decision
    );
    assert_eq!(hold(&r), vec![ios_west]);
}

/// Two platforms in three regions, 20 pilot people and 40 of the next wave per cell; in the
/// pilot `failed(platform, region)` of each cell's 20 failed their first enrollment attempt,
/// all else healthy.
fn two_platforms(failed: impl Fn(&str, &str) -> usize) -> Scenario {
    platform_cells(&["Noord", "Zuid", "Oost"], |_, _| 40, failed)
}

/// iOS and Windows users in `regions`: 20 pilot people per cell, of whom `failed(platform,
/// region)` failed their first enrollment attempt, and `next(platform, region)` in the next
/// wave; all else healthy.
fn platform_cells(
    regions: &[&str],
    next: impl Fn(&str, &str) -> usize,
    failed: impl Fn(&str, &str) -> usize,
) -> Scenario {
    let mut s = Scenario::new(&program_toml(
        "Two platforms",
        &["platform", "region"],
        Some(50.0),
        &[
            ("pilot", "2027-01-11", "2027-01-29", None),
            ("wave-1", "2027-02-15", "2027-03-05", None),
        ],
    ));
    let healthy = healthy_answers();
    for platform in ["iOS", "Windows"] {
        for &region in regions {
            let attrs = [("platform", platform), ("region", region)];
            let failed = failed(platform, region);
            for (k, id) in s.people(20, "pilot", &attrs).into_iter().enumerate() {
                if k < failed {
                    s.failure(&id, "2027-01-12 09:00", "UserAbandonment");
                }
                s.device(&id, "2027-01-12 10:00", Compliance::Compliant);
                s.training(&id, "intune-basics", 1, true, &[("privacy", 1.0)]);
            }
            for id in s.people(next(platform, region), "wave-1", &attrs) {
                s.training(&id, "intune-basics", 1, true, &[("privacy", 1.0)]);
                s.answers(&id, "2027-01-28 12:00", healthy);
            }
        }
    }
    s
}

/// A gate that fires in a segment that does not stand out from its siblings cannot be confined
/// there, so it holds the whole wave (docs/scoring.md step 6: HOLD is for what cannot be
/// confined), and the decision says where it fired. Before, it "counted in the wave", whose
/// pooled figure only warned, and the wave went ahead with "no gate fired" beside the gate.
#[test]
fn a_segment_gate_that_cannot_be_confined_holds_the_wave() {
    let r = two_platforms(|p, _| if p == "iOS" { 4 } else { 3 }).evaluate("2027-02-01");
    let d = r.decision.as_ref().unwrap();
    let ios = Segment::from([("platform".to_string(), "iOS".to_string())]);
    let gate = (r.gates.iter())
        .find(|g| g.scope == ios)
        .expect("iOS fails its first attempts");
    assert!(!gate.confined, "{}", gate.explanation);
    assert_eq!(d.kind, DecisionKind::Hold, "{}", d.explanation);
    assert_eq!(d.recommended_size, 0);
    assert!(d.explanation.contains("platform iOS"), "{}", d.explanation);
    assert!(
        (r.counterfactuals.iter()).any(|c| c.starts_with("Platform iOS:")),
        "{:?}",
        r.counterfactuals
    );
    // The same failure with Windows clearly better is confined to iOS: a split.
    let r = two_platforms(|p, _| if p == "iOS" { 6 } else { 0 }).evaluate("2027-02-01");
    let d = r.decision.as_ref().unwrap();
    assert_eq!(d.kind, DecisionKind::Split, "{}", d.explanation);
    assert_eq!(d.hold, vec![ios]);
}

/// A split holding a nested segment names everyone who goes ahead: the held segment's
/// siblings and those of the segments around it (iOS × Noord held: iOS × Oost, iOS × Zuid and
/// Windows). Before, only the siblings were named and Windows' 120 people were missing. A
/// gate of region Noord, explained by iOS × Noord, is resolved by the split, not held.
#[test]
fn a_split_of_a_nested_segment_names_everyone_who_goes_ahead() {
    let s = two_platforms(|p, r| if (p, r) == ("iOS", "Noord") { 8 } else { 0 });
    let r = s.evaluate("2027-02-01");
    let d = r.decision.as_ref().unwrap();
    let seg = |pairs: &[(&str, &str)]| -> Segment {
        (pairs.iter())
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    assert_eq!(d.kind, DecisionKind::Split, "{}", d.explanation);
    assert_eq!(
        d.hold,
        vec![seg(&[("platform", "iOS"), ("region", "Noord")])]
    );
    for going in [
        seg(&[("platform", "Windows")]),
        seg(&[("platform", "iOS"), ("region", "Oost")]),
        seg(&[("platform", "iOS"), ("region", "Zuid")]),
    ] {
        assert!(d.proceed.contains(&going), "{going:?} in {:?}", d.proceed);
    }
    assert_eq!(d.recommended_size, 200);
    let markdown = wavegate_core::readiness::render::markdown(&r);
    let noord = (markdown.lines())
        .find(|l| l.starts_with("| Enrollment | region Noord |"))
        .expect("region Noord's gate");
    assert!(noord.contains("| resolved by the split |"), "{noord}");
    assert!(
        !(r.counterfactuals.iter()).any(|c| c.starts_with("Region Noord:")),
        "{:?}",
        r.counterfactuals
    );
}

/// A gate that fires in a small segment that could not be compared with anything (its
/// siblings too small to show, the rest of its parent too small to judge) was never tested: it
/// counts in the wave and holds nobody by itself, and says it was not compared. Before, six
/// macOS devices in one region with three out of compliance held a healthy wave of hundreds.
#[test]
fn an_untested_segment_gate_does_not_hold_the_wave() {
    let mut s = Scenario::new(&program_toml(
        "Small cell",
        &["platform", "region"],
        Some(50.0),
        &[
            ("pilot", "2027-01-11", "2027-01-29", None),
            ("wave-1", "2027-02-15", "2027-03-05", None),
        ],
    ));
    let healthy = healthy_answers();
    let cells = [
        ("Windows", "Noord", 30),
        ("Windows", "Zuid", 30),
        ("Windows", "Oost", 30),
        ("macOS", "Zuid", 6),
        ("macOS", "Noord", 3),
        ("macOS", "Oost", 3),
    ];
    for (platform, region, n) in cells {
        let attrs = [("platform", platform), ("region", region)];
        for (k, id) in s.people(n, "pilot", &attrs).into_iter().enumerate() {
            let off = (platform, region) == ("macOS", "Zuid") && k < 3;
            let compliance = if off {
                Compliance::Noncompliant
            } else {
                Compliance::Compliant
            };
            s.device(&id, "2027-01-12 10:00", compliance);
            s.training(&id, "intune-basics", 1, true, &[("privacy", 1.0)]);
        }
        for id in s.people(n * 2, "wave-1", &attrs) {
            s.training(&id, "intune-basics", 1, true, &[("privacy", 1.0)]);
            s.answers(&id, "2027-01-28 12:00", healthy);
        }
    }
    let r = s.evaluate("2027-02-01");
    let d = r.decision.as_ref().unwrap();
    let cell = Segment::from([
        ("platform".to_string(), "macOS".to_string()),
        ("region".to_string(), "Zuid".to_string()),
    ]);
    let Some(gate) = r.gates.iter().find(|g| g.scope == cell) else {
        // Nothing fired there: nothing to hold on either.
        assert_ne!(d.kind, DecisionKind::Hold, "{}", d.explanation);
        return;
    };
    assert!(gate.test.is_none() && !gate.whole_wave, "{gate:?}");
    assert!(
        gate.explanation.contains("Not compared"),
        "{}",
        gate.explanation
    );
    assert_ne!(d.kind, DecisionKind::Hold, "{}", d.explanation);
    assert_eq!(d.recommended_size, d.planned_size, "{}", d.explanation);
}

/// Everyone who goes ahead after a split is in a segment `proceed` names, also when the held
/// segment's siblings are too small to show: then the enclosing segment is named (platform iOS,
/// with the note that people in a held group wait). Before, the 3 next-wave iOS users in Oost
/// were in no list though they went ahead.
#[test]
fn proceed_covers_everyone_who_goes_even_beside_hidden_siblings() {
    // iOS users in West: a healthy pilot, and only 3 of them in the next wave (not shown, and
    // so neither is the next smallest of their siblings, iOS × Oost).
    let s = platform_cells(
        &["Noord", "Zuid", "Oost", "West"],
        |p, r| match (p, r) {
            ("iOS", "West") => 3,
            ("iOS", "Oost") => 30,
            _ => 40,
        },
        |p, r| if (p, r) == ("iOS", "Noord") { 8 } else { 0 },
    );
    let r = s.evaluate("2027-02-01");
    let d = r.decision.as_ref().unwrap();
    assert_eq!(d.kind, DecisionKind::Split, "{}", d.explanation);
    let inside = |attrs: &[(String, String)], seg: &Segment| {
        seg.iter()
            .all(|(k, v)| attrs.iter().any(|(a, w)| a == k && w == v))
    };
    let mut going = 0;
    for (wave, attrs) in s.people_list() {
        if wave != "wave-1" || d.hold.iter().any(|h| inside(&attrs, h)) {
            continue;
        }
        going += 1;
        assert!(
            d.proceed.iter().any(|p| inside(&attrs, p)),
            "{attrs:?} goes ahead but no segment in {:?} holds them",
            d.proceed
        );
    }
    assert_eq!(
        going, 233,
        "{:?} {:?} {:?}",
        d.hold, d.proceed, r.suppressed
    );
}

/// A region failing its enrollments only through its iOS users gets no help of its own once
/// iOS gets it: the rest of the region enrolled well. Before, assisted enrollment went to iOS
/// and again to the iOS users of each region, with the region named as the group to help.
#[test]
fn a_group_whose_problem_is_that_of_a_targeted_group_gets_no_second_action() {
    let r = two_platforms(|p, _| if p == "iOS" { 8 } else { 0 }).evaluate("2027-02-01");
    let ios = Segment::from([("platform".to_string(), "iOS".to_string())]);
    let assisted: Vec<&Segment> = (r.actions.iter())
        .filter(|a| a.kind == ActionKind::AssistedEnrollment)
        .map(|a| &a.target)
        .collect();
    assert_eq!(assisted, vec![&ios], "{:#?}", r.actions);
}

/// A quiz topic one department gets mostly wrong is trained in that department: the action
/// names it, with its topic, and no action on the same topic goes to the whole wave.
#[test]
fn a_weak_quiz_topic_in_one_department_is_trained_there() {
    let s = organisation(150, 270, 3, Some((2, 0, Planted::WeakTopic)));
    let r = s.evaluate("2027-02-08");
    let topic: Vec<_> = (r.actions.iter())
        .filter(|a| a.reason == wavegate_core::readiness::report::ActionReason::WeakTopic)
        .collect();
    assert!(
        topic.iter().any(|a| a.target == segment(2, 0)),
        "{:?}",
        topic.iter().map(|a| &a.target).collect::<Vec<_>>()
    );
    assert!(
        topic.iter().all(|a| !a.target.contains_key("wave")),
        "{:?}",
        topic.iter().map(|a| &a.target).collect::<Vec<_>>()
    );
}

/// Finance's pilot half unenrolled, and by chance two Sales people in the ten of Android × West:
/// that cell fails without Finance too, stands out from nothing, and the whole wave was held
/// because the wave, Finance's failure included, was not clear of it. The people who go ahead
/// (without Finance) are: the cell is read as they read, and only Finance is held.
#[test]
fn a_chance_cell_does_not_hold_the_wave_when_those_going_ahead_are_clear_of_it() {
    let s = organisation(90, 270, 236, Some((2, 0, Planted::EnrollmentCompletion)));
    let r = s.evaluate("2027-02-08");
    let d = r.decision.as_ref().unwrap();
    assert_eq!(d.kind, DecisionKind::Split, "{}", d.explanation);
    assert_eq!(hold(&r), vec![segment(2, 0)], "{}", d.explanation);
    let cell = Segment::from([
        ("platform".to_string(), "Android".to_string()),
        ("region".to_string(), "West".to_string()),
    ]);
    let gate = r
        .gates
        .iter()
        .find(|g| g.scope == cell)
        .expect("the cell's gate is reported");
    assert!(!gate.whole_wave, "{}", gate.explanation);
}

/// One department whose training sits at its fail lines: some 58% finish it, 60% of those pass
/// the quiz at the first attempt, and they get the privacy topic 60% right. Each Knowledge
/// metric on its own only warns, at its threshold; together, over enough people, even the
/// favourable end of their intervals is low, so the department's Knowledge dimension fails on
/// its score band. Every other department is spotless.
fn training_at_its_fail_lines(per_department: usize) -> Scenario {
    let mut s = Scenario::new(&program());
    let mut finance = 0usize;
    for i in 0..2 * 3 * per_department {
        let wave = if i % 2 == 0 { "pilot" } else { "wave-1" };
        let department = ["Finance", "Sales", "IT"][(i / 2) % 3];
        let platform = ["Windows", "iOS", "Android"][(i / 6) % 3];
        let region = ["Noord", "Zuid", "West"][(i / 18) % 3];
        let a = [
            ("platform", platform),
            ("region", region),
            ("department", department),
        ];
        let id = s.people(1, wave, &a).remove(0);
        if wave == "pilot" {
            s.device(&id, "2027-01-12 10:00", Compliance::Compliant);
        }
        if department == "Finance" {
            finance += 1;
            // Of every 50 people: 29 finish (58%); of every 5 who finish, 3 pass at once.
            let k = finance % 50;
            if k < 29 {
                s.training(
                    &id,
                    "intune-basics",
                    1,
                    k % 5 < 3,
                    &[("privacy", 0.6), ("steps", 1.0)],
                );
            } else {
                s.assigned(&id, "intune-basics");
            }
        } else {
            s.training(
                &id,
                "intune-basics",
                1,
                true,
                &[("privacy", 1.0), ("steps", 1.0)],
            );
        }
        s.answers(&id, "2027-02-05 12:00", healthy_answers());
    }
    s
}

/// A dimension that fails on its score band in a segment, every metric of it only warning at
/// its threshold, is a failing dimension like any other (docs/scoring.md step 6): the
/// department is held when it stands apart from its siblings, and its training action names
/// it. Before, it was no finding: the wave went ahead whole, Finance's Knowledge in red.
#[test]
fn a_department_failing_knowledge_on_its_band_alone_is_held_and_named() {
    let r = training_at_its_fail_lines(400).evaluate("2027-02-08");
    let finance = Segment::from([("department".to_string(), "Finance".to_string())]);
    let seg = r.segments.iter().find(|x| x.segment == finance).unwrap();
    assert_eq!(seg.dimensions[&Dimension::Knowledge].state, State::Fail);
    assert!(
        (seg.metrics.iter())
            .filter(|m| m.dimension == Dimension::Knowledge)
            .all(|m| m.state == State::Warn),
        "every Knowledge metric only warns: {:?}",
        seg.metrics
    );
    let d = r.decision.as_ref().unwrap();
    assert_eq!(d.kind, DecisionKind::Split, "{}", d.explanation);
    assert_eq!(hold(&r), vec![finance.clone()], "{}", d.explanation);
    assert!(
        r.actions
            .iter()
            .any(|a| a.kind == ActionKind::TargetedTraining && a.target == finance),
        "{:?}",
        r.actions
    );
}
