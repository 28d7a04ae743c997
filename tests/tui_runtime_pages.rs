//! Full text through the real loop (`runtime::run_with` on a `TestBackend`) against a loopback
//! server: the page server is slow (2 s), yet after Enter the teaser is on screen at once and
//! keys are handled within ~200 ms while the page downloads; then the full text appears, it is
//! fetched once, and with the server gone a new run shows it offline. `always` feeds are
//! prefetched after a refresh, at most two pages at a time. Touches no internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;
mod tui_support;

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;

use chmon::config::{FullText, Settings};
use chmon::runtime::Browser;
use common::{Route, TestServer, fixture};
use tui_support::running::Running;

/// Text of the agency's long page (not in the feed's teaser).
const FROM_PAGE: &str = "Після обстрілів 2022 року";
const TEASER: &str = "Будівля колишнього кінотеатру";
/// How long a key may take to show on screen while the page downloads.
const KEY_LIMIT: Duration = Duration::from_millis(200);

/// An RSS feed with teaser items linking to `links`, newest first.
fn teaser_feed(links: &[String]) -> String {
    let mut items = String::new();
    for (n, link) in links.iter().enumerate() {
        items.push_str(&format!(
            "<item><title>Кінотеатр відновлюють {n}</title><link>{link}</link><guid>{link}</guid>\
             <pubDate>Tue, 23 Dec 2025 1{n}:00:00 +0200</pubDate>\
             <description>{TEASER}… Читати далі</description></item>"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\
         {items}</channel></rss>"
    )
}

fn settings(feed: &str, dir: &Path, policy: FullText) -> Settings {
    let mut settings = tui_support::running::settings(Path::new(feed), dir);
    tui_support::fetching(&mut settings, policy);
    settings
}

/// The reader on a 100×30 screen, refreshing at start or not.
fn reader(feed: &str, dir: &Path, policy: FullText, refresh: bool) -> Running<TestBackend> {
    Running::start(
        settings(feed, dir, policy),
        refresh,
        TestBackend::new(100, 30),
        no_browser(),
    )
}

fn no_browser() -> Browser {
    Browser::from_value(Some("/nonexistent/browser".into()))
}

fn page_route(delay: Duration) -> Route {
    Route::ok(fixture("extract/pages/agency_long.html"))
        .header("Content-Type", "text/html; charset=utf-8")
        .delay(delay)
}

/// Presses `key` and waits (at most [`KEY_LIMIT`]) for `check`; returns how long it took.
fn timed(
    run: &Running<TestBackend>,
    key: &str,
    what: &str,
    check: impl Fn(&str) -> bool,
) -> Duration {
    let start = Instant::now();
    run.keys(&[key]);
    run.wait_within(what, KEY_LIMIT, check);
    start.elapsed()
}

#[test]
fn a_slow_page_never_holds_up_the_keys_and_reads_offline_afterwards() {
    let server = TestServer::start();
    let link = server.url("/news/1");
    server.route("/feed.xml", Route::ok(teaser_feed(&[link])));
    server.route("/news/1", page_route(Duration::from_secs(2)));
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    let run = reader(&feed, dir.path(), FullText::Auto, true);
    run.wait_for("the refresh and its row", |s| {
        s.contains("1 нова") && s.contains("Кінотеатр відновлюють 0")
    });
    let mut slowest = timed(&run, "Enter", "the teaser", |s| {
        s.contains(TEASER) && s.contains("завантажую повний текст…")
    });
    for (key, what, check) in [
        (
            "j",
            "a scroll",
            (|s: &str| s.contains(TEASER)) as fn(&str) -> bool,
        ),
        ("k", "a scroll back", |s| s.contains(TEASER)),
        ("Esc", "the list", |s| {
            !s.contains("Читати далі") && s.contains("1/1")
        }),
        ("Enter", "the teaser again", |s| s.contains("Читати далі")),
    ] {
        slowest = slowest.max(timed(&run, key, what, check));
    }
    eprintln!("slowest key while the page downloads: {slowest:?}");
    let screen = run.wait_for("the full text", |s| s.contains(FROM_PAGE));
    assert!(!screen.contains("Читати далі"), "{screen}");
    assert!(!screen.contains("завантажую"), "{screen}");
    let asked = server.requests();
    let pages = asked.iter().filter(|r| r.path == "/news/1").count();
    assert_eq!(pages, 1, "reopening did not fetch it again");
    run.keys(&["q", "q"]);
    run.join().unwrap();
    drop(server);

    let offline = reader(&feed, dir.path(), FullText::Auto, false);
    offline.wait_for("the cached headline", |s| s.contains("Кінотеатр"));
    offline.keys(&["Enter"]);
    let screen = offline.wait_for("the stored full text", |s| s.contains(FROM_PAGE));
    assert!(!screen.contains("завантажую"), "{screen}");
    offline.keys(&["q", "q"]);
    offline.join().unwrap();
}

#[test]
fn a_missing_page_is_said_and_the_teaser_stays() {
    let server = TestServer::start();
    let link = server.url("/news/404");
    server.route("/feed.xml", Route::ok(teaser_feed(&[link])));
    server.route("/news/404", Route::status(404));
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    let run = reader(&feed, dir.path(), FullText::Auto, true);
    run.wait_for("the refresh and its row", |s| {
        s.contains("1 нова") && s.contains("Кінотеатр відновлюють 0")
    });
    run.keys(&["Enter"]);
    let screen = run.wait_for("the failure", |s| s.contains("HTTP 404"));
    assert!(
        screen.contains("не вдалося завантажити повний текст"),
        "{screen}"
    );
    assert!(screen.contains(TEASER), "{screen}");
    run.keys(&["q", "q"]);
    run.join().unwrap();
}

#[test]
fn always_feeds_are_prefetched_two_pages_at_a_time() {
    let server = TestServer::start();
    let links: Vec<String> = (1..=5).map(|n| server.url(&format!("/news/{n}"))).collect();
    server.route("/feed.xml", Route::ok(teaser_feed(&links)));
    for n in 1..=5 {
        server.route(
            &format!("/news/{n}"),
            page_route(Duration::from_millis(300)),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    let run = reader(&feed, dir.path(), FullText::Always, true);
    run.wait_for("the refresh", |s| s.contains("5 нових"));
    let deadline = Instant::now() + Duration::from_secs(10);
    let fetched = || {
        let asked = server.requests();
        asked
            .iter()
            .filter(|r| r.path.starts_with("/news/"))
            .count()
    };
    while fetched() < 5 {
        assert!(Instant::now() < deadline, "{} pages fetched", fetched());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(server.max_in_flight() <= 2, "{}", server.max_in_flight());
    // The prefetch was quiet, and the pages are stored: the article opens with its page.
    run.keys(&["Enter"]);
    run.wait_for("the prefetched page", |s| s.contains(FROM_PAGE));
    run.keys(&["q", "q"]);
    run.join().unwrap();
    assert_eq!(fetched(), 5, "opening fetched nothing more");
}

fn stored_pages(dir: &Path) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("cache.sqlite3")).unwrap();
    conn.query_row("SELECT count(*) FROM pages", [], |r| r.get(0))
        .unwrap()
}

/// Another connection holds the write lock (as a long refresh does) when the page arrives:
/// the page is shown, kept, and written once the lock is let go, even after leaving it.
#[test]
fn a_page_is_not_lost_while_the_cache_is_locked() {
    let server = TestServer::start();
    let link = server.url("/news/1");
    server.route("/feed.xml", Route::ok(teaser_feed(&[link])));
    server.route("/news/1", page_route(Duration::ZERO));
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    let settings = settings(&feed, dir.path(), FullText::Auto);
    chmon::commands::refresh_quietly(&settings).unwrap();
    let run = Running::start(settings, false, TestBackend::new(100, 30), no_browser());
    run.wait_for("the headline", |s| s.contains("Кінотеатр"));
    let lock = rusqlite::Connection::open(dir.path().join("cache.sqlite3")).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE; UPDATE feeds SET title = title;")
        .unwrap();
    run.keys(&["Enter"]);
    run.wait_for("the full text", |s| s.contains(FROM_PAGE));
    run.keys(&["Esc"]);
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(stored_pages(dir.path()), 0, "nothing written yet");
    run.keys(&["Enter"]);
    run.wait_for("the kept page", |s| s.contains(FROM_PAGE));
    lock.execute_batch("COMMIT").unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while stored_pages(dir.path()) == 0 {
        assert!(Instant::now() < deadline, "the page was never written");
        std::thread::sleep(Duration::from_millis(20));
    }
    run.keys(&["Esc", "q"]);
    run.join().unwrap();
    assert_eq!(
        server
            .requests()
            .iter()
            .filter(|r| r.path == "/news/1")
            .count(),
        1,
        "the kept page was shown again, not fetched again"
    );
}
