//! The words of a lead or body for the index: tags become spaces (the contents of `script` and
//! `style` go), character references are resolved. A quick scan, not an HTML parser: the
//! index only needs the words, the reader renders the real thing. Pure.

use crate::text::entities::decode_at;

/// The text of an HTML (or plain) fragment, for [`super::index_terms`].
pub fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('&') {
            match decode_at(rest) {
                Some((c, len)) => {
                    out.push(c);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let is_tag = rest[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !is_tag {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        out.push(' ');
        rest = skip_tag(rest);
    }
    out.push_str(rest);
    out
}

/// The rest after the tag at the start of `rest` (and after the element, for script/style).
fn skip_tag(rest: &str) -> &str {
    let lower = rest.get(..7).map(str::to_ascii_lowercase);
    let closing = match lower.as_deref() {
        Some(s) if s.starts_with("<script") => Some("</script"),
        Some(s) if s.starts_with("<style") => Some("</style"),
        _ => None,
    };
    let after_tag = rest.find('>').map_or("", |end| &rest[end + 1..]);
    let Some(closing) = closing else {
        return after_tag;
    };
    match find_ascii_ci(after_tag, closing) {
        Some(at) => {
            let tail = &after_tag[at..];
            tail.find('>').map_or("", |end| &tail[end + 1..])
        }
        None => "",
    }
}

/// Position of an ASCII needle in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}
