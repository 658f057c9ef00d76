//! A value and how often it occurred: the bars of every distribution in survey results, those
//! answered and those taken from invitations alike.

use serde::{Deserialize, Serialize};

/// A value and how often it occurred.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// The value (choice id or scale point).
    pub value: String,
    /// Occurrences.
    pub count: usize,
}
