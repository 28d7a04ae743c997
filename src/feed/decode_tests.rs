//! Tests of charset choice and decoding.

use encoding_rs::WINDOWS_1251;

use super::*;

fn cp1251(s: &str) -> Vec<u8> {
    WINDOWS_1251.encode(s).0.into_owned()
}

#[test]
fn labels_are_normalised() {
    for label in [
        "cp1251",
        "CP-1251",
        "windows-1251",
        " Windows-1251 ",
        "win-1251",
        "x-cp1251",
    ] {
        assert_eq!(encoding_for_label(label), Some(WINDOWS_1251), "{label}");
    }
    assert_eq!(encoding_for_label("koi8-u"), Some(encoding_rs::KOI8_U));
    assert_eq!(encoding_for_label("KOI8-R"), Some(encoding_rs::KOI8_R));
    assert_eq!(encoding_for_label("utf-8"), Some(UTF_8));
    assert_eq!(encoding_for_label("utf-16"), None);
    assert_eq!(encoding_for_label("cp866"), Some(encoding_rs::IBM866));
    assert_eq!(encoding_for_label("nonsense"), None);
}

#[test]
fn charset_from_header() {
    assert_eq!(
        charset_param("text/xml; charset=\"windows-1251\""),
        Some("windows-1251")
    );
    assert_eq!(
        charset_param("application/rss+xml;Charset=koi8-u"),
        Some("koi8-u")
    );
    assert_eq!(charset_param("text/xml"), None);
}

#[test]
fn declaration_wins_over_header_and_is_rewritten() {
    let mut bytes = b"  \n<?xml version='1.0' encoding='windows-1251'?><r>".to_vec();
    bytes.extend(cp1251("Чернігів</r>"));
    let d = decode(&bytes, Some("text/xml; charset=koi8-u"));
    assert_eq!(
        d.text,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Чернігів</r>"
    );
}

#[test]
fn lying_declaration_over_utf8_bytes() {
    let text = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><r>Чернігів «монітор»</r>";
    let d = decode(text.as_bytes(), None);
    assert_eq!(d.charset, Charset::Encoding(UTF_8));
    assert!(d.text.contains("Чернігів «монітор»"));
}

#[test]
fn header_then_utf8_then_windows_1251() {
    let koi = encoding_rs::KOI8_U.encode("<r>Київ</r>").0.into_owned();
    assert_eq!(
        decode(&koi, Some("text/xml; charset=koi8-u")).text,
        "<r>Київ</r>"
    );
    assert_eq!(decode("<r>Київ</r>".as_bytes(), None).text, "<r>Київ</r>");
    assert_eq!(decode(&cp1251("<r>Київ</r>"), None).text, "<r>Київ</r>");
}

#[test]
fn bom_wins_and_is_removed() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(b"<?xml version=\"1.0\" encoding=\"cp1251\"?><r>");
    bytes.extend("Ї</r>".as_bytes());
    assert_eq!(
        decode(&bytes, None).text,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Ї</r>"
    );
}

#[test]
fn utf16_declaration_is_rewritten_too() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>Ї</r>".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    assert_eq!(
        decode(&bytes, None).text,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Ї</r>"
    );
}

/// The block-wise count gives the whole-input answer: mostly-UTF-8 with a few broken
/// bytes over several blocks, and windows-1251 after a long ASCII or UTF-8 stretch.
#[test]
fn utf8_guess_is_decided_over_the_whole_input() {
    let mut mostly = "Чернігів — новини області. ".repeat(10_000).into_bytes();
    for at in [100_001, 200_003, 300_007] {
        let at = (at..).find(|&i| mostly[i] >= 0xC0).unwrap();
        mostly[at] = 0xFF;
    }
    assert_eq!(form(&mostly), Form::Utf8);
    let mut late = "a".repeat(300_000).into_bytes();
    late.extend(cp1251(&"Київ ".repeat(5_000)));
    assert_eq!(form(&late), Form::Legacy);
    let mut mixed = "Київ ".repeat(2_000).into_bytes();
    mixed.extend(cp1251(&"Чернігів ".repeat(20_000)));
    assert_eq!(form(&mixed), Form::Legacy);
    assert_eq!(form(b"plain ascii \xff"), Form::Legacy);
    assert_eq!(form(b"plain ascii"), Form::Ascii);
}

