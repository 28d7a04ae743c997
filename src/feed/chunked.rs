//! The one parse pipeline for every body. Big XML feeds go in pieces: the raw bytes are split
//! between items (on `<item`/`<entry>` start tags, outside CDATA, comments and processing
//! instructions), and each piece — the document's prolog and channel header, a run of items,
//! and whatever follows — is decoded, repaired, parsed and prepared (the caller's `prepare`,
//! e.g. hashing and compressing for the cache) on its own on worker threads, while the caller
//! stores the previous ones in document order. Only what a few pieces need is ever in memory.
//! Small bodies, JSON, pages and encodings whose bytes cannot be split safely (anything but
//! UTF-8 and single-byte ones) are the one-piece case. Must not touch the store: items go to
//! the caller's sink.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use encoding_rs::{Encoding, UTF_8};

use super::parse::{Document, Kind, Part, kind, parse_document, parse_xml_part};
use super::xmlscan::item_starts;
use super::{FeedError, decode};
use crate::model::{Item, Keyed};

/// Items per piece.
const CHUNK_ITEMS: usize = 500;
/// Bodies smaller than this are parsed whole (one piece would be all of it anyway).
const MIN_CHUNKED: usize = 1 << 20;
/// Worker threads parsing pieces (the machine this is measured on has two cores).
const MAX_WORKERS: usize = 2;

/// What a body turned out to be once its items have all gone to the sink.
#[derive(Debug, PartialEq)]
pub enum Streamed {
    Feed {
        title: Option<String>,
        link: Option<String>,
        /// The body was cut off: its complete items were kept, the rest is missing.
        truncated: bool,
    },
    /// An HTML page; the discovered feed URLs (absolute, in page order), possibly none.
    Page { feed_urls: Vec<String> },
}

/// What the caller does to each piece's items on the worker thread.
pub type Prepare<'a, T> = &'a (dyn Fn(Vec<Item>) -> Vec<T> + Sync);

/// Parses a body and hands its items, made ready by `prepare`, to `sink` in pieces (in
/// document order, each key once: the first item with a key wins). An error from `sink`
/// stops parsing and is returned.
pub fn parse_body_chunked<T: Keyed + Send, E: From<FeedError>>(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
    prepare: Prepare<'_, T>,
    sink: &mut dyn FnMut(Vec<T>) -> Result<(), E>,
) -> Result<Streamed, E> {
    let limits = (CHUNK_ITEMS, MIN_CHUNKED);
    parse_in_pieces(bytes, content_type, url, limits, prepare, sink)
}

/// [`parse_body_chunked`] with `(items per piece, smallest body cut)` given.
fn parse_in_pieces<T: Keyed + Send, E: From<FeedError>>(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
    limits: (usize, usize),
    prepare: Prepare<'_, T>,
    sink: &mut dyn FnMut(Vec<T>) -> Result<(), E>,
) -> Result<Streamed, E> {
    let Some(plan) = plan(bytes, content_type, limits) else {
        return one_piece(bytes, content_type, url, prepare, sink);
    };
    let job = Job {
        bytes,
        plan: &plan,
        url,
        prepare,
    };
    let mut consumer = Consumer {
        sink,
        seen: HashSet::new(),
        head: None,
        truncated: false,
    };
    job.run(&mut consumer)?;
    let (title, link) = consumer.head.unwrap_or_default();
    Ok(Streamed::Feed {
        title,
        link,
        truncated: consumer.truncated,
    })
}

