//! Getting a feed: HTTP fetch (conditional GET, limits), charset decoding, XML repair,
//! parsing into our own types, and feed discovery from a site page.
//! Must not touch the store or the screen; the caller decides what to fetch and when.

mod attrs;
mod authors;
mod body;
pub mod chunked;
pub mod date;
pub mod decode;
mod detect;
mod dialect;
pub mod discover;
pub mod fetch;
pub mod freshness;
pub mod identity;
mod jsonfeed;
mod links;
mod markup;
mod namespaces;
pub mod parse;
mod rawitem;
pub mod repair;
mod sbcs;
mod sidetable;
mod sniff;
mod stash;
mod xmlscan;

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("{url}: {cause}")]
    Http { url: String, cause: String },
    #[error("{url}: {cause}")]
    Parse { url: String, cause: String },
    #[error("{path}: {cause}")]
    File { path: String, cause: String },
    /// 429 or 503 with a `Retry-After`: no request to this feed before the time is up.
    #[error("{url}: HTTP {status} (the server asked to wait {})", crate::timefmt::wait_text(*retry_after))]
    Throttled {
        url: String,
        status: String,
        retry_after: std::time::Duration,
    },
    #[error("{url}: no feed found (tried {tried})")]
    NoFeed { url: String, tried: String },
    /// The HTTP client itself could not be built (no URL involved yet).
    #[error("HTTP client: {cause}")]
    Client { cause: String },
}
