//! What goes from inside the chosen story as the writer walks it: empty elements, ad-slot
//! labels, the headline repeated, link lists and "read more" lines, link-heavy containers; and
//! which tables are layout. Decisions only; the writer writes.

use super::dom::{NodeId, collapse};
use super::emit::{INLINE, TEXT_HOLDERS};
use super::general::{is_teaser_list, weight};
use super::prep::Prepared;

/// Whole texts of blocks that only label an ad slot.
#[rustfmt::skip]
const AD_LABELS: &[&str] = &[
    "advertisement", "advertising", "ad", "sponsored", "реклама", "anzeige", "werbung",
    "publicité", "publicidad", "reklama", "pubblicità",
];

/// True for boilerplate left inside the chosen story: empty elements, ad labels, the headline
/// repeated, link lists, "read more" lines, link-heavy containers.
pub(super) fn is_inner_boilerplate(
    p: &Prepared,
    id: NodeId,
    name: &str,
    title: Option<&str>,
) -> bool {
    let s = p.stats[id];
    if s.text == 0 && s.images == 0 && !matches!(name, "br" | "img" | "amp-img" | "td" | "th") {
        return true;
    }
    let density = s.link_density();
    let text = || collapse(&p.dom.text(id)).to_lowercase();
    if s.text <= 20 && AD_LABELS.contains(&text().trim_matches(|c: char| !c.is_alphabetic())) {
        return true;
    }
    let is_title = || title.is_some_and(|t| text() == t);
    if s.text < 400 && !INLINE.contains(&name) && is_title() {
        return true;
    }
    match name {
        "ul" | "ol" | "dl" => density > 0.5 || (density > 0.15 && is_teaser_list(p, id)),
        "p" => density > 0.6 && s.text < 300,
        "a" | "img" | "amp-img" | "picture" | "figure" | "figcaption" => false,
        _ if INLINE.contains(&name) || TEXT_HOLDERS.contains(&name) => false,
        _ => {
            let w = weight(p, id);
            let links = density > 0.15 && is_teaser_list(p, id);
            links
                || (s.commas < 10 && (density > 0.5 || (w < 25.0 && density > 0.3 && s.text < 600)))
        }
    }
}

/// A table whose cells hold paragraphs, headings, lists, other tables or long texts.
pub(super) fn is_layout_table(p: &Prepared, table: NodeId) -> bool {
    #[rustfmt::skip]
    const BLOCKY: &[&str] = &[
        "p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote",
    ];
    p.dom
        .descendants(table)
        .into_iter()
        .skip(1)
        .any(|n| p.dom.is(n, BLOCKY) || (p.dom.is(n, &["td", "th"]) && p.stats[n].text > 400))
}
