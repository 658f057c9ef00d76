//! Readiness: importers, metrics with uncertainty, gates, decisions and actions (SCORING.md).
