//! Replays every saved fuzz corpus file (fuzz/corpus/TARGET/*) through the fuzz targets' own
//! bodies (fuzz/harness.rs), so CI checks the corpus and the crashes found without fuzzing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| run(&data));
        assert!(result.is_ok(), "{target}: {} panicked", path.display());
        count += 1;
    }
    assert!(count > 0, "{target}: no corpus files in {}", dir.display());
}

#[test]
fn feed_corpus() {
    replay("feed", harness::feed);
}

#[test]
fn article_corpus() {
    replay("article", harness::article);
}

#[test]
fn config_corpus() {
    replay("config", harness::config);
}

#[test]
fn opml_corpus() {
    replay("opml", harness::opml);
}
