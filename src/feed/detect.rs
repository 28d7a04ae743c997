//! Bytes in an undeclared legacy encoding → the encoding, by chardetng (the detector by the
//! author of encoding_rs) over a bounded sample. Ukraine's TLD is the detector's hint, so that
//! windows-1251 wins a tie while KOI8-R/KOI8-U, ISO-8859-5, IBM866 and Latin encodings win on
//! evidence. Called only for bytes that are neither ASCII nor (nearly) valid UTF-8; knows
//! nothing about declarations, headers or feeds.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// The detector sees text from the first non-ASCII byte until it has seen this many of them
/// (about 1,000 letters of Cyrillic, far more than it needs to tell the encodings apart) ...
const SAMPLE_NON_ASCII: usize = 1024;
/// ... or this many bytes in all (text with few non-ASCII letters, such as Latin): the
/// detector costs some hundreds of instructions a byte, so it must not see a whole feed.
const SAMPLE_MAX: usize = 64 * 1024;

/// The detector's hint: chmon reads Ukrainian news first (a browser uses its locale the same
/// way when a page's TLD says nothing).
const HOME_TLD: &[u8] = b"ua";

/// The most likely single- or multi-byte legacy encoding of `bytes` (never UTF-8).
pub fn legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    let first = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
    let window = &bytes[first..bytes.len().min(first.saturating_add(SAMPLE_MAX))];
    let end = first
        + window
            .iter()
            .enumerate()
            .filter(|(_, b)| **b >= 0x80)
            .nth(SAMPLE_NON_ASCII)
            .map_or(window.len(), |(i, _)| i);
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(&bytes[..end], end == bytes.len());
    detector.guess(Some(HOME_TLD), Utf8Detection::Deny)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{IBM866, ISO_8859_5, KOI8_R, KOI8_U, WINDOWS_1251, WINDOWS_1252};

    const UK: &str = "<rss><channel><title>Новини Чернігівщини</title><item><title>У Чернігові \
        відкрили оновлений міст через Десну</title><description>Роботи тривали кілька тижнів; \
        мешканці області отримали нову дорогу, а громада — ще одне укриття.</description></item>";
    const RU: &str = "<rss><channel><title>Новости Чернигова</title><item><title>В городе \
        открыли обновлённый мост через Десну</title><description>Работы продолжались несколько \
        недель, жители области получили новую дорогу.</description></item>";

    fn guess(text: &str, enc: &'static Encoding) -> &'static Encoding {
        legacy_encoding(&enc.encode(text).0)
    }

    #[test]
    fn cyrillic_encodings_are_told_apart() {
        assert_eq!(guess(UK, WINDOWS_1251), WINDOWS_1251);
        assert_eq!(guess(RU, WINDOWS_1251), WINDOWS_1251);
        assert_eq!(guess(UK, KOI8_U), KOI8_U);
        // KOI8-R text decodes the same as KOI8-U (they differ only in box-drawing bytes).
        assert_eq!(guess(RU, KOI8_R), KOI8_U);
        assert_eq!(guess(RU, ISO_8859_5), ISO_8859_5);
        assert_eq!(guess(UK, IBM866), IBM866);
        assert_eq!(guess(RU, IBM866), IBM866);
    }

    #[test]
    fn latin_text_is_not_taken_for_cyrillic() {
        let fr = "<rss><item><title>Les élèves ont été très créatifs à l’école</title>\
                  <description>Déjà vu : le café où l’on a déjeuné était fermé.</description></item>";
        assert_eq!(guess(fr, WINDOWS_1252), WINDOWS_1252);
    }

    /// The sample ends after enough non-ASCII bytes, and the answer holds for a long feed.
    #[test]
    fn a_long_feed_is_judged_by_its_start() {
        let long = UK.repeat(200);
        assert!(long.len() > SAMPLE_MAX);
        assert_eq!(guess(&long, KOI8_U), KOI8_U);
        assert_eq!(guess(&RU.repeat(200), IBM866), IBM866);
        assert_eq!(guess(&UK.repeat(200), ISO_8859_5), ISO_8859_5);
    }

    #[test]
    fn too_little_evidence_is_windows_1251() {
        assert_eq!(guess("<r>Київ</r>", WINDOWS_1251), WINDOWS_1251);
        assert_eq!(legacy_encoding(b"<r>\xff</r>"), WINDOWS_1251);
    }
}
