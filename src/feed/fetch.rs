//! HTTP fetching: one reqwest blocking client with timeouts, redirect and size limits,
//! `User-Agent: chmon/<version>`, proxies from the environment, conditional GET. Bytes only.
//! CONTRACT STUB. Must not decode text, parse feeds or touch the store.

use std::time::Duration;

use super::FeedError;

#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 50 * 1024 * 1024,
        }
    }
}

/// Validators from the previous fetch, sent as If-None-Match / If-Modified-Since.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FetchOutcome {
    NotModified,
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
}

pub struct Fetcher {
    opts: FetchOptions,
}

impl Fetcher {
    pub fn new(opts: FetchOptions) -> Result<Fetcher, FeedError> {
        Ok(Fetcher { opts })
    }

    /// GET `url`; a 304 is `NotModified`; any other non-2xx status is an error naming the URL.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<FetchOutcome, FeedError> {
        let _ = (url, validators, &self.opts);
        todo!()
    }
}
