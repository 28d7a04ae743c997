//! HTTP fetching: one reqwest blocking client with a total deadline per request (body
//! included), redirect and size limits, `User-Agent: chmon/<version>`, proxies from the
//! environment, conditional GET; and reading a local feed file under the same size limit. An
//! article page over the limit may be cut there instead of refused (`get_cut`).
//! Bytes only (hashed while they arrive). Must not decode text, parse feeds or touch the store.

use std::io::Read;
use std::time::Instant;

use reqwest::StatusCode;
use reqwest::blocking::{Client, Response};
use reqwest::header::{self, HeaderMap};

use super::FeedError;
use super::freshness::{Freshness, freshness_of, throttled};
pub use crate::config::FetchOptions;
use crate::hash::Fast;

#[path = "fetch_error.rs"]
mod fetch_error;
#[path = "fetch_local.rs"]
mod fetch_local;

pub use fetch_local::read_local;

/// Validators from the previous fetch, sent as If-None-Match / If-Modified-Since.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FetchOutcome {
    /// 304, with what the answer said about its freshness.
    NotModified(Freshness),
    Body(Fetched),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// What the server said about when to ask again.
    pub freshness: Freshness,
    /// XXH3-64 of `bytes`, computed while they arrived.
    pub hash: u64,
    /// The body was longer than the size limit and `bytes` are its beginning (`get_cut`).
    pub cut: bool,
}

pub struct Fetcher {
    opts: FetchOptions,
    client: Client,
}

/// At most this many redirects are followed.
const MAX_REDIRECTS: usize = 10;

impl Fetcher {
    /// Builds the client (installing the ring crypto provider first, once per process).
    pub fn new(opts: FetchOptions) -> Result<Fetcher, FeedError> {
        // Err only means a provider is already installed, which is what we want.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = Client::builder()
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.timeout)
            .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
            .user_agent(concat!("chmon/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| FeedError::Client {
                cause: fetch_error::describe(&e, &opts),
            })?;
        Ok(Fetcher { opts, client })
    }

    /// GET `url`; a 304 is `NotModified`; any other non-2xx status is an error naming the URL.
    /// The whole request, body included, ends by the `timeout` deadline.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<FetchOutcome, FeedError> {
        self.get_by(url, validators, Instant::now() + self.opts.timeout)
    }

    /// [`Fetcher::get`] that keeps the first `max_bytes` of a longer body (`Fetched::cut`)
    /// instead of refusing it: for an article page, whose beginning holds the story.
    pub fn get_cut(&self, url: &str, validators: &Validators) -> Result<FetchOutcome, FeedError> {
        self.request(url, validators, Instant::now() + self.opts.timeout, true)
    }

    /// [`Fetcher::get`] that ends by `deadline` (which may be sooner than `timeout` from now:
    /// discovery shares one deadline among its requests).
    pub fn get_by(
        &self,
        url: &str,
        validators: &Validators,
        deadline: Instant,
    ) -> Result<FetchOutcome, FeedError> {
        self.request(url, validators, deadline, false)
    }

    fn request(
        &self,
        url: &str,
        validators: &Validators,
        deadline: Instant,
        cut: bool,
    ) -> Result<FetchOutcome, FeedError> {
        let fail = |cause: String| FeedError::Http {
            url: crate::text::sanitize::clean_line(url),
            cause,
        };
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(fail(self.timed_out()));
        }
        let mut request = self.client.get(url).timeout(left);
        if let Some(etag) = &validators.etag {
            request = request.header(header::IF_NONE_MATCH, etag.as_str());
        }
        if let Some(lm) = &validators.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, lm.as_str());
        }
        let response = request
            .send()
            .map_err(|e| fail(fetch_error::describe(&e, &self.opts)))?;
        let status = response.status();
        let headers = response.headers().clone();
        if let Some(outcome) = answered_without_body(url, status, &headers) {
            return outcome;
        }
        let final_url = response.url().to_string();
        let (bytes, hash, cut) = self.read_body(response, deadline, cut).map_err(fail)?;
        Ok(FetchOutcome::Body(Fetched {
            url: final_url,
            bytes,
            content_type: header_text(&headers, header::CONTENT_TYPE),
            etag: header_text(&headers, header::ETAG),
            last_modified: header_text(&headers, header::LAST_MODIFIED),
            freshness: freshness_of(&headers),
            hash,
            cut,
        }))
    }

    /// The total time one request may take.
    pub fn timeout(&self) -> std::time::Duration {
        self.opts.timeout
    }

    /// The largest body (or local file) accepted.
    pub fn max_bytes(&self) -> u64 {
        self.opts.max_bytes
    }

    fn timed_out(&self) -> String {
        format!("timed out after {:?}", self.opts.timeout)
    }

    /// The body, at most `max_bytes` (checked against Content-Length first, then while reading;
    /// with `cut`, a longer one is cut there: true when it was), and its hash; an error once
    /// `deadline` has passed, however the bytes trickle in.
    fn read_body(
        &self,
        response: Response,
        deadline: Instant,
        cut: bool,
    ) -> Result<(Vec<u8>, u64, bool), String> {
        let max = self.opts.max_bytes;
        let expected = response.content_length();
        if !cut && expected.is_some_and(|len| len > max) {
            return Err(too_large(max));
        }
        // Sized once from Content-Length (never more than the limit): no growth by doubling,
        // which would copy a big feed several times and hold up to twice its size.
        let capacity = expected.map_or(0, |len| len.min(max).saturating_add(1));
        let capacity = usize::try_from(capacity).unwrap_or(0);
        let mut reader = response.take(max.saturating_add(1));
        let mut read = |buf: &mut [u8]| {
            if Instant::now() >= deadline {
                return Err(self.timed_out());
            }
            reader
                .read(buf)
                .map_err(|e| fetch_error::describe_io(&e, &self.opts))
        };
        let (mut bytes, hash) = read_hashed(&mut read, capacity, if cut { u64::MAX } else { max })?;
        if bytes.len() as u64 <= max {
            return Ok((bytes, hash, false));
        }
        bytes.truncate(usize::try_from(max).unwrap_or(usize::MAX));
        let mut hash = Fast::default();
        hash.write(&bytes);
        Ok((bytes, hash.finish(), true))
    }
}

