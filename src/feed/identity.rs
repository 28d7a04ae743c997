//! Item identity: the stable key of an item (guid, else normalised link, else a hash of
//! title, raw date and text). Pure and deterministic: the same input always gives the same key.

use crate::text::link_key;

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

    /// `h:` keys are stored: they are FNV-1a-64 (published vectors in `hash`) of
    /// title + "\n" + raw date, and these values must never change.
    #[test]
    fn fnv1a_known_values() {
        assert_eq!(crate::hash::fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        // Pinned keys: an item with no text keeps the key it always had.
        assert_eq!(hash_key("a", "", &[]), "h:089bdc07b544e7b2");
        assert_eq!(hash_key("a", "", &["", ""]), "h:089bdc07b544e7b2");
        assert_eq!(
            hash_key("Заголовок", "12.01.2021", &[]),
            "h:3943e91c939b2d01"
        );
        assert_eq!(
            hash_key("", "", &["", "<p>x</p>"]),
            format!("h:{:016x}", crate::hash::fnv1a(b"\n\n\n<p>x</p>"))
        );
        assert_ne!(hash_key("a", "b", &[]), hash_key("a", "c", &[]));
        assert_ne!(hash_key("", "", &["one"]), hash_key("", "", &["two"]));
    }
}
