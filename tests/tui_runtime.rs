//! The real loop in-process: `runtime::run_with` on a `TestBackend` (or a tmux-like grid), a
//! real cache in a temporary directory and a local feed file, driven by key events as the
//! terminal would send them. Covers keys end to end, pasted text, signals, `$BROWSER` with
//! arguments, read marks while another connection holds the cache's write lock, and flags.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;

use chmon::runtime::{Browser, Input};
use tui_support::backend::SplitFlags;
use tui_support::running::{Running, recording_browser, settings};

fn agency_feed(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("feed.xml");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/tui/agency-1251.xml"
        ),
        &path,
    )
    .unwrap();
    path
}

fn no_browser() -> Browser {
    Browser::from_value(Some("/nonexistent/browser".into()))
}

fn read_flags(dir: &Path) -> Vec<(String, bool)> {
    let conn = rusqlite::Connection::open(dir.join("cache.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare("SELECT link, read FROM articles ORDER BY link")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn keys_drive_the_real_loop() {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(&agency_feed(dir.path()), dir.path());
    let run = Running::start(settings, true, TestBackend::new(100, 30), no_browser());
    run.wait_for("the refresh", |s| s.contains("4 нові") && s.contains("1/4"));
    run.keys(&["j"]);
    let screen = run.wait_for("the second row", |s| s.contains("2/4"));
    assert!(
        !screen.contains("4 нові"),
        "a key clears the message:\n{screen}"
    );
    run.keys(&["Enter"]);
    run.wait_for("the article", |s| s.contains("Тролейбуси маршрутів"));
    run.keys(&["n"]);
    run.wait_for("the next article", |s| s.contains("Передача відбулася"));
    run.keys(&["Esc"]);
    run.wait_for("the list", |s| {
        s.contains("3/4") && s.contains("2 непрочитані")
    });
    run.keys(&["q"]);
    run.join().unwrap();
    let read: Vec<bool> = read_flags(dir.path()).into_iter().map(|(_, r)| r).collect();
    assert_eq!(read, [false, true, true, false]);
}

#[test]
fn pasted_text_is_never_keys_and_the_browser_gets_its_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.log");
    let browser = recording_browser(dir.path(), &log, "BROWSER --new-tab --url=%s");
    let settings = settings(&agency_feed(dir.path()), dir.path());
    let run = Running::start(settings, true, TestBackend::new(100, 30), browser);
    run.wait_for("the refresh", |s| s.contains("4 нові"));
    for text in [
        "o".repeat(300),
        "q".into(),
        "r".into(),
        "u".into(),
        "\r".into(),
    ] {
        run.send(Input::Paste(text));
    }
    run.keys(&["j"]);
    let screen = run.wait_for("the key after the pastes", |s| s.contains("2/4"));
    assert!(!run.finished(), "a pasted q does not quit");
    assert!(
        screen.contains("4 непрочитан"),
        "a pasted u marks nothing:\n{screen}"
    );
    assert!(
        !screen.contains("оновлення"),
        "a pasted r does not refresh:\n{screen}"
    );
    assert!(!log.exists(), "a pasted o opens nothing");
    run.keys(&["o"]);
    run.wait_for("the browser", |s| s.contains("відкрито в браузері"));
    run.keys(&["q"]);
    run.join().unwrap();
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(opened, "--new-tab --url=http://monitor.cn.ua/ua/news/102\n");
}

#[test]
fn a_signal_ends_the_loop() {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(&agency_feed(dir.path()), dir.path());
    let run = Running::start(settings, true, TestBackend::new(80, 24), no_browser());
    run.wait_for("headlines", |s| s.contains("Обласна рада"));
    run.send(Input::Signal(3));
    run.join().unwrap();
}

/// Another connection holds the write lock (as a long refresh does) while marks are made.
#[test]
fn read_marks_are_kept_while_the_cache_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(&agency_feed(dir.path()), dir.path());
    chmon::commands::refresh_quietly(&settings).unwrap();
    let run = Running::start(settings, false, TestBackend::new(100, 30), no_browser());
    run.wait_for("headlines", |s| s.contains("4 непрочитані"));
    let lock = rusqlite::Connection::open(dir.path().join("cache.sqlite3")).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE; UPDATE feeds SET title = title;")
        .unwrap();
    run.keys(&["Enter"]);
    run.wait_for("the first article", |s| s.contains("Бюджет-2026"));
    run.keys(&["Esc", "j", "Enter"]);
    // The load behind the kept write is answered at once, not after a 5 s lock wait.
    let started = Instant::now();
    run.wait_within("the second article", Duration::from_secs(2), |s| {
        s.contains("Тролейбуси маршрутів")
    });
    assert!(started.elapsed() < Duration::from_secs(2));
    run.keys(&["Esc"]);
    run.wait_for("both marks shown", |s| s.contains("2 непрочитані"));
    std::thread::sleep(Duration::from_millis(600));
    assert!(
        read_flags(dir.path()).iter().all(|(_, r)| !r),
        "nothing written yet"
    );
    // Quit while still locked: the reader waits for the lock before it ends.
    run.keys(&["j", "Enter", "Esc", "q"]);
    std::thread::sleep(Duration::from_millis(800));
    assert!(!run.finished(), "it waits for the lock to write the marks");
    lock.execute_batch("COMMIT").unwrap();
    run.join().unwrap();
    let read: Vec<bool> = read_flags(dir.path()).into_iter().map(|(_, r)| r).collect();
    assert_eq!(read, [true, true, true, false]);
}

