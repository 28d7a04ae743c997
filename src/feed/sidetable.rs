//! One pass over a repaired feed collecting, per item/entry in document order, what feed-rs
//! does not give us (the fields of [`RawItem`]: dates as written, `yandex:full-text`,
//! `rdf:about`, Dublin Core and Media RSS fallbacks, titles and bodies that hold markup). No
//! feed-rs, no IO; no copying for elements that hold no markup.

use super::entities::{self, Reference};
pub use super::rawitem::{Field, Kind, RawItem};
use super::xmlscan::{Scanner, Token, local_name};

/// What is being captured: the field, the depth its element opened at, where its content
/// starts in the document, whether a child element was seen, and the text so far (kept only
/// for [`Kind::Text`]; markup is cut from the document at the end).
struct Capture {
    field: Field,
    kind: Kind,
    depth: usize,
    start: usize,
    has_child: bool,
    text: String,
}

/// Collects [`RawItem`]s from `xml` in one pass.
pub fn scan(xml: &str) -> Vec<RawItem> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut item: Option<(usize, RawItem)> = None;
    let mut capture: Option<Capture> = None;
    let mut scanner = Scanner::new(xml);
    while let Some(token) = scanner.next() {
        match token {
            Token::Start {
                raw,
                name,
                self_closing,
            } => {
                if let Some(c) = capture.as_mut() {
                    c.has_child = true;
                    if c.kind == Kind::Text {
                        c.text.push_str(raw);
                    }
                } else if let Some((item_depth, raw_item)) = item.as_mut() {
                    let direct = depth == *item_depth;
                    capture = raw_item
                        .start(raw, name, direct)
                        .filter(|_| !self_closing)
                        .map(|(field, kind)| Capture {
                            field,
                            kind,
                            depth: depth + 1,
                            start: scanner.offset(),
                            has_child: false,
                            text: String::new(),
                        });
                } else if matches!(local_name(name), "item" | "entry") && !self_closing {
                    item = Some((depth + 1, RawItem::open(raw)));
                }
                depth += usize::from(!self_closing);
            }
            Token::End { raw, .. } => {
                if capture.as_ref().is_some_and(|c| c.depth == depth) {
                    if let (Some(c), Some((_, it))) = (capture.take(), item.as_mut()) {
                        let end = scanner.offset() - raw.len();
                        finish(it, c, xml.get(..end).unwrap_or(xml));
                    }
                } else if let Some(c) = capture.as_mut().filter(|c| c.kind == Kind::Text) {
                    c.text.push_str(raw);
                } else if capture.is_none() && item.as_ref().is_some_and(|(d, _)| *d == depth) {
                    items.extend(item.take().map(|(_, it)| it));
                }
                depth = depth.saturating_sub(1);
            }
            Token::Text(t) => capture
                .iter_mut()
                .filter(|c| c.kind == Kind::Text)
                .for_each(|c| unescape_into(&mut c.text, t)),
            Token::CData(t) => capture
                .iter_mut()
                .filter(|c| c.kind == Kind::Text)
                .for_each(|c| c.text.push_str(t)),
            _ => {}
        }
    }
    items
}

/// Stores a capture; a markup one only if it held a child element, as the text of its
/// content (`upto` ends where its end tag starts).
fn finish(item: &mut RawItem, capture: Capture, upto: &str) {
    match capture.kind {
        Kind::Text => item.finish(capture.field, &capture.text),
        Kind::Markup if capture.has_child => {
            let inner = upto.get(capture.start..).unwrap_or_default();
            item.finish(capture.field, &text_of(inner));
        }
        Kind::Markup => {}
    }
}

/// The text of an element's content: references resolved, CDATA as is, tags raw.
fn text_of(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    for token in Scanner::new(inner) {
        match token {
            Token::Text(t) => unescape_into(&mut out, t),
            Token::CData(t) => out.push_str(t),
            Token::Start { raw, .. } | Token::End { raw, .. } => out.push_str(raw),
            _ => {}
        }
    }
    out
}

/// Appends XML text with its references resolved (the repaired text holds only the five
/// XML entities and numeric references).
pub(super) fn unescape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = match entities::reference(rest) {
            Some((Reference::Numeric(code), len)) => char::from_u32(code).map(|c| (c, len)),
            Some((Reference::Named(name), len)) => entities::named(name)
                .and_then(char::from_u32)
                .map(|c| (c, len)),
            None => None,
        };
        let len = match decoded {
            Some((c, len)) => {
                out.push(c);
                len
            }
            None => {
                out.push('&');
                1
            }
        };
        rest = &rest[len..];
    }
    out.push_str(rest);
}

#[cfg(test)]
#[path = "sidetable_tests.rs"]
mod tests;
