//! The core's integration tests, one binary (as ripgrep does): one link step instead of eight.
//! Each module is a specification of one area, read through the public API only.

#![allow(clippy::unwrap_used)]

mod browser_tests_run;
mod doc_references;
mod fuzz_smoke;
mod import_exports;
mod import_hostile;
mod importer_contract;
mod measures_agree;
mod module_cycles;
mod readiness_asked;
mod readiness_decisions;
mod readiness_experience;
mod readiness_golden;
mod readiness_properties;
mod readiness_segments;
mod readiness_support;
mod readiness_timeline;
mod render_escaping;
mod report_appendix;
mod small_group_wording;
mod source_tree;
mod survey_definition;
mod survey_properties;
mod survey_responses;
mod survey_results;
mod survey_support;
mod training_format;
mod training_progress;
mod training_records;
mod training_support;
