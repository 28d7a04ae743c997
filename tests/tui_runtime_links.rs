//! The real loop in-process with links: `y` writes the OSC 52 escape sequence (base64 of the
//! URL) to the terminal's side (captured here), `Y` and a number a link's, a typed number
//! opens that link with the browser (an argument, no shell), and `w` writes the article as a
//! text file under a new name in the save directory and says where.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::sync::{Arc, Mutex};

use ratatui::backend::TestBackend;

use chmon::runtime::{Browser, Clipboard, Options};
use tui_support::running::{Running, recording_browser, settings};

fn links_feed(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("feed.xml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui/links.xml"),
        &path,
    )
    .unwrap();
    path
}

fn start(dir: &std::path::Path, browser: Browser) -> (Running<TestBackend>, Arc<Mutex<Vec<u8>>>) {
    let captured = Arc::new(Mutex::new(Vec::new()));
    let options = Options {
        refresh_on_start: true,
        browser,
        clipboard: Clipboard::Capture(captured.clone()),
        save_dir: Some(dir.join("Завантаження")),
    };
    let run = Running::start_with(
        settings(&links_feed(dir), dir),
        TestBackend::new(100, 30),
        options,
    );
    run.wait_for("the refresh", |s| s.contains("2 нові") && s.contains("1/2"));
    run.keys(&["Enter"]);
    run.wait_for("the article", |s| s.contains("Посилання:"));
    (run, captured)
}

#[test]
fn y_and_capital_y_write_osc52_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (run, captured) = start(dir.path(), Browser::from_value(Some("/nonexistent".into())));
    run.keys(&["y"]);
    run.wait_for("the status", |s| {
        s.contains("скопійовано: http://monitor.cn.ua/ua/politics/501")
    });
    let bytes = captured.lock().unwrap().clone();
    // base64 of http://monitor.cn.ua/ua/politics/501
    let want = "\x1b]52;c;aHR0cDovL21vbml0b3IuY24udWEvdWEvcG9saXRpY3MvNTAx\x07";
    assert_eq!(String::from_utf8(bytes).unwrap(), want);
    run.keys(&["Y", "2"]);
    run.wait_for("the second copy", |s| {
        s.contains("скопійовано: https://t.me/chernigivskaODA")
    });
    let bytes = String::from_utf8(captured.lock().unwrap().clone()).unwrap();
    assert!(
        bytes.ends_with("\x1b]52;c;aHR0cHM6Ly90Lm1lL2NoZXJuaWdpdnNrYU9EQQ==\x07"),
        "{bytes:?}"
    );
    run.keys(&["Esc", "q"]);
    run.join().unwrap();
}

#[test]
fn a_typed_number_opens_that_link_and_w_saves_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.log");
    let browser = recording_browser(dir.path(), &log, "BROWSER");
    let (run, _) = start(dir.path(), browser);
    run.keys(&["3"]);
    run.wait_for("the browser", |s| s.contains("відкрито в браузері"));
    run.keys(&["f", "4"]);
    run.wait_for("the refusal", |s| s.contains("лише http та https"));
    run.keys(&["w"]);
    let screen = run.wait_for("the file", |s| s.contains("збережено: "));
    run.keys(&["w"]);
    run.wait_for("the second file", |s| s.contains("-2.txt"));
    run.keys(&["Esc", "q"]);
    run.join().unwrap();
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        opened, "http://monitor.cn.ua/ua/map\n",
        "javascript: never reaches it"
    );
    let saved = dir
        .path()
        .join("Завантаження/Нові правила в'їзду до прикордонних громад.txt");
    assert!(screen.contains("Завантаження"), "{screen}");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(
        text.starts_with("Нові правила в'їзду до прикордонних громад\n"),
        "{text}"
    );
    assert!(
        text.contains("http://monitor.cn.ua/ua/politics/501\n"),
        "{text}"
    );
    assert!(text.contains("[2] https://t.me/chernigivskaODA"), "{text}");
    let second = dir
        .path()
        .join("Завантаження/Нові правила в'їзду до прикордонних громад-2.txt");
    assert_eq!(std::fs::read_to_string(second).unwrap(), text);
}
