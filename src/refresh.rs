//! The refresh pipeline: source → (stored feed URL | discovery) → conditional fetch → parse → cache.
//! Owns the order of those steps, the skip rules (304, unchanged body), what a truncated body
//! may store, and the refresh lock; shared by CLI and TUI.
//! Must not draw, print or decide anything about presentation.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::config::Retention;
use crate::feed::FeedError;
use crate::feed::chunked::{Streamed, parse_body_chunked};
use crate::feed::fetch::{self, FetchOutcome, Fetched, Fetcher, Validators};
use crate::feed::freshness;
use crate::model::{ListQuery, Scope};
use crate::store::{FeedRecord, Prepared, Store, StoreError, UpsertStats};

mod discover;
mod lock;

pub use lock::{RefreshLock, lock};

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error(transparent)]
    Feed(#[from] FeedError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Another process (or thread) is refreshing the same cache.
    #[error("a refresh of this feed is already running")]
    Busy,
    /// The lock file could not be created or locked.
    #[error("refresh lock {path}: {source}")]
    Lock {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RefreshReport {
    pub stats: UpsertStats,
    /// The server answered 304, or sent the same bytes as last time: nothing was parsed.
    pub unchanged: bool,
    pub feed_title: Option<String>,
    /// The body was cut off: its complete items were stored, its validators were not (so the
    /// next refresh fetches it whole again).
    pub truncated: Option<Truncated>,
    /// How long the server said this answer stays fresh: the larger of `max-age` (less
    /// `Age`) or `Expires`, and the feed's `<ttl>`.
    pub server_wait: Option<Duration>,
}

/// A body that ended before its document did.
#[derive(Debug, Clone, PartialEq)]
pub struct Truncated {
    /// Where it came from (sanitised).
    pub url: String,
    /// How many complete items it held (all stored).
    pub kept: usize,
}

/// True when `source` names a local file rather than an http(s) URL.
pub fn is_local(source: &str) -> bool {
    !(source.starts_with("http://") || source.starts_with("https://"))
}

/// Refreshes one source into the cache, keeping everything. On any error the cache is exactly
/// as it was: a feed is parsed in pieces (see `feed::chunked`) straight into one cache
/// transaction. The caller holds the [`lock`] of the cache.
pub fn refresh(
    store: &mut Store,
    fetcher: &Fetcher,
    source: &str,
    now: DateTime<Utc>,
) -> Result<RefreshReport, RefreshError> {
    refresh_keeping(store, fetcher, source, Retention::default(), now)
}

/// What every step of one refresh needs.
pub(super) struct Job {
    pub retention: Retention,
    pub now: DateTime<Utc>,
}

/// [`refresh`], then lets go of what `retention` does not keep (see `store::retention`).
pub fn refresh_keeping(
    store: &mut Store,
    fetcher: &Fetcher,
    source: &str,
    retention: Retention,
    now: DateTime<Utc>,
) -> Result<RefreshReport, RefreshError> {
    let mut feed = store.feed(source)?;
    let job = Job { retention, now };
    if is_local(source) {
        return refresh_file(store, &mut feed, source, fetcher.max_bytes(), &job);
    }
    let url = feed.feed_url.clone().unwrap_or_else(|| source.to_string());
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    let fetched = match fetcher.get(&url, &validators)? {
        FetchOutcome::NotModified(fresh) => {
            return unchanged(store, &feed, fresh.lifetime(now));
        }
        FetchOutcome::Body(fetched) => fetched,
    };
    if feed.body_hash == Some(fetched.hash) {
        remember_validators(&mut feed, &fetched);
        store.save_feed(&feed)?;
        return unchanged(store, &feed, server_wait(&fetched, now));
    }
    let mut updated = feed.clone();
    let report = match ingest(store, &mut updated, &fetched, &job)? {
        Ingested::Feed(report) => report,
        Ingested::Page(feed_urls) => {
            let deadline = Instant::now() + fetcher.timeout();
            let page = discover::Page {
                url: &fetched.url,
                feed_urls,
                deadline,
            };
            return discover::discover(store, fetcher, &mut feed, page, &job);
        }
    };
    Ok(RefreshReport {
        server_wait: server_wait(&fetched, now),
        ..report
    })
}

/// The larger of the HTTP freshness and the body's `<ttl>`.
pub(super) fn server_wait(fetched: &Fetched, now: DateTime<Utc>) -> Option<Duration> {
    let http = fetched.freshness.lifetime(now);
    http.max(freshness::ttl(&fetched.bytes))
}

/// A local feed file: read (a regular file under the size limit only), skipped when its bytes
/// are unchanged, else parsed and stored.
fn refresh_file(
    store: &mut Store,
    feed: &mut FeedRecord,
    source: &str,
    max_bytes: u64,
    job: &Job,
) -> Result<RefreshReport, RefreshError> {
    let path = Path::new(source.strip_prefix("file://").unwrap_or(source));
    let mut read = fetch::read_local(path, max_bytes)?;
    if feed.body_hash == Some(read.hash) {
        return unchanged(store, feed, freshness::ttl(&read.bytes));
    }
    read.url = file_url(path);
    match ingest(store, feed, &read, job)? {
        Ingested::Feed(report) => Ok(RefreshReport {
            server_wait: freshness::ttl(&read.bytes),
            ..report
        }),
        Ingested::Page(_) => Err(FeedError::NoFeed {
            url: source.to_string(),
            tried: source.to_string(),
        }
        .into()),
    }
}

/// What [`ingest`] found.
enum Ingested {
    Feed(RefreshReport),
    /// A page naming these feeds; nothing was written.
    Page(Vec<String>),
}

/// Parses `body` in pieces straight into one cache transaction, which also saves `feed` (title,
/// body hash and validators from `body`, or none of those when the body was cut off).
fn ingest(
    store: &mut Store,
    feed: &mut FeedRecord,
    body: &Fetched,
    job: &Job,
) -> Result<Ingested, RefreshError> {
    let mut upsert = store.begin_upsert(feed.id, job.now)?;
    let mut kept = 0;
    let prepare = |items| crate::store::prepare(items);
    let content_type = body.content_type.as_deref();
    let streamed = parse_body_chunked(
        &body.bytes,
        content_type,
        &body.url,
        &prepare,
        &mut |items: Vec<Prepared>| {
            kept += items.len();
            upsert.add_prepared(&items).map_err(RefreshError::from)
        },
    )?;
    let (title, truncated) = match streamed {
        Streamed::Feed {
            title, truncated, ..
        } => (title, truncated),
        Streamed::Page { feed_urls } => return Ok(Ingested::Page(feed_urls)),
    };
    if title.is_some() {
        feed.title = title;
    }
    let truncated = remember_body(feed, body, truncated, kept);
    upsert.save_feed(feed)?;
    let stats = upsert.commit_keeping(job.retention)?;
    Ok(Ingested::Feed(RefreshReport {
        stats,
        unchanged: false,
        feed_title: feed.title.clone(),
        truncated,
        server_wait: server_wait(body, job.now),
    }))
}

/// Remembers the body's hash and validators, unless it was cut off: then it must be fetched
/// whole next time, and the cut is reported.
fn remember_body(
    feed: &mut FeedRecord,
    body: &Fetched,
    truncated: bool,
    kept: usize,
) -> Option<Truncated> {
    if truncated {
        feed.etag = None;
        feed.last_modified = None;
        feed.body_hash = None;
        return Some(Truncated {
            url: crate::text::clean_line(&body.url),
            kept,
        });
    }
    remember_validators(feed, body);
    feed.body_hash = Some(body.hash);
    None
}

/// A `file://` URL for a local feed, so its relative links have a base.
fn file_url(path: &Path) -> String {
    std::path::absolute(path)
        .ok()
        .and_then(|p| url::Url::from_file_path(p).ok())
        .map_or_else(|| "file:///".to_string(), String::from)
}

fn unchanged(
    store: &Store,
    feed: &FeedRecord,
    server_wait: Option<Duration>,
) -> Result<RefreshReport, RefreshError> {
    let counts = store.counts(&ListQuery::new(Scope::Feed(feed.id)))?;
    Ok(RefreshReport {
        stats: UpsertStats {
            total: counts.total,
            ..UpsertStats::default()
        },
        unchanged: true,
        feed_title: feed.title.clone(),
        truncated: None,
        server_wait,
    })
}

fn remember_validators(feed: &mut FeedRecord, fetched: &Fetched) {
    feed.etag = fetched.etag.clone();
    feed.last_modified = fetched.last_modified.clone();
}
