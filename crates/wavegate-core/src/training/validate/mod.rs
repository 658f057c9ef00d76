//! The module validator: the JSON shape with paths (`Module::from_json`), then the format's
//! rules ([`validate_module`]).

mod rules;
mod shape;

pub use rules::validate_module;
