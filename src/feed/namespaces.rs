//! Namespace declarations as feed-rs must see them: the URIs of old and variant Atom and RSS
//! (Atom 0.3 and its drafts, RSS 0.90, UserLand's and Harvard's RSS 2.0 namespaces) become the
//! Atom 1.0 and RSS 1.0 ones feed-rs knows, and the Media RSS, iTunes and Podcasting ones are
//! renamed away, because feed-rs refuses a whole feed over one empty `<media:description>` or
//! unknown role (chmon reads what it needs of them itself, in the side table). Works on one raw
//! start tag; knows nothing else.

use std::borrow::Cow;

use super::attrs;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const RSS: &str = "http://purl.org/rss/1.0/";

/// The URI feed-rs should see for a declared namespace `uri`, when it is not `uri` itself.
fn mapped(uri: &str) -> Option<&'static str> {
    let uri = uri.trim();
    Some(match uri {
        _ if uri.starts_with("http://purl.org/atom/ns#") => ATOM,
        "http://www.w3.org/2005/Atom/" => ATOM,
        "http://my.netscape.com/rdf/simple/0.9/"
        | "http://backend.userland.com/rss2"
        | "http://backend.userland.com/rss"
        | "http://blogs.law.harvard.edu/tech/rss" => RSS,
        "http://search.yahoo.com/mrss/" => "urn:x-chmon:mrss",
        "http://www.itunes.com/dtds/podcast-1.0.dtd" => "urn:x-chmon:itunes",
        "https://podcastindex.org/namespace/1.0" => "urn:x-chmon:podcast",
        _ => return None,
    })
}

/// `tag` with the values of its `xmlns`/`xmlns:*` attributes mapped (see [`mapped`]).
pub fn rename(tag: Cow<'_, str>) -> Cow<'_, str> {
    let edits: Vec<_> = attrs::all(&tag)
        .filter(|(name, _)| *name == "xmlns" || name.starts_with("xmlns:"))
        .filter_map(|(_, a)| mapped(&tag[a.value.clone()]).map(|to| (a.value, to)))
        .collect();
    if edits.is_empty() {
        return tag;
    }
    let mut out = String::with_capacity(tag.len() + 32);
    let mut at = 0;
    for (range, to) in edits {
        out.push_str(&tag[at..range.start]);
        out.push_str(to);
        at = range.end;
    }
    out.push_str(&tag[at..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renamed(tag: &str) -> String {
        rename(Cow::Borrowed(tag)).into_owned()
    }

    #[test]
    fn whole_values_are_mapped_never_parts() {
        assert_eq!(
            renamed(r#"<feed xmlns="http://purl.org/atom/ns#draft-ietf-atompub-format-08">"#),
            r#"<feed xmlns="http://www.w3.org/2005/Atom">"#
        );
        assert_eq!(
            renamed(r#"<rss version="2.0" xmlns="http://backend.userland.com/rss2" a="b">"#),
            r#"<rss version="2.0" xmlns="http://purl.org/rss/1.0/" a="b">"#
        );
        assert_eq!(
            renamed(
                r#"<rss xmlns:media='http://search.yahoo.com/mrss/' xmlns:dc="http://purl.org/dc/elements/1.1/">"#
            ),
            r#"<rss xmlns:media='urn:x-chmon:mrss' xmlns:dc="http://purl.org/dc/elements/1.1/">"#
        );
        let kept = r#"<x href="http://search.yahoo.com/mrss/" xmlns:a="http://example.org/http://purl.org/atom/ns#">"#;
        assert_eq!(renamed(kept), kept);
    }
}
