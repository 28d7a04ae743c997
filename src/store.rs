//! The SQLite cache (the reader's archive): schema, migrations, feeds, articles, read state.
//! CONTRACT STUB — the store owner replaces the bodies; signatures are shared with other modules.
//! Must not fetch, parse feeds or format anything for display.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::model::{Article, Headline, Item};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cache {path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cache {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// What the cache remembers about one feed source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedRecord {
    pub id: i64,
    /// What the user asked for (`--feed`): a feed URL, a site URL or a file path.
    pub source: String,
    /// The feed URL discovered from a site page, once known.
    pub feed_url: Option<String>,
    pub title: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Hash of the last body that was parsed (skip re-parsing an unchanged 200).
    pub body_hash: Option<u64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpsertStats {
    pub new: usize,
    pub updated: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub unread: usize,
}

pub struct Store {
    path: PathBuf,
    notice: Option<String>,
}

impl Store {
    /// Opens (creating dirs and file) and migrates. A corrupt file or one from a newer
    /// schema is moved aside (never wiped) and a fresh one started; `notice()` says so.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let _ = path;
        todo!()
    }
    pub fn open_in_memory() -> Result<Store, StoreError> {
        todo!()
    }
    /// A message for the user when opening had to move a bad file aside.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }
    pub fn path(&self) -> &Path {
        &self.path
    }
    /// Gets or creates the record for a source.
    pub fn feed(&mut self, source: &str) -> Result<FeedRecord, StoreError> {
        let _ = source;
        todo!()
    }
    pub fn save_feed(&mut self, feed: &FeedRecord) -> Result<(), StoreError> {
        let _ = feed;
        todo!()
    }
    /// Inserts new items and updates changed ones in one transaction. Never deletes.
    pub fn upsert_items(
        &mut self,
        feed_id: i64,
        items: &[Item],
        now: DateTime<Utc>,
    ) -> Result<UpsertStats, StoreError> {
        let _ = (feed_id, items, now);
        todo!()
    }
    /// Newest first (published, else first seen), a window of rows.
    pub fn headlines(
        &self,
        feed_id: i64,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        let _ = (feed_id, offset, limit);
        todo!()
    }
    pub fn counts(&self, feed_id: i64) -> Result<Counts, StoreError> {
        let _ = feed_id;
        todo!()
    }
    /// 0-based position of an article in the `headlines` order.
    pub fn position_of(&self, feed_id: i64, article_id: i64) -> Result<Option<usize>, StoreError> {
        let _ = (feed_id, article_id);
        todo!()
    }
    pub fn article(&self, article_id: i64) -> Result<Option<Article>, StoreError> {
        let _ = article_id;
        todo!()
    }
    pub fn article_by_key(&self, feed_id: i64, key: &str) -> Result<Option<Article>, StoreError> {
        let _ = (feed_id, key);
        todo!()
    }
    pub fn set_read(&self, article_id: i64, read: bool) -> Result<(), StoreError> {
        let _ = (article_id, read);
        todo!()
    }
}
