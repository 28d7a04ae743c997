//! `chmon show ID|N --full` end to end: a feed with teasers and its article pages served by the
//! loopback server in `tests/common`; the page is fetched, stored, printed, then printed again
//! offline by `show` without `--full`; a missing page is a one-line error. Touches no internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{Route, TestServer, fixture};

fn chmon(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chmon"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "Europe/Kyiv")
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .output()
        .expect("run chmon")
}

fn ok_stdout(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chmon failed: {err}");
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

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
    ok_stdout(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    let before = ok_stdout(&chmon(dir.path(), &["--feed", &feed, "show", "1"]));
    assert!(!before.contains(FROM_PAGE), "{before}");
    let full = ok_stdout(&chmon(
        dir.path(),
        &["--feed", &feed, "show", "1", "--full"],
    ));
    assert!(full.starts_with("Кінотеатр відновлюють"), "{full}");
    assert!(full.contains(FROM_PAGE), "{full}");
    assert!(!full.contains("Читати далі"), "{full}");
    drop(server);
    let offline = ok_stdout(&chmon(dir.path(), &["--feed", &feed, "show", "1"]));
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
    ok_stdout(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    let first = ok_stdout(&chmon(
        dir.path(),
        &["--feed", &feed, "show", "1", "--full"],
    ));
    server.route("/news/2", Route::status(304));
    let second = ok_stdout(&chmon(
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
    ok_stdout(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    let full = ok_stdout(&chmon(
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
    ok_stdout(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    let out = chmon(dir.path(), &["--feed", &feed, "show", "1", "--full"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("404"), "{err}");
    let after = ok_stdout(&chmon(dir.path(), &["--feed", &feed, "show", "1"]));
    assert!(after.contains("Читати далі"), "{after}");
}
