//! Running the `wavegate` binary in tests: a command's output, its text, and input files.

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// `wavegate ARGS…`, run to its end.
pub fn wavegate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wavegate"))
        .args(args)
        .output()
        .expect("the wavegate binary runs")
}

/// What a command printed on standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a command printed on standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes `contents` to `dir/name`; returns the path as an argument.
pub fn write(dir: &Path, name: &str, contents: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the test file is written");
    path.to_string_lossy().into_owned()
}
