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
    pub(super) topic_modules: Vec<Vec<String>>,
    pub(super) reason_ids: BTreeMap<&'d str, u32>,
    pub(super) category_ids: BTreeMap<&'d str, u32>,
    pub(super) rollout_category: Vec<bool>,
}

impl<'d> Vocabulary<'d> {
    pub(super) fn of(data: &'d DataSet, program: &Program) -> Vocabulary<'d> {
        let inputs = &data.inputs;
        let mut topics: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for r in inputs.training.iter().flatten() {
            for (t, _) in &r.topics {
                let modules = topics.entry(&**t).or_default();
                if !modules.contains(&&*r.module_id) {
                    modules.push(&r.module_id);
                }
            }
        }
        let topic_ids = topics
            .keys()
            .enumerate()
            .map(|(i, t)| (*t, i as u32))
            .collect();
        let topic_modules = topics
            .values()
            .map(|m| {
                let mut m: Vec<String> = m.iter().map(|s| s.to_string()).collect();
                m.sort();
                m
            })
            .collect();
        let ids = |values: BTreeSet<&'d str>| -> BTreeMap<&'d str, u32> {
            values
                .into_iter()
                .enumerate()
                .map(|(i, v)| (v, i as u32))
                .collect()
        };
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
            topic_modules,
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
        )
    }
}
