//! The data some actions and effects carry: a feed's refresh result, an article to save as
//! text, an article page to fetch. Data only: no logic, no IO.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::model::FeedState;

/// How one feed's refresh ended.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedRefreshed {
    pub feed_id: i64,
    pub now: DateTime<Utc>,
    pub new: usize,
    /// The feed's own title, when it gave one.
    pub title: Option<String>,
    pub error: Option<String>,
    /// Not asked: the server's `Retry-After` had this long to run.
    pub held: Option<Duration>,
    /// The feed's fetch state afterwards (already saved).
    pub state: FeedState,
}

/// An article to save: its plain text and the title the file is named after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub title: String,
    pub text: String,
}

/// An article's page to fetch: the article's link and the stored page's validators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub id: i64,
    pub link: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Someone waits for it (the open article): ahead of the prefetches.
    pub first: bool,
}
