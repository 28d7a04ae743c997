//! Parsing fixtures end to end (bytes → ParsedFeed): decoding rules, repair, fields, dates,
//! identity, discovery and sanitising. No network: fixtures from tests/fixtures/feed/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use chmon::feed::parse::{Parsed, parse_body};
use chmon::model::{Item, ParsedFeed};
use chrono::{DateTime, Utc};
use common::fixture;

const URL: &str = "http://monitor.cn.ua/news.xml";

fn feed(name: &str, content_type: Option<&str>) -> ParsedFeed {
    match parse_body(&fixture(&format!("feed/{name}")), content_type, URL) {
        Ok(Parsed::Feed(f)) => f,
        other => panic!("{name}: {other:?}"),
    }
}

fn utc(s: &str) -> Option<DateTime<Utc>> {
    Some(DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc))
}

fn titles(f: &ParsedFeed) -> Vec<&str> {
    f.items.iter().map(|i| i.title.as_str()).collect()
}

fn check_agency(f: &ParsedFeed) {
    assert_eq!(
        f.title.as_deref(),
        Some("Інформ-агенція «Чернігівський монітор»: Публикации")
    );
    assert_eq!(f.link.as_deref(), Some("http://monitor.cn.ua/"));
    assert_eq!(
        titles(f),
        vec![
            "Суд у Чернігові: «справа закрита»",
            "П’ятниця: прогноз погоди",
            "П'ятниця та п`ятниця: апострофи",
            "Заголовок із відступами",
            "Депутати — про бюджет",
            "Емодзі в заголовку 🔺 ▪",
            "Дата, якої не прочитати",
        ]
    );
    let first: &Item = &f.items[0];
    assert_eq!(first.key, "monitor.cn.ua/ua/news/101");
    assert_eq!(
        first.link.as_deref(),
        Some("http://monitor.cn.ua/ua/news/101")
    );
    assert_eq!(first.category.as_deref(), Some("Стиль"));
    assert_eq!(
        first.lead.as_deref(),
        Some("Суд ухвалив рішення щодо забудови.")
    );
    assert_eq!(
        first.body.as_deref(),
        Some("<p>Перший абзац про суд.</p><p><img src=\"/i/photo.jpg\"> Фото: агенція</p>")
    );
    assert_eq!(
        f.items[1].lead.as_deref(),
        Some("Синоптики обіцяють сніг 🔺")
    );
    assert_eq!(
        f.items[1].body.as_deref(),
        Some("Перший абзац.\n\nДругий абзац з «лапками» 🔺 та ще.")
    );
    assert_eq!(
        f.items[2].lead.as_deref(),
        Some("Лід із апострофом Пʼятниця")
    );
    assert_eq!(
        f.items[2].body.as_deref(),
        Some("<p>Текст &laquo;в лапках&raquo;.</p>")
    );
    assert_eq!(f.items[3].body, None);
    let dates: Vec<_> = f.items.iter().map(|i| i.published).collect();
    assert_eq!(
        dates,
        vec![
            utc("2021-01-12T11:01:47Z"),
            utc("2021-01-15T07:30:00Z"),
            utc("2021-06-14T15:05:00Z"),
            utc("2021-07-14T06:05:00Z"),
            utc("2021-01-12T11:01:47Z"),
            utc("2013-11-13T14:33:00Z"),
            None,
        ]
    );
}

#[test]
fn agency_windows_1251_with_declaration() {
    check_agency(&feed("agency-1251.xml", Some("text/xml")));
}

#[test]
fn agency_windows_1251_without_declaration_or_header() {
    check_agency(&feed("agency-1251-nodecl.xml", None));
}

#[test]
fn agency_windows_1251_charset_only_in_header() {
    check_agency(&feed(
        "agency-1251-nodecl.xml",
        Some("application/rss+xml; charset=windows-1251"),
    ));
}

#[test]
fn utf8_bytes_under_a_lying_declaration() {
    check_agency(&feed(
        "lying-decl.xml",
        Some("text/xml; charset=windows-1251"),
    ));
}

