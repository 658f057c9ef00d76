//! What can be wrong with a survey definition or a response, in Dutch and English.
//!
//! Errors carry a machine-readable `code` (the serde tag) so the app can react, a location
//! (a JSON path or a question id), and a `message(lang)` a planner or respondent can act on.

mod definition;
mod response;

pub use definition::{DefinitionError, DefinitionErrors, DefinitionProblem, Expected, MeasureNeed};
pub use response::{ResponseError, ResponseProblem};
