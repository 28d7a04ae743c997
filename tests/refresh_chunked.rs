//! Integration tests of a big feed's refresh: parsed in pieces straight into one cache
//! transaction, it stores what the whole-document parse gives, and an error in a later piece
//! leaves the cache exactly as it was; a big feed found through a site page takes the same
//! path. Local files and the loopback server only: no network.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::Path;

use chmon::feed::fetch::{FetchOptions, Fetcher};
use chmon::feed::parse::{Parsed, parse_body};
use chmon::model::{ListQuery, ParsedFeed, Scope};
use chmon::refresh::refresh;
use chmon::store::Store;
use chrono::Utc;

/// A windows-1251 agency-style feed of `n` items, over 1 MB for n ≥ 1500 (so it is cut into
/// pieces); item `bad` (if any) has a mismatched end tag that no repair can fix.
fn feed(n: usize, bad: Option<usize>) -> Vec<u8> {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<rss version=\"2.0\" \
         xmlns:yandex=\"http://news.yandex.ru\"><channel><title>Чернігівський монітор</title>\n",
    );
    for i in 0..n {
        let close = if bad == Some(i) {
            "</b></title>"
        } else {
            "</title>"
        };
        s.push_str(&format!(
            "<item><title>Новина {i}{close}<link>http://monitor.cn.ua/ua/news/{i}</link>\
             <description>Лід &laquo;{i}&raquo;</description>\
             <pubDate>Tue, 12 Jan 2021 13:01:47 +0200</pubDate>\
             <yandex:full-text><![CDATA[<p>{}</p>]]></yandex:full-text></item>\n",
            "Чернігів, громада, події. ".repeat(20)
        ));
    }
    s.push_str("</channel></rss>\n");
    encoding_rs::WINDOWS_1251.encode(&s).0.into_owned()
}

fn whole(bytes: &[u8]) -> ParsedFeed {
    match parse_body(bytes, None, "file:///f.xml").unwrap() {
        Parsed::Feed(f) => f,
        Parsed::Page { .. } => panic!("page"),
    }
}

fn write(dir: &Path, bytes: &[u8]) -> String {
    let path = dir.join("feed.xml");
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn a_big_feed_is_stored_as_the_whole_parse_gives_it() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = feed(1600, None);
    assert!(bytes.len() > 1 << 20);
    let source = write(dir.path(), &bytes);
    let mut store = Store::open(&dir.path().join("c.db")).unwrap();
    let fetcher = Fetcher::new(FetchOptions::default()).unwrap();
    let report = refresh(&mut store, &fetcher, &source, Utc::now()).unwrap();
    let want = whole(&bytes);
    assert_eq!(report.stats.new, want.items.len());
    assert_eq!(report.stats.total, 1600);
    assert_eq!(report.feed_title, want.title);
    let feed_id = store.feed(&source).unwrap().id;
    let query = ListQuery::new(Scope::Feed(feed_id));
    for i in [0, 499, 500, 501, 1599] {
        let got = store
            .article_by_key(&query, &want.items[i].key)
            .unwrap()
            .unwrap();
        assert_eq!(got.title, want.items[i].title);
        assert_eq!(got.body, want.items[i].body);
        assert_eq!(got.lead, want.items[i].lead);
        assert_eq!(got.published, want.items[i].published);
    }
}

#[test]
fn an_error_in_a_later_piece_leaves_the_cache_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("c.db")).unwrap();
    let fetcher = Fetcher::new(FetchOptions::default()).unwrap();
    // A first, good refresh of a small feed.
    let source = write(dir.path(), &feed(3, None));
    refresh(&mut store, &fetcher, &source, Utc::now()).unwrap();
    let before = store.feed(&source).unwrap();
    assert_eq!(
        store
            .counts(&ListQuery::new(Scope::Feed(before.id)))
            .unwrap()
            .total,
        3
    );
    // The big feed breaks in its fourth piece, after three pieces went into the transaction.
    let bytes = feed(1800, Some(1700));
    assert!(matches!(
        parse_body(&bytes, None, "file:///f.xml"),
        Err(chmon::feed::FeedError::Parse { .. })
    ));
    write(dir.path(), &bytes);
    let err = refresh(&mut store, &fetcher, &source, Utc::now()).unwrap_err();
    assert!(err.to_string().contains("invalid feed"), "{err}");
    assert_eq!(
        store
            .counts(&ListQuery::new(Scope::Feed(before.id)))
            .unwrap()
            .total,
        3
    );
    assert_eq!(store.feed(&source).unwrap(), before);
    // And a later good refresh works on the same store.
    write(dir.path(), &feed(1600, None));
    let report = refresh(&mut store, &fetcher, &source, Utc::now()).unwrap();
    assert_eq!((report.stats.new, report.stats.updated), (1597, 0));
    assert_eq!(report.stats.total, 1600);
}

#[test]
fn a_big_feed_found_through_a_page_is_stored_in_pieces_too() {
    use common::{Route, TestServer};
    let server = TestServer::start();
    let page =
        "<html><head><link rel=alternate type=application/rss+xml href=/big.xml></head></html>";
    server.route("/", Route::ok(page).header("Content-Type", "text/html"));
    let bytes = feed(1600, None);
    server.route("/big.xml", Route::ok(bytes.clone()));
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("c.db")).unwrap();
    let fetcher = Fetcher::new(FetchOptions::default()).unwrap();
    let site = server.url("/");
    let report = refresh(&mut store, &fetcher, &site, Utc::now()).unwrap();
    let want = match parse_body(&bytes, None, &server.url("/big.xml")).unwrap() {
        Parsed::Feed(f) => f,
        Parsed::Page { .. } => panic!("page"),
    };
    assert_eq!((report.stats.new, report.stats.total), (1600, 1600));
    assert_eq!(report.truncated, None);
    let feed = store.feed(&site).unwrap();
    assert_eq!(feed.feed_url, Some(server.url("/big.xml")));
    for i in [0, 777, 1599] {
        let got = store
            .article_by_key(&ListQuery::new(Scope::Feed(feed.id)), &want.items[i].key)
            .unwrap()
            .unwrap();
        assert_eq!(got.body, want.items[i].body);
    }
    // Cut off: the discovered feed keeps its complete items and says it was truncated.
    server.route("/big.xml", Route::ok(bytes[..bytes.len() / 2].to_vec()));
    let mut store = Store::open(&dir.path().join("c2.db")).unwrap();
    let report = refresh(&mut store, &fetcher, &site, Utc::now()).unwrap();
    let cut = report.truncated.expect("truncated");
    assert_eq!(cut.url, server.url("/big.xml"));
    assert_eq!(cut.kept, report.stats.new);
    assert!(cut.kept > 700 && cut.kept < 900, "{}", cut.kept);
}
