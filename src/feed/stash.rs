//! Article bodies taken out of a feed's XML before feed-rs reads it (most of a feed's bytes are
//! bodies in CDATA, which feed-rs would validate and copy only for us to copy them again): the
//! marker that stands in for one, and putting them back. `repair` takes them out; `parse` puts
//! them back. Pure string work.

/// The character around a stash marker (private use: it means nothing in a feed).
pub const MARK: char = '\u{F8FF}';

/// The text that stands for stashed body `i`.
pub fn stash_marker(i: usize) -> String {
    format!("{MARK}{i}{MARK}")
}

/// Puts stashed bodies back where `s` holds their markers (taking a body that is all of `s`,
/// copying one that is part of it).
pub fn unstash(s: &mut String, stash: &mut [String]) {
    if !s.contains(MARK) {
        return;
    }
    let inner = s.strip_prefix(MARK).and_then(|r| r.strip_suffix(MARK));
    if let Some(body) = inner
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| stash.get_mut(n))
    {
        *s = std::mem::take(body);
        return;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let after = &rest[at + MARK.len_utf8()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index = after[..digits].parse::<usize>().ok();
        match (
            index.and_then(|n| stash.get(n)),
            after[digits..].strip_prefix(MARK),
        ) {
            (Some(body), Some(tail)) => {
                out.push_str(body);
                rest = tail;
            }
            _ => {
                out.push(MARK);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    *s = out;
}
