//! One pass over a repaired feed collecting, per item/entry in document order, what feed-rs
//! does not give us (the fields of [`RawItem`]: dates as written, `yandex:full-text`,
//! `rdf:about`, Dublin Core and Media RSS fallbacks, titles and bodies that hold markup). No
//! feed-rs, no IO; no copying for elements that hold no markup.

pub use super::rawitem::{Field, Kind, RawItem};
use super::xmlscan::{Scanner, Token, local_name};
use crate::text::entities::unescape_into;

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

/// The state of the pass: the items so far, the depth, the open item and capture.
struct Table<'a> {
    xml: &'a str,
    items: Vec<RawItem>,
    depth: usize,
    /// The open item and the depth it opened at.
    item: Option<(usize, RawItem)>,
    capture: Option<Capture>,
}

/// Collects [`RawItem`]s from `xml` in one pass.
pub fn scan(xml: &str) -> Vec<RawItem> {
    let mut table = Table {
        xml,
        items: Vec::new(),
        depth: 0,
        item: None,
        capture: None,
    };
    let mut scanner = Scanner::new(xml);
    while let Some(token) = scanner.next() {
        let capture = table.capture.as_mut().filter(|c| c.kind == Kind::Text);
        match token {
            Token::Start {
                raw,
                name,
                self_closing,
            } => table.start(raw, name, self_closing, scanner.offset()),
            Token::End { raw, .. } => table.end(scanner.offset() - raw.len(), raw),
            Token::Text(t) => capture
                .into_iter()
                .for_each(|c| unescape_into(&mut c.text, t)),
            Token::CData(t) => capture.into_iter().for_each(|c| c.text.push_str(t)),
            _ => {}
        }
    }
    table.items
}

impl Table<'_> {
    /// A start tag ending at byte `after`.
    fn start(&mut self, raw: &str, name: &str, self_closing: bool, after: usize) {
        let depth = self.depth;
        self.depth += usize::from(!self_closing);
        if let Some(c) = self.capture.as_mut() {
            c.has_child = true;
            if c.kind == Kind::Text {
                c.text.push_str(raw);
            }
        } else if let Some((item_depth, item)) = self.item.as_mut() {
            let direct = depth == *item_depth;
            let wanted = item.start(raw, name, direct).filter(|_| !self_closing);
            self.capture = wanted.map(|(field, kind)| Capture {
                field,
                kind,
                depth: depth + 1,
                start: after,
                has_child: false,
                text: String::new(),
            });
        } else if matches!(local_name(name), "item" | "entry") && !self_closing {
            self.item = Some((depth + 1, RawItem::open(raw)));
        }
    }

    /// An end tag starting at byte `at`.
    fn end(&mut self, at: usize, raw: &str) {
        let depth = self.depth;
        self.depth = depth.saturating_sub(1);
        match self.capture.as_mut() {
            Some(c) if c.depth == depth => {
                if let (Some(c), Some((_, item))) = (self.capture.take(), self.item.as_mut()) {
                    finish(item, c, self.xml.get(..at).unwrap_or(self.xml));
                }
            }
            Some(c) if c.kind == Kind::Text => c.text.push_str(raw),
            Some(_) => {}
            None if self.item.as_ref().is_some_and(|(d, _)| *d == depth) => {
                self.items.extend(self.item.take().map(|(_, it)| it));
            }
            None => {}
        }
    }
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

#[cfg(test)]
#[path = "sidetable_tests.rs"]
mod tests;
