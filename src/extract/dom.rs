//! The page's DOM for extraction: a flat arena of nodes built by html5ever through our own
//! `TreeSink`, with the node count capped, plus read-only helpers (names, attributes, text,
//! document order). Never recursive. Knows nothing about scoring or output.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, QualName, parse_document};

pub(super) type NodeId = usize;

/// The document node is always the first.
pub(super) const ROOT: NodeId = 0;
/// Where everything goes once the node cap is reached: never attached, never walked.
const SPILL: NodeId = 1;

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

/// Parses `html` (already depth-capped); at most `max_nodes` nodes are kept, later ones are
/// dropped (a page that big has long since shown its article).
pub(super) fn parse(html: &str, max_nodes: usize) -> Dom {
    let sink = Sink {
        nodes: RefCell::new(vec![node(Kind::Document), node(Kind::Other)]),
        max_nodes: max_nodes.max(2),
    };
    let mut opts = html5ever::ParseOpts::default();
    opts.tree_builder.scripting_enabled = false;
    parse_document(sink, opts).one(StrTendril::from_slice(html))
}

fn node(kind: Kind) -> Node {
    Node {
        parent: None,
        children: Vec::new(),
        kind,
    }
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

/// html5ever's view of a node: the id, plus the element name it asks about.
#[derive(Clone, Debug)]
struct Handle {
    id: NodeId,
    name: QualName,
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    max_nodes: usize,
}

impl Sink {
    fn handle(id: NodeId) -> Handle {
        Handle {
            id,
            name: QualName::new(None, html5ever::ns!(), html5ever::local_name!("")),
        }
    }

    fn push(&self, kind: Kind) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.len() >= self.max_nodes {
            return SPILL;
        }
        nodes.push(node(kind));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        if let Some(parent) = nodes[id].parent.take() {
            nodes[parent].children.retain(|&c| c != id);
        }
    }

    /// Inserts `child` into `parent` at `at` (None: at the end), merging adjacent text.
    fn insert(&self, parent: NodeId, at: Option<usize>, child: NodeOrText<Handle>) {
        if parent == SPILL {
            return;
        }
        let mut nodes = self.nodes.borrow_mut();
        let len = nodes[parent].children.len();
        let at = at.unwrap_or(len).min(len);
        match child {
            NodeOrText::AppendText(text) => {
                let before = at.checked_sub(1).map(|i| nodes[parent].children[i]);
                if let Some(Kind::Text(t)) = before.map(|b| &mut nodes[b].kind) {
                    t.push_str(&text);
                    return;
                }
                if nodes.len() >= self.max_nodes {
                    return;
                }
                let mut text_node = node(Kind::Text(text.to_string()));
                text_node.parent = Some(parent);
                nodes.push(text_node);
                let id = nodes.len() - 1;
                nodes[parent].children.insert(at, id);
            }
            NodeOrText::AppendNode(h) => {
                if h.id == SPILL || h.id == parent || h.id == ROOT {
                    return;
                }
                Self::detach(&mut nodes, h.id);
                let at = at.min(nodes[parent].children.len());
                nodes[h.id].parent = Some(parent);
                nodes[parent].children.insert(at, h.id);
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Self::handle(ROOT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Handle {
        let attrs = attrs
            .into_iter()
            .map(|a| (a.name.local, a.value.to_string()))
            .collect();
        let id = self.push(Kind::Element {
            name: name.local.clone(),
            attrs,
        });
        Handle { id, name }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Self::handle(self.push(Kind::Other))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Self::handle(self.push(Kind::Other))
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.insert(parent.id, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if self
            .nodes
            .borrow()
            .get(element.id)
            .and_then(|n| n.parent)
            .is_some()
        {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    /// Templates never show: their contents go where nothing is walked.
    fn get_template_contents(&self, _target: &Handle) -> Handle {
        Self::handle(SPILL)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let place = {
            let nodes = self.nodes.borrow();
            nodes[sibling.id].parent.and_then(|p| {
                let at = nodes[p].children.iter().position(|&c| c == sibling.id)?;
                Some((p, at))
            })
        };
        if let Some((parent, at)) = place {
            self.insert(parent, Some(at), new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Kind::Element { attrs: have, .. }) =
            nodes.get_mut(target.id).map(|n| &mut n.kind)
        {
            for a in attrs {
                if !have.iter().any(|(n, _)| *n == a.name.local) {
                    have.push((a.name.local, a.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        Self::detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        if node.id == SPILL || new_parent.id == SPILL || node.id == new_parent.id {
            return;
        }
        let mut nodes = self.nodes.borrow_mut();
        let moved = std::mem::take(&mut nodes[node.id].children);
        for &c in &moved {
            nodes[c].parent = Some(new_parent.id);
        }
        nodes[new_parent.id].children.extend(moved);
    }
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
