//! The refresh pipeline: source → (stored feed URL | discovery) → conditional fetch → parse → cache.
//! Owns the order of those steps and the skip rules (304, unchanged body); shared by CLI and TUI.
//! Must not draw, print or decide anything about presentation.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::config::Retention;
use crate::feed::FeedError;
use crate::feed::chunked::{Streamed, parse_body_chunked};
use crate::feed::fetch::{FetchOutcome, Fetched, Fetcher, Validators};
use crate::feed::freshness;
use crate::feed::parse::{Parsed, parse_body};
use crate::hash::fnv1a;
use crate::model::{ListQuery, ParsedFeed, Scope};
use crate::store::{FeedRecord, Store, StoreError, UpsertStats};

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error(transparent)]
    Feed(#[from] FeedError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RefreshReport {
    pub stats: UpsertStats,
    /// The server answered 304, or sent the same bytes as last time: nothing was parsed.
    pub unchanged: bool,
    pub feed_title: Option<String>,
    /// How long the server said this answer stays fresh: the larger of `max-age` (less
    /// `Age`) or `Expires`, and the feed's `<ttl>`.
    pub server_wait: Option<Duration>,
}

/// True when `source` names a local file rather than an http(s) URL.
pub fn is_local(source: &str) -> bool {
    !(source.starts_with("http://") || source.starts_with("https://"))
}

/// Refreshes one source into the cache, keeping everything. On any error the cache is exactly
/// as it was: a feed is parsed in pieces (see `feed::chunked`) straight into one transaction.
pub fn refresh(
    store: &mut Store,
    fetcher: &Fetcher,
    source: &str,
    now: DateTime<Utc>,
) -> Result<RefreshReport, RefreshError> {
    refresh_keeping(store, fetcher, source, Retention::default(), now)
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
        return refresh_file(store, &mut feed, source, &job);
    }
    let url = feed.feed_url.clone().unwrap_or_else(|| source.to_string());
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    let fetched = match fetcher.get(&url, &validators)? {
        FetchOutcome::NotModified(fresh) => {
            return unchanged(store, &feed, fresh.lifetime(job.now));
        }
        FetchOutcome::Body(fetched) => fetched,
    };
    let hash = fnv1a(&fetched.bytes);
    if feed.body_hash == Some(hash) {
        remember_validators(&mut feed, &fetched);
        store.save_feed(&feed)?;
        return unchanged(store, &feed, server_wait(&fetched, job.now));
    }
    let body = Body {
        bytes: &fetched.bytes,
        content_type: fetched.content_type.as_deref(),
        url: &fetched.url,
        hash,
    };
    let mut updated = feed.clone();
    remember_validators(&mut updated, &fetched);
    let report = match stream_feed(store, &mut updated, &body, &job)? {
        Ok(report) => report,
        Err(feed_urls) => discover(store, fetcher, &mut feed, &fetched.url, feed_urls, &job)?,
    };
    Ok(RefreshReport {
        server_wait: report.server_wait.max(server_wait(&fetched, job.now)),
        ..report
    })
}

/// What every step of one refresh needs.
struct Job {
    retention: Retention,
    now: DateTime<Utc>,
}

/// The larger of the HTTP freshness and the body's `<ttl>`.
fn server_wait(fetched: &Fetched, now: DateTime<Utc>) -> Option<Duration> {
    let http = fetched.freshness.lifetime(now);
    http.max(freshness::ttl(&fetched.bytes))
}

/// A local feed file: read, skipped when its bytes are unchanged, else parsed and stored.
fn refresh_file(
    store: &mut Store,
    feed: &mut FeedRecord,
    source: &str,
    job: &Job,
) -> Result<RefreshReport, RefreshError> {
    let path = Path::new(source.strip_prefix("file://").unwrap_or(source));
    let bytes = read_file(path)?;
    let hash = fnv1a(&bytes);
    if feed.body_hash == Some(hash) {
        return unchanged(store, feed, freshness::ttl(&bytes));
    }
    let body = Body {
        bytes: &bytes,
        content_type: None,
        url: &file_url(path),
        hash,
    };
    match stream_feed(store, feed, &body, job)? {
        Ok(report) => Ok(report),
        Err(_page) => Err(FeedError::NoFeed {
            url: source.to_string(),
            tried: source.to_string(),
        }
        .into()),
    }
}

