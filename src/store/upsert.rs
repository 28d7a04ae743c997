//! The bulk upsert of parsed items: one transaction for a whole refresh, fed in chunks, so a
//! big feed never has to be held in memory at once and an error anywhere leaves the cache as it
//! was. Works on a connection handed in by `Store`; must not open files or change the schema.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::codec::{self, Encoder};
use super::{FeedRecord, StoreError, UpsertStats, articles, feeds};
use crate::model::Item;

const KNOWN: &str = "SELECT key, id, content_hash FROM articles WHERE feed_id = ?1";
const INSERT: &str = "INSERT INTO articles (feed_id, key, sort_time, content_hash, published,
    first_seen, title, link, author, category, lead, body)
    VALUES (?1, ?2, coalesce(?4, ?5), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
/// `read` and `first_seen` are never touched by an update.
const UPDATE: &str = "UPDATE articles SET sort_time = coalesce(?3, first_seen), content_hash = ?2,
    published = ?3, title = ?4, link = ?5, author = ?6, category = ?7, lead = ?8, body = ?9
    WHERE id = ?1";

/// An open bulk upsert (see the module doc). Dropping it without [`Upsert::commit`] rolls
/// everything back.
pub struct Upsert<'s> {
    tx: Transaction<'s>,
    path: &'s Path,
    feed_id: i64,
    now: i64,
    /// Key → (row id, content hash) of the feed's rows, read once: no lookup query per item.
    known: HashMap<String, (i64, i64)>,
    encoder: Encoder,
    stats: UpsertStats,
}

impl<'s> Upsert<'s> {
    pub(super) fn begin(
        conn: &'s mut Connection,
        path: &'s Path,
        feed_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Upsert<'s>, StoreError> {
        let err = |e| StoreError::sqlite(path, e);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let known = known_rows(&tx, feed_id).map_err(err)?;
        Ok(Upsert {
            tx,
            path,
            feed_id,
            now: now.timestamp(),
            known,
            encoder: Encoder::new(),
            stats: UpsertStats::default(),
        })
    }

    /// Inserts new items and rewrites changed ones (by key); unchanged ones are not touched.
    /// A key repeated within one upsert updates the row its first occurrence wrote.
    pub fn add(&mut self, items: &[Item]) -> Result<(), StoreError> {
        self.add_items(items)
            .map_err(|e| StoreError::sqlite(self.path, e))
    }

    /// Saves a feed record's fields inside the same transaction.
    pub fn save_feed(&mut self, feed: &FeedRecord) -> Result<(), StoreError> {
        match feeds::save(&self.tx, feed) {
            Ok(true) => Ok(()),
            Ok(false) => Err(StoreError::NoFeed {
                path: self.path.display().to_string(),
                id: feed.id,
            }),
            Err(e) => Err(StoreError::sqlite(self.path, e)),
        }
    }

    /// Commits; `total` is the feed's article count afterwards (archived ones included).
    pub fn commit(self) -> Result<UpsertStats, StoreError> {
        let err = |e| StoreError::sqlite(self.path, e);
        let mut stats = self.stats;
        stats.total = articles::counts(&self.tx, self.feed_id).map_err(err)?.total;
        self.tx.commit().map_err(err)?;
        Ok(stats)
    }

    fn add_items(&mut self, items: &[Item]) -> rusqlite::Result<()> {
        let mut insert = self.tx.prepare_cached(INSERT)?;
        let mut update = self.tx.prepare_cached(UPDATE)?;
        for item in items {
            let hash = codec::content_hash(item);
            let existing = match self.known.get(&item.key) {
                Some(&(_, old)) if old == hash => continue,
                other => other.map(|&(id, _)| id),
            };
            let published = item.published.map(|t| t.timestamp());
            let lead = item.lead.as_deref().map(|t| self.encoder.encode(t));
            let body = item.body.as_deref().map(|t| self.encoder.encode(t));
            let (title, link) = (&item.title, &item.link);
            let (author, category) = (&item.author, &item.category);
            let id = if let Some(id) = existing {
                update.execute(params![
                    id, hash, published, title, link, author, category, lead, body
                ])?;
                self.stats.updated += 1;
                id
            } else {
                insert.execute(params![
                    self.feed_id,
                    item.key,
                    hash,
                    published,
                    self.now,
                    title,
                    link,
                    author,
                    category,
                    lead,
                    body
                ])?;
                self.stats.new += 1;
                self.tx.last_insert_rowid()
            };
            self.known.insert(item.key.clone(), (id, hash));
        }
        Ok(())
    }
}

fn known_rows(conn: &Connection, feed_id: i64) -> rusqlite::Result<HashMap<String, (i64, i64)>> {
    let mut stmt = conn.prepare_cached(KNOWN)?;
    let rows = stmt.query_map([feed_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    rows.collect()
}
