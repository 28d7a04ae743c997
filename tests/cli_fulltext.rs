//! `chmon show ID|N --full` end to end: a feed with teasers and its article pages served by the
//! loopback server in `tests/common`; the page is fetched, stored, printed, then printed again
//! offline by `show` without `--full`; a missing page is a one-line error; `refresh` prefetches
//! the pages of `full_text = "always"` feeds (2 at a time) and of no other. Touches no internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use common::{Route, TestServer, chmon, fixture, ok};

/// An RSS feed with one teaser item linking to `link`.
fn teaser_feed(link: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\
         <item><title>Кінотеатр відновлюють</title><link>{link}</link><guid>{link}</guid>\
         <description>Будівля колишнього кінотеатру… Читати далі</description></item>\
         </channel></rss>"
    )
}

const FROM_PAGE: &str = "Після обстрілів 2022 року";

#[test]
fn show_full_fetches_stores_and_show_prints_it_offline() {
    let server = TestServer::start();
    let link = server.url("/news/1");
    server.route("/feed.xml", Route::ok(teaser_feed(&link)));
    server.route(
        "/news/1",
        Route::ok(fixture("extract/pages/agency_long.html"))
            .header("Content-Type", "text/html; charset=utf-8")
            .header("ETag", "\"p1\""),
    );
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    ok(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    let before = ok(&chmon(dir.path(), &["--feed", &feed, "show", "1"]));
    assert!(!before.contains(FROM_PAGE), "{before}");
    let full = ok(&chmon(
        dir.path(),
        &["--feed", &feed, "show", "1", "--full"],
    ));
    assert!(full.starts_with("Кінотеатр відновлюють"), "{full}");
    assert!(full.contains(FROM_PAGE), "{full}");
    assert!(!full.contains("Читати далі"), "{full}");
    drop(server);
    let offline = ok(&chmon(dir.path(), &["--feed", &feed, "show", "1"]));
    assert_eq!(offline, full);
}

#[test]
fn show_full_sends_the_stored_validators_and_keeps_the_page_on_304() {
    let server = TestServer::start();
    let link = server.url("/news/2");
    server.route("/feed.xml", Route::ok(teaser_feed(&link)));
    server.route(
        "/news/2",
        Route::ok(fixture("extract/pages/agency_long.html")).header("ETag", "\"p2\""),
    );
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    ok(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    let first = ok(&chmon(
        dir.path(),
        &["--feed", &feed, "show", "1", "--full"],
    ));
    server.route("/news/2", Route::status(304));
    let second = ok(&chmon(
        dir.path(),
        &["--feed", &feed, "show", "1", "--full"],
    ));
    assert_eq!(first, second);
    let asked = server.requests();
    let last = asked.iter().rev().find(|r| r.path == "/news/2").unwrap();
    assert_eq!(last.header("If-None-Match"), Some("\"p2\""));
}

#[test]
fn a_cp1251_page_without_a_declared_charset_is_read_right() {
    let server = TestServer::start();
    let link = server.url("/news/3");
    server.route("/feed.xml", Route::ok(teaser_feed(&link)));
    let html = "<html><body><article><h1>Заголовок</h1><p>Будівля колишнього кінотеатру \
        понад двадцять років стояла зачиненою. Тепер тут щодня працюють будівельники, \
        волонтери й архітектори, які хочуть повернути місту культурний центр.</p><p>Друга \
        частина розповіді про відновлення будівлі та плани громади на наступний рік.</p>\
        </article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(html);
    server.route("/news/3", Route::ok(bytes.into_owned()));
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    ok(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    let full = ok(&chmon(
        dir.path(),
        &["--feed", &feed, "show", "1", "--full"],
    ));
    assert!(full.contains("стояла зачиненою"), "{full}");
}

#[test]
fn a_missing_or_slow_page_is_a_one_line_error_and_the_teaser_stays() {
    let server = TestServer::start();
    let link = server.url("/news/4");
    server.route("/feed.xml", Route::ok(teaser_feed(&link)));
    server.route("/news/4", Route::status(404));
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    ok(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    let out = chmon(dir.path(), &["--feed", &feed, "show", "1", "--full"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("404"), "{err}");
    let after = ok(&chmon(dir.path(), &["--feed", &feed, "show", "1"]));
    assert!(after.contains("Читати далі"), "{after}");
}

/// `chmon --config FILE` with `config` written to a file next to the cache.
fn chmon_with(data: &Path, config: &str, args: &[&str]) -> Output {
    let file = data.join("config.toml");
    std::fs::write(&file, config).unwrap();
    let mut all = vec!["--config", file.to_str().unwrap()];
    all.extend_from_slice(args);
    chmon(data, &all)
}

fn one_line_error(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn hostile_pages_end_in_a_one_line_error_or_a_bounded_story_and_big_ones_are_cut() {
    let server = TestServer::start();
    let feed = server.url("/feed.xml");
    let dir = tempfile::tempdir().unwrap();
    // An endless page that trickles: the deadline ends it.
    server.route("/feed.xml", Route::ok(teaser_feed(&server.url("/slow"))));
    server.route(
        "/slow",
        Route::ok(vec![b' '; 4096])
            .no_length()
            .trickle(Duration::from_millis(200)),
    );
    let config = "timeout_secs = 1\nmax_feed_mb = 1\n";
    ok(&chmon_with(
        dir.path(),
        config,
        &["--feed", &feed, "refresh"],
    ));
    let started = Instant::now();
    let err = one_line_error(&chmon_with(
        dir.path(),
        config,
        &["--feed", &feed, "show", "1", "--full"],
    ));
    assert!(started.elapsed() < Duration::from_secs(5), "{err}");
    assert!(err.contains("timed out"), "{err}");
    // A page over the size limit is not read whole: its first megabyte is kept and the story
    // comes from it, with a note (with and without a Content-Length).
    let mut huge = fixture("extract/pages/agency_long.html");
    huge.extend(b"<div class=\"x\">".repeat(400_000));
    assert!(huge.len() > 3 * 1024 * 1024);
    for route in [Route::ok(huge.clone()), Route::ok(huge).no_length()] {
        server.route("/slow", route);
        let full = ok(&chmon_with(
            dir.path(),
            config,
            &["--feed", &feed, "show", "1", "--full"],
        ));
        assert!(
            full.contains("сторінку обрізано: вона більша за 1 МБ"),
            "{full}"
        );
        assert!(full.contains(FROM_PAGE), "{full}");
    }
    // Deeply nested markup is flattened, and the story still comes out.
    let story = format!(
        "<p>{FROM_PAGE} будівлю відновлюють волонтери, архітектори й будівельники, \
         а глибока вкладеність розмітки не заважає прочитати цю розповідь.</p>"
    )
    .repeat(6);
    let deep = format!(
        "<html><body>{}<article>{story}</article></body></html>",
        "<div>".repeat(50_000)
    );
    server.route("/slow", Route::ok(deep));
    let full = ok(&chmon_with(
        dir.path(),
        config,
        &["--feed", &feed, "show", "1", "--full"],
    ));
    assert!(full.contains(FROM_PAGE), "{full}");
}

/// A feed of `n` teaser items linking to `/news/1` … `/news/n` of `server`.
fn teasers(server: &TestServer, n: usize) -> String {
    let mut items = String::new();
    for i in 1..=n {
        let link = server.url(&format!("/news/{i}"));
        items.push_str(&format!(
            "<item><title>Новина {i}</title><link>{link}</link><guid>{link}</guid>\
             <description>Коротко… Читати далі</description></item>"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>"
    )
}

#[test]
fn refresh_prefetches_the_pages_of_always_feeds_only() {
    let server = TestServer::start();
    server.route("/always.xml", Route::ok(teasers(&server, 3)));
    for i in 1..=3 {
        server.route(
            &format!("/news/{i}"),
            Route::ok(fixture("extract/pages/agency_long.html"))
                .header("Content-Type", "text/html; charset=utf-8")
                .delay(Duration::from_millis(200)),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[[feed]]\nurl = \"{}\"\nfull_text = \"always\"\n",
            server.url("/always.xml")
        ),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let out = ok(&chmon(dir.path(), &["--config", config, "refresh"]));
    assert!(out.contains("3 new"), "{out}");
    let pages = server
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/news/"))
        .count();
    assert_eq!(pages, 3);
    assert!(server.max_in_flight() <= 2, "{}", server.max_in_flight());
    drop(server);
    let offline = ok(&chmon(dir.path(), &["--config", config, "show", "1"]));
    assert!(offline.contains(FROM_PAGE), "{offline}");
}

#[test]
fn refresh_fetches_no_page_for_auto_feeds() {
    let server = TestServer::start();
    server.route("/auto.xml", Route::ok(teasers(&server, 2)));
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/auto.xml");
    ok(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    assert!(
        !server
            .requests()
            .iter()
            .any(|r| r.path.starts_with("/news/")),
        "auto fetches pages only in the reader or with show --full"
    );
}
