//! Tests of the chunked path: every piece size gives what the whole-document path gives.

use encoding_rs::WINDOWS_1251;

use super::*;
use crate::feed::parse::{Parsed, parse_body};
use crate::model::ParsedFeed;

/// An agency-style RSS feed of `n` items with traps for the splitter: `<item>` inside CDATA,
/// a comment and a processing instruction, a repeated link (the first must win), named
/// entities, a bare `&`, and `yandex:full-text`.
fn rss(n: usize) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<rss version=\"2.0\" \
         xmlns:yandex=\"http://news.yandex.ru\"><channel>\n<title>Чернігівський монітор</title>\
         <link>http://monitor.cn.ua/</link>\n",
    );
    for i in 0..n {
        let id = if i % 7 == 6 { i - 3 } else { i };
        s.push_str(&format!(
            "<item>\n<title>Новина №{i} &laquo;тест&raquo; & ще</title>\
             <link>http://monitor.cn.ua/ua/news/{id}</link>\
             <description><![CDATA[Лід <item>{i}</item> ]]></description>\
             <!-- <item> коментар --><?pi <item>?>\
             <pubDate>Tue, 12 Jan 2021 13:{:02}:47 +0200</pubDate>\
             <yandex:full-text>&lt;p&gt;Тіло {i}&lt;/p&gt;</yandex:full-text>\n</item>\n",
            i % 60
        ));
    }
    s.push_str("</channel></rss>\n");
    s
}

fn cp1251(s: &str) -> Vec<u8> {
    WINDOWS_1251.encode(s).0.into_owned()
}

fn whole(bytes: &[u8]) -> Result<ParsedFeed, FeedError> {
    match parse_body(bytes, None, "http://monitor.cn.ua/news.xml")? {
        Parsed::Feed(feed) => Ok(feed),
        Parsed::Page { .. } => panic!("not a page"),
    }
}

/// Parses in pieces of `per_piece` items; also returns how many pieces reached the sink.
fn pieces(bytes: &[u8], per_piece: usize) -> Result<(ParsedFeed, usize), FeedError> {
    let mut items = Vec::new();
    let mut calls = 0;
    let streamed = parse_in_pieces(
        bytes,
        None,
        "http://monitor.cn.ua/news.xml",
        (per_piece, 0),
        &|i| i,
        &mut |mut part: Vec<Item>| -> Result<(), FeedError> {
            calls += 1;
            items.append(&mut part);
            Ok(())
        },
    )?;
    let Streamed::Feed { title, link, .. } = streamed else {
        panic!("not a page")
    };
    Ok((ParsedFeed { title, link, items }, calls))
}

#[test]
fn pieces_give_the_same_items_as_the_whole_document() {
    let bytes = cp1251(&rss(23));
    let want = whole(&bytes).unwrap();
    assert_eq!(want.items.len(), 20, "three repeated links dropped");
    assert_eq!(want.title.as_deref(), Some("Чернігівський монітор"));
    for per_piece in [1, 2, 5, 7, 22] {
        let (got, calls) = pieces(&bytes, per_piece).unwrap();
        assert_eq!(calls, 23usize.div_ceil(per_piece), "{per_piece}");
        assert_eq!(got, want, "{per_piece} items per piece");
    }
}

#[test]
fn utf8_and_atom_are_cut_too() {
    let atom: String = std::iter::once(
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
            .to_string(),
    )
    .chain((0..9).map(|i| {
        format!(
            "<entry><id>e{i}</id><title>Запис {i}</title>\
             <updated>2021-01-12T13:00:0{i}Z</updated></entry>"
        )
    }))
    .chain(["</feed>".to_string()])
    .collect();
    let want = whole(atom.as_bytes()).unwrap();
    assert_eq!(want.items.len(), 9);
    let (got, calls) = pieces(atom.as_bytes(), 4).unwrap();
    assert_eq!((got, calls), (want, 3));
}

