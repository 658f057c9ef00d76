//! Every Markdown file the project names, in code (messages, help, comments) and in its documents,
//! exists: a person told "see DATA.md for the format" must find it.

use std::path::{Path, PathBuf};

/// Files Wavegate writes, named as what a person downloads or gets, not as documents to read.
const WRITTEN_FILES: [&str; 1] = ["readiness.md"];

/// Folders that hold no sources: builds, dependencies, fuzzing data.
const SKIPPED_DIRS: [&str; 7] = [
    "target",
    "node_modules",
    ".git",
    "dist",
    "corpus",
    "artifacts",
    "test-results",
];

/// Kinds of file whose text a person reads or that holds such text.
const SCANNED: [&str; 7] = ["rs", "md", "js", "toml", "sh", "html", "css"];

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) {
                files(&path, out);
            }
        } else if path
            .extension()
            .is_some_and(|e| SCANNED.contains(&e.to_string_lossy().as_ref()))
            || dir.ends_with("scripts")
        {
            out.push(path);
        }
    }
}

/// The `….md` names in a line: runs of path characters ending in `.md` before a non-word
/// character.
fn md_names(line: &str) -> Vec<&str> {
    let is_path = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/' | '-');
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(".md") {
        let after = &rest[at + 3..];
        let ends = !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
        let start = rest[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_path(*c))
            .last()
            .map_or(at, |(i, _)| i);
        if ends && start < at {
            out.push(&rest[start..at + 3]);
        }
        rest = after;
    }
    out
}

#[test]
fn the_names_finder_finds_paths_and_bare_names() {
    assert_eq!(
        md_names("see DATA.md for it, or [x](../docs/api.md) and `a.mdx`"),
        ["DATA.md", "../docs/api.md"]
    );
}

#[test]
fn every_markdown_file_named_exists() {
    let root = repository();
    let mut all = Vec::new();
    files(&root, &mut all);
    assert!(all.len() > 100, "the repository was not found at {root:?}");
    let mut missing = Vec::new();
    // This file names missing documents on purpose, as examples.
    let examples = Path::new(file!()).file_name();
    for file in all.iter().filter(|f| f.file_name() != examples) {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let dir = file.parent().unwrap_or(&root);
        for (n, line) in text.lines().enumerate() {
            for name in md_names(line) {
                let bare = name.trim_start_matches('/');
                let written = WRITTEN_FILES.contains(&bare.rsplit('/').next().unwrap_or(bare));
                if !written && !root.join(bare).is_file() && !dir.join(name).is_file() {
                    let shown = file.strip_prefix(&root).unwrap_or(file);
                    missing.push(format!("{}:{}: {name}", shown.display(), n + 1));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "names of Markdown files that do not exist (use docs/scoring.md, docs/data-formats.md, …):\n{}",
        missing.join("\n")
    );
}
