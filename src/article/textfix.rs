//! Text-node repair after parsing (entities are decoded by then): sanitising, and making every
//! word's display width equal to the sum of its characters' widths. html2text's hard-wrap
//! code assumes that equality; a word like `▪️` (VS16) or a ZWJ emoji that does not fit the
//! line makes it underflow (a panic in debug builds, an endless loop in release builds).

use html2text::{Handle, RcDom};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::sanitize::clean_text;

/// `s` sanitised, tabs expanded, free of width ligatures; `None` when nothing had to change.
/// (A tab in a `<pre>` at width 0, inside a list at width 1, hangs html2text.)
pub(super) fn fix_text(s: &str) -> Option<String> {
    let cleaned = clean_text(s).replace('\t', "    ");
    let mut out = String::with_capacity(cleaned.len());
    for piece in pieces(&cleaned) {
        if piece.chars().all(|c| (c as u32) < 0x600) {
            out.push_str(piece); // Latin, Cyrillic, Greek…: no contextual widths there
        } else {
            unligate(piece, &mut out);
        }
    }
    (out != s).then_some(out)
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

/// Joiners and selectors that make emoji (and a few scripts) wider or narrower as a sequence.
fn is_joiner(c: char) -> bool {
    matches!(c,
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' | '\u{200d}'
        | '\u{1f3fb}'..='\u{1f3ff}' | '\u{2d7f}' | '\u{17d2}')
}

/// Drops joiners, then puts a ZERO WIDTH SPACE (a break html2text omits) between any visible
/// character (with its marks) and the next one when together they are a ligature (Arabic
/// lam-alef and the like): afterwards every substring is as wide as its characters.
fn unligate(word: &str, out: &mut String) {
    let chars: Vec<char> = word.chars().filter(|c| !is_joiner(*c)).collect();
    let mut unit_start = 0;
    while unit_start < chars.len() {
        let mut next = unit_start + 1;
        while next < chars.len() && char_width(chars[next]) == 0 {
            next += 1;
        }
        out.extend(&chars[unit_start..next]);
        if next < chars.len() {
            let window: String = chars[unit_start..=next].iter().collect();
            let sum: usize = chars[unit_start..=next]
                .iter()
                .map(|c| char_width(*c))
                .sum();
            if window.width() != sum {
                out.push('\u{200b}');
            }
        }
        unit_start = next;
    }
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
        // An emptied node becomes a ZERO WIDTH SPACE, which html2text drops.
        html.push_str(&escape(if fixed.is_empty() { "\u{200b}" } else { fixed }));
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

/// True when some text under `node` is more than whitespace.
pub(super) fn has_visible_text(node: &Handle) -> bool {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        for child in n.children.borrow().iter() {
            if child.element_name().is_some() {
                stack.push(child.clone());
            } else if text_of(child).is_some_and(|t| t.chars().any(is_visible)) {
                return true;
            }
        }
    }
    false
}

fn is_visible(c: char) -> bool {
    !c.is_whitespace() && char_width(c) > 0
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
        assert_eq!(fix_text("\u{fe0f}▪\u{fe0f}").as_deref(), Some("▪"));
        assert_eq!(
            fix_text("👨\u{200d}👩\u{200d}👧").as_deref(),
            Some("👨👩👧")
        );
        assert_eq!(fix_text("👍\u{1f3fd}").as_deref(), Some("👍"));
        assert_eq!(fix_text("لا").as_deref(), Some("ل\u{200b}ا"));
        assert_eq!(fix_text("ل\u{64b}ا").as_deref(), Some("ل\u{64b}\u{200b}ا"));
    }

    #[test]
    fn every_substring_is_as_wide_as_its_characters() {
        for s in ["x▪\u{fe0f}لا👨\u{200d}👩🇺🇦中文е\u{301}ꓹꓼ#\u{fe0f}\u{20e3}"]
        {
            let fixed = fix_text(s).unwrap();
            // html2text breaks words at ZERO WIDTH SPACE and drops it.
            for segment in fixed.split('\u{200b}') {
                let fixed: Vec<char> = segment.chars().collect();
                for i in 0..fixed.len() {
                    for j in i + 1..=fixed.len() {
                        let sub: String = fixed[i..j].iter().collect();
                        let sum: usize = fixed[i..j].iter().map(|c| char_width(*c)).sum();
                        assert_eq!(sub.width(), sum, "{sub:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn control_characters_go() {
        assert_eq!(fix_text("a\u{1b}[2Jb\u{202e}").as_deref(), Some("ab"));
        assert_eq!(fix_text("a\tb").as_deref(), Some("a    b"));
    }

    /// Guards the html2text pin in Cargo.toml: the dump format `text_of` relies on.
    #[test]
    fn text_of_reads_html2texts_dump_format() {
        let html = "<p>Слово &amp; <b>x</b>\n кінець</p>";
        let dom = html2text::config::plain_no_decorate()
            .parse_html(html.as_bytes())
            .unwrap();
        let texts = paragraph_texts(&dom);
        assert_eq!(texts.len(), 1);
        assert_eq!(text_of(&texts[0]).as_deref(), Some("Слово & "));
        let body = dom.get_node_by_path(&[1, 2]).unwrap();
        let p = body.children.borrow()[0].clone();
        assert_eq!(text_of(&p), None, "an element is no text node");
        let tail = p.children.borrow().last().cloned().unwrap();
        assert_eq!(text_of(&tail).as_deref(), Some("\n кінець"));
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
