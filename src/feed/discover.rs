//! Feed discovery in an HTML page: the hrefs of `<link rel="alternate" type="…rss/atom/feed+json">`
//! resolved against the page URL (or its `<base href>`). A tolerant scan of `<link>`/`<base>`
//! tags (found by `xmlscan::html_tags`); no HTML parser, no fetching (the caller fetches and
//! falls back).

use super::xmlscan::html_tags;

const FEED_TYPES: [&str; 4] = [
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json+feed",
];

/// Feed URLs announced by `html`, absolute, in page order, without duplicates.
pub fn feed_links(html: &str, page_url: &str) -> Vec<String> {
    let page = url::Url::parse(page_url).ok();
    let mut base = page.clone();
    let mut found: Vec<String> = Vec::new();
    for (name, attrs) in html_tags(html, &["link", "base"]) {
        if name.eq_ignore_ascii_case("base") {
            if let Some(href) = attr(attrs, "href") {
                base = join(page.as_ref(), &href)
                    .and_then(|u| url::Url::parse(&u).ok())
                    .or(base);
            }
            continue;
        }
        if !name.eq_ignore_ascii_case("link") || !is_feed_link(attrs) {
            continue;
        }
        if let Some(u) = attr(attrs, "href").and_then(|h| join(base.as_ref(), &h))
            && !found.contains(&u)
        {
            found.push(u);
        }
    }
    found
}

fn is_feed_link(attrs: &str) -> bool {
    let rel_ok = attr(attrs, "rel").is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case("alternate"))
    });
    let type_ok = attr(attrs, "type").is_some_and(|t| {
        let t = t
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        FEED_TYPES.contains(&t.as_str())
    });
    rel_ok && type_ok
}

/// `href` resolved against `base`; only http(s) results are kept.
fn join(base: Option<&url::Url>, href: &str) -> Option<String> {
    let href = href.trim();
    let joined = match base {
        Some(b) => b.join(href).ok()?,
        None => url::Url::parse(href).ok()?,
    };
    matches!(joined.scheme(), "http" | "https").then(|| joined.to_string())
}

/// The value of attribute `name` (case-insensitive; double, single or no quotes), with
/// `&amp;` decoded.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let key_len = rest
            .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_len];
        rest = rest[key_len..].trim_start();
        let value = match rest.strip_prefix('=') {
            Some(v) => {
                let (value, after) = split_value(v.trim_start());
                rest = after;
                value
            }
            None if key.is_empty() => return None,
            None => "",
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value.replace("&amp;", "&"));
        }
    }
    None
}

/// A quoted or bare attribute value, and what follows it.
fn split_value(s: &str) -> (&str, &str) {
    match s.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let end = s[1..].find(q).map_or(s.len(), |i| i + 1);
            (&s[1..end], s.get(end + 1..).unwrap_or_default())
        }
        _ => {
            let end = s
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(s.len());
            (&s[..end], &s[end..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_alternate_links_in_any_attribute_order_and_quoting() {
        let html = r#"<html><head>
            <LINK type='application/rss+xml' title="RSS" REL=alternate href=/news.xml>
            <link rel="stylesheet" type="text/css" href="/s.css">
            <link href="https://monitor.cn.ua/atom.xml" rel="alternate feed" type="application/atom+xml; charset=utf-8"/>
            <link rel="alternate" type="application/feed+json" href="feed.json?a=1&amp;b=2">
            <link rel="alternate" type="application/rss+xml" href="/news.xml">
            <link rel="alternate" type="text/html" href="/en">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
        </head></html>"#;
        assert_eq!(
            feed_links(html, "http://monitor.cn.ua/ua/"),
            vec![
                "http://monitor.cn.ua/news.xml",
                "https://monitor.cn.ua/atom.xml",
                "http://monitor.cn.ua/ua/feed.json?a=1&b=2",
            ]
        );
    }

    #[test]
    fn base_href_and_no_links() {
        let html = r#"<base href="http://cdn.example/x/"><link rel=alternate type=application/rss+xml href=rss>"#;
        assert_eq!(
            feed_links(html, "http://site.example/"),
            vec!["http://cdn.example/x/rss"]
        );
        assert!(feed_links("<html><linkage></html>", "http://a/").is_empty());
    }
}
