//! Which of an item's (or a feed's) links is the article: `rel="alternate"` (or none) with an
//! http(s) URL first, preferring an HTML type; then `related`/`via`; never `self`, `license`,
//! `replies`, `enclosure`, comments, comment feeds or another scheme (`gemini://`). Relative
//! links resolve against the base feed-rs already applied (`xml:base`), then the feed URL.
//! Also: a permalink `<guid>` as the link. Pure; no parsing.

use feed_rs::model::{Link, LinkTarget};
use url::Url;

use crate::text::sanitize::clean_line;

/// The article link among `links`, resolved against `base`; only http(s).
pub fn pick(links: &[Link], base: Option<&Url>) -> Option<String> {
    let mut best: Option<(u8, String)> = None;
    for link in links {
        let Some(rank) = rank(link).filter(|r| best.as_ref().is_none_or(|(b, _)| r < b)) else {
            continue;
        };
        if let Some(url) = http_url(&link.href, base) {
            best = Some((rank, url));
        }
    }
    best.map(|(_, url)| url)
}

/// How good an article link `link` is (0 best), or `None` when it is none at all.
fn rank(link: &Link) -> Option<u8> {
    if matches!(
        link.target,
        Some(LinkTarget::Comments | LinkTarget::CommentsFeed)
    ) {
        return None;
    }
    let html = link
        .media_type
        .as_deref()
        .is_none_or(|t| t.contains("html") || t.trim().is_empty());
    match link.rel.as_deref().map(str::trim) {
        None | Some("" | "alternate") if html => Some(0),
        None | Some("" | "alternate") => Some(1),
        Some("related" | "via" | "bookmark") => Some(2),
        _ => None,
    }
}

/// `guid` as a link: it is a permalink unless `isPermaLink="false"`, and must be an absolute
/// http(s) URL.
pub fn from_guid(guid: &str, permalink: Option<bool>) -> Option<String> {
    if permalink == Some(false) {
        return None;
    }
    http_url(guid, None)
}

/// `href` cleaned and resolved against `base`, if the result is http(s).
pub fn http_url(href: &str, base: Option<&Url>) -> Option<String> {
    let href = clean_line(href);
    if href.is_empty() {
        return None;
    }
    // An absolute plain link is what `url` would write back (an absolute link ignores `base`).
    if crate::text::link::is_plain_url(&href) {
        return Some(href);
    }
    let resolved = match base {
        Some(b) => b.join(&href).ok()?,
        None => Url::parse(&href).ok()?,
    };
    matches!(resolved.scheme(), "http" | "https").then(|| resolved.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(href: &str, rel: Option<&str>, ty: Option<&str>) -> Link {
        Link {
            href: href.to_string(),
            target: None,
            rel: rel.map(str::to_string),
            media_type: ty.map(str::to_string),
            href_lang: None,
            title: None,
            length: None,
        }
    }

    #[test]
    fn alternate_http_html_first_and_never_the_others() {
        let base = Url::parse("http://x.ua/feed.xml").ok();
        let links = [
            link("http://x.ua/license", Some("license"), None),
            link("http://x.ua/feed.xml", Some("self"), None),
            link("http://x.ua/1/comments", Some("replies"), None),
            link("gemini://x.ua/1", Some("alternate"), None),
            link(
                "http://x.ua/1.pdf",
                Some("alternate"),
                Some("application/pdf"),
            ),
            link("/1", Some("alternate"), Some("text/html")),
            link("http://x.ua/a.mp3", Some("enclosure"), None),
        ];
        assert_eq!(
            pick(&links, base.as_ref()).as_deref(),
            Some("http://x.ua/1")
        );
        assert_eq!(
            pick(&links[..5], base.as_ref()).as_deref(),
            Some("http://x.ua/1.pdf")
        );
        assert_eq!(pick(&links[..4], base.as_ref()), None);
        let mut comments = link("http://x.ua/c", None, None);
        comments.target = Some(LinkTarget::CommentsFeed);
        let related = link("http://x.ua/r", Some("related"), None);
        assert_eq!(
            pick(&[comments, related], None).as_deref(),
            Some("http://x.ua/r")
        );
    }

    #[test]
    fn permalink_guids() {
        assert_eq!(
            from_guid(" http://x.ua/p?id=1 ", None).as_deref(),
            Some("http://x.ua/p?id=1")
        );
        assert_eq!(from_guid("http://x.ua/p", Some(false)), None);
        assert_eq!(from_guid("tag:x.ua,2004:1", Some(true)), None);
        assert_eq!(from_guid("abc123", None), None);
    }
}
