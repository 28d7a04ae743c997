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
    if let Some(key) = plain_key(link) {
        let key = key.trim_end_matches('/');
        return (!key.is_empty()).then(|| key.to_string());
    }
    url_key(link)
}

/// [`link_key`] by `url`'s parse, for every link [`plain_key`] does not take.
fn url_key(link: &str) -> Option<String> {
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

/// The key of a plain `http`/`https` link without parsing it (see [`plain_parts`]): the same
/// key `url` gives, borrowed; `None` when the link is not plain.
fn plain_key(link: &str) -> Option<&str> {
    let (host, path) = plain_parts(link)?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    // `www.www.` is a host `url` keeps whole after one `www.`: leave it to `url`.
    (!host.starts_with("www.")).then(|| &link[link.len() - host.len() - path.len()..])
}

/// True when `link` is an absolute `http`/`https` URL that `url` would write back exactly as
/// it is (see [`plain_parts`]; the path must be there, `url` would add the `/`).
pub fn is_plain_url(link: &str) -> bool {
    plain_parts(link).is_some_and(|(_, path)| path.starts_with('/'))
}

/// The host and the rest of an `http`/`https` link in which nothing is what `url` would
/// rewrite (percent-encoding, dot segments, IP forms, ports, user info, tabs, fragments,
/// punycode, case); `None` for any other link.
fn plain_parts(link: &str) -> Option<(&str, &str)> {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))?;
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(end);
    let labels_ok = host.split('.').all(|l| {
        let plain = l
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        plain && !l.is_empty() && !l.starts_with("xn--")
    });
    // A last label starting with a digit may be an IPv4 form that `url` rewrites.
    let last_ok = host
        .rsplit('.')
        .next()?
        .starts_with(|c: char| c.is_ascii_lowercase());
    // A query straight after the host gets a `/` from `url`: leave that to it.
    let path_ok = (path.is_empty() || path.starts_with('/'))
        && path.bytes().all(plain_path_byte)
        && !path.contains("/.");
    (labels_ok && last_ok && path_ok).then_some((host, path))
}

/// A byte `url` keeps as it is in the path or query of an `http` link.
fn plain_path_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~/=&+,;:@!*()$?".contains(&b)
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

    const HOSTS: [&str; 18] = [
        "monitor.cn.ua",
        "www.x.ua",
        "www",
        "www.www.x.ua",
        "x.ua.",
        "1.2.3.4",
        "0x7f.1",
        "x.123",
        "X.UA",
        "xn--80a.ua",
        "a..b",
        "",
        "x.ua:80",
        "x.ua:8080",
        "u@x.ua",
        "-a.ua",
        "www.",
        "ґ.ua",
    ];
    const PATHS: [&str; 21] = [
        "",
        "/",
        "/ua/news/123",
        "/a/",
        "//a",
        "/a/./b",
        "/a/../b",
        "/.well",
        "/a.",
        "?id=1",
        "/a?",
        "/a?b=1&c=/.x",
        "/a b",
        "/%2e/",
        "/a#f",
        "/a\\b",
        "/a'b",
        "/a~b_c-d.e",
        "/ф",
        "/a\tb",
        "/(x)!*$,;:@=+",
    ];

    /// Calls `check` with every link of the grid: four schemes × [`HOSTS`] × [`PATHS`].
    fn every_link(mut check: impl FnMut(&str)) {
        for scheme in ["http://", "https://", "HTTP://", "ftp://"] {
            for host in HOSTS {
                for path in PATHS {
                    check(&format!("{scheme}{host}{path}"));
                }
            }
        }
    }

    /// The shortcut gives what `url` gives, on links it takes and on links made to trip it.
    #[test]
    fn plain_links_get_the_key_url_would_give() {
        let mut taken = 0;
        every_link(|link| {
            assert_eq!(link_key(link), url_key(link), "{link}");
            taken += usize::from(plain_key(link).is_some());
        });
        assert!(
            taken > 50,
            "the shortcut is taken for plain links ({taken})"
        );
        assert!(plain_key("http://monitor.cn.ua/ua/news/123").is_some());
    }

    /// A link taken as plain is exactly what `url` writes back for it.
    #[test]
    fn plain_urls_are_what_url_writes_back() {
        let mut taken = 0;
        every_link(|link| {
            if is_plain_url(link) {
                taken += 1;
                let url = url::Url::parse(link).map(String::from);
                assert_eq!(url.as_deref(), Ok(link));
            }
        });
        assert!(taken > 40, "{taken}");
    }
}
