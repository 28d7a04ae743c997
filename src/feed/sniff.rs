//! The first bytes of a document → a Unicode encoding form and byte order, as the XML spec's
//! appendix F tells them (a byte-order mark, or the zero bytes around `<` when there is none),
//! and the UTF-32 decoder that encoding_rs lacks. Knows nothing about declarations, HTTP
//! headers or legacy encodings.

/// A Unicode encoding form told by the first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unicode {
    Utf8,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

/// The encoding form the first bytes show and the length of the byte-order mark (0 if none).
/// Without a mark, a document in UTF-16 or UTF-32 is told by where the zero bytes of its
/// first ASCII characters (`<?xml`, `<rss`, whitespace) fall.
pub fn sniff(bytes: &[u8]) -> Option<(Unicode, usize)> {
    let boms: [(&[u8], Unicode); 5] = [
        (&[0x00, 0x00, 0xFE, 0xFF], Unicode::Utf32Be),
        (&[0xFF, 0xFE, 0x00, 0x00], Unicode::Utf32Le),
        (&[0xEF, 0xBB, 0xBF], Unicode::Utf8),
        (&[0xFE, 0xFF], Unicode::Utf16Be),
        (&[0xFF, 0xFE], Unicode::Utf16Le),
    ];
    if let Some((bom, unicode)) = boms.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Some((*unicode, bom.len()));
    }
    let ascii = |b: u8| b != 0 && b.is_ascii();
    let unicode = match bytes.get(..4)? {
        [0, 0, 0, a] if ascii(*a) => Unicode::Utf32Be,
        [a, 0, 0, 0] if ascii(*a) => Unicode::Utf32Le,
        [0, a, 0, b] if ascii(*a) && ascii(*b) => Unicode::Utf16Be,
        [a, 0, b, 0] if ascii(*a) && ascii(*b) => Unicode::Utf16Le,
        _ => return None,
    };
    Some((unicode, 0))
}

/// Appends UTF-32 (no BOM) decoded to `out`; an invalid unit or a cut-off tail becomes U+FFFD.
pub fn decode_utf32(bytes: &[u8], big_endian: bool, out: &mut String) {
    out.reserve(bytes.len() / 4 + 3);
    let units = bytes.chunks_exact(4);
    let cut = !units.remainder().is_empty();
    for unit in units {
        let word = [unit[0], unit[1], unit[2], unit[3]];
        let code = if big_endian {
            u32::from_be_bytes(word)
        } else {
            u32::from_le_bytes(word)
        };
        out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    if cut {
        out.push(char::REPLACEMENT_CHARACTER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf32(s: &str, big_endian: bool) -> Vec<u8> {
        s.chars()
            .flat_map(|c| {
                if big_endian {
                    (c as u32).to_be_bytes()
                } else {
                    (c as u32).to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn byte_order_marks_utf32_before_utf16() {
        assert_eq!(
            sniff(&[0xFF, 0xFE, 0, 0, b'<', 0, 0, 0]),
            Some((Unicode::Utf32Le, 4))
        );
        assert_eq!(sniff(&[0, 0, 0xFE, 0xFF]), Some((Unicode::Utf32Be, 4)));
        assert_eq!(sniff(&[0xFF, 0xFE, b'<', 0]), Some((Unicode::Utf16Le, 2)));
        assert_eq!(sniff(&[0xFE, 0xFF, 0, b'<']), Some((Unicode::Utf16Be, 2)));
        assert_eq!(sniff(&[0xEF, 0xBB, 0xBF, b'<']), Some((Unicode::Utf8, 3)));
    }

    #[test]
    fn no_mark_told_by_zero_bytes() {
        let cases = [
            (&b"\0\0\0<\0\0\0?"[..], Some((Unicode::Utf32Be, 0))),
            (&b"<\0\0\0?\0\0\0"[..], Some((Unicode::Utf32Le, 0))),
            (&b"\0<\0?"[..], Some((Unicode::Utf16Be, 0))),
            (&b"<\0?\0"[..], Some((Unicode::Utf16Le, 0))),
            (&b"\0\n\0<"[..], Some((Unicode::Utf16Be, 0))),
            (&b"<?xm"[..], None),
            (&b"<r"[..], None),
            (&[0xC3, 0x00, 0x3C, 0x00][..], None),
        ];
        for (bytes, want) in cases {
            assert_eq!(sniff(bytes), want, "{bytes:?}");
        }
    }

    #[test]
    fn utf32_both_orders_and_a_cut_tail() {
        for big in [false, true] {
            let mut out = String::new();
            decode_utf32(&utf32("<r>Київ 🔺</r>", big), big, &mut out);
            assert_eq!(out, "<r>Київ 🔺</r>");
        }
        let mut out = String::new();
        let mut bytes = utf32("a", false);
        bytes.extend([0x00, 0xD8, 0x00, 0x00, 0x41]);
        decode_utf32(&bytes, false, &mut out);
        assert_eq!(out, "a\u{fffd}\u{fffd}");
    }
}
