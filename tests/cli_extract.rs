//! `chmon extract URL|FILE` end to end: pages served by the loopback server in `tests/common`
//! or read from tests/fixtures/extract; output shape, exit status, one-line errors. Touches no
//! internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::Path;
use std::process::Output;

use common::{Route, TestServer, chmon, fixture, ok};

fn failure_line(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn a_fetched_page_prints_title_text_and_resolved_links() {
    let server = TestServer::start();
    server.route(
        "/environment/swifts",
        Route::ok(fixture("extract/pages/en_jsonld.html"))
            .header("Content-Type", "text/html; charset=utf-8"),
    );
    let data = tempfile::tempdir().unwrap();
    let url = server.url("/environment/swifts");
    let text = ok(&chmon(
        data.path(),
        &["--lang", "en", "extract", &url, "--width", "60"],
    ));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Volunteers count record number of swifts nesting in city centre"
    );
    assert_eq!(lines[1], "2024-07-19 20:40 · Morgan Ellis");
    assert_eq!(lines[2], "");
    assert!(lines[3].starts_with("Volunteers counted 412"), "{text}");
    assert!(
        text.contains("[image: Swifts flying over a terrace of houses][1]"),
        "{text}"
    );
    assert!(text.ends_with(
        "Links:\n[1] https://images.riverside-post.example/2024/07/swifts-rooftop.jpg\n"
    ));
    assert!(
        !text.contains("Trending now") && !text.contains("Subscribe"),
        "{text}"
    );
    let body = &text[text.find("\n\n").unwrap()..text.find("Links:").unwrap()];
    assert!(body.lines().all(|l| l.chars().count() <= 60), "{body}");
}

#[test]
fn a_saved_agency_page_uses_the_site_rule() {
    let data = tempfile::tempdir().unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract/pages/agency_short.html");
    let text = ok(&chmon(data.path(), &["extract", file.to_str().unwrap()]));
    assert!(
        text.starts_with("На Шевченка тимчасово перекриють рух\n2024-01-17 07:45 · Агенцiя\n\n"),
        "{text}"
    );
    assert!(text.contains("вулицею Кирпоноса"));
    assert!(
        !text.contains("Останні новини") && !text.contains("пункт обігріву"),
        "{text}"
    );
}

#[test]
fn no_article_is_one_line_and_exit_1() {
    let server = TestServer::start();
    server.route(
        "/menu",
        Route::ok("<html><body><nav><a href=/a>A</a> <a href=/b>B</a></nav></body></html>")
            .header("Content-Type", "text/html"),
    );
    let data = tempfile::tempdir().unwrap();
    let url = server.url("/menu");
    let err = failure_line(&chmon(data.path(), &["extract", &url]));
    assert!(err.contains("/menu: no article found in the page"), "{err}");
    let err = failure_line(&chmon(data.path(), &["extract", &server.url("/missing")]));
    assert!(err.contains("404"), "{err}");
}

#[test]
fn only_http_and_https_are_fetched() {
    let data = tempfile::tempdir().unwrap();
    for source in [
        "ftp://example.org/page.html",
        "file:///etc/passwd",
        "javascript://x",
    ] {
        let err = failure_line(&chmon(data.path(), &["extract", source]));
        assert!(err.contains("only http and https"), "{err}");
    }
    let err = failure_line(&chmon(data.path(), &["extract", "/no/such/file.html"]));
    assert!(err.contains("/no/such/file.html"), "{err}");
}
