//! The offline demo: the bundled demo feed written into a fresh temporary data directory.
//! Owns nothing else; the demo is refreshed like any local feed.

use std::path::PathBuf;

/// Our own demo feed, in the agency's real format (windows-1251, yandex:full-text, Kyiv dates).
pub const DEMO_FEED: &[u8] = include_bytes!("../assets/demo-feed.xml");

/// Creates a temporary data directory holding the demo feed; returns it and the feed's path.
/// The directory is removed when the returned handle is dropped.
pub fn prepare() -> std::io::Result<(tempfile::TempDir, PathBuf)> {
    let dir = tempfile::Builder::new().prefix("chmon-demo-").tempdir()?;
    let feed = dir.path().join("demo-feed.xml");
    std::fs::write(&feed, DEMO_FEED)?;
    Ok((dir, feed))
}
