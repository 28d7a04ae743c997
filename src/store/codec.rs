//! Blob encoding of cached text (a 1-byte format tag, then plain UTF-8, zstd without or with
//! the built-in dictionary (see `encoder`), or the raw deflate that older builds wrote) and
//! the content hash that decides whether a re-fetched item changed (XXH3; caches written
//! before it hold FNV-1a content hashes, still recognised).
//! Pure functions: no SQL, no IO.

use std::io::Read;

pub(crate) use super::encoder::Encoder;
use super::encoder::decompress_with_dict;
use crate::hash::{Fast, Fnv};
use crate::model::{Item, Keyed};
use crate::text::link_key;

/// Tag of a blob holding plain UTF-8.
const TAG_PLAIN: u8 = 0;
/// Tag of a blob holding raw deflate (RFC 1951) of UTF-8: read only (written before zstd).
const TAG_DEFLATE: u8 = 1;
/// Tag of a blob holding one zstd frame (with its content size) of UTF-8.
const TAG_ZSTD: u8 = 2;
/// Tag of a blob holding one zstd frame of UTF-8 made with the built-in dictionary.
const TAG_ZSTD_DICT: u8 = 3;
/// Shorter texts are stored plain: compression would not pay for its header.
const MIN_COMPRESS: usize = 96;
/// A blob never claims more than this decoded size (a damaged header must not allocate GBs).
const MAX_DECODED: u64 = 256 * 1024 * 1024;

impl Encoder {
    /// Encodes a text as a tagged blob: compressed when that is smaller, else plain.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let raw = text.as_bytes();
        if raw.len() >= MIN_COMPRESS
            && let Some(frame) = self.compress(raw)
        {
            let tag = if frame.with_dict {
                TAG_ZSTD_DICT
            } else {
                TAG_ZSTD
            };
            return tagged(tag, frame.data);
        }
        tagged(TAG_PLAIN, raw)
    }
}

/// An item made ready for the cache (content hash, compressed lead and body), so that the
/// work can be done on another thread than the one writing to SQLite.
pub struct Prepared {
    pub(crate) item: Item,
    pub(crate) hash: i64,
    pub(crate) lead: Option<Vec<u8>>,
    pub(crate) body: Option<Vec<u8>>,
}

impl Keyed for Prepared {
    fn key(&self) -> &str {
        &self.item.key
    }
}

/// Prepares items for [`crate::store::Upsert::add_prepared`] (one compressor for the lot).
pub fn prepare(items: Vec<Item>) -> Vec<Prepared> {
    let mut encoder = Encoder::new();
    items
        .into_iter()
        .map(|item| Prepared {
            hash: content_hash(&item),
            lead: item.lead.as_deref().map(|t| encoder.encode(t)),
            body: item.body.as_deref().map(|t| encoder.encode(t)),
            item,
        })
        .collect()
}

/// The text, if `bytes` are UTF-8: checked with simdutf8 (several times faster than std's check
/// on Cyrillic, more than the copy costs).
fn utf8(bytes: &[u8]) -> Option<String> {
    simdutf8::basic::from_utf8(bytes).ok().map(str::to_owned)
}

fn tagged(tag: u8, data: &[u8]) -> Vec<u8> {
    let mut blob = Vec::with_capacity(data.len() + 1);
    blob.push(tag);
    blob.extend_from_slice(data);
    blob
}

