//! html5ever's `TreeSink` for the extraction DOM: builds the flat arena of [`super::dom`],
//! merging adjacent text, dropping templates, comments and doctypes, and sending every node past
//! the cap to a spill node that is never attached. Parsing only; no reading of the tree.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, parse_document};

use super::dom::{Dom, Kind, Node, NodeId, ROOT, SPILL};

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
