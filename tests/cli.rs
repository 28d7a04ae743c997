//! End-to-end tests of the scriptable CLI (`refresh`, `list`, `show`, `--demo`) against the loopback
//! server in `tests/common`. Owns no product code; touches no internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use common::{Route, TestServer, chmon, fixture, ok};

fn agency_route() -> Route {
    Route::ok(fixture("cli/agency-1251-nodecl.xml"))
        .header("Content-Type", "application/rss+xml; charset=windows-1251")
}

#[test]
fn demo_lists_its_headlines_with_no_network() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(&chmon(dir.path(), &["--demo", "list"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 34, "{out}");
    assert!(
        lines[0].starts_with("2026-11-25 "),
        "newest first: {}",
        lines[0]
    );
    assert!(
        lines.iter().all(|l| l.len() > 18 && &l[16..18] == "  "),
        "{out}"
    );
    assert!(out.contains("Опалювальний сезон у Чернігові"), "{out}");
    assert!(
        out.contains("мʼясо"),
        "the U+02BC apostrophe survives: {out}"
    );
}

#[test]
fn header_only_windows_1251_feed_refreshes_and_lists_in_kyiv_time() {
    let server = TestServer::start();
    server.route("/feed.xml", agency_route().header("ETag", "\"v1\""));
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/feed.xml");
    let out = ok(&chmon(dir.path(), &["--feed", &url, "refresh"]));
    assert_eq!(out, "4 new, 0 updated, 4 total\n");
    let list = ok(&chmon(dir.path(), &["--feed", &url, "list"]));
    let first = list.lines().next().unwrap();
    assert_eq!(
        first,
        "2026-11-25 18:30  Чернігівська міськрада ухвалила бюджет на 2027 рік: «освіта й тепло — пріоритет»"
    );
    assert!(
        list.contains("Сім'я з Прилук зібрала 40 тисяч гривень на дрони 🔺"),
        "{list}"
    );
    // The second refresh is conditional and the server's 304 changes nothing.
    let again = ok(&chmon(dir.path(), &["--feed", &url, "refresh"]));
    assert_eq!(again, "0 new, 0 updated, 4 total\n");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].header("If-None-Match"), Some("\"v1\""));
    let agent = requests[0].header("User-Agent").unwrap_or_default();
    assert!(agent.starts_with("chmon/"), "{agent}");
}

#[test]
fn the_same_article_over_https_www_is_stored_once() {
    let server = TestServer::start();
    server.route("/feed.xml", agency_route());
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/feed.xml");
    ok(&chmon(dir.path(), &["--feed", &url, "refresh"]));
    server.route(
        "/feed.xml",
        Route::ok(fixture("cli/agency-www.xml")).header("Content-Type", "text/xml"),
    );
    let out = ok(&chmon(dir.path(), &["--feed", &url, "refresh"]));
    assert_eq!(out, "1 new, 0 updated, 5 total\n");
    // A summer (+0300) date in Kyiv time and in UTC.
    let kyiv = ok(&chmon(dir.path(), &["--feed", &url, "list"]));
    assert!(
        kyiv.contains("2026-08-15 21:10  Літній фестиваль"),
        "{kyiv}"
    );
    let utc = ok(&chmon(
        dir.path(),
        &["--feed", &url, "--timezone", "UTC", "list"],
    ));
    assert!(utc.contains("2026-08-15 18:10  Літній фестиваль"), "{utc}");
}

#[test]
fn json_ids_and_positions_open_the_same_article() {
    let server = TestServer::start();
    server.route("/feed.xml", agency_route());
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/feed.xml");
    ok(&chmon(dir.path(), &["--feed", &url, "refresh"]));
    let json = ok(&chmon(
        dir.path(),
        &["--feed", &url, "list", "--json", "--limit", "2"],
    ));
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2);
    let first = &items[0];
    assert_eq!(first["published"], "2026-11-25T16:30:00Z");
    assert_eq!(first["date_source"], "feed");
    assert_eq!(first["link"], "http://monitor.cn.ua/ua/society/300101");
    assert_eq!(first["category"], "Общество");
    assert_eq!(first["read"], false);
    let id = first["id"].as_str().unwrap();
    let by_id = ok(&chmon(dir.path(), &["--feed", &url, "show", id]));
    let by_pos = ok(&chmon(
        dir.path(),
        &["--feed", &url, "show", "1", "--width", "60"],
    ));
    for text in [&by_id, &by_pos] {
        assert!(
            text.starts_with("Чернігівська міськрада ухвалила бюджет"),
            "{text}"
        );
        assert!(
            text.contains("Депутати підтримали кошторис"),
            "lead shown: {text}"
        );
        assert!(text.contains("Сесія тривала п’ять годин"), "{text}");
        assert!(
            text.contains("http://monitor.cn.ua/ua/society/300100"),
            "{text}"
        );
    }
    let missing = chmon(dir.path(), &["--feed", &url, "show", "99"]);
    assert!(!missing.status.success());
}

