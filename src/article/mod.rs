//! Article text: an item's lead + body (HTML or plain text) → wrapped plain text at a width,
//! plus numbered links. Pure: no IO, no terminal, no store. Parses once in [`ArticleText::new`];
//! [`ArticleText::render`] only lays out (cheap enough to call on every resize).

mod autolink;
mod decorator;
mod dom;
mod lead;
mod prepare;
mod textfix;
mod wrap;

use std::cell::RefCell;
use std::rc::Rc;

use html2text::RenderTree;
use html2text::config::ImageRenderMode;
use url::Url;

use decorator::{Decorator, LinkBook};

/// What can go wrong while preparing an article (kept internal: the public API never fails,
/// an article that cannot be parsed simply renders empty).
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("HTML: {0}")]
    Html(#[from] html2text::Error),
}

/// The words the renderer puts on screen itself; the TUI localises them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels<'a> {
    /// Image marker word: `[зображення: alt]`, or `[зображення]` with no alt.
    pub image: &'a str,
    /// The line above the numbered link list.
    pub links_heading: &'a str,
}

impl Labels<'static> {
    pub const UKRAINIAN: Labels<'static> = Labels {
        image: "зображення",
        links_heading: "Посилання:",
    };
    pub const ENGLISH: Labels<'static> = Labels {
        image: "image",
        links_heading: "Links:",
    };
}

impl Default for Labels<'static> {
    fn default() -> Self {
        Labels::UKRAINIAN
    }
}

/// An article prepared once (parsed), renderable at any width.
#[derive(Debug, Clone)]
pub struct ArticleText {
    /// `None` when there is nothing to show (or the HTML could not be turned into a tree).
    tree: Option<RenderTree>,
    /// Each link's text (an image's alt) by URL.
    names: std::collections::HashMap<String, String>,
}

/// Wrapped lines (the body, then the numbered link list) and the links in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub lines: Vec<String>,
    /// Absolute URLs; `[n]` in the text refers to `links[n-1]`.
    pub links: Vec<String>,
    /// The text of each link (sanitised, one line; empty when it had none), as `links`.
    pub texts: Vec<String>,
}

impl ArticleText {
    /// `lead` is shown above `body` unless the body already starts with it. Relative links and
    /// images resolve against `base` (the item link). Input is untrusted feed text.
    pub fn new(lead: Option<&str>, body: Option<&str>, base: Option<&str>) -> ArticleText {
        let base = base.and_then(|b| Url::parse(b.trim()).ok());
        let body = body.filter(|b| !b.trim().is_empty());
        let lead = lead
            .filter(|l| !l.trim().is_empty())
            .filter(|l| body.is_none_or(|b| !lead::body_starts_with(b, l)));
        let mut html = String::new();
        if let Some(lead) = lead {
            html.push_str("<div>");
            html.push_str(&prepare::to_html(lead));
            html.push_str("</div>");
        }
        if let Some(body) = body {
            html.push_str(&prepare::to_html(body));
        }
        let (tree, names) = if html.is_empty() {
            (None, Default::default())
        } else {
            match dom::build_tree(&html, base.as_ref()) {
                Ok((tree, names)) => (Some(tree), names),
                Err(_) => (None, Default::default()),
            }
        };
        ArticleText { tree, names }
    }

    /// Wraps at `width` display columns (any width ≥ 1 works; 0 is treated as 1). No line is
    /// wider than `width` except the `[n] URL` lines of the link list after `links_heading`.
    pub fn render(&self, width: usize, labels: &Labels) -> Rendered {
        let width = width.max(1);
        let Some(tree) = &self.tree else {
            return Rendered::default();
        };
        let book = Rc::new(RefCell::new(LinkBook::default()));
        let text = html2text::config::with_decorator(Decorator::new(book.clone(), labels.image))
            .allow_width_overflow()
            .raw_mode(true)
            .empty_img_mode(ImageRenderMode::ShowAlways)
            .render_to_string(tree.clone(), width)
            .unwrap_or_default();
        let mut lines = wrap::finish(&text, width);
        let links = book.take().into_urls();
        wrap::append_links(&mut lines, &links, labels.links_heading);
        let texts = links
            .iter()
            .map(|url| self.names.get(url).cloned().unwrap_or_default())
            .collect();
        Rendered {
            lines,
            links,
            texts,
        }
    }
}

#[cfg(test)]
mod tests;
