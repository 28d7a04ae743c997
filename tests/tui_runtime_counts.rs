//! The unread count of the title bar through the real loop and a real cache (in-process, on a
//! `TestBackend`, a local feed file): after opening an article (it is marked read), `u`, `A`,
//! `U`, `t` both ways, `s`, a refresh that adds articles, and opening in the unread-only list,
//! the title bar says what the cache file says, and keeps saying it (no later window or count
//! takes it back to a stale number). The real loop's counts were already right here before
//! (a feed-pane reload corrects a stale window within milliseconds): this guards them; the
//! step-by-step check that a window never brings a stale count is in tui_nav_unread_only. And
//! the starred view's count while its mark-all is kept (the file locked): every starred article
//! counts, not only those of the feed it was opened from; a search's count, only those it finds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;

use chmon::runtime::Browser;
use tui_support::running::{Running, settings};

/// A UTF-8 feed of `n` items, newest first, an hour apart.
fn write_feed(path: &Path, n: usize) {
    write_named(path, n, "Лічильник", "Новина номер", "x.test");
}

/// The same with its own title, headlines and site.
fn write_named(path: &Path, n: usize, title: &str, headline: &str, site: &str) {
    let items: String = (1..=n)
        .rev()
        .map(|i| {
            format!(
                "<item><title>{headline} {i}</title><link>http://{site}/{i}</link>\
                 <guid>http://{site}/{i}</guid>\
                 <pubDate>Tue, 23 Dec 2025 {i:02}:00:00 +0200</pubDate>\
                 <description>Текст {i}.</description></item>"
            )
        })
        .collect();
    let feed = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>{title}</title><link>http://{site}/</link>{items}</channel></rss>"
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

/// The starred view shown from one feed's list has the starred articles of every feed: a
/// mark-all there while the file is locked (kept, not written yet) counts them all, not only
/// those of that feed.
#[test]
fn the_starred_view_count_while_its_marks_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.xml"), dir.path().join("b.xml"));
    write_named(&a, 3, "Стрічка А", "Перша", "a.test");
    write_named(&b, 2, "Стрічка Б", "Друга", "b.test");
    let specs = [&a, &b]
        .iter()
        .map(|p| chmon::config::FeedSpec::new(p.display().to_string()))
        .collect();
    let mut settings = chmon::config::Settings::with_feeds(specs, dir.path());
    settings.lang = chmon::i18n::Lang::Uk;
    settings.zone = chmon::timefmt::Zone::kyiv();
    chmon::commands::refresh_quietly(&settings).unwrap();
    {
        let conn = rusqlite::Connection::open(dir.path().join("cache.sqlite3")).unwrap();
        conn.execute(
            "UPDATE articles SET starred = 1 WHERE title IN ('Перша 3', 'Друга 2')",
            [],
        )
        .unwrap();
    }
    let browser = Browser::from_value(Some("/nonexistent".into()));
    let run = Running::start(settings, false, TestBackend::new(100, 30), browser);
    run.wait_for("all news", |s| {
        s.contains("Усі новини") && s.contains("Друга 2")
    });
    // Feed A's list, then the starred view from it.
    run.keys(&["Tab", "j"]);
    run.wait_for("the pane", |s| s.contains("Стрічка А"));
    run.keys(&["Enter"]);
    run.wait_for("feed A", |s| {
        s.contains("chmon · Стрічка А") && !s.contains("Друга 2")
    });
    run.keys(&["S"]);
    run.wait_for("the starred", |s| {
        s.contains("★ Обране") && s.contains("Друга 2") && s.contains("Перша 3")
    });
    run.wait_for("two unread starred", |s| shown(s) == Some(2));
    let lock = rusqlite::Connection::open(dir.path().join("cache.sqlite3")).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE; UPDATE feeds SET title = title;")
        .unwrap();
    run.keys(&["A"]);
    run.wait_for("kept", |s| s.contains("позначено прочитаними: 2"));
    std::thread::sleep(Duration::from_millis(300));
    let screen = run.screen();
    assert_eq!(in_file(dir.path()), 5, "not written yet");
    assert_eq!(
        shown(&screen),
        Some(0),
        "both starred counted read\n{screen}"
    );
    lock.execute_batch("COMMIT").unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while in_file(dir.path()) != 3 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(in_file(dir.path()), 3, "written when the lock went");
    assert_eq!(shown(&run.screen()), Some(0));
    run.keys(&["q"]);
    run.join().unwrap();
}

/// A search's count while a read mark of an article it does not find is kept (the file
/// locked): that mark does not change it.
#[test]
fn a_search_count_while_other_marks_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.xml");
    write_feed(&feed, 6);
    let settings = settings(&feed, dir.path());
    chmon::commands::refresh_quietly(&settings).unwrap();
    {
        // Indexed now (the reader's background indexing would find the file locked).
        let mut store = chmon::store::Store::open(&dir.path().join("cache.sqlite3")).unwrap();
        while store.index_pending(100).unwrap() > 0 {}
    }
    let browser = Browser::from_value(Some("/nonexistent".into()));
    let run = Running::start(settings, false, TestBackend::new(100, 30), browser);
    run.wait_for("headlines", |s| {
        s.contains("Новина номер 6") && shown(s) == Some(6)
    });
    let lock = rusqlite::Connection::open(dir.path().join("cache.sqlite3")).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE; UPDATE feeds SET title = title;")
        .unwrap();
    // «Новина номер 5» read (kept), then a search that finds only «Новина номер 3».
    run.keys(&["j", "u"]);
    run.wait_for("the mark", |s| shown(s) == Some(5));
    run.keys(&["/", "3", "Enter"]);
    run.wait_for("the result", |s| {
        s.contains("Новина номер 3") && !s.contains("Новина номер 4")
    });
    std::thread::sleep(Duration::from_millis(300));
    let screen = run.screen();
    assert_eq!(shown(&screen), Some(1), "{screen}");
    assert_eq!(in_file(dir.path()), 6, "not written yet");
    lock.execute_batch("COMMIT").unwrap();
    run.keys(&["Esc"]);
    run.wait_for("the list", |s| s.contains("Новина номер 6"));
    settles(&run, dir.path(), "written", 5);
    run.keys(&["q"]);
    run.join().unwrap();
}
