//! Fast decoding of single-byte encodings (windows-1251, KOI8-U, ISO-8859-5, IBM866, …): a
//! 256-entry table of UTF-8 sequences built from encoding_rs's own mapping of each high byte,
//! so the text is exactly what encoding_rs gives, at a fraction of the cost per byte. Owns only
//! that; which encoding to use is `decode`'s business.

use encoding_rs::Encoding;

/// The UTF-8 form of every byte in one single-byte encoding: its bytes (padded to 4) and how
/// many of them count (ASCII maps to itself).
pub(super) struct Table {
    utf8: [[u8; 4]; 256],
    len: [u8; 256],
}

/// Input bytes decoded per step into the stack buffer (each becomes at most 3, plus the 3 bytes
/// of padding the last 4-byte store may write).
const STEP: usize = 1024;

impl Table {
    /// The table for `encoding` (which must be single-byte and ASCII-compatible).
    pub(super) fn new(encoding: &'static Encoding) -> Option<Table> {
        if !encoding.is_single_byte() || !encoding.is_ascii_compatible() {
            return None;
        }
        let mut table = Table {
            utf8: [[0; 4]; 256],
            len: [1; 256],
        };
        for (i, entry) in table.utf8.iter_mut().enumerate().take(0x80) {
            entry[0] = i as u8;
        }
        for byte in 0x80u8..=0xFF {
            let one = [byte];
            let (text, _) = encoding.decode_without_bom_handling(&one);
            let utf8 = text.as_bytes();
            if utf8.is_empty() || utf8.len() > 3 {
                return None;
            }
            table.utf8[usize::from(byte)][..utf8.len()].copy_from_slice(utf8);
            table.len[usize::from(byte)] = utf8.len() as u8;
        }
        Some(table)
    }

    /// `prefix`, then `bytes` decoded, into `out` (replacing what it held).
    pub(super) fn decode_into(&self, bytes: &[u8], prefix: &str, out: &mut String) {
        let mut buf: Vec<u8> = Vec::with_capacity(prefix.len() + bytes.len() * 2 + 16);
        buf.extend_from_slice(prefix.as_bytes());
        let mut step = [0u8; STEP * 3 + 4];
        for block in bytes.chunks(STEP) {
            let mut at = 0;
            // Branch-free: every byte stores its 4 padded bytes and advances by its length.
            for &b in block {
                let b = usize::from(b);
                if let Some(dst) = step.get_mut(at..at + 4) {
                    dst.copy_from_slice(&self.utf8[b]);
                }
                at += usize::from(self.len[b]);
            }
            buf.extend_from_slice(&step[..at.min(step.len())]);
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

    /// ASCII runs of many lengths next to high bytes, cut at and around block boundaries:
    /// still exactly encoding_rs's text.
    #[test]
    fn ascii_runs_of_any_length_and_block_edges_decode_alike() {
        let mut bytes = Vec::new();
        let mut seed = 7u32;
        while bytes.len() < STEP * 5 + 13 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let run = (seed >> 16) as usize % 20;
            bytes.extend((0..run).map(|i| b'a' + (i % 26) as u8));
            bytes.push(0xC0 + (seed >> 8) as u8 % 0x40);
        }
        let table = Table::new(encoding_rs::WINDOWS_1251).unwrap();
        for end in [0, 1, 7, 8, 9, STEP - 1, STEP, STEP + 1, bytes.len()] {
            let mut out = String::new();
            table.decode_into(&bytes[..end], "", &mut out);
            let (want, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(&bytes[..end]);
            assert_eq!(out, want, "{end}");
        }
    }
}
