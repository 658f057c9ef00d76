//! The small vocabularies of one evaluation (quiz topics, failure reasons, ticket categories)
//! and the dense ids a tally counts them under.

use super::data::DataSet;
use super::program::Program;
use super::tally::Tally;
use std::collections::{BTreeMap, BTreeSet};

/// The small vocabularies of one evaluation (topics, failure reasons, ticket categories),
/// sorted so ids, and every ordering derived from them, do not depend on row order.
pub(super) struct Vocabulary<'d> {
    pub(super) topic_ids: BTreeMap<&'d str, u32>,
    /// Per (topic, module) pair the records show, a slot: a tally counts the attempts of each,
    /// so an action names the modules that taught a topic to that very group.
    pub(super) topic_module_ids: BTreeMap<(&'d str, &'d str), u32>,
    pub(super) reason_ids: BTreeMap<&'d str, u32>,
    pub(super) category_ids: BTreeMap<&'d str, u32>,
    pub(super) rollout_category: Vec<bool>,
}

/// Dense ids for a sorted set of values.
fn ids(values: BTreeSet<&str>) -> BTreeMap<&str, u32> {
    values
        .into_iter()
        .enumerate()
        .map(|(i, v)| (v, i as u32))
        .collect()
}

impl<'d> Vocabulary<'d> {
    pub(super) fn of(data: &'d DataSet, program: &Program) -> Vocabulary<'d> {
        let inputs = &data.inputs;
        let pairs: BTreeSet<(&str, &str)> = inputs
            .training
            .iter()
            .flatten()
            .flat_map(|r| r.topics.iter().map(|(t, _)| (&**t, &*r.module_id)))
            .collect();
        let topic_ids = ids(pairs.iter().map(|(t, _)| *t).collect());
        let topic_module_ids = pairs
            .into_iter()
            .enumerate()
            .map(|(i, pair)| (pair, i as u32))
            .collect();
        let reason_ids = ids(inputs
            .failures
            .iter()
            .flatten()
            .map(|f| f.reason.as_str())
            .collect());
        let category_ids = ids(inputs
            .tickets
            .iter()
            .flatten()
            .map(|t| t.category.as_str())
            .collect());
        let rollout_category = category_ids
            .keys()
            .map(|c| {
                program.rollout_ticket_categories.is_empty()
                    || program
                        .rollout_ticket_categories
                        .iter()
                        .any(|r| r.eq_ignore_ascii_case(c.trim()))
            })
            .collect();
        Vocabulary {
            topic_ids,
            topic_module_ids,
            reason_ids,
            category_ids,
            rollout_category,
        }
    }

    pub(super) fn tally(&self) -> Tally {
        Tally::new(
            self.reason_ids.len(),
            self.category_ids.len(),
            self.topic_ids.len(),
            self.topic_module_ids.len(),
        )
    }
}
