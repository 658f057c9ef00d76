//! What a `training.csv` imported from another learning tool holds, per module: how many
//! people it has a record of, and how many of them started, completed and passed. The
//! planner's training page shows it beside the modules published here, since readiness counts
//! these records too. A module with records of fewer than
//! [`MIN_GROUP`](crate::measures::MIN_GROUP) people shows no counts, as any small group.

use crate::measures::shown;
use crate::readiness::data::{TrainingRecord, TrainingStatus};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One module of an imported `training.csv`; every count is `None` when fewer than
/// [`MIN_GROUP`](crate::measures::MIN_GROUP) people have a record of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedModule {
    /// The module id as the file names it.
    pub module_id: String,
    /// People with a record of the module.
    pub people: Option<u64>,
    /// Of them, those who started or completed it.
    pub started: Option<u64>,
    /// Of them, those who completed it.
    pub completed: Option<u64>,
    /// The completed share of `people`, as a whole percentage.
    pub completed_percent: Option<u64>,
    /// Of them, those who passed its quiz.
    pub passed: Option<u64>,
}

/// The imported file's modules, by id. A person with several rows of one module counts once,
/// by their last row (as readiness reads the file).
pub fn by_module(records: &[TrainingRecord]) -> Vec<ImportedModule> {
    let mut latest: BTreeMap<&str, BTreeMap<&str, &TrainingRecord>> = BTreeMap::new();
    for r in records {
        latest
            .entry(&r.module_id)
            .or_default()
            .insert(&r.person_id, r);
    }
    latest
        .into_iter()
        .map(|(module_id, people)| {
            let n = people.len();
            let count = |keep: fn(&TrainingRecord) -> bool| {
                shown(n).then(|| people.values().filter(|r| keep(r)).count() as u64)
            };
            let completed = count(|r| r.status == TrainingStatus::Completed);
            ImportedModule {
                module_id: module_id.to_string(),
                people: shown(n).then_some(n as u64),
                started: count(|r| r.status != TrainingStatus::Assigned),
                completed,
                completed_percent: completed.map(|c| crate::i18n::percent_of(c, n as u64)),
                passed: count(|r| r.passed == Some(true)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn record(
        person: &str,
        module: &str,
        status: TrainingStatus,
        passed: Option<bool>,
    ) -> TrainingRecord {
        TrainingRecord {
            person_id: person.to_string(),
            module_id: Arc::from(module),
            status,
            attempts: u32::from(passed.is_some()),
            passed,
            completed_at: None,
            topics: Vec::new(),
        }
    }

    #[test]
    fn a_module_counts_each_person_once_by_their_last_row() {
        use TrainingStatus::*;
        let mut records = vec![
            record("p1", "m", Assigned, None),
            record("p1", "m", Completed, Some(true)),
            record("p2", "m", Started, None),
            record("p3", "m", Completed, Some(false)),
            record("p4", "m", Assigned, None),
            record("p5", "m", Completed, Some(true)),
        ];
        records.push(record("p6", "m", Assigned, None));
        let m = &by_module(&records)[0];
        assert_eq!(m.module_id, "m");
        assert_eq!(m.people, Some(6));
        assert_eq!(m.started, Some(4));
        assert_eq!(m.completed, Some(3));
        assert_eq!(m.completed_percent, Some(50));
        assert_eq!(m.passed, Some(2));
    }

    #[test]
    fn a_module_of_fewer_than_five_people_shows_no_counts() {
        let records: Vec<_> = (0..4)
            .map(|i| {
                record(
                    &format!("p{i}"),
                    "small",
                    TrainingStatus::Completed,
                    Some(true),
                )
            })
            .collect();
        let m = &by_module(&records)[0];
        assert_eq!(
            (
                m.people,
                m.started,
                m.completed,
                m.completed_percent,
                m.passed
            ),
            (None, None, None, None, None)
        );
    }

    #[test]
    fn modules_are_listed_by_id() {
        let records: Vec<_> = ["b", "a", "b"]
            .iter()
            .enumerate()
            .map(|(i, m)| record(&format!("p{i}"), m, TrainingStatus::Assigned, None))
            .collect();
        let ids: Vec<_> = by_module(&records)
            .into_iter()
            .map(|m| m.module_id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