#[test]
fn one_invalid_byte_does_not_switch_encoding() {
    let mut bytes = "<r>Новини Чернігова та області</r>".as_bytes().to_vec();
    bytes.insert(15, 0xFF);
    let d = decode(&bytes, None);
    assert_eq!(d.charset, Charset::Encoding(UTF_8));
    assert!(d.text.contains("Чернігова та області"));
}

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    s.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

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

/// UTF-16 and UTF-32 in both byte orders, with and without a BOM, all decode to the same text.
#[test]
fn utf16_and_utf32_with_or_without_bom() {
    let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>Київ 🔺</r>";
    let want = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Київ 🔺</r>";
    for big in [false, true] {
        let bom16: &[u8] = if big { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] };
        let bom32: &[u8] = if big {
            &[0, 0, 0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE, 0, 0]
        };
        for bytes in [
            utf16(doc, big),
            [bom16, &utf16(doc, big)].concat(),
            utf32(doc, big),
            [bom32, &utf32(doc, big)].concat(),
        ] {
            assert_eq!(decode(&bytes, None).text, want, "{:?}", &bytes[..6]);
        }
    }
    // No declaration at all: the zero bytes around `<` tell it.
    assert_eq!(decode(&utf16("<r>Ї</r>", false), None).text, "<r>Ї</r>");
    assert_eq!(decode(&utf32("\n<r>Ї</r>", true), None).text, "\n<r>Ї</r>");
}

/// `iso-8859-1`, `latin1` and `us-ascii` mean windows-1252 (WHATWG): 0x92 is ’, 0x80 is €.
#[test]
fn latin1_labels_decode_as_windows_1252() {
    for label in ["iso-8859-1", "ISO-8859-1", "latin1", "us-ascii", "ascii"] {
        let mut bytes = format!("<?xml version=\"1.0\" encoding=\"{label}\"?><r>").into_bytes();
        bytes.extend(b"It\x92s \x80 5</r>");
        assert!(
            decode(&bytes, None).text.ends_with("<r>It’s € 5</r>"),
            "{label}"
        );
    }
    let d = decode(b"<r>It\x92s</r>", Some("text/xml; charset=ISO-8859-1"));
    assert_eq!(d.text, "<r>It’s</r>");
}

/// A UTF-8 claim (declaration or header) over bytes that are not UTF-8 is a lie too.
#[test]
fn utf8_claim_over_legacy_bytes_is_detected() {
    let text = "<r>Новини Чернігівщини: у місті відкрили міст через Десну</r>";
    let koi = encoding_rs::KOI8_U.encode(text).0.into_owned();
    let d = decode(&koi, Some("text/xml; charset=utf-8"));
    assert_eq!(d.text, text);
    assert_eq!(d.charset, Charset::Encoding(encoding_rs::KOI8_U));
    let mut declared = b"<?xml version=\"1.0\" encoding=\"utf-8\"?>".to_vec();
    declared.extend(cp1251(text));
    assert!(decode(&declared, None).text.ends_with(text));
}

#[test]
fn high_bytes_and_pairs_are_counted_across_runs_and_blocks() {
    let mut bytes = cp1251(&"Київ — «новини» ".repeat(9_000));
    bytes.extend("Чернігів".as_bytes());
    bytes.insert(1 << 16, 0xD0);
    bytes.insert((1 << 16) + 1, 0x9A);
    // Every length up to three runs of 255 (the counters' width), the old block edges, all.
    let lens = (0..800).chain([(1 << 16) + 1, (1 << 16) + 2, bytes.len()]);
    for len in lens {
        let b = &bytes[..len];
        let high = b.iter().filter(|&&x| x >= 0x80).count();
        let pairs = b
            .windows(2)
            .filter(|w| w[0] >= 0xC0 && (0x80..0xC0).contains(&w[1]))
            .count();
        assert_eq!(high_bytes_and_pairs(b), (high, pairs), "{len}");
    }
}
