//! Plain data shared across modules: a parsed feed item and what the cache hands back.
//! No logic, no IO; every string here has already been sanitised where it came from a feed.

use std::time::Duration;

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

/// Which articles a list shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// Every feed of the feed list («Усі новини»).
    #[default]
    All,
    /// One feed (by its cache id).
    Feed(i64),
    /// The feeds of one section of the feed list.
    Section(String),
}

/// What a headline list is: one value handed to the cache's headline, count and position
/// queries, so that filters (unread only, starred, a search) are fields here, not arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ListQuery {
    pub scope: Scope,
    /// Only the articles a search finds (within the scope).
    pub search: Option<Search>,
    /// Only the unread articles of the scope.
    pub unread_only: bool,
    /// The starred articles of the whole cache (the scope is then ignored).
    pub starred: bool,
}

impl ListQuery {
    pub fn new(scope: Scope) -> ListQuery {
        ListQuery {
            scope,
            search: None,
            unread_only: false,
            starred: false,
        }
    }
}

/// A search as typed (the search module parses it where it is run).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Search {
    pub text: String,
    /// Best matches first (bm25, the title weighing more), else newest first.
    pub relevance: bool,
    /// The last word is a prefix (the query is being typed).
    pub prefix: bool,
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
    pub starred: bool,
    /// A feed of the listed scope the article is in (the lowest id when it is in several):
    /// what the list shows next to the title in "All" and in a section.
    pub feed_id: i64,
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
    pub starred: bool,
}

/// An article's stored web page: the story (sanitised HTML from the extractor), what the page
/// said of it, and its fetch's validators (for a conditional GET).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPage {
    pub url: Option<String>,
    pub fetched: DateTime<Utc>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub title: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub author: Option<String>,
    pub html: String,
}

/// A feed's date more than this many seconds after the item was first seen is not trusted:
/// the item is shown and sorted at the time it was first seen (the store's upsert SQL has the
/// same number).
pub const FUTURE_SLACK_SECS: i64 = 86_400;

/// Where an article's shown time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// The feed's date.
    Feed,
    /// First seen: the feed gave no date.
    FirstSeen,
    /// First seen: the feed's date was more than a day after it.
    FirstSeenFuture,
}

impl DateSource {
    /// The `date_source` of `chmon list --json`.
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Feed => "feed",
            DateSource::FirstSeen => "first_seen",
            DateSource::FirstSeenFuture => "first_seen_future",
        }
    }
}

impl Article {
    /// The time to show and sort by: published, else (or if published is in the future) first seen.
    pub fn time(&self) -> DateTime<Utc> {
        match self.date_source() {
            DateSource::Feed => self.published.unwrap_or(self.first_seen),
            DateSource::FirstSeen | DateSource::FirstSeenFuture => self.first_seen,
        }
    }

    /// The article as the reader shows it with its stored page: the page's text replaces the
    /// feed's, and the page's date and author fill missing ones.
    #[must_use]
    pub fn with_page(mut self, page: Option<&StoredPage>) -> Article {
        if let Some(p) = page {
            self.lead = None;
            self.body = Some(p.html.clone());
            self.published = self.published.or(p.published);
            self.author = self.author.or_else(|| p.author.clone());
        }
        self
    }

    pub fn date_source(&self) -> DateSource {
        match self.published {
            None => DateSource::FirstSeen,
            Some(p) if p.timestamp() > self.first_seen.timestamp() + FUTURE_SLACK_SECS => {
                DateSource::FirstSeenFuture
            }
            Some(_) => DateSource::Feed,
        }
    }
}

/// What the cache remembers about a feed's fetches, for the timer and `chmon feeds`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// When it was last fetched (or tried).
    pub last_attempt: Option<DateTime<Utc>>,
    /// When it was last fetched without an error.
    pub last_success: Option<DateTime<Utc>>,
    /// The error of the last attempt, if it failed.
    pub last_error: Option<String>,
    /// Failed attempts in a row (0 after a success).
    pub failures: u32,
    /// How long the server said the last answer stays fresh (`<ttl>`, `max-age`, `Expires`).
    pub server_wait: Option<Duration>,
    /// A `Retry-After` the server gave with 429 or 503: no request before then.
    pub retry_until: Option<DateTime<Utc>>,
}

/// A feed of the list with its counts and fetch state (the feed pane, `chmon feeds`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedSummary {
    pub id: i64,
    /// What the list says: a feed URL, a site URL or a file.
    pub source: String,
    /// The feed URL discovered from a site page, once known.
    pub feed_url: Option<String>,
    /// The feed's own title.
    pub title: Option<String>,
    /// The name the list gives it.
    pub name: Option<String>,
    pub section: Option<String>,
    pub state: FeedState,
    pub counts: Counts,
}

impl FeedSummary {
    /// The name to show: the list's, else the feed's title, else the source.
    pub fn label(&self) -> &str {
        self.name
            .as_deref()
            .or(self.title.as_deref())
            .unwrap_or(&self.source)
    }
}
