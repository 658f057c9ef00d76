//! The module validator: the JSON shape with paths (`Module::from_json`), then the format's
//! rules ([`validate_module`]) and, for a new definition, its limits ([`validate_definition`],
//! and its size in `shape`).

mod rules;
mod shape;

pub use rules::{validate_definition, validate_module};
