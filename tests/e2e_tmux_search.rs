//! Search in a real terminal: the debug binary under tmux over the search fixture archive,
//! stored first by `chmon refresh` (which leaves the search index to the reader, so the reader
//! indexes it in the background at start). `/`, a word typed in another form than the titles
//! have it, the results with the word highlighted, Enter to keep them, Enter to open a match,
//! following its link by number (a recording $BROWSER), Esc back to the results and Esc to the
//! full list, `q`. Skipped (with a note) when tmux is missing, except under CI=true.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tmux_support;

use std::process::Command;

use tmux_support::{Tmux, available, binary, exited_cleanly, recording_browser};

#[test]
fn search_then_open_a_match_in_a_real_terminal() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("archive.xml");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/search/archive.xml"
        ),
        &feed,
    )
    .unwrap();
    let data = dir.path().join("data");
    let args = [
        "--feed",
        feed.to_str().unwrap(),
        "--data-dir",
        data.to_str().unwrap(),
        "--lang",
        "uk",
    ];
    let stored = Command::new(binary())
        .args(args)
        .arg("refresh")
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    assert!(stored.status.success(), "{stored:?}");

    let mut reader_args = args.to_vec();
    reader_args.push("--no-refresh");
    let (browser, opened) = recording_browser(dir.path());
    let tmux = Tmux::start(
        "search",
        (100, 30),
        &reader_args,
        &[("BROWSER", &browser)],
        dir.path(),
    );
    tmux.wait_for("the headlines", |s| s.contains("Прогноз погоди на вихідні"));

    tmux.keys(&["/"]);
    tmux.keys(&["-l", "чернігові"]);
    let screen = tmux.wait_for("the results", |s| {
        s.contains(" /чернігові") && s.contains("Мер Чернігова") && s.contains("знайдено")
    });
    assert!(
        !screen.contains("Прогноз погоди"),
        "only matches:\n{screen}"
    );
    assert!(
        !screen.contains("Чернігівський театр"),
        "the adjective is another word:\n{screen}"
    );
    // «Чернігова» in the title is marked (an attribute starts right before it).
    let attrs = tmux.screen_with_attributes();
    let row = attrs.lines().find(|l| l.contains("Мер")).unwrap();
    let at = row.find("Чернігова").unwrap();
    assert!(row[..at].ends_with('m'), "highlighted: {row:?}");

    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the newest match opened", |s| {
        s.contains("Щеплення роблять у поліклініках")
    });
    assert!(screen.contains("Вакцинація від COVID"), "{screen}");
    // Follow the article's link by its number.
    assert!(screen.contains("МОЗ[1]"), "{screen}");
    tmux.keys(&["1"]);
    // The recording browser, not the status line: a page fetch failing behind the dead proxy
    // may replace «відкрито в браузері» before the screen is read.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !std::fs::read_to_string(&opened).is_ok_and(|s| s.contains("moz.gov.ua")) {
        assert!(
            std::time::Instant::now() < deadline,
            "the browser was not run:\n{}",
            tmux.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    tmux.keys(&["Escape"]);
    tmux.wait_for("back to the results", |s| {
        s.contains("знайдено") && s.contains("Мер Чернігова")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("the full list", |s| {
        !s.contains("знайдено") && s.contains("Прогноз погоди на вихідні")
    });
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
    let opened = std::fs::read_to_string(&opened).unwrap();
    assert!(
        opened.contains("https://moz.gov.ua/vaktsynatsiia"),
        "{opened}"
    );
}
