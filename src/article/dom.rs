//! The parsed DOM, cleaned before it becomes html2text's render tree: drops script-like
//! elements, resolves and sanitises link/image URLs, and shortens links whose text is their URL
//! to just their `[n]` mark. Works on html2text's own `RcDom`; no rendering here.

use std::collections::HashMap;
use std::rc::Rc;

use html2text::{Element, Handle};
use url::Url;

use super::ArticleError;
use super::textfix::{fix_text, fix_text_nodes, has_visible_text, text_of};
use crate::text::link_key;
use crate::text::sanitize::clean_line;

/// Appended to the input so that the DOM holds a text node with only a WORD JOINER (removed
/// after rendering). That one node becomes the sole child of every link whose text is its URL:
/// html2text drops links with no text, and its DOM API cannot create a text node.
const MARK_ID: &str = "chmon-article-mark";
pub(super) const WORD_JOINER: char = '\u{2060}';

/// Elements whose content must never show.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "iframe", "template", "object", "embed", "head", "title",
];

/// HTML (already repaired) → render tree, with URLs resolved against `base`.
/// Also returns each link's text (an image's alt) by its sanitised URL, for the link list.
pub(super) fn build_tree(
    html: &str,
    base: Option<&Url>,
) -> Result<(html2text::RenderTree, HashMap<String, String>), ArticleError> {
    let config = html2text::config::plain_no_decorate();
    let input = format!("{html}<span id=\"{MARK_ID}\">{WORD_JOINER}</span>");
    let dom = config.parse_html(input.as_bytes())?;
    let mark = take_mark(&dom.document);
    let url_links = clean(&dom.document, base);
    let names = link_names(&dom.document);
    fix_text_nodes(&dom.document);
    clear_blank_pre(&dom.document);
    if let Some(mark) = mark {
        for link in &url_links {
            *link.children.borrow_mut() = vec![mark.clone()];
        }
    }
    Ok((config.dom_to_render_tree(&dom)?, names))
}

/// The text of every link (all its text nodes, spaces collapsed, at most 200 characters) and
/// the alt of every image, by URL; the first one in the document wins.
fn link_names(root: &Handle) -> HashMap<String, String> {
    let mut names = HashMap::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        let (url, text) = match element_name(&node).as_deref() {
            Some("a") => (attr(&node, "href"), Some(deep_text(&node))),
            Some("img") => (attr(&node, "src"), attr(&node, "alt")),
            _ => (None, None),
        };
        if let (Some(url), Some(text)) = (url, text) {
            let text: String = clean_line(&text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let text: String = text
                .chars()
                .filter(|&c| c != WORD_JOINER)
                .take(200)
                .collect();
            if !text.is_empty() {
                names.entry(clean_line(&url)).or_insert(text);
            }
        }
        // Children in document order come off the stack first.
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    names
}

/// Every text node under `node`, in order (no recursion).
fn deep_text(node: &Handle) -> String {
    let mut text = String::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if let Some(t) = text_of(&n) {
            text.push_str(&t);
            text.push(' ');
        }
        stack.extend(n.children.borrow().iter().rev().cloned());
    }
    text
}

/// Detaches the appended mark span (the last element along the chain of last children) and
/// returns its text node; `None` if an unclosed raw-text element swallowed it.
fn take_mark(root: &Handle) -> Option<Handle> {
    let mut node = root.clone();
    loop {
        let last = node
            .children
            .borrow()
            .iter()
            .rev()
            .find(|c| c.element_name().is_some())
            .cloned()?;
        if attr(&last, "id").as_deref() == Some(MARK_ID) {
            node.children.borrow_mut().retain(|c| !Rc::ptr_eq(c, &last));
            return last.children.borrow().first().cloned();
        }
        node = last;
    }
}

/// Drops unwanted elements and resolves URLs, walking without recursion (feed HTML can nest
/// deeply). Returns the `<a>` elements whose text is their own URL.
fn clean(root: &Handle, base: Option<&Url>) -> Vec<Handle> {
    let mut url_links = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        match element_name(&node).as_deref() {
            Some("a") if fix_link(&node, base) => url_links.push(node.clone()),
            Some("img") => fix_image(&node, base),
            _ => {}
        }
        node.children
            .borrow_mut()
            .retain(|child| element_name(child).is_none_or(|n| !DROPPED.contains(&n.as_str())));
        stack.extend(node.children.borrow().iter().cloned());
    }
    url_links
}

/// Empties `<pre>` elements with nothing visible: inside a list at width 1, html2text gives
/// them width 0 and then loops forever writing their whitespace.
fn clear_blank_pre(root: &Handle) {
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        if node.element_name().as_deref() == Some("pre") && !has_visible_text(&node) {
            node.children.borrow_mut().clear();
        }
        let children = node.children.borrow();
        stack.extend(
            children
                .iter()
                .filter(|c| c.element_name().is_some())
                .cloned(),
        );
    }
}