/// Reads with `read` until it returns 0, hashing as it goes; more than `max` bytes is an error.
pub(super) fn read_hashed(
    read: &mut dyn FnMut(&mut [u8]) -> Result<usize, String>,
    capacity: usize,
    max: u64,
) -> Result<(Vec<u8>, u64), String> {
    const STEP: usize = 256 * 1024;
    let mut bytes = Vec::with_capacity(capacity);
    let mut hash = Fast::default();
    loop {
        // Grows only when full: a body sized from Content-Length is read into exactly its room
        // (the last read, into the one spare byte, sees the end).
        if bytes.capacity() == bytes.len() {
            bytes.reserve(STEP);
        }
        let start = bytes.len();
        bytes.resize(bytes.capacity().min(start + STEP), 0);
        let n = read(&mut bytes[start..]);
        bytes.truncate(start + n.as_ref().map_or(0, |n| *n));
        match n? {
            0 => break,
            _ => hash.write(&bytes[start..]),
        }
        if bytes.len() as u64 > max {
            return Err(too_large(max));
        }
    }
    Ok((bytes, hash.finish()))
}

fn too_large(max: u64) -> String {
    format!("response too large (over {max} bytes)")
}

/// `404 Not Found`, or just the code when it has no standard reason phrase.
fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// What a status means when there is no body to read: 304, a 429/503 with `Retry-After`, or
/// any other error status. `None`: a success, read the body.
fn answered_without_body(
    url: &str,
    status: StatusCode,
    headers: &HeaderMap,
) -> Option<Result<FetchOutcome, FeedError>> {
    let url = crate::text::sanitize::clean_line(url);
    if status == StatusCode::NOT_MODIFIED {
        return Some(Ok(FetchOutcome::NotModified(freshness_of(headers))));
    }
    if let Some(retry_after) = throttled(status, headers) {
        return Some(Err(FeedError::Throttled {
            url,
            status: status_text(status),
            retry_after,
        }));
    }
    if status.is_redirection()
        && let Some(to) = header_text(headers, header::LOCATION)
    {
        let cause = format!(
            "the redirect to {} was refused: chmon follows redirects only to http and https",
            crate::text::sanitize::clean_line(&to)
        );
        return Some(Err(FeedError::Http { url, cause }));
    }
    (!status.is_success()).then(|| {
        Err(FeedError::Http {
            url,
            cause: format!("HTTP {}", status_text(status)),
        })
    })
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_string())
}