#[test]
fn koi8_u_declared() {
    let f = feed("koi8u.xml", None);
    assert_eq!(
        f.title.as_deref(),
        Some("Інформ-агенція \"Чернігівський монітор\": Публикации")
    );
    assert_eq!(f.items[1].title, "П'ятниця: прогноз погоди");
    assert_eq!(f.items.len(), 7);
}

#[test]
fn named_entities_and_bare_ampersands() {
    let f = feed("entities.xml", None);
    assert_eq!(f.title.as_deref(), Some("Entities & Co «Тест»"));
    let a = &f.items[0];
    assert_eq!(a.title, "«Десна» — річка\u{a0}… Tom & Jerry &bogus; AT&T");
    assert_eq!(a.link.as_deref(), Some("https://example.ua/a?x=1&y=2"));
    assert_eq!(
        a.lead.as_deref(),
        Some("<p>Лід ’апостроф’ “лапки” „нижні“ © €</p>")
    );
    assert_eq!(a.key, "entity-1");
    let b = &f.items[1];
    assert_eq!(b.title, "В CDATA «лишається» & все");
    assert_eq!(
        b.lead.as_deref(),
        Some("<p>HTML &nbsp; & <a href=\"https://t.me/x\">t.me</a></p>")
    );
}

#[test]
fn truncated_feed_keeps_the_complete_items() {
    let f = feed("truncated.xml", None);
    assert_eq!(f.items.len(), 5);
    assert_eq!(f.items[4].title, "Депутати — про бюджет");
}

#[test]
fn truncated_before_any_item_is_an_error_naming_the_url() {
    let err = parse_body(b"<rss version=\"2.0\"><channel><title>T</ti", None, URL).unwrap_err();
    assert!(err.to_string().starts_with(URL), "{err}");
    assert!(err.to_string().contains("truncated"), "{err}");
}

#[test]
fn one_invalid_byte_keeps_all_fifty_items() {
    let f = feed("invalid-byte.xml", None);
    assert_eq!(f.items.len(), 50);
    assert_eq!(f.items[7].title, "Новина \u{fffd}номер 7");
    assert_eq!(f.items[49].title, "Новина номер 49");
}

#[test]
fn atom_feed() {
    let f = feed("atom.xml", None);
    assert_eq!(f.title.as_deref(), Some("Atom Чернігів"));
    let a = &f.items[0];
    assert_eq!(a.key, "urn:entry:1");
    // type="html": the markup goes, the words stay.
    assert_eq!(a.title, "Перший запис");
    assert_eq!(a.link.as_deref(), Some("http://monitor.cn.ua/posts/1"));
    assert_eq!(a.author.as_deref(), Some("Автор Один"));
    assert_eq!(a.category.as_deref(), Some("Місто"));
    assert_eq!(a.lead.as_deref(), Some("Короткий лід"));
    assert_eq!(a.body.as_deref(), Some("<p>Повний текст</p>"));
    assert_eq!(a.published, utc("2021-01-12T11:01:47Z"));
    assert_eq!(f.items[1].published, utc("2021-07-14T09:05:00Z"));
}

#[test]
fn json_feed() {
    let f = feed("feed.json", Some("application/feed+json"));
    assert_eq!(f.title.as_deref(), Some("JSON Чернігів"));
    assert_eq!(titles(&f), vec!["Перший & «JSON»", "Без посилання"]);
    let a = &f.items[0];
    assert_eq!(
        (a.key.as_str(), a.link.as_deref()),
        ("j1", Some("https://example.ua/j/1"))
    );
    assert_eq!(a.author.as_deref(), Some("Авторка"));
    assert_eq!(a.body.as_deref(), Some("<p>Тіло</p>"));
    assert_eq!(a.published, utc("2021-01-12T11:01:47Z"));
    assert_eq!(
        (f.items[1].key.as_str(), f.items[1].link.as_deref()),
        ("j2", None)
    );
}

