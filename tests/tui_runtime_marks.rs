//! The real loop with a real cache (in-process, on a `TestBackend`): mark all read and its
//! undo, stars and the starred view, the unread-only list and next unread go through the cache
//! worker and come back with the counts the title bar shows, and they are in the file after.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::path::Path;

use ratatui::backend::TestBackend;

use chmon::runtime::Browser;
use tui_support::running::{Running, settings};

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

fn flags(dir: &Path) -> Vec<(bool, bool)> {
    let conn = rusqlite::Connection::open(dir.join("cache.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare("SELECT read, starred FROM articles ORDER BY sort_time DESC, id DESC")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn marks_stars_and_filters_through_the_cache_worker() {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(&agency_feed(dir.path()), dir.path());
    let browser = Browser::from_value(Some("/nonexistent".into()));
    let run = Running::start(settings, true, TestBackend::new(100, 30), browser);
    // The rows too: the counts can be drawn before the list's window comes.
    run.wait_for("the refresh", |s| {
        s.contains("4 нові") && s.contains("4 непрочитані") && s.contains("Ніжинський суд")
    });
    // Read the second one, then mark all: three change; undo gives back those three.
    run.keys(&["j", "Enter"]);
    run.wait_for("the article", |s| s.contains("Esc назад"));
    run.keys(&["Esc"]);
    run.wait_for("three unread", |s| s.contains("3 непрочитані"));
    run.keys(&["A"]);
    run.wait_for("all read", |s| {
        s.contains("0 непрочитаних") && s.contains("позначено прочитаними: 3")
    });
    assert!(flags(dir.path()).iter().all(|(read, _)| *read));
    run.keys(&["U"]);
    run.wait_for("the undo", |s| {
        s.contains("3 непрочитані") && s.contains("знову непрочитані: 3")
    });
    let read: Vec<bool> = flags(dir.path()).iter().map(|(r, _)| *r).collect();
    assert_eq!(read, [false, true, false, false], "exactly what A changed");
    // n from the top: the next unread skips the read second one.
    run.keys(&["g", "n"]);
    run.wait_for("the third row", |s| s.contains("3/4"));
    // Star it and the first; the starred view shows the two.
    run.keys(&["s", "g", "s"]);
    run.wait_for("the star", |s| s.contains("★ додано до обраного"));
    run.keys(&["S"]);
    run.wait_for("the starred view", |s| {
        s.contains("★ Обране") && s.contains("1/2")
    });
    run.keys(&["S", "t"]);
    run.wait_for("unread only", |s| {
        s.contains("· непрочитані") && s.contains("1/3")
    });
    run.keys(&["q"]);
    run.join().unwrap();
    let starred: Vec<bool> = flags(dir.path()).iter().map(|(_, s)| *s).collect();
    assert_eq!(starred, [true, false, true, false]);
}
