//! The keymap's own checks: the table's default keys parse, overrides replace, and a bad
//! `[keys]` section is an error naming the action and the key.

use std::collections::BTreeMap;

use super::*;

fn overrides(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(a, keys)| (a.to_string(), keys.iter().map(|k| k.to_string()).collect()))
        .collect()
}

fn press(name: &str) -> KeyPress {
    KeyPress::press(Key::parse(name).unwrap())
}

#[test]
fn every_default_key_parses_and_names_are_unique() {
    for entry in TABLE {
        assert!(!entry.keys.is_empty(), "{}", entry.name);
        for k in entry.keys {
            assert!(Key::parse(k).is_ok(), "{}: {k}", entry.name);
        }
        assert_eq!(TABLE.iter().filter(|e| e.name == entry.name).count(), 1);
    }
    assert!(
        TABLE.first().is_some_and(|e| !e.joins),
        "the first entry joins nothing"
    );
    Keymap::default().check().unwrap();
}

#[test]
fn an_override_replaces_the_default_keys() {
    let map = Keymap::with_overrides(&overrides(&[("quit", &["x"]), ("down", &["Ctrl-n", "j"])]))
        .unwrap();
    assert_eq!(map.intent(View::List, &press("x")), Some(Intent::Quit));
    assert_eq!(map.intent(View::List, &press("q")), None);
    assert_eq!(map.intent(View::List, &press("Ctrl-n")), Some(Intent::Down));
    assert_eq!(
        map.intent(View::Article, &press("Ctrl-n")),
        Some(Intent::Down)
    );
    assert_eq!(map.intent(View::List, &press("↓")), None);
    assert_eq!(map.intent(View::Article, &press("q")), Some(Intent::Back));
}

#[test]
fn an_empty_list_unbinds() {
    let map = Keymap::with_overrides(&overrides(&[("help", &[])])).unwrap();
    assert_eq!(map.intent(View::List, &press("?")), None);
}

#[test]
fn errors_name_the_action_and_the_key() {
    let err = Keymap::with_overrides(&overrides(&[("jump", &["x"])])).unwrap_err();
    assert!(err.to_string().contains("unknown action \"jump\""), "{err}");
    assert!(err.to_string().contains("toggle_read"), "{err}");
    let err = Keymap::with_overrides(&overrides(&[("down", &["Dwn"])])).unwrap_err();
    assert_eq!(err.to_string(), "[keys] down: unknown key \"Dwn\"");
    let err = Keymap::with_overrides(&overrides(&[("toggle_read", &["q"])])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "[keys]: key \"q\" is bound to both \"toggle_read\" and \"quit\" in the list"
    );
    let err = Keymap::with_overrides(&overrides(&[("save", &["o"])])).unwrap_err();
    assert!(
        err.to_string().contains("\"o\"") && err.to_string().contains("article view"),
        "{err}"
    );
    // q is `quit` in the list and `back` in the article view: no conflict.
    assert!(Keymap::with_overrides(&overrides(&[("back", &["q"])])).is_ok());
    let err = Keymap::with_overrides(&overrides(&[("refresh", &["Ctrl-c"])])).unwrap_err();
    assert!(err.to_string().contains("Ctrl-c"), "{err}");
}

#[test]
fn the_config_section_reads_one_key_or_a_list() {
    #[derive(serde::Deserialize)]
    struct Config {
        keys: Keymap,
    }
    let config: Config =
        toml::from_str("[keys]\nquit = \"x\"\ndown = [\"j\", \"Ctrl-n\"]\n").unwrap();
    assert_eq!(
        config.keys.intent(View::List, &press("x")),
        Some(Intent::Quit)
    );
    assert_eq!(
        config.keys.intent(View::List, &press("Ctrl-n")),
        Some(Intent::Down)
    );
    let err = toml::from_str::<Config>("[keys]\nquit = 3\n")
        .err()
        .unwrap();
    assert_eq!(
        err.message(),
        "[keys] quit: expected a key name or a list of key names"
    );
    let err = toml::from_str::<Config>("[keys]\nquit = [\"x\", 1]\n")
        .err()
        .unwrap();
    assert!(err.message().contains("[keys] quit:"), "{err}");
    let err = toml::from_str::<Config>("[keys]\nquit = \"Hyper-x\"\n")
        .err()
        .unwrap();
    assert!(
        err.message()
            .contains("[keys] quit: unknown key \"Hyper-x\""),
        "{err}"
    );
}
