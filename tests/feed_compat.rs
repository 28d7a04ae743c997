//! Feed compatibility (issue 8): every dialect, encoding and field rule the most tolerant feed
//! parsers follow, on fixtures of our own in tests/fixtures/compat/ (see make_fixtures.py
//! there). This file: dialects and documents that are no feed. `compat/encodings.rs`:
//! encodings. `compat/fields.rs`: fallback fields, authors, links, titles and types, identity,
//! JSON Feed. `compat/paths.rs`: the same rules through the CLI and the chunked refresh. No
//! network.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;
#[path = "compat/encodings.rs"]
mod encodings;
#[path = "compat/fields.rs"]
mod fields;
#[path = "compat/paths.rs"]
mod paths;

use chmon::article::{ArticleText, Labels};
use chmon::feed::parse::{Parsed, parse_body};
use chmon::model::{Item, ParsedFeed};
use chrono::{DateTime, Utc};

pub const URL: &str = "http://feeds.example.ua/feed.xml";

/// The fixture `name` parsed (no HTTP header).
pub fn feed(name: &str) -> ParsedFeed {
    let bytes = common::fixture(&format!("compat/{name}"));
    match parse_body(&bytes, None, URL) {
        Ok(Parsed::Feed(f)) => f,
        other => panic!("{name}: {other:?}"),
    }
}

/// The error parsing fixture `name` gives.
pub fn refused(name: &str) -> String {
    let bytes = common::fixture(&format!("compat/{name}"));
    match parse_body(&bytes, None, URL) {
        Err(e) => e.to_string(),
        Ok(other) => panic!("{name} was accepted: {other:?}"),
    }
}

pub fn utc(s: &str) -> Option<DateTime<Utc>> {
    Some(DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc))
}

pub fn titles(f: &ParsedFeed) -> Vec<&str> {
    f.items.iter().map(|i| i.title.as_str()).collect()
}

pub fn links(f: &ParsedFeed) -> Vec<Option<&str>> {
    f.items.iter().map(|i| i.link.as_deref()).collect()
}

/// The article as a reader sees it (lead, body and link list), at width 80.
pub fn text(item: &Item) -> String {
    ArticleText::new(
        item.lead.as_deref(),
        item.body.as_deref(),
        item.link.as_deref(),
    )
    .render(80, &Labels::ENGLISH)
    .lines
    .join("\n")
}

#[test]
fn atom_0_3_reads_like_atom_1_0() {
    let f = feed("atom03.xml");
    assert_eq!(f.title.as_deref(), Some("Щоденник мандрівника"));
    assert_eq!(f.link.as_deref(), Some("http://travel.example.ua/"));
    assert_eq!(
        titles(&f),
        vec!["Дорога на Седнів", "Весна & повінь", "Мапа маршруту"]
    );
    assert_eq!(
        links(&f),
        vec![
            Some("http://travel.example.ua/2005/03/sedniv.html"),
            Some("http://travel.example.ua/2005/03/flood.html"),
            Some("http://travel.example.ua/2005/03/map.html"),
        ]
    );
    let keys: Vec<_> = f.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys[0], "tag:travel.example.ua,2005:1");
    // issued, else modified, else created; in UTC.
    let dates: Vec<_> = f.items.iter().map(|i| i.published).collect();
    assert_eq!(
        dates,
        vec![
            utc("2005-03-07T16:30:00Z"),
            utc("2005-03-06T12:00:00Z"),
            utc("2005-03-05T08:15:00Z"),
        ]
    );
    // The feed's author is every entry's that names none.
    let authors: Vec<_> = f.items.iter().map(|i| i.author.as_deref()).collect();
    assert_eq!(
        authors,
        vec![
            Some("Оксана Мельник"),
            Some("Петро Бондар"),
            Some("Оксана Мельник")
        ]
    );
    // mode="escaped", with a link relative to the content's xml:base.
    assert_eq!(
        text(&f.items[0]),
        "Старий парк і фото[1].\n\nLinks:\n[1] http://travel.example.ua/2005/03/photos.html"
    );
    // mode="base64".
    assert_eq!(text(&f.items[1]), "Вода піднялася на два метри.");
    // mode="xml" (inline XHTML) under a plain-text summary.
    assert_eq!(
        text(&f.items[2]),
        "Короткий опис маршруту.\n\nМаршрут: Чернігів — Седнів."
    );
}

#[test]
fn rss_0_90_reads() {
    let f = feed("rss090.xml");
    assert_eq!(f.title.as_deref(), Some("Полтавський вісник"));
    assert_eq!(f.link.as_deref(), Some("http://visnyk.example.ua/"));
    assert_eq!(
        titles(&f),
        vec!["Ярмарок у Сорочинцях", "Новий міст через Ворсклу"]
    );
    assert_eq!(f.items[1].key, "visnyk.example.ua/news/2");
}

