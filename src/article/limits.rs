//! Bounds on what the renderer is given, so that no article can overflow the stack or stall the
//! reader: the body's size ([`MAX_BODY_BYTES`]) and its nesting depth. html2text walks its tree
//! recursively, so the depth is limited twice: cheaply on the tags before parsing (a million
//! nested `<div>`s would otherwise cost the parser quadratic time), and exactly on the parsed
//! DOM (the parser adds elements of its own, e.g. a table's rows and cells). Deeper content is
//! kept as plain text. Owns no rendering and no wording (the notes come from `Labels`).

use std::rc::Rc;

use html2text::Handle;
use unicode_width::UnicodeWidthStr;

/// The most bytes of an article body that are rendered (the rest is cut with a note). Far
/// above any real article; a bigger body opens in the browser.
pub const MAX_BODY_BYTES: usize = 512 * 1024;

/// The deepest tag nesting kept before parsing.
pub(super) const MAX_TAG_DEPTH: usize = 48;

/// The deepest element nesting of the parsed DOM; below it, only text, images and line breaks.
pub(super) const MAX_DOM_DEPTH: usize = 96;

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "menuitem",
];

/// Elements whose end tag may be left out (their next sibling closes them): not counted, so
/// a page of unclosed `<p>` or `<li>` is not taken for deep nesting.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// A table's own structure: flattening stops below it, at a cell (html2text shows no text
/// that is not in a cell).
const TABLE_PARTS: &[&str] = &["table", "thead", "tbody", "tfoot", "tr", "colgroup"];

/// Elements whose content is raw text (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// `body` cut to at most `max` bytes (at a character boundary, before a tag begun near the
/// end), and whether it was cut.
pub(super) fn cut_body(body: &str, max: usize) -> (&str, bool) {
    if body.len() <= max {
        return (body, false);
    }
    let mut end = max;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    // A `<` in the last 4 KB: cut before it (a byte search: `<` is never inside a character).
    let tail_start = end.saturating_sub(4096);
    let end = match body.as_bytes()[tail_start..end]
        .iter()
        .rposition(|&b| b == b'<')
    {
        Some(pos) => tail_start + pos,
        None => end,
    };
    (&body[..end], true)
}

/// `html` with every tag nested deeper than `max` dropped (its text stays), and whether any was.
pub(super) fn cap_tags(html: &str, max: usize) -> (String, bool) {
    let mut out = String::with_capacity(html.len());
    let mut depth = Depth {
        max,
        ..Depth::default()
    };
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let (mut len, tag) = scan_tag(rest);
        if let Tag::Start { name, .. } = &tag
            && RAW_TEXT.contains(&name.as_str())
        {
            len = raw_text_end(rest, len, name);
        }
        if depth.keep(&tag) {
            out.push_str(&rest[..len]);
        }
        rest = &rest[len..];
    }
    out.push_str(rest);
    (out, depth.dropped)
}

/// The nesting seen so far by [`cap_tags`].
#[derive(Default)]
struct Depth {
    max: usize,
    /// Open counted tags that were kept.
    open: usize,
    /// Open counted tags that were dropped (their end tags are dropped too).
    excess: usize,
    dropped: bool,
}

impl Depth {
    /// Whether `tag` is kept.
    fn keep(&mut self, tag: &Tag) -> bool {
        match tag {
            Tag::Start { name, closed } if !closed && counted(name) => {
                if self.open < self.max {
                    self.open += 1;
                    return true;
                }
                self.excess += 1;
                self.dropped = true;
                false
            }
            Tag::End { name } if counted(name) && self.excess > 0 => {
                self.excess -= 1;
                false
            }
            Tag::End { name } if counted(name) => {
                self.open = self.open.saturating_sub(1);
                true
            }
            _ => true,
        }
    }
}

fn counted(name: &str) -> bool {
    !VOID.contains(&name) && !OPTIONAL_END.contains(&name)
}

enum Tag {
    Start {
        name: String,
        closed: bool,
    },
    End {
        name: String,
    },
    /// A comment, doctype, processing instruction or a `<` that starts no tag.
    Other,
}

/// The length of the markup at the start of `s` (which starts with `<`) and what it is.
fn scan_tag(s: &str) -> (usize, Tag) {
    let bytes = s.as_bytes();
    if let Some(comment) = s.strip_prefix("<!--") {
        let len = comment.find("-->").map_or(s.len(), |p| p + 7);
        return (len, Tag::Other);
    }
    let (end_tag, name_start) = match bytes.get(1) {
        Some(b'/') => (true, 2),
        Some(b) if b.is_ascii_alphabetic() => (false, 1),
        Some(b'!' | b'?') => return (s.find('>').map_or(s.len(), |p| p + 1), Tag::Other),
        _ => return (1, Tag::Other),
    };
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
        .count();
    let name = s[name_start..name_start + name_len].to_ascii_lowercase();
    let len = tag_end(bytes, name_start + name_len);
    let closed = len >= 2 && bytes[len - 2] == b'/';
    match end_tag {
        true => (len, Tag::End { name }),
        false => (len, Tag::Start { name, closed }),
    }
}

/// The index just past the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Where the raw text of `<name …>` (whose tag is `tag_len` long) ends: at its end tag.
fn raw_text_end(s: &str, tag_len: usize, name: &str) -> usize {
    let close = format!("</{name}");
    let body = &s.as_bytes()[tag_len..];
    body.windows(close.len())
        .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
        .map_or(s.len(), |p| tag_len + p)
}

/// Below `max` levels (and below a table's rows), replaces each element's children with the text nodes, images and line
/// breaks of its whole subtree (in document order). Walks without recursion. True if any
/// element was flattened.
pub(super) fn flatten_dom(root: &Handle, max: usize) -> bool {
    let mut flattened = false;
    let mut stack = vec![(root.clone(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        let table_part = node
            .element_name()
            .is_some_and(|n| TABLE_PARTS.contains(&n.as_str()));
        if depth >= max && !table_part && node.children.borrow().iter().any(has_children) {
            let leaves = leaves(&node);
            for leaf in &leaves {
                leaf.parent.set(Some(Rc::downgrade(&node)));
            }
            *node.children.borrow_mut() = leaves;
            flattened = true;
            continue;
        }
        let children = node.children.borrow();
        stack.extend(children.iter().map(|c| (c.clone(), depth + 1)));
    }
    flattened
}

fn has_children(node: &Handle) -> bool {
    !node.children.borrow().is_empty()
}

/// The subtree's text nodes and childless elements, in document order (a table's parts
/// aside: html2text cannot render a cell outside its table).
fn leaves(node: &Handle) -> Vec<Handle> {
    let mut out = Vec::new();
    let mut stack: Vec<Handle> = node.children.borrow().iter().rev().cloned().collect();
    while let Some(n) = stack.pop() {
        let children = n.children.borrow();
        if children.is_empty() {
            let name = n.element_name();
            if name.is_none_or(|n| !TABLE_PARTS.contains(&n.as_str()) && n != "td" && n != "th") {
                out.push(n.clone());
            }
        } else {
            stack.extend(children.iter().rev().cloned());
        }
    }
    out
}

/// `text` wrapped at word boundaries to `width` columns (a word wider than that stands alone;
/// the final pass hard-wraps it).
pub(super) fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Kilobytes, rounded up (for the notes).
pub(super) fn kilobytes(bytes: usize) -> usize {
    bytes.div_ceil(1024)
}

#[cfg(test)]
#[path = "limits_tests.rs"]
mod tests;
