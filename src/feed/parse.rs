//! Decoded text → our items: page-or-feed detection, XML repair, feed-rs with our own date
//! parser and no invented ids, then our own item fields and identity. No IO. Every body goes
//! through the one pipeline in `chunked` ([`parse_body`] is it with the pieces collected);
//! this module parses one document or one piece of one.

use std::collections::HashSet;

use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use super::chunked::{Streamed, parse_body_chunked};
use super::xmlscan::{Scanner, Token, local_name};
use super::{FeedError, discover, jsonfeed, repair, sidetable, stash};
use crate::model::{Item, ParsedFeed};

#[path = "items.rs"]
mod items;

/// What a body turned out to be.
#[derive(Debug)]
pub enum Parsed {
    Feed(ParsedFeed),
    /// An HTML page; the discovered feed URLs (absolute, in page order), possibly none.
    Page {
        feed_urls: Vec<String>,
    },
}

/// Parses a fetched body whole. `content_type` is the HTTP header (its charset is one input
/// to decoding); `url` names the source in errors and resolves relative links. The same
/// pipeline as [`parse_body_chunked`], with its pieces collected.
pub fn parse_body(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
) -> Result<Parsed, FeedError> {
    let mut items: Vec<Item> = Vec::new();
    let streamed = parse_body_chunked(bytes, content_type, url, &|i| i, &mut |mut part| {
        items.append(&mut part);
        Ok::<(), FeedError>(())
    })?;
    Ok(match streamed {
        Streamed::Feed { title, link, .. } => Parsed::Feed(ParsedFeed { title, link, items }),
        Streamed::Page { feed_urls } => Parsed::Page { feed_urls },
    })
}

/// One decoded document: a feed (and whether it was cut off), or a page.
pub(super) enum Document {
    Feed(Part),
    Page(Vec<String>),
}

/// A parsed feed document or piece; `truncated` when it was cut off and closed after its last
/// complete item.
pub(super) struct Part {
    pub feed: ParsedFeed,
    pub truncated: bool,
}

/// Parses one whole decoded document (see [`kind`]).
pub(super) fn parse_document(
    text: &str,
    content_type: Option<&str>,
    url: &str,
) -> Result<Document, FeedError> {
    if text.trim().is_empty() {
        return Err(parse_error(url, "empty response".to_string()));
    }
    match kind(text, content_type) {
        Kind::Json => {
            let feed = run_feed_rs(jsonfeed::normalise(text).as_bytes(), url)?;
            Ok(Document::Feed(Part {
                feed: items::convert(feed, &[], url, &mut HashSet::new()),
                truncated: false,
            }))
        }
        Kind::Html => Ok(Document::Page(discover::feed_links(text, url))),
        Kind::Xml => parse_xml_part(text, url, &mut HashSet::new(), false).map(Document::Feed),
    }
}

/// Parses one XML document (a whole feed, or a piece of one: see `chunked`). `seen` holds the
/// keys already taken (the first item with a key wins); `later` says this is not the first
/// piece, so one with no complete item (a truncated end) gives no items instead of an error.
pub(super) fn parse_xml_part(
    text: &str,
    url: &str,
    seen: &mut HashSet<String>,
    later: bool,
) -> Result<Part, FeedError> {
    parse_xml_with(text, url, seen, later, true)
}

/// [`parse_xml_part`], with the bodies stashed out of feed-rs's way or not (the same result).
fn parse_xml_with(
    text: &str,
    url: &str,
    seen: &mut HashSet<String>,
    later: bool,
    stashing: bool,
) -> Result<Part, FeedError> {
    let repaired = if stashing {
        repair::repair_stashing(text)
    } else {
        repair::repair(text)
    };
    let repaired = match repaired {
        Ok(repaired) => repaired,
        Err(repair::RepairError::TruncatedEmpty) if later => {
            return Ok(Part {
                feed: ParsedFeed::default(),
                truncated: true,
            });
        }
        Err(e) => return Err(parse_error(url, e.to_string())),
    };
    let mut feed = run_feed_rs(repaired.xml.as_bytes(), url)?;
    let mut raw = sidetable::scan(&repaired.xml);
    refuse_silent_nothing(&feed, raw.len(), url, later)?;
    unstash_bodies(&mut feed, &mut raw, repaired.stash);
    // The side table is matched to feed-rs's entries by position; if they disagree (an
    // exotic layout), use none of it rather than mismatched dates and bodies.
    let raw = if raw.len() == feed.entries.len() {
        raw
    } else {
        Vec::new()
    };
    Ok(Part {
        feed: items::convert(feed, &raw, url, seen),
        truncated: repaired.truncated,
    })
}

