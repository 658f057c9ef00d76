//! The texts that tell people why a group is not shown ("fewer than 5 people", "minder dan 5
//! antwoorden") name the threshold the code applies, `measures::MIN_GROUP`: some thirty
//! sentences in the apps and the core write the number out, and a threshold changed in one
//! place only would leave them promising a protection the code no longer gives.

use crate::source_tree::rust_files;
use std::path::Path;
use wavegate_core::measures::MIN_GROUP;

/// The words before a group size in Dutch and English sentences.
const BEFORE_A_SIZE: [&str; 5] = [
    "fewer than ",
    "smaller than ",
    "minder dan ",
    "kleiner dan ",
    "kleiner is dan ",
];

/// Sentences with those words whose number is not a group size.
const OTHER_NUMBERS: [&str; 1] = [
    // A sample letter in a test: tickets per 100 colleagues.
    "minder dan 4 meldingen",
];

/// Every "fewer than N" in a string literal of the workspace's sources, with its place.
fn sizes_named(source: &str) -> Vec<(usize, String, usize)> {
    let mut found = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") || !line.contains('"') {
            continue;
        }
        for words in BEFORE_A_SIZE {
            for (at, _) in line.match_indices(words) {
                let rest = &line[at + words.len()..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let Ok(n) = digits.parse::<usize>() else {
                    continue;
                };
                // A share ("fewer than 40%") is not a group size.
                if rest[digits.len()..].starts_with('%') {
                    continue;
                }
                if OTHER_NUMBERS.iter().any(|o| line.contains(o)) {
                    continue;
                }
                found.push((i + 1, line.trim().to_string(), n));
            }
        }
    }
    found
}

#[test]
fn the_finder_reads_the_size_and_skips_shares_and_comments() {
    let source = "let a = \"fewer than 5 people\";\n// \"fewer than 9\"\nlet b = \"fewer than 40%\";\nlet c = \"minder dan 12 mensen\";";
    let sizes: Vec<usize> = sizes_named(source).into_iter().map(|f| f.2).collect();
    assert_eq!(sizes, [5, 12]);
}

#[test]
fn every_sentence_about_a_small_group_names_the_threshold_the_code_applies() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    rust_files(&crates, &mut files);
    // Not this file: its own example names another size on purpose.
    files.retain(|f| {
        !f.components().any(|c| c.as_os_str() == "target")
            && f.file_name() != Path::new(file!()).file_name()
    });
    let mut sentences = 0;
    let mut wrong = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap_or_default();
        for (line, text, n) in sizes_named(&source) {
            sentences += 1;
            if n != MIN_GROUP {
                wrong.push(format!("{}:{line}: {text}", file.display()));
            }
        }
    }
    assert!(
        sentences >= 20,
        "the finder found only {sentences} sentences: has the wording moved?"
    );
    assert!(
        wrong.is_empty(),
        "sentences naming another group size than MIN_GROUP = {MIN_GROUP}:\n{}",
        wrong.join("\n")
    );
}
