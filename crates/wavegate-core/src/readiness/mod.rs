//! Readiness: importers, metrics with uncertainty, gates, decisions and actions (SCORING.md).

pub mod data;
pub mod import;
pub mod metric;
pub mod program;
