//! The real loop with a real cache (in-process, on a `TestBackend`): mark all read and its
//! undo, stars and the starred view, the unread-only list and next unread go through the cache
//! worker and come back with the counts the title bar shows, and they are in the file after;
//! stars, mark-all and its undo made while another connection holds the write lock are kept,
//! shown at once and written when the lock goes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::path::Path;
use std::time::{Duration, Instant};

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

/// Another connection holds the write lock (as a long refresh does) while `s`, `A` and `U`
/// are pressed: each is shown at once (not after a 5 s lock wait, not as a failure), nothing is
/// written meanwhile, and all of it is in the file once the lock goes (before the reader quits).
#[test]
fn stars_mark_all_and_undo_are_kept_while_the_cache_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(&agency_feed(dir.path()), dir.path());
    chmon::commands::refresh_quietly(&settings).unwrap();
    let browser = Browser::from_value(Some("/nonexistent".into()));
    let run = Running::start(settings, false, TestBackend::new(100, 30), browser);
    run.wait_for("headlines", |s| {
        s.contains("4 непрочитані") && s.contains("Ніжинський суд")
    });
    // The second one read before the lock: A marks the other three.
    run.keys(&["j", "Enter"]);
    run.wait_for("the article", |s| s.contains("Esc назад"));
    run.keys(&["Esc", "g"]);
    run.wait_for("three unread", |s| {
        s.contains("3 непрочитані") && s.contains("1/4")
    });
    let before = flags(dir.path());
    let lock = rusqlite::Connection::open(dir.path().join("cache.sqlite3")).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE; UPDATE feeds SET title = title;")
        .unwrap();
    let quick = Duration::from_secs(2);
    let started = Instant::now();
    run.keys(&["s"]);
    run.wait_within("the star", quick, |s| s.contains("★ додано до обраного"));
    run.keys(&["A"]);
    run.wait_within("all read", quick, |s| {
        s.contains("0 непрочитаних") && s.contains("позначено прочитаними: 3")
    });
    let screen = run.screen();
    assert!(!screen.contains("помилк"), "{screen}");
    assert!(screen.contains("★"), "the star is still shown: {screen}");
    run.keys(&["U"]);
    run.wait_within("the undo", quick, |s| {
        s.contains("3 непрочитані") && s.contains("знову непрочитані: 3")
    });
    // And a single mark behind them: the third read.
    run.keys(&["j", "j", "u"]);
    run.wait_within("the third read", quick, |s| s.contains("2 непрочитані"));
    assert!(started.elapsed() < Duration::from_secs(4));
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(flags(dir.path()), before, "nothing written while locked");
    lock.execute_batch("COMMIT").unwrap();
    let want = vec![(false, true), (true, false), (true, false), (false, false)];
    let deadline = Instant::now() + Duration::from_secs(5);
    while flags(dir.path()) != want && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(flags(dir.path()), want, "(read, starred), newest first");
    assert!(!run.finished());
    run.keys(&["q"]);
    run.join().unwrap();
    assert!(log_has_no_lost_marks(dir.path()));
}

/// The log has no lost or unwritten marks.
fn log_has_no_lost_marks(dir: &Path) -> bool {
    let log = std::fs::read_to_string(dir.join("chmon.log")).unwrap_or_default();
    !log.contains("lost") && !log.contains("not written")
}
