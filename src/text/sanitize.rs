//! Sanitising of untrusted (feed-supplied) text before it reaches a screen or stdout.
//! Owns the definition of "dangerous character"; knows nothing about feeds, HTML or terminals.

/// True for characters a feed must never get onto a terminal: C0 (except `\n` and `\t`),
/// DEL, C1, bidi embeddings/overrides/isolates and marks, and the soft hyphen.
fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{061c}' | '\u{ad}' | '\u{feff}')
}

/// The index of the first byte of `bytes` for which `hit` holds. Tests 32 bytes at a time
/// without branching (which the compiler vectorises), then looks closer in the block that hit.
pub fn find_byte(bytes: &[u8], hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut at = 0;
    for block in bytes.chunks(32) {
        if block.iter().fold(false, |any, &b| any | hit(b)) {
            return block.iter().position(|&b| hit(b)).map(|i| at + i);
        }
        at += block.len();
    }
    None
}

/// True when `s` holds a dangerous character: a byte scan, since every one of them is an ASCII
/// control or starts with one of the UTF-8 lead bytes C2, D8, E2 or EF (most text has none;
/// Cyrillic letters start with D0/D1).
fn any_dangerous(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(found) = find_byte(&bytes[at..], |b| {
        b < 0x20 || b == 0x7f || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF
    }) {
        let i = at + found;
        match s[i..].chars().next() {
            Some(c) if is_dangerous(c) => return true,
            Some(c) => at = i + c.len_utf8(),
            None => return false,
        }
    }
    false
}

/// Removes ESC sequences (CSI, OSC, DCS/APC/PM/SOS strings, two-byte escapes) and every
/// dangerous character; keeps `\n` and `\t`. `\r` is dropped.
pub fn clean_text(s: &str) -> String {
    if !any_dangerous(s) {
        return s.to_string();
    }
    strip(s)
}

/// [`clean_text`] of an owned string: returned as it is (no copy) when it is already clean.
pub fn clean_text_owned(s: String) -> String {
    if !any_dangerous(&s) {
        return s;
    }
    strip(&s)
}

fn strip(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_dangerous(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// [`clean_text`], then every run of whitespace (newlines, tabs, NBSP-only gaps kept as NBSP)
/// becomes one space and the ends are trimmed: for titles, authors, links, categories.
pub fn clean_line(s: &str) -> String {
    let cleaned = clean_text(s);
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_matches('\u{a0}').to_string()
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_string(chars),
        // Two-byte escapes (ESC c, ESC 7, ESC ( B ...): drop the intermediate bytes too.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI: parameter and intermediate bytes, then one final byte in `@`..=`~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

/// OSC/DCS/APC/PM/SOS: everything up to BEL, ST (`ESC \`) or C1 ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_csi_osc_and_c1() {
        let s = "Новини\u{1b}[2J\u{1b}]0;pwned\u{7}дня\u{9b}31mчервоне\u{1b}]52;c;SGVsbG8=\u{1b}\\";
        assert_eq!(clean_text(s), "Новиниднячервоне");
    }

    #[test]
    fn strips_bidi_soft_hyphen_and_c0_but_keeps_newlines() {
        let s = "a\u{202e}b\u{ad}c\u{7}d\n\te\r";
        assert_eq!(clean_text(s), "abcd\n\te");
    }

    #[test]
    fn clean_line_collapses_whitespace_and_keeps_cyrillic() {
        assert_eq!(
            clean_line("\n   «Чернігів» —\tмісто  \n"),
            "«Чернігів» — місто"
        );
        assert_eq!(
            clean_line("П’ятниця П`ятниця Пʼятниця"),
            "П’ятниця П`ятниця Пʼятниця"
        );
    }

    /// The byte scan finds every dangerous character, and passes the common look-alikes
    /// (« » NBSP — ’ … and BOM-free EF-led characters) that share their lead bytes.
    #[test]
    fn the_fast_scan_agrees_with_the_character_test() {
        let safe = "«Чернігів»\u{a0}— п’ятниця… ￼ \u{a9}\u{2014}\u{2030}\u{fe0f}\t\n";
        assert!(!any_dangerous(safe));
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(any_dangerous(&s), is_dangerous(c), "U+{:04X}", c as u32);
        }
        assert_eq!(clean_text_owned(safe.to_string()), safe);
        assert_eq!(clean_text_owned("a\u{202e}b".to_string()), "ab");
    }

    #[test]
    fn find_byte_finds_the_first_hit_in_any_block() {
        let mut bytes = vec![b'a'; 100];
        assert_eq!(find_byte(&bytes, |b| b == b'x'), None);
        for at in [0, 31, 32, 33, 99] {
            bytes[at] = b'x';
            assert_eq!(find_byte(&bytes, |b| b == b'x'), Some(at));
            bytes[at] = b'a';
        }
        assert_eq!(find_byte(b"", |_| true), None);
    }

    #[test]
    fn untouched_text_is_returned_as_is() {
        let s = "Звичайний текст 🇺🇦";
        assert_eq!(clean_text(s), s);
    }
}