#[test]
fn site_page_gives_discovered_feed_urls() {
    let bytes = fixture("feed/site.html");
    match parse_body(
        &bytes,
        Some("text/html"),
        "https://monitor.cn.ua/ua/index.html",
    ) {
        Ok(Parsed::Page { feed_urls }) => assert_eq!(
            feed_urls,
            vec![
                "https://monitor.cn.ua/news.xml",
                "https://monitor.cn.ua/ua/news_author-58.xml"
            ]
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn escape_sequences_and_bidi_removed() {
    let f = feed("escapes.xml", None);
    assert_eq!(f.title.as_deref(), Some("Esc feed"));
    assert_eq!(
        titles(&f),
        vec![
            "Червоний текст",
            "Ref червоний",
            "Bidi зворотний і м’якийперенос"
        ]
    );
    assert_eq!(f.items[0].lead.as_deref(), Some("Лід кінець"));
    assert_eq!(f.items[1].lead.as_deref(), Some("<p>Тіло чисте</p>"));
    assert_eq!(f.items[1].body.as_deref(), Some("<p>Bidi evil  текст</p>"));
    for item in &f.items {
        let all = format!("{} {:?} {:?}", item.title, item.lead, item.body);
        assert!(
            !all.contains(['\u{1b}', '\u{9b}', '\u{202e}', '\u{ad}']),
            "{all:?}"
        );
    }
}

#[test]
fn not_a_feed_is_an_error_naming_the_url() {
    let err = parse_body(b"<note><to>x</to></note>", Some("text/xml"), URL).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{URL}: not a feed (no RSS, Atom or JSON Feed root)")
    );
    let empty = parse_body(b" \n", None, URL).unwrap_err();
    assert_eq!(empty.to_string(), format!("{URL}: empty response"));
}

#[test]
fn ten_thousand_items_parse_quickly() {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>T</title>",
    );
    for i in 0..10_000 {
        xml.push_str(&format!(
            "<item><title>Новина &laquo;{i}&raquo;</title><link>http://monitor.cn.ua/ua/news/{i}</link>\
             <description>Лід &amp; текст</description><pubDate>Вт, 12 січ 2021 13:01:47 +0200</pubDate>\
             <yandex:full-text><![CDATA[<p>Тіло новини {i}</p>]]></yandex:full-text></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    let bytes = encoding_rs::WINDOWS_1251.encode(&xml).0.into_owned();
    let start = std::time::Instant::now();
    let Ok(Parsed::Feed(f)) = parse_body(&bytes, None, URL) else {
        panic!("not parsed")
    };
    let took = start.elapsed();
    assert_eq!(f.items.len(), 10_000);
    assert_eq!(
        f.items[9_999].body.as_deref(),
        Some("<p>Тіло новини 9999</p>")
    );
    // Release builds take a small fraction of this; the bound catches quadratic work in debug.
    assert!(took.as_secs_f64() < 8.0, "took {took:?}");
    eprintln!("10k items parsed in {took:?}");
}

#[test]
fn rss_1_0_and_0_91() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://x.ua/"><title>RDF</title><link>http://x.ua/</link></channel>
<item rdf:about="http://x.ua/1"><title>Один</title><link>http://x.ua/1</link><dc:date>12.01.2021 13:01</dc:date></item>
</rdf:RDF>"#;
    let Ok(Parsed::Feed(f)) = parse_body(rdf.as_bytes(), None, URL) else {
        panic!("rdf")
    };
    assert_eq!(titles(&f), vec!["Один"]);
    assert_eq!(f.items[0].published, utc("2021-01-12T11:01:00Z"));
    let old = r#"<rss version="0.91"><channel><title>Old</title><item><title>Стара</title><link>http://x.ua/o</link></item></channel></rss>"#;
    let Ok(Parsed::Feed(f)) = parse_body(old.as_bytes(), None, URL) else {
        panic!("0.91")
    };
    assert_eq!(
        (f.items[0].title.as_str(), f.items[0].key.as_str()),
        ("Стара", "x.ua/o")
    );
}
