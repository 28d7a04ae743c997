//! The agency's own feeds: the sections chmon knows (seen in the addresses of its articles
//! and feeds) and those its home page links to (`/news_<section>.xml`, author feeds
//! `/news_author-<n>.xml`), merged, the page's first. Pure: the caller fetches the page.

/// The agency's site.
pub const SITE: &str = "https://monitor.cn.ua/";
/// The section (group) its feeds are listed under.
pub const GROUP: &str = "Чернігівський монітор";

/// Sections seen on the site: (the name in the feed's address, its name in Ukrainian).
/// Only `monitoring` was seen as a feed; the others are the sections in its article links
/// (`/ua/<section>/<id>`), whose feeds follow the same pattern (inferred).
pub const KNOWN: &[(&str, &str)] = &[
    ("monitoring", "Моніторинг"),
    ("news", "Новини"),
    ("politics", "Політика"),
    ("style", "Стиль"),
    ("anons", "Анонси"),
];

/// One of the agency's feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// `monitoring`, `author-58`.
    pub slug: String,
    pub name: String,
    pub url: String,
    /// Linked from the home page (else only known).
    pub on_site: bool,
}

/// The feed URL of a section.
pub fn feed_url(slug: &str) -> String {
    format!("{SITE}news_{slug}.xml")
}

/// The sections: the page's links first (in page order), then the known ones it lacks.
pub fn sections(home_page: Option<&str>) -> Vec<Section> {
    let mut out: Vec<Section> = home_page.map(linked).unwrap_or_default();
    for (slug, name) in KNOWN {
        if !out.iter().any(|s| s.slug == *slug) {
            out.push(Section {
                slug: (*slug).to_string(),
                name: (*name).to_string(),
                url: feed_url(slug),
                on_site: false,
            });
        }
    }
    out
}

/// Every `news_<slug>.xml` the page names (in `href`s or anywhere), once each.
fn linked(page: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find("news_") {
        let tail = &rest[at + 5..];
        let len = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(tail.len());
        let slug = &tail[..len];
        let is_feed = tail[len..].starts_with(".xml") && !slug.is_empty() && len <= 40;
        if is_feed && !out.iter().any(|s| s.slug == slug) {
            out.push(Section {
                slug: slug.to_ascii_lowercase(),
                name: name_of(slug),
                url: feed_url(&slug.to_ascii_lowercase()),
                on_site: true,
            });
        }
        rest = &tail[len..];
    }
    out
}

/// The Ukrainian name of a known section, «Автор 58» for an author feed, else the slug.
fn name_of(slug: &str) -> String {
    if let Some(n) = slug.strip_prefix("author-") {
        return format!("Автор {n}");
    }
    KNOWN
        .iter()
        .find(|(s, _)| s.eq_ignore_ascii_case(slug))
        .map_or_else(|| slug.to_string(), |(_, name)| (*name).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_links_come_first_then_the_known_ones() {
        let page = r#"<a href="/news_monitoring.xml">RSS</a> <a href='http://monitor.cn.ua/news_author-58.xml'>
            <link rel="alternate" href="https://monitor.cn.ua/news_economy.xml"> news_ and news_x.html
            <a href="/news_monitoring.xml">again</a>"#;
        let found = sections(Some(page));
        let slugs: Vec<&str> = found.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(
            slugs,
            [
                "monitoring",
                "author-58",
                "economy",
                "news",
                "politics",
                "style",
                "anons"
            ]
        );
        assert_eq!(found[1].name, "Автор 58");
        assert_eq!(found[1].url, "https://monitor.cn.ua/news_author-58.xml");
        assert!(found[2].on_site && !found[3].on_site);
        assert_eq!(sections(None).len(), KNOWN.len());
    }
}
