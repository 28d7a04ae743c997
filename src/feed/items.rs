//! feed-rs model + side table → our `ParsedFeed`: which source fills each field (title, link,
//! date, author, lead, body, identity), with the fallbacks of Dublin Core, Media RSS and the
//! side table, sanitising of every feed-supplied string, and de-duplication. No IO, no
//! parsing of XML.

use std::collections::HashSet;

use feed_rs::model::{Entry, Feed, FeedType, Text};

use super::super::body::{self, Bodies};
use super::super::identity;
use super::super::links;
use super::super::markup::{html_to_line, looks_like_html};
use super::super::sidetable::{Field, RawItem};
use super::super::{authors, date};
use crate::model::{Item, ParsedFeed};
use crate::text::entities;
use crate::text::sanitize::clean_line;
use crate::text::tame::{MAX_META_CHARS, MAX_TITLE_CHARS, tame_line};

/// What every item of one feed shares.
struct Context {
    base: Option<url::Url>,
    /// Atom and JSON say when text is plain; RSS text is HTML by custom.
    typed: bool,
    /// Atom: the feed's authors are every entry's that names none.
    feed_authors: Option<String>,
}

/// Converts a parsed feed; `raw[i]` (if present) belongs to `feed.entries[i]`. An item whose
/// key is in `seen` (taken earlier in this parse) is dropped; kept ones' keys are added.
pub fn convert(feed: Feed, raw: &[RawItem], url: &str, seen: &mut HashSet<String>) -> ParsedFeed {
    let typed = matches!(feed.feed_type, FeedType::Atom | FeedType::JSON);
    let cx = Context {
        base: url::Url::parse(url).ok(),
        typed,
        feed_authors: authors::line(&feed.authors).filter(|_| feed.feed_type == FeedType::Atom),
    };
    let none = RawItem::default();
    let mut items = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.iter().enumerate() {
        let item = item(entry, raw.get(i).unwrap_or(&none), &cx);
        if seen.insert(item.key.clone()) {
            items.push(item);
        }
    }
    ParsedFeed {
        title: feed
            .title
            .as_ref()
            .map(|t| title_line(t, typed))
            .filter(|t| !t.is_empty()),
        link: links::pick(&feed.links, cx.base.as_ref()),
        items,
    }
}

fn item(entry: &Entry, raw: &RawItem, cx: &Context) -> Item {
    let title = title(entry, raw, cx.typed);
    let guid = clean_line(&entry.id);
    let link = links::pick(&entry.links, cx.base.as_ref())
        .or_else(|| links::from_guid(&guid, raw.guid_permalink));
    // An RSS 1.0 item's rdf:about is its identity when it has no link.
    let guid = match (guid.is_empty(), &link, raw.get(Field::About)) {
        (true, None, Some(about)) => clean_line(about),
        _ => guid,
    };
    let Bodies { lead, body } = body::choose(entry, raw, cx.typed);
    let (published, raw_date) = dates(entry, raw);
    let text = [lead.as_deref(), body.as_deref()].map(Option::unwrap_or_default);
    let key = identity::item_key(Some(&guid), link.as_deref(), &title, &raw_date, &text);
    // Tamed after the key is made, so an item's identity does not depend on the caps.
    let meta = |s: String| tame_line(&s, MAX_META_CHARS);
    Item {
        key,
        title: tame_line(&title, MAX_TITLE_CHARS),
        link,
        published,
        author: authors::line(&entry.authors)
            .or_else(|| cx.feed_authors.clone())
            .map(meta),
        category: entry
            .categories
            .first()
            .map(|c| line(c.label.as_deref().unwrap_or(&c.term)))
            .filter(|s| !s.is_empty())
            .map(meta),
        lead,
        body,
    }
}

/// The title: markup the side table saw, feed-rs's, `dc:title`, `media:title`.
fn title(entry: &Entry, raw: &RawItem, typed: bool) -> String {
    raw.get(Field::Title)
        .map(|t| clean_line(&html_to_line(t)))
        .or_else(|| entry.title.as_ref().map(|t| title_line(t, typed)))
        .filter(|t| !t.is_empty())
        .or_else(|| raw.get(Field::DcTitle).map(line))
        .or_else(|| raw.get(Field::MediaTitle).map(line))
        .unwrap_or_default()
}

/// A title as one plain line: HTML (declared, or an RSS title that looks like it) loses its
/// tags; declared plain text (Atom, JSON) is taken literally.
fn title_line(t: &Text, typed: bool) -> String {
    let plain = t.content_type.subty() == "plain";
    if plain && typed {
        clean_line(&t.content)
    } else if !plain || looks_like_html(&t.content) {
        clean_line(&html_to_line(&t.content))
    } else {
        line(&t.content)
    }
}

/// The published time (feed-rs's, else the side table's published, else updated) and the
/// raw date text that goes into a hash key.
fn dates(entry: &Entry, raw: &RawItem) -> (Option<chrono::DateTime<chrono::Utc>>, String) {
    let written = raw.get(Field::Date).or(raw.get(Field::Updated));
    let published = entry
        .published
        .or(entry.updated)
        .or_else(|| raw.get(Field::Date).and_then(date::parse_date))
        .or_else(|| raw.get(Field::Updated).and_then(date::parse_date));
    let raw_date = written
        .map(str::to_string)
        .or_else(|| published.map(|d| d.to_rfc3339()))
        .unwrap_or_default();
    (published, raw_date)
}

/// A one-line text field: references left over decoded, sanitised, whitespace collapsed.
fn line(s: &str) -> String {
    clean_line(&entities::decode_text(s))
}
