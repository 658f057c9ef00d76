//! Every test in the browser crates runs: they build for wasm32 only, where the test runner is
//! wasm-bindgen-test's and a plain `#[test]` is silently never run.

use crate::source_tree::rust_files;
use std::path::Path;

/// The crates that build for wasm32 only (`scripts/test` leaves them out natively).
const BROWSER_CRATES: [&str; 4] = [
    "wavegate-ui",
    "wavegate-app",
    "wavegate-planner",
    "wavegate-trainee",
];

#[test]
fn browser_crates_have_no_test_the_wasm_runner_would_skip() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for name in BROWSER_CRATES {
        rust_files(&crates.join(name), &mut files);
    }
    assert!(files.len() > 20, "found only {} files", files.len());
    let skipped: Vec<String> = files
        .iter()
        .filter(|f| !f.components().any(|c| c.as_os_str() == "target"))
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            text.lines()
                .enumerate()
                .filter(|(_, l)| l.trim() == "#[test]")
                .map(|(i, _)| format!("{}:{}", f.display(), i + 1))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        skipped.is_empty(),
        "use #[wasm_bindgen_test]; these never run:\n{}",
        skipped.join("\n")
    );
}
