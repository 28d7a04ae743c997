//! Writes the chosen nodes as clean story HTML: only paragraphs, headings, lists, quotes,
//! figures, tables and simple inline markup survive; layout containers dissolve (their loose
//! text becomes paragraphs); link and image URLs are resolved and sanitised; boilerplate left
//! inside the story (link lists, "read more" lines, ad labels, orphan headings) goes. Output
//! nesting is capped, so whatever renders it never recurses deeply. No scoring here.

use std::collections::HashSet;

use url::Url;

use super::dom::{Kind, NodeId, collapse};
use super::general::weight;
use super::prep::Prepared;
use super::signals;
use crate::sanitize::{clean_line, clean_text};

/// Deepest nesting of output elements; deeper markup is written without its tags.
const MAX_DEPTH: usize = 24;

/// Blocks kept as they are (`h1` becomes `h2`: the headline is shown apart).
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
];
const INLINE: &[&str] = &[
    "a", "em", "i", "strong", "b", "code", "sub", "sup", "q", "s", "del", "mark", "small",
];
/// Blocks that may hold loose text directly (elsewhere it gets a paragraph of its own).
const TEXT_HOLDERS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "figcaption",
    "pre",
    "td",
    "th",
    "caption",
];
/// Whole texts of blocks that only label an ad slot.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "реклама",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "reklama",
    "pubblicità",
];

/// One top-level output block, kept apart so that orphan headings can go at the end.
struct Block {
    html: String,
    heading: Option<u8>,
}

pub(super) struct Writer<'a> {
    p: &'a Prepared,
    base: Option<&'a Url>,
    title: Option<String>,
    blocks: Vec<Block>,
    cur: String,
    /// Output elements open, innermost last (`None`: written without its tag).
    open: Vec<Option<&'static str>>,
    /// An implicit paragraph is open for loose text.
    loose: bool,
    pre: usize,
    /// The chosen nodes themselves are never cleaned away.
    roots: Vec<NodeId>,
    /// Tables used for layout (their cells hold blocks): written as plain containers.
    layout: HashSet<NodeId>,
}

enum Step {
    Enter(NodeId),
    Leave(NodeId),
}