/// Decodes a tagged blob; `None` when the tag is unknown or the data is damaged.
pub(crate) fn decode(blob: &[u8]) -> Option<String> {
    let (&tag, data) = blob.split_first()?;
    match tag {
        TAG_PLAIN => utf8(data),
        TAG_ZSTD | TAG_ZSTD_DICT => {
            let size = zstd::zstd_safe::get_frame_content_size(data).ok()??;
            let size = usize::try_from(size.min(MAX_DECODED)).ok()?;
            let bytes = if tag == TAG_ZSTD {
                zstd::bulk::decompress(data, size).ok()?
            } else {
                decompress_with_dict(data, size)?
            };
            utf8(&bytes)
        }
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

/// A hasher the content hash can be computed with.
trait Sink {
    fn put(&mut self, bytes: &[u8]);
}

impl Sink for Fnv {
    fn put(&mut self, bytes: &[u8]) {
        self.write(bytes);
    }
}

impl Sink for Fast {
    fn put(&mut self, bytes: &[u8]) {
        self.write(bytes);
    }
}

/// Hashes an optional field so that `None`, `Some("")` and field boundaries all differ
/// (0xff never occurs in UTF-8, so it can end a field unambiguously).
fn field(h: &mut impl Sink, field: Option<&str>) {
    match field {
        None => h.put(&[0xfe]),
        Some(s) => {
            h.put(s.as_bytes());
            h.put(&[0xff]);
        }
    }
}

/// Feeds everything the cache stores about an item (its key excepted) to `h`.
fn hash_fields(h: &mut impl Sink, item: &Item) {
    field(h, Some(&item.title));
    // The link's identity, not its spelling: http/https and `www.` flapping is not an update.
    let link = item
        .link
        .as_deref()
        .map(|l| link_key(l).unwrap_or_else(|| l.to_string()));
    field(h, link.as_deref());
    let published = item.published.map(|t| t.timestamp().to_string());
    field(h, published.as_deref());
    field(h, item.author.as_deref());
    field(h, item.category.as_deref());
    field(h, item.lead.as_deref());
    field(h, item.body.as_deref());
}

/// The hash of everything the cache stores about an item (its key excepted), XXH3-64.
pub(crate) fn content_hash(item: &Item) -> i64 {
    let mut h = Fast::default();
    hash_fields(&mut h, item);
    i64::from_ne_bytes(h.finish().to_ne_bytes())
}

/// The same over FNV-1a-64, as caches written before XXH3 store it: a row whose stored hash
/// equals this one is unchanged (only its hash is rewritten).
pub(crate) fn legacy_content_hash(item: &Item) -> i64 {
    let mut h = Fnv::default();
    hash_fields(&mut h, item);
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
        assert!([TAG_ZSTD, TAG_ZSTD_DICT].contains(&blob[0]));
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
        assert_eq!(decode(&[TAG_ZSTD, 0xff, 0xff, 0xff]), None);
        assert_eq!(decode(&[TAG_ZSTD_DICT, 0xff, 0xff, 0xff]), None);
        let mut blob = Encoder::new().encode(&"Пошкоджено. ".repeat(40));
        let last = blob.len() - 1;
        blob[last] ^= 0x55;
        blob.truncate(blob.len() - 3);
        assert_eq!(decode(&blob), None);
        // A whole frame whose text is not UTF-8.
        let frame = zstd::bulk::compress(&[b'a', 0xD0, 0xFF, b'b'].repeat(50), 1).unwrap();
        assert_eq!(decode(&tagged(TAG_ZSTD, &frame)), None);
        assert_eq!(
            decode(&tagged(TAG_PLAIN, "Київ".as_bytes())).as_deref(),
            Some("Київ")
        );
    }

    /// Rows written by builds that used deflate still read back.
    #[test]
    fn old_deflate_rows_still_decode() {
        use std::io::Write;
        let text = "<p>Старий запис «Чернігівського монітора» 🇺🇦</p>".repeat(10);
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6));
        z.write_all(text.as_bytes()).unwrap();
        let blob = tagged(TAG_DEFLATE, &z.finish().unwrap());
        assert_eq!(decode(&blob).as_deref(), Some(text.as_str()));
    }

    #[test]
    fn incompressible_text_is_stored_plain() {
        // Every byte value pattern that zstd cannot shrink: a blob never grows past tag + text.
        let noise: String = (0u32..300)
            .map(|i| {
                char::from_u32(0x4e00 + (i.wrapping_mul(2_654_435_761) >> 9) % 0x5000).unwrap()
            })
            .collect();
        let blob = Encoder::new().encode(&noise);
        assert!(blob.len() <= noise.len() + 1);
        assert_eq!(decode(&blob).as_deref(), Some(noise.as_str()));
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
