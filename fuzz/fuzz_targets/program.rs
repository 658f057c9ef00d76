//! Fuzzes the `program` target of the importer contract.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wavegate_fuzz::contract::{Target, check};

fuzz_target!(|data: &[u8]| check(Target::Program, data));