#[test]
fn escape_sequences_from_the_feed_never_reach_stdout() {
    let server = TestServer::start();
    server.route("/feed.xml", Route::ok(fixture("cli/escapes.xml")));
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/feed.xml");
    ok(&chmon(dir.path(), &["--feed", &url, "refresh"]));
    for args in [&["list"][..], &["list", "--json"], &["show", "1"]] {
        let mut full = vec!["--feed", url.as_str()];
        full.extend_from_slice(args);
        let out = ok(&chmon(dir.path(), &full));
        assert!(out.contains("червоний"), "{out}");
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!out.contains(bad), "{bad:?} in {args:?}: {out:?}");
        }
    }
}

#[test]
fn a_failed_refresh_is_one_line_and_keeps_the_cache() {
    let server = TestServer::start();
    server.route("/feed.xml", agency_route());
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/feed.xml");
    ok(&chmon(dir.path(), &["--feed", &url, "refresh"]));
    server.route("/feed.xml", Route::status(500));
    let out = chmon(dir.path(), &["--feed", &url, "refresh"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&url) && err.contains("500"), "{err}");
    let list = ok(&chmon(dir.path(), &["--feed", &url, "list"]));
    assert_eq!(list.lines().count(), 4);
}

#[test]
fn a_site_page_leads_to_its_feed_which_is_remembered() {
    let server = TestServer::start();
    let page = "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" \
                href=\"/rss/main.xml\"></head><body>Чернігів</body></html>";
    server.route("/", Route::ok(page).header("Content-Type", "text/html"));
    server.route("/rss/main.xml", agency_route());
    let dir = tempfile::tempdir().unwrap();
    let site = server.url("/");
    assert_eq!(
        ok(&chmon(dir.path(), &["--feed", &site, "refresh"])),
        "4 new, 0 updated, 4 total\n"
    );
    ok(&chmon(dir.path(), &["--feed", &site, "refresh"]));
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/", "/rss/main.xml", "/rss/main.xml"]);
}

#[test]
fn a_page_without_a_feed_falls_back_to_news_xml_and_names_what_was_tried() {
    let server = TestServer::start();
    server.route(
        "/",
        Route::ok("<html><body>сайт</body></html>").header("Content-Type", "text/html"),
    );
    let dir = tempfile::tempdir().unwrap();
    let site = server.url("/");
    let out = chmon(dir.path(), &["--feed", &site, "refresh"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains(&server.url("/news.xml")), "{err}");
    server.route("/news.xml", agency_route());
    assert_eq!(
        ok(&chmon(dir.path(), &["--feed", &site, "refresh"])),
        "4 new, 0 updated, 4 total\n"
    );
}

#[test]
fn a_corrupt_cache_is_moved_aside_not_wiped() {
    let server = TestServer::start();
    server.route("/feed.xml", agency_route());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cache.sqlite3"),
        b"this is not a database at all, sorry",
    )
    .unwrap();
    let url = server.url("/feed.xml");
    let out = chmon(dir.path(), &["--feed", &url, "refresh"]);
    assert_eq!(ok(&out), "4 new, 0 updated, 4 total\n");
    assert!(!out.stderr.is_empty(), "the move is reported");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("cache.sqlite3.corrupt")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    let kept = std::fs::read(aside[0].path()).unwrap();
    assert_eq!(kept, b"this is not a database at all, sorry");
}

#[test]
fn help_documents_the_commands_and_options() {
    let dir = tempfile::tempdir().unwrap();
    let help = ok(&chmon(dir.path(), &["--help"]));
    for word in [
        "refresh",
        "list",
        "show",
        "--feed",
        "--data-dir",
        "--demo",
        "--lang",
        "config.toml",
    ] {
        assert!(help.contains(word), "{word} missing from --help");
    }
}
