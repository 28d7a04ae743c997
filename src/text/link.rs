//! Link keys: one page's URL folded so http/https, `www.`, case of the host, a fragment or a
//! trailing `/` do not make it another page. Used for item identity, article link matching
//! and the store's link index. Pure; knows nothing about feeds or the cache.

/// A link folded so that the same page under http/https, with or without `www.`, with a
/// fragment or a trailing `/`, gives the same key: `monitor.cn.ua/ua/news/123`.
pub fn link_key(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    let key = match url::Url::parse(link) {
        Ok(u) if u.host_str().is_some() => {
            let host = u.host_str().unwrap_or_default().to_lowercase();
            let mut key = host.strip_prefix("www.").unwrap_or(&host).to_string();
            if let Some(port) = u.port() {
                key.push_str(&format!(":{port}"));
            }
            key.push_str(u.path());
            if let Some(q) = u.query() {
                key.push('?');
                key.push_str(q);
            }
            key
        }
        _ => fold_unparsed(link),
    };
    let key = key.trim_end_matches('/');
    (!key.is_empty()).then(|| key.to_string())
}

/// The same folding by hand for something `url` cannot parse.
fn fold_unparsed(link: &str) -> String {
    let no_frag = link.split('#').next().unwrap_or_default();
    let no_scheme = no_frag.split_once("://").map_or(no_frag, |(_, rest)| rest);
    let (host, path) = no_scheme.split_at(no_scheme.find('/').unwrap_or(no_scheme.len()));
    let host = host.to_lowercase();
    format!("{}{path}", host.strip_prefix("www.").unwrap_or(&host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_fold_scheme_www_case_fragment_and_slash() {
        let want = Some("x.ua/a".to_string());
        for link in [
            "http://x.ua/a",
            "https://www.x.ua/a",
            "http://x.ua/a#frag",
            "HTTP://WWW.X.UA/a/",
            " https://x.ua/a/#c ",
        ] {
            assert_eq!(link_key(link), want, "{link}");
        }
        assert_eq!(
            link_key("http://monitor.cn.ua/ua/news/123"),
            Some("monitor.cn.ua/ua/news/123".into())
        );
        assert_eq!(
            link_key("http://x.ua:8080/a?id=5"),
            Some("x.ua:8080/a?id=5".into())
        );
        assert_ne!(link_key("http://x.ua/A"), link_key("http://x.ua/a"));
        assert_eq!(link_key(""), None);
    }
}
