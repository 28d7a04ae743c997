//! The writer's top-level output blocks, kept apart until the end so that headings with nothing
//! of their own under them (left over when a related list or a newsletter box went) can go.
//! Strings only; no tree.

use super::markup::has_visible;

/// One top-level block of story HTML; `heading` is its level for `<h1>`–`<h6>`.
struct Block {
    html: String,
    heading: Option<u8>,
}

#[derive(Default)]
pub(super) struct Blocks {
    blocks: Vec<Block>,
}

impl Blocks {
    /// Keeps `html` (a finished block whose outer tag is `tag`) if it shows anything.
    pub fn push(&mut self, html: String, tag: Option<&str>) {
        if !has_visible(&html) {
            return;
        }
        let heading = match tag.map(str::as_bytes) {
            Some([b'h', d @ b'1'..=b'6']) => Some(d - b'0'),
            _ => None,
        };
        self.blocks.push(Block { html, heading });
    }

    /// The blocks in order, without orphan headings: a heading stays only when the next block
    /// that stays is text or a deeper heading.
    pub fn join(self) -> String {
        let mut keep = vec![false; self.blocks.len()];
        // What the next kept block is: `Some(None)` text, `Some(Some(level))` a heading.
        let mut next: Option<Option<u8>> = None;
        for (i, block) in self.blocks.iter().enumerate().rev() {
            keep[i] = match (block.heading, next) {
                (None, _) => true,
                (Some(_), Some(None)) => true,
                (Some(level), Some(Some(below))) => below > level,
                (Some(_), None) => false,
            };
            if keep[i] {
                next = Some(block.heading);
            }
        }
        let kept = self.blocks.iter().zip(keep).filter(|(_, k)| *k);
        kept.map(|(b, _)| b.html.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orphan_headings_go() {
        let mut b = Blocks::default();
        b.push("<h2>Kept</h2>".into(), Some("h2"));
        b.push("<p>text</p>".into(), Some("p"));
        b.push("<h2>Related</h2>".into(), Some("h2"));
        b.push("<h2>Next</h2>".into(), Some("h2"));
        b.push("<h3>Sub</h3>".into(), Some("h3"));
        b.push("<p> </p>".into(), Some("p"));
        assert_eq!(b.join(), "<h2>Kept</h2><p>text</p>");
    }
}
