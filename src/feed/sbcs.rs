//! Fast decoding of single-byte encodings (windows-1251, KOI8-U, ISO-8859-5, IBM866, …): a
//! 128-entry table of UTF-8 sequences built from encoding_rs's own mapping of each high byte,
//! so the text is exactly what encoding_rs gives, at a fraction of the cost per byte. Owns only
//! that; which encoding to use is `decode`'s business.

use encoding_rs::Encoding;

/// The UTF-8 form of every byte 0x80–0xFF in one single-byte encoding: its bytes (padded to 4)
/// and how many of them count.
pub(super) struct Table {
    utf8: [[u8; 4]; 128],
    len: [u8; 128],
}

impl Table {
    /// The table for `encoding` (which must be single-byte and ASCII-compatible).
    pub(super) fn new(encoding: &'static Encoding) -> Option<Table> {
        if !encoding.is_single_byte() || !encoding.is_ascii_compatible() {
            return None;
        }
        let mut table = Table {
            utf8: [[0; 4]; 128],
            len: [0; 128],
        };
        for (i, byte) in (0x80u8..=0xFF).enumerate() {
            let one = [byte];
            let (text, _) = encoding.decode_without_bom_handling(&one);
            let utf8 = text.as_bytes();
            if utf8.is_empty() || utf8.len() > 3 {
                return None;
            }
            table.utf8[i][..utf8.len()].copy_from_slice(utf8);
            table.len[i] = utf8.len() as u8;
        }
        Some(table)
    }

    /// `prefix`, then `bytes` decoded, into `out` (replacing what it held).
    pub(super) fn decode_into(&self, bytes: &[u8], prefix: &str, out: &mut String) {
        let mut buf: Vec<u8> = Vec::with_capacity(prefix.len() + bytes.len() * 3 + 4);
        buf.extend_from_slice(prefix.as_bytes());
        let mut rest = bytes;
        while !rest.is_empty() {
            let ascii = rest.iter().position(|&b| b >= 0x80).unwrap_or(rest.len());
            buf.extend_from_slice(&rest[..ascii]);
            rest = &rest[ascii..];
            let high = rest.iter().position(|&b| b < 0x80).unwrap_or(rest.len());
            for &b in &rest[..high] {
                let i = usize::from(b & 0x7F);
                // Four bytes in one store, then keep the ones that count.
                let keep = buf.len() + usize::from(self.len[i]);
                buf.extend_from_slice(&self.utf8[i]);
                buf.truncate(keep);
            }
            rest = &rest[high..];
        }
        // The buffer is ASCII and whole sequences from encoding_rs's own output; the check is
        // cheap (SIMD) and keeps this free of `unsafe`.
        out.clear();
        match simdutf8::basic::from_utf8(&buf) {
            Ok(text) => out.push_str(text),
            Err(_) => out.push_str(&String::from_utf8_lossy(&buf)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte of every single-byte encoding decodes as encoding_rs decodes it.
    #[test]
    fn agrees_with_encoding_rs_on_every_byte() {
        let all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for encoding in [
            encoding_rs::WINDOWS_1251,
            encoding_rs::KOI8_U,
            encoding_rs::KOI8_R,
            encoding_rs::ISO_8859_5,
            encoding_rs::IBM866,
            encoding_rs::WINDOWS_1252,
            encoding_rs::X_USER_DEFINED,
        ] {
            let table = Table::new(encoding).unwrap();
            let mut out = String::from("old");
            table.decode_into(&all, "пролог ", &mut out);
            let (want, _) = encoding.decode_without_bom_handling(&all);
            assert_eq!(out, format!("пролог {want}"), "{}", encoding.name());
        }
        assert!(Table::new(encoding_rs::UTF_8).is_none());
        assert!(Table::new(encoding_rs::UTF_16LE).is_none());
    }
}