#[test]
fn rss_0_91_netscape_with_doctype_and_windows_1252() {
    let f = feed("rss091-netscape.xml");
    assert_eq!(f.title.as_deref(), Some("Café Dnipro"));
    assert_eq!(titles(&f), vec!["Menu & prices", "Open on Sundays"]);
    assert_eq!(text(&f.items[0]), "We’ve a new menu: “borscht” for 5€.");
    assert_eq!(text(&f.items[1]), "From 10 to 18 évery Sunday.");
    assert_eq!(
        f.items[1].link.as_deref(),
        Some("http://cafe.example.com/sundays")
    );
}

#[test]
fn rss_0_91_userland() {
    let f = feed("rss091-userland.xml");
    assert_eq!(f.title.as_deref(), Some("Scripting Notes"));
    assert_eq!(titles(&f), vec!["Outliners are back"]);
    assert_eq!(text(&f.items[0]), "An outliner a day.");
}

#[test]
fn rss_0_92_description_only_items() {
    let f = feed("rss092.xml");
    assert_eq!(f.title.as_deref(), Some("Daily Notes"));
    assert_eq!(f.items.len(), 3);
    assert!(
        f.items
            .iter()
            .all(|i| i.title.is_empty() && i.link.is_none())
    );
    assert_eq!(
        text(&f.items[1]),
        "Noon: a photo[1] of the rack.\n\nLinks:\n[1] http://daily.example.org/photo"
    );
    assert_eq!(f.items[0].category.as_deref(), Some("ops"));
}

#[test]
fn rss_0_93_and_0_94() {
    let f = feed("rss093.xml");
    assert_eq!(titles(&f), vec!["Snow tomorrow"]);
    assert_eq!(f.items[0].published, utc("2001-01-08T13:00:00Z"));
    assert_eq!(text(&f.items[0]), "Ten centimetres expected.");
    let g = feed("rss094.xml");
    let item = &g.items[0];
    assert_eq!(item.title, "Issue 1");
    assert_eq!(item.key, "http://weekly.example.org/issues/1");
    assert_eq!(
        item.link.as_deref(),
        Some("http://weekly.example.org/issues/1")
    );
    assert_eq!(item.author.as_deref(), Some("Ann Editor"));
    assert_eq!(item.published, utc("2001-01-06T08:00:00Z"));
}

#[test]
fn rss_2_0_in_a_namespace() {
    let f = feed("rss20-namespaced.xml");
    assert_eq!(f.title.as_deref(), Some("Radio Notes"));
    assert_eq!(titles(&f), vec!["Namespaced item"]);
    assert_eq!(
        f.items[0].link.as_deref(),
        Some("http://radio.example.org/2003/01/01")
    );
    assert_eq!(f.items[0].published, utc("2003-01-01T10:00:00Z"));
    assert_eq!(text(&f.items[0]), "Read in the RSS 2.0 namespace.");
}

#[test]
fn rss_1_0_items_without_link_keep_rdf_about() {
    let f = feed("rss10.xml");
    assert_eq!(f.title.as_deref(), Some("Бібліотека новин"));
    assert_eq!(
        titles(&f),
        vec![
            "«Кобзар», нове видання",
            "Без посилання",
            "Лише ідентифікатор"
        ]
    );
    assert_eq!(
        links(&f),
        vec![
            Some("http://bib.example.ua/books/1?from=rss"),
            Some("http://bib.example.ua/books/2"),
            None,
        ]
    );
    let keys: Vec<_> = f.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "bib.example.ua/books/1?from=rss",
            "bib.example.ua/books/2",
            "urn:isbn:9789660000000"
        ]
    );
    assert_eq!(f.items[0].author.as_deref(), Some("Марія Лисенко"));
    assert_eq!(f.items[1].published, utc("2023-05-23T07:00:00Z"));
    // The lead is the start of content:encoded, so it is shown once.
    assert_eq!(f.items[0].lead.as_deref(), Some("Ілюстроване видання."));
    assert_eq!(
        text(&f.items[0]),
        "Ілюстроване видання з коментарями та примітками до кожного вірша."
    );
}

#[test]
fn documents_that_are_no_feed_are_refused_in_one_line() {
    for (name, cause) in [
        (
            "not-a-feed.opml",
            "not a feed (no RSS, Atom or JSON Feed root)",
        ),
        ("not-a-feed.txt", "not a feed (no XML root element)"),
        ("empty-root.xml", "not a feed (no title, link or item)"),
        (
            "foreign-root.xml",
            "no item could be read (1 found, in a layout chmon does not know)",
        ),
    ] {
        let err = refused(name);
        assert_eq!(err, format!("{URL}: {cause}"), "{name}");
        assert!(!err.contains('\n'));
    }
}
