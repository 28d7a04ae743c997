//! Article text: an item's lead + body (HTML or plain text) → wrapped plain text at a width,
//! plus numbered links. Pure: no IO, no terminal, no store. Parses once in [`ArticleText::new`];
//! [`ArticleText::render`] only lays out (cheap enough to call on every resize).

mod autolink;
mod decorator;
mod dom;
mod lead;
mod limits;
mod prepare;
pub mod teaser;
mod textfix;
mod wrap;

use std::cell::RefCell;
use std::rc::Rc;

use html2text::RenderTree;
use html2text::config::ImageRenderMode;
use url::Url;

use decorator::{Decorator, LinkBook};
pub use limits::MAX_BODY_BYTES;

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
    /// The note above an article whose markup nests too deeply (deeper parts are plain text).
    pub too_deep: &'a str,
    /// The note above a cut article; `{shown}` and `{total}` stand for kilobytes.
    pub cut: &'a str,
}

pub const UK_TOO_DEEP: &str =
    "[Розмітку статті вкладено надто глибоко: глибші рівні показано як простий текст.]";
pub const EN_TOO_DEEP: &str =
    "[The article's markup nests too deeply: the deeper levels are shown as plain text.]";
pub const UK_CUT: &str =
    "[Статтю скорочено: показано перші {shown} КБ з {total} КБ. Повністю вона є в браузері.]";
pub const EN_CUT: &str =
    "[The article is cut: the first {shown} KB of {total} KB are shown. The browser has it all.]";

impl Labels<'static> {
    pub const UKRAINIAN: Labels<'static> = Labels {
        image: "зображення",
        links_heading: "Посилання:",
        too_deep: UK_TOO_DEEP,
        cut: UK_CUT,
    };
    pub const ENGLISH: Labels<'static> = Labels {
        image: "image",
        links_heading: "Links:",
        too_deep: EN_TOO_DEEP,
        cut: EN_CUT,
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
    notes: Notes,
    /// Each link's text (an image's alt) by URL.
    names: std::collections::HashMap<String, String>,
}

/// What [`limits`] did to the input, said above the text.
#[derive(Debug, Clone, Copy, Default)]
struct Notes {
    too_deep: bool,
    /// Bytes shown and bytes in all, when the body was cut.
    cut: Option<(usize, usize)>,
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
        let mut notes = Notes::default();
        let mut cut = |text: &str| -> String {
            let (head, was_cut) = limits::cut_body(text, MAX_BODY_BYTES);
            if was_cut {
                let (shown, total) = notes.cut.unwrap_or_default();
                notes.cut = Some((shown + head.len(), total + text.len()));
            }
            head.to_string()
        };
        let body = body.filter(|b| !b.trim().is_empty()).map(&mut cut);
        let lead = lead
            .filter(|l| !l.trim().is_empty())
            .filter(|l| {
                body.as_deref()
                    .is_none_or(|b| !lead::body_starts_with(b, l))
            })
            .map(&mut cut);
        let mut html = String::new();
        if let Some(lead) = lead {
            html.push_str("<div>");
            html.push_str(&prepare::to_html(&lead));
            html.push_str("</div>");
        }
        if let Some(body) = body {
            html.push_str(&prepare::to_html(&body));
        }
        let (html, capped) = limits::cap_tags(&html, limits::MAX_TAG_DEPTH);
        let (tree, names, flattened) = if html.is_empty() {
            (None, Default::default(), false)
        } else {
            match dom::build_tree(&html, base.as_ref()) {
                Ok(built) => (Some(built.tree), built.names, built.flattened),
                Err(_) => (None, Default::default(), false),
            }
        };
        notes.too_deep = capped || flattened;
        ArticleText { tree, names, notes }
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
        let mut lines = self.note_lines(width, labels);
        lines.extend(wrap::finish(&text, width));
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

    /// The notes about what was cut or flattened, wrapped, then a blank line; none if nothing was.
    fn note_lines(&self, width: usize, labels: &Labels) -> Vec<String> {
        let mut text = String::new();
        if let Some((shown, total)) = self.notes.cut {
            text.push_str(
                &labels
                    .cut
                    .replace("{shown}", &limits::kilobytes(shown).to_string())
                    .replace("{total}", &limits::kilobytes(total).to_string()),
            );
        }
        if self.notes.too_deep {
            text.push(' ');
            text.push_str(labels.too_deep);
        }
        if text.trim().is_empty() {
            return Vec::new();
        }
        let mut lines = wrap::finish(&limits::wrap_words(&text, width).join("\n"), width);
        lines.push(String::new());
        lines
    }
}

#[cfg(test)]
mod tests;
