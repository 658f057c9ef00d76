//! The next wave's people counted by value of each split attribute: the mix the helpdesk
//! forecast and the largest wave that fits are weighed by.

use crate::readiness::data::DataSet;

/// How many next-wave people fall in each value of each split attribute.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mix {
    /// People in the group.
    pub total: u32,
    /// Per split position, per value code: people.
    pub by_value: Vec<Vec<u32>>,
}

impl Mix {
    pub(super) fn new(data: &DataSet, split: &[usize]) -> Mix {
        Mix {
            total: 0,
            by_value: split
                .iter()
                .map(|&a| vec![0; data.roster.attributes[a].values.len()])
                .collect(),
        }
    }

    /// Counts `people` more with these codes.
    pub(super) fn add(&mut self, codes: &[u32], people: u32) {
        self.total += people;
        for (counts, &code) in self.by_value.iter_mut().zip(codes) {
            if let Some(n) = counts.get_mut(code as usize) {
                *n += people;
            }
        }
    }

    pub(super) fn merge(&mut self, other: &Mix) {
        self.total += other.total;
        for (mine, theirs) in self.by_value.iter_mut().zip(&other.by_value) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }
}
