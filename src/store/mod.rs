//! The SQLite cache (the reader's archive): schema, migrations, feeds, articles, read state.
//! Submodules: `open` (file handling), `schema` (+ `schema_v3`, `schema_pages`), `pages` (full-text pages), `feeds`, `articles`, `lists`
//! (the reader's scopes), `sync` (the feed list), `upsert` (bulk writes), `retention`,
//! `codec` (blobs, hashes; `encoder` compresses them), `search` (+ `schema_search`: the search index); `feed_list` is the feed-list half of `Store`'s API.
//! Must not fetch, parse feeds or format anything for display.

mod articles;
mod bulk;
mod codec;
mod encoder;
mod feed_list;
mod feeds;
mod found;
mod lists;
mod open;
mod pages;
mod retention;
mod schema;
mod schema_pages;
mod schema_search;
mod schema_v3;
mod schema_v4;
mod search;
mod sync;
mod upsert;
mod views;

pub use codec::{Prepared, prepare};
pub use pages::StoredPage;
pub use sync::Listed;
pub use upsert::Upsert;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::model::{Article, Counts, Headline, Item, ListQuery};

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
    /// A damaged or newer cache file could not be moved aside (it is left untouched).
    #[error("cache {path}: cannot move the unusable file aside to {to}: {source}")]
    MoveAside {
        path: String,
        to: String,
        #[source]
        source: std::io::Error,
    },
    /// The file is still unusable after a bad one was moved aside (e.g. a race).
    #[error("cache {path}: {reason}")]
    Unusable { path: String, reason: String },
    /// `save_feed` got a record whose id the cache does not have.
    #[error("cache {path}: no feed with id {id}")]
    NoFeed { path: String, id: i64 },
}

impl StoreError {
    fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: path.display().to_string(),
            source,
        }
    }
    fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.display().to_string(),
            source,
        }
    }
    /// True when another connection held the lock for longer than we waited (SQLITE_BUSY or
    /// SQLITE_LOCKED): worth trying again later.
    pub fn is_busy(&self) -> bool {
        let StoreError::Sqlite { source, .. } = self else {
            return false;
        };
        matches!(
            source.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }
    fn unusable(path: &Path, reason: String) -> StoreError {
        StoreError::Unusable {
            path: path.display().to_string(),
            reason,
        }
    }
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
    /// Articles let go by retention.
    pub removed: usize,
}

/// An open cache. `Send`: it may be moved to a worker thread (not shared: no `Sync`).
pub struct Store {
    conn: Connection,
    path: PathBuf,
    notice: Option<String>,
}