impl<'a> Writer<'a> {
    pub fn new(p: &'a Prepared, base: Option<&'a Url>, title: Option<&str>) -> Writer<'a> {
        Writer {
            p,
            base,
            title: title.map(|t| collapse(t).to_lowercase()),
            blocks: Vec::new(),
            cur: String::new(),
            open: Vec::new(),
            loose: false,
            pre: 0,
            roots: Vec::new(),
            layout: HashSet::new(),
        }
    }

    /// Writes `roots` in order and returns the story HTML.
    pub fn write(mut self, roots: &[NodeId]) -> String {
        self.roots = roots.to_vec();
        let mut steps: Vec<Step> = roots.iter().rev().map(|&r| Step::Enter(r)).collect();
        while let Some(step) = steps.pop() {
            match step {
                Step::Enter(id) => {
                    if self.enter(id) {
                        steps.push(Step::Leave(id));
                        steps.extend(
                            self.p
                                .dom
                                .children(id)
                                .iter()
                                .rev()
                                .map(|&c| Step::Enter(c)),
                        );
                    }
                }
                Step::Leave(id) => self.leave(id),
            }
        }
        self.end_loose();
        self.finish()
    }

    /// Opens `id`; false when it (and everything inside) is skipped.
    fn enter(&mut self, id: NodeId) -> bool {
        let p = self.p;
        if p.is_dropped(id) {
            return false;
        }
        match &p.dom.nodes[id].kind {
            Kind::Text(t) => {
                self.text(t);
                false
            }
            Kind::Element { name, .. } => {
                let name: &str = name;
                if !self.roots.contains(&id) && self.skip(id, name) {
                    return false;
                }
                if name == "table" && is_layout_table(p, id) {
                    self.layout.insert(id);
                }
                let name = if self.in_layout_table(id, name) {
                    "div"
                } else {
                    name
                };
                self.element(id, name)
            }
            _ => false,
        }
    }

    /// True for the table parts of a layout table.
    fn in_layout_table(&self, id: NodeId, name: &str) -> bool {
        if !matches!(
            name,
            "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "caption"
        ) {
            return false;
        }
        let mut node = Some(id);
        while let Some(n) = node {
            if self.p.dom.is(n, &["table"]) {
                return self.layout.contains(&n);
            }
            node = self.p.dom.parent(n);
        }
        false
    }

    fn element(&mut self, id: NodeId, name: &str) -> bool {
        match name {
            "br" => {
                if self.loose || self.in_text_holder() {
                    self.cur.push_str("<br>");
                }
                false
            }
            "img" | "amp-img" => {
                self.image(id);
                false
            }
            "a" => {
                let href = self.href(id);
                match href {
                    Some(href) if self.open.len() < MAX_DEPTH => {
                        self.inline_start();
                        self.cur
                            .push_str(&format!("<a href=\"{}\">", attr_escape(&href)));
                        self.open.push(Some("a"));
                    }
                    _ => self.open.push(None),
                }
                true
            }
            _ if INLINE.contains(&name) && self.open.len() < MAX_DEPTH => {
                self.inline_start();
                let tag = static_name(name);
                self.cur.push_str(&format!("<{tag}>"));
                self.open.push(Some(tag));
                true
            }
            _ if BLOCKS.contains(&name) && self.open.len() < MAX_DEPTH => {
                self.block_start(name);
                true
            }
            _ => {
                if signals::is_block(&self.p.dom, id) {
                    self.break_text();
                }
                self.open.push(None);
                true
            }
        }
    }

    fn leave(&mut self, id: NodeId) {
        let Some(tag) = self.open.pop() else {
            return;
        };
        match tag {
            Some(tag) => {
                if tag == "pre" {
                    self.pre = self.pre.saturating_sub(1);
                }
                self.cur.push_str(&format!("</{tag}>"));
                if BLOCKS.contains(&tag) {
                    self.cur.push('\n');
                    if self.open.iter().all(Option::is_none) {
                        self.end_block(tag);
                    }
                }
            }
            None if signals::is_block(&self.p.dom, id) => self.break_text(),
            None => {}
        }
    }

    fn block_start(&mut self, name: &str) {
        self.end_loose();
        if self.open.iter().all(Option::is_none) {
            self.flush_stray();
        }
        let tag = if name == "h1" {
            "h2"
        } else {
            static_name(name)
        };
        if tag == "pre" {
            self.pre += 1;
        }
        self.cur.push_str(&format!("<{tag}>"));
        self.open.push(Some(tag));
    }

    /// Before inline content: at the top level (or in a list or table) it needs a paragraph.
    fn inline_start(&mut self) {
        if !self.loose && !self.in_text_holder() {
            self.end_loose();
            if self.open.iter().all(Option::is_none) {
                self.flush_stray();
            }
            self.cur.push_str("<p>");
            self.loose = true;
        }
    }

    fn in_text_holder(&self) -> bool {
        self.open
            .iter()
            .rev()
            .flatten()
            .next()
            .is_some_and(|t| TEXT_HOLDERS.contains(t))
    }

    /// A layout block ended or began: loose text so far is one paragraph; inside a kept
    /// block, a line break keeps the two texts apart.
    fn break_text(&mut self) {
        if self.loose {
            self.end_loose();
        } else if self.in_text_holder() && !self.cur.ends_with("<br>") && !self.cur.is_empty() {
            self.cur.push_str("<br>");
        }
    }

    fn end_loose(&mut self) {
        if self.loose {
            self.loose = false;
            self.cur.push_str("</p>\n");
            if self.open.iter().all(Option::is_none) {
                self.end_block("p");
            }
        }
    }

    fn text(&mut self, t: &str) {
        let clean = clean_text(t);
        if self.pre > 0 {
            self.cur.push_str(&text_escape(&clean));
            return;
        }
        let collapsed = collapse_keep_edges(&clean);
        if collapsed.trim().is_empty() {
            if !self.cur.ends_with([' ', '>', '\n']) && (self.loose || self.in_text_holder()) {
                self.cur.push(' ');
            }
            return;
        }
        self.inline_start();
        self.cur.push_str(&text_escape(&collapsed));
    }

    fn image(&mut self, id: NodeId) {
        let Some(src) = image_src(self.p, id).map(|s| resolve(&s, self.base)) else {
            return;
        };
        if !is_web(&src) || tiny(self.p, id) {
            return;
        }
        let alt = clean_line(self.p.dom.attr(id, "alt").unwrap_or(""));
        self.inline_start();
        self.cur.push_str(&format!(
            "<img src=\"{}\" alt=\"{}\">",
            attr_escape(&src),
            attr_escape(&alt)
        ));
    }

    fn href(&self, id: NodeId) -> Option<String> {
        let raw = self.p.dom.attr(id, "href")?.trim();
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        let url = resolve(raw, self.base);
        (is_web(&url) || url.starts_with("mailto:")).then_some(url)
    }

    /// Boilerplate left inside the story.
    fn skip(&self, id: NodeId, name: &str) -> bool {
        let s = self.p.stats[id];
        if s.text == 0 && s.images == 0 && !matches!(name, "br" | "img" | "amp-img" | "td" | "th") {
            return true;
        }
        let density = s.link_density();
        let text = || collapse(&self.p.dom.text(id)).to_lowercase();
        if s.text <= 20 && AD_LABELS.contains(&text().trim_matches(|c: char| !c.is_alphabetic())) {
            return true;
        }
        match name {
            "h1" | "h2" | "h3" => self.title.as_deref().is_some_and(|t| text() == t),
            "ul" | "ol" | "dl" => density > 0.5,
            "p" => density > 0.6 && s.text < 300,
            "a" | "img" | "amp-img" | "picture" | "figure" | "figcaption" => false,
            _ if INLINE.contains(&name) || TEXT_HOLDERS.contains(&name) => false,
            _ => {
                let w = weight(self.p, id);
                s.commas < 10 && (density > 0.5 || (w < 25.0 && density > 0.3 && s.text < 600))
            }
        }
    }

    /// Text written at the top level outside any block (cannot happen, kept safe).
    fn flush_stray(&mut self) {
        if !self.cur.trim().is_empty() {
            let html = std::mem::take(&mut self.cur);
            self.blocks.push(Block {
                html,
                heading: None,
            });
        }
        self.cur.clear();
    }

    fn end_block(&mut self, tag: &str) {
        let html = std::mem::take(&mut self.cur);
        if !has_visible(&html) {
            return;
        }
        let heading = match tag.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
            _ => None,
        };
        self.blocks.push(Block { html, heading });
    }

    /// Joins the blocks, dropping headings with nothing of their own under them.
    fn finish(mut self) -> String {
        self.flush_stray();
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if let Some(level) = block.heading {
                let next = self.blocks.get(i + 1).map(|b| b.heading);
                let orphan = match next {
                    None => true,
                    Some(Some(next_level)) => next_level <= level,
                    Some(None) => false,
                };
                if orphan {
                    continue;
                }
            }
            out.push_str(&block.html);
        }
        out
    }
}

