//! HTTP fetching: one reqwest blocking client with timeouts, redirect and size limits,
//! `User-Agent: chmon/<version>`, proxies from the environment, conditional GET. Bytes only.
//! Must not decode text, parse feeds or touch the store.

use std::io::Read;

use reqwest::StatusCode;
use reqwest::blocking::{Client, Response};
use reqwest::header::{self, HeaderMap};

use super::FeedError;
use super::freshness::{self, Freshness};
pub use crate::config::FetchOptions;

#[path = "fetch_error.rs"]
mod fetch_error;

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
    pub fn get(&self, url: &str, validators: &Validators) -> Result<FetchOutcome, FeedError> {
        let fail = |cause: String| FeedError::Http {
            url: crate::text::sanitize::clean_line(url),
            cause,
        };
        let mut request = self.client.get(url);
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
        if status == StatusCode::NOT_MODIFIED {
            return Ok(FetchOutcome::NotModified(freshness_of(&headers)));
        }
        if let Some(retry_after) = throttled(status, &headers) {
            return Err(FeedError::Throttled {
                url: crate::text::sanitize::clean_line(url),
                status: status_text(status),
                retry_after,
            });
        }
        if !status.is_success() {
            return Err(fail(format!("HTTP {}", status_text(status))));
        }
        let final_url = response.url().to_string();
        let bytes = self.read_body(response).map_err(fail)?;
        Ok(FetchOutcome::Body(Fetched {
            url: final_url,
            bytes,
            content_type: header_text(&headers, header::CONTENT_TYPE),
            etag: header_text(&headers, header::ETAG),
            last_modified: header_text(&headers, header::LAST_MODIFIED),
            freshness: freshness_of(&headers),
        }))
    }

    /// The body, at most `max_bytes` (checked against Content-Length first, then while reading).
    fn read_body(&self, response: Response) -> Result<Vec<u8>, String> {
        let max = self.opts.max_bytes;
        let too_large = || format!("response too large (over {max} bytes)");
        let expected = response.content_length();
        if expected.is_some_and(|len| len > max) {
            return Err(too_large());
        }
        // Sized once from Content-Length (never more than the limit): no growth by doubling,
        // which would copy a big feed several times and hold up to twice its size.
        let capacity = expected.map_or(0, |len| len.min(max).saturating_add(1));
        let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
        response
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| fetch_error::describe_io(&e, &self.opts))?;
        if bytes.len() as u64 > max {
            return Err(too_large());
        }
        Ok(bytes)
    }
}

/// `404 Not Found`, or just the code when it has no standard reason phrase.
fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// The `Retry-After` of a 429 or 503 (`None` for any other status, or without the header).
fn throttled(status: StatusCode, headers: &HeaderMap) -> Option<std::time::Duration> {
    if !matches!(status.as_u16(), 429 | 503) {
        return None;
    }
    let value = header_text(headers, header::RETRY_AFTER)?;
    freshness::retry_after(&value, chrono::Utc::now())
}

fn freshness_of(headers: &HeaderMap) -> Freshness {
    let get = |name| header_text(headers, name);
    Freshness::parse(
        get(header::CACHE_CONTROL).as_deref(),
        get(header::AGE).as_deref(),
        get(header::EXPIRES).as_deref(),
        get(header::DATE).as_deref(),
    )
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_string())
}
