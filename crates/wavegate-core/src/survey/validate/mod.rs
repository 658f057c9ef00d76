//! The two validators: a definition against the format's rules ([`validate_definition`], after
//! the JSON shape checks of `Survey::from_json`), and a response against a definition
//! ([`validate_response`]).

mod definition;
mod response;
mod shape;

pub use definition::validate_definition;
pub use response::{DEFAULT_TEXT_MAX, OTHER_TEXT_MAX, validate_response};