/// A table whose cells hold paragraphs, headings, lists, other tables or long texts.
fn is_layout_table(p: &Prepared, table: NodeId) -> bool {
    const BLOCKY: &[&str] = &[
        "p",
        "div",
        "table",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "blockquote",
    ];
    p.dom
        .descendants(table)
        .into_iter()
        .skip(1)
        .any(|n| p.dom.is(n, BLOCKY) || (p.dom.is(n, &["td", "th"]) && p.stats[n].text > 400))
}

/// True when the HTML has text outside tags or an image.
fn has_visible(html: &str) -> bool {
    if html.contains("<img ") {
        return true;
    }
    let mut in_tag = false;
    html.chars().any(|c| match c {
        '<' => {
            in_tag = true;
            false
        }
        '>' => {
            in_tag = false;
            false
        }
        c => !in_tag && !c.is_whitespace(),
    })
}

fn static_name(name: &str) -> &'static str {
    BLOCKS
        .iter()
        .chain(INLINE)
        .find(|t| **t == name)
        .copied()
        .unwrap_or("span")
}

/// The image's real address: `src` unless it is a placeholder, else the lazy-loading ones.
fn image_src(p: &Prepared, id: NodeId) -> Option<String> {
    let dom = &p.dom;
    let usable = |s: &&str| !s.trim().is_empty() && !s.trim_start().starts_with("data:");
    for attr in ["data-src", "data-lazy-src", "data-original", "src"] {
        if let Some(v) = dom.attr(id, attr).filter(usable)
            && (attr != "src" || !v.contains("placeholder"))
        {
            return Some(v.trim().to_string());
        }
    }
    for attr in ["srcset", "data-srcset"] {
        if let Some(first) = dom.attr(id, attr).and_then(|v| v.split_whitespace().next()) {
            return Some(first.trim_end_matches(',').to_string());
        }
    }
    None
}

/// A tracking pixel.
fn tiny(p: &Prepared, id: NodeId) -> bool {
    ["width", "height"].iter().any(|a| {
        p.dom
            .attr(id, a)
            .is_some_and(|v| matches!(v.trim(), "0" | "1" | "1px"))
    })
}

pub(super) fn resolve(raw: &str, base: Option<&Url>) -> String {
    let raw = clean_line(raw);
    let parsed = match base {
        Some(base) => base.join(&raw),
        None => Url::parse(&raw),
    };
    parsed.map_or(raw, |u| clean_line(u.as_str()))
}

fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Whitespace runs become one space, keeping one at either end if there was one.
fn collapse_keep_edges(s: &str) -> String {
    let inner = collapse(s);
    if inner.is_empty() {
        return if s.is_empty() {
            String::new()
        } else {
            " ".into()
        };
    }
    let lead = if s.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let tail = if s.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{inner}{tail}")
}

fn text_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn attr_escape(s: &str) -> String {
    text_escape(s).replace('"', "&quot;")
}
