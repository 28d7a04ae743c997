//! The parsed page made ready for choosing: document order, which subtrees are boilerplate
//! (dropped), and per-element text statistics, all computed in a few linear passes without
//! recursion. Shared by the general extractor, the site rules and the output writer.

use super::dom::{Dom, NodeId, ROOT};
use super::signals::{self, Verdict};

/// Text (in non-space characters) below which a `DropIfSmall` element goes.
const SMALL: u32 = 160;
/// A boilerplate-looking element holding this share of the page's text is kept (it wraps all).
const WRAPS_PAGE: f32 = 0.5;

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stats {
    /// Visible text, in non-space characters.
    pub text: u32,
    /// The part of `text` inside links.
    pub links: u32,
    pub commas: u32,
    /// Text not inside any block-level descendant (what makes an element a paragraph).
    pub inline: u32,
    pub inline_commas: u32,
    pub images: u32,
}

impl Stats {
    pub fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.links as f32 / self.text as f32
        }
    }
}

pub(super) struct Prepared {
    pub dom: Dom,
    /// Document order from the root; `pre[id]` is a node's index in it, `last[id]` the index
    /// of its last descendant (detached nodes keep `u32::MAX`).
    pub order: Vec<NodeId>,
    pub pre: Vec<u32>,
    pub last: Vec<u32>,
    pub dropped: Vec<bool>,
    pub verdicts: Vec<Verdict>,
    pub stats: Vec<Stats>,
    pub body: NodeId,
}

impl Prepared {
    pub fn new(dom: Dom) -> Prepared {
        let order = dom.descendants(ROOT);
        let n = dom.nodes.len();
        let mut pre = vec![u32::MAX; n];
        for (i, &id) in order.iter().enumerate() {
            pre[id] = i as u32;
        }
        let mut last = pre.clone();
        for &id in order.iter().rev() {
            if let Some(&child) = dom.children(id).last() {
                last[id] = last[child];
            }
        }
        let body = dom.find("body").unwrap_or(ROOT);
        let mut p = Prepared {
            dom,
            order,
            pre,
            last,
            dropped: vec![false; n],
            verdicts: vec![Verdict::Neutral; n],
            stats: vec![Stats::default(); n],
            body,
        };
        p.mark_boilerplate();
        p.count();
        if p.drop_small() {
            p.stats.iter_mut().for_each(|s| *s = Stats::default());
            p.count();
        }
        p
    }

    /// True when `inner` is `outer` or inside it.
    pub fn contains(&self, outer: NodeId, inner: NodeId) -> bool {
        self.pre[outer] <= self.pre[inner] && self.pre[inner] <= self.last[outer]
    }

    pub fn is_dropped(&self, id: NodeId) -> bool {
        self.dropped.get(id).copied().unwrap_or(true)
    }

    /// Drops `id` and everything inside it.
    pub fn drop_subtree(&mut self, id: NodeId) {
        let (from, to) = (self.pre[id], self.last[id]);
        if from == u32::MAX {
            return;
        }
        for i in from..=to {
            self.dropped[self.order[i as usize]] = true;
        }
    }

    /// Boilerplate subtrees, top-down; one that wraps the story (an `<article>`/`<main>`
    /// inside, or most of the page's text) stays.
    fn mark_boilerplate(&mut self) {
        let (raw, key) = self.raw_text();
        let page = raw[self.body].max(1) as f32;
        for i in 0..self.order.len() {
            let id = self.order[i];
            if self.dom.parent(id).is_some_and(|p| self.dropped[p]) {
                self.dropped[id] = true;
                continue;
            }
            let v = signals::verdict(&self.dom, id);
            self.verdicts[id] = v;
            let wraps = key[id] || raw[id] as f32 >= WRAPS_PAGE * page;
            self.dropped[id] = v == Verdict::Invisible || (v == Verdict::Drop && !wraps);
        }
    }

    /// Text length per node ignoring drops, and whether a node holds a story container.
    fn raw_text(&self) -> (Vec<u32>, Vec<bool>) {
        let n = self.dom.nodes.len();
        let (mut raw, mut key) = (vec![0u32; n], vec![false; n]);
        for &id in self.order.iter().rev() {
            if let Some(t) = self.dom.text_of(id) {
                raw[id] = visible_len(t);
            }
            key[id] |= self.dom.is(id, &["article", "main"])
                || self.dom.attr(id, "itemprop") == Some("articleBody");
            if let Some(p) = self.dom.parent(id) {
                raw[p] += raw[id];
                key[p] |= key[id];
            }
        }
        (raw, key)
    }

    /// Bottom-up statistics over what is not dropped.
    fn count(&mut self) {
        for i in (0..self.order.len()).rev() {
            let id = self.order[i];
            if self.dropped[id] {
                continue;
            }
            let mut s = self.stats[id];
            if let Some(t) = self.dom.text_of(id) {
                s.text = visible_len(t);
                s.commas = commas(t);
                s.inline = s.text;
                s.inline_commas = s.commas;
            }
            match self.dom.name(id) {
                Some("a") => s.links = s.text,
                Some("img" | "amp-img" | "picture") => s.images += 1,
                _ => {}
            }
            self.stats[id] = s;
            let Some(parent) = self.dom.parent(id) else {
                continue;
            };
            let block = signals::is_block(&self.dom, id);
            let p = &mut self.stats[parent];
            p.text += s.text;
            p.links += s.links;
            p.commas += s.commas;
            p.images += s.images;
            if !block {
                p.inline += s.text;
                p.inline_commas += s.commas;
            }
        }
    }

    /// `DropIfSmall` elements with little text (bylines, dates, tag lists) go; true if any did.
    fn drop_small(&mut self) -> bool {
        let mut any = false;
        for i in 0..self.order.len() {
            let id = self.order[i];
            if self.dropped[id] || self.verdicts[id] != Verdict::DropIfSmall {
                continue;
            }
            let s = self.stats[id];
            if s.text < SMALL || s.link_density() > 0.5 {
                self.drop_subtree(id);
                any = true;
            }
        }
        any
    }
}

/// Characters that are not whitespace.
pub(super) fn visible_len(s: &str) -> u32 {
    s.chars().filter(|c| !c.is_whitespace()).count() as u32
}

fn commas(s: &str) -> u32 {
    s.chars().filter(|c| matches!(c, ',' | '،' | '，')).count() as u32
}

#[cfg(test)]
mod tests {
    use super::super::dom::parse;
    use super::*;

    #[test]
    fn boilerplate_is_dropped_unless_it_wraps_the_page() {
        let html = "<div class='nav-open'><div class='share'>Share this</div>\
                    <p>One, two, three words of story text here.</p>\
                    <p class='byline'>By Someone</p></div>";
        let p = Prepared::new(parse(html, 1000));
        let text: u32 = p.stats[p.body].text;
        assert_eq!(
            text,
            visible_len("One, two, three words of story text here.")
        );
        assert_eq!(p.stats[p.body].commas, 2);
    }

    #[test]
    fn inline_text_and_links() {
        let html = "<div>lead <a href=x>link</a><p>para</p></div>";
        let p = Prepared::new(parse(html, 1000));
        let div = p.dom.find("div").unwrap();
        assert_eq!(p.stats[div].inline, 8);
        assert_eq!(p.stats[div].text, 12);
        assert_eq!(p.stats[div].links, 4);
        assert!(p.contains(p.body, div) && !p.contains(div, p.body));
    }
}
