//! Readiness: importers, metrics with uncertainty, gates, decisions and actions (SCORING.md).
//!
//! The flow is `import` (files → records) → [`DataSet`] (records joined to the roster) →
//! [`evaluate`] (tallies per segment → metrics → dimensions → gates → decision) → [`Report`]
//! (serde, the JSON of DATA.md) → `render` (terminal table, Markdown report). Everything is a
//! pure function of its inputs and the evaluation date: no I/O, no clock.

pub mod data;
pub mod decide;
pub mod demo;
pub mod engine;
pub mod import;
pub mod metric;
pub mod program;
pub mod render;
pub mod report;
mod tally;
pub mod text;

pub use data::DataSet;
pub use decide::evaluate;
pub use import::load;
pub use program::Program;
pub use report::Report;
