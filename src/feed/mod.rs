//! Getting a feed: HTTP fetch (conditional GET, limits), charset decoding, XML repair,
//! parsing into our own types, and feed discovery from a site page.
//! CONTRACT STUB — the feed owner fills the submodules. Must not touch the store or the screen.

pub mod fetch;
pub mod parse;

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("{url}: {cause}")]
    Http { url: String, cause: String },
    #[error("{url}: {cause}")]
    Parse { url: String, cause: String },
    #[error("{path}: {cause}")]
    File { path: String, cause: String },
    #[error("{url}: no feed found (tried {tried})")]
    NoFeed { url: String, tried: String },
}
