//! What the side table keeps of one `<item>`/`<entry>`: the fields feed-rs does not read or
//! reads badly, and the rule that says which element fills which field. Pure data and
//! classification; the scanning loop is in `sidetable`, the use of the fields in `items`.

use base64::Engine;

use super::attrs;
use crate::text::entities::unescape_into;

/// A field of [`RawItem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The first of `pubDate`, `dc:date`, `published`, `issued`, `created`, as written.
    Date,
    /// The first of `updated`, `modified`, as written.
    Updated,
    /// `yandex:full-text` (or any `*:full-text`).
    FullText,
    /// `rdf:about` of an RSS 1.0 item.
    About,
    DcTitle,
    DcDescription,
    MediaTitle,
    MediaDescription,
    /// The `url` of the first `media:thumbnail`.
    Thumbnail,
    /// The title, when it holds markup (feed-rs keeps only the text before the first tag).
    Title,
    /// `description`/`summary`, when it holds markup.
    Summary,
    /// `content:encoded`/`content`, when it holds markup.
    Content,
    /// Atom 0.3 content in `mode="base64"`, decoded.
    Base64Content,
}

const FIELDS: usize = 13;

/// How an element's text is captured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text with references resolved, CDATA as is, inner tags raw.
    Text,
    /// The same, but kept only when the element holds a child element.
    Markup,
}

/// Raw facts about one item (see [`Field`]); `None`/empty when absent.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RawItem {
    fields: [Option<String>; FIELDS],
    /// `isPermaLink` of `<guid>` when given (false only for `"false"`).
    pub guid_permalink: Option<bool>,
    /// `media:description type="html"`.
    pub media_description_html: bool,
    /// The Atom 0.3 base64 content was HTML.
    pub base64_html: bool,
}

impl RawItem {
    /// A new item from its start tag (which may carry `rdf:about`).
    pub fn open(tag: &str) -> RawItem {
        let mut item = RawItem::default();
        if let Some(about) = attrs::value(tag, "rdf:about") {
            item.set_unescaped(Field::About, about);
        }
        item
    }

    pub fn get(&self, field: Field) -> Option<&str> {
        self.fields[field as usize].as_deref()
    }

    /// The field itself, for putting stashed bodies back (see `parse`).
    pub fn slot(&mut self, field: Field) -> &mut Option<String> {
        &mut self.fields[field as usize]
    }

    fn set(&mut self, field: Field, text: String) {
        self.fields[field as usize] = Some(text);
    }

    fn set_unescaped(&mut self, field: Field, raw: &str) {
        let mut text = String::new();
        unescape_into(&mut text, raw.trim());
        if !text.is_empty() {
            self.set(field, text);
        }
    }

    /// What to capture for a start tag (`direct`: a child of the item itself). Facts held in
    /// attributes are taken here. Each field keeps the first element that fills it.
    pub fn start(&mut self, tag: &str, name: &str, direct: bool) -> Option<(Field, Kind)> {
        let (prefix, local) = name.split_once(':').unwrap_or(("", name));
        let wanted = match (prefix, local) {
            ("media", _) => self.media(tag, local),
            _ if !direct => None,
            (_, "pubDate" | "published" | "issued" | "created" | "date") => {
                Some((Field::Date, Kind::Text))
            }
            (_, "updated" | "modified") => Some((Field::Updated, Kind::Text)),
            (_, "full-text") => Some((Field::FullText, Kind::Text)),
            ("dc", "title") => Some((Field::DcTitle, Kind::Text)),
            ("dc" | "dcterms", "description" | "abstract") => {
                Some((Field::DcDescription, Kind::Text))
            }
            ("" | "atom" | "rss", "guid") => {
                self.guid_permalink = attrs::value(tag, "isPermaLink").map(|v| v.trim() != "false");
                None
            }
            ("" | "atom" | "rss", "title") => markup(tag, name, Field::Title),
            ("" | "atom" | "rss", "description" | "summary") => markup(tag, name, Field::Summary),
            ("" | "atom", "content") if attrs::value(tag, "mode") == Some("base64") => {
                self.base64_html = attrs::value(tag, "type").is_some_and(|t| t.contains("html"));
                Some((Field::Base64Content, Kind::Text))
            }
            ("" | "atom", "content") | ("content", "encoded") => markup(tag, name, Field::Content),
            _ => None,
        };
        wanted.filter(|(field, _)| self.get(*field).is_none())
    }

    fn media(&mut self, tag: &str, local: &str) -> Option<(Field, Kind)> {
        match local {
            "title" => Some((Field::MediaTitle, Kind::Text)),
            "description" if self.get(Field::MediaDescription).is_none() => {
                self.media_description_html = attrs::value(tag, "type") == Some("html");
                Some((Field::MediaDescription, Kind::Text))
            }
            "thumbnail" => {
                if let Some(url) =
                    attrs::value(tag, "url").filter(|_| self.get(Field::Thumbnail).is_none())
                {
                    self.set_unescaped(Field::Thumbnail, url);
                }
                None
            }
            _ => None,
        }
    }

    /// Stores a finished capture (empty text stores nothing).
    pub fn finish(&mut self, field: Field, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if field == Field::Base64Content {
            if let Some(decoded) = decode_base64(text) {
                self.set(field, decoded);
            }
            return;
        }
        self.set(field, text.to_string());
    }
}

/// A markup capture, except for inline XHTML, which feed-rs serialises well itself.
fn markup(tag: &str, name: &str, field: Field) -> Option<(Field, Kind)> {
    let has_attributes = tag.len() > name.len() + 3;
    let xhtml = has_attributes && attrs::value(tag, "type") == Some("xhtml");
    (!xhtml).then_some((field, Kind::Markup))
}

/// Base64 (whitespace anywhere, padding optional) → text, invalid UTF-8 replaced.
fn decode_base64(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    let bytes = engine.decode(compact.as_bytes()).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_with_line_breaks_and_no_padding() {
        assert_eq!(decode_base64("PHA+SGk8L3A+").as_deref(), Some("<p>Hi</p>"));
        assert_eq!(decode_base64("PHA+\n SGk8L3A").as_deref(), Some("<p>Hi</p"));
        assert_eq!(decode_base64("not base64!"), None);
    }

    #[test]
    fn first_element_fills_a_field_and_attributes_are_read() {
        let mut item = RawItem::open(r#"<item rdf:about="http://x.ua/1?a=1&amp;b=2">"#);
        assert_eq!(item.get(Field::About), Some("http://x.ua/1?a=1&b=2"));
        assert_eq!(
            item.start("<dc:date>", "dc:date", true),
            Some((Field::Date, Kind::Text))
        );
        item.finish(Field::Date, " 2021-01-12 ");
        assert_eq!(item.start("<pubDate>", "pubDate", true), None);
        assert_eq!(item.start("<updated>", "updated", false), None);
        assert_eq!(
            item.start(r#"<guid isPermaLink="false">"#, "guid", true),
            None
        );
        assert_eq!(item.guid_permalink, Some(false));
        let thumb = r#"<media:thumbnail url="http://i.ua/1.jpg" width="120"/>"#;
        assert_eq!(item.start(thumb, "media:thumbnail", false), None);
        assert_eq!(item.get(Field::Thumbnail), Some("http://i.ua/1.jpg"));
        assert_eq!(item.start(r#"<title type="xhtml">"#, "title", true), None);
        assert_eq!(
            item.start("<content:encoded>", "content:encoded", true),
            Some((Field::Content, Kind::Markup))
        );
    }
}
