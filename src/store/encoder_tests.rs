//! Tests of the compressor's two ways: the dictionary where it pays (agency-style Ukrainian
//! HTML), plain zstd where it does not (other languages), and faithful round trips either way.

use super::*;
use crate::store::codec::decode;

/// An agency-style body: Ukrainian paragraphs, a photo, a link (not from any fixture).
fn agency_body(n: u32) -> String {
    format!(
        "<p>У громаді розповіли, що роботи на об’єкті №{n} тривали кілька тижнів.</p>\
         <p><img src=\"/i/news/{n}.jpg\" alt=\"Фото: Чернігівський монітор\"></p>\
         <p>За словами голови громади, кошти виділили з місцевого бюджету, а мешканців \
         просять стежити за повідомленнями. <a href=\"https://monitor.cn.ua/ua/news/{n}\">\
         Детальніше</a>.</p>"
    )
}

fn english_body(n: u32) -> String {
    format!(
        "<p>The council said on Tuesday that work on site {n} would take several weeks, and \
         residents were asked to follow the official announcements.</p><p>According to the \
         mayor, the money came from the local budget; <a href=\"https://example.org/{n}\">more\
         </a>.</p>"
    )
}

fn sizes(texts: &[String]) -> (usize, usize, usize) {
    let (mut batch, mut plain, mut with_dict) = (Encoder::new(), 0, 0);
    let mut total = 0;
    for text in texts {
        let blob = batch.encode(text);
        assert_eq!(decode(&blob).as_deref(), Some(text.as_str()));
        total += blob.len();
        let raw = text.as_bytes();
        let mut one = Compressor::new(LEVEL).unwrap();
        plain += one.compress(raw).unwrap().len() + 1;
        let mut one = Compressor::with_prepared_dictionary(encoder_dict()).unwrap();
        with_dict += one.compress(raw).unwrap().len() + 1;
    }
    (total, plain, with_dict)
}

#[test]
fn agency_style_text_takes_the_dictionary_and_is_smaller_for_it() {
    let texts: Vec<String> = (0..40).map(agency_body).collect();
    let (total, plain, with_dict) = sizes(&texts);
    assert!(with_dict < plain, "{with_dict} vs {plain}");
    assert!(total <= with_dict.max(plain), "{total}");
    assert!(total < plain, "{total} vs {plain}");
    let blob = Encoder::new().encode(&texts[0]);
    assert_eq!(blob[0], 3, "tagged as made with the dictionary");
}

#[test]
fn other_text_is_never_bigger_than_plain_zstd_makes_it() {
    let texts: Vec<String> = (0..40).map(english_body).collect();
    let (total, plain, with_dict) = sizes(&texts);
    assert!(
        total <= plain,
        "{total} vs plain {plain} (dictionary {with_dict})"
    );
}

#[test]
fn a_frame_naming_another_dictionary_or_damaged_is_refused() {
    let text = agency_body(7);
    let good = Encoder::new().encode(&text);
    assert_eq!(decode(&good).as_deref(), Some(text.as_str()));
    // The frame header names the dictionary by its id: another id is refused.
    let id = 0x6368_6D31_u32.to_le_bytes();
    let at = good
        .windows(4)
        .take(12)
        .position(|w| w == id)
        .expect("the id in the header");
    let mut other = good.clone();
    other[at] ^= 1;
    assert_eq!(decode(&other), None);
    let mut cut = good.clone();
    cut.truncate(good.len() - 5);
    assert_eq!(decode(&cut), None);
}
