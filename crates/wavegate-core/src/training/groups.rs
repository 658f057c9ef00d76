//! Completion and per-topic results of one module per group of trainees (each value of each
//! attribute their links carry: wave, split attributes), with groups under
//! [`MIN_GROUP`](crate::measures::MIN_GROUP) suppressed and, when one group of an attribute is,
//! the next smallest too, so it cannot be worked out by subtraction. No person is ever named,
//! and no quiz topic's share is shown unless at least as many trainees were tested on it: in a
//! group of 7 where one took the quiz, the share would be that person's score.

use super::export::csv::Record;
use super::status::Stage;
use crate::measures::MIN_GROUP;
use crate::readiness::report::SuppressionReason;
use crate::survey::Attributes;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One group's results; every count is `None` when the group is suppressed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupResult {
    /// The attribute (`wave`, `platform`, …).
    pub attribute: String,
    /// Its value.
    pub value: String,
    /// Trainees assigned the module.
    pub assigned: Option<u64>,
    /// Of those, who started it.
    pub started: Option<u64>,
    /// Of those, who are done (the module's completion rule).
    pub done: Option<u64>,
    /// Whole percent done.
    pub done_percent: Option<u64>,
    /// Per quiz topic, the mean share correct on its current content (trainees who were
    /// tested on it), 0–1, in topic id order; only topics at least 5 trainees were tested on.
    pub topics: Option<Vec<(String, f64)>>,
    /// Some topic was left out of `topics` because fewer than 5 trainees were tested on it.
    #[serde(default)]
    pub topics_withheld: bool,
    /// Too few trainees to show.
    pub suppressed: bool,
    /// Why it is suppressed: fewer than 5 trainees (`small`), or hidden beside a small group of
    /// the same attribute (`complementary`), which could otherwise be worked out from the total;
    /// absent when shown. The readiness report's reasons, so both are worded alike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed_because: Option<SuppressionReason>,
}

#[derive(Default)]
struct Tally {
    assigned: u64,
    started: u64,
    done: u64,
    topics: BTreeMap<String, (f64, u64)>,
}

/// The results of one module per group, from each trainee's link attributes and record.
/// Attributes and their values are in alphabetical order, but a wave's rows follow `waves`,
/// the program's wave ids ([`crate::wave_order`]).
pub fn results_by_group<'a, S: AsRef<str>>(
    trainees: impl IntoIterator<Item = (&'a Attributes, &'a Record)>,
    waves: &[S],
) -> Vec<GroupResult> {
    let mut groups: BTreeMap<&str, BTreeMap<&str, Tally>> = BTreeMap::new();
    // Everyone assigned: the module's total is shown, so those without a value count too.
    let mut whole = 0usize;
    for (attributes, record) in trainees {
        whole += 1;
        for (name, value) in attributes {
            let g = groups.entry(name).or_default().entry(value).or_default();
            g.assigned += 1;
            g.started += u64::from(record.status != Stage::Assigned);
            g.done += u64::from(record.status == Stage::Done);
            for (topic, share) in &record.topics {
                let t = g.topics.entry(topic.clone()).or_default();
                t.0 += share;
                t.1 += 1;
            }
        }
    }
    let mut out = Vec::new();
    for (attribute, values) in groups {
        let sizes: Vec<(&str, usize)> = values
            .iter()
            .map(|(v, t)| (*v, usize::try_from(t.assigned).unwrap_or(usize::MAX)))
            .collect();
        let hidden = crate::measures::hidden_groups(whole, &sizes, MIN_GROUP);
        for (value, t) in values {
            let shown = !hidden.contains(&value);
            let suppressed_because = (!shown).then(|| {
                if crate::measures::shown(usize::try_from(t.assigned).unwrap_or(usize::MAX)) {
                    SuppressionReason::Complementary
                } else {
                    SuppressionReason::Small
                }
            });
            let (enough, few): (Vec<_>, Vec<_>) = t
                .topics
                .iter()
                .partition(|(_, (_, tested))| !too_few_tested(*tested));
            out.push(GroupResult {
                attribute: attribute.to_string(),
                value: value.to_string(),
                assigned: shown.then_some(t.assigned),
                started: shown.then_some(t.started),
                done: shown.then_some(t.done),
                done_percent: shown.then(|| crate::i18n::percent_of(t.done, t.assigned)),
                topics: shown.then(|| {
                    enough
                        .into_iter()
                        .map(|(k, (sum, n))| (k.clone(), sum / (*n).max(1) as f64))
                        .collect()
                }),
                topics_withheld: shown && !few.is_empty(),
                suppressed: !shown,
                suppressed_because,
            });
        }
    }
    crate::wave_order::sort_groups(&mut out, waves, |g| (&g.attribute, &g.value));
    out
}

