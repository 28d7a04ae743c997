//! Reading a local feed file under the same size limit as a download: only a regular file
//! (a directory, FIFO, socket or device is refused before it is opened), hashed as it is read.
//! Must not decode text or parse feeds.

use std::io::Read;
use std::path::Path;

use super::{Fetched, read_hashed};
use crate::feed::FeedError;
use crate::feed::freshness::Freshness;

/// A local feed file, under the same size limit as a download. Only a regular file is read:
/// a directory, FIFO, socket or device (`/dev/zero`) is refused before it is opened.
pub fn read_local(path: &Path, max_bytes: u64) -> Result<Fetched, FeedError> {
    let fail = |cause: String| FeedError::File {
        path: crate::text::sanitize::clean_line(&path.display().to_string()),
        cause,
    };
    let io = |e: std::io::Error| fail(e.to_string());
    let meta = std::fs::metadata(path).map_err(io)?;
    regular(&meta).map_err(fail)?;
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    regular(&meta).map_err(fail)?;
    if meta.len() > max_bytes {
        return Err(fail(format!("file too large (over {max_bytes} bytes)")));
    }
    let capacity = usize::try_from(meta.len().saturating_add(1)).unwrap_or(0);
    let mut reader = file.take(max_bytes.saturating_add(1));
    let mut read = |buf: &mut [u8]| reader.read(buf).map_err(|e| e.to_string());
    let (bytes, hash) = read_hashed(&mut read, capacity, max_bytes)
        .map_err(|e| fail(e.replace("response", "file")))?;
    Ok(Fetched {
        url: String::new(),
        bytes,
        content_type: None,
        etag: None,
        last_modified: None,
        freshness: Freshness::default(),
        hash,
        cut: false,
    })
}

/// Ok for a regular file; else what it is instead.
fn regular(meta: &std::fs::Metadata) -> Result<(), String> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a directory"
    } else {
        special_kind(kind)
    };
    Err(format!("is {what}, not a feed file"))
}

#[cfg(unix)]
fn special_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> &'static str {
    "not a regular file"
}
