//! Input repair before parsing: sanitising, double-escaped entities and attributes, NBSP, and
//! plain-text bodies (no tags) turned into paragraphs. String in, string out; no parsing here.

use super::autolink::autolink;
use crate::text::sanitize::clean_text;

/// Untrusted lead/body text → HTML ready for the parser.
/// Bare URLs in the text become links (see [`super::autolink`]).
pub(super) fn to_html(s: &str) -> String {
    let repaired = repair(s);
    let html = if has_tags(&repaired) {
        repaired
    } else {
        text_to_html(&repaired)
    };
    autolink(&html)
}

/// Strips dangerous characters, undoes double escaping, turns every NBSP into a space.
pub(super) fn repair(s: &str) -> String {
    let cleaned = clean_text(s);
    let unescaped = undouble_entities(&cleaned);
    let spaced = replace_nbsp(&unescaped);
    fix_escaped_attributes(&spaced)
}

/// `&amp;#128314;` → `&#128314;`, `&amp;amp;quot;` → `&quot;`; a bare `&amp;` stays.
fn undouble_entities(s: &str) -> String {
    if !s.contains("&amp;") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find("&amp;") {
        out.push_str(&rest[..pos]);
        let mut tail = &rest[pos + 5..];
        while let Some(t) = tail.strip_prefix("amp;") {
            tail = t;
        }
        if entity_len(tail).is_some() {
            out.push('&');
        } else {
            out.push_str("&amp;");
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Length of `#123;`, `#x1F53A;` or `name;` at the start of `s` (the part after `&`).
fn entity_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let (start, ok): (usize, fn(u8) -> bool) = match bytes {
        [b'#', b'x' | b'X', ..] => (2, |b| b.is_ascii_hexdigit()),
        [b'#', ..] => (1, |b| b.is_ascii_digit()),
        [b, ..] if b.is_ascii_alphabetic() => (0, |b| b.is_ascii_alphanumeric()),
        _ => return None,
    };
    let run = bytes[start..]
        .iter()
        .take(32)
        .take_while(|b| ok(**b))
        .count();
    (run > 0 && bytes.get(start + run) == Some(&b';')).then_some(start + run + 1)
}

fn replace_nbsp(s: &str) -> String {
    let mut out = s.replace('\u{a0}', " ");
    for entity in ["&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&NBSP;"] {
        if out.contains(entity) {
            out = out.replace(entity, " ");
        }
    }
    out
}

/// Inside tags only: `href=&quot;…&quot;` (and `&#39;`) → real quotes.
fn fix_escaped_attributes(s: &str) -> String {
    if !s.contains("=&") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        out.push_str(&fix_tag(&rest[open..tag_end]));
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

fn fix_tag(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let quote = ["&quot;", "&#34;", "&#39;", "&apos;"]
            .into_iter()
            .find(|q| after.starts_with(q));
        let Some(q) = quote else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let next = after[q.len()..].chars().next();
        let opens = out.ends_with('=');
        let closes = next.is_none_or(|c| c.is_whitespace() || c == '>' || c == '/');
        if opens || closes {
            out.push(if q.contains("39") || q.contains("apos") {
                '\''
            } else {
                '"'
            });
        } else {
            out.push_str(q);
        }
        rest = &after[q.len()..];
    }
    out.push_str(rest);
    out
}

/// True when `s` holds at least one thing that looks like a tag, comment or doctype.
pub(super) fn has_tags(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(pos) = s[from..].find('<') {
        let at = from + pos;
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        let after = bytes.get(at + 2).copied().unwrap_or(b' ');
        let starts_tag = next.is_ascii_alphabetic()
            || next == b'!'
            || (next == b'/' && after.is_ascii_alphabetic());
        if starts_tag && s[at..].contains('>') {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Plain text: blank lines separate paragraphs; single newlines inside one join (the parser
/// collapses them into spaces). `<` and `>` are escaped; entities are still decoded.
pub(super) fn text_to_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 64);
    let mut in_para = false;
    for line in s.lines() {
        if line.trim().is_empty() {
            if in_para {
                out.push_str("</p>\n");
                in_para = false;
            }
            continue;
        }
        out.push_str(if in_para { "\n" } else { "<p>" });
        in_para = true;
        for c in line.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
    }
    if in_para {
        out.push_str("</p>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_escaped_entities_are_repaired() {
        assert_eq!(repair("a &amp;#128314; b"), "a &#128314; b");
        assert_eq!(repair("&amp;amp;#x1F53A; &amp;laquo;"), "&#x1F53A; &laquo;");
        assert_eq!(repair("AT&amp;T ?a=1&amp;b=2"), "AT&amp;T ?a=1&amp;b=2");
    }

    #[test]
    fn escaped_attribute_quotes_are_repaired_only_in_tags() {
        let s = r#"<a href=&quot;https://t.me/x&quot;>&quot;Т&quot;</a>"#;
        assert_eq!(repair(s), r#"<a href="https://t.me/x">&quot;Т&quot;</a>"#);
        let s = "<a href=&#39;/x&#39; title=\"say &quot;hi&quot;\">x</a>";
        assert_eq!(repair(s), "<a href='/x' title=\"say &quot;hi&quot;\">x</a>");
    }

    #[test]
    fn nbsp_becomes_space_and_soft_hyphen_goes() {
        assert_eq!(
            repair("a&nbsp;b\u{a0}c&amp;nbsp;d фі\u{ad}зика"),
            "a b c d фізика"
        );
    }

    #[test]
    fn tag_detection() {
        assert!(has_tags("text <p>para</p>"));
        assert!(has_tags("a<br/>b"));
        assert!(has_tags("<!-- c -->"));
        assert!(!has_tags("1 < 2 and 3 > 2"));
        assert!(!has_tags("love <3 and a <b"));
        assert!(!has_tags("Просто текст\n\nДругий абзац"));
    }

    #[test]
    fn plain_text_paragraphs() {
        let html = text_to_html("Перший\nрядок\n\n \nДругий <b> & ok\n");
        assert_eq!(html, "<p>Перший\nрядок</p>\n<p>Другий &lt;b&gt; & ok</p>\n");
    }
}