fn element_name(node: &Handle) -> Option<String> {
    node.element_name()
}

fn attr(node: &Handle, name: &str) -> Option<String> {
    let Element { attrs, .. } = &node.data else {
        return None;
    };
    let attrs = attrs.borrow();
    let found = attrs.iter().find(|a| &*a.name.local == name);
    found.map(|a| a.value.to_string())
}

fn set_attr(node: &Handle, name: &str, value: String) {
    if let Element { attrs, .. } = &node.data {
        let mut attrs = attrs.borrow_mut();
        if let Some(a) = attrs.iter_mut().find(|a| &*a.name.local == name) {
            a.value = value.into();
        }
    }
}

/// Resolves `href`; true when the link's text is its own URL.
fn fix_link(node: &Handle, base: Option<&Url>) -> bool {
    let Some(raw) = attr(node, "href") else {
        return false;
    };
    let resolved = resolve(&raw, base);
    let is_url = link_text(node).is_some_and(|t| same_url(&t, &raw) || same_url(&t, &resolved));
    set_attr(node, "href", resolved);
    is_url
}

/// Resolves `src` (a lazy-loading `data-src` stands in for a missing one); repairs `alt`.
fn fix_image(node: &Handle, base: Option<&Url>) {
    if let Some(alt) = attr(node, "alt").and_then(|a| fix_text(&a)) {
        set_attr(node, "alt", alt);
    }
    let src = attr(node, "src").filter(|s| !s.trim().is_empty());
    match (src, attr(node, "data-src")) {
        (Some(src), _) => set_attr(node, "src", resolve(&src, base)),
        (None, Some(lazy)) => {
            if let Element { attrs, .. } = &node.data {
                let mut attrs = attrs.borrow_mut();
                if let Some(a) = attrs.iter_mut().find(|a| &*a.name.local == "data-src") {
                    a.name.local = "src".into();
                    a.value = resolve(&lazy, base).into();
                }
            }
        }
        (None, None) => {}
    }
}

/// An absolute, sanitised URL; unparseable ones are kept (sanitised) as written.
pub(super) fn resolve(raw: &str, base: Option<&Url>) -> String {
    let raw = clean_line(raw);
    let parsed = match base {
        Some(base) => base.join(&raw),
        None => Url::parse(&raw),
    };
    parsed.map_or(raw, |u| clean_line(u.as_str()))
}

/// The text of a link made only of text nodes (`None` if it holds elements).
fn link_text(node: &Handle) -> Option<String> {
    let mut text = String::new();
    for child in node.children.borrow().iter() {
        if child.element_name().is_some() {
            return None;
        }
        text.push_str(&text_of(child).unwrap_or_default());
    }
    Some(text)
}

/// `www.x.ua/a/` and `https://x.ua/a` count as the same URL (the identity's link folding,
/// case-insensitive, with `mailto:` dropped).
fn same_url(text: &str, url: &str) -> bool {
    let bare = |s: &str| {
        let s = s.trim().to_lowercase();
        link_key(s.strip_prefix("mailto:").unwrap_or(&s))
    };
    !text.trim().contains(char::is_whitespace) && bare(text).is_some_and(|t| Some(t) == bare(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_and_keeps_odd_schemes() {
        let base = Url::parse("http://monitor.cn.ua/ua/politics/1").ok();
        let base = base.as_ref();
        assert_eq!(resolve("/i/a.jpg", base), "http://monitor.cn.ua/i/a.jpg");
        assert_eq!(resolve("2", base), "http://monitor.cn.ua/ua/politics/2");
        assert_eq!(resolve("javascript:alert(1)", base), "javascript:alert(1)");
        assert_eq!(resolve("/x", None), "/x");
        assert_eq!(resolve("https://t.me/x\u{1b}[2J", None), "https://t.me/x");
    }

    #[test]
    fn same_url_ignores_scheme_www_and_slash() {
        assert!(same_url("www.monitor.cn.ua/", "https://monitor.cn.ua"));
        assert!(same_url("mail@x.ua", "mailto:mail@x.ua"));
        assert!(!same_url("сайт", "https://x.ua"));
        assert!(!same_url("", "https://x.ua"));
    }

    #[test]
    fn link_text_reads_text_nodes() {
        let dom = html2text::config::plain_no_decorate()
            .parse_html("<a href=x>a &amp; b</a><a href=y>t<b>b</b></a>".as_bytes())
            .unwrap();
        let links = find_all(&dom.document, "a");
        assert_eq!(link_text(&links[0]).as_deref(), Some("a & b"));
        assert_eq!(link_text(&links[1]), None);
    }

    fn find_all(root: &Handle, name: &str) -> Vec<Handle> {
        let mut out = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(n) = stack.pop() {
            if n.element_name().as_deref() == Some(name) {
                out.push(n.clone());
            }
            stack.extend(n.children.borrow().iter().rev().cloned());
        }
        out
    }
}
