//! Blob encoding of cached text (a 1-byte format tag, then plain UTF-8 or raw deflate) and the
//! content hash that decides whether a re-fetched item changed. Pure functions: no SQL, no IO.

use std::io::Read;

use flate2::{Compress, Compression, FlushCompress, Status};

use crate::feed::identity::link_key;
use crate::hash::Fnv;
use crate::model::Item;

/// Tag of a blob holding plain UTF-8.
const TAG_PLAIN: u8 = 0;
/// Tag of a blob holding raw deflate (RFC 1951) of UTF-8.
const TAG_DEFLATE: u8 = 1;
/// Shorter texts are stored plain: deflate would not pay for its header.
const MIN_COMPRESS: usize = 96;
/// The deflate level: level 6 is zlib's default balance of size and speed.
const LEVEL: u32 = 6;

/// A reusable compressor (allocating a deflate state per article is slow).
pub(crate) struct Encoder {
    deflate: Compress,
}

impl Encoder {
    pub(crate) fn new() -> Encoder {
        Encoder {
            deflate: Compress::new(Compression::new(LEVEL), false),
        }
    }

    /// Encodes a text as a tagged blob: deflated when that is smaller, else plain.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let raw = text.as_bytes();
        if raw.len() >= MIN_COMPRESS
            && let Some(blob) = self.deflate(raw)
        {
            return blob;
        }
        let mut blob = Vec::with_capacity(raw.len() + 1);
        blob.push(TAG_PLAIN);
        blob.extend_from_slice(raw);
        blob
    }

    /// Deflates `raw` behind the tag; `None` when the result would not be smaller.
    fn deflate(&mut self, raw: &[u8]) -> Option<Vec<u8>> {
        self.deflate.reset();
        let mut out = Vec::with_capacity(raw.len() / 2 + 64);
        out.push(TAG_DEFLATE);
        loop {
            let done = usize::try_from(self.deflate.total_in()).ok()?;
            out.reserve(raw.len() / 4 + 64);
            let status = self
                .deflate
                .compress_vec(raw.get(done..)?, &mut out, FlushCompress::Finish)
                .ok()?;
            if out.len() >= raw.len() {
                return None;
            }
            if status == Status::StreamEnd {
                return Some(out);
            }
        }
    }
}

/// Decodes a tagged blob; `None` when the tag is unknown or the data is damaged.
pub(crate) fn decode(blob: &[u8]) -> Option<String> {
    let (&tag, data) = blob.split_first()?;
    match tag {
        TAG_PLAIN => String::from_utf8(data.to_vec()).ok(),
        TAG_DEFLATE => {
            let mut text = String::with_capacity(data.len() * 3);
            flate2::read::DeflateDecoder::new(data)
                .read_to_string(&mut text)
                .ok()?;
            Some(text)
        }
        _ => None,
    }
}

/// Hashes an optional field so that `None`, `Some("")` and field boundaries all differ
/// (0xff never occurs in UTF-8, so it can end a field unambiguously).
fn field(h: &mut Fnv, field: Option<&str>) {
    match field {
        None => h.write(&[0xfe]),
        Some(s) => {
            h.write(s.as_bytes());
            h.write(&[0xff]);
        }
    }
}

/// The hash of everything the cache stores about an item (its key excepted).
pub(crate) fn content_hash(item: &Item) -> i64 {
    let mut h = Fnv::default();
    field(&mut h, Some(&item.title));
    // The link's identity, not its spelling: http/https and `www.` flapping is not an update.
    let link = item
        .link
        .as_deref()
        .map(|l| link_key(l).unwrap_or_else(|| l.to_string()));
    field(&mut h, link.as_deref());
    let published = item.published.map(|t| t.timestamp().to_string());
    field(&mut h, published.as_deref());
    field(&mut h, item.author.as_deref());
    field(&mut h, item.category.as_deref());
    field(&mut h, item.lead.as_deref());
    field(&mut h, item.body.as_deref());
    i64::from_ne_bytes(h.finish().to_ne_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_cyrillic_and_emoji() {
        let mut enc = Encoder::new();
        let long = "<p>Чернігів 🇺🇦 ▪️ 🔺 «Новини» — п’ятниця, ґанок, їжак, єнот.</p>".repeat(20);
        let blob = enc.encode(&long);
        assert_eq!(blob[0], TAG_DEFLATE);
        assert!(blob.len() < long.len() / 4);
        assert_eq!(decode(&blob).as_deref(), Some(long.as_str()));
        let short = "Коротко 🇺🇦";
        let blob = enc.encode(short);
        assert_eq!(blob[0], TAG_PLAIN);
        assert_eq!(decode(&blob).as_deref(), Some(short));
        assert_eq!(decode(&enc.encode("")).as_deref(), Some(""));
    }

    #[test]
    fn encoder_is_reusable_across_texts() {
        let mut enc = Encoder::new();
        let a = "Перший текст. ".repeat(30);
        let b = "Другий текст, інший. ".repeat(30);
        assert_eq!(decode(&enc.encode(&a)).as_deref(), Some(a.as_str()));
        assert_eq!(decode(&enc.encode(&b)).as_deref(), Some(b.as_str()));
        // Pseudo-random Cyrillic: little repetition, still a faithful round trip.
        let noise: String = (0u32..400)
            .map(|i| char::from_u32(0x400 + (i.wrapping_mul(2_654_435_761) >> 7) % 0xff).unwrap())
            .collect();
        let blob = enc.encode(&noise);
        assert_eq!(decode(&blob).as_deref(), Some(noise.as_str()));
    }

    #[test]
    fn damaged_blobs_are_rejected() {
        assert_eq!(decode(&[]), None);
        assert_eq!(decode(&[9, 1, 2]), None);
        assert_eq!(decode(&[TAG_PLAIN, 0xff, 0xfe]), None);
        assert_eq!(decode(&[TAG_DEFLATE, 0xff, 0xff, 0xff]), None);
    }

    #[test]
    fn hash_sees_every_field_and_boundaries() {
        let base = Item {
            key: "k".into(),
            title: "ab".into(),
            link: Some("c".into()),
            ..Item::default()
        };
        let moved = Item {
            title: "a".into(),
            link: Some("bc".into()),
            ..base.clone()
        };
        let other_key = Item {
            key: "z".into(),
            ..base.clone()
        };
        let empty_lead = Item {
            lead: Some(String::new()),
            ..base.clone()
        };
        assert_ne!(content_hash(&base), content_hash(&moved));
        assert_ne!(content_hash(&base), content_hash(&empty_lead));
        assert_eq!(content_hash(&base), content_hash(&other_key));
    }
}
