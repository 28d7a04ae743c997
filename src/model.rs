//! Plain data shared across modules: a parsed feed item and what the cache hands back.
//! No logic, no IO; every string here has already been sanitised where it came from a feed.

use chrono::{DateTime, Utc};

/// A feed after parsing, before storage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub link: Option<String>,
    pub items: Vec<Item>,
}

/// One item as parsed from a feed (not yet stored).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    /// Stable identity: guid; else the normalised link; else a hash of title and date.
    pub key: String,
    pub title: String,
    pub link: Option<String>,
    /// `None` when the feed gave no parseable date.
    pub published: Option<DateTime<Utc>>,
    pub author: Option<String>,
    pub category: Option<String>,
    /// The lead (`description`), HTML or text.
    pub lead: Option<String>,
    /// The full body (`yandex:full-text`, `content:encoded`, Atom content), HTML or text.
    pub body: Option<String>,
}

/// Something that carries an item's identity key: an [`Item`], or what the cache makes of one
/// before storing it. Lets a pipeline drop repeated keys without knowing the type.
pub trait Keyed {
    fn key(&self) -> &str;
}

impl Keyed for Item {
    fn key(&self) -> &str {
        &self.key
    }
}

/// How many articles a feed has, and how many of them are unread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub unread: usize,
}

/// One row of the headline list, as loaded from the cache.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// Cache row id (stable for the life of the cache file).
    pub id: i64,
    pub title: String,
    /// The published time, or the time first seen when the feed gave none.
    pub time: DateTime<Utc>,
    /// True when `time` is the published time from the feed.
    pub dated: bool,
    pub read: bool,
}

/// A whole cached article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: i64,
    /// The stable identity (see [`Item::key`]); the `id` of `chmon list --json`.
    pub key: String,
    pub title: String,
    pub link: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub first_seen: DateTime<Utc>,
    pub author: Option<String>,
    pub category: Option<String>,
    pub lead: Option<String>,
    pub body: Option<String>,
    pub read: bool,
}

impl Article {
    /// The time to show and sort by: published, else first seen.
    pub fn time(&self) -> DateTime<Utc> {
        self.published.unwrap_or(self.first_seen)
    }
}
