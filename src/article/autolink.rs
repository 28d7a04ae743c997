//! Bare `http(s)://` URLs in text become links, so that they show as `[n]` (never as a long
//! word wrapped mid-URL) and can be opened from the link list. String in, string out.

/// Elements inside which text is not linked (already a link, or never shown).
const NO_LINK_INSIDE: &[&str] = &[
    "a", "script", "style", "textarea", "title", "iframe", "noscript", "pre", "code",
];

/// Wraps bare URLs found in the text parts of `html` (outside tags and outside links).
pub(super) fn autolink(html: &str) -> String {
    if !html.contains("http://") && !html.contains("https://") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        let (text, tail) = rest.split_at(text_end);
        if depth == 0 {
            link_text(text, &mut out);
        } else {
            out.push_str(text);
        }
        let tag_end = tail.find('>').map_or(tail.len(), |e| e + 1);
        let (tag, after) = tail.split_at(tag_end);
        depth = next_depth(depth, tag);
        out.push_str(tag);
        rest = after;
    }
    out
}

/// Depth of "no linking" elements after `tag` (`<a …>` opens one, `</a>` closes it).
fn next_depth(depth: usize, tag: &str) -> usize {
    let inner = tag.trim_start_matches('<');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    if !NO_LINK_INSIDE.contains(&name.as_str()) || tag.ends_with("/>") {
        return depth;
    }
    if closing {
        depth.saturating_sub(1)
    } else {
        depth + 1
    }
}

fn link_text(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(start) = find_url_start(rest) {
        out.push_str(&rest[..start]);
        let url_part = &rest[start..];
        let len = url_len(url_part);
        let url = &url_part[..len];
        if url.ends_with("//") {
            out.push_str(url);
        } else {
            out.push_str(&format!("<a href=\"{url}\">{url}</a>"));
        }
        rest = &url_part[len..];
    }
    out.push_str(rest);
}

fn find_url_start(s: &str) -> Option<usize> {
    let http = s.find("http://");
    let https = s.find("https://");
    match (http, https) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Length of the URL at the start of `s`: up to whitespace or a quote, minus trailing
/// punctuation (a closing parenthesis stays when it closes one opened in the URL).
fn url_len(s: &str) -> usize {
    let end = s
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '«' | '»' | '<' | '>'))
        .unwrap_or(s.len());
    let url = &s[..end];
    let mut open = url.matches('(').count();
    let mut close = url.matches(')').count();
    let mut len = url.len();
    while let Some(c) = url[..len].chars().next_back() {
        let strip = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '“' | '”' => true,
            ')' if close > open => {
                close -= 1;
                true
            }
            '(' => {
                open -= 1;
                true
            }
            _ => false,
        };
        if !strip {
            break;
        }
        len -= c.len_utf8();
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_bare_urls_in_text_only() {
        let html = "<p>Див. https://x.ua/a?b=1&amp;c=2. Або (http://y.ua/(1)).</p>";
        assert_eq!(
            autolink(html),
            "<p>Див. <a href=\"https://x.ua/a?b=1&amp;c=2\">https://x.ua/a?b=1&amp;c=2</a>. \
             Або (<a href=\"http://y.ua/(1)\">http://y.ua/(1)</a>).</p>"
        );
    }

    #[test]
    fn leaves_links_attributes_and_scripts_alone() {
        let html = "<a href=\"https://x.ua\">https://x.ua</a><img src=\"https://i.ua/1.jpg\">\
                    <script>var u='https://z.ua';</script><br/>";
        assert_eq!(autolink(html), html);
    }

    #[test]
    fn a_bare_scheme_is_not_a_link() {
        assert_eq!(autolink("https:// і все"), "https:// і все");
    }
}