fn flag_feed(dir: &Path) -> std::path::PathBuf {
    let filler: String = (1..=12).map(|n| format!("<p>Абзац {n}.</p>")).collect();
    let feed = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Прапори</title><link>http://x.test/</link>
<item><title>Коротко</title><link>http://x.test/2</link>
<pubDate>Tue, 23 Dec 2025 16:33:00 +0200</pubDate><description>Ні.</description></item>
<item><title>🇺🇦 Прапор над Черніговом</title><link>http://x.test/1</link>
<pubDate>Tue, 23 Dec 2025 10:00:00 +0200</pubDate>
<description><![CDATA[<p>Синьо-жовтий прапор над містом 🇺🇦</p>{filler}]]></description></item>
</channel></rss>"#
    );
    let path = dir.join("flags.xml");
    std::fs::write(&path, feed).unwrap();
    path
}

/// On a terminal that keeps each regional indicator in its own column (tmux), no half flag
/// may stay behind when the help opens over it or a shorter line replaces its line.
#[test]
fn no_half_flag_is_left_on_a_splitting_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(&flag_feed(dir.path()), dir.path());
    let run = Running::start(settings, true, SplitFlags::new(100, 12), no_browser());
    run.wait_for("the flag headline", |s| {
        s.contains("🇺🇦 Прапор") && s.contains("2 нові")
    });
    let broken = || run.backend.lock().unwrap().broken_flags();
    run.keys(&["?"]);
    run.wait_for("the help", |s| s.contains("Клавіші"));
    assert_eq!(broken(), Vec::<String>::new(), "help over the list");
    run.keys(&["Esc", "j", "Enter"]);
    run.wait_for("the flag article", |s| s.contains("Синьо-жовтий"));
    run.keys(&["?"]);
    run.wait_for("the help", |s| s.contains("Клавіші"));
    assert_eq!(broken(), Vec::<String>::new(), "help over the article");
    run.keys(&["Esc"]);
    run.wait_for("the article again", |s| s.contains("Синьо-жовтий"));
    run.keys(&["j"]);
    run.wait_for("one line down", |s| !s.contains("🇺🇦 Прапор"));
    assert_eq!(
        broken(),
        Vec::<String>::new(),
        "a shorter line over the title's flag"
    );
    run.keys(&["j", "j", "j", "j"]);
    run.wait_for("the body's flag scrolled up", |s| {
        !s.contains("Синьо-жовтий")
    });
    assert_eq!(
        broken(),
        Vec::<String>::new(),
        "shorter lines over the body's flag"
    );
    run.keys(&["Esc", "q"]);
    run.join().unwrap();
}
