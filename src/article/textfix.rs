//! Text-node repair after parsing (entities are decoded by then): sanitising, and making every
//! word's display width equal to the sum of its characters' widths. html2text's hard-wrap
//! code assumes that equality; a word like `▪️` (VS16) or a ZWJ emoji that does not fit the
//! line makes it underflow (a panic in debug builds, an endless loop in release builds).

use html2text::{Handle, RcDom};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::clean_text;

/// `s` sanitised and width-consistent; `None` when it already was both.
pub(super) fn fix_text(s: &str) -> Option<String> {
    let cleaned = clean_text(s);
    let mut out = String::with_capacity(cleaned.len());
    let mut changed = cleaned.len() != s.len();
    for piece in pieces(&cleaned) {
        if piece.starts_with(char::is_whitespace) || consistent(piece) {
            out.push_str(piece);
        } else {
            changed = true;
            out.push_str(&make_consistent(piece));
        }
    }
    changed.then_some(out)
}

/// Alternating runs of whitespace and non-whitespace.
fn pieces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let ws = first.is_whitespace();
        let end = rest
            .find(|c: char| c.is_whitespace() != ws)
            .unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

fn consistent(word: &str) -> bool {
    word.width() == word.chars().map(char_width).sum::<usize>()
}

/// Drops variation selectors, ZWJ and skin-tone modifiers; if the word is still a ligature
/// (Arabic lam-alef and the like), keeps only its visible characters, spaced apart.
fn make_consistent(word: &str) -> String {
    let plain: String = word
        .chars()
        .filter(|c| !matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{200d}' | '\u{1f3fb}'..='\u{1f3ff}'))
        .collect();
    if consistent(&plain) {
        return plain;
    }
    let visible: Vec<String> = plain
        .chars()
        .filter(|c| char_width(*c) > 0)
        .map(String::from)
        .collect();
    visible.join(" ")
}

/// Replaces every text node under `root` that needs fixing. New text nodes come from parsing
/// the fixed texts in one batch (html2text's DOM API cannot create a text node directly).
pub(super) fn fix_text_nodes(root: &Handle) {
    let mut todo: Vec<(Handle, usize, String)> = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        for (i, child) in node.children.borrow().iter().enumerate() {
            if child.element_name().is_some() {
                stack.push(child.clone());
            } else if let Some(fixed) = text_of(child).and_then(|t| fix_text(&t)) {
                todo.push((node.clone(), i, fixed));
            }
        }
    }
    if todo.is_empty() {
        return;
    }
    let mut html = String::new();
    for (_, _, fixed) in &todo {
        html.push_str("<p>");
        html.push_str(&escape(if fixed.is_empty() { " " } else { fixed }));
        html.push_str("</p>");
    }
    let Ok(dom) = html2text::config::plain_no_decorate().parse_html(html.as_bytes()) else {
        return;
    };
    let new_nodes = paragraph_texts(&dom);
    for ((parent, i, _), new) in todo.into_iter().zip(new_nodes) {
        if let Some(slot) = parent.children.borrow_mut().get_mut(i) {
            *slot = new;
        }
    }
}

/// The contents of a text node (html2text's debug dump prints `Text:<contents>`; whitespace-
/// only nodes print nothing and need no fixing).
pub(super) fn text_of(node: &Handle) -> Option<String> {
    let dump = RcDom::node_as_dom_string(node);
    let text = dump.strip_prefix("Text:")?;
    Some(text.strip_suffix('\n').unwrap_or(text).to_string())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text node inside each `<p>` of a parsed batch, in order.
fn paragraph_texts(dom: &RcDom) -> Vec<Handle> {
    let body = dom
        .get_node_by_path(&[1, 2])
        .filter(|b| b.element_name().as_deref() == Some("body"));
    let Some(body) = body else {
        return Vec::new();
    };
    let paragraphs = body.children.borrow();
    paragraphs
        .iter()
        .filter_map(|p| p.children.borrow().first().cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consistent_words_are_left_alone() {
        assert_eq!(fix_text("Слава Україні 🇺🇦 中文 е\u{301}"), None);
    }

    #[test]
    fn ligatures_are_broken_up() {
        assert_eq!(fix_text("▪\u{fe0f} так").as_deref(), Some("▪ так"));
        assert_eq!(
            fix_text("👨\u{200d}👩\u{200d}👧").as_deref(),
            Some("👨👩👧")
        );
        assert_eq!(fix_text("👍\u{1f3fd}").as_deref(), Some("👍"));
        assert_eq!(fix_text("لا").as_deref(), Some("ل ا"));
    }

    #[test]
    fn control_characters_go() {
        assert_eq!(fix_text("a\u{1b}[2Jb\u{202e}").as_deref(), Some("ab"));
    }

    #[test]
    fn text_nodes_are_replaced_in_place() {
        let html = "<p>a ▪\u{fe0f} b<b>\u{1b}[1mx</b>ok</p>";
        let dom = html2text::config::plain_no_decorate()
            .parse_html(html.as_bytes())
            .unwrap();
        fix_text_nodes(&dom.document);
        let dump = RcDom::node_as_dom_string(&dom.document);
        assert!(dump.contains("Text:a ▪ b\n"), "{dump}");
        assert!(dump.contains("Text:x\n"), "{dump}");
        assert!(dump.contains("Text:ok\n"), "{dump}");
    }
}
