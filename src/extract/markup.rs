//! Small pieces of the writer's output: image addresses (lazy-loading attributes, tracking
//! pixels), URL resolution and sanitising, whitespace and escaping. No tree walking, no choices
//! about what belongs to the story.

use url::Url;

use super::dom::{NodeId, collapse};
use super::prep::Prepared;
use crate::text::sanitize::clean_line;

/// True when the HTML has text outside tags or an image.
pub(super) fn has_visible(html: &str) -> bool {
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

/// The image's real address: `src` unless it is a placeholder, else the lazy-loading ones.
pub(super) fn image_src(p: &Prepared, id: NodeId) -> Option<String> {
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
pub(super) fn tiny(p: &Prepared, id: NodeId) -> bool {
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

pub(super) fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Whitespace runs become one space, keeping one at either end if there was one.
pub(super) fn collapse_keep_edges(s: &str) -> String {
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

pub(super) fn text_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub(super) fn attr_escape(s: &str) -> String {
    text_escape(s).replace('"', "&quot;")
}
