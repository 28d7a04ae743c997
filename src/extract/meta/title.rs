//! The headline of a page from its `<h1>`, social and document titles, with the site's own
//! name cut off; and a byline without its "By"/«Автор:». Pure string work over what
//! `meta` found; reads no DOM itself.

use super::{Found, line};

/// The `<h1>` when the social/document titles agree with it (or there is nothing else), else
/// the social title, else the document title, with the site's name cut off.
pub(super) fn pick_title(f: &Found, social: Option<&str>, site: &[String]) -> Option<String> {
    let social = social.map(line);
    let doc = f.doc_title.as_deref().map(line);
    let h1s: Vec<String> =
        f.h1.iter()
            .map(|h| line(h))
            .filter(|h| !h.is_empty())
            .collect();
    let agrees = |h: &str| {
        let h = h.to_lowercase();
        [&social, &doc]
            .iter()
            .any(|t| t.as_ref().is_some_and(|t| t.to_lowercase().contains(&h)))
    };
    if let Some(h) = h1s.iter().find(|h| agrees(h)) {
        return Some(h.clone());
    }
    if let Some(s) = social {
        return Some(strip_site(&s, site));
    }
    if h1s.len() == 1 {
        return h1s.first().cloned();
    }
    if h1s.is_empty()
        && let Some(h) =
            f.h2.iter()
                .map(|h| line(h))
                .find(|h| !h.is_empty() && agrees(h))
    {
        return Some(h);
    }
    doc.map(|d| strip_site(&d, site))
}

/// `Headline | Site` → `Headline`: a last or first part that names the site (as the
/// page's site name, logo or copyright line does), or a short last part, goes.
pub(super) fn strip_site(title: &str, sites: &[String]) -> String {
    const SEPARATORS: &[&str] = &[" | ", " — ", " – ", " - ", " :: ", " · ", " » "];
    let is_site = |part: &str| {
        let part = part.trim().to_lowercase();
        !part.is_empty() && sites.iter().any(|s| s.to_lowercase().contains(&part))
    };
    for sep in SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        if is_site(tail) {
            return head.trim().to_string();
        }
        if let Some((_, rest)) = title.split_once(sep).filter(|(f, _)| is_site(f)) {
            return rest.trim().to_string();
        }
        if tail.split_whitespace().count() <= 3 {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

pub(super) fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with('/')
}

/// "By Jane Doe", "Автор: …", "Von …": the name only.
pub(super) fn strip_by(s: &str) -> String {
    #[rustfmt::skip]
    const PREFIXES: &[&str] = &[
        "by ", "автор:", "автор ", "авторка:", "текст:", "von ", "par ", "por ", "autor:",
        "autorka:", "autor ", "di ",
    ];
    let t = s.trim();
    let lower = t.to_lowercase();
    for p in PREFIXES {
        if lower.starts_with(p) {
            let cut: String = t.chars().skip(p.chars().count()).collect();
            return cut.trim().to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_the_site_name() {
        let none: &[String] = &[];
        assert_eq!(
            strip_site("Міська рада ухвалила бюджет — Новини Полісся", none),
            "Міська рада ухвалила бюджет"
        );
        assert_eq!(strip_site("A | B", &["B".into()]), "A");
        let sites = ["© 2003 Daily Planet. All rights reserved.".to_string()];
        assert_eq!(
            strip_site("Daily Planet | Big news today", &sites),
            "Big news today"
        );
        assert_eq!(
            strip_site("Ein Titel - mit Strich im Titel selbst", none),
            "Ein Titel - mit Strich im Titel selbst"
        );
    }
}
