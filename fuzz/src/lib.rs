//! What the fuzz targets check: the importer contract the core's smoke test checks too, from the
//! one file both include.

#[path = "../../crates/wavegate-core/tests/integration/importer_contract.rs"]
pub mod contract;
