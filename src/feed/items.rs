//! feed-rs model → our `ParsedFeed`: field choice (lead, body, link, date), sanitising of
//! every feed-supplied string, identity keys and de-duplication. No IO, no parsing of XML.

use std::collections::HashSet;

use feed_rs::model::{Entry, Feed, Link};

use super::super::identity;
use super::super::sidetable::RawItem;
use crate::model::{Item, ParsedFeed};
use crate::text::entities;
use crate::text::sanitize::{clean_line, clean_text_owned};

/// Converts a parsed feed; `raw[i]` (if present) belongs to `feed.entries[i]`. An item whose
/// key is in `seen` (taken earlier in this parse) is dropped; kept ones' keys are added.
pub fn convert(feed: Feed, raw: &[RawItem], url: &str, seen: &mut HashSet<String>) -> ParsedFeed {
    let base = url::Url::parse(url).ok();
    let mut items = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.iter().enumerate() {
        let item = item(entry, raw.get(i), base.as_ref());
        if seen.insert(item.key.clone()) {
            items.push(item);
        }
    }
    ParsedFeed {
        title: feed
            .title
            .as_ref()
            .map(|t| line(&t.content))
            .filter(|t| !t.is_empty()),
        link: pick_link(&feed.links, base.as_ref()),
        items,
    }
}

fn item(entry: &Entry, raw: Option<&RawItem>, base: Option<&url::Url>) -> Item {
    let title = entry
        .title
        .as_ref()
        .map(|t| line(&t.content))
        .unwrap_or_default();
    let link = pick_link(&entry.links, base);
    let published = entry.published.or(entry.updated);
    let raw_date = raw
        .and_then(|r| r.date.clone())
        .or_else(|| published.map(|d| d.to_rfc3339()))
        .unwrap_or_default();
    let guid = clean_line(&entry.id);
    let key = identity::item_key(Some(&guid), link.as_deref(), &title, &raw_date);
    let body = raw
        .and_then(|r| r.full_text.as_deref())
        .or_else(|| entry.content.as_ref().and_then(|c| c.body.as_deref()));
    Item {
        key,
        title,
        link,
        published,
        author: entry
            .authors
            .iter()
            .find_map(|p| p.name.as_deref().or(p.email.as_deref()))
            .map(line)
            .filter(|s| !s.is_empty()),
        category: entry
            .categories
            .first()
            .map(|c| line(c.label.as_deref().unwrap_or(&c.term)))
            .filter(|s| !s.is_empty()),
        lead: entry.summary.as_ref().and_then(|t| html(&t.content)),
        body: body.and_then(html),
    }
}

/// The first link that is the page itself (no `rel` or `rel="alternate"`), else the first
/// link; resolved against `base`; only http(s).
fn pick_link(links: &[Link], base: Option<&url::Url>) -> Option<String> {
    let link = links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| links.first())?;
    let href = clean_line(&link.href);
    let resolved = match base {
        Some(b) => b.join(&href).ok()?,
        None => url::Url::parse(&href).ok()?,
    };
    matches!(resolved.scheme(), "http" | "https").then(|| resolved.to_string())
}

/// A one-line text field: references left over decoded, sanitised, whitespace collapsed.
fn line(s: &str) -> String {
    clean_line(&entities::decode_text(s))
}

/// An HTML/text field: numeric references (also double-escaped) decoded, sanitised, trimmed;
/// `None` when nothing is left.
fn html(s: &str) -> Option<String> {
    let mut cleaned = clean_text_owned(entities::decode_numeric_in_html(s));
    let end = cleaned.trim_end().len();
    cleaned.truncate(end);
    let start = cleaned.len() - cleaned.trim_start().len();
    cleaned.drain(..start);
    (!cleaned.is_empty()).then_some(cleaned)
}