/// Fewer trainees were tested on a topic than the smallest group shown (the rule survey results
/// and the readiness report's weakest topic follow too).
fn too_few_tested(tested: u64) -> bool {
    usize::try_from(tested).is_ok_and(|n| n < MIN_GROUP)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(status: Stage, privacy: Option<f64>) -> Record {
        Record {
            person_id: "x".into(),
            module_id: "m".into(),
            module_version: 1,
            status,
            attempts: u32::from(privacy.is_some()),
            score: privacy,
            passed: privacy.map(|s| s >= 0.8),
            completed_at: None,
            topics: privacy
                .map(|s| ("privacy".to_string(), s))
                .into_iter()
                .collect(),
        }
    }

    fn a(wave: &str, platform: &str) -> Attributes {
        [("wave", wave), ("platform", platform)]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn completion_and_topics_per_group_with_small_groups_and_a_neighbour_hidden() {
        let mut rows = Vec::new();
        for i in 0..6 {
            let st = if i < 3 { Stage::Done } else { Stage::Assigned };
            rows.push((a("pilot", "iOS"), record(st, (i < 3).then_some(1.0))));
        }
        for _ in 0..5 {
            rows.push((a("pilot", "Windows"), record(Stage::Started, Some(0.5))));
        }
        rows.push((a("pilot", "macOS"), record(Stage::Done, Some(1.0))));
        let out = results_by_group(rows.iter().map(|(a, r)| (a, r)), &["pilot"]);
        let row = |attr: &str, v: &str| {
            out.iter()
                .find(|g| g.attribute == attr && g.value == v)
                .unwrap()
                .clone()
        };
        let pilot = row("wave", "pilot");
        assert_eq!(pilot.assigned, Some(12));
        assert_eq!(pilot.done, Some(4));
        assert_eq!(pilot.done_percent, Some(33));
        let topics = pilot.topics.unwrap();
        assert_eq!(topics[0].0, "privacy");
        assert!((topics[0].1 - (4.0 + 2.5) / 9.0).abs() < 1e-9);
        let mac = row("platform", "macOS");
        assert!(mac.suppressed);
        assert_eq!(mac.suppressed_because, Some(SuppressionReason::Small));
        let windows = row("platform", "Windows");
        assert!(windows.suppressed, "the next smallest goes too");
        assert_eq!(
            windows.suppressed_because,
            Some(SuppressionReason::Complementary),
            "five trainees: hidden beside the small group, not too small"
        );
        assert_eq!((windows.assigned, windows.topics), (None, None));
        assert_eq!(row("platform", "iOS").suppressed_because, None);
        assert_eq!(row("platform", "iOS").done, Some(3));
    }

    #[test]
    fn a_topic_fewer_than_five_were_tested_on_is_not_shown() {
        // Seven assigned, one took the quiz: the group is shown, its one score is not.
        let mut rows: Vec<(Attributes, Record)> = (0..6)
            .map(|_| (a("pilot", "iOS"), record(Stage::Assigned, None)))
            .collect();
        rows.push((a("pilot", "iOS"), record(Stage::Done, Some(0.0))));
        let out = results_by_group(rows.iter().map(|(a, r)| (a, r)), &["pilot"]);
        let pilot = out.iter().find(|g| g.attribute == "wave").unwrap();
        assert_eq!((pilot.assigned, pilot.started), (Some(7), Some(1)));
        assert_eq!(pilot.topics, Some(Vec::new()), "not the one person's 0%");
        assert!(pilot.topics_withheld && !pilot.suppressed);
        let json = serde_json::to_value(pilot).unwrap();
        assert_eq!(json["topics"], serde_json::json!([]));
        assert_eq!(json["topics_withheld"], true);
        // Four more take it: five tested, the share is shown.
        for (_, r) in rows.iter_mut().take(4) {
            *r = record(Stage::Done, Some(1.0));
        }
        let out = results_by_group(rows.iter().map(|(a, r)| (a, r)), &["pilot"]);
        let pilot = out.iter().find(|g| g.attribute == "wave").unwrap();
        let topics = pilot.topics.clone().unwrap();
        assert_eq!(topics.len(), 1);
        assert!((topics[0].1 - 0.8).abs() < 1e-9);
        assert!(!pilot.topics_withheld);
    }

    #[test]
    fn wave_rows_follow_the_programs_waves_not_the_alphabet() {
        let mut rows = Vec::new();
        for wave in ["wave-10", "gone", "pilot", "wave-2"] {
            for _ in 0..5 {
                rows.push((a(wave, "iOS"), record(Stage::Done, None)));
            }
        }
        let out = results_by_group(
            rows.iter().map(|(a, r)| (a, r)),
            &["pilot", "wave-2", "wave-10"],
        );
        let listed: Vec<(&str, &str)> = out
            .iter()
            .map(|g| (g.attribute.as_str(), g.value.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                ("platform", "iOS"),
                ("wave", "pilot"),
                ("wave", "wave-2"),
                ("wave", "wave-10"),
                // A wave the program no longer has comes last.
                ("wave", "gone"),
            ]
        );
    }
}
