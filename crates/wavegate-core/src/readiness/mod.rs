//! Readiness: importers, metrics with uncertainty, gates, decisions and actions (docs/scoring.md).
//!
//! The flow is `import` (files → records) → [`DataSet`] (records joined to the roster) →
//! [`evaluate`] (tallies per segment → metrics → dimensions → gates → decision) → [`Report`]
//! (serde, the JSON of docs/data-formats.md) → `render` (terminal table, Markdown report).
//! Everything is a pure function of its inputs and the evaluation date: no I/O, no clock.

mod actions;
mod adkar;
mod asked;
mod assess;
mod build;
mod counterfactual;
pub mod data;
pub mod datadir;
pub mod demo;
pub mod engine;
mod enrollment_timeline;
mod evaluate;
pub mod experience;
mod gates;
mod helpdesk;
pub mod history;
pub mod import;
mod judge;
pub mod metric;
mod people_index;
pub mod program;
pub mod program_toml;
pub mod provenance;
pub mod render;
pub mod report;
pub mod rules;
mod segment_eval;
mod tally;
pub mod text;
mod vocabulary;

pub use data::DataSet;
pub use datadir::DataDir;
pub use evaluate::{evaluate, evaluate_on};
pub use history::PastEvaluation;
pub use import::load;
pub use program::Program;
pub use report::Report;