/// Puts the bodies that repair took out of the XML back into feed-rs's content and the side
/// table's full text, as those would have held them (an empty body is none).
fn unstash_bodies(
    feed: &mut feed_rs::model::Feed,
    raw: &mut [sidetable::RawItem],
    mut stash: Vec<String>,
) {
    if stash.is_empty() {
        return;
    }
    for entry in &mut feed.entries {
        if let Some(body) = entry.content.as_mut().and_then(|c| c.body.as_mut()) {
            stash::unstash(body, &mut stash);
            if body.is_empty() {
                entry.content = None;
            }
        }
    }
    for item in raw {
        for field in [sidetable::Field::FullText, sidetable::Field::Content] {
            let slot = item.slot(field);
            if let Some(text) = slot.as_mut() {
                stash::unstash(text, &mut stash);
                let trimmed = text.trim();
                if trimmed.len() != text.len() {
                    *text = trimmed.to_string();
                }
                if text.is_empty() {
                    *slot = None;
                }
            }
        }
    }
}

/// A document that gives no item must not pass for an empty feed: items that were there
/// but could not be read, or a root with no title, link or item, are errors.
fn refuse_silent_nothing(
    feed: &feed_rs::model::Feed,
    raw_items: usize,
    url: &str,
    later: bool,
) -> Result<(), FeedError> {
    if !feed.entries.is_empty() {
        return Ok(());
    }
    if raw_items > 0 {
        let cause =
            format!("no item could be read ({raw_items} found, in a layout chmon does not know)");
        return Err(parse_error(url, cause));
    }
    let blank = feed
        .title
        .as_ref()
        .is_none_or(|t| t.content.trim().is_empty());
    if !later && blank && feed.links.is_empty() {
        return Err(parse_error(
            url,
            "not a feed (no title, link or item)".into(),
        ));
    }
    Ok(())
}

fn run_feed_rs(bytes: &[u8], url: &str) -> Result<feed_rs::model::Feed, FeedError> {
    let bytes = without_declarations(bytes);
    feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        .timestamp_parser(super::date::parse_date)
        // Never invent an id (feed-rs would use a random UUID): an empty id means "none".
        .id_generator(|_, _, _| String::new())
        .build()
        .parse(&*bytes)
        .map_err(|e| parse_error(url, describe(&e)))
}

/// quick-xml (under feed-rs) panics on an XML declaration after the start of the document
/// (found by fuzzing); the text is UTF-8 by now, so every `<?xml …?>` is dropped before
/// feed-rs sees it (`<?xml-stylesheet` and other instructions stay).
fn without_declarations(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let finder = memchr::memmem::Finder::new(b"<?xml");
    if finder.find(bytes).is_none() {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(i) = finder.find(rest) {
        let after = &rest[i + 5..];
        if after
            .first()
            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'?')
        {
            out.extend_from_slice(&rest[..i + 5]);
            rest = after;
            continue;
        }
        out.extend_from_slice(&rest[..i]);
        let end = memchr::memmem::find(after, b"?>").map_or(after.len(), |e| e + 2);
        rest = &after[end..];
    }
    out.extend_from_slice(rest);
    std::borrow::Cow::Owned(out)
}

fn describe(e: &ParseFeedError) -> String {
    match e {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "not a feed (no RSS, Atom or JSON Feed root)".to_string()
        }
        other => format!("invalid feed: {other}"),
    }
}

pub(super) fn parse_error(url: &str, cause: String) -> FeedError {
    let cause = cause.split_whitespace().collect::<Vec<_>>().join(" ");
    FeedError::Parse {
        url: crate::text::sanitize::clean_line(url),
        cause,
    }
}

#[derive(Debug, PartialEq)]
pub(super) enum Kind {
    Xml,
    Json,
    Html,
}

/// Feed or page: JSON by its first character, else by the doctype or root element, else by
/// the Content-Type.
pub(super) fn kind(text: &str, content_type: Option<&str>) -> Kind {
    if text.trim_start().starts_with('{') {
        return Kind::Json;
    }
    let html_type = content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html"));
    for token in Scanner::new(text) {
        match token {
            Token::Text(t) if t.trim().is_empty() => {}
            Token::Other(raw)
                if raw
                    .get(..14)
                    .is_some_and(|d| d.eq_ignore_ascii_case("<!doctype html")) =>
            {
                return Kind::Html;
            }
            Token::Other(_) => {}
            Token::Start { name, .. } => {
                let root = local_name(name).to_ascii_lowercase();
                return match root.as_str() {
                    "rss" | "feed" | "rdf" => Kind::Xml,
                    "html" | "head" | "body" => Kind::Html,
                    _ if html_type => Kind::Html,
                    _ => Kind::Xml,
                };
            }
            _ => break,
        }
    }
    if html_type { Kind::Html } else { Kind::Xml }
}

#[cfg(test)]
mod tests {
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
}
