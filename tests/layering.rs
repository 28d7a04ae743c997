//! The crate's layering, checked: every top-level module of `src/` has a layer, and a module
//! uses only modules of lower layers (`crate::x` paths, grouped `crate::{x, y}` imports
//! included). A new module fails this test until it is placed in `LAYERS`. Reads the sources
//! only; owns no product code.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use std::collections::BTreeSet;
use std::path::Path;

/// Bottom to top. A module may use any module of a lower layer, none of its own or a higher one.
const LAYERS: &[&[&str]] = &[
    // Plain data and pure text, used by everything.
    &["hash", "key", "model", "timefmt", "demo"],
    &["text"],
    // Search words: folding, stemming, the query language (pure).
    &["search"],
    // The TUI's vocabulary and article rendering (pure).
    &["action", "article", "schedule", "agency"],
    &["keymap"],
    &["i18n"],
    // Settings: the command line and the config file.
    &["config"],
    // Getting feeds and keeping them.
    &["feed", "store"],
    &["extract", "refresh", "opml"],
    // Many feeds at once; an article's page (fetched, extracted, stored).
    &["refresh_pool", "fulltext"],
    // The reader: state, then drawing, then the loop; the scriptable commands.
    &["app"],
    &["ui"],
    &["runtime", "commands"],
    &["cli"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Top-level modules of `src/` (files and folders, `lib` and `main` aside).
fn modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            let stem = name.strip_suffix(".rs").unwrap_or(&name).to_string();
            (stem != "lib" && stem != "main").then_some(stem)
        })
        .collect()
}

/// Every `.rs` file of a module: `src/x.rs` and everything under `src/x/`.
fn files(src: &Path, module: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let file = src.join(format!("{module}.rs"));
    if file.exists() {
        out.push(file);
    }
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The module names a source refers to as `crate::name` or inside `crate::{…}`.
fn uses(source: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in source.match_indices("crate::") {
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name = ident(part.trim());
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

#[test]
fn every_module_uses_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let all = modules(&src);
    let mut wrong = Vec::new();
    for module in &all {
        let Some(own) = layer(module) else {
            wrong.push(format!(
                "{module}: not in LAYERS (place it in tests/layering.rs)"
            ));
            continue;
        };
        for file in files(&src, module) {
            let source = std::fs::read_to_string(&file).unwrap();
            for used in uses(&source) {
                if &used == module || !all.contains(&used) {
                    continue;
                }
                match layer(&used) {
                    Some(l) if l < own => {}
                    _ => wrong.push(format!(
                        "{} uses crate::{used}, which is not below {module}",
                        file.strip_prefix(&src).unwrap().display()
                    )),
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_grouped_and_plain_paths() {
    let found = uses("use crate::{feed::fetch, store};\nlet x = crate::text::clean_line(s);");
    assert_eq!(
        found,
        ["feed", "store", "text"]
            .map(String::from)
            .into_iter()
            .collect()
    );
}