/// A fetched or read body and the hash that will be remembered for it.
struct Body<'a> {
    bytes: &'a [u8],
    content_type: Option<&'a str>,
    url: &'a str,
    hash: u64,
}

/// Parses `body` in pieces straight into one cache transaction, which also saves `feed`
/// (title, body hash, and whatever the caller set). `Err(feed_urls)` inside: it was a page,
/// and nothing was written.
fn stream_feed(
    store: &mut Store,
    feed: &mut FeedRecord,
    body: &Body<'_>,
    job: &Job,
) -> Result<Result<RefreshReport, Vec<String>>, RefreshError> {
    let mut upsert = store.begin_upsert(feed.id, job.now)?;
    let streamed = parse_body_chunked(body.bytes, body.content_type, body.url, &mut |items| {
        upsert.add(&items).map_err(RefreshError::from)
    })?;
    let title = match streamed {
        Streamed::Feed { title, .. } => title,
        Streamed::Page { feed_urls } => return Ok(Err(feed_urls)),
    };
    if title.is_some() {
        feed.title = title;
    }
    feed.body_hash = Some(body.hash);
    upsert.save_feed(feed)?;
    let stats = upsert.commit_keeping(job.retention)?;
    Ok(Ok(RefreshReport {
        stats,
        unchanged: false,
        feed_title: feed.title.clone(),
        server_wait: freshness::ttl(body.bytes),
    }))
}

/// A site page: try the feeds it names, then the agency's `/news.xml`; remember the one that works.
fn discover(
    store: &mut Store,
    fetcher: &Fetcher,
    feed: &mut FeedRecord,
    page_url: &str,
    mut candidates: Vec<String>,
    job: &Job,
) -> Result<RefreshReport, RefreshError> {
    if let Ok(fallback) = url::Url::parse(page_url).and_then(|u| u.join("/news.xml")) {
        candidates.push(fallback.to_string());
    }
    candidates.dedup();
    let mut tried = Vec::new();
    for candidate in candidates {
        tried.push(candidate.clone());
        let Ok(FetchOutcome::Body(fetched)) = fetcher.get(&candidate, &Validators::default())
        else {
            continue;
        };
        let Ok(Parsed::Feed(parsed)) = parse_body(
            &fetched.bytes,
            fetched.content_type.as_deref(),
            &fetched.url,
        ) else {
            continue;
        };
        feed.feed_url = Some(candidate);
        remember_validators(feed, &fetched);
        let report = store_feed(store, feed, parsed, fnv1a(&fetched.bytes), job)?;
        return Ok(RefreshReport {
            server_wait: server_wait(&fetched, job.now),
            ..report
        });
    }
    Err(FeedError::NoFeed {
        url: page_url.to_string(),
        tried: tried.join(", "),
    }
    .into())
}

/// A `file://` URL for a local feed, so its relative links have a base.
fn file_url(path: &Path) -> String {
    std::path::absolute(path)
        .ok()
        .and_then(|p| url::Url::from_file_path(p).ok())
        .map_or_else(|| "file:///".to_string(), String::from)
}

fn store_feed(
    store: &mut Store,
    feed: &mut FeedRecord,
    parsed: ParsedFeed,
    hash: u64,
    job: &Job,
) -> Result<RefreshReport, RefreshError> {
    if parsed.title.is_some() {
        feed.title = parsed.title;
    }
    feed.body_hash = Some(hash);
    let mut upsert = store.begin_upsert(feed.id, job.now)?;
    upsert.add(&parsed.items)?;
    upsert.save_feed(feed)?;
    let stats = upsert.commit_keeping(job.retention)?;
    Ok(RefreshReport {
        stats,
        unchanged: false,
        feed_title: feed.title.clone(),
        server_wait: None,
    })
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
        server_wait,
    })
}

fn remember_validators(feed: &mut FeedRecord, fetched: &Fetched) {
    feed.etag = fetched.etag.clone();
    feed.last_modified = fetched.last_modified.clone();
}

fn read_file(path: &Path) -> Result<Vec<u8>, FeedError> {
    std::fs::read(path).map_err(|e| FeedError::File {
        path: path.display().to_string(),
        cause: e.to_string(),
    })
}
