//! The bulk upsert of parsed items: one transaction for a whole refresh, fed in chunks, so a
//! big feed never has to be held in memory at once and an error anywhere leaves the cache as it
//! was. Works on a connection handed in by `Store`; must not open files or change the schema.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::codec::{self, Prepared};
use super::{FeedRecord, StoreError, UpsertStats, articles, feeds};
use crate::model::Item;

const KNOWN: &str = "SELECT key, id, content_hash FROM articles WHERE feed_id = ?1";
const INSERT: &str = "INSERT INTO articles (feed_id, key, sort_time, content_hash, published,
    first_seen, title, link, author, category, lead, body)
    VALUES (?1, ?2, coalesce(?4, ?5), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
/// A row from a cache written before XXH3 whose content is unchanged: only its hash is new.
const REHASH: &str = "UPDATE articles SET content_hash = ?2 WHERE id = ?1";
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
            stats: UpsertStats::default(),
        })
    }

    /// Inserts new items and rewrites changed ones (by key); unchanged ones are not touched.
    /// A key repeated within one upsert updates the row its first occurrence wrote.
    pub fn add(&mut self, items: &[Item]) -> Result<(), StoreError> {
        self.add_prepared(&codec::prepare(items.to_vec()))
    }

    /// [`Upsert::add`] of items already prepared (on another thread) with [`codec::prepare`].
    pub fn add_prepared(&mut self, items: &[Prepared]) -> Result<(), StoreError> {
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

    fn add_items(&mut self, items: &[Prepared]) -> rusqlite::Result<()> {
        for p in items {
            let (item, hash) = (&p.item, p.hash);
            let existing = match self.known.get(&item.key) {
                Some(&(_, old)) if old == hash => continue,
                Some(&(id, old)) if old == codec::legacy_content_hash(item) => {
                    self.tx.prepare_cached(REHASH)?.execute(params![id, hash])?;
                    self.known.insert(item.key.clone(), (id, hash));
                    continue;
                }
                other => other.map(|&(id, _)| id),
            };
            let id = match existing {
                Some(id) => self.update(id, p)?,
                None => self.insert(p)?,
            };
            self.known.insert(item.key.clone(), (id, hash));
        }
        Ok(())
    }

    fn update(&mut self, id: i64, p: &Prepared) -> rusqlite::Result<i64> {
        let item = &p.item;
        self.tx.prepare_cached(UPDATE)?.execute(params![
            id,
            p.hash,
            item.published.map(|t| t.timestamp()),
            item.title,
            item.link,
            item.author,
            item.category,
            p.lead,
            p.body
        ])?;
        self.stats.updated += 1;
        Ok(id)
    }

    fn insert(&mut self, p: &Prepared) -> rusqlite::Result<i64> {
        let item = &p.item;
        self.tx.prepare_cached(INSERT)?.execute(params![
            self.feed_id,
            item.key,
            p.hash,
            item.published.map(|t| t.timestamp()),
            self.now,
            item.title,
            item.link,
            item.author,
            item.category,
            p.lead,
            p.body
        ])?;
        self.stats.new += 1;
        Ok(self.tx.last_insert_rowid())
    }
}

fn known_rows(conn: &Connection, feed_id: i64) -> rusqlite::Result<HashMap<String, (i64, i64)>> {
    let mut stmt = conn.prepare_cached(KNOWN)?;
    let rows = stmt.query_map([feed_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    rows.collect()
}
