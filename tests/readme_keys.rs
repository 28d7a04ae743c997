//! The README's key table is the key table: every action of `keymap::TABLE`, in order, with
//! its config name, where it works, its default keys and its English help text. When this
//! fails it prints the table the README should have.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::i18n::Lang;
use chmon::keymap::{Key, Keymap, Scope};

const HEADER: &str = "| action | where | keys | what |";

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::List => "list",
        Scope::Article => "article",
        Scope::Links => "link list",
        Scope::Feeds => "feeds",
        Scope::Browse => "list, feeds",
        Scope::Both => "everywhere",
        Scope::Always => "anywhere",
    }
}

/// One row as the README should have it.
fn expected_rows() -> Vec<String> {
    Keymap::default()
        .bindings()
        .map(|(entry, keys)| {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            format!(
                "| `{}` | {} | {} | {} |",
                entry.name,
                scope_name(entry.scope),
                keys.join(" "),
                Lang::En.action(entry.intent).help
            )
        })
        .collect()
}

/// The README's rows for actions (a first cell in backticks), normalised: keys parsed and
/// shown again, spacing collapsed.
fn readme_rows() -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut lines = readme.lines().skip_while(|l| l.trim() != HEADER).skip(2);
    let mut rows = Vec::new();
    for line in lines.by_ref().take_while(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let [action, place, keys, what] = cells[..] else {
            panic!("a row of four cells: {line}");
        };
        if !action.starts_with('`') {
            continue;
        }
        let keys: Vec<String> = keys
            .split('`')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| {
                format!(
                    "`{}`",
                    Key::parse(k).unwrap_or_else(|e| panic!("{line}: {e}"))
                )
            })
            .collect();
        rows.push(format!(
            "| {action} | {place} | {} | {what} |",
            keys.join(" ")
        ));
    }
    rows
}

#[test]
fn the_readme_key_table_is_the_keymap() {
    let want = expected_rows();
    let have = readme_rows();
    assert!(!have.is_empty(), "README has no table under {HEADER}");
    assert!(
        want == have,
        "the README's key table differs from keymap::TABLE; it should read:\n\n{HEADER}\n|---|---|---|---|\n{}\n",
        want.join("\n")
    );
}

#[test]
fn the_readme_names_every_theme_element() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (name, _) in chmon::config::theme::ELEMENTS {
        assert!(
            readme.contains(&format!("| `{name}` |")),
            "README's [theme] table lacks {name}"
        );
    }
}
