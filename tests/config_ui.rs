//! `[keys]` and `[theme]` read from a real config file: they reach `Settings`, and a mistake is
//! an error that names the action, key, element or colour (also from the binary, exit 1).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use std::process::Command;

use chmon::action::{Intent, View};
use chmon::config::theme::{Element, Preset};
use chmon::config::{Settings, load};
use chmon::keymap::{Key, KeyPress};

fn write(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn keys_and_theme_reach_the_settings() {
    let (_dir, path) = write(
        "lang = \"en\"\n[keys]\nquit = \"x\"\nrefresh = [\"r\", \"F5\"]\n\
         [theme]\npreset = \"light\"\nselection = \"reverse\"\n",
    );
    let config = load(&path).unwrap();
    let mut settings = Settings::new("feed.xml", "/tmp/none");
    settings.apply(&config);
    let press = |name: &str| KeyPress::press(Key::parse(name).unwrap());
    assert_eq!(
        settings.keymap.intent(View::List, &press("x")),
        Some(Intent::Quit)
    );
    assert_eq!(
        settings.keymap.intent(View::Article, &press("F5")),
        Some(Intent::Refresh)
    );
    assert_eq!(settings.keymap.intent(View::List, &press("q")), None);
    assert_eq!(settings.theme.preset, Preset::Light);
    assert!(settings.theme.style(Element::Selection).is_some());
}

#[test]
fn mistakes_are_errors_that_name_them() {
    let cases = [
        ("[keys]\nfly = \"f\"\n", "unknown action \"fly\""),
        (
            "[keys]\ndown = \"Dwn\"\n",
            "[keys] down: unknown key \"Dwn\"",
        ),
        (
            "[keys]\ntoggle_read = \"r\"\n",
            "key \"r\" is bound to both",
        ),
        (
            "[theme]\ntitle_bar = \"blak\"\n",
            "[theme] title_bar: unknown colour \"blak\"",
        ),
        (
            "[theme]\nheadline = \"red\"\n",
            "unknown element \"headline\"",
        ),
    ];
    for (text, want) in cases {
        let (_dir, path) = write(text);
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains(want), "{text}: {err}");
    }
}

#[test]
fn the_binary_exits_1_naming_the_key() {
    let (dir, path) = write("[keys]\nquit = \"Hyper-q\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_chmon"))
        .arg("--config")
        .arg(&path)
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--feed", "feed.xml", "list"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("quit") && stderr.contains("Hyper-q"),
        "{stderr}"
    );
}
