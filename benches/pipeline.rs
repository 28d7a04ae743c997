//! Micro-benchmarks of chmon's hot paths (divan): decode + parse of a 10k-item feed (whole, and
//! through the refresh's pipeline with items prepared for the cache), the body hash, and turning
//! a 200 KB article into text at width 80. Inputs are generated here (benches/support), never read
//! from disk. Owns only benchmarks; must not change the library.
//!
//! Run: `cargo bench --bench pipeline` (add `-- --sample-count 3` for a quick look).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod support;

use chmon::article::{ArticleText, Labels};
use chmon::feed::chunked::{Streamed, parse_body_chunked};
use chmon::feed::parse::{Parsed, parse_body};
use divan::Bencher;
use divan::counter::BytesCount;

const FEED_URL: &str = "http://127.0.0.1/news.xml";
const ARTICLE_BYTES: usize = 200 * 1024;

fn main() {
    divan::main();
}

fn feed_10k_cp1251() -> Vec<u8> {
    support::to_cp1251(&support::feed(10_000, 1251))
}

fn article_200k() -> String {
    support::body(&mut support::Rng::new(7), 4_200_000, ARTICLE_BYTES)
}

/// Asserts the parse produced all items, so a broken parser cannot look fast.
fn item_count(parsed: &Parsed) -> usize {
    match parsed {
        Parsed::Feed(feed) => feed.items.len(),
        Parsed::Page { .. } => 0,
    }
}

/// windows-1251 bytes, charset in the XML declaration and the HTTP header (the agency's case).
#[divan::bench(sample_count = 10)]
fn parse_10k_items_cp1251(bencher: Bencher) {
    let bytes = feed_10k_cp1251();
    let ct = Some("application/rss+xml; charset=windows-1251");
    let check = parse_body(&bytes, ct, FEED_URL).map(|p| item_count(&p));
    assert!(matches!(check, Ok(10_000)), "parse_body gave {check:?}");
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| parse_body(divan::black_box(&bytes), ct, FEED_URL));
}

/// The same feed in UTF-8 with the declaration fixed, for comparison (no transcoding).
#[divan::bench(sample_count = 10)]
fn parse_10k_items_utf8(bencher: Bencher) {
    let text = support::feed(10_000, 1251).replacen("windows-1251", "UTF-8", 1);
    let bytes = text.into_bytes();
    let ct = Some("application/rss+xml; charset=utf-8");
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| parse_body(divan::black_box(&bytes), ct, FEED_URL));
}

/// What a refresh does with a fetched 10k-item body before SQLite: decode, repair and parse in
/// pieces on the worker threads, each piece's items hashed and compressed (`store::prepare`).
#[divan::bench(sample_count = 10)]
fn ingest_10k_items_cp1251_prepared(bencher: Bencher) {
    let bytes = feed_10k_cp1251();
    let ct = Some("application/rss+xml; charset=windows-1251");
    let prepare = |items| chmon::store::prepare(items);
    let run = |bytes: &[u8]| {
        let mut count = 0;
        let streamed = parse_body_chunked(bytes, ct, FEED_URL, &prepare, &mut |items| {
            count += items.len();
            Ok::<(), chmon::feed::FeedError>(())
        });
        (streamed, count)
    };
    let (streamed, count) = run(&bytes);
    assert!(matches!(
        streamed,
        Ok(Streamed::Feed {
            truncated: false,
            ..
        })
    ));
    assert_eq!(count, 10_000);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| run(divan::black_box(&bytes)).1);
}

/// The unchanged-body check: XXH3-64 of a 10k-item body (FNV-1a before).
#[divan::bench]
fn body_hash_10k_items(bencher: Bencher) {
    let bytes = feed_10k_cp1251();
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| chmon::hash::fast(divan::black_box(&bytes)));
}

/// Prepare (parse the HTML) and render at 80 columns: what opening an article costs.
#[divan::bench]
fn article_200k_open_w80(bencher: Bencher) {
    let html = article_200k();
    let base = Some("http://monitor.cn.ua/ua/society/4200000");
    bencher.counter(BytesCount::new(html.len())).bench(|| {
        let article = ArticleText::new(Some("Лід статті."), Some(divan::black_box(&html)), base);
        article.render(80, &Labels::UKRAINIAN)
    });
}

/// Render only, on an already prepared article: what a resize costs.
#[divan::bench]
fn article_200k_render_w80(bencher: Bencher) {
    let html = article_200k();
    let article = ArticleText::new(None, Some(&html), Some("http://monitor.cn.ua/"));
    let lines = article.render(80, &Labels::UKRAINIAN).lines;
    assert!(lines.len() > 1000, "only {} lines", lines.len());
    assert!(
        lines
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 80)
    );
    bencher
        .counter(BytesCount::new(html.len()))
        .bench_local(|| article.render(divan::black_box(80), &Labels::UKRAINIAN));
}
