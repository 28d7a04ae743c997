//! Item identity end to end: the same page under different links is one item, and items
//! without guid or link get stable hash keys. No network, no fixtures.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::feed::parse::{Parsed, parse_body};
use chmon::model::ParsedFeed;

const URL: &str = "http://monitor.cn.ua/news.xml";

fn inline(items: &str) -> ParsedFeed {
    let xml = format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>");
    match parse_body(xml.as_bytes(), None, URL) {
        Ok(Parsed::Feed(f)) => f,
        other => panic!("{other:?}"),
    }
}

#[test]
fn same_page_under_different_links_is_one_item() {
    let f = inline(
        "<item><title>A</title><link>http://x.ua/a</link></item>\
         <item><title>A2</title><link>https://www.x.ua/a</link></item>\
         <item><title>A3</title><link>http://x.ua/a#frag</link></item>\
         <item><title>B</title><link>http://x.ua/b/</link></item>",
    );
    let keys: Vec<_> = f
        .items
        .iter()
        .map(|i| (i.key.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(keys, vec![("x.ua/a", "A"), ("x.ua/b", "B")]);
}

#[test]
fn items_without_guid_or_link_get_stable_hash_keys() {
    let xml = "<item><title>Без посилання</title><pubDate>колись</pubDate></item>\
               <item><title>Без посилання</title><pubDate>потім</pubDate></item>\
               <item><title>Без дати</title></item>";
    let (a, b) = (inline(xml), inline(xml));
    let keys: Vec<_> = a.items.iter().map(|i| i.key.clone()).collect();
    assert_eq!(
        keys,
        b.items.iter().map(|i| i.key.clone()).collect::<Vec<_>>()
    );
    assert_eq!(keys.len(), 3);
    assert!(
        keys.iter().all(|k| k.starts_with("h:") && k.len() == 18),
        "{keys:?}"
    );
    assert_ne!(keys[0], keys[1]);
}

#[test]
fn guid_wins_over_link_and_duplicate_guids_keep_the_first() {
    let f = inline(
        "<item><title>1</title><guid>abc</guid><link>http://x.ua/1</link></item>\
         <item><title>2</title><guid isPermaLink=\"false\">abc</guid></item>\
         <item><title>3</title><guid></guid><link>http://x.ua/3</link></item>",
    );
    let keys: Vec<_> = f
        .items
        .iter()
        .map(|i| (i.key.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(keys, vec![("abc", "1"), ("x.ua/3", "3")]);
}
