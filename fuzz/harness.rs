//! The fuzz targets' bodies, shared by `fuzz/fuzz_targets/*.rs` (libFuzzer) and
//! `tests/fuzz_corpus.rs` (which replays every saved corpus file in a normal `cargo test`).
//! Each takes arbitrary bytes and must neither panic, hang nor overflow the stack; a few
//! output properties that hold for any input are checked. No IO.
#![allow(dead_code)] // each target uses one of these functions

use chmon::article::{ArticleText, Labels};

/// The content types a feed body may come with (the first input byte picks one), so that the
/// header's charset and the HTML/JSON detection are fuzzed too.
const CONTENT_TYPES: &[Option<&str>] = &[
    None,
    Some("application/rss+xml"),
    Some("text/xml; charset=windows-1251"),
    Some("text/html; charset=utf-8"),
    Some("application/feed+json"),
    Some("text/plain; charset=koi8-u"),
];

/// Bytes → decode → repair → parse (the whole pipeline a fetched body goes through).
pub fn feed(data: &[u8]) {
    let (content_type, body) = match data.split_first() {
        Some((&b, rest)) if b < 32 => (CONTENT_TYPES[usize::from(b) % CONTENT_TYPES.len()], rest),
        _ => (None, data),
    };
    let parsed = chmon::feed::parse::parse_body(body, content_type, "https://fuzz.invalid/feed");
    if let Ok(chmon::feed::parse::Parsed::Feed(feed)) = parsed {
        for item in &feed.items {
            assert!(!item.title.contains('\u{1b}'), "escape in a title");
        }
    }
}

/// HTML → article text at a width taken from the first byte (0..=255; 0 is treated as 1).
pub fn article(data: &[u8]) {
    let Some((&width, html)) = data.split_first() else {
        return;
    };
    let html = String::from_utf8_lossy(html);
    let text = ArticleText::new(None, Some(&html), Some("https://fuzz.invalid/a/1"));
    let rendered = text.render(usize::from(width), &Labels::default());
    for line in &rendered.lines {
        assert!(!line.contains('\u{1b}'), "escape in article text");
    }
}

/// Config text (TOML) → checked config.
pub fn config(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = chmon::config::parse(text, "fuzz.toml");
    }
}

/// OPML bytes → feeds and refusals.
pub fn opml(data: &[u8]) {
    if let Ok(opml) = chmon::opml::parse(data) {
        for feed in &opml.feeds {
            assert!(
                feed.url.starts_with("http://") || feed.url.starts_with("https://"),
                "a non-http feed was taken"
            );
        }
    }
}
