//! What an element's tag, class, id, role and attributes say about it: boilerplate to drop,
//! markup never shown, content-ish containers. Word lists only; no tree walking here.

use super::dom::{Dom, NodeId};

/// Never shown, whatever they hold.
#[rustfmt::skip]
const INVISIBLE: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "video", "audio", "map", "button", "input", "select", "textarea", "head", "link",
    "meta", "title", "dialog", "amp-ad", "amp-embed", "amp-social-share", "amp-analytics",
    "amp-sidebar", "amp-iframe", "amp-consent", "amp-user-notification", "amp-list",
];

/// Page furniture: dropped unless it wraps the page's main text (ASP.NET wraps pages in a form).
const FURNITURE: &[&str] = &["nav", "aside", "footer", "header", "form", "menu", "label"];

/// Class/id words of things that are never the story (menus, shares, comments, ads…).
#[rustfmt::skip]
const BOILERPLATE: &[&str] = &[
    "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit",
    "adsbygoogle", "banner", "breadcrumb", "breadcrumbs", "comment", "comments", "commentlist",
    "community", "consent", "cookie", "cookies", "disqus", "gdpr", "footer", "masthead", "menu",
    "modal", "nav", "navbar", "navigation", "newsletter", "outbrain", "pagination", "pager",
    "popup", "promo", "recirc", "recirculation", "related", "relatedposts", "remark", "replies",
    "reply", "respond", "rss", "share", "sharing", "sharedaddy", "shares", "sharebar", "social",
    "sponsor", "sponsored", "subscribe", "subscription", "signup", "taboola", "tagcloud",
    "toolbar", "widget", "widgets", "sidebar", "trending", "popular", "mostread", "recommended",
    "recommendations", "readmore", "login", "sronly", "sr", "visually", "hidden", "print", "jump",
    "skip", "paywall", "donate", "teaser", "teasers", "more", "also", "follow", "subscribers",
    "partner", "partners", "embed", "pinned",
];

/// Class/id words of small bits around a story: dropped when they hold little text.
#[rustfmt::skip]
const ASIDE: &[&str] = &[
    "byline", "author", "authors", "bio", "meta", "date", "time", "timestamp", "dateline", "tags",
    "tag", "category", "categories", "kicker", "eyebrow", "credits", "rating", "views", "counter",
    "stats",
];

/// Class/id words of story containers.
#[rustfmt::skip]
const CONTENT: &[&str] = &[
    "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text", "prose",
    "richtext", "hentry", "blog", "news", "materia", "stattya", "statia",
];

/// Roles of landmarks that are never the story.
#[rustfmt::skip]
const NEVER_ROLES: &[&str] = &[
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "alert", "note",
];

/// The lowercase words of the element's class and id (`articleBody` → `article`, `body`;
/// `share-bar_top` → `share`, `bar`, `top`).
pub(super) fn words(dom: &Dom, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["class", "id"] {
        let Some(value) = dom.attr(id, attr) else {
            continue;
        };
        let mut word = String::new();
        let mut prev_lower = false;
        for c in value.chars() {
            let boundary = !c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower);
            if boundary && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

/// What the markup says about an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    /// Never shown: drop with everything inside.
    Invisible,
    /// Boilerplate: drop with everything inside, unless it wraps the story.
    Drop,
    /// Drop if it holds little text.
    DropIfSmall,
    /// A container that names itself as content.
    Content,
    Neutral,
}

pub(super) fn verdict(dom: &Dom, id: NodeId) -> Verdict {
    let Some(name) = dom.name(id) else {
        return Verdict::Neutral;
    };
    if INVISIBLE.contains(&name) || is_hidden(dom, id) {
        return Verdict::Invisible;
    }
    let role = dom.attr(id, "role").map(|r| r.trim().to_ascii_lowercase());
    if FURNITURE.contains(&name) || role.is_some_and(|r| NEVER_ROLES.contains(&r.as_str())) {
        return Verdict::Drop;
    }
    if matches!(name, "html" | "body" | "article" | "main") {
        return Verdict::Content;
    }
    let words = words(dom, id);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    // Glued words of old CMSs: `createdate`, `newsdate`, `postauthor`.
    let glued = words
        .iter()
        .any(|w| w.len() > 6 && (w.ends_with("date") || w.ends_with("author")));
    let content = has(CONTENT) || dom.attr(id, "itemprop") == Some("articleBody");
    if has(BOILERPLATE) && !content {
        Verdict::Drop
    } else if has(BOILERPLATE) || has(ASIDE) || glued {
        Verdict::DropIfSmall
    } else if content {
        Verdict::Content
    } else {
        Verdict::Neutral
    }
}

/// `hidden`, `aria-hidden="true"`, or an inline style that hides it.
fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some() || dom.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    dom.attr(id, "style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Block-level elements: text directly beside them is not one paragraph with them.
#[rustfmt::skip]
pub(super) const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "body", "html", "caption", "summary",
];

pub(super) fn is_block(dom: &Dom, id: NodeId) -> bool {
    dom.name(id).is_some_and(|n| BLOCKS.contains(&n))
}

#[cfg(test)]
mod tests {
    use super::super::dom::parse;
    use super::*;

    fn first_div(html: &str) -> (Dom, NodeId) {
        let dom = parse(html, 1000);
        let id = dom.find("div").unwrap();
        (dom, id)
    }

    #[test]
    fn words_split_on_case_and_punctuation() {
        let (dom, id) = first_div("<div class='articleBody share-bar_top' id='postX1'></div>");
        assert_eq!(
            words(&dom, id),
            ["article", "body", "share", "bar", "top", "post", "x1"]
        );
    }

    #[test]
    fn verdicts() {
        let v = |html: &str| {
            let (dom, id) = first_div(html);
            verdict(&dom, id)
        };
        assert_eq!(v("<div class='social-share'>"), Verdict::Drop);
        assert_eq!(v("<div class='article-share'>"), Verdict::DropIfSmall);
        assert_eq!(v("<div class='entry-content'>"), Verdict::Content);
        assert_eq!(v("<div class='post-meta'>"), Verdict::DropIfSmall);
        assert_eq!(v("<div style='display: none'>"), Verdict::Invisible);
        assert_eq!(v("<div role='navigation'>"), Verdict::Drop);
        assert_eq!(v("<div class='wrapper'>"), Verdict::Neutral);
    }
}
