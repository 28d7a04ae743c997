//! An item's lead and body: which element fills each (full text, base64 content, markup the
//! side table saw, feed-rs's content and summary, `dc:description`, `media:description`),
//! plain text escaped into HTML so it shows literally, `content:encoded` kept over the
//! description only when longer, and a `media:thumbnail` shown above. Both come out as
//! sanitised HTML. Pure; no parsing of XML.

use std::borrow::Cow;

use feed_rs::model::Entry;

use super::markup::{escape_into, text_to_html, visible_len};
use super::sidetable::{Field, RawItem};
use crate::text::entities;
use crate::text::sanitize::clean_text_owned;

/// The lead (`description`, `summary`) and the body (full text, content), as HTML.
#[derive(Debug, Default, PartialEq)]
pub struct Bodies {
    pub lead: Option<String>,
    pub body: Option<String>,
}

/// Chooses the lead and body of `entry`. `typed`: the format says when text is plain (Atom,
/// JSON Feed); RSS text is HTML by custom.
pub fn choose(entry: &Entry, raw: &RawItem, typed: bool) -> Bodies {
    let mut lead = raw
        .get(Field::Summary)
        .map(Cow::Borrowed)
        .or_else(|| {
            let t = entry.summary.as_ref()?;
            let plain = typed && t.content_type.subty() == "plain";
            Some(as_html(&t.content, plain))
        })
        .filter(|l| !l.trim().is_empty())
        .or_else(|| raw.get(Field::DcDescription).map(Cow::Borrowed));
    let (body, encoded) = content(entry, raw, typed);
    let mut body = body.filter(|b| !b.trim().is_empty());
    if lead.is_none() && body.is_none() {
        body = raw
            .get(Field::MediaDescription)
            .map(|d| as_html(d, !raw.media_description_html));
    }
    // RSS: the description is the text unless content:encoded is longer. A body of over four
    // times the lead's bytes is taken as longer without counting (it would have to be mostly
    // tags, such as images, to be shorter: worth keeping then too).
    if let (Some(b), Some(l)) = (&body, &lead)
        && encoded
        && !typed
        && b.len() <= l.len().saturating_mul(4)
    {
        let lead_len = visible_len(l, usize::MAX);
        if visible_len(b, lead_len) < lead_len {
            body = lead.take();
        }
    }
    if let Some(url) = raw.get(Field::Thumbnail) {
        add_thumbnail(url, &mut lead, &mut body);
    }
    Bodies {
        lead: lead.and_then(|l| clean(&l)),
        body: body.and_then(|b| clean(&b)),
    }
}

/// The body and whether it is a `content:encoded`/`content` (rather than a full text).
fn content<'a>(entry: &'a Entry, raw: &'a RawItem, typed: bool) -> (Option<Cow<'a, str>>, bool) {
    if let Some(full) = raw.get(Field::FullText) {
        return (Some(Cow::Borrowed(full)), false);
    }
    if let Some(decoded) = raw.get(Field::Base64Content) {
        return (Some(as_html(decoded, !raw.base64_html)), false);
    }
    if let Some(markup) = raw.get(Field::Content) {
        return (Some(Cow::Borrowed(markup)), true);
    }
    let from_feed_rs = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        Some(as_html(body, typed && c.content_type.subty() == "plain"))
    });
    (from_feed_rs, true)
}

/// `text` as HTML: escaped when it is declared plain text, else as it is.
fn as_html(text: &str, plain: bool) -> Cow<'_, str> {
    if plain {
        Cow::Owned(text_to_html(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// Shows the thumbnail above the text, unless the text has an image of its own.
fn add_thumbnail(url: &str, lead: &mut Option<Cow<'_, str>>, body: &mut Option<Cow<'_, str>>) {
    let has_image = |s: &Option<Cow<str>>| s.as_deref().is_some_and(|s| s.contains("<img"));
    if has_image(lead) || has_image(body) {
        return;
    }
    let mut html = String::from("<p><img src=\"");
    escape_into(&mut html, url);
    html.push_str("\" alt=\"\"></p>");
    if let Some(text) = body.take().or_else(|| lead.take()) {
        html.push_str(&text);
    }
    *body = Some(Cow::Owned(html));
}

/// An HTML/text field: numeric references (also double-escaped) decoded, sanitised, trimmed;
/// `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let mut cleaned = clean_text_owned(entities::decode_numeric_in_html(s));
    let end = cleaned.trim_end().len();
    cleaned.truncate(end);
    let start = cleaned.len() - cleaned.trim_start().len();
    cleaned.drain(..start);
    (!cleaned.is_empty()).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rss(item: &str) -> (Entry, RawItem) {
        let xml = format!(
            "<rss version=\"2.0\" xmlns:media=\"urn:x-chmon:mrss\" \
             xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>\
             <item>{item}</item></channel></rss>"
        );
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
        let raw = super::super::sidetable::scan(&xml).remove(0);
        (feed.entries.into_iter().next().unwrap(), raw)
    }

    #[test]
    fn empty_description_leaves_room_for_fallbacks() {
        let (entry, raw) =
            rss("<description> </description><media:description>Опис</media:description>");
        let got = choose(&entry, &raw, false);
        assert_eq!(got.lead, None);
        assert_eq!(got.body.as_deref(), Some("Опис"));
    }

    #[test]
    fn the_longer_of_content_encoded_and_description() {
        let (entry, raw) = rss(
            "<description>A long description of the event.</description>\
             <content:encoded>Short.</content:encoded>",
        );
        let got = choose(&entry, &raw, false);
        assert_eq!(
            (got.lead, got.body.as_deref()),
            (None, Some("A long description of the event."))
        );
        let (entry, raw) = rss(
            "<description>Lead.</description><content:encoded>&lt;p&gt;The whole text of \
             it.&lt;/p&gt;</content:encoded>",
        );
        let got = choose(&entry, &raw, false);
        assert_eq!(got.lead.as_deref(), Some("Lead."));
        assert_eq!(got.body.as_deref(), Some("<p>The whole text of it.</p>"));
    }

    #[test]
    fn a_thumbnail_goes_above_unless_there_is_an_image() {
        let (entry, raw) = rss(
            "<description>Text</description><media:thumbnail url=\"http://i.ua/a.jpg?a=1&amp;b=&quot;\"/>",
        );
        let got = choose(&entry, &raw, false);
        assert_eq!(
            got.body.as_deref(),
            Some("<p><img src=\"http://i.ua/a.jpg?a=1&amp;b=&quot;\" alt=\"\"></p>Text")
        );
        let (entry, raw) = rss(
            "<description>&lt;img src=\"x.jpg\"&gt;</description><media:thumbnail url=\"http://i.ua/a.jpg\"/>",
        );
        assert_eq!(choose(&entry, &raw, false).body, None);
    }
}
