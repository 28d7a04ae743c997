//! OPML unit tests that need no fixture file: attributes, nesting, the writer.

use super::*;

#[test]
fn attributes_in_any_quoting_and_case() {
    let doc =
        br#"<opml><body><outline TITLE=Bare xmlurl='https://a.ua/rss' disabled/></body></opml>"#;
    let opml = parse(doc).unwrap();
    assert_eq!(
        opml.feeds,
        vec![OpmlFeed {
            url: "https://a.ua/rss".into(),
            name: Some("Bare".into()),
            section: None,
        }]
    );
}

#[test]
fn not_opml_is_an_error_and_an_empty_opml_is_not() {
    assert_eq!(
        parse(b"<html><body>hi</body></html>"),
        Err(OpmlError::NotOpml)
    );
    assert_eq!(
        parse(b"<opml version=\"2.0\"><body/></opml>"),
        Ok(Opml::default())
    );
}

#[test]
fn the_writer_escapes_and_groups_by_section() {
    let entry = |url: &str, name: Option<&str>, section: Option<&str>| FeedEntry {
        url: url.into(),
        name: name.map(Into::into),
        section: section.map(Into::into),
        ..FeedEntry::default()
    };
    let text = write(&[
        entry("https://a.ua/rss?x=1&y=2", Some("«A» & \"B\""), Some("S")),
        entry("feeds/local.xml", None, None),
        entry("https://b.ua/rss", None, None),
        entry("https://c.ua/rss", None, Some("S")),
    ]);
    assert!(text.contains("<opml version=\"2.0\">"), "{text}");
    assert!(
        text.contains("xmlUrl=\"https://a.ua/rss?x=1&amp;y=2\""),
        "{text}"
    );
    assert!(text.contains("text=\"«A» &amp; &quot;B&quot;\""), "{text}");
    assert!(
        !text.contains("local.xml"),
        "a file means nothing elsewhere: {text}"
    );
    assert_eq!(
        text.matches("text=\"S\"").count(),
        2,
        "two runs of S: {text}"
    );
    let (a, b, c) = (
        text.find("a.ua").unwrap(),
        text.find("b.ua").unwrap(),
        text.find("c.ua").unwrap(),
    );
    assert!(a < b && b < c, "the list's order: {text}");
}
