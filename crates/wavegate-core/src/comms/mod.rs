//! The communication plan per target group: the rules a planned message meets, the order the
//! plan is read in, a message's reach measured on the program's data, its words and its CSV,
//! and the purpose of a message a readiness action proposes.

pub mod csv;
pub mod purpose;
pub mod reach;
pub mod rules;
pub mod text;

pub use reach::{reach, unmeasured};
pub use rules::{MessageError, MessageErrors, PlanContext, room_for_another};

use crate::api::PlannedMessage;

/// The plan in the order it is read: by planned day, then in the order it was planned.
pub fn ordered(mut messages: Vec<PlannedMessage>) -> Vec<PlannedMessage> {
    messages.sort_by(|a, b| a.planned_on.cmp(&b.planned_on).then(a.id.cmp(&b.id)));
    messages
}
