//! The unread count of the title bar through the real loop and a real cache (in-process, on a
//! `TestBackend`, a local feed file): after opening an article (it is marked read), `u`, `A`,
//! `U`, `t` both ways, `s`, a refresh that adds articles, and opening in the unread-only list,
//! the title bar says what the cache file says, and keeps saying it (no later window or count
//! takes it back to a stale number). The real loop's counts were already right here before
//! (a feed-pane reload corrects a stale window within milliseconds): this guards them; the
//! step-by-step check that a window never brings a stale count is in tui_nav_unread_only.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;

use chmon::runtime::Browser;
use tui_support::running::{Running, settings};

/// A UTF-8 feed of `n` items, newest first, an hour apart.
fn write_feed(path: &Path, n: usize) {
    let items: String = (1..=n)
        .rev()
        .map(|i| {
            format!(
                "<item><title>Новина номер {i}</title><link>http://x.test/{i}</link>\
                 <guid>http://x.test/{i}</guid>\
                 <pubDate>Tue, 23 Dec 2025 {:02}:00:00 +0200</pubDate>\
                 <description>Текст {i}.</description></item>",
                i
            )
        })
        .collect();
    let feed = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Лічильник</title><link>http://x.test/</link>{items}</channel></rss>"
    );
    std::fs::write(path, feed).unwrap();
}

/// The title bar's unread count.
fn shown(screen: &str) -> Option<usize> {
    let title = screen.lines().next()?;
    let before = &title[..title.rfind(" непрочитан")?];
    let digits: String = (before.chars().rev())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().ok()
}

/// The unread articles in the cache file.
fn in_file(dir: &Path) -> usize {
    let conn = rusqlite::Connection::open(dir.join("cache.sqlite3")).unwrap();
    conn.query_row("SELECT count(*) FROM articles WHERE read = 0", [], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap()
    .try_into()
    .unwrap()
}

/// Waits until the title bar and the file both say `want`, then watches the title bar for a
/// while: it must not change.
fn settles(run: &Running<TestBackend>, dir: &Path, step: &str, want: usize) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while (shown(&run.screen()) != Some(want) || in_file(dir) != want) && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let screen = run.screen();
    assert_eq!(
        shown(&screen),
        Some(want),
        "{step}: the title bar\n{screen}"
    );
    assert_eq!(in_file(dir), want, "{step}: the file");
    let watch = Instant::now() + Duration::from_millis(400);
    while Instant::now() < watch {
        let screen = run.screen();
        assert_eq!(shown(&screen), Some(want), "{step}: changed\n{screen}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn the_title_bar_count_follows_every_mark() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.xml");
    write_feed(&feed, 6);
    let settings = settings(&feed, dir.path());
    chmon::commands::refresh_quietly(&settings).unwrap();
    let browser = Browser::from_value(Some("/nonexistent".into()));
    let run = Running::start(settings, false, TestBackend::new(100, 30), browser);
    run.wait_for("headlines", |s| s.contains("Новина номер 6"));
    settles(&run, dir.path(), "start", 6);

    run.keys(&["Enter"]);
    run.wait_for("the article", |s| s.contains("Esc назад"));
    settles(&run, dir.path(), "open", 5);
    run.keys(&["Esc", "j", "u"]);
    settles(&run, dir.path(), "u", 4);
    run.keys(&["u"]);
    settles(&run, dir.path(), "u again", 5);
    run.keys(&["A"]);
    settles(&run, dir.path(), "A", 0);
    run.keys(&["U"]);
    settles(&run, dir.path(), "U", 5);
    run.keys(&["t"]);
    run.wait_for("unread only", |s| s.contains("· непрочитані"));
    settles(&run, dir.path(), "t", 5);
    run.keys(&["t"]);
    run.wait_for("all", |s| !s.contains("· непрочитані"));
    settles(&run, dir.path(), "t again", 5);
    run.keys(&["s"]);
    run.wait_for("the star", |s| s.contains("★ додано до обраного"));
    settles(&run, dir.path(), "s", 5);

    // A refresh that finds two more.
    write_feed(&feed, 8);
    run.keys(&["r"]);
    run.wait_for("the refresh", |s| s.contains("2 нові"));
    settles(&run, dir.path(), "refresh", 7);

    // In the unread-only list: open one after the other (each marked read).
    run.keys(&["t"]);
    run.wait_for("unread only", |s| {
        s.contains("· непрочитані") && s.contains("1/7") && s.contains("Новина номер 8")
    });
    run.keys(&["Enter"]);
    run.wait_for("the article", |s| s.contains("Esc назад"));
    settles(&run, dir.path(), "open, unread only", 6);
    run.keys(&["n"]);
    settles(&run, dir.path(), "n, unread only", 5);
    run.keys(&["Esc", "A"]);
    settles(&run, dir.path(), "A, unread only", 0);
    run.keys(&["U"]);
    settles(&run, dir.path(), "U, unread only", 5);
    run.keys(&["q"]);
    run.join().unwrap();
}
