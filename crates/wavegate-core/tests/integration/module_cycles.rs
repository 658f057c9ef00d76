//! No two modules of a crate lean on each other: every crate's modules form layers (a module
//! uses its siblings, parents' items or children, never something that uses it back), so each
//! can be read, tested and moved with what it stands on.
//!
//! Read from the sources: `crate::…`, `super::…` and `self::…` paths outside comments and test
//! modules, resolved to the deepest module file they name. A module using its own ancestor or
//! descendant is nesting, not a cycle.

use crate::source_tree::rust_files;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn crates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `src/a/b.rs` and `src/a/b/mod.rs` are module `a::b`; `lib.rs` and `main.rs` the root.
fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Module = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|l| ["mod", "lib", "main"].contains(&l.as_str()))
    {
        parts.pop();
    }
    parts
}

/// The code the module depends on: no comments, no `mod tests`.
fn code(text: &str) -> String {
    let text = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    // Cutting at `//` also cuts a URL in a string: that only drops text, never adds a path.
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::`, `super::` or `self::` path in `code`, as its segments.
fn paths(code: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let begin = from + at;
            from = begin + start.len();
            let word_before = begin > 0 && {
                let b = bytes[begin - 1];
                b.is_ascii_alphanumeric() || b == b'_' || b == b':'
            };
            if word_before {
                continue;
            }
            let end = code[begin..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| begin + e);
            out.push(
                code[begin..end]
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .collect(),
            );
        }
    }
    out
}

/// The module file a path from `module` lands in: its deepest prefix that is a module.
fn resolve(module: &Module, path: &[&str], modules: &BTreeSet<Module>) -> Option<Module> {
    let (mut full, rest): (Module, &[&str]) = match *path.first()? {
        "crate" => (Vec::new(), &path[1..]),
        "self" => (module.clone(), &path[1..]),
        "super" => {
            let ups = path.iter().take_while(|s| **s == "super").count();
            let keep = module.len().checked_sub(ups)?;
            (module[..keep].to_vec(), &path[ups..])
        }
        _ => return None,
    };
    full.extend(rest.iter().map(|s| s.to_string()));
    while !full.is_empty() && !modules.contains(&full) {
        full.pop();
    }
    (!full.is_empty()).then_some(full)
}

fn nested(a: &Module, b: &Module) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The module graph's strongly connected components of more than one module.
fn cycles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    // Two modules are in one cycle when each reaches the other.
    let reach = |from: &Module| -> BTreeSet<Module> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(m) = stack.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&Module, BTreeSet<Module>> =
        graph.keys().map(|m| (m, reach(m))).collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut placed: BTreeSet<&Module> = BTreeSet::new();
    for m in graph.keys() {
        if placed.contains(m) || !reached[m].contains(m) {
            continue;
        }
        let component: Vec<&Module> = graph
            .keys()
            .filter(|o| reached[m].contains(*o) && reached[*o].contains(m))
            .collect();
        placed.extend(component.iter().copied());
        out.push(component.iter().map(|c| c.join("::")).collect());
    }
    out
}

#[test]
fn no_crate_has_modules_that_use_each_other() {
    let mut found = Vec::new();
    let mut crates_seen = 0;
    for entry in std::fs::read_dir(crates()).unwrap().flatten() {
        let src = entry.path().join("src");
        if !src.is_dir() {
            continue;
        }
        crates_seen += 1;
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let sources: BTreeMap<Module, String> = files
            .iter()
            .map(|f| (module_of(&src, f), std::fs::read_to_string(f).unwrap()))
            .collect();
        let modules: BTreeSet<Module> = sources.keys().cloned().collect();
        let graph: BTreeMap<Module, BTreeSet<Module>> = sources
            .iter()
            .map(|(module, text)| {
                let code = code(text);
                let uses = paths(&code)
                    .iter()
                    .filter_map(|p| resolve(module, p, &modules))
                    .filter(|target| !nested(module, target))
                    .collect();
                (module.clone(), uses)
            })
            .collect();
        for cycle in cycles(&graph) {
            found.push(format!(
                "{}: {}",
                entry.file_name().to_string_lossy(),
                cycle.join(" ↔ ")
            ));
        }
    }
    assert!(crates_seen >= 5, "found only {crates_seen} crates");
    assert!(
        found.is_empty(),
        "modules that use each other:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_cycle_and_resolves_paths_to_module_files() {
    let m = |s: &str| -> Module { s.split("::").map(String::from).collect() };
    let modules: BTreeSet<Module> = [m("a"), m("a::b"), m("a::c")].into();
    assert_eq!(
        resolve(&m("a::b"), &["super", "c", "Thing"], &modules),
        Some(m("a::c"))
    );
    assert_eq!(
        resolve(&m("a::b"), &["crate", "a", "Other"], &modules),
        Some(m("a"))
    );
    assert_eq!(resolve(&m("a"), &["std", "fmt"], &modules), None);
    let graph: BTreeMap<Module, BTreeSet<Module>> = [
        (m("a::b"), [m("a::c")].into()),
        (m("a::c"), [m("a::b")].into()),
        (m("a"), BTreeSet::new()),
    ]
    .into();
    assert_eq!(cycles(&graph), vec![vec!["a::b", "a::c"]]);
    let code = code(
        "use super::x::Y; // super::z\nlet a = crate::q::r();\n#[cfg(test)]\nmod tests { use super::w; }",
    );
    assert_eq!(
        paths(&code),
        vec![vec!["crate", "q", "r"], vec!["super", "x", "Y"]]
    );
}
