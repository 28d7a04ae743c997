//! Unit tests of `parse`: the CDATA stash, refusals and the document kind.

use super::*;

/// Taking the bodies out of feed-rs's way changes nothing in the items: CDATA with space
/// around it, text beside it, an empty one, two in one element, a body that holds the
/// marker's character (no stashing then), nested markup, and a truncated end.
#[test]
fn stashed_bodies_come_back_as_they_were() {
    let items = [
        "<content:encoded>\n  <![CDATA[<p>Тіло 1</p>]]>\n</content:encoded>",
        "<content:encoded>до <![CDATA[<p>2</p>]]> після</content:encoded>",
        "<content:encoded><![CDATA[]]></content:encoded>",
        "<content:encoded><![CDATA[<p>а</p>]]><![CDATA[<p>б</p>]]></content:encoded>",
        "<yandex:full-text> <![CDATA[ <p>Повний текст</p> ]]> </yandex:full-text>",
        "<yandex:full-text><![CDATA[  ]]></yandex:full-text>",
        "<content:encoded><div><![CDATA[<p>в div</p>]]></div></content:encoded>",
        "<content:encoded><![CDATA[\u{1b}[31mчервоне \u{F8FF}0\u{F8FF}]]></content:encoded>",
    ];
    let doc = |bodies: &[&str], close: bool| {
        let mut s = String::from(
            "<?xml version=\"1.0\"?><rss version=\"2.0\" \
             xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
             xmlns:yandex=\"http://news.yandex.ru\"><channel><title>T</title>",
        );
        for (i, body) in bodies.iter().enumerate() {
            s.push_str(&format!(
                "<item><title>N{i}</title><link>http://x.ua/{i}</link>{body}</item>"
            ));
        }
        if close {
            s.push_str("</channel></rss>");
        }
        s
    };
    let parse = |text: &str, stashing: bool| {
        parse_xml_with(text, "http://x.ua/", &mut HashSet::new(), false, stashing)
            .map(|p| (p.feed, p.truncated))
    };
    for text in [
        doc(&items[..7], true),
        doc(&items, true),
        doc(&items[..5], false),
    ] {
        let want = parse(&text, false).unwrap();
        assert_eq!(parse(&text, true).unwrap(), want, "{text}");
    }
    let both = parse(&doc(&items[..7], true), true).unwrap().0;
    assert_eq!(both.items[0].body.as_deref(), Some("<p>Тіло 1</p>"));
    assert_eq!(both.items[4].body.as_deref(), Some("<p>Повний текст</p>"));
    assert_eq!(both.items[2].body, None);
}

#[test]
fn unstash_takes_whole_and_copies_parts() {
    let mut stash = vec!["нуль".to_string(), "один".to_string()];
    let mut whole = stash::stash_marker(1);
    stash::unstash(&mut whole, &mut stash);
    assert_eq!(whole, "один");
    let mut part = format!("a{}b\u{F8FF}x\u{F8FF}9\u{F8FF}", stash::stash_marker(0));
    stash::unstash(&mut part, &mut stash);
    assert_eq!(part, "aнульb\u{F8FF}x\u{F8FF}9\u{F8FF}");
}

#[test]
fn detects_kind() {
    assert_eq!(kind(" {\"version\":1}", None), Kind::Json);
    assert_eq!(
        kind("<?xml version=\"1.0\"?><!-- c --><rss>", Some("text/html")),
        Kind::Xml
    );
    assert_eq!(kind("<rdf:RDF>", None), Kind::Xml);
    assert_eq!(
        kind("\n<!DOCTYPE html><html>", Some("text/xml")),
        Kind::Html
    );
    assert_eq!(kind("<HTML><head>", None), Kind::Html);
    assert_eq!(kind("<div>", Some("text/html; charset=utf-8")), Kind::Html);
    assert_eq!(kind("<div>", None), Kind::Xml);
}
