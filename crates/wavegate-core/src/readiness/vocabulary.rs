//! The small vocabularies of one evaluation (quiz topics, failure reasons, ticket categories)
//! and the dense ids a tally counts them under.

use super::data::DataSet;
use super::program::Program;
use std::collections::{BTreeMap, BTreeSet};

/// The small vocabularies of one evaluation (topics, failure reasons, ticket categories),
/// sorted so ids, and every ordering derived from them, do not depend on row order.
pub(super) struct Vocabulary<'d> {
    pub(super) topic_ids: BTreeMap<&'d str, u32>,
    /// Per topic id, the modules that test it, each with a slot of its own: a tally counts the
    /// attempts per slot, so an action names the modules that taught a topic to that very
    /// group. Slots run in (topic, module) order.
    pub(super) topic_modules: Vec<BTreeMap<&'d str, u32>>,
    /// Every module of the training records: a tally counts who has not finished each, so a
    /// training action names the modules a group has left undone.
    pub(super) module_ids: BTreeMap<&'d str, u32>,
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
        // A few topics, each in a few modules: two small ordered lookups per topic result,
        // and no more than a logarithm of the names even when a file has thousands.
        let mut by_topic: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for r in inputs.training.iter().flatten() {
            for (t, _) in &r.topics {
                by_topic.entry(&**t).or_default().insert(&*r.module_id);
            }
        }
        let topic_ids = ids(by_topic.keys().copied().collect());
        let mut slot = 0u32;
        let topic_modules = by_topic
            .into_values()
            .map(|modules| {
                modules
                    .into_iter()
                    .map(|m| {
                        slot += 1;
                        (m, slot - 1)
                    })
                    .collect()
            })
            .collect();
        let module_ids = ids(inputs
            .training
            .iter()
            .flatten()
            .map(|r| &*r.module_id)
            .collect());
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
                        .any(|r| super::program::same_category(r, c))
            })
            .collect();
        Vocabulary {
            topic_ids,
            topic_modules,
            module_ids,
            reason_ids,
            category_ids,
            rollout_category,
        }
    }
}