impl Store {
    /// Opens (creating dirs and file) and migrates. A corrupt file or one from a newer
    /// schema is moved aside (never wiped) and a fresh one started; `notice()` says so.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let (conn, notice) = open::open_file(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            notice,
        })
    }
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let err = |e| StoreError::sqlite(&path, e);
        let mut conn = Connection::open_in_memory().map_err(err)?;
        open::configure(&conn).map_err(err)?;
        schema::migrate(&mut conn).map_err(err)?;
        Ok(Store {
            conn,
            path,
            notice: None,
        })
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
        feeds::get_or_create(&mut self.conn, source).map_err(|e| self.err(e))
    }
    /// Saves a record's fields (all but `id` and `source`, its identity).
    pub fn save_feed(&mut self, feed: &FeedRecord) -> Result<(), StoreError> {
        match feeds::save(&self.conn, feed) {
            Ok(true) => Ok(()),
            Ok(false) => Err(StoreError::NoFeed {
                path: self.path.display().to_string(),
                id: feed.id,
            }),
            Err(e) => Err(self.err(e)),
        }
    }
    /// Inserts new items and updates changed ones in one transaction; keeps everything.
    /// `total` is the feed's article count afterwards (archived ones included).
    /// A thin wrapper over [`Store::begin_upsert`] for small callers.
    pub fn upsert_items(
        &mut self,
        feed_id: i64,
        items: &[Item],
        now: DateTime<Utc>,
    ) -> Result<UpsertStats, StoreError> {
        let mut upsert = self.begin_upsert(feed_id, now)?;
        upsert.add(items)?;
        upsert.commit()
    }
    /// Starts one transaction for a whole refresh: feed it items in chunks with
    /// [`Upsert::add`], then [`Upsert::commit`]; dropping it instead leaves the cache unchanged.
    pub fn begin_upsert(
        &mut self,
        feed_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Upsert<'_>, StoreError> {
        Upsert::begin(&mut self.conn, &self.path, feed_id, now)
    }
    /// A window of the list's rows, newest first (published, else first seen).
    pub fn headlines(
        &self,
        query: &ListQuery,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        lists::headlines(&self.conn, query, offset, limit).map_err(|e| self.err(e))
    }
    /// The list's counts, kept by triggers (no rows are counted).
    pub fn counts(&self, query: &ListQuery) -> Result<Counts, StoreError> {
        lists::counts(&self.conn, query).map_err(|e| self.err(e))
    }
    /// 0-based position of an article in the list's `headlines` order.
    pub fn position_of(
        &self,
        query: &ListQuery,
        article_id: i64,
    ) -> Result<Option<usize>, StoreError> {
        lists::position_of(&self.conn, query, article_id).map_err(|e| self.err(e))
    }
    pub fn article(&self, article_id: i64) -> Result<Option<Article>, StoreError> {
        articles::article(&self.conn, article_id).map_err(|e| self.err(e))
    }
    /// The article a feed of the list keeps under `key` (the `id` of `list --json`).
    pub fn article_by_key(
        &self,
        query: &ListQuery,
        key: &str,
    ) -> Result<Option<Article>, StoreError> {
        match lists::article_id_by_key(&self.conn, query, key).map_err(|e| self.err(e))? {
            Some(id) => self.article(id),
            None => Ok(None),
        }
    }
    pub fn set_read(&self, article_id: i64, read: bool) -> Result<(), StoreError> {
        articles::set_read(&self.conn, article_id, read).map_err(|e| self.err(e))
    }
    /// The stored read flag of an article (`None`: no such article).
    pub fn read_state(&self, article_id: i64) -> Result<Option<bool>, StoreError> {
        articles::read_state(&self.conn, article_id).map_err(|e| self.err(e))
    }
    /// True when the query's search finds the article by its words (no search: true).
    pub fn finds(&self, query: &ListQuery, article_id: i64) -> Result<bool, StoreError> {
        match found::active(query.search.as_ref()) {
            Some(search) => found::finds(&self.conn, search, article_id).map_err(|e| self.err(e)),
            None => Ok(true),
        }
    }
    /// The stored star of an article (`None`: no such article).
    pub fn star_state(&self, article_id: i64) -> Result<Option<bool>, StoreError> {
        articles::star_state(&self.conn, article_id).map_err(|e| self.err(e))
    }
    /// Indexes at most `limit` articles not yet in the search index (new, changed, or from a
    /// cache made before it) in one transaction; returns how many.
    pub fn index_pending(&mut self, limit: usize) -> Result<usize, StoreError> {
        search::index_pending(&mut self.conn, limit).map_err(|e| StoreError::sqlite(&self.path, e))
    }
    /// How many articles the search index does not have yet.
    pub fn unindexed(&self) -> Result<usize, StoreError> {
        search::unindexed(&self.conn).map_err(|e| self.err(e))
    }
    /// Stars or unstars an article (a starred one is never let go by retention).
    pub fn set_starred(&self, article_id: i64, starred: bool) -> Result<(), StoreError> {
        views::set_starred(&self.conn, article_id, starred).map_err(|e| self.err(e))
    }
    /// Marks every unread article of the list read, in one transaction; returns exactly the
    /// articles it changed (what an undo gives back to [`Store::set_read_many`]).
    pub fn mark_all_read(&mut self, query: &ListQuery) -> Result<Vec<i64>, StoreError> {
        views::mark_all_read(&mut self.conn, query).map_err(|e| StoreError::sqlite(&self.path, e))
    }
    /// The unread articles of the list the query shows (what [`Store::mark_all_read`] would
    /// change now); a read, no lock.
    pub fn unread_ids(&self, query: &ListQuery) -> Result<Vec<i64>, StoreError> {
        views::unread_ids(&self.conn, query).map_err(|e| self.err(e))
    }
    /// Sets the read flag of many articles in one transaction.
    pub fn set_read_many(&mut self, ids: &[i64], read: bool) -> Result<(), StoreError> {
        views::set_read_many(&mut self.conn, ids, read)
            .map_err(|e| StoreError::sqlite(&self.path, e))
    }
    /// The next (`forward`: older) or previous unread article of the list after `article_id`,
    /// with its position in the list.
    pub fn next_unread(
        &self,
        query: &ListQuery,
        article_id: i64,
        forward: bool,
    ) -> Result<Option<(i64, usize)>, StoreError> {
        views::next_unread(&self.conn, query, article_id, forward).map_err(|e| self.err(e))
    }
    /// How long a statement waits for another connection's lock before it fails as busy.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(wait).map_err(|e| self.err(e))
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, source)
    }
}

#[cfg(test)]
mod tests;
