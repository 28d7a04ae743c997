//! End to end in a real terminal (tmux), the input side: bracketed paste is never taken as
//! keys, `$BROWSER` with arguments, every stop signal (SIGQUIT too) restores the terminal, and
//! read marks made while another process holds the cache's write lock are kept.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tmux_support;

use std::path::Path;
use std::process::Command;

use tmux_support::{agency_feed, available, exited_cleanly, reader, recording_browser};

#[test]
fn pasted_text_is_never_keys() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (browser, log) = recording_browser(dir.path());
    let feed = agency_feed(dir.path());
    let tmux = reader(
        "paste",
        (100, 30),
        &feed,
        dir.path(),
        &[("BROWSER", &browser)],
    );
    tmux.wait_for("the refresh", |s| s.contains("4 нові") && s.contains("1/4"));
    tmux.paste(&"o".repeat(300));
    for text in ["q", "r", "u", "j", "\r"] {
        tmux.paste(text);
    }
    tmux.keys(&["j"]);
    let screen = tmux.wait_for("the key after the pastes", |s| {
        s.contains("2/4") || s.contains("exited")
    });
    assert!(
        !screen.contains("chmon exited"),
        "a pasted q does not quit:\n{screen}"
    );
    assert!(
        screen.contains("4 непрочитані"),
        "a pasted u marks nothing:\n{screen}"
    );
    assert!(
        screen.contains("Enter читати"),
        "a pasted Enter opens nothing:\n{screen}"
    );
    assert!(!log.exists(), "a pasted o opens nothing");
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
}

#[test]
fn browser_with_arguments() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (browser, log) = recording_browser(dir.path());
    let feed = agency_feed(dir.path());
    let tmux = reader(
        "browser",
        (100, 30),
        &feed,
        dir.path(),
        &[("BROWSER", &browser)],
    );
    tmux.wait_for("the refresh", |s| s.contains("1/4"));
    tmux.keys(&["j"]);
    tmux.wait_for("the second row", |s| s.contains("2/4"));
    tmux.keys(&["o"]);
    tmux.wait_for("the browser", |s| {
        s.contains("відкрито в браузері") || s.contains("браузер:")
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    let opened = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(opened, "--new-tab --url=http://monitor.cn.ua/ua/news/102\n");
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
}

#[test]
fn every_stop_signal_restores_the_terminal() {
    if !available() {
        return;
    }
    for signal in ["QUIT", "TERM", "HUP", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let feed = agency_feed(dir.path());
        let tmux = reader(&format!("sig{signal}"), (100, 30), &feed, dir.path(), &[]);
        tmux.wait_for("headlines", |s| s.contains("Обласна рада"));
        assert_eq!(tmux.format("#{alternate_on}"), "1");
        let pid = tmux.chmon_pid();
        assert!(
            Command::new("kill")
                .args([&format!("-{signal}"), &pid])
                .status()
                .unwrap()
                .success()
        );
        exited_cleanly(&tmux, "0");
    }
}

fn read_flags(data: &Path) -> Vec<bool> {
    let conn = rusqlite::Connection::open(data.join("cache.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare("SELECT read FROM articles ORDER BY link")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Another process holds the cache's write lock (as a long refresh does): marks made meanwhile
/// are kept and land once it is released, and reading goes on without waiting for them.
#[test]
fn read_marks_survive_a_locked_cache() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let feed = agency_feed(dir.path());
    let tmux = reader("locked", (100, 30), &feed, dir.path(), &[]);
    tmux.wait_for("the refresh", |s| s.contains("4 нові"));
    let data = dir.path().join("data");
    let lock = rusqlite::Connection::open(data.join("cache.sqlite3")).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE; UPDATE feeds SET title = title;")
        .unwrap();
    tmux.keys(&["Enter"]);
    tmux.wait_for("the first article", |s| s.contains("Бюджет-2026"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list", |s| s.contains("Enter читати"));
    let started = std::time::Instant::now();
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the second article", |s| s.contains("Тролейбуси маршрутів"));
    let waited = started.elapsed();
    assert!(
        waited < std::time::Duration::from_secs(2),
        "reading waited {waited:?} for the lock"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list", |s| {
        s.contains("2 непрочитані") && s.contains("Enter читати")
    });
    std::thread::sleep(std::time::Duration::from_secs(6));
    assert_eq!(
        read_flags(&data),
        [false; 4],
        "still locked: nothing written yet"
    );
    lock.execute_batch("COMMIT").unwrap();
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
    assert_eq!(read_flags(&data), [true, true, false, false]);
}
