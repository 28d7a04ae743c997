//! The page's DOM for extraction: a flat arena of nodes (built by [`super::sink`]) and read-only
//! helpers: names, attributes, text, document order. Never recursive. Knows nothing about
//! scoring or output.

use html5ever::LocalName;

pub(super) use super::sink::parse;

pub(super) type NodeId = usize;

/// The document node is always the first.
pub(super) const ROOT: NodeId = 0;
/// Where everything goes once the node cap is reached: never attached, never walked.
pub(super) const SPILL: NodeId = 1;

#[derive(Debug)]
pub(super) enum Kind {
    Document,
    Element {
        name: LocalName,
        attrs: Vec<(LocalName, String)>,
    },
    Text(String),
    Other,
}

#[derive(Debug)]
pub(super) struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub kind: Kind,
}

/// The parsed page. Nodes detached by the parser stay in the arena without a parent.
#[derive(Debug)]
pub(super) struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match &self.nodes.get(id)?.kind {
            Kind::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    pub fn is(&self, id: NodeId, names: &[&str]) -> bool {
        self.name(id).is_some_and(|n| names.contains(&n))
    }

    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.nodes.get(id)?.kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| &**n == attr)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    pub fn text_of(&self, id: NodeId) -> Option<&str> {
        match &self.nodes.get(id)?.kind {
            Kind::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes.get(id).map_or(&[], |n| &n.children)
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id)?.parent
    }

    /// `root` and its descendants in document order (iterative).
    pub fn descendants(&self, root: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            out.push(id);
            stack.extend(self.children(id).iter().rev());
        }
        out
    }

    /// All text under `id`, whitespace runs collapsed to one space, trimmed.
    pub fn text(&self, id: NodeId) -> String {
        let mut raw = String::new();
        for n in self.descendants(id) {
            if let Some(t) = self.text_of(n) {
                raw.push_str(t);
            } else if self.is(n, &["br", "p", "div", "li", "td"]) {
                raw.push(' ');
            }
        }
        collapse(&raw)
    }

    /// The first element named `name` in document order.
    pub fn find(&self, name: &str) -> Option<NodeId> {
        self.descendants(ROOT)
            .into_iter()
            .find(|&n| self.name(n) == Some(name))
    }
}

/// Whitespace runs (NBSP included) become one space; the ends are trimmed.
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_elements_and_merged_text() {
        let dom = parse("<p class=x>a &amp; <b>b</b> c</p><p>d", 1000);
        let p = dom.find("p").unwrap();
        assert_eq!(dom.attr(p, "class"), Some("x"));
        assert_eq!(dom.text(p), "a & b c");
        assert_eq!(dom.text(ROOT), "a & b c d");
    }

    #[test]
    fn misnested_markup_is_repaired() {
        let dom = parse(
            "<b><p>one</b>two</p><table><tr><td>x</td></tr>y</table>",
            1000,
        );
        let text = dom.text(ROOT);
        assert!(
            text.contains("onetwo") && text.contains('y') && text.ends_with('x'),
            "{text}"
        );
    }

    #[test]
    fn node_cap_drops_the_rest() {
        let html = "<p>x</p>".repeat(1000);
        let dom = parse(&html, 100);
        assert!(dom.nodes.len() <= 100);
        assert!(dom.text(ROOT).starts_with("x x"));
    }

    #[test]
    fn templates_are_not_in_the_tree() {
        let dom = parse("<template><p>hidden</p></template><p>shown</p>", 1000);
        assert_eq!(dom.text(ROOT), "shown");
    }
}
