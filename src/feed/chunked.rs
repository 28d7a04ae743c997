//! Big XML feeds in pieces: the raw bytes are split between items (on `<item`/`<entry>` start
//! tags, outside CDATA, comments and processing instructions), and each piece — the document's
//! prolog and channel header, a run of items, and whatever follows — is decoded, repaired and
//! parsed on its own on a second thread while the caller stores the previous one. Only what one
//! piece needs is ever in memory. Small bodies, JSON, pages and encodings whose bytes cannot be
//! split safely (anything but UTF-8 and single-byte ones) take the whole-document path.
//! Must not touch the store: items go to the caller's sink.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::mpsc;

use encoding_rs::{Encoding, UTF_8};

use super::parse::{Kind, Parsed, kind, parse_body, parse_xml_part};
use super::{FeedError, decode};
use crate::model::{Item, ParsedFeed};

/// Items per piece.
const CHUNK_ITEMS: usize = 500;
/// Bodies smaller than this are parsed whole (one piece would be all of it anyway).
const MIN_CHUNKED: usize = 1 << 20;

/// What a body turned out to be once its items have all gone to the sink.
#[derive(Debug, PartialEq)]
pub enum Streamed {
    Feed {
        title: Option<String>,
        link: Option<String>,
    },
    /// An HTML page; the discovered feed URLs (absolute, in page order), possibly none.
    Page { feed_urls: Vec<String> },
}

/// Like [`parse_body`], but hands the items to `sink` in pieces (in document order, each key
/// once: the first item with a key wins, as in the whole-document path). An error from `sink`
/// stops parsing and is returned.
pub fn parse_body_chunked<E: From<FeedError>>(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
    sink: &mut dyn FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<Streamed, E> {
    parse_in_pieces(bytes, content_type, url, (CHUNK_ITEMS, MIN_CHUNKED), sink)
}

/// [`parse_body_chunked`] with `(items per piece, smallest body cut)` given.
fn parse_in_pieces<E: From<FeedError>>(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
    limits: (usize, usize),
    sink: &mut dyn FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<Streamed, E> {
    if let Some(plan) = plan(bytes, content_type, limits) {
        return run(bytes, &plan, url, sink);
    }
    match parse_body(bytes, content_type, url)? {
        Parsed::Feed(feed) => {
            sink(feed.items)?;
            Ok(Streamed::Feed {
                title: feed.title,
                link: feed.link,
            })
        }
        Parsed::Page { feed_urls } => Ok(Streamed::Page { feed_urls }),
    }
}

/// How a body is cut: its encoding, the decoded prolog, and the byte ranges of the pieces.
struct Plan {
    encoding: &'static Encoding,
    prolog: String,
    pieces: Vec<Range<usize>>,
}

/// A plan when the body is a big XML feed in a splittable encoding, else `None`.
fn plan(bytes: &[u8], content_type: Option<&str>, limits: (usize, usize)) -> Option<Plan> {
    let (per_piece, min_bytes) = limits;
    if bytes.len() < min_bytes {
        return None;
    }
    let (decode::Charset::Encoding(encoding), body) = decode::choose(bytes, content_type) else {
        return None;
    };
    if encoding != UTF_8 && !encoding.is_single_byte() {
        return None;
    }
    let offset = bytes.len() - body.len();
    let starts = item_starts(body);
    if starts.len() <= per_piece {
        return None;
    }
    let prolog = decode::decode_with(encoding, &body[..starts[0]]);
    if kind(&prolog, content_type) != Kind::Xml {
        return None;
    }
    let cuts: Vec<usize> = starts
        .iter()
        .step_by(per_piece)
        .map(|s| s + offset)
        .collect();
    let ends = cuts.iter().skip(1).copied().chain([bytes.len()]);
    let pieces = cuts.iter().zip(ends).map(|(&s, e)| s..e).collect();
    Some(Plan {
        encoding,
        prolog,
        pieces,
    })
}

/// Parses the pieces on a second thread (inline if none can be started), feeding `sink`.
fn run<E: From<FeedError>>(
    bytes: &[u8],
    plan: &Plan,
    url: &str,
    sink: &mut dyn FnMut(Vec<Item>) -> Result<(), E>,
) -> Result<Streamed, E> {
    let mut head: Option<(Option<String>, Option<String>)> = None;
    let mut take = |part: Result<ParsedFeed, FeedError>| -> Result<(), E> {
        let feed = part?;
        if head.is_none() {
            head = Some((feed.title, feed.link));
        }
        sink(feed.items)
    };
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel(1);
        let spawned = std::thread::Builder::new()
            .name("chmon-parse".into())
            .spawn_scoped(scope, move || {
                produce(bytes, plan, url, &mut |p| tx.send(p).is_ok());
            });
        if spawned.is_err() {
            let mut result = Ok(());
            produce(bytes, plan, url, &mut |p| {
                result = take(p);
                result.is_ok()
            });
            return result;
        }
        rx.into_iter().try_for_each(&mut take)
    })?;
    let (title, link) = head.unwrap_or_default();
    Ok(Streamed::Feed { title, link })
}

/// Decodes and parses each piece in order, handing results to `send` until it says stop or a
/// piece fails. Keys are deduplicated across pieces.
fn produce(
    bytes: &[u8],
    plan: &Plan,
    url: &str,
    send: &mut dyn FnMut(Result<ParsedFeed, FeedError>) -> bool,
) {
    let mut seen = HashSet::new();
    let mut text = String::new();
    for (i, range) in plan.pieces.iter().enumerate() {
        let Some(raw) = bytes.get(range.clone()) else {
            return;
        };
        decode::decode_into(plan.encoding, raw, &plan.prolog, &mut text);
        let part = parse_xml_part(&text, url, &mut seen, i > 0);
        let failed = part.is_err();
        if !send(part) || failed {
            return;
        }
    }
}

/// Byte offsets of every `<item`/`<entry` start tag (any prefix), outside CDATA, comments and
/// processing instructions.
fn item_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    while let Some(found) = bytes
        .get(at..)
        .and_then(|r| r.iter().position(|&b| b == b'<'))
    {
        let lt = at + found;
        let rest = &bytes[lt..];
        at = if rest.starts_with(b"<![CDATA[") {
            skip_past(bytes, lt + 9, b"]]>")
        } else if rest.starts_with(b"<!--") {
            skip_past(bytes, lt + 4, b"-->")
        } else if rest.starts_with(b"<?") {
            skip_past(bytes, lt + 2, b"?>")
        } else {
            if is_item_start(rest) {
                starts.push(lt);
            }
            lt + 1
        };
    }
    starts
}

/// The offset just after the first `end` at or after `from` (the length if there is none).
fn skip_past(bytes: &[u8], from: usize, end: &[u8]) -> usize {
    let mut at = from;
    while let Some(found) = bytes
        .get(at..)
        .and_then(|r| r.iter().position(|&b| b == end[0]))
    {
        let pos = at + found;
        if bytes[pos..].starts_with(end) {
            return pos + end.len();
        }
        at = pos + 1;
    }
    bytes.len()
}

/// True when `tag` (starting at `<`) is a start tag whose local name is `item` or `entry`.
fn is_item_start(tag: &[u8]) -> bool {
    let name = &tag[1..];
    let len = name
        .iter()
        .position(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n'))
        .unwrap_or(name.len());
    let local = name[..len]
        .rsplit(|&b| b == b':')
        .next()
        .unwrap_or_default();
    len > 0 && matches!(local, b"item" | b"entry")
}

#[cfg(test)]
#[path = "chunked_tests.rs"]
mod tests;
