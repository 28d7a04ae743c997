//! Item identity: the stable key of an item (guid, else normalised link, else a hash of
//! title and raw date). Pure and deterministic: the same input always gives the same key.

use crate::text::link_key;

/// The key for an item: `guid` if non-empty, else [`link_key`] of `link`, else
/// `h:` + FNV-1a-64 (16 hex digits) of `title` + `"\n"` + `raw_date`.
pub fn item_key(guid: Option<&str>, link: Option<&str>, title: &str, raw_date: &str) -> String {
    if let Some(guid) = guid.map(str::trim).filter(|g| !g.is_empty()) {
        return guid.to_string();
    }
    if let Some(key) = link.and_then(link_key) {
        return key;
    }
    hash_key(title, raw_date)
}

/// `h:` + 16 hex digits of FNV-1a-64 over `title` + `"\n"` + `raw_date`.
pub fn hash_key(title: &str, raw_date: &str) -> String {
    let data = [title.as_bytes(), b"\n", raw_date.as_bytes()].concat();
    format!("h:{:016x}", crate::hash::fnv1a(&data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_priority() {
        assert_eq!(item_key(Some(" g1 "), Some("http://x/a"), "t", "d"), "g1");
        assert_eq!(item_key(Some(""), Some("http://x/a"), "t", "d"), "x/a");
        assert_eq!(item_key(None, None, "t", "d"), hash_key("t", "d"));
    }

    /// `h:` keys are stored: they are FNV-1a-64 (published vectors in `hash`) of
    /// title + "\n" + raw date, and these values must never change.
    #[test]
    fn fnv1a_known_values() {
        assert_eq!(crate::hash::fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(hash_key("a", ""), "h:089bdc07b544e7b2");
        assert_eq!(hash_key("Заголовок", "12.01.2021"), "h:3943e91c939b2d01");
        assert_ne!(hash_key("a", "b"), hash_key("a", "c"));
    }
}
