//! Fuzz target `opml`: see `fuzz/harness.rs` (the body is shared with tests/fuzz_corpus.rs).
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::opml(data));
