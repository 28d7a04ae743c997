//! Writes the chosen nodes as clean story HTML: only paragraphs, headings, lists, quotes,
//! figures, tables and simple inline markup survive; layout containers dissolve (their loose
//! text becomes paragraphs); link and image URLs are resolved and sanitised; boilerplate left
//! inside the story (link lists, "read more" lines, ad labels, orphan headings) goes. Output
//! nesting is capped, so whatever renders it never recurses deeply. No scoring here.

use std::collections::HashSet;

use url::Url;

use super::blocks::Blocks;
use super::dom::{Kind, NodeId, collapse};
use super::inner::{is_inner_boilerplate, is_layout_table};
use super::markup::{
    attr_escape, collapse_keep_edges, image_src, is_web, resolve, text_escape, tiny,
};
use super::prep::Prepared;
use super::signals;
use crate::text::sanitize::{clean_line, clean_text};

mod media;

/// Deepest nesting of output elements; deeper markup is written without its tags.
const MAX_DEPTH: usize = 24;

/// Blocks kept as they are (`h1` becomes `h2`: the headline is shown apart).
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
    "figure", "figcaption", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
];
pub(super) const INLINE: &[&str] = &[
    "a", "em", "i", "strong", "b", "code", "sub", "sup", "q", "s", "del", "mark", "small",
];
/// Blocks that may hold loose text directly (elsewhere it gets a paragraph of its own).
#[rustfmt::skip]
pub(super) const TEXT_HOLDERS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "figcaption", "pre",
    "td", "th", "caption",
];
pub(super) struct Writer<'a> {
    p: &'a Prepared,
    base: Option<&'a Url>,
    title: Option<String>,
    blocks: Blocks,
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
            blocks: Blocks::default(),
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
                let title = self.title.as_deref();
                if !self.roots.contains(&id) && is_inner_boilerplate(p, id, name, title) {
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
                self.link(id);
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

    /// Text written at the top level outside any block (cannot happen, kept safe).
    fn flush_stray(&mut self) {
        self.blocks.push(std::mem::take(&mut self.cur), None);
    }

    fn end_block(&mut self, tag: &str) {
        self.blocks.push(std::mem::take(&mut self.cur), Some(tag));
    }

    fn finish(mut self) -> String {
        self.flush_stray();
        self.blocks.join()
    }
}

fn static_name(name: &str) -> &'static str {
    BLOCKS
        .iter()
        .chain(INLINE)
        .find(|t| **t == name)
        .copied()
        .unwrap_or("span")
}
