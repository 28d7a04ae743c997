//! One pass over a repaired feed collecting, per item/entry in document order, what feed-rs
//! does not give us: the raw date text and `yandex:full-text`. No feed-rs, no IO.

use super::xmlscan::{Scanner, Token, local_name};
use crate::text::entities::unescape_into;

/// Raw facts about one `<item>`/`<entry>`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RawItem {
    /// The first of `pubDate`, `dc:date`, `published`, `updated`, as written.
    pub date: Option<String>,
    /// `yandex:full-text` (or any `*:full-text`), CDATA and entities resolved.
    pub full_text: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Date,
    FullText,
}

/// What is being captured: the field, the depth its element opened at, the text so far.
struct Capture {
    field: Field,
    depth: usize,
    text: String,
}

/// Collects [`RawItem`]s from `xml` in one pass.
pub fn scan(xml: &str) -> Vec<RawItem> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut item: Option<(usize, RawItem)> = None;
    let mut capture: Option<Capture> = None;
    for token in Scanner::new(xml) {
        match token {
            Token::Start {
                raw,
                name,
                self_closing,
            } => {
                if let Some(c) = capture.as_mut() {
                    c.text.push_str(raw);
                } else if let Some((_, raw_item)) = item.as_ref() {
                    capture = start_capture(raw_item, name, depth + 1).filter(|_| !self_closing);
                } else if matches!(local_name(name), "item" | "entry") && !self_closing {
                    item = Some((depth + 1, RawItem::default()));
                }
                depth += usize::from(!self_closing);
            }
            Token::End { raw, .. } => {
                if capture.as_ref().is_some_and(|c| c.depth == depth) {
                    if let (Some(c), Some((_, it))) = (capture.take(), item.as_mut()) {
                        finish(it, c);
                    }
                } else if let Some(c) = capture.as_mut() {
                    c.text.push_str(raw);
                } else if item.as_ref().is_some_and(|(d, _)| *d == depth) {
                    items.extend(item.take().map(|(_, it)| it));
                }
                depth = depth.saturating_sub(1);
            }
            Token::Text(t) => capture
                .iter_mut()
                .for_each(|c| unescape_into(&mut c.text, t)),
            Token::CData(t) => capture.iter_mut().for_each(|c| c.text.push_str(t)),
            _ => {}
        }
    }
    items
}

fn start_capture(item: &RawItem, name: &str, depth: usize) -> Option<Capture> {
    let field = match local_name(name) {
        "pubDate" | "date" | "published" | "updated" if item.date.is_none() => Field::Date,
        "full-text" if item.full_text.is_none() => Field::FullText,
        _ => return None,
    };
    Some(Capture {
        field,
        depth,
        text: String::new(),
    })
}

fn finish(item: &mut RawItem, capture: Capture) {
    let text = capture.text.trim();
    if text.is_empty() {
        return;
    }
    match capture.field {
        Field::Date => item.date = Some(text.to_string()),
        Field::FullText => item.full_text = Some(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_dates_and_full_text_per_item() {
        let xml = r#"<rss><channel><pubDate>channel date</pubDate>
            <item><title>1</title><pubDate> Вт, 12 січ 2021 13:01 </pubDate>
              <yandex:full-text><![CDATA[<p>Тіло &laquo;1&raquo;</p>]]></yandex:full-text></item>
            <item><title>2</title><yandex:full-text>&lt;p&gt;A &amp;#128314; &#171;</yandex:full-text></item>
            <item><dc:date>2021-01-12</dc:date><pubDate>later</pubDate><yandex:full-text/></item>
            <item><yandex:full-text><p>raw <b>html</b></p></yandex:full-text></item>
        </channel></rss>"#;
        let items = scan(xml);
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].date.as_deref(), Some("Вт, 12 січ 2021 13:01"));
        assert_eq!(
            items[0].full_text.as_deref(),
            Some("<p>Тіло &laquo;1&raquo;</p>")
        );
        assert_eq!(items[1].date, None);
        assert_eq!(items[1].full_text.as_deref(), Some("<p>A &#128314; «"));
        assert_eq!(items[2].date.as_deref(), Some("2021-01-12"));
        assert_eq!(items[2].full_text, None);
        assert_eq!(
            items[3].full_text.as_deref(),
            Some("<p>raw <b>html</b></p>")
        );
    }
}