#[test]
fn a_truncated_feed_keeps_its_complete_items() {
    let bytes = cp1251(&rss(23));
    let cut = bytes.len() * 3 / 4;
    let want = whole(&bytes[..cut]).unwrap();
    assert!(want.items.len() > 10 && want.items.len() < 20);
    for per_piece in [1, 3, 5] {
        assert_eq!(pieces(&bytes[..cut], per_piece).unwrap().0, want);
    }
    // Cut inside the first item: an error, as for the whole document.
    let early = &bytes[..bytes.len() / 30];
    assert!(whole(early).is_err());
    assert!(pieces(early, 1).is_err());
}

#[test]
fn a_sink_error_stops_parsing() {
    let bytes = cp1251(&rss(23));
    let mut calls = 0;
    let result = parse_in_pieces(
        &bytes,
        None,
        "http://x/",
        (2, 0),
        &|i| i,
        &mut |_: Vec<Item>| -> Result<(), FeedError> {
            calls += 1;
            Err(FeedError::Client {
                cause: "full".into(),
            })
        },
    );
    assert!(matches!(result, Err(FeedError::Client { .. })));
    assert_eq!(calls, 1);
}

#[test]
fn small_pages_json_and_utf16_take_the_whole_path() {
    let bytes = cp1251(&rss(23));
    assert!(plan(&bytes, None, (5, 0)).is_some());
    assert!(plan(&bytes, None, (5, bytes.len() + 1)).is_none(), "small");
    assert!(plan(&bytes, None, (23, 0)).is_none(), "one piece");
    let json = format!(
        "{{\"version\":\"https://jsonfeed.org/version/1\",\"x\":\"{}\"}}",
        rss(3)
    );
    assert!(plan(json.as_bytes(), None, (1, 0)).is_none());
    let page = format!("<!DOCTYPE html><html><body>{}</body></html>", rss(3));
    assert!(plan(page.as_bytes(), None, (1, 0)).is_none());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(rss(3).encode_utf16().flat_map(u16::to_le_bytes));
    assert!(plan(&utf16, None, (1, 0)).is_none());
}

/// Only a body that was really cut off says so, at any piece size (every piece but the last
/// is closed by repair, which must not count).
#[test]
fn truncation_is_reported_for_the_last_piece_only() {
    let truncated = |bytes: &[u8], per_piece: usize| {
        let streamed = parse_in_pieces(
            bytes,
            None,
            "http://x/",
            (per_piece, 0),
            &|i| i,
            &mut |_: Vec<Item>| -> Result<(), FeedError> { Ok(()) },
        )
        .unwrap();
        matches!(
            streamed,
            Streamed::Feed {
                truncated: true,
                ..
            }
        )
    };
    let bytes = cp1251(&rss(23));
    let cut = &bytes[..bytes.len() * 3 / 4];
    for per_piece in [1, 2, 5, 22, 100] {
        assert!(!truncated(&bytes, per_piece), "{per_piece}");
        assert!(truncated(cut, per_piece), "{per_piece}");
    }
}

/// Every feed fixture of the compatibility tests (tests/feed_compat.rs) gives the same items
/// cut into pieces of one and of two items as whole: each dialect and field rule holds on
/// both paths.
#[test]
fn compat_fixtures_give_the_same_items_in_pieces() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compat");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(want) = whole(&bytes) else {
            continue;
        };
        if want.items.len() < 2 || !name.ends_with(".xml") {
            continue;
        }
        let splittable = plan(&bytes, None, (1, 0)).is_some();
        assert_eq!(
            splittable,
            !name.starts_with("utf"),
            "{name}: UTF-16/32 only whole"
        );
        for per_piece in [1, 2] {
            let (got, _) = pieces(&bytes, per_piece).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(got, want, "{name}, {per_piece} per piece");
        }
        checked += 1;
    }
    assert!(checked >= 20, "{checked} fixtures");
}
