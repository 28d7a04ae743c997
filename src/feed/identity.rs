//! Item identity: the stable key of an item (guid, else normalised link, else a hash of
//! title, raw date and text). Pure and deterministic: the same input always gives the same key.

/// The key for an item: `guid` if non-empty, else [`link_key`] of `link`, else
/// [`hash_key`] of its title, raw date and text (lead and body).
pub fn item_key(
    guid: Option<&str>,
    link: Option<&str>,
    title: &str,
    raw_date: &str,
    text: &[&str],
) -> String {
    if let Some(guid) = guid.map(str::trim).filter(|g| !g.is_empty()) {
        return guid.to_string();
    }
    if let Some(key) = link.and_then(link_key) {
        return key;
    }
    hash_key(title, raw_date, text)
}

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

/// `h:` + 16 hex digits of FNV-1a-64 over `title` + `"\n"` + `raw_date`, then, when there is
/// any text, + `"\n"` + each piece of `text`, each after a `"\n"`: items that differ only in
/// their text (three untitled, undated descriptions) stay apart, and an item with no text
/// keeps the key it always had.
pub fn hash_key(title: &str, raw_date: &str, text: &[&str]) -> String {
    let mut hash = crate::hash::Fnv::default();
    hash.write(title.as_bytes());
    hash.write(b"\n");
    hash.write(raw_date.as_bytes());
    if text.iter().any(|t| !t.trim().is_empty()) {
        for piece in text {
            hash.write(b"\n");
            hash.write(piece.as_bytes());
        }
    }
    format!("h:{:016x}", hash.finish())
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

    #[test]
    fn key_priority() {
        assert_eq!(
            item_key(Some(" g1 "), Some("http://x/a"), "t", "d", &[]),
            "g1"
        );
        assert_eq!(item_key(Some(""), Some("http://x/a"), "t", "d", &[]), "x/a");
        assert_eq!(
            item_key(None, None, "t", "d", &["x"]),
            hash_key("t", "d", &["x"])
        );
    }

    #[test]
    fn fnv1a_known_values() {
        assert_eq!(
            hash_key("a", "", &["", ""]),
            format!("h:{:016x}", crate::hash::fnv1a(b"a\n"))
        );
        assert_eq!(
            hash_key("", "", &["", "<p>x</p>"]),
            format!("h:{:016x}", crate::hash::fnv1a(b"\n\n\n<p>x</p>"))
        );
        assert_ne!(hash_key("a", "b", &[]), hash_key("a", "c", &[]));
        assert_ne!(hash_key("", "", &["one"]), hash_key("", "", &["two"]));
        assert_eq!(
            hash_key("Заголовок", "12.01.2021", &[]),
            hash_key("Заголовок", "12.01.2021", &[])
        );
    }
}