/// The whole body as one document.
fn one_piece<T, E: From<FeedError>>(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
    prepare: Prepare<'_, T>,
    sink: &mut dyn FnMut(Vec<T>) -> Result<(), E>,
) -> Result<Streamed, E> {
    let text = decode::decode(bytes, content_type).text;
    match parse_document(&text, content_type, url)? {
        Document::Feed(Part { feed, truncated }) => {
            sink(prepare(feed.items))?;
            Ok(Streamed::Feed {
                title: feed.title,
                link: feed.link,
                truncated,
            })
        }
        Document::Page(feed_urls) => Ok(Streamed::Page { feed_urls }),
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

/// One parsed and prepared piece.
struct Done<T> {
    title: Option<String>,
    link: Option<String>,
    items: Vec<T>,
    truncated: bool,
}

/// What the workers share: the body, its plan, and the caller's preparation.
struct Job<'a, T> {
    bytes: &'a [u8],
    plan: &'a Plan,
    url: &'a str,
    prepare: Prepare<'a, T>,
}

impl<T: Keyed + Send> Job<'_, T> {
    /// Parses the pieces on worker threads (inline if none can be started), feeding `consumer`
    /// in document order: worker `k` takes pieces `k`, `k + W`, … and sends them on its own
    /// channel, which the consumer reads in turn.
    fn run<E: From<FeedError>>(&self, consumer: &mut Consumer<'_, T, E>) -> Result<(), E> {
        let count = self.plan.pieces.len();
        let workers = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, MAX_WORKERS)
            .min(count);
        std::thread::scope(|scope| {
            let mut channels: Vec<Receiver<Result<Done<T>, FeedError>>> = Vec::new();
            for k in 0..workers {
                let (tx, rx) = sync_channel(1);
                let spawned = std::thread::Builder::new()
                    .name("chmon-parse".into())
                    .spawn_scoped(scope, move || self.work(k, workers, &tx));
                if spawned.is_err() {
                    break;
                }
                channels.push(rx);
            }
            if channels.len() < workers {
                drop(channels);
                return (0..count).try_for_each(|i| consumer.take(i, count, self.piece(i)));
            }
            (0..count).try_for_each(|i| match channels[i % workers].recv() {
                Ok(done) => consumer.take(i, count, done),
                Err(_) => Err(FeedError::Parse {
                    url: crate::text::sanitize::clean_line(self.url),
                    cause: "the parse thread stopped".to_string(),
                }
                .into()),
            })
        })
    }

    /// Worker `k` of `workers`: its pieces in order, until one fails or the consumer is gone.
    fn work(&self, k: usize, workers: usize, tx: &SyncSender<Result<Done<T>, FeedError>>) {
        for i in (k..self.plan.pieces.len()).step_by(workers) {
            let done = self.piece(i);
            let failed = done.is_err();
            if tx.send(done).is_err() || failed {
                return;
            }
        }
    }

    /// Decodes, parses and prepares piece `i`.
    fn piece(&self, i: usize) -> Result<Done<T>, FeedError> {
        let range = self.plan.pieces.get(i).cloned().unwrap_or_default();
        let raw = self.bytes.get(range).unwrap_or_default();
        let mut text = String::new();
        decode::decode_into(self.plan.encoding, raw, &self.plan.prolog, &mut text);
        let part = parse_xml_part(&text, self.url, &mut HashSet::new(), i > 0)?;
        drop(text);
        Ok(Done {
            title: part.feed.title,
            link: part.feed.link,
            items: (self.prepare)(part.feed.items),
            truncated: part.truncated,
        })
    }
}

/// The caller's side: keeps the first piece's head, drops keys already taken, tells whether
/// the last piece was cut off, and feeds the sink.
struct Consumer<'s, T, E> {
    sink: &'s mut dyn FnMut(Vec<T>) -> Result<(), E>,
    seen: HashSet<String>,
    head: Option<(Option<String>, Option<String>)>,
    truncated: bool,
}

impl<T: Keyed, E: From<FeedError>> Consumer<'_, T, E> {
    fn take(&mut self, i: usize, count: usize, done: Result<Done<T>, FeedError>) -> Result<(), E> {
        let mut done = done?;
        if self.head.is_none() {
            self.head = Some((done.title, done.link));
        }
        // Every piece but the last is closed after its last item by repair: only the last
        // one's cut says the body was truncated.
        if i + 1 == count {
            self.truncated = done.truncated;
        }
        done.items
            .retain(|item| self.seen.insert(item.key().to_string()));
        (self.sink)(done.items)
    }
}

#[cfg(test)]
#[path = "chunked_tests.rs"]
mod tests;
