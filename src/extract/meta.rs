//! What a page says about its story besides the text: headline, publication date, author and
//! canonical address, from JSON-LD, `<meta>` tags, `<time>`, bylines, `<h1>` and `<title>`.
//! Reads the DOM only; every string returned is sanitised to one line.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::dom::{Dom, NodeId, ROOT, collapse};
use super::jsonld::{ld_author, ld_field};
use crate::feed::date::parse_date;
use crate::text::sanitize::clean_line;
use title::{looks_like_url, pick_title, strip_by};

mod title;

/// Largest JSON-LD block read (serde_json also caps nesting at 128).
const MAX_JSON: usize = 512 * 1024;
/// Longest headline or author taken from the page.
const MAX_LINE: usize = 400;

#[derive(Debug, Default)]
pub(super) struct Meta {
    pub title: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub author: Option<String>,
    pub canonical: Option<String>,
}

/// Everything of interest found in one walk (plus the JSON-LD parse).
#[derive(Default)]
struct Found {
    metas: Vec<(String, String)>,
    ld: Vec<Value>,
    h1: Vec<String>,
    /// `<h2>` texts, for pages without an `<h1>` (only the first few).
    h2: Vec<String>,
    doc_title: Option<String>,
    times: Vec<String>,
    bylines: Vec<(NodeId, String)>,
    canonical: Option<String>,
    /// Where a page names itself: logo alt texts, copyright lines.
    site_hints: Vec<String>,
}

/// `<meta>` names that give the publication date, in order of trust.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "date",
    "parsely-pub-date",
    "sailthru.date",
];

/// `<meta>` names that give the author.
const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
];

impl Found {
    /// The first non-empty `<meta>` value among `keys`.
    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(n, v)| n == k && !v.trim().is_empty())
                .map(|(_, v)| v.clone())
        })
    }
}

pub(super) fn read(dom: &Dom) -> Meta {
    let f = walk(dom);
    let mut sites = f.site_hints.clone();
    sites.extend(f.meta(&["og:site_name", "application-name"]));
    let ld_title = ld_field(&f.ld, &["headline", "name"]);
    let social = f.meta(&["og:title", "twitter:title"]).or(ld_title);
    let title = pick_title(&f, social.as_deref(), &sites);
    Meta {
        title: title.filter(|t| !t.is_empty()),
        published: published(&f),
        author: author(&f),
        canonical: f.canonical.clone().or_else(|| f.meta(&["og:url"])),
    }
}

fn published(f: &Found) -> Option<DateTime<Utc>> {
    ld_field(&f.ld, &["datePublished", "dateCreated"])
        .into_iter()
        .chain(f.meta(DATE_METAS))
        .chain(f.times.iter().cloned())
        .find_map(|s| parse_date(&s))
}

fn author(f: &Found) -> Option<String> {
    ld_author(&f.ld)
        .or_else(|| f.meta(AUTHOR_METAS).filter(|a| !looks_like_url(a)))
        .or_else(|| f.bylines.first().map(|(_, t)| t.clone()))
        .map(|a| line(&strip_by(&a)))
        .filter(|a| !a.is_empty())
}

fn walk(dom: &Dom) -> Found {
    let mut f = Found::default();
    for id in dom.descendants(ROOT) {
        let Some(name) = dom.name(id) else {
            continue;
        };
        visit_element(dom, id, name, &mut f);
        if let Some(t) = dom.text_of(id).filter(|t| t.contains('©') && t.len() < 600) {
            f.site_hints.push(t.to_string());
        }
        if is_byline(dom, id) && f.bylines.len() < 8 {
            let t = dom.text(id);
            if !t.is_empty() && t.chars().count() <= 100 {
                // An inner byline (the name inside "name + role") replaces its container.
                f.bylines.retain(|(outer, _)| !is_inside(dom, id, *outer));
                f.bylines.push((id, t));
            }
        }
        if name != "meta" && dom.attr(id, "itemprop") == Some("datePublished") {
            let attr = |a: &str| dom.attr(id, a).map(str::to_string);
            f.times.extend(attr("datetime").or_else(|| attr("content")));
        }
    }
    f
}

/// What one element named `name` tells by its tag.
fn visit_element(dom: &Dom, id: NodeId, name: &str, f: &mut Found) {
    let attr = |a: &str| dom.attr(id, a).map(str::to_string);
    match name {
        "meta" => {
            let key = attr("property")
                .or_else(|| attr("name"))
                .or_else(|| attr("itemprop"));
            if let (Some(k), Some(v)) = (key, attr("content")) {
                f.metas.push((k.trim().to_ascii_lowercase(), v));
            }
        }
        "script" if is_ld(dom, id) => f.ld.extend(json_ld(dom, id)),
        "h1" => f.h1.push(dom.text(id)),
        "h2" if f.h2.len() < 8 => f.h2.push(dom.text(id)),
        "title" if f.doc_title.is_none() => f.doc_title = Some(dom.text(id)),
        "time" => f.times.extend(attr("datetime")),
        "img" if dom.parent(id).is_some_and(|a| dom.is(a, &["a"])) => {
            f.site_hints.extend(attr("alt").filter(|a| a.len() < 200));
        }
        "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
            f.canonical = f.canonical.take().or(attr("href"));
        }
        _ => {}
    }
}

/// A JSON-LD script's value, when it is small enough and parses.
fn json_ld(dom: &Dom, id: NodeId) -> Option<Value> {
    let text: String = dom
        .children(id)
        .iter()
        .filter_map(|&c| dom.text_of(c))
        .collect();
    (text.len() <= MAX_JSON)
        .then(|| serde_json::from_str::<Value>(text.trim()).ok())
        .flatten()
}

fn is_ld(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

fn is_byline(dom: &Dom, id: NodeId) -> bool {
    if dom.is(id, &["meta", "body", "article", "section", "main"]) {
        return false;
    }
    dom.attr(id, "rel") == Some("author")
        || dom.attr(id, "itemprop") == Some("author")
        || super::signals::words(dom, id)
            .iter()
            .any(|w| matches!(w.as_str(), "byline" | "author" | "contributor"))
}

/// True when `inner` lies inside `outer` (a few levels are enough for bylines).
fn is_inside(dom: &Dom, inner: NodeId, outer: NodeId) -> bool {
    let mut node = dom.parent(inner);
    for _ in 0..8 {
        match node {
            Some(n) if n == outer => return true,
            Some(n) => node = dom.parent(n),
            None => return false,
        }
    }
    false
}

/// Sanitised, one line, not absurdly long.
pub(super) fn line(s: &str) -> String {
    let l = clean_line(&collapse(s));
    if l.chars().count() > MAX_LINE {
        l.chars().take(MAX_LINE).collect()
    } else {
        l
    }
}

#[cfg(test)]
mod tests {
    use super::super::dom::parse;
    use super::*;

    #[test]
    fn json_ld_wins_for_date_and_author() {
        let html = r#"<head><title>Big news | Daily</title>
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
            {"@type":"NewsArticle","headline":"Big news","datePublished":"2024-03-14T09:12:00+02:00",
            "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}]}]}</script>
            <meta name="author" content="Someone Else"></head><body><h1>Big news</h1>"#;
        let m = read(&parse(html, 10_000));
        assert_eq!(m.title.as_deref(), Some("Big news"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(
            m.published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2024-03-14T07:12:00+00:00")
        );
    }

    #[test]
    fn bylines_lose_their_prefix() {
        assert_eq!(strip_by("By Jane Doe"), "Jane Doe");
        assert_eq!(strip_by("Автор: Олена Коваль"), "Олена Коваль");
    }
}
